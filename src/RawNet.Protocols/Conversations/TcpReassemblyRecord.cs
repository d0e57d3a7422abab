using System.Buffers;

namespace RawNet.Protocols.Conversations;

/// <summary>One TCP segment's part in a reassembled PDU: its frame and how many of its payload bytes the PDU took.</summary>
public readonly record struct TcpSegmentPiece(uint Frame, int Length);

/// <summary>
/// What tshark's TCP reassembly shows of one packet (tcp.desegment_tcp_streams): the "TCP segment data" items (the payload
/// bytes a held PDU took, or a new one held after a PDU this segment completes) and, on the segment that completes a PDU,
/// the segments it was put together from ("[N Reassembled TCP Segments (B bytes): #f(l), ...]", tcp.segment,
/// tcp.segment.count, tcp.reassembled.length; its bytes are the packet's <see cref="Decoding.DecodedPacket.StreamBuffer"/>).
/// Filled by the HTTP and DNS reassemblers; owned by a <see cref="PacketAnalysis"/> and overwritten with it.
/// </summary>
public sealed class TcpReassemblyRecord
{
    /// <summary>The most segments one record lists (a longer PDU's count and length stay right; later segments go unlisted).</summary>
    public const int MaxSegments = TcpSegmentTrail.MaxSegments;

    /// <summary>At most two "TCP segment data" items: the part that completes a PDU, and the start of the next one held.</summary>
    public const int MaxDataItems = 2;

    private TcpSegmentPiece[] _segments = [];
    private readonly (int Offset, int Length)[] _data = new (int, int)[MaxDataItems];

    /// <summary>The TCP layer the record is for, or -1 when it holds nothing.</summary>
    public int LayerIndex { get; private set; } = -1;

    /// <summary>Number of "TCP segment data" items (offsets and lengths within the TCP payload).</summary>
    public int DataCount { get; private set; }

    /// <summary>True when the segment completes a PDU put together from segments.</summary>
    public bool Completes => SegmentCount > 0;

    /// <summary>Segments the completed PDU was put together from (tcp.segment.count).</summary>
    public int SegmentCount { get; private set; }

    /// <summary>The completed PDU's length (tcp.reassembled.length).</summary>
    public int ReassembledLength { get; private set; }

    /// <summary>The listed segments (the first <see cref="MaxSegments"/>).</summary>
    public ReadOnlySpan<TcpSegmentPiece> Segments => _segments.AsSpan(0, Math.Min(SegmentCount, MaxSegments));

    /// <summary>"TCP segment data" item <paramref name="index"/>.</summary>
    public (int Offset, int Length) Data(int index) => _data[index];

    /// <summary>Adds a "TCP segment data" item for the layer at <paramref name="layerIndex"/>: <paramref name="length"/> payload bytes from <paramref name="offset"/>.</summary>
    public void AddData(int layerIndex, int offset, int length)
    {
        if (length <= 0 || DataCount == MaxDataItems || (LayerIndex >= 0 && LayerIndex != layerIndex))
            return;
        LayerIndex = layerIndex;
        _data[DataCount++] = (offset, length);
    }

    /// <summary>Records that the layer at <paramref name="layerIndex"/> completes a PDU of <paramref name="trail"/>'s segments (<paramref name="length"/> bytes long, or as long as they are).</summary>
    public void SetCompleted(int layerIndex, in TcpSegmentTrail trail, int length = -1)
    {
        if (LayerIndex >= 0 && LayerIndex != layerIndex)
            return;
        LayerIndex = layerIndex;
        var pieces = trail.Pieces;
        if (_segments.Length < pieces.Length)
            _segments = new TcpSegmentPiece[Math.Min(MaxSegments, Math.Max(pieces.Length, 2 * _segments.Length))];
        pieces.CopyTo(_segments);
        SegmentCount = trail.Count;
        ReassembledLength = length >= 0 ? length : (int)Math.Min(int.MaxValue, trail.Bytes);
    }

    /// <summary>Forgets everything (a new packet).</summary>
    public void Clear()
    {
        LayerIndex = -1;
        DataCount = 0;
        SegmentCount = 0;
        ReassembledLength = 0;
    }
}

/// <summary>
/// The segments a reassembler has put into the PDU it holds so far, in order: a pooled array grown as segments arrive,
/// at most <see cref="MaxSegments"/> listed (the count and bytes go on).
/// </summary>
public struct TcpSegmentTrail
{
    /// <summary>The most segments listed per PDU.</summary>
    public const int MaxSegments = 4096;

    private TcpSegmentPiece[]? _pieces;

    /// <summary>Segments added.</summary>
    public int Count { get; private set; }

    /// <summary>Payload bytes they brought.</summary>
    public long Bytes { get; private set; }

    /// <summary>The listed segments.</summary>
    public readonly ReadOnlySpan<TcpSegmentPiece> Pieces => _pieces is null ? default : _pieces.AsSpan(0, Math.Min(Count, MaxSegments));

    /// <summary>Adds a segment's <paramref name="length"/> bytes from frame <paramref name="frame"/>.</summary>
    public void Add(uint frame, int length)
    {
        if (Count < MaxSegments)
        {
            if (_pieces is null || Count == _pieces.Length)
            {
                var grown = ArrayPool<TcpSegmentPiece>.Shared.Rent(Math.Min(MaxSegments, Math.Max(16, 2 * Count)));
                _pieces?.AsSpan(0, Count).CopyTo(grown);
                if (_pieces is not null)
                    ArrayPool<TcpSegmentPiece>.Shared.Return(_pieces);
                _pieces = grown;
            }
            _pieces[Count] = new TcpSegmentPiece(frame, length);
        }
        Count++;
        Bytes += length;
    }

    /// <summary>Sets the last segment's length (a PDU that ends inside it took only part of it).</summary>
    public void TrimLast(int length)
    {
        if (Count == 0)
            return;
        int last = Count - 1;
        if (last < MaxSegments && _pieces is not null)
        {
            Bytes += length - _pieces[last].Length;
            _pieces[last] = _pieces[last] with { Length = length };
        }
    }

    /// <summary>Forgets the segments and gives the array back.</summary>
    public void Release()
    {
        if (_pieces is not null)
            ArrayPool<TcpSegmentPiece>.Shared.Return(_pieces);
        _pieces = null;
        Count = 0;
        Bytes = 0;
    }
}
