using System.Buffers.Binary;
using RawNet.Protocols.CiscoHdlc;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.FrameRelay;
using RawNet.Protocols.Llc;
using RawNet.Protocols.Ppp;
using RawNet.Protocols.Pppoe;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The columns of a serial link whose payload nothing decoded, in tshark's words: Frame Relay ("FR", "DLCI 100, U,
/// func=UI" and the SNAP header's OUI and PID), Cisco HDLC ("CHDLC", or the protocol in hex when nothing takes it),
/// SLARP's request, reply and keepalive texts, PPP ("PPP", or the protocol in hex and its name), and the codes of its
/// control protocols ("PPP LCP", "Configuration Request"). Each text is written
/// once tshark has read the bytes it needs, so a header cut short shows what was written before the mark.
/// </summary>
internal static class SerialLinkInfo
{
    /// <summary>Writes the Info text; true when the header was cut short.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        bool cut = layer.Status != LayerStatus.Complete;
        switch (layer.Kind)
        {
            case LayerKind.FrameRelay:
                WriteFrameRelay(line, source.Bytes(index), source.Header(index));
                return cut;
            case LayerKind.Slarp:
                WriteSlarp(line, source.Header(index));
                return cut;
            case LayerKind.Lcp or LayerKind.Ipcp or LayerKind.Ipv6cp:
                // tshark sets the columns once it has read the whole header.
                if (source.Header(index).Length >= PppControlPacket.HeaderLength)
                    line.Append(PppControlNames.Code(layer.Kind, source.Header(index)[PppControlPacket.Field.Code]));
                return cut;
            case LayerKind.Pap or LayerKind.Chap:
                WritePppAuthentication(line, layer, source.Header(index));
                return cut;
            case LayerKind.Ppp or LayerKind.PppoeSession:
                if (!cut && UndecodedPppProtocol(in source, index) is int protocol)
                {
                    line.Append("PPP ");
                    line.Append(PppProtocolNames.Of((ushort)protocol) ?? "Unknown");
                    line.Append(" (");
                    line.AppendHex((ushort)protocol, 4);
                    line.Append(')');
                }
                return cut;
            case LayerKind.CiscoHdlc:
                return cut || NoDataCaptured(in source, index);
            default:
                return cut;
        }
    }

    /// <summary>The Protocol column: the link's name, or the protocol it names in hex when nothing decoded that.</summary>
    public static string Protocol(in InfoSource source, int index)
    {
        var packet = source.Packet;
        switch (packet[index].Kind)
        {
            case LayerKind.FrameRelay:
                return "FR";
            case LayerKind.Slarp:
                return "SLARP";
            case LayerKind.Lcp or LayerKind.Ipcp or LayerKind.Ipv6cp when source.Header(index).Length >= PppControlPacket.HeaderLength:
                return PppControlNames.Protocol(packet[index].Kind);
            case LayerKind.Pap or LayerKind.Chap when source.Header(index).Length > 0:
                return PppAuthFields.Protocol(packet[index].Kind);
            case LayerKind.CiscoHdlc:
                var header = source.Header(index);
                return packet[index].Status == LayerStatus.Complete && source.HandsOnUndecoded(index) && !NoDataCaptured(in source, index)
                    ? HexNames.Of(BinaryPrimitives.ReadUInt16BigEndian(header[CiscoHdlcHeader.Field.Protocol..]))
                    : "CHDLC";
            default:
                if (UndecodedPppProtocol(in source, index) is int protocol)
                    return HexNames.Of((ushort)protocol);
                // tshark's "ppp" behind a Juniper header sets no column of its own (only for a protocol nothing decodes).
                if (index > 0 && packet[index - 1].Kind == LayerKind.Juniper)
                    return Protocols.Juniper.JuniperHeader.ProtocolName((Protocols.Juniper.JuniperLink)packet[index - 1].Detail);
                // Nor behind a Redback header, but for its "ppp_hdlc" (the layer 3 offset four bytes on).
                if (index > 0 && packet[index - 1].Kind == LayerKind.Redback && !Protocols.Redback.RedbackHeader.HandsToPppHdlc(source.Header(index - 1)))
                    return "RBN";
                // tshark's reader takes the direction byte out of the frame: with nothing after it PPP sets no column.
                return PppLayout.FromDetail(packet[index].Detail).HasDirection && source.Header(index).Length <= 1 ? "" : "PPP";
        }
    }

    /// <summary>
    /// The address's DLCI once all of it was read, then for RFC 2427's UI control field "U, func=UI", and a SNAP header's
    /// OUI and PID once they were read. A control field other than UI is not decoded: only the DLCI is shown.
    /// </summary>
    private static void WriteFrameRelay(TextLine line, ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> header)
    {
        int address = FrameRelayHeader.AddressLengthOf(bytes, out uint dlci);
        if (address == 0)
            return;
        line.Append("DLCI ");
        line.Append((long)dlci);
        if (!FrameRelayHeader.TryRead(header, out var fr) || !fr.HasControl || !FrameRelayHeader.CarriesNlpid(header[fr.AddressLength..]))
            return;
        // the poll bit of a command, the final bit of a response (the CR bit set)
        line.Append(fr.Control == FrameRelayHeader.UnnumberedInformation ? ", U, func=UI" : fr.CommandResponse ? ", U F, func=UI" : ", U P, func=UI");
        int snap = fr.NlpidOffset + 1;
        if (fr.HasNlpid && fr.Nlpid == Nlpid.Snap && header.Length >= snap + FrameRelayHeader.SnapLength)
        {
            LlcInfo.AppendSnap(line, (uint)(header[snap] << 16 | header[snap + 1] << 8 | header[snap + 2]),
                BinaryPrimitives.ReadUInt16BigEndian(header[(snap + 3)..]));
        }
    }

    /// <summary>
    /// PAP's and CHAP's text once tshark read the code: its name, then once the data's items were read, the peer and
    /// password, the message, or a CHAP value (in hex, at most 36 bytes then "…") with its name (at most 20 bytes, then
    /// "..."), as format_text writes the bytes.
    /// </summary>
    private static void WritePppAuthentication(TextLine line, in Layer layer, ReadOnlySpan<byte> header)
    {
        if (header.Length == 0)
            return;
        bool chap = layer.Kind == LayerKind.Chap;
        line.Append(PppAuthFields.Code(layer.Kind, header[PppAuthPacket.Field.Code]));
        Span<PppAuthItem> items = stackalloc PppAuthItem[PppAuthPacket.MaxItems];
        int count = PppAuthPacket.Walk(chap, header, layer.Extent, items, out _, out bool info);
        if (!info)
            return;
        var found = items[..count];
        switch (chap, header[PppAuthPacket.Field.Code])
        {
            case (false, (byte)PapCode.AuthenticateRequest):
                line.Append(" (Peer-ID='");
                line.AppendFormatText(Text(found, PppAuthValue.PeerId, header));
                line.Append("', Password='");
                line.AppendFormatText(Text(found, PppAuthValue.Password, header));
                line.Append("')");
                return;
            case (false, _):
                line.Append(" (Message='");
                line.AppendFormatText(Text(found, PppAuthValue.Message, header));
                line.Append("')");
                return;
            case (true, (byte)ChapCode.Challenge or (byte)ChapCode.Response):
            {
                var name = Text(found, PppAuthValue.Name, header);
                line.Append(" (NAME='");
                line.AppendFormatText(name[..Math.Min(name.Length, PppAuthPacket.InfoNameBytes)]);
                line.Append(name.Length > PppAuthPacket.InfoNameBytes ? "...', VALUE=0x" : "', VALUE=0x");
                var value = Text(found, PppAuthValue.Value, header);
                line.AppendHexBytes(value[..Math.Min(value.Length, MaxInfoValueBytes)]);
                if (value.Length > MaxInfoValueBytes)
                    line.Append('\u2026');
                line.Append(')');
                return;
            }
            default:
                line.Append(" (MESSAGE='");
                line.AppendFormatText(Text(found, PppAuthValue.Message, header));
                line.Append("')");
                return;
        }
    }

    /// <summary>The bytes of the item <paramref name="which"/> among <paramref name="found"/>; none when it is not there.</summary>
    private static ReadOnlySpan<byte> Text(ReadOnlySpan<PppAuthItem> found, PppAuthValue which, ReadOnlySpan<byte> bytes)
    {
        foreach (var item in found)
        {
            if (item.Which == which)
                return bytes.Slice(item.At, Math.Min(item.Size, bytes.Length - item.At));
        }
        return [];
    }

    /// <summary>Bytes tshark's bytes_to_str shows before it cuts the rest to "…".</summary>
    private const int MaxInfoValueBytes = 36;

    /// <summary>SLARP's text: the type with the address and mask, or the two sequence numbers, once those 12 bytes were read.</summary>
    private static void WriteSlarp(TextLine line, ReadOnlySpan<byte> header)
    {
        if (header.Length < SlarpPacket.TypeLength)
            return;
        uint type = BinaryPrimitives.ReadUInt32BigEndian(header);
        switch ((SlarpType)type)
        {
            case SlarpType.Request or SlarpType.Reply when header.Length >= SlarpPacket.Field.Netmask + 4:
                line.Append(type == (uint)SlarpType.Request ? "Request, from " : "Reply, from ");
                line.AppendIpv4(header.Slice(SlarpPacket.Field.Address, 4));
                line.Append(", mask ");
                line.AppendIpv4(header.Slice(SlarpPacket.Field.Netmask, 4));
                return;
            case SlarpType.Keepalive when header.Length >= SlarpPacket.Field.YourSequence + 4:
                line.Append("Line keepalive, outgoing sequence ");
                line.Append((long)BinaryPrimitives.ReadUInt32BigEndian(header[SlarpPacket.Field.MySequence..]));
                line.Append(", returned sequence ");
                line.Append((long)BinaryPrimitives.ReadUInt32BigEndian(header[SlarpPacket.Field.YourSequence..]));
                return;
            case SlarpType.Request or SlarpType.Reply or SlarpType.Keepalive:
                return;
            default:
                line.Append("Unknown packet type 0x");
                line.AppendHexDigits(type, 8, uppercase: true);
                return;
        }
    }

    /// <summary>
    /// True when Cisco HDLC names a protocol nothing takes and none of its data was captured: tshark's Cisco HDLC reads a
    /// byte of it before it names the protocol, and stops there.
    /// </summary>
    private static bool NoDataCaptured(in InfoSource source, int index) => source.HandsOnUndecoded(index)
        && (index + 1 == source.Packet.LayerCount || source.Header(index + 1).Length == 0);

    /// <summary>The protocol a whole PPP header names when what follows is undecoded data; null otherwise.</summary>
    /// <summary>
    /// True when the PPP layer (or PPPoE session) at <paramref name="index"/> hands its protocol to nothing, or to an IPv6 dissector that
    /// refused the packet (another version): tshark's PPP then names the protocol in hex and writes its name, as for one
    /// nothing decodes (IPv4's "ip" dissector keeps its own "Bogus IP version" text).
    /// </summary>
    public static bool NamesRefusedProtocol(in InfoSource source, int index) => UndecodedPppProtocol(in source, index) is not null;

    private static int? UndecodedPppProtocol(in InfoSource source, int index)
    {
        var packet = source.Packet;
        if (packet[index].Kind is not (LayerKind.Ppp or LayerKind.PppoeSession) || packet[index].Status != LayerStatus.Complete
            || !source.HandsOnUndecoded(index) && !IpInfo.RefusedIpv6At(in source, index + 1))
            return null;
        var header = source.Header(index);
        // A PPPoE session is PPP without its address and control bytes: its protocol field ends the layer.
        if (packet[index].Kind == LayerKind.PppoeSession)
            return PppoeSessionHeader.TryRead(header, out var pppoe) ? (int)pppoe.Protocol : null;
        var layout = PppLayout.FromDetail(packet[index].Detail);
        return layout.CompressedProtocol ? header[layout.ProtocolOffset] : BinaryPrimitives.ReadUInt16BigEndian(header[layout.ProtocolOffset..]);
    }
}
