using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Ethernet.EthernetHeader.Field;

namespace RawNet.Protocols.Ethernet;

/// <summary>The Ethernet II field table (Wireshark "eth").</summary>
public static class EthernetFields
{
    public static readonly FieldDefinition Destination = FieldDefinition.Fixed("eth.dst", "Destination", LayerKind.Ethernet, F.Destination, 6, FieldKind.MacAddress);
    public static readonly FieldDefinition Source = FieldDefinition.Fixed("eth.src", "Source", LayerKind.Ethernet, F.Source, 6, FieldKind.MacAddress);
    public static readonly FieldDefinition Type = FieldDefinition.Fixed("eth.type", "Type", LayerKind.Ethernet, F.EtherType, 2, FieldKind.Hex, presence: FieldPresence.EtherTypeIsType);
    public static readonly FieldDefinition Length = FieldDefinition.Fixed("eth.len", "Length", LayerKind.Ethernet, F.EtherType, 2, FieldKind.Decimal, presence: FieldPresence.EtherTypeIsLength);
    public static readonly FieldDefinition Address = FieldDefinition.Derived("eth.addr", "Address", LayerKind.Ethernet, FieldKind.MacAddress, ComputedField.EthernetAddresses);

    /// <summary>Zeros after what the frame carries up to 60 bytes; tshark adds them under the VLAN tag or cooked header that named it too.</summary>
    public static readonly FieldDefinition Padding = FieldDefinition.Derived("eth.padding", "Padding", LayerKind.Ethernet, FieldKind.Bytes, ComputedField.EthernetPadding);

    /// <summary>The bytes after the padding that no trailer heuristic took, before a guessed FCS.</summary>
    public static readonly FieldDefinition Trailer = FieldDefinition.Derived("eth.trailer", "Trailer", LayerKind.Ethernet, FieldKind.Bytes, ComputedField.LinkTrailer);

    /// <summary>
    /// The FCS a bridged frame keeps (RFC 2684's PID 0x0001), or the one tshark guesses at the end of a trailer of an
    /// untagged frame of 64 bytes or more; it does not verify either by default.
    /// </summary>
    public static readonly FieldDefinition Fcs = FieldDefinition.Item("eth.fcs", "Frame check sequence", LayerKind.Ethernet, FieldKind.Hex, ComputedField.EthernetFcs, hexDigits: 8);

    /// <summary>Every Ethernet field, in tree order.</summary>
    public static readonly FieldDefinition[] All = [Destination, Source, Type, Length, Address, Padding, Trailer, Fcs];
}
