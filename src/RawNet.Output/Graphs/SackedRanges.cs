namespace RawNet.Output.Graphs;

/// <summary>
/// Sequence ranges the receiver has selectively acknowledged and not yet acknowledged cumulatively, sorted and disjoint:
/// what goodput needs so that bytes count once, when first SACKed or when first ACKed, whichever comes first (the rule
/// of Wireshark's throughput graph). Comparisons wrap as TCP's do. Holds at most <see cref="MaxRanges"/> ranges; past that
/// the lowest are dropped (they count again when ACKed: a rare overcount rather than unbounded memory).
/// </summary>
public sealed class SackedRanges
{
    /// <summary>Ranges held at most.</summary>
    public const int MaxRanges = 4096;

    private readonly List<SackBlock> _ranges = [];

    /// <summary>Ranges held now.</summary>
    public int Count => _ranges.Count;

    /// <summary>
    /// An acknowledgement up to <paramref name="ack"/> (exclusive), which newly covers <paramref name="acked"/> bytes, with
    /// the SACK blocks <paramref name="sacks"/>; returns the bytes delivered by it that were not counted before.
    /// </summary>
    public long Acknowledge(uint ack, long acked, ReadOnlySpan<SackBlock> sacks)
    {
        long delivered = acked;
        // Bytes below the new ACK that were SACKed earlier were counted then.
        int drop = 0;
        while (drop < _ranges.Count)
        {
            var range = _ranges[drop];
            if (Before(ack, range.Right))
            {
                if (After(ack, range.Left))
                {
                    delivered -= ack - range.Left;
                    _ranges[drop] = range with { Left = ack };
                }
                break;
            }
            delivered -= range.Right - range.Left;
            drop++;
        }
        _ranges.RemoveRange(0, drop);
        foreach (var sack in sacks)
        {
            uint left = sack.Left, right = sack.Right;
            if (!Before(left, right) || !Before(ack, right))
                continue;
            if (Before(left, ack))
                left = ack;
            delivered += Insert(left, right);
        }
        if (_ranges.Count > MaxRanges)
            _ranges.RemoveRange(0, _ranges.Count - MaxRanges);
        return delivered;
    }

    /// <summary>Adds [left, right) to the ranges; returns how many of its bytes were not in them before.</summary>
    private long Insert(uint left, uint right)
    {
        int i = 0;
        while (i < _ranges.Count && Before(_ranges[i].Right, left))
            i++;
        long added = 0;
        uint cursor = left;
        uint newLeft = left, newRight = right;
        int first = i;
        while (i < _ranges.Count && !Before(right, _ranges[i].Left))
        {
            var range = _ranges[i];
            if (Before(cursor, range.Left))
                added += range.Left - cursor;
            if (Before(cursor, range.Right))
                cursor = range.Right;
            if (Before(range.Left, newLeft))
                newLeft = range.Left;
            if (After(range.Right, newRight))
                newRight = range.Right;
            i++;
        }
        if (Before(cursor, right))
            added += right - cursor;
        _ranges.RemoveRange(first, i - first);
        _ranges.Insert(first, new SackBlock(newLeft, newRight));
        return added;
    }

    private static bool Before(uint a, uint b) => (int)(a - b) < 0;

    private static bool After(uint a, uint b) => (int)(a - b) > 0;
}
