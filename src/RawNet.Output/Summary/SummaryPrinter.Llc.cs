using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.Llc;
using RawNet.Protocols.Stp;

namespace RawNet.Output.Summary;

// tcpdump's 802.3 path (print-ether.c with print-llc.c's llc_print and snap_print) without -e: what the LLC header and its
// SAPs or SNAP name, and STP's printer (SummaryPrinter.Stp.cs). tcpdump goes on to the printers of IPX, ISO CLNS, CDP and
// the other SNAP protocols, which RawNet does not have: it names them and stops.
public sealed partial class SummaryPrinter
{
    /// <summary>The bits of the control field tcpdump reads: the poll bit of an unnumbered and of a numbered frame.</summary>
    private const int LlcUnnumberedPoll = 0x10, LlcNumberedPoll = 0x100;

    /// <summary>An XID frame's format identifier byte for the basic format, whose next two bytes tcpdump prints.</summary>
    private const byte LlcXidFormat = 0x81;

    /// <summary>AppleTalk's EtherType, which tcpdump prints behind Apple's OUI.</summary>
    private const ushort AppleTalkDdp = 0x809B;

    /// <summary>
    /// llc_print for the 802.3 frame whose Ethernet header is <paramref name="ethernet"/>: <paramref name="bytes"/> are
    /// the captured bytes from the LLC header up to the end the 802.3 length gives, <paramref name="length"/> the bytes on
    /// the wire to that end. True when the line goes on with the layer after the LLC header (an EtherType behind SNAP
    /// or IP behind its SAP, which <paramref name="next"/>, the layer decoded there, must then be).
    /// </summary>
    private bool AppendLlc(ReadOnlySpan<byte> ethernet, ReadOnlySpan<byte> bytes, int length, LayerKind next)
    {
        var line = _line;
        if (bytes.Length < LlcHeader.Length || length < LlcHeader.Length || !LlcHeader.TryRead(bytes, out var llc)
            || !llc.IsUnnumbered && (bytes.Length < LlcHeader.ExtendedLength || length < LlcHeader.ExtendedLength))
        {
            Truncated("llc");
            AppendHexDump(bytes, "\n\t", withText: true);
            return false;
        }
        if (llc.Dsap == 0xFF && llc.Ssap == 0xFF)
        {
            // Novell's raw 802.3 frame, IPX with no LLC header: tcpdump's IPX printer.
            line.Append("IPX");
            return false;
        }
        int dsap = llc.Dsap & ~LlcHeader.AddressBit, ssap = llc.Ssap & ~LlcHeader.AddressBit;
        int control = llc.Control, headerLength = llc.ControlLength + 2;
        bool ui = llc.IsUnnumbered && control == LlcHeader.UnnumberedInformation;
        if (ui && dsap == LlcHeader.SnapSap && ssap == LlcHeader.SnapSap)
            return AppendLlcSnap(ethernet, bytes, length, next);
        if (ui && dsap == StpBpdu.Sap && ssap == StpBpdu.Sap)
        {
            AppendStp(bytes[headerLength..], length - headerLength);
            return false;
        }
        if (ui && dsap == ssap && TcpdumpNames.LlcSap(dsap) is "IPX" or "OSI")
        {
            // tcpdump's IPX and ISO CLNS printers, which RawNet does not have.
            line.Append(TcpdumpNames.LlcSap(dsap));
            return false;
        }
        if (ui && dsap == LlcHeader.IpSap && ssap == LlcHeader.IpSap)
        {
            // ip_print, which refuses any version but 4 in its own words (the decoder, as tshark, made IPv6 of a 6).
            if (next == LayerKind.Ipv6)
            {
                AppendIpVersionProblem(bytes[headerLength..]);
                return false;
            }
            return next == LayerKind.Ipv4 || Truncated("ip");
        }
        AppendMacs(ethernet, dsap == ssap ? default : "SSAP", ssap);
        AppendSapName("DSAP", dsap);
        line.Append(' ');
        if (llc.IsUnnumbered)
        {
            line.Append("Unnumbered, ");
            string command = TcpdumpNames.LlcCommand(control & ~LlcUnnumberedPoll);
            if (command.Length > 0)
                line.Append(command);
            else
                line.AppendHexDigits((ulong)(control & ~LlcUnnumberedPoll), 2);
            AppendLlcFlags(llc, control & LlcUnnumberedPoll, length);
            if ((control & ~LlcUnnumberedPoll) == 0xAF && AppendXid(bytes[headerLength..], length - headerLength))
                return false;
        }
        else if (llc.Kind == LlcFrameKind.Supervisory)
        {
            line.Append("Supervisory, ");
            line.Append(TcpdumpNames.LlcSupervisory(control >> 2 & 0x03));
            line.Append(", rcv seq ");
            line.Append(control >> 9 & 0x7F);
            AppendLlcFlags(llc, control & LlcNumberedPoll, length);
            return false;
        }
        else
        {
            line.Append("Information, send seq ");
            line.Append(control >> 1 & 0x7F);
            line.Append(", rcv seq ");
            line.Append(control >> 9 & 0x7F);
            AppendLlcFlags(llc, control & LlcNumberedPoll, length);
        }
        // An unknown payload: tcpdump dumps the frame from the LLC header on.
        AppendHexDump(bytes, "\n\t", withText: true);
        return false;
    }

    /// <summary>"src > dst ", or with <paramref name="ssapLabel"/> "src SSAP-name > dst " for SAPs that differ.</summary>
    private void AppendMacs(ReadOnlySpan<byte> ethernet, string? ssapLabel, int ssap)
    {
        var line = _line;
        if (ethernet.IsEmpty)
        {
            // No link addresses (RFC 1483 ATM): the SAPs' names alone.
            if (ssapLabel is not null)
            {
                AppendSapName(ssapLabel, ssap);
                line.Append(" > ");
            }
            return;
        }
        line.AppendMac(ethernet.Slice(EthernetHeader.Field.Source, 6));
        if (ssapLabel is not null)
        {
            line.Append(' ');
            AppendSapName(ssapLabel, ssap);
        }
        line.Append(" > ");
        line.AppendMac(ethernet.Slice(EthernetHeader.Field.Destination, 6));
        line.Append(' ');
    }

    private void AppendSapName(string role, int sap)
    {
        string name = TcpdumpNames.LlcSap(sap);
        if (name.Length > 0)
        {
            _line.Append(name);
            return;
        }
        _line.Append("Unknown ");
        _line.Append(role);
        _line.Append(" 0x");
        _line.AppendHexDigits((ulong)sap, 2);
    }

    private void AppendLlcFlags(LlcHeader llc, int poll, int length)
    {
        _line.Append(", Flags [");
        _line.Append(TcpdumpNames.LlcFlags((llc.IsResponse ? 1 : 0) | poll));
        _line.Append("], length ");
        _line.Append(length);
    }

    /// <summary>An XID's basic format (": 01 00"): true when tcpdump stops there, with no dump of the frame.</summary>
    private bool AppendXid(ReadOnlySpan<byte> payload, int length)
    {
        if (length <= 0)
            return true;
        if (payload.Length < 1)
        {
            Truncated("llc");
            return true;
        }
        if (payload[0] != LlcXidFormat)
            return false;
        if (payload.Length < 3 || length < 3)
        {
            Truncated("llc");
            AppendHexDump(payload, "\n\t", withText: true);
            return true;
        }
        _line.Append(": ");
        _line.AppendHexDigits(payload[1], 2);
        _line.Append(' ');
        _line.AppendHexDigits(payload[2], 2);
        return true;
    }

    /// <summary>snap_print: the EtherType's printer for the encapsulating OUIs, otherwise the SNAP header and a dump.</summary>
    private bool AppendLlcSnap(ReadOnlySpan<byte> ethernet, ReadOnlySpan<byte> bytes, int length, LayerKind next)
    {
        if (bytes.Length < LlcHeader.SnapLength || length < LlcHeader.SnapLength)
            return Truncated("snap");
        LlcHeader.TryRead(bytes, out var llc);
        uint oui = llc.Oui;
        ushort type = llc.ProtocolId;
        if (llc.CarriesEtherType && next is not LayerKind.Payload and not LayerKind.Frame)
            return true;
        if (oui == LlcHeader.Bridged && _printing is not null
            && AppendBridgedFrame(_printing, type, bytes[LlcHeader.SnapLength..], length - LlcHeader.SnapLength, BridgedPid.LlcPad))
            return false;
        if (AppendSnapPrinterName(oui, type, bytes[LlcHeader.SnapLength..], length - LlcHeader.SnapLength))
            return false;
        AppendMacs(ethernet, null, 0);
        AppendUnknownSnap(oui, type, length - LlcHeader.SnapLength);
        AppendHexDump(bytes, "\n\t", withText: true);
        return false;
    }

    /// <summary>
    /// snap_print's bridged frames (OUI 00-80-C2's PIDs for Ethernet, Token Ring and FDDI): the pad (one byte more before
    /// FDDI) checked against the captured bytes, then the frame printed as that link type's printer prints a frame of its
    /// own, FCS included (tcpdump does not take it off), from <paramref name="afterSnap"/>, <paramref name="length"/> bytes
    /// on the wire. False for another PID. The bytes are decoded again as that frame: tshark's view of them (the FCS
    /// taken off, the addresses where its dissectors find them) is not tcpdump's.
    /// </summary>
    private bool AppendBridgedFrame(DecodedPacket packet, ushort pid, ReadOnlySpan<byte> afterSnap, int length, int pad)
    {
        int start = BridgedPid.FrameOffset(pid, pad);
        // As deep as the decoder goes (tcpdump has no bound): each level decodes the rest aside, so a frame of bridged
        // frames all the way down would cost time and stack by its length.
        if (start < 0 || _bridgedDepth >= PacketDecoder.MaxBridgedFrames)
            return false;
        if (afterSnap.Length < start)
        {
            Truncated("snap");
            return true;
        }
        var linkType = pid is BridgedPid.EthernetWithFcs or BridgedPid.EthernetWithoutFcs ? RawNet.Protocols.LinkType.Ethernet
            : pid is BridgedPid.TokenRingWithFcs or BridgedPid.TokenRingWithoutFcs ? RawNet.Protocols.LinkType.TokenRing : RawNet.Protocols.LinkType.Fddi;
        var bytes = afterSnap[start..];
        int wire = Math.Max(bytes.Length, length - start);
        // The packet decoded aside is the one every later reading aside reuses: nothing of it is read after this call.
        var inner = DecodeAside(packet, bytes, wire, linkType);
        _bridgedDepth++;
        AppendLinkAndNetwork(inner, bytes, 1, wire);
        _bridgedDepth--;
        return true;
    }

    /// <summary>
    /// STP's line behind Cisco's or 802.1's OUI (<see cref="AppendStp"/>, from <paramref name="after"/>, the captured bytes
    /// after SNAP, <paramref name="length"/> on the wire), or the name a printer RawNet does not have starts its line with
    /// (Cisco's protocols, AppleTalk's DDP "AT", after -v's "et1 "): true when snap_print hands the protocol ID to a
    /// printer, and the line ends there.
    /// </summary>
    private bool AppendSnapPrinterName(uint oui, ushort type, ReadOnlySpan<byte> after, int length)
    {
        if (oui == LlcHeader.Cisco && type == PacketDecoder.CdpPid && !_verbose)
        {
            AppendCdp(after, length);
            return true;
        }
        if (oui == LlcHeader.Cisco && type == PacketDecoder.DtpPid)
        {
            AppendDtp(after, length);
            return true;
        }
        if (oui == LlcHeader.Cisco && type == PacketDecoder.VtpPid)
        {
            AppendVtp(after, length);
            return true;
        }
        if (oui == LlcHeader.Cisco && type == PacketDecoder.UdldPid)
        {
            AppendUdld(after, length);
            return true;
        }
        string? printer = oui == LlcHeader.AppleTalk && type == AppleTalkDdp ? _verbose ? "et1 AT" : "AT" : TcpdumpNames.SnapPrinter(oui, type);
        if (printer is null)
            return false;
        if (ReferenceEquals(printer, TcpdumpNames.StpPrinter))
            AppendStp(after, length);
        else
            _line.Append(printer);
        return true;
    }

    /// <summary>
    /// snap_print's words for an OUI or protocol ID it has no printer for, with its tables' names (tcpdump's own, not the
    /// IEEE registry tshark reads); <paramref name="length"/> the bytes after SNAP.
    /// </summary>
    private void AppendUnknownSnap(uint oui, ushort type, int length)
    {
        var line = _line;
        if (oui == LlcHeader.EncapsulatedEthernet)
            line.Append("SNAP, ethertype ");
        else
        {
            line.Append("SNAP, oui ");
            AppendNameOrUnknown(TcpdumpNames.SnapOui(oui));
            line.Append(" (0x");
            line.AppendHexDigits(oui, 6);
            line.Append("), pid ");
        }
        AppendNameOrUnknown(TcpdumpNames.SnapPid(oui, type));
        line.Append(" (0x");
        line.AppendHexDigits(type, 4);
        line.Append("), length ");
        line.Append(length);
        line.Append(": ");
    }

    private void AppendNameOrUnknown(string name) => _line.Append(name.Length > 0 ? name : "Unknown");

    /// <summary>The 802.3 length in the type field just before <paramref name="offset"/>, or -1 when that field is an EtherType.</summary>
    /// <summary>True when the LLC at <paramref name="offset"/> follows Jumbo LLC's EtherType (0x8870) rather than a length.</summary>
    private static bool IsJumboLlc(ReadOnlySpan<byte> frame, int offset) =>
        offset >= 2 && offset <= frame.Length && (EtherType)BinaryPrimitives.ReadUInt16BigEndian(frame[(offset - 2)..]) == EtherType.JumboLlc;

    private static int LengthFieldBefore(ReadOnlySpan<byte> frame, int offset) =>
        offset >= 2 && offset <= frame.Length && BinaryPrimitives.ReadUInt16BigEndian(frame[(offset - 2)..]) is var field
            && field <= EthernetHeader.MaxLength ? field : -1;
}
