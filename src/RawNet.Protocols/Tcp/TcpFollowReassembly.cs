using System.Buffers;
using RawNet.Protocols.Conversations.Follow;
using static RawNet.Protocols.Tcp.TcpSequence;

namespace RawNet.Protocols.Tcp;

/// <summary>
/// One TCP stream's two byte streams put back in order, as tshark 4.0's "follow tcp" does it (Wireshark's
/// packet-tcp.c follow tap, read for its rules and written anew), handing each chunk on as soon as it is showable
/// instead of keeping the stream. Per direction it keeps the next expected (relative) sequence number and, in arrival
/// order, the segments that came early:
/// <list type="bullet">
/// <item>a segment at the next sequence number is shown (its captured bytes; the sequence moves by its whole length),
/// then every early segment that now fits;</item>
/// <item>a segment that starts before it shows only its bytes past it; one that ends there or before is dropped;</item>
/// <item>an early segment waits. Among the waiting ones, the first in arrival order that starts at or before the next
/// sequence number is taken next (only its new bytes are shown);</item>
/// <item>when a segment of the other direction acknowledges past the lowest waiting one and none fits, the bytes up to it
/// are declared missing (<see cref="IFollowReceiver.Missing"/>) and the waiting ones are taken.</item>
/// </list>
/// Waiting data is bounded (<see cref="StreamFollower.DefaultMaxBufferedBytes"/> by default): past the bound an early
/// segment is dropped and reported. What tshark drops without a word (bytes beyond the snaplen, segments outside the
/// sequence space, data still waiting at the end) is reported through <see cref="IFollowReceiver.Unshown"/>.
/// </summary>
internal sealed class TcpFollowReassembly
{
    /// <summary>What one waiting segment costs besides its bytes, counted against the bound.</summary>
    public const int SegmentOverhead = 64;

    private readonly IFollowReceiver _receiver;
    private readonly long _maxBufferedBytes;
    private readonly Direction[] _directions = [new(), new()];

    /// <summary>Hands chunks to <paramref name="receiver"/>; holds at most <paramref name="maxBufferedBytes"/> of early data.</summary>
    public TcpFollowReassembly(IFollowReceiver receiver, long maxBufferedBytes)
    {
        _receiver = receiver;
        _maxBufferedBytes = maxBufferedBytes;
    }

    /// <summary>Bytes of early segments held now (with their overhead).</summary>
    public long BufferedBytes { get; private set; }

    /// <summary>
    /// One segment of the stream from <paramref name="node"/>: relative <paramref name="seq"/> and <paramref name="ack"/>
    /// (as tcp.seq and tcp.ack show them), whether it has SYN, its payload length as the packet declares it, and the
    /// payload bytes captured (fewer when the capture cut the packet short).
    /// </summary>
    public void Add(FollowNode node, uint seq, uint ack, bool syn, uint length, ReadOnlySpan<byte> captured, long frame)
    {
        // This segment's acknowledgement may declare a gap in the other direction's data and release what waited behind it.
        var other = Other(node);
        if (_directions[(int)other].Waiting.Count > 0)
        {
            while (TakeWaiting(other, ack, frame, useAck: true))
            {
            }
        }

        var side = _directions[(int)node];
        uint sequence = syn ? seq + 1 : seq;
        // The first segment (tshark: while nothing has been written and the next number is 0) sets where the direction starts.
        if (side.BytesWritten == 0 && side.NextSeq == 0)
        {
            side.NextSeq = sequence;
            side.Advanced = 0;
        }

        int offset = 0;
        int dataLength = captured.Length;
        if (Lt(sequence, side.NextSeq))
        {
            uint end = sequence + length;
            if (Gt(end, side.NextSeq))
            {
                // A resend with more: only what is past the next sequence number is new.
                uint seen = side.NextSeq - sequence;
                if ((uint)dataLength <= seen)
                    dataLength = 0;
                else
                {
                    offset = (int)seen;
                    dataLength -= (int)seen;
                }
                sequence = side.NextSeq;
                length = end - side.NextSeq;
            }
        }

        bool old = Lt(sequence, side.NextSeq);
        if (!old && length > (uint)dataLength)
            _receiver.Unshown(new UnshownData(UnshownReason.NotCaptured, node, length - (uint)dataLength, frame));
        if (dataLength == 0 || old)
        {
            // Old data is a resend of what was shown, unless it lies before the start or the sequence jumped 2 GiB or more.
            if (old && length > 0 && (ulong)(side.NextSeq - sequence) > (ulong)side.Advanced + 1)
                _receiver.Unshown(new UnshownData(UnshownReason.OutsideStream, node, length, frame));
            return;
        }

        var bytes = captured.Slice(offset, dataLength);
        if (sequence == side.NextSeq)
        {
            side.NextSeq += length;
            side.Advanced += length;
            side.BytesWritten += (uint)dataLength;
            _receiver.Data(node, bytes, frame);
            while (TakeWaiting(node, 0, frame, useAck: false))
            {
            }
            return;
        }
        Wait(side, node, sequence, bytes, frame);
    }

    /// <summary>Reports, per direction, the data still waiting behind a gap that never filled, and lets it go.</summary>
    public void Finish()
    {
        for (int n = 0; n < 2; n++)
        {
            var side = _directions[n];
            if (side.Waiting.Count == 0)
                continue;
            // Bytes held (overlaps counted once) and the gap before the lowest of them.
            var spans = new List<(uint Start, uint End, long Frame)>(side.Waiting.Count);
            long firstFrame = long.MaxValue;
            foreach (var segment in side.Waiting)
            {
                uint start = segment.Seq - side.NextSeq;
                spans.Add((start, start + (uint)segment.Length, segment.Frame));
                firstFrame = Math.Min(firstFrame, segment.Frame);
            }
            spans.Sort((a, b) => a.Start.CompareTo(b.Start));
            long held = 0;
            uint coveredTo = spans[0].Start;
            foreach (var (start, end, _) in spans)
            {
                uint from = Math.Max(start, coveredTo);
                if (end > from)
                {
                    held += end - from;
                    coveredTo = end;
                }
            }
            _receiver.Unshown(new UnshownData(UnshownReason.NeverShown, (FollowNode)n, held, firstFrame, spans[0].Start));
            Release(side);
        }
    }

    private static FollowNode Other(FollowNode node) => node == FollowNode.Client ? FollowNode.Server : FollowNode.Client;

    /// <summary>Keeps an early segment, unless one that came before it starts at the same number and holds as much.</summary>
    private void Wait(Direction side, FollowNode node, uint sequence, ReadOnlySpan<byte> bytes, long frame)
    {
        // Such a segment would always be taken first and leave nothing of this one to show.
        foreach (var waiting in side.Waiting)
        {
            if (waiting.Seq == sequence && waiting.Length >= bytes.Length)
                return;
        }
        long cost = bytes.Length + SegmentOverhead;
        if (BufferedBytes + cost > _maxBufferedBytes)
        {
            _receiver.Unshown(new UnshownData(UnshownReason.BufferFull, node, bytes.Length, frame));
            return;
        }
        var data = ArrayPool<byte>.Shared.Rent(bytes.Length);
        bytes.CopyTo(data);
        side.Waiting.Add(new WaitingSegment(sequence, bytes.Length, frame, data));
        BufferedBytes += cost;
    }

    /// <summary>
    /// Takes the first waiting segment (in arrival order) that starts at or before the next sequence number; failing
    /// that, with <paramref name="useAck"/>, declares the bytes up to the lowest waiting segment missing when
    /// <paramref name="ack"/> is past it. True when something was taken (the caller asks again).
    /// </summary>
    private bool TakeWaiting(FollowNode node, uint ack, long frame, bool useAck)
    {
        var side = _directions[(int)node];
        var waiting = side.Waiting;
        if (waiting.Count == 0)
            return false;
        uint lowest = waiting[0].Seq;
        for (int i = 0; i < waiting.Count; i++)
        {
            var segment = waiting[i];
            if (Gt(lowest, segment.Seq))
                lowest = segment.Seq;
            if (Lt(segment.Seq, side.NextSeq))
            {
                uint end = segment.Seq + (uint)segment.Length;
                if (Gt(end, side.NextSeq))
                {
                    int seen = (int)(side.NextSeq - segment.Seq);
                    _receiver.Data(node, segment.Data.AsSpan(seen, segment.Length - seen), segment.Frame);
                    side.NextSeq += (uint)(segment.Length - seen);
                    side.Advanced += segment.Length - seen;
                }
                Remove(side, i);
                return true;
            }
            if (segment.Seq == side.NextSeq)
            {
                _receiver.Data(node, segment.Data.AsSpan(0, segment.Length), segment.Frame);
                side.NextSeq += (uint)segment.Length;
                side.Advanced += segment.Length;
                Remove(side, i);
                return true;
            }
        }
        if (useAck && Gt(ack, lowest))
        {
            // tshark prints the count as a signed int of the 32-bit difference.
            int missing = (int)(lowest - side.NextSeq);
            _receiver.Missing(node, missing, frame);
            side.Advanced += lowest - side.NextSeq;
            side.NextSeq = lowest;
            return true;
        }
        return false;
    }

    private void Remove(Direction side, int index)
    {
        var segment = side.Waiting[index];
        side.Waiting.RemoveAt(index);
        ArrayPool<byte>.Shared.Return(segment.Data);
        BufferedBytes -= segment.Length + SegmentOverhead;
    }

    private void Release(Direction side)
    {
        while (side.Waiting.Count > 0)
            Remove(side, side.Waiting.Count - 1);
    }

    /// <summary>One direction's state: tshark's next sequence number and bytes written, and the early segments.</summary>
    private sealed class Direction
    {
        /// <summary>The next relative sequence number to show (0 with <see cref="BytesWritten"/> 0: not started).</summary>
        public uint NextSeq;
        /// <summary>Bytes shown straight from their segments (not from waiting ones), modulo 2^32 as tshark counts them.</summary>
        public uint BytesWritten;
        /// <summary>How far <see cref="NextSeq"/> has moved since the direction started (to tell a resend from a jump).</summary>
        public long Advanced;
        /// <summary>Early segments in arrival order.</summary>
        public readonly List<WaitingSegment> Waiting = [];
    }

    /// <summary>An early segment's captured bytes (in a pooled array) and where they go.</summary>
    private readonly record struct WaitingSegment(uint Seq, int Length, long Frame, byte[] Data);
}
