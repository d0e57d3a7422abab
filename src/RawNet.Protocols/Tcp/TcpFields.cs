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
    public static readonly FieldDefinition SequenceNumber = FieldDefinition.Fixed("tcp.seq_raw", "Sequence Number (raw)", LayerKind.Tcp, F.SequenceNumber, 4, FieldKind.Decimal, presence: FieldPresence.NotQuoted);
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
    public static readonly FieldDefinition Window = FieldDefinition.Fixed("tcp.window_size_value", "Window", LayerKind.Tcp, F.Window, 2, FieldKind.Decimal, presence: FieldPresence.TcpHeaderLengthValid);
    public static readonly FieldDefinition Checksum = FieldDefinition.Fixed("tcp.checksum", "Checksum", LayerKind.Tcp, F.Checksum, 2, FieldKind.Hex, presence: FieldPresence.TcpHeaderLengthValid);
    public static readonly FieldDefinition UrgentPointer = FieldDefinition.Fixed("tcp.urgent_pointer", "Urgent Pointer", LayerKind.Tcp, F.UrgentPointer, 2, FieldKind.Decimal, presence: FieldPresence.TcpHeaderLengthValid);
    public static readonly FieldDefinition OptionKind = FieldDefinition.Derived("tcp.option_kind", "Kind", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpOptionKind);
    public static readonly FieldDefinition OptionLength = FieldDefinition.Derived("tcp.option_len", "Length", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpOptionLength);
    public static readonly FieldDefinition MaximumSegmentSize = FieldDefinition.Derived("tcp.options.mss_val", "MSS Value", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpMaximumSegmentSize);
    public static readonly FieldDefinition WindowScaleShift = FieldDefinition.Derived("tcp.options.wscale.shift", "Shift count", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpWindowScaleShift);
    public static readonly FieldDefinition WindowScaleMultiplier = FieldDefinition.Derived("tcp.options.wscale.multiplier", "Multiplier", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpWindowScaleMultiplier);
    public static readonly FieldDefinition TimestampValue = FieldDefinition.Derived("tcp.options.timestamp.tsval", "Timestamp value", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpTimestampValue);
    public static readonly FieldDefinition TimestampEchoReply = FieldDefinition.Derived("tcp.options.timestamp.tsecr", "Timestamp echo reply", LayerKind.Tcp, FieldKind.Decimal, ComputedField.TcpTimestampEchoReply);

    /// <summary>Every TCP field, in tree order.</summary>
    public static readonly FieldDefinition[] All =
    [
        SourcePort, DestinationPort, Port, SegmentLength, SequenceNumber, AcknowledgmentNumber, HeaderLength, Flags, Reserved,
        AccurateEcn, Cwr, Ece, Urg, Ack, Push, Reset, Syn, Fin, Window, Checksum, UrgentPointer, OptionKind, OptionLength,
        MaximumSegmentSize, WindowScaleShift, WindowScaleMultiplier, TimestampValue, TimestampEchoReply,
    ];

    private static FieldDefinition Flag(string name, string label, ulong mask) =>
        FieldDefinition.Fixed(name, label, LayerKind.Tcp, F.DataOffsetAndFlags, 2, FieldKind.Boolean, mask, FieldPresence.TcpHeaderLengthValid);
}
