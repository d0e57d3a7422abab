using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.CiscoHdlc.CiscoHdlcHeader.Field;

namespace RawNet.Protocols.CiscoHdlc;

/// <summary>The Cisco HDLC and SLARP field tables (Wireshark "chdlc", "slarp").</summary>
public static class CiscoHdlcFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("chdlc.address", "Address", LayerKind.CiscoHdlc, F.Address, 1, FieldKind.Hex),
        FieldDefinition.Fixed("chdlc.control", "Control", LayerKind.CiscoHdlc, F.Control, 1, FieldKind.Hex),
        FieldDefinition.Fixed("chdlc.protocol", "Protocol", LayerKind.CiscoHdlc, F.Protocol, 2, FieldKind.Hex),
    ];

    /// <summary>SLARP's fields: which a packet has depends on its type (<see cref="SlarpFieldReader"/>).</summary>
    public static readonly FieldDefinition[] Slarp =
    [
        FieldDefinition.Derived("slarp.ptype", "Packet type", LayerKind.Slarp, FieldKind.Decimal, ComputedField.SlarpType),
        FieldDefinition.Derived("slarp.address", "Address", LayerKind.Slarp, FieldKind.Ipv4Address, ComputedField.SlarpAddress),
        FieldDefinition.Derived("slarp.netmask", "Netmask", LayerKind.Slarp, FieldKind.Ipv4Address, ComputedField.SlarpNetmask),
        FieldDefinition.Derived("slarp.mysequence", "Outgoing sequence number", LayerKind.Slarp, FieldKind.Decimal, ComputedField.SlarpMySequence),
        FieldDefinition.Derived("slarp.yoursequence", "Returned sequence number", LayerKind.Slarp, FieldKind.Decimal, ComputedField.SlarpYourSequence),
        FieldDefinition.Derived("slarp.reliability", "Reliability", LayerKind.Slarp, FieldKind.Hex, ComputedField.SlarpReliability, 4),
    ];
}
