using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.CiscoHdlc;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ppp;

namespace RawNet.Output.Summary;

// tcpdump's PPP printers (print-ppp.c): ppp_if_print for LINKTYPE_PPP, ppp_hdlc_if_print for LINKTYPE_PPP_HDLC, and
// none at all for LINKTYPE_PPP_WITH_DIR. tcpdump reads the bytes by its own rules, which are not tshark's (it takes
// 0x00 0x03 and 0x01 0x03 for pppd's direction, ignores protocol compression on LINKTYPE_PPP_HDLC): the line follows
// tcpdump's reading, and the IP layers RawNet decoded are printed where both readings meet.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// The PPP or Cisco HDLC header at layer <paramref name="index"/> and what it carries, as tcpdump prints it for the
    /// capture's link type (which decides its reading, whatever tshark's rules made of the bytes).
    /// </summary>
    private void AppendSerialLink(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        var line = _line;
        var bytes = frame[packet[index].Offset..];
        switch (LinkTypeAt(packet, frame, index))
        {
            case LinkType.PppWithDirection:
                AppendUnsupportedLinkType(frame);
                return;
            case LinkType.CiscoHdlc:
                AppendCiscoHdlc(packet, frame, packet[index].Offset, length);
                return;
            case LinkType.PppHdlc:
            {
                if (bytes.Length >= 2 && CiscoHdlcHeader.IsAddress(bytes[0]))
                {
                    AppendCiscoHdlc(packet, frame, packet[index].Offset, length);
                    return;
                }
                if (bytes.Length < 4)
                {
                    Truncated("ppp_hdlc");
                    return;
                }
                if (bytes[0] != PppLayout.AllStationsAddress)
                {
                    // tcpdump skips the two bytes it calls address and control, then prints the next two as such.
                    line.Append("unknown addr ");
                    line.AppendHexDigits(bytes[2], 2);
                    line.Append("; ctrl ");
                    line.AppendHexDigits(bytes[3], 2);
                    return;
                }
                ushort protocol = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
                AppendPppProtocolName(protocol);
                line.Append(": ");
                AppendPppData(packet, frame, protocol, packet[index].Offset + 4, length - 4, "ppp_hdlc");
                return;
            }
            default:
            {
                if (bytes.Length < 4)
                {
                    Truncated("ppp");
                    return;
                }
                int at = 0;
                if (BinaryPrimitives.ReadUInt16BigEndian(bytes) is 0xFF03 or 0x0003 or 0x0103)
                {
                    at = 2;
                    length -= 2;
                }
                if (length < 2)
                {
                    Truncated("ppp");
                    return;
                }
                ushort protocol = (bytes[at] & 1) != 0 ? bytes[at] : BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);
                int protocolLength = (bytes[at] & 1) != 0 ? 1 : 2;
                AppendPppData(packet, frame, protocol, packet[index].Offset + at + protocolLength, length - protocolLength);
                return;
            }
        }
    }

    /// <summary>
    /// tcpdump's handle_ppp: the data of <paramref name="protocol"/> at <paramref name="offset"/>, <paramref name="length"/>
    /// bytes on the wire; <paramref name="printer"/> is the name tcpdump's truncation mark gives when a read runs past
    /// the capture ("ppp", or "ppp_hdlc" on LINKTYPE_PPP_HDLC, whose printer calls handle_ppp itself).
    /// </summary>
    private void AppendPppData(DecodedPacket packet, ReadOnlySpan<byte> frame, ushort protocol, int offset, int length, string printer = "ppp")
    {
        var line = _line;
        switch (protocol)
        {
            case (ushort)PppProtocol.Ipv4 or TcpdumpNames.PppVjUncompressed or (ushort)EtherType.Ipv4:
                AppendIpAt(packet, frame, LayerKind.Ipv4, offset, length);
                return;
            case (ushort)PppProtocol.Ipv6 or (ushort)EtherType.Ipv6:
                AppendIpAt(packet, frame, LayerKind.Ipv6, offset, length);
                return;
            case (ushort)PppProtocol.MplsUnicast or (ushort)PppProtocol.MplsMulticast:
                AppendMpls(packet, frame, offset, length);
                return;
            case TcpdumpNames.PppCompressed:
                line.Append("compressed PPP data");
                return;
            case (ushort)PppProtocol.Pap:
                AppendPap(frame[Math.Min(offset, frame.Length)..], length, printer);
                return;
            case (ushort)PppProtocol.Chap:
                AppendChap(frame[Math.Min(offset, frame.Length)..], length, printer);
                return;
        }
        var data = frame[Math.Min(offset, frame.Length)..];
        if (TcpdumpNames.IsPppControlProtocol(protocol))
        {
            AppendPppControl(protocol, frame, offset, length, printer);
            return;
        }
        AppendPppProtocolName(protocol);
        line.Append(' ');
        AppendHexDump(data[..Math.Min(data.Length, Math.Max(0, length))], "\n\t", withText: false);
    }

    /// <summary>The PPP protocols handle_ppp hands to a printer of their own other than IP's and MPLS's: the control protocols, PAP and CHAP.</summary>
    private static bool IsPppPrintedProtocol(ushort protocol) =>
        TcpdumpNames.IsPppControlProtocol(protocol) || protocol is (ushort)PppProtocol.Pap or (ushort)PppProtocol.Chap;

    /// <summary>ppptype2str's name, or "unknown PPP protocol (0x1234)".</summary>
    private void AppendPppProtocolName(ushort protocol)
    {
        string name = TcpdumpNames.PppProtocol(protocol);
        if (name.Length > 0)
        {
            _line.Append(name);
            return;
        }
        _line.Append("unknown PPP protocol (");
        _line.AppendHex(protocol, 4);
        _line.Append(')');
    }

    /// <summary>
    /// tcpdump's handle_ctrl_proto for LCP, IPCP and the other control protocols: code, identifier and length, and with
    /// -v the encoded length and what the code carries (<see cref="AppendPppControlVerbose"/>).
    /// </summary>
    private void AppendPppControl(ushort protocol, ReadOnlySpan<byte> frame, int offset, int length, string printer)
    {
        var line = _line;
        var data = frame[Math.Min(offset, frame.Length)..];
        string name = TcpdumpNames.PppProtocol(protocol);
        line.Append(name);
        line.Append(", ");
        if (length < 4 || data.Length < 2)
        {
            AppendControlTruncated(name);
            return;
        }
        AppendPppControlCode(data[0]);
        line.Append(", id ");
        line.Append(data[1]);
        line.Append(", length ");
        line.Append(length + 2);
        if (_verbose)
            AppendPppControlVerbose(protocol, name, data, length, offset >= 2 ? frame[Math.Min(offset - 2, frame.Length)..] : data, printer);
    }

    /// <summary>A control protocol's code as cpcodes names it, and the number: "Conf-Request (0x01)".</summary>
    private void AppendPppControlCode(byte code)
    {
        string name = TcpdumpNames.PppControlCode(code);
        _line.Append(name.Length > 0 ? name : "Unknown Opcode");
        _line.Append(" (");
        _line.AppendHex(code, 2);
        _line.Append(')');
    }

    /// <summary>
    /// The start every handle_pap and handle_chap line has: "[|pap]" for no data on the wire, the code alone in brackets
    /// for less than 4 bytes, else "PAP, Auth-Req (0x01), id 1"; false when the line ends there.
    /// </summary>
    private bool AppendAuthenticationHeader(ReadOnlySpan<byte> data, int length, string printer, string protocol, string code)
    {
        var line = _line;
        if (length < 1 || (length < PppAuthPacket.HeaderLength && data.Length > 0))
        {
            line.Append(protocol == "PAP" ? "[|pap" : "[|chap");
            if (length >= 1)
            {
                line.Append(" 0x");
                line.AppendHexDigits(data[0], 2);
            }
            line.Append(']');
            return false;
        }
        if (data.Length < 1)
            return Truncated(printer);
        line.Append(protocol);
        line.Append(", ");
        line.Append(code.Length > 0 ? code : "unknown");
        line.Append(" (0x");
        line.AppendHexDigits(data[0], 2);
        line.Append(')');
        if (data.Length < 2)
            return Truncated(printer);
        line.Append(", id ");
        line.Append(data[1]);
        return data.Length >= PppAuthPacket.HeaderLength || Truncated(printer);
    }

    /// <summary>
    /// tcpdump's handle_pap: the header, then within the declared length (which must fit the packet) a request's peer
    /// and password (printed as "Peer" and "Name") or an ack's or nak's message, each only when its length byte fits.
    /// </summary>
    private void AppendPap(ReadOnlySpan<byte> data, int length, string printer)
    {
        var line = _line;
        if (!AppendAuthenticationHeader(data, length, printer, "PAP", TcpdumpNames.PapCode(data.Length > 0 ? data[0] : (byte)0)))
            return;
        int declared = BinaryPrimitives.ReadUInt16BigEndian(data[PppAuthPacket.Field.Length..]);
        if (declared > length)
        {
            line.Append(", length ");
            line.Append(declared);
            line.Append(" > packet size");
            return;
        }
        if (declared < PppAuthPacket.HeaderLength)
        {
            line.Append(", length ");
            line.Append(declared);
            line.Append(" < PAP header length");
            return;
        }
        switch ((PapCode)data[PppAuthPacket.Field.Code])
        {
            case PapCode.AuthenticateRequest:
            {
                // A request is at least 6 bytes, an ack or nak 5 (RFC 1334 2.2).
                if (declared < 6)
                {
                    line.Append("[|pap]");
                    return;
                }
                int at = PppAuthPacket.Field.Data;
                if (!AppendCounted(data, ref at, declared, ", Peer ", printer) || declared - at < 1)
                    return;
                AppendCounted(data, ref at, declared, ", Name ", printer);
                return;
            }
            case PapCode.AuthenticateAck or PapCode.AuthenticateNak:
            {
                if (declared < 5)
                {
                    line.Append("[|pap]");
                    return;
                }
                int at = PppAuthPacket.Field.Data;
                AppendCounted(data, ref at, declared, ", Msg ", printer);
                return;
            }
        }
    }

    /// <summary>
    /// A length byte at <paramref name="at"/> and the characters it counts, after <paramref name="label"/>, when they fit
    /// in <paramref name="end"/>; false when they did not, or the capture ended (marked).
    /// </summary>
    private bool AppendCounted(ReadOnlySpan<byte> data, ref int at, int end, string label, string printer)
    {
        if (at >= data.Length)
            return Truncated(printer);
        int count = data[at++];
        if (end - at < count)
            return false;
        _line.Append(label);
        if (AppendCharacters(data, at, count))
            return Truncated(printer);
        at += count;
        return true;
    }

    /// <summary>
    /// tcpdump's handle_chap: the header, then a challenge's or response's value in hex and name, or a success's or
    /// failure's message. The value must fit the packet; the name and message run to the declared length, which tcpdump
    /// does not check (one shorter than what came before wraps around: everything captured is printed, then the mark).
    /// </summary>
    private void AppendChap(ReadOnlySpan<byte> data, int length, string printer)
    {
        var line = _line;
        if (!AppendAuthenticationHeader(data, length, printer, "CHAP", TcpdumpNames.ChapCode(data.Length > 0 ? data[0] : (byte)0)))
            return;
        uint declared = BinaryPrimitives.ReadUInt16BigEndian(data[PppAuthPacket.Field.Length..]);
        int at = PppAuthPacket.Field.Data;
        switch ((ChapCode)data[PppAuthPacket.Field.Code])
        {
            case ChapCode.Challenge or ChapCode.Response:
            {
                if (length - at < 1)
                    return;
                if (at >= data.Length)
                {
                    Truncated(printer);
                    return;
                }
                int valueSize = data[at++];
                if (length - at < valueSize)
                    return;
                line.Append(", Value ");
                for (int end = at + valueSize; at < end; at++)
                {
                    if (at >= data.Length)
                    {
                        Truncated(printer);
                        return;
                    }
                    line.AppendHexDigits(data[at], 2);
                }
                line.Append(", Name ");
                break;
            }
            case ChapCode.Success or ChapCode.Failure:
                line.Append(", Msg ");
                break;
            default:
                return;
        }
        uint count = unchecked(declared - (uint)at);
        if (AppendCharacters(data, at, (int)Math.Min(count, int.MaxValue)))
            Truncated(printer);
    }
}
