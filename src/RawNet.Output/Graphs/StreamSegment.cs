using RawNet.Protocols.Tcp;

namespace RawNet.Output.Graphs;

/// <summary>Which way a segment travels in its stream.</summary>
public enum StreamDirection : byte
{
    /// <summary>Sent by the client: the endpoint that sent the stream's first packet (usually the SYN).</summary>
    FromClient,
    /// <summary>Sent by the server: the endpoint the stream's first packet went to (Wireshark's default for its stream graphs).</summary>
    FromServer,
}

/// <summary>Yes/no facts of a <see cref="StreamSegment"/>.</summary>
[Flags]
public enum SegmentFacts : byte
{
    None = 0,
    /// <summary>Sent by the client.</summary>
    FromClient = 1,
    /// <summary><see cref="StreamSegment.Ack"/> holds a (relative) acknowledgement number.</summary>
    HasAck = 2,
    /// <summary><see cref="StreamSegment.BytesInFlight"/> holds tcp.analysis.bytes_in_flight.</summary>
    HasBytesInFlight = 4,
    /// <summary><see cref="StreamSegment.AckRtt"/> holds tcp.analysis.ack_rtt.</summary>
    HasAckRtt = 8,
}

/// <summary>A SACK block in relative sequence numbers (tshark's tcp.options.sack_le and sack_re).</summary>
public readonly record struct SackBlock(uint Left, uint Right);

/// <summary>
/// One TCP segment of a stream as the graphs need it: tshark's values for it (tcp.seq, tcp.ack, tcp.len, the scaled
/// tcp.window_size, frame.time_relative and the tcp.analysis values), 56 bytes.
/// </summary>
public struct StreamSegment
{
    /// <summary>frame.number.</summary>
    public uint Frame;
    /// <summary>frame.time_relative in nanoseconds.</summary>
    public long Time;
    /// <summary>tcp.analysis.ack_rtt in nanoseconds (when <see cref="SegmentFacts.HasAckRtt"/>).</summary>
    public long AckRtt;
    /// <summary>tcp.seq, relative.</summary>
    public uint Seq;
    /// <summary>tcp.ack, relative (when <see cref="SegmentFacts.HasAck"/>).</summary>
    public uint Ack;
    /// <summary>tcp.len: payload bytes.</summary>
    public uint Length;
    /// <summary>tcp.window_size: the window as the handshake's scaling makes it.</summary>
    public uint Window;
    /// <summary>tcp.analysis.bytes_in_flight (when <see cref="SegmentFacts.HasBytesInFlight"/>).</summary>
    public uint BytesInFlight;
    /// <summary>Index of this segment's first SACK block in <see cref="TcpStreamSegments.SackBlocks"/>.</summary>
    public int FirstSack;
    /// <summary>The header's flags (SYN, ACK, FIN, RST...).</summary>
    public TcpFlags Flags;
    /// <summary>The tcp.analysis flags (retransmission, out of order...).</summary>
    public TcpAnalysisFlags Analysis;
    /// <summary>How many SACK blocks the segment carries (up to four).</summary>
    public byte SackCount;
    public SegmentFacts Facts;

    public readonly bool Has(SegmentFacts fact) => (Facts & fact) != 0;

    /// <summary>The direction the segment travels.</summary>
    public readonly StreamDirection Direction => Has(SegmentFacts.FromClient) ? StreamDirection.FromClient : StreamDirection.FromServer;

    /// <summary>frame.time_relative in seconds.</summary>
    public readonly double Seconds => Time / 1e9;
}
