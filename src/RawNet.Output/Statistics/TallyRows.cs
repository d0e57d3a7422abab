using System.Runtime.InteropServices;
using RawNet.Output.Filters;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Statistics;

/// <summary>A row of a conversation or endpoint table: its frames both ways, which decide tshark's order.</summary>
public interface ITallyRow
{
    /// <summary>Frames both ways.</summary>
    long Frames { get; }
}

/// <summary>
/// The rows of a conversation or endpoint table, keyed and kept in order of first appearance, bounded: a key seen after
/// <see cref="MaxRows"/> rows is counted in <see cref="Unlisted"/> and not listed. Finding a known key allocates nothing.
/// </summary>
internal sealed class TallyRows<TKey, TRow>(int maxRows)
    where TKey : notnull
    where TRow : struct, ITallyRow
{
    private readonly Dictionary<TKey, int> _index = new(1024);
    private TRow[] _rows = new TRow[64];

    /// <summary>The most rows listed.</summary>
    public int MaxRows { get; } = Math.Max(1, maxRows);

    /// <summary>Rows listed.</summary>
    public int Count { get; private set; }

    /// <summary>Sightings of keys that arrived after the table was full.</summary>
    public long Unlisted { get; private set; }

    /// <summary>The rows in order of first appearance.</summary>
    public ReadOnlySpan<TRow> Rows => _rows.AsSpan(0, Count);

    /// <summary>
    /// The row of <paramref name="key"/>, added as <paramref name="fresh"/> when new (<paramref name="added"/>); false
    /// when the table is full and the key is not in it.
    /// </summary>
    public bool TryFind(in TKey key, in TRow fresh, out int slot, out bool added)
    {
        ref int index = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, key, out bool exists);
        added = !exists;
        if (exists)
        {
            slot = index;
            return true;
        }
        if (Count >= MaxRows)
        {
            _index.Remove(key);
            Unlisted++;
            slot = -1;
            return false;
        }
        if (Count == _rows.Length)
            Array.Resize(ref _rows, (int)Math.Min((long)_rows.Length * 2, MaxRows));
        index = slot = Count;
        _rows[Count++] = fresh;
        return true;
    }

    /// <summary>The row at <paramref name="slot"/>, to update in place.</summary>
    public ref TRow this[int slot] => ref _rows[slot];

    /// <summary>The rows as tshark prints them: most frames first, ties in order of first appearance.</summary>
    public TRow[] InTsharkOrder()
    {
        var rows = Rows.ToArray();
        var order = new int[rows.Length];
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(order, (a, b) => rows[b].Frames != rows[a].Frames ? rows[b].Frames.CompareTo(rows[a].Frames) : a.CompareTo(b));
        return Array.ConvertAll(order, i => rows[i]);
    }
}

/// <summary>
/// A conversation or endpoint table of one <see cref="TallyKind"/>: the packets <see cref="Filter"/> passes are looked
/// at header by header where tshark's tap sees one (<see cref="TapPoints"/>), and each sighting is recorded in bounded
/// rows kept in order of first appearance.
/// </summary>
public abstract class Tally<TKey, TRow>
    where TKey : notnull
    where TRow : struct, ITallyRow
{
    private protected readonly TallyRows<TKey, TRow> Table;

    private protected Tally(TallyKind kind, DisplayFilter? filter, int maxRows)
    {
        Kind = kind;
        Filter = filter;
        Table = new(maxRows);
    }

    /// <summary>The protocol whose conversations or endpoints are counted.</summary>
    public TallyKind Kind { get; }

    /// <summary>The display filter a packet must pass, or null.</summary>
    public DisplayFilter? Filter { get; }

    /// <summary>Rows listed.</summary>
    public int Count => Table.Count;

    /// <summary>Sightings that arrived after the table was full: not listed, not counted.</summary>
    public long Unlisted => Table.Unlisted;

    /// <summary>The rows in order of first appearance.</summary>
    public ReadOnlySpan<TRow> Rows => Table.Rows;

    /// <summary>The rows as tshark prints them: most frames first, ties in order of first appearance.</summary>
    public TRow[] InTsharkOrder() => Table.InTsharkOrder();

    /// <summary>Counts one analysed packet (its frame times and streams come from the conversation tracker).</summary>
    public void Add(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (Filter is not null && !Filter.Matches(packet, frame))
            return;
        long now = packet.Analysis.TimeRelative;
        int length = packet.WiretapFrame.OriginalLength;
        for (int i = 1; i < packet.LayerCount; i++)
        {
            if (TapPoints.TryRead(Kind, packet, frame, i, out var sighting))
                Record(sighting, now, length);
        }
    }

    private protected abstract void Record(in TapEvent sighting, long now, int length);
}
