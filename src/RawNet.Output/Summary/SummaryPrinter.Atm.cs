using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.FrameRelay;
using RawNet.Protocols.Llc;

namespace RawNet.Output.Summary;

// tcpdump's RFC 1483 printer (print-atm.c: atm_if_print) without -e: a first byte of 0x03 is Cisco's NLPID form, which
// goes to the OSI printer's dispatch (print-isoclns.c: isoclns_print) from the next byte; otherwise llc_print with no link
// addresses for an LLC header of SNAP, ISO or IP in a UI frame; any other first three bytes it takes for a Fore driver's
// 20-byte 802.6 header and reads LLC after it (tshark reads LLC from the first byte whatever it is).
public sealed partial class SummaryPrinter
{
    /// <summary>The length of the 802.6 MAC header tcpdump skips before LLC it does not recognise.</summary>
    private const int AtmForeHeaderLength = 20;

    /// <summary>The first byte of Cisco's NLPID-formatted frames (a UI control field with no SAPs before it).</summary>
    private const byte AtmCiscoNlpid = 0x03;

    // The LLC after a Fore header, decoded on its own as tcpdump reads it (RawNet's decoder, like tshark, took the
    // frame's first bytes for LLC): kept apart from the packet AppendIpReadAt decodes aside, which printing it may use.
    private PacketDecoder? _atmDecoder;
    private DecodedPacket? _atmPacket;

    /// <summary>
    /// The LLC layer at <paramref name="index"/> (the frame's start) as atm_if_print reads it: true when the line goes on
    /// with the layer after it. <paramref name="length"/> is the frame's length.
    /// </summary>
    private bool AppendAtm(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        if (frame.Length < 1)
            return Truncated("atm");
        if (frame[0] == AtmCiscoNlpid)
        {
            AppendIsoNlpid(packet, frame, 1, length - 1);
            return false;
        }
        if (frame.Length < LlcHeader.Length)
            return Truncated("atm");
        bool ui = frame[LlcHeader.Field.Control] == LlcHeader.UnnumberedInformation && frame[LlcHeader.Field.Dsap] == frame[LlcHeader.Field.Ssap];
        if (ui && frame[LlcHeader.Field.Dsap] is LlcHeader.SnapSap or LlcHeader.IpSap or 0xFE)
        {
            var next = index + 1 < packet.LayerCount ? packet[index + 1].Kind : LayerKind.Frame;
            return AppendLlc(default, frame, length, next);
        }
        if (frame.Length < AtmForeHeaderLength)
            return Truncated("atm");
        AppendAtmAfterForeHeader(packet, frame[AtmForeHeaderLength..], length - AtmForeHeaderLength);
        return false;
    }

    /// <summary>
    /// atm_llc_print on the <paramref name="bytes"/> after a Fore header (<paramref name="length"/> of them on the wire):
    /// llc_print, and what its SNAP EtherType or SAP hands on, decoded there as RawNet decodes LLC on this link.
    /// </summary>
    private void AppendAtmAfterForeHeader(DecodedPacket packet, ReadOnlySpan<byte> bytes, int length)
    {
        _atmDecoder ??= new PacketDecoder(new DecoderOptions(Defragment: false));
        _atmPacket ??= new DecodedPacket();
        var metadata = packet.Metadata with
        {
            CapturedLength = bytes.Length,
            OriginalLength = Math.Max(bytes.Length, length),
            LinkType = LinkType.AtmRfc1483,
        };
        _atmDecoder.Decode(bytes, metadata, packet.FrameNumber, _atmPacket);
        var llc = _atmPacket;
        bool decoded = llc.LayerCount > 1 && llc[1].Kind == LayerKind.Llc && llc[1].Offset == 0;
        var next = decoded && llc.LayerCount > 2 ? llc[2].Kind : LayerKind.Payload;
        if (AppendLlc(default, bytes, length, next) && decoded && llc.LayerCount > 2)
            AppendLinkAndNetwork(llc, bytes, 2, length - llc[2].Offset);
    }

    /// <summary>
    /// isoclns_print for the NLPID at <paramref name="at"/> (<paramref name="length"/> bytes on the wire from it): IPv4
    /// and IPv6 after it, the null network layer's length, and an unknown NLPID's words and dump. The OSI protocols
    /// (CLNP, ES-IS, IS-IS), Q.933 and PPP have printers RawNet does not: their names (docs/cli.md).
    /// </summary>
    private void AppendIsoNlpid(DecodedPacket packet, ReadOnlySpan<byte> frame, int at, int length)
    {
        var line = _line;
        if (frame.Length <= at)
        {
            Truncated("isoclns");
            return;
        }
        byte nlpid = frame[at];
        switch (nlpid)
        {
            case (byte)Nlpid.Ipv4:
                AppendIpReadAt(packet, frame, LayerKind.Ipv4, at + 1, length - 1);
                return;
            case (byte)Nlpid.Ipv6:
                AppendIpReadAt(packet, frame, LayerKind.Ipv6, at + 1, length - 1);
                return;
            case (byte)Nlpid.Null:
                line.Append(", length: ");
                line.Append(length);
                return;
            case (byte)Nlpid.Clnp or IsoEsIs or IsoIsIs or (byte)Nlpid.Q933 or (byte)Nlpid.Ppp:
                line.Append(TcpdumpNames.Nlpid(nlpid));
                return;
            default:
                line.Append("OSI NLPID 0x");
                line.AppendHexDigits(nlpid, 2);
                line.Append(" unknown, length: ");
                line.Append(length);
                if (length > 1)
                    AppendHexDump(frame[at..][..Math.Min(frame.Length - at, length)], "\n\t", withText: false);
                return;
        }
    }

    /// <summary>ES-IS's and IS-IS's NLPIDs (ISO/IEC TR 9577), which isoclns_print hands to printers of their own.</summary>
    private const byte IsoEsIs = 0x82, IsoIsIs = 0x83;
}
