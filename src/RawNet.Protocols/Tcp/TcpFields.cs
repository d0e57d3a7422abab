using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Tcp.TcpHeader.Field;

namespace RawNet.Protocols.Tcp;

/// <summary>The TCP field table (Wireshark "tcp").</summary>
public static class TcpFields
{
    public static readonly FieldDefinition SourcePort = FieldDefinition.Fixed("tcp.srcport", "Source Port", LayerKind.Tcp, F.SourcePort, 2, FieldKind.Decimal);
    public static readonly FieldDefinition DestinationPort = FieldDefinition.Fixed("tcp.dstport", "Destination Port", LayerKind.Tcp, F.DestinationPort, 2, FieldKind.Decimal);
    public static readonly FieldDefinition Port = FieldDefinition.Derived("tcp.port", "Source or Destination Port", LayerKind.Tcp, FieldKind.Decimal, ComputedField.Ports);
    public static readonly FieldDefinition SegmentLength = FieldDefinition.Derived("tcp.len", "TCP Segment Len", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpSegmentLength);
    public static readonly FieldDefinition SequenceNumber = FieldDefinition.Fixed("tcp.seq_raw", "Sequence Number (raw)", LayerKind.Tcp, F.SequenceNumber, 4, FieldKind.Decimal, presence: FieldPresence.NotQuotedByIcmpv4);
    public static readonly FieldDefinition AcknowledgmentNumber = FieldDefinition.Fixed("tcp.ack_raw", "Acknowledgment number (raw)", LayerKind.Tcp, F.AcknowledgmentNumber, 4, FieldKind.Decimal, presence: FieldPresence.TcpHeaderLengthValid);
    public static readonly FieldDefinition HeaderLength = FieldDefinition.Derived("tcp.hdr_len", "Header Length", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpHeaderLength);
    public static readonly FieldDefinition Flags = FieldDefinition.Fixed("tcp.flags", "Flags", LayerKind.Tcp, F.DataOffsetAndFlags, 2, FieldKind.Hex, 0x0FFF, presence: FieldPresence.TcpHeaderLengthValid);
    public static readonly FieldDefinition Reserved = Flag("tcp.flags.res", "Reserved", 0x0E00);
    public static readonly FieldDefinition AccurateEcn = Flag("tcp.flags.ae", "Accurate ECN", 0x0100);
    public static readonly FieldDefinition Cwr = Flag("tcp.flags.cwr", "Congestion Window Reduced", 0x0080);
    public static readonly FieldDefinition Ece = Flag("tcp.flags.ece", "ECN-Echo", 0x0040);
    public static readonly FieldDefinition Urg = Flag("tcp.flags.urg", "Urgent", 0x0020);
    public static readonly FieldDefinition Ack = Flag("tcp.flags.ack", "Acknowledgment", 0x0010);
    public static readonly FieldDefinition Push = Flag("tcp.flags.push", "Push", 0x0008);
    public static readonly FieldDefinition Reset = Flag("tcp.flags.reset", "Reset", 0x0004);
    public static readonly FieldDefinition Syn = Flag("tcp.flags.syn", "Syn", 0x0002);
    public static readonly FieldDefinition Fin = Flag("tcp.flags.fin", "Fin", 0x0001);
    /// <summary>The flags as tshark's twelve-character string ("·······A··S·"): a letter for each set bit, a middle dot for each clear one.</summary>
    public static readonly FieldDefinition FlagsText = FieldDefinition.Derived("tcp.flags.str", "TCP Flags", LayerKind.Tcp, FieldKind.BuiltText, ComputedField.TcpFlagsText);
    public static readonly FieldDefinition Window = FieldDefinition.Fixed("tcp.window_size_value", "Window", LayerKind.Tcp, F.Window, 2, FieldKind.Decimal, presence: FieldPresence.TcpHeaderLengthValid);
    public static readonly FieldDefinition Checksum = FieldDefinition.Fixed("tcp.checksum", "Checksum", LayerKind.Tcp, F.Checksum, 2, FieldKind.Hex, presence: FieldPresence.TcpHeaderLengthValid);
    /// <summary>2, unverified: tshark's default preferences leave TCP checksums unchecked (tcp.check_checksum: FALSE).</summary>
    public static readonly FieldDefinition ChecksumStatus = FieldDefinition.Derived("tcp.checksum.status", "Checksum Status", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpChecksumStatus);
    public static readonly FieldDefinition UrgentPointer = FieldDefinition.Fixed("tcp.urgent_pointer", "Urgent Pointer", LayerKind.Tcp, F.UrgentPointer, 2, FieldKind.Decimal, presence: FieldPresence.TcpHeaderLengthValid);
    /// <summary>The option area's captured bytes, and each option's bytes under its own protocol name (tcp.options.mss, ...).</summary>
    public static readonly FieldDefinition Options = FieldDefinition.Derived("tcp.options", "Options", LayerKind.Tcp, FieldKind.Bytes, ComputedField.TcpOptions);
    public static readonly FieldDefinition OptionNop = FieldDefinition.Derived("tcp.options.nop", "TCP Option - No-Operation (NOP)", LayerKind.Tcp, FieldKind.Bytes, ComputedField.TcpOptionNop);
    public static readonly FieldDefinition OptionEol = FieldDefinition.Derived("tcp.options.eol", "TCP Option - End of Option List (EOL)", LayerKind.Tcp, FieldKind.Bytes, ComputedField.TcpOptionEol);
    public static readonly FieldDefinition OptionMss = FieldDefinition.Derived("tcp.options.mss", "TCP Option - Maximum segment size", LayerKind.Tcp, FieldKind.Bytes, ComputedField.TcpOptionMss);
    public static readonly FieldDefinition OptionWindowScale = FieldDefinition.Derived("tcp.options.wscale", "TCP Option - Window scale", LayerKind.Tcp, FieldKind.Bytes, ComputedField.TcpOptionWindowScale);
    public static readonly FieldDefinition OptionSackPermitted = FieldDefinition.Derived("tcp.options.sack_perm", "TCP Option - SACK permitted", LayerKind.Tcp, FieldKind.Bytes, ComputedField.TcpOptionSackPermitted);
    public static readonly FieldDefinition OptionSack = FieldDefinition.Derived("tcp.options.sack", "TCP Option - SACK", LayerKind.Tcp, FieldKind.Bytes, ComputedField.TcpOptionSack);
    public static readonly FieldDefinition OptionTimestamp = FieldDefinition.Derived("tcp.options.timestamp", "TCP Option - Timestamps", LayerKind.Tcp, FieldKind.Bytes, ComputedField.TcpOptionTimestamp);
    public static readonly FieldDefinition OptionKind = FieldDefinition.Derived("tcp.option_kind", "Kind", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpOptionKind);
    public static readonly FieldDefinition OptionLength = FieldDefinition.Derived("tcp.option_len", "Length", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpOptionLength);
    public static readonly FieldDefinition MaximumSegmentSize = FieldDefinition.Derived("tcp.options.mss_val", "MSS Value", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpMaximumSegmentSize);
    public static readonly FieldDefinition WindowScaleShift = FieldDefinition.Derived("tcp.options.wscale.shift", "Shift count", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpWindowScaleShift);
    public static readonly FieldDefinition WindowScaleMultiplier = FieldDefinition.Derived("tcp.options.wscale.multiplier", "Multiplier", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpWindowScaleMultiplier);
    /// <summary>SACK block edges, relative to the base sequence number of the data they acknowledge (the other direction's), and their count.</summary>
    public static readonly FieldDefinition SackLeftEdge = FieldDefinition.Tracked("tcp.options.sack_le", "left edge", LayerKind.Tcp, FieldKind.Decimal, AnalysisValue.TcpSackLeftEdge);
    public static readonly FieldDefinition SackRightEdge = FieldDefinition.Tracked("tcp.options.sack_re", "right edge", LayerKind.Tcp, FieldKind.Decimal, AnalysisValue.TcpSackRightEdge);
    public static readonly FieldDefinition DsackLeftEdge = FieldDefinition.Tracked("tcp.options.sack.dsack_le", "D-SACK Left Edge", LayerKind.Tcp, FieldKind.Decimal, AnalysisValue.TcpDsackLeftEdge);
    public static readonly FieldDefinition DsackRightEdge = FieldDefinition.Tracked("tcp.options.sack.dsack_re", "D-SACK Right Edge", LayerKind.Tcp, FieldKind.Decimal, AnalysisValue.TcpDsackRightEdge);
    public static readonly FieldDefinition SackCount = FieldDefinition.Derived("tcp.options.sack.count", "TCP SACK Count", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpSackCount);
    public static readonly FieldDefinition TimestampValue = FieldDefinition.Derived("tcp.options.timestamp.tsval", "Timestamp value", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpTimestampValue);
    public static readonly FieldDefinition TimestampEchoReply = FieldDefinition.Derived("tcp.options.timestamp.tsecr", "Timestamp echo reply", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpTimestampEchoReply);

    /// <summary>The segment's data as captured; trees show it as the payload layer instead.</summary>
    public static readonly FieldDefinition Payload = FieldDefinition.Derived("tcp.payload", "TCP payload", LayerKind.Tcp, FieldKind.Bytes, ComputedField.TcpPayload, inTree: false);

    // What the conversation tracker computes (tcp.stream, relative numbers, the scaled window, times and the SEQ/ACK
    // analysis), in Wireshark's names and with its labels and subtrees.
    public static readonly FieldDefinition Stream = FieldDefinition.Tracked("tcp.stream", "Stream index", LayerKind.Tcp, FieldKind.Decimal, AnalysisValue.Stream);
    /// <summary>What the conversation showed before this segment: SYN 1, SYN-ACK 2, ACK 4, data 8, FIN 16, RST 32 (tshark's one-pass value).</summary>
    public static readonly FieldDefinition Completeness = FieldDefinition.Tracked("tcp.completeness", "Conversation completeness", LayerKind.Tcp, FieldKind.Decimal, AnalysisValue.TcpCompleteness);
    public static readonly FieldDefinition RelativeSequenceNumber = FieldDefinition.Tracked("tcp.seq", "Sequence Number", LayerKind.Tcp, FieldKind.Decimal, AnalysisValue.TcpSeq);
    public static readonly FieldDefinition NextSequenceNumber = FieldDefinition.Tracked("tcp.nxtseq", "Next Sequence Number", LayerKind.Tcp, FieldKind.Decimal, AnalysisValue.TcpNextSeq);
    public static readonly FieldDefinition RelativeAcknowledgmentNumber = FieldDefinition.Tracked("tcp.ack", "Acknowledgment Number", LayerKind.Tcp, FieldKind.Decimal, AnalysisValue.TcpAck);
    public static readonly FieldDefinition WindowSize = FieldDefinition.Tracked("tcp.window_size", "Calculated window size", LayerKind.Tcp, FieldKind.Decimal, AnalysisValue.TcpWindowSize);
    public static readonly FieldDefinition WindowScaleFactor = FieldDefinition.Tracked("tcp.window_size_scalefactor", "Window size scaling factor", LayerKind.Tcp, FieldKind.SignedDecimal, AnalysisValue.TcpWindowScaleFactor);

    /// <summary>The "[Timestamps]" subtree.</summary>
    public static readonly FieldGroup Timestamps = new("[Timestamps]");
    public static readonly FieldDefinition TimeRelative = FieldDefinition.Tracked("tcp.time_relative", "Time since first frame in this TCP stream", LayerKind.Tcp, FieldKind.RelativeTime, AnalysisValue.TimeRelative, Timestamps);
    public static readonly FieldDefinition TimeDelta = FieldDefinition.Tracked("tcp.time_delta", "Time since previous frame in this TCP stream", LayerKind.Tcp, FieldKind.RelativeTime, AnalysisValue.TimeDelta, Timestamps);

    /// <summary>The "[SEQ/ACK analysis]" subtree, and "[TCP Analysis Flags]" inside it.</summary>
    public static readonly FieldGroup SeqAckAnalysis = new("[SEQ/ACK analysis]");
    public static readonly FieldGroup AnalysisFlagsGroup = new("[TCP Analysis Flags]", SeqAckAnalysis);
    public static readonly FieldDefinition Analysis = FieldDefinition.Tracked("tcp.analysis", "SEQ/ACK analysis", LayerKind.Tcp, FieldKind.Marker, AnalysisValue.TcpAnalysis, SeqAckAnalysis, inTree: false);
    public static readonly FieldDefinition AcksFrame = FieldDefinition.Tracked("tcp.analysis.acks_frame", "This is an ACK to the segment in frame", LayerKind.Tcp, FieldKind.Decimal, AnalysisValue.TcpAcksFrame, SeqAckAnalysis);
    public static readonly FieldDefinition AckRtt = FieldDefinition.Tracked("tcp.analysis.ack_rtt", "The RTT to ACK the segment was", LayerKind.Tcp, FieldKind.RelativeTime, AnalysisValue.TcpAckRtt, SeqAckAnalysis);
    public static readonly FieldDefinition InitialRtt = FieldDefinition.Tracked("tcp.analysis.initial_rtt", "iRTT", LayerKind.Tcp, FieldKind.RelativeTime, AnalysisValue.TcpInitialRtt, SeqAckAnalysis);
    public static readonly FieldDefinition BytesInFlight = FieldDefinition.Tracked("tcp.analysis.bytes_in_flight", "Bytes in flight", LayerKind.Tcp, FieldKind.Decimal, AnalysisValue.TcpBytesInFlight, SeqAckAnalysis);
    public static readonly FieldDefinition PushBytesSent = FieldDefinition.Tracked("tcp.analysis.push_bytes_sent", "Bytes sent since last PSH flag", LayerKind.Tcp, FieldKind.Decimal, AnalysisValue.TcpPushBytesSent, SeqAckAnalysis);
    public static readonly FieldDefinition AnalysisFlags = FieldDefinition.Tracked("tcp.analysis.flags", "TCP Analysis Flags", LayerKind.Tcp, FieldKind.Marker, AnalysisValue.TcpAnalysisFlags, AnalysisFlagsGroup, inTree: false);
    public static readonly FieldDefinition ReusedPorts = AnalysisFlag("tcp.analysis.reused_ports", "A new tcp session is started with the same ports as an earlier session in this trace", TcpAnalysisFlags.ReusedPorts);
    public static readonly FieldDefinition Retransmission = AnalysisFlag("tcp.analysis.retransmission", "This frame is a (suspected) retransmission", TcpAnalysisFlags.Retransmission | TcpAnalysisFlags.FastRetransmission | TcpAnalysisFlags.SpuriousRetransmission);
    public static readonly FieldDefinition Rto = FieldDefinition.Tracked("tcp.analysis.rto", "The RTO for this segment was", LayerKind.Tcp, FieldKind.RelativeTime, AnalysisValue.TcpRto, AnalysisFlagsGroup);
    public static readonly FieldDefinition RtoFrame = FieldDefinition.Tracked("tcp.analysis.rto_frame", "RTO based on delta from frame", LayerKind.Tcp, FieldKind.Decimal, AnalysisValue.TcpRtoFrame, AnalysisFlagsGroup);
    public static readonly FieldDefinition FastRetransmission = AnalysisFlag("tcp.analysis.fast_retransmission", "This frame is a (suspected) fast retransmission", TcpAnalysisFlags.FastRetransmission);
    public static readonly FieldDefinition SpuriousRetransmission = AnalysisFlag("tcp.analysis.spurious_retransmission", "This frame is a (suspected) spurious retransmission", TcpAnalysisFlags.SpuriousRetransmission);
    public static readonly FieldDefinition OutOfOrder = AnalysisFlag("tcp.analysis.out_of_order", "This frame is a (suspected) out-of-order segment", TcpAnalysisFlags.OutOfOrder);
    public static readonly FieldDefinition LostSegment = AnalysisFlag("tcp.analysis.lost_segment", "Previous segment(s) not captured (common at capture start)", TcpAnalysisFlags.LostSegment);
    public static readonly FieldDefinition AckLostSegment = AnalysisFlag("tcp.analysis.ack_lost_segment", "ACKed segment that wasn't captured (common at capture start)", TcpAnalysisFlags.AckLostSegment);
    public static readonly FieldDefinition WindowUpdate = AnalysisFlag("tcp.analysis.window_update", "TCP window update", TcpAnalysisFlags.WindowUpdate);
    public static readonly FieldDefinition WindowFull = AnalysisFlag("tcp.analysis.window_full", "TCP window specified by the receiver is now completely full", TcpAnalysisFlags.WindowFull);
    public static readonly FieldDefinition KeepAlive = AnalysisFlag("tcp.analysis.keep_alive", "TCP keep-alive segment", TcpAnalysisFlags.KeepAlive);
    public static readonly FieldDefinition KeepAliveAck = AnalysisFlag("tcp.analysis.keep_alive_ack", "ACK to a TCP keep-alive segment", TcpAnalysisFlags.KeepAliveAck);
    public static readonly FieldDefinition DuplicateAck = AnalysisFlag("tcp.analysis.duplicate_ack", "Duplicate ACK", TcpAnalysisFlags.DuplicateAck);
    public static readonly FieldDefinition DuplicateAckNumber = FieldDefinition.Tracked("tcp.analysis.duplicate_ack_num", "Duplicate ACK #", LayerKind.Tcp, FieldKind.Decimal, AnalysisValue.TcpDuplicateAckNumber, SeqAckAnalysis);
    public static readonly FieldDefinition DuplicateAckFrame = FieldDefinition.Tracked("tcp.analysis.duplicate_ack_frame", "Duplicate to the ACK in frame", LayerKind.Tcp, FieldKind.Decimal, AnalysisValue.TcpDuplicateAckFrame, SeqAckAnalysis);
    public static readonly FieldDefinition ZeroWindowProbe = AnalysisFlag("tcp.analysis.zero_window_probe", "TCP Zero Window Probe", TcpAnalysisFlags.ZeroWindowProbe);
    public static readonly FieldDefinition ZeroWindow = AnalysisFlag("tcp.analysis.zero_window", "TCP Zero Window segment", TcpAnalysisFlags.ZeroWindow);
    public static readonly FieldDefinition ZeroWindowProbeAck = AnalysisFlag("tcp.analysis.zero_window_probe_ack", "ACK to a TCP Zero Window Probe", TcpAnalysisFlags.ZeroWindowProbeAck);

    // The connection expert items under their own names (ei_tcp_connection_*): -T fields prints 1 where tshark adds one,
    // in headers an ICMP error quotes too; the layer tree leaves them out as it leaves expert items.
    public static readonly FieldDefinition ConnectionSyn = Connection("tcp.connection.syn", "Connection establish request (SYN)", TcpConnectionEvents.Syn);
    public static readonly FieldDefinition ConnectionSynAck = Connection("tcp.connection.synack", "Connection establish acknowledge (SYN+ACK)", TcpConnectionEvents.SynAck);
    public static readonly FieldDefinition ConnectionFin = Connection("tcp.connection.fin", "Connection finish (FIN)", TcpConnectionEvents.Fin);
    public static readonly FieldDefinition ConnectionFinActive = Connection("tcp.connection.fin_active", "This frame initiates the connection closing", TcpConnectionEvents.FinActive);
    public static readonly FieldDefinition ConnectionFinPassive = Connection("tcp.connection.fin_passive", "This frame undergoes the connection closing", TcpConnectionEvents.FinPassive);
    public static readonly FieldDefinition ConnectionRst = Connection("tcp.connection.rst", "Connection reset (RST)", TcpConnectionEvents.Rst);

    // tshark's TCP reassembly items (TcpReassemblyFields): the payload a held or completed PDU took, and on the segment that
    // completes one the segments it was put together from (tshark's tree after TCP's; RawNet's at the end of TCP's).
    public static readonly FieldDefinition SegmentData = Reassembly("tcp.segment_data", "TCP segment data", FieldKind.Bytes, AnalysisValue.TcpSegmentData);
    public static readonly FieldDefinition Segments = Reassembly("tcp.segments", "Reassembled TCP Segments", FieldKind.Marker, AnalysisValue.TcpSegments);
    public static readonly FieldDefinition Segment = Reassembly("tcp.segment", "TCP Segment", FieldKind.Decimal, AnalysisValue.TcpSegment);
    public static readonly FieldDefinition SegmentCount = Reassembly("tcp.segment.count", "Segment count", FieldKind.Decimal, AnalysisValue.TcpSegmentCount);
    public static readonly FieldDefinition ReassembledLength = Reassembly("tcp.reassembled.length", "Reassembled TCP length", FieldKind.Decimal, AnalysisValue.TcpReassembledLength);
    public static readonly FieldDefinition ReassembledData = Reassembly("tcp.reassembled.data", "Reassembled TCP Data", FieldKind.BuiltText, AnalysisValue.TcpReassembledData);

    /// <summary>Every TCP field, in tree order (Wireshark's, where RawNet has the field).</summary>
    public static readonly FieldDefinition[] All =
    [
        SourcePort, DestinationPort, Port, Stream, Completeness, SegmentLength, RelativeSequenceNumber, SequenceNumber, NextSequenceNumber,
        RelativeAcknowledgmentNumber, AcknowledgmentNumber, HeaderLength, Flags, Reserved, AccurateEcn, Cwr, Ece, Urg, Ack, Push,
        Reset, Syn, Fin, FlagsText, Window, WindowSize, WindowScaleFactor, Checksum, ChecksumStatus, UrgentPointer, Options, OptionNop,
        OptionEol, OptionMss, OptionWindowScale, OptionSackPermitted, OptionSack, OptionTimestamp, OptionKind, OptionLength,
        MaximumSegmentSize, WindowScaleShift, WindowScaleMultiplier, SackLeftEdge, SackRightEdge, SackCount, DsackLeftEdge, DsackRightEdge, TimestampValue, TimestampEchoReply,
        TimeRelative, TimeDelta, Payload,
        Analysis, AcksFrame, AckRtt, InitialRtt, BytesInFlight, PushBytesSent,
        AnalysisFlags, ReusedPorts, Retransmission, Rto, RtoFrame, FastRetransmission, SpuriousRetransmission, OutOfOrder,
        LostSegment, AckLostSegment, WindowUpdate, WindowFull, KeepAlive, KeepAliveAck, DuplicateAck, ZeroWindowProbe,
        ZeroWindow, ZeroWindowProbeAck, DuplicateAckNumber, DuplicateAckFrame,
        ConnectionSyn, ConnectionSynAck, ConnectionFin, ConnectionFinActive, ConnectionFinPassive, ConnectionRst,
        SegmentData, Segments, Segment, SegmentCount, ReassembledLength, ReassembledData,
    ];

    /// <summary>The tcp.analysis.* field of one analysis flag (tcp.analysis.retransmission for a plain retransmission).</summary>
    public static FieldDefinition AnalysisFlagField(TcpAnalysisFlags flag) => flag switch
    {
        TcpAnalysisFlags.ReusedPorts => ReusedPorts,
        TcpAnalysisFlags.Retransmission => Retransmission,
        TcpAnalysisFlags.FastRetransmission => FastRetransmission,
        TcpAnalysisFlags.SpuriousRetransmission => SpuriousRetransmission,
        TcpAnalysisFlags.OutOfOrder => OutOfOrder,
        TcpAnalysisFlags.LostSegment => LostSegment,
        TcpAnalysisFlags.AckLostSegment => AckLostSegment,
        TcpAnalysisFlags.WindowUpdate => WindowUpdate,
        TcpAnalysisFlags.WindowFull => WindowFull,
        TcpAnalysisFlags.KeepAlive => KeepAlive,
        TcpAnalysisFlags.KeepAliveAck => KeepAliveAck,
        TcpAnalysisFlags.DuplicateAck => DuplicateAck,
        TcpAnalysisFlags.ZeroWindow => ZeroWindow,
        TcpAnalysisFlags.ZeroWindowProbe => ZeroWindowProbe,
        TcpAnalysisFlags.ZeroWindowProbeAck => ZeroWindowProbeAck,
        _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, "one flag"),
    };

    private static FieldDefinition AnalysisFlag(string name, string label, TcpAnalysisFlags flag) =>
        FieldDefinition.Tracked(name, label, LayerKind.Tcp, FieldKind.Marker, AnalysisValue.TcpAnalysisFlag, AnalysisFlagsGroup, (ulong)flag);

    private static FieldDefinition Reassembly(string name, string label, FieldKind kind, AnalysisValue value) =>
        FieldDefinition.Tracked(name, label, LayerKind.Tcp, kind, value, treeForm: TreeForm.Reassembly);

    private static FieldDefinition Connection(string name, string label, TcpConnectionEvents events) =>
        FieldDefinition.Tracked(name, label, LayerKind.Tcp, FieldKind.Marker, AnalysisValue.TcpConnection, mask: (ulong)events, inTree: false);

    private static FieldDefinition Flag(string name, string label, ulong mask) =>
        FieldDefinition.Fixed(name, label, LayerKind.Tcp, F.DataOffsetAndFlags, 2, FieldKind.Boolean, mask, FieldPresence.TcpHeaderLengthValid);
}

/// <summary>tshark's connection expert items of one TCP segment (tcp.connection.*).</summary>
[Flags]
public enum TcpConnectionEvents : byte
{
    None = 0,
    Syn = 1,
    SynAck = 2,
    Fin = 4,
    FinActive = 8,
    FinPassive = 16,
    Rst = 32,
}
