using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.L2tp;
using RawNet.Protocols.Tunnels;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The columns of a tunnel whose inner packet is missing or not decoded; otherwise the inner packet speaks, as in
/// tshark. GRE says what it carries ("Encapsulated IP", "Encapsulated 0x9999 (unknown)").
/// </summary>
internal static class TunnelInfo
{
    /// <summary>Writes the Info text; true when the tunnel header was cut short.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var header = source.Header(index);
        switch (source.Packet[index].Kind)
        {
            case LayerKind.Gre:
                if (header.Length < GreHeader.MinLength)
                {
                    IpInfo.AppendLeftFor(line, in source, index);
                    return true;
                }
                ushort protocol = BinaryPrimitives.ReadUInt16BigEndian(header[GreHeader.Field.Protocol..]);
                line.Append("Encapsulated ");
                if (GreProtocolName(protocol) is { } name)
                    line.Append(name);
                else
                {
                    line.AppendHex(protocol, 4);
                    line.Append(" (unknown)");
                }
                return InnerCut(in source, index, GreHeader.LengthOf(BinaryPrimitives.ReadUInt16BigEndian(header)));
            case LayerKind.Vxlan:
                return InnerCut(in source, index, VxlanHeader.Length);
            case LayerKind.L2tp:
                return WriteL2tp(line, in source, index);
            default:
                return InnerCut(in source, index, header.Length);
        }
    }

    /// <summary>The protocol column: the tunnel's name (GRE before its first four bytes leaves the IP layer's).</summary>
    public static string Protocol(in InfoSource source, int index) => source.Packet[index].Kind switch
    {
        LayerKind.Gre => "GRE",
        LayerKind.Erspan => "ERSPAN",
        LayerKind.Vxlan => "VxLAN",
        LayerKind.L2tp => "L2TP",
        _ => "Teredo",
    };

    /// <summary>True when GRE, VXLAN and Teredo set their columns at all: once the fixed part of their header was read.</summary>
    public static bool SetsProtocol(in InfoSource source, int index) =>
        source.Packet[index].Kind != LayerKind.Gre || source.Header(index).Length >= GreHeader.MinLength;

    /// <summary>
    /// tshark's L2TP text: "Data    Message" or "Control Message" with its type's short name (or "ZLB" for a length of
    /// 12), then the IDs; nothing when the bytes it reads for them were not there (the exception comes first).
    /// </summary>
    private static bool WriteL2tp(TextLine line, in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        if (!L2tpLayerDetail.Shown(layer.Detail))
            return true;
        // The IDs and the first AVP are read from the UDP payload before the length field cuts it.
        var payload = source.Packet.BufferOf(layer, source.Frame)[layer.Offset..];
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(payload);
        int tunnel = L2tpHeader.TunnelIdOffset(flags);
        ushort tunnelId = BinaryPrimitives.ReadUInt16BigEndian(payload[tunnel..]), sessionId = BinaryPrimitives.ReadUInt16BigEndian(payload[(tunnel + 2)..]);
        if ((flags & L2tpHeader.Flag.Type) == 0)
            line.Append("Data    Message           ");
        else if (L2tpFieldReader.IsZeroLengthBody(flags, payload))
            line.Append("Control Message - ZLB     ");
        else if (L2tpHeader.TryColumnMessageType(payload, out ushort type))
        {
            line.Append("Control Message - ");
            if (L2tpNames.MessageTypeShort(type) is { } name)
                line.Append(name);
            else
            {
                line.Append("Unknown (");
                line.Append(type);
                line.Append(')');
            }
        }
        else
            line.Append("Control Message");
        line.Append(" (tunnel id=");
        line.Append(tunnelId);
        line.Append(", session id=");
        line.Append(sessionId);
        line.Append(')');
        return layer.Status != LayerStatus.Complete;
    }

    /// <summary>GRE's own names for what it carries (not the EtherType table's).</summary>
    private static string? GreProtocolName(ushort protocol) => protocol switch
    {
        0x0800 => "IP",
        0x0806 => "ARP",
        0x86DD => "IPv6",
        0x6558 => "Transparent Ethernet bridging",
        0x88BE => "ERSPAN",
        _ => null,
    };

    /// <summary>
    /// True when the tunnel header (<paramref name="headerLength"/> bytes) was cut, or an inner packet was declared and
    /// none of it captured (tshark then stops in the tunnel).
    /// </summary>
    private static bool InnerCut(in InfoSource source, int index, int headerLength)
    {
        int captured = source.Bytes(index).Length;
        return captured < headerLength || (captured == headerLength && source.Packet[index].Extent > headerLength);
    }
}
