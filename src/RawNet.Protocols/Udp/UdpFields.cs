using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Udp.UdpHeader.Field;

namespace RawNet.Protocols.Udp;

/// <summary>The UDP field table (Wireshark "udp").</summary>
public static class UdpFields
{
    public static readonly FieldDefinition SourcePort = FieldDefinition.Fixed("udp.srcport", "Source Port", LayerKind.Udp, F.SourcePort, 2, FieldKind.Decimal,
        presence: FieldPresence.UdpPorts);
    public static readonly FieldDefinition DestinationPort = FieldDefinition.Fixed("udp.dstport", "Destination Port", LayerKind.Udp, F.DestinationPort, 2, FieldKind.Decimal);
    public static readonly FieldDefinition Port = FieldDefinition.Derived("udp.port", "Source or Destination Port", LayerKind.Udp, FieldKind.Decimal, ComputedField.Ports);
    public static readonly FieldDefinition Length = FieldDefinition.Fixed("udp.length", "Length", LayerKind.Udp, F.Length, 2, FieldKind.Decimal);
    public static readonly FieldDefinition Checksum = FieldDefinition.Fixed("udp.checksum", "Checksum", LayerKind.Udp, F.Checksum, 2, FieldKind.Hex);

    /// <summary>Unverified (2) by default, not present (3) for a zero checksum over IPv4, illegal (4) for one over IPv6.</summary>
    public static readonly FieldDefinition ChecksumStatus = FieldDefinition.Derived("udp.checksum.status", "Checksum Status", LayerKind.Udp, FieldKind.Decimal, ComputedField.UdpChecksumStatus);

    public static readonly FieldDefinition Stream = FieldDefinition.Tracked("udp.stream", "Stream index", LayerKind.Udp, FieldKind.Decimal, AnalysisValue.Stream);
    public static readonly FieldGroup Timestamps = new("[Timestamps]");
    public static readonly FieldDefinition TimeRelative = FieldDefinition.Tracked("udp.time_relative", "Time since first frame", LayerKind.Udp, FieldKind.RelativeTime, AnalysisValue.TimeRelative, Timestamps);
    public static readonly FieldDefinition TimeDelta = FieldDefinition.Tracked("udp.time_delta", "Time since previous frame", LayerKind.Udp, FieldKind.RelativeTime, AnalysisValue.TimeDelta, Timestamps);

    /// <summary>The datagram's data as captured; trees show it as the payload layer instead.</summary>
    public static readonly FieldDefinition Payload = FieldDefinition.Derived("udp.payload", "Payload", LayerKind.Udp, FieldKind.Bytes, ComputedField.UdpPayload, inTree: false);

    /// <summary>Every UDP field, in tree order.</summary>
    public static readonly FieldDefinition[] All = [SourcePort, DestinationPort, Port, Length, Checksum, ChecksumStatus, Stream, TimeRelative, TimeDelta, Payload];
}
