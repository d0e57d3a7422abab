using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Ethernet.EthernetHeader.Field;

namespace RawNet.Protocols.Ethernet;

/// <summary>The Ethernet II field table (Wireshark "eth").</summary>
public static class EthernetFields
{
    /// <summary>The locally administered and group bits of an address's first byte, as tshark's 24-bit fields mask them.</summary>
    public const ulong LgBit = 0x020000, IgBit = 0x010000;

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
    /// <summary>Always 2 (unverified) beside eth.fcs: tshark does not check the FCS under its default preferences.</summary>
    public static readonly FieldDefinition FcsStatus = FieldDefinition.Item("eth.fcs.status", "FCS Status", LayerKind.Ethernet, FieldKind.Decimal, ComputedField.EthernetFcsStatus);

    // Each address's subtree (tshark hides all but the LG and IG bits; -n shows the addresses as "resolved").
    public static readonly FieldDefinition DestinationResolved = FieldDefinition.Fixed("eth.dst_resolved", "Destination (resolved)", LayerKind.Ethernet, F.Destination, 6, FieldKind.MacAddress, inTree: false);
    public static readonly FieldDefinition DestinationOui = FieldDefinition.Fixed("eth.dst.oui", "Destination OUI", LayerKind.Ethernet, F.Destination, 3, FieldKind.Decimal, inTree: false);
    public static readonly FieldDefinition DestinationOuiResolved = FieldDefinition.Derived("eth.dst.oui_resolved", "Destination OUI (resolved)", LayerKind.Ethernet, FieldKind.BuiltText, ComputedField.EthernetDestinationOuiName, inTree: false);
    public static readonly FieldDefinition DestinationLg = FieldDefinition.Fixed("eth.dst.lg", "LG bit", LayerKind.Ethernet, F.Destination, 3, FieldKind.Boolean, LgBit);
    public static readonly FieldDefinition DestinationIg = FieldDefinition.Fixed("eth.dst.ig", "IG bit", LayerKind.Ethernet, F.Destination, 3, FieldKind.Boolean, IgBit);
    public static readonly FieldDefinition SourceResolved = FieldDefinition.Fixed("eth.src_resolved", "Source (resolved)", LayerKind.Ethernet, F.Source, 6, FieldKind.MacAddress, inTree: false);
    public static readonly FieldDefinition SourceOui = FieldDefinition.Fixed("eth.src.oui", "Source OUI", LayerKind.Ethernet, F.Source, 3, FieldKind.Decimal, inTree: false);
    public static readonly FieldDefinition SourceOuiResolved = FieldDefinition.Derived("eth.src.oui_resolved", "Source OUI (resolved)", LayerKind.Ethernet, FieldKind.BuiltText, ComputedField.EthernetSourceOuiName, inTree: false);
    public static readonly FieldDefinition SourceLg = FieldDefinition.Fixed("eth.src.lg", "LG bit", LayerKind.Ethernet, F.Source, 3, FieldKind.Boolean, LgBit);
    public static readonly FieldDefinition SourceIg = FieldDefinition.Fixed("eth.src.ig", "IG bit", LayerKind.Ethernet, F.Source, 3, FieldKind.Boolean, IgBit);
    public static readonly FieldDefinition AddressResolved = FieldDefinition.Derived("eth.addr_resolved", "Address (resolved)", LayerKind.Ethernet, FieldKind.MacAddress, ComputedField.EthernetAddresses, inTree: false);
    public static readonly FieldDefinition AddressOui = FieldDefinition.Derived("eth.addr.oui", "Address OUI", LayerKind.Ethernet, FieldKind.Decimal, ComputedField.EthernetAddressOuis, inTree: false);
    public static readonly FieldDefinition AddressOuiResolved = FieldDefinition.Derived("eth.addr.oui_resolved", "Address OUI (resolved)", LayerKind.Ethernet, FieldKind.BuiltText, ComputedField.EthernetAddressOuiNames, inTree: false);
    public static readonly FieldDefinition AnyLg = FieldDefinition.Derived("eth.lg", "LG bit", LayerKind.Ethernet, FieldKind.Boolean, ComputedField.EthernetLgBits, inTree: false);
    public static readonly FieldDefinition AnyIg = FieldDefinition.Derived("eth.ig", "IG bit", LayerKind.Ethernet, FieldKind.Boolean, ComputedField.EthernetIgBits, inTree: false);

    /// <summary>Every Ethernet field, in tree order.</summary>
    public static readonly FieldDefinition[] All =
    [
        Destination, DestinationResolved, DestinationOui, DestinationOuiResolved, DestinationLg, DestinationIg,
        Source, SourceResolved, SourceOui, SourceOuiResolved, SourceLg, SourceIg, Type, Length, Address, AddressResolved, AddressOui,
        AddressOuiResolved, AnyLg, AnyIg, Padding, Trailer, Fcs, FcsStatus,
    ];
}
