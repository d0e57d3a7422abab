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
                    // tshark's "0x%04X (unknown)": upper-case digits.
                    line.Append("0x");
                    line.AppendHexDigits(protocol, 4, uppercase: true);
                    line.Append(" (unknown)");
                }
                GreHeader.TryMeasure(header, out int length);
                return InnerCut(in source, index, length);
            case LayerKind.Vxlan or LayerKind.VxlanGpe:
                return InnerCut(in source, index, VxlanHeader.Length);
            case LayerKind.Geneve:
                return WriteGeneve(line, in source, index);
            case LayerKind.CapwapData or LayerKind.CapwapControl:
                return CapwapInfo.Write(line, in source, index);
            case LayerKind.Lwapp:
                return CapwapInfo.WriteLwapp(line, in source, index);
            case LayerKind.LwappL3:
                line.Append("802.3 Packets over Layer 3");
                return false;
            case LayerKind.Gtp:
                // The message type's name (the decoder only makes a GTP layer for a type tshark knows).
                line.Append(GtpHeader.MessageName(header[GtpHeader.Field.Message]) ?? "");
                return source.Packet[index].Status != RawNet.Protocols.Decoding.LayerStatus.Complete;
            case LayerKind.LispData:
                // Its text stays when nothing after it writes one: a payload that is not IP, or none.
                line.Append("LISP Encapsulation Header");
                return source.Packet[index].Status != RawNet.Protocols.Decoding.LayerStatus.Complete || StoppedAfter(in source, index);
            case LayerKind.Amt:
                line.Append(RawNet.Protocols.Amt.AmtMessage.Name(RawNet.Protocols.Amt.AmtMessage.TypeOf(header[0])) ?? "Unknown AMT TYPE");
                return source.Packet[index].Status != RawNet.Protocols.Decoding.LayerStatus.Complete || StoppedAfter(in source, index);
            case LayerKind.Tzsp:
                return TzspInfo.Write(line, in source, index);
            case LayerKind.L2tp:
                return WriteL2tp(line, in source, index);
            case LayerKind.Sflow:
                return SflowInfo.Write(line, in source, index);
            case LayerKind.L2tpv3:
                return WriteL2tpv3(line, in source, index);
            default:
                return InnerCut(in source, index, header.Length);
        }
    }

    /// <summary>The protocol column: the tunnel's name (GRE before its first four bytes leaves the IP layer's).</summary>
    public static string Protocol(in InfoSource source, int index) => source.Packet[index].Kind switch
    {
        LayerKind.Gre => "GRE",
        LayerKind.Erspan => "ERSPAN",
        LayerKind.Vxlan or LayerKind.VxlanGpe => "VxLAN",
        LayerKind.Geneve => "Geneve",
        LayerKind.CapwapData => "CAPWAP-Data",
        LayerKind.CapwapControl => "CAPWAP-Control",
        LayerKind.Lwapp => "LWAPP",
        LayerKind.LwappL3 => "LWAPP-L3",
        LayerKind.Gtp => Gtp(in source, index),
        LayerKind.LispData => "LISP",
        LayerKind.Amt => "AMT",
        LayerKind.Tzsp => TzspInfo.Protocol(in source, index),
        LayerKind.L2tp => "L2TP",
        LayerKind.L2tpv3 => "L2TPv3",
        LayerKind.Sflow => "sFlow",
        _ => "Teredo",
    };

    /// <summary>True when the packet was cut right after the whole header of the last layer, <paramref name="index"/> (LISP's and AMT's next read throws).</summary>
    private static bool StoppedAfter(in InfoSource source, int index) =>
        index == source.Packet.LayerCount - 1 && source.Packet.StoppedAt == source.Packet[index].Kind
        && source.Packet.Outcome == RawNet.Protocols.Decoding.DecodeOutcome.Truncated;

    /// <summary>
    /// True when an AMT query before <paramref name="owner"/> failed to read its gateway, which tshark reads after the IP
    /// packet inside wrote the columns (the decoder marks that AMT layer; its own fields cut leave nothing inside it).
    /// </summary>
    public static bool AmtGatewayFailed(in InfoSource source, int owner)
    {
        for (int i = owner - 1; i > 0; i--)
        {
            if (source.Packet[i].Kind == LayerKind.Amt)
                return source.Packet[i].Status != RawNet.Protocols.Decoding.LayerStatus.Complete;
        }
        return false;
    }

    /// <summary>True when GRE, VXLAN and Teredo set their columns at all: once the fixed part of their header was read.</summary>
    public static bool SetsProtocol(in InfoSource source, int index) =>
        source.Packet[index].Kind != LayerKind.Gre || source.Header(index).Length >= GreHeader.MinLength;

    /// <summary>
    /// GTP's protocol column: "GTP", or for a T-PDU whose payload is not IP (nothing decoded after it) "GTP &lt;GTP&gt;",
    /// as tshark writes the inner protocol's name in brackets after the tunnel's.
    /// </summary>
    private static string Gtp(in InfoSource source, int index)
    {
        var header = source.Header(index);
        return header[GtpHeader.Field.Message] == GtpHeader.TPdu && GtpHeader.TryMeasure(header, out int length) && header.Length > length
            ? "GTP <GTP>" : "GTP";
    }

    /// <summary>
    /// tshark's Geneve text: "Encapsulated" and the protocol type's EtherType name (or "0x.... (unknown)") once it was
    /// read, before that an unknown version's "Unknown Geneve version n"; true when the header or its options were cut.
    /// </summary>
    private static bool WriteGeneve(TextLine line, in InfoSource source, int index)
    {
        var header = source.Header(index);
        if (header.Length >= GeneveHeader.Field.Protocol + 2)
        {
            ushort protocol = BinaryPrimitives.ReadUInt16BigEndian(header[GeneveHeader.Field.Protocol..]);
            line.Append("Encapsulated ");
            if (RawNet.Protocols.EtherTypeNames.Of(protocol) is { } name)
                line.Append(name);
            else
            {
                line.Append("0x");
                line.AppendHexDigits(protocol, 4, uppercase: false);
                line.Append(" (unknown)");
            }
        }
        else if (header.Length >= 1 && GeneveHeader.Version(header[0]) != GeneveHeader.KnownVersion)
        {
            line.Append("Unknown Geneve version ");
            line.Append(GeneveHeader.Version(header[0]));
        }
        // What follows is the carried protocol's to mark: tshark's data dissector does not fail on bytes not captured.
        return header.Length < 1 || header.Length < GeneveHeader.LengthOf(header[0]);
    }

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
            AppendMessageType(line, type);
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

    /// <summary>
    /// tshark's L2TPv3 text: a data message's "D[S:0x...]" once its session ID was read; a control message's "Control
    /// Message" with its type's short name (or "ZLB") and "(ccid=0x...)", nothing when the first AVP is a vendor's, then
    /// ", LSID: n" and ", RSID: n" for each session ID AVP whose value was read. Nothing when the reads for it failed.
    /// </summary>
    private static bool WriteL2tpv3(TextLine line, in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        if (!L2tpv3LayerDetail.Shown(layer.Detail))
            return true;
        var bytes = source.Packet.BufferOf(layer, source.Frame)[layer.Offset..];
        bool cut = layer.Status != LayerStatus.Complete;
        if (!L2tpv3LayerDetail.Control(layer.Detail))
        {
            int session = L2tpv3LayerDetail.OverIp(layer.Detail) ? 0 : 4;
            if (source.Header(index).Length < session + 4)
                return true;
            line.Append("D[S:0x");
            line.AppendHexDigits(BinaryPrimitives.ReadUInt32BigEndian(bytes[session..]), 8, uppercase: true);
            line.Append(']');
            return cut;
        }
        // The Info column's reads come before the length field cuts the message.
        var message = bytes[L2tpv3LayerDetail.ControlStart(layer.Detail)..];
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(message);
        uint ccid = BinaryPrimitives.ReadUInt32BigEndian(message[L2tpv3Message.CcidOffset(flags)..]);
        bool isMessageType = false;
        ushort type = 0;
        if (L2tpv3Message.IsZeroLengthBody(flags, message) || L2tpv3Message.TryColumnMessageType(message, out isMessageType, out type))
        {
            line.Append("Control Message");
            if (L2tpv3Message.IsZeroLengthBody(flags, message))
                line.Append(" - ZLB");
            else if (isMessageType)
            {
                line.Append(" - ");
                AppendMessageType(line, type);
            }
            line.Append(" (ccid=0x");
            line.AppendHexDigits(ccid, 8, uppercase: true);
            line.Append(')');
        }
        AppendSessionIds(line, in source, index);
        return cut;
    }

    /// <summary>A control message type's short name, or "Unknown (n)".</summary>
    private static void AppendMessageType(TextLine line, ushort type)
    {
        if (L2tpNames.MessageTypeShort(type) is { } name)
            line.Append(name);
        else
        {
            line.Append("Unknown (");
            line.Append(type);
            line.Append(')');
        }
    }

    /// <summary>tshark's ", LSID: %2u" and ", RSID: %2u" for each Local and Remote Session ID AVP it read, in order.</summary>
    private static void AppendSessionIds(TextLine line, in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        var header = source.Header(index);
        int start = L2tpv3LayerDetail.ControlStart(layer.Detail);
        if (header.Length < start + L2tpHeader.FlagsLength)
            return;
        var message = header[start..];
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(message);
        if ((flags & L2tpHeader.Flag.Length) == 0 || message.Length < L2tpv3Message.ControlHeaderLength(flags) || !L2tpv3LayerDetail.AvpsShown(layer.Detail))
            return;
        var walker = L2tpFieldReader.Walker(message, layer.Extent - start, v3: true);
        while (walker.MoveNext(out int at, out _, out ushort vendor, out ushort type, out var shown))
        {
            if (shown != L2tpAvpShown.All || vendor != 0 || type is not (L2tpAvp.LocalSessionIdAttribute or L2tpAvp.RemoteSessionIdAttribute))
                continue;
            line.Append(type == L2tpAvp.LocalSessionIdAttribute ? ", LSID: " : ", RSID: ");
            uint id = BinaryPrimitives.ReadUInt32BigEndian(message[(at + L2tpAvp.HeaderLength)..]);
            if (id < 10)
                line.Append(' ');
            line.Append(id);
        }
    }

    /// <summary>GRE's own names for what it carries (not the EtherType table's).</summary>
    private static string? GreProtocolName(ushort protocol) => protocol switch
    {
        0x0800 => "IP",
        0x0806 => "ARP",
        0x86DD => "IPv6",
        0x6558 => "Transparent Ethernet bridging",
        0x88BE => "ERSPAN",
        GreHeader.PppProtocol => "PPP",
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
