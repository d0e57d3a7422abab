namespace RawNet.Protocols.Tcp;

/// <summary>What the TCP sequence analysis concluded about a segment, as Wireshark's tcp.analysis.* expert flags.</summary>
[Flags]
public enum TcpAnalysisFlags : ushort
{
    None = 0,
    Retransmission = 1 << 0,
    FastRetransmission = 1 << 1,
    SpuriousRetransmission = 1 << 2,
    OutOfOrder = 1 << 3,
    LostSegment = 1 << 4,
    AckLostSegment = 1 << 5,
    WindowUpdate = 1 << 6,
    WindowFull = 1 << 7,
    KeepAlive = 1 << 8,
    KeepAliveAck = 1 << 9,
    DuplicateAck = 1 << 10,
    ZeroWindow = 1 << 11,
    ZeroWindowProbe = 1 << 12,
    ZeroWindowProbeAck = 1 << 13,
    ReusedPorts = 1 << 14,
}

/// <summary>What each analysis flag means to a reader, as Wireshark's expert information and colouring rules say.</summary>
public static class TcpAnalysisFlagsInfo
{
    /// <summary>The flags Wireshark's "Bad TCP" colouring rule leaves out (window updates and keep-alives are routine).</summary>
    public const TcpAnalysisFlags Routine = TcpAnalysisFlags.WindowUpdate | TcpAnalysisFlags.KeepAlive | TcpAnalysisFlags.KeepAliveAck;

    /// <summary>The expert severity Wireshark gives one flag.</summary>
    public static ExpertSeverity Severity(this TcpAnalysisFlags flag) => flag switch
    {
        TcpAnalysisFlags.WindowUpdate => ExpertSeverity.Chat,
        TcpAnalysisFlags.OutOfOrder or TcpAnalysisFlags.LostSegment or TcpAnalysisFlags.AckLostSegment
            or TcpAnalysisFlags.WindowFull or TcpAnalysisFlags.ZeroWindow => ExpertSeverity.Warning,
        _ => ExpertSeverity.Note,
    };

    /// <summary>True when a segment with these flags is "Bad TCP" in Wireshark's default colouring: any flag but the routine ones.</summary>
    public static bool IsBadTcp(this TcpAnalysisFlags flags) => (flags & ~Routine) != 0;
}

/// <summary>
/// Which of the analysis's values a segment shows (Wireshark leaves the others out of the tree and the fields), and which
/// connection-closing note its FIN carries.
/// </summary>
[Flags]
public enum TcpAnalysisItems : ushort
{
    None = 0,
    /// <summary>The SEQ/ACK analysis subtree is shown at all (Wireshark keeps an analysis record for the frame).</summary>
    Analysis = 1 << 0,
    AcksFrame = 1 << 1,
    AckRtt = 1 << 2,
    InitialRtt = 1 << 3,
    BytesInFlight = 1 << 4,
    PushBytesSent = 1 << 5,
    DuplicateAck = 1 << 6,
    Rto = 1 << 7,
    /// <summary>A FIN sent before the other side's: "This frame initiates the connection closing" (tcp.connection.fin_active).</summary>
    ClosingActive = 1 << 8,
    /// <summary>A FIN sent after the other side's: "This frame undergoes the connection closing" (tcp.connection.fin_passive).</summary>
    ClosingPassive = 1 << 9,
}

/// <summary>The TCP part of one segment's analysis: relative numbers, the scaled window, and the SEQ/ACK analysis.</summary>
public struct TcpSegmentAnalysis
{
    /// <summary>Sequence number relative to the sender's base.</summary>
    public uint Seq;
    /// <summary>Acknowledgement number relative to the receiver's base (shown when <see cref="HasAck"/>).</summary>
    public uint Ack;
    /// <summary>The relative sequence number after this segment (shown when <see cref="HasNextSeq"/>).</summary>
    public uint NextSeq;
    public bool HasAck;
    public bool HasNextSeq;
    /// <summary>The window scaled as the handshake agreed (shown when <see cref="HasWindowSize"/>).</summary>
    public uint WindowSize;
    /// <summary>The scale multiplier, -1 unknown, -2 no scaling (shown when <see cref="HasScaleFactor"/>).</summary>
    public int ScaleFactor;
    public bool HasWindowSize;
    public bool HasScaleFactor;
    /// <summary>The expert flags.</summary>
    public TcpAnalysisFlags Flags;
    /// <summary>Which values below are shown.</summary>
    public TcpAnalysisItems Items;
    /// <summary>The frame whose data this segment acknowledges.</summary>
    public uint AcksFrame;
    /// <summary>Nanoseconds from that frame to this acknowledgement.</summary>
    public long AckRtt;
    /// <summary>Nanoseconds from the SYN to the ACK that completed the handshake.</summary>
    public long InitialRtt;
    public uint BytesInFlight;
    public uint PushBytesSent;
    /// <summary>Which duplicate of the acknowledgement this is (1, 2, ...).</summary>
    public uint DuplicateAckNumber;
    /// <summary>The frame this acknowledgement duplicates.</summary>
    public uint DuplicateAckFrame;
    /// <summary>Nanoseconds the retransmission waited (the retransmission timeout).</summary>
    public long Rto;
    /// <summary>The frame the <see cref="Rto"/> is measured from.</summary>
    public uint RtoFrame;
    /// <summary>The receiver's base sequence number when the options were read: SACK edges are shown relative to it.</summary>
    public uint SackBase;
    /// <summary>tcp.completeness: the conversation's <see cref="TcpCompleteness"/> bits before this segment.</summary>
    public byte Completeness;
}

/// <summary>What a TCP conversation has shown so far, tshark's tcp.completeness bits.</summary>
[Flags]
public enum TcpCompleteness : byte
{
    None = 0,
    SynSent = 1,
    SynAck = 2,
    Ack = 4,
    Data = 8,
    Fin = 16,
    Reset = 32,
}
