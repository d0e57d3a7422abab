using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.LinuxCooked;
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
        switch (source.Packet[index].Kind)
        {
            case LayerKind.Ethernet:
                if (header.Length < EthernetHeader.Length)
                    return true;
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
                return source.Packet[index].Status != LayerStatus.Complete;
            default:
                return false;
        }
    }

    /// <summary>The protocol column: the link layer's name, or the EtherType in hex when no dissector took it.</summary>
    public static string Protocol(in InfoSource source, int index)
    {
        if (UndecodedEtherType(in source, index, out ushort type))
            return HexNames.Of(type);
        var kind = source.Packet[index].Kind;
        if (kind is LayerKind.LinuxSll or LayerKind.LinuxSll2 && !CookedColumnsSet(kind, source.Header(index)))
            return "";
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
        // Bytes nothing decoded follow, or none at all after a whole header (tshark still names the type it could not hand on).
        if (index + 1 < packet.LayerCount ? packet[index + 1].Kind != LayerKind.Payload : packet[index].Status != LayerStatus.Complete)
            return false;
        var header = source.Header(index);
        int at = packet[index].Kind switch
        {
            LayerKind.Ethernet => EthernetHeader.Field.EtherType,
            LayerKind.Vlan or LayerKind.ServiceVlan => VlanTag.Field.EtherType,
            LayerKind.LinuxSll => LinuxCookedHeader.SllField.Protocol,
            LayerKind.LinuxSll2 => LinuxCookedHeader.Sll2Field.Protocol,
            _ => -1,
        };
        if (at < 0 || header.Length < at + 2)
            return false;
        type = BinaryPrimitives.ReadUInt16BigEndian(header[at..]);
        return type >= EthernetHeader.MinEtherType || type == 0; // 0 is no length: tshark reads it as an (unknown) type
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
