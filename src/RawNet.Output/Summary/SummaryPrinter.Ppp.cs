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
                // tcpdump has no printer for this link type: its word for that, and every captured byte.
                line.Append("UNSUPPORTED");
                AppendHexDump(frame, "\n\t", withText: true);
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
                AppendPppData(packet, frame, protocol, packet[index].Offset + 4, length - 4);
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

    /// <summary>tcpdump's handle_ppp: the data of <paramref name="protocol"/> at <paramref name="offset"/>, <paramref name="length"/> bytes on the wire.</summary>
    private void AppendPppData(DecodedPacket packet, ReadOnlySpan<byte> frame, ushort protocol, int offset, int length)
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
        }
        var data = frame[Math.Min(offset, frame.Length)..];
        if (TcpdumpNames.IsPppControlProtocol(protocol))
        {
            AppendPppControl(protocol, frame, offset, length);
            return;
        }
        AppendPppProtocolName(protocol);
        line.Append(' ');
        AppendHexDump(data[..Math.Min(data.Length, Math.Max(0, length))], "\n\t", withText: false);
    }

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
    /// -v the encoded length (RawNet does not print their options).
    /// </summary>
    private void AppendPppControl(ushort protocol, ReadOnlySpan<byte> frame, int offset, int length)
    {
        var line = _line;
        var data = frame[Math.Min(offset, frame.Length)..];
        string name = TcpdumpNames.PppProtocol(protocol);
        line.Append(name);
        line.Append(", ");
        if (length < 4 || data.Length < 2)
        {
            line.Append("[|");
            line.Append(name);
            line.Append(']');
            return;
        }
        AppendPppControlCode(data[0]);
        line.Append(", id ");
        line.Append(data[1]);
        line.Append(", length ");
        line.Append(length + 2);
        if (!_verbose)
            return;
        if (data.Length < 4)
        {
            line.Append("[|");
            line.Append(name);
            line.Append(']');
            return;
        }
        int encoded = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
        line.Append("\n\tencoded length ");
        line.Append(encoded);
        if (encoded < 4)
            line.Append(" (< 4))");
        else if (encoded > length)
        {
            line.Append(" (> packet length ");
            line.Append(length);
            line.Append("))");
        }
        else
        {
            line.Append(" (=Option(s) length ");
            line.Append(encoded - 4);
            line.Append(')');
            // Codes without a printer of their own are dumped from the protocol field on (tcpdump's "pptr - 2").
            if (encoded > 4 && TcpdumpNames.PppControlCode(data[0]).Length == 0 && offset >= 2)
            {
                var dumped = frame[(offset - 2)..];
                AppendHexDump(dumped[..Math.Min(dumped.Length, encoded + 2)], "\n\t  ", withText: false);
            }
        }
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
}
