using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Arista;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.LinuxCooked;
using RawNet.Protocols.Macsec;
using RawNet.Protocols.Pppoe;
using RawNet.Protocols.Vlan;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The columns of a link layer whose payload RawNet does not decode (or that was cut short), in tshark's words: Ethernet
/// II, a VLAN tag's priority and ID, a cooked header's packet type, BSD loopback. An EtherType nobody decodes shows in
/// the protocol column as hex, and its name, where Wireshark has one, in the Info column.
/// </summary>
internal static class LinkInfo
{
    /// <summary>Writes the Info text; true when the header was cut short.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var header = source.Header(index);
        if (UndecodedEtherType(in source, index, out ushort type) && EtherTypeNames.Of(type) is { } name)
        {
            line.Append(name);
            return false;
        }
        if (type == (ushort)EtherType.Macsec && ThrowsOnNothing(in source, index, type))
        {
            WriteOwn(line, in source, index, header);
            return true;
        }
        return WriteOwn(line, in source, index, header);
    }

    private static bool WriteOwn(TextLine line, in InfoSource source, int index, ReadOnlySpan<byte> header)
    {
        switch (source.Packet[index].Kind)
        {
            case LayerKind.Ethernet:
                if (header.Length < EthernetHeader.Length)
                {
                    // tshark's Ethernet runs out of bytes before it writes the Info column: a PKTAP, ERF, fpp, DOCSIS or LANE header's text stays.
                    if (index > 1 && source.Packet[index - 1].Kind is LayerKind.Pktap or LayerKind.Erf
                            or LayerKind.Fpp
                            or LayerKind.Epon
                            or LayerKind.Docsis
                            or LayerKind.Gfp
                            or LayerKind.AtmLane)
                        PseudoHeaderInfo.Write(line, in source, index - 1);
                    else
                        LlcInfo.WriteCarrier(line, in source, index);
                    return true;
                }
                ushort typeField = BinaryPrimitives.ReadUInt16BigEndian(header[EthernetHeader.Field.EtherType..]);
                if (typeField is > EthernetHeader.MaxLength and < EthernetHeader.MinEtherType)
                {
                    // Neither an 802.3 length nor an EtherType: tshark says so instead of naming the frame.
                    line.Append("Ethernet Unknown: Invalid length/type: ");
                    line.AppendHex(typeField, 4);
                    line.Append(" (");
                    line.Append(typeField);
                    line.Append(')');
                    return false;
                }
                line.Append("Ethernet II");
                return false;
            case LayerKind.Vlan:
            case LayerKind.ServiceVlan:
                if (header.Length < VlanTag.Field.EtherType)
                    return true;
                AppendTag(line, BinaryPrimitives.ReadUInt16BigEndian(header), source.Packet[index].Kind == LayerKind.ServiceVlan);
                return header.Length < VlanTag.Length;
            case LayerKind.LinuxSll:
            case LayerKind.LinuxSll2:
                if (!CookedColumnsSet(source.Packet[index].Kind, header))
                    return true;
                // tshark 4.0 reads SLL2's one-byte packet type together with the address length as one 16-bit value.
                AppendPacketType(line, BinaryPrimitives.ReadUInt16BigEndian(source.Packet[index].Kind == LayerKind.LinuxSll
                    ? header : header[LinuxCookedHeader.Sll2Field.PacketType..]));
                return header.Length < (source.Packet[index].Kind == LayerKind.LinuxSll ? LinuxCookedHeader.SllLength : LinuxCookedHeader.Sll2Length);
            case LayerKind.Null:
                line.Append("Null/Loopback");
                return header.Length < RawNet.Protocols.Loopback.LoopbackHeader.Length;
            case LayerKind.PppoeSession:
                // tshark writes the code's name once it read it (the header's second byte); its PPP then names a protocol
                // nothing decodes, or whose IPv6 dissector refused the packet, as on the PPP link types.
                if (SerialLinkInfo.NamesRefusedProtocol(in source, index))
                    return SerialLinkInfo.Write(line, in source, index);
                if (header.Length > PppoeSessionHeader.Field.Code)
                    line.Append(PppoeCodeName(header[PppoeSessionHeader.Field.Code]));
                return source.Packet[index].Status != LayerStatus.Complete;
            default:
                return false;
        }
    }

    /// <summary>tshark's name of a PPPoE code (packet-pppoe.c's code_vals, with RFC 4938's credit codes); "Unknown" for any other, which it still reads as a session.</summary>
    private static string PppoeCodeName(byte code) => code switch
    {
        0x00 => "Session Data",
        0x07 => "Active Discovery Offer (PADO)",
        0x09 => "Active Discovery Initiation (PADI)",
        0x0a => "Active Discovery Session-Grant (PADG)",
        0x0b => "Active Discovery Session-Credit Resp.(PADC)",
        0x0c => "Active Discovery Quality (PADQ)",
        0x19 => "Active Discovery Request (PADR)",
        0x65 => "Active Discovery Session-confirmation (PADS)",
        0xa7 => "Active Discovery Terminate (PADT)",
        0xd3 => "Active Discovery Message (PADM)",
        0xd4 => "Active Discovery Network (PADN)",
        _ => "Unknown",
    };

    /// <summary>The protocol column: the link layer's name, or the EtherType in hex when no dissector took it.</summary>
    public static string Protocol(in InfoSource source, int index)
    {
        if (UndecodedEtherType(in source, index, out ushort type))
            return HexNames.Of(type);
        var kind = source.Packet[index].Kind;
        if (kind is LayerKind.LinuxSll or LayerKind.LinuxSll2 && !CookedColumnsSet(kind, source.Header(index)))
            return "";
        if (kind == LayerKind.PppoeSession && SerialLinkInfo.NamesRefusedProtocol(in source, index))
            return SerialLinkInfo.Protocol(in source, index);
        return kind switch
        {
            LayerKind.Ethernet => "Ethernet",
            LayerKind.Vlan => "VLAN",
            LayerKind.ServiceVlan => "802.1ad",
            LayerKind.LinuxSll or LayerKind.LinuxSll2 => "SLL",
            LayerKind.Null => "N/A",
            _ => "PPPoES",
        };
    }

    /// <summary>
    /// True when the layer at <paramref name="index"/> names an EtherType that nothing after it decoded (its payload
    /// follows as undecoded bytes); <paramref name="type"/> is that EtherType.
    /// </summary>
    public static bool UndecodedEtherType(in InfoSource source, int index, out ushort type)
    {
        type = 0;
        var packet = source.Packet;
        if (!source.HandsOnUndecoded(index))
            return false;
        var header = source.Header(index);
        int at = packet[index].Kind switch
        {
            LayerKind.Ethernet => EthernetHeader.Field.EtherType,
            LayerKind.Vlan or LayerKind.ServiceVlan => VlanTag.Field.EtherType,
            LayerKind.LinuxSll => LinuxCookedHeader.SllField.Protocol,
            LayerKind.LinuxSll2 => LinuxCookedHeader.Sll2Field.Protocol,
            // Unmodified MACsec data and Arista's header end in the EtherType of what they carry.
            LayerKind.Macsec when header.Length > 0 && (header[0] & (MacsecHeader.Mask.Encrypted | MacsecHeader.Mask.Changed)) == 0
                => MacsecHeader.LengthOf(header[0]),
            LayerKind.Arista when packet[index].Status == LayerStatus.Complete => header.Length - AristaHeader.EtherTypeLength,
            _ => -1,
        };
        if (at < 0 || header.Length < at + 2)
            return false;
        type = BinaryPrimitives.ReadUInt16BigEndian(header[at..]);
        // Behind MACsec and Arista any value is an EtherType; behind Ethernet and VLAN tags a small one is a length.
        // 0 is no length either: tshark reads it as an (unknown) type.
        return (type >= EthernetHeader.MinEtherType || type == 0 || packet[index].Kind is LayerKind.Macsec or LayerKind.Arista)
            && !ThrowsOnNothing(in source, index, type);
    }

    /// <summary>
    /// True for an EtherType whose dissector reads its first byte before it can refuse the packet (MACsec), when none was
    /// captured: tshark stops there, leaving the columns of the layer before with the mark.
    /// </summary>
    private static bool ThrowsOnNothing(in InfoSource source, int index, ushort type)
    {
        if (type != (ushort)EtherType.Macsec)
            return false;
        var packet = source.Packet;
        return index + 1 >= packet.LayerCount || source.Header(index + 1).Length == 0;
    }

    /// <summary>True when a cooked header is long enough for tshark to have read its packet type (and set the columns).</summary>
    private static bool CookedColumnsSet(LayerKind kind, ReadOnlySpan<byte> header) =>
        header.Length >= (kind == LayerKind.LinuxSll ? LinuxCookedHeader.SllField.AddressLength : LinuxCookedHeader.Sll2Field.Address);

    private static void AppendTag(TextLine line, ushort tagControl, bool serviceTag)
    {
        line.Append("PRI: ");
        line.Append(tagControl >> 13);
        line.Append(serviceTag ? "  DROP: " : "  DEI: ");
        line.Append((tagControl >> 12) & 1);
        line.Append(serviceTag ? " ID: " : "  ID: ");
        line.Append(tagControl & 0x0FFF);
    }

    private static void AppendPacketType(TextLine line, int type)
    {
        if (LinuxCookedHeader.PacketTypeName(type) is { } name)
        {
            line.Append(name);
            return;
        }
        line.Append("Unknown (");
        line.Append(type);
        line.Append(')');
    }
}

/// <summary>"0x" and four hex digits for EtherTypes and PPP protocols, made once per value and kept (a protocol column is a string).</summary>
internal static class HexNames
{
    private static readonly string?[] Names = new string?[ushort.MaxValue + 1];

    /// <summary>The cached "0x%04x" text of <paramref name="value"/>.</summary>
    public static string Of(ushort value) => Names[value] ??= "0x" + value.ToString("x4", System.Globalization.CultureInfo.InvariantCulture);
}
