using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.FrameRelay;
using RawNet.Protocols.Llc;

namespace RawNet.Output.Summary;

// tcpdump's Frame Relay printer (print-fr.c: fr_if_print, fr_print, parse_q922_header and fr_hdr_print) without -e, for
// LINKTYPE_FRELAY. tcpdump reads the Q.922 address itself, not as tshark does: more than four octets, or a first octet
// with EA set, is an invalid address, and the last octet's DLCI bits count even when its DC bit is set.
public sealed partial class SummaryPrinter
{
    private const int FrameRelayMinimum = 4;

    /// <summary>The Frame Relay frame that starts the packet and what it carries; <paramref name="length"/> is the frame's length on the wire.</summary>
    private void AppendFrameRelay(DecodedPacket packet, ReadOnlySpan<byte> frame, int length)
    {
        var line = _line;
        if (frame.Length < FrameRelayMinimum)
        {
            Truncated("fr");
            return;
        }
        int parsed = ParseQ922(frame, length, out int addressLength, out uint dlci, out uint flags);
        if (parsed < 0)
        {
            Truncated("fr");
            return;
        }
        if (parsed == 0)
        {
            line.Append("Q.922, invalid address");
            return;
        }
        if (frame.Length <= addressLength || length < addressLength + 1)
        {
            Truncated("fr");
            return;
        }
        byte control = frame[addressLength];
        if (control != FrameRelayHeader.UnnumberedInformation && dlci != 0)
        {
            // Cisco's encapsulation: an EtherType right after the address.
            if (frame.Length >= addressLength + 2 && length >= addressLength + 2)
            {
                ushort type = BinaryPrimitives.ReadUInt16BigEndian(frame[addressLength..]);
                if (type is 0x0800 or 0x86DD)
                {
                    AppendIpReadAt(packet, frame, type == 0x0800 ? LayerKind.Ipv4 : LayerKind.Ipv6, addressLength + 2, length - addressLength - 2);
                    return;
                }
            }
            line.Append("UI ");
            line.AppendHexDigits(control, 2);
            line.Append("! ");
        }
        if (frame.Length < addressLength + 2 || length < addressLength + 2)
        {
            Truncated("fr");
            return;
        }
        int headerLength;
        if (frame[addressLength + 1] == 0)
        {
            // A pad octet, which only a 3-octet address should have.
            if (addressLength != 3)
                line.Append("Pad! ");
            headerLength = addressLength + 3;
        }
        else
        {
            if (addressLength == 3)
                line.Append("No pad! ");
            headerLength = addressLength + 2;
        }
        if (frame.Length < headerLength || length < headerLength)
        {
            Truncated("fr");
            return;
        }
        byte nlpid = frame[headerLength - 1];
        int rest = length - headerLength;
        switch ((Nlpid)nlpid)
        {
            case Nlpid.Ipv4:
                AppendIpReadAt(packet, frame, LayerKind.Ipv4, headerLength, rest);
                return;
            case Nlpid.Ipv6:
                AppendIpReadAt(packet, frame, LayerKind.Ipv6, headerLength, rest);
                return;
            case Nlpid.Snap:
                AppendFrameRelaySnap(packet, frame, headerLength, rest, dlci, flags);
                return;
            default:
                AppendQ922Header(length, addressLength, dlci, flags, nlpid);
                AppendHexDump(frame[headerLength..][..Math.Min(frame.Length - headerLength, rest)], "\n\t", withText: true);
                return;
        }
    }

    /// <summary>snap_print after NLPID 0x80: IP for the EtherType OUIs, otherwise the SNAP header, fr_hdr_print and the whole frame dumped.</summary>
    private void AppendFrameRelaySnap(DecodedPacket packet, ReadOnlySpan<byte> frame, int at, int length, uint dlci, uint flags)
    {
        if (frame.Length < at + FrameRelayHeader.SnapLength || length < FrameRelayHeader.SnapLength)
        {
            Truncated("snap");
            return;
        }
        uint oui = (uint)(frame[at] << 16 | frame[at + 1] << 8 | frame[at + 2]);
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(frame[(at + 3)..]);
        int payload = at + FrameRelayHeader.SnapLength;
        if (oui is LlcHeader.EncapsulatedEthernet or LlcHeader.BridgeTunnel && type is 0x0800 or 0x86DD)
        {
            AppendIpReadAt(packet, frame, type == 0x0800 ? LayerKind.Ipv4 : LayerKind.Ipv6, payload, length - FrameRelayHeader.SnapLength);
            return;
        }
        if (oui == LlcHeader.Bridged && AppendBridgedFrame(packet, type, frame[payload..], length - FrameRelayHeader.SnapLength, BridgedPid.FrameRelayPad))
            return;
        if (AppendSnapPrinterName(oui, type, frame[payload..Math.Max(payload, Math.Min(frame.Length, at + length))], length - FrameRelayHeader.SnapLength))
            return;
        AppendUnknownSnap(oui, type, length - FrameRelayHeader.SnapLength);
        // fr_print passes the header's length where fr_hdr_print wants the address's.
        AppendQ922Header(length + at, at, dlci, flags, (byte)Nlpid.Snap);
        AppendHexDump(frame[..Math.Min(frame.Length, length + at)], "\n\t", withText: true);
        // The dump asks for the whole frame: a capture that cut it ends the line as snap_print's truncation does.
        if (frame.Length < length + at)
            Truncated("snap");
    }

    /// <summary>fr_hdr_print: "Q.922, hdr-len N, DLCI N, Flags [...], NLPID name (0xNN), length N: ".</summary>
    private void AppendQ922Header(int length, int addressLength, uint dlci, uint flags, byte nlpid)
    {
        var line = _line;
        line.Append("Q.922, hdr-len ");
        line.Append(addressLength);
        line.Append(", DLCI ");
        line.Append(dlci);
        line.Append(", Flags [");
        if (flags == 0)
        {
            line.Append("none");
        }
        else
        {
            bool first = true;
            AppendFlag(flags, Q922CommandResponse, "C!", ref first);
            AppendFlag(flags, Q922DiscardEligible, "DE", ref first);
            AppendFlag(flags, Q922Becn, "BECN", ref first);
            AppendFlag(flags, Q922Fecn, "FECN", ref first);
            AppendFlag(flags, Q922DlCore, "sdlcore", ref first);
        }
        line.Append("], NLPID ");
        line.Append(TcpdumpNames.Nlpid(nlpid));
        line.Append(" (0x");
        line.AppendHexDigits(nlpid, 2);
        line.Append("), length ");
        line.Append(length);
        line.Append(": ");
    }

    private void AppendFlag(uint flags, uint bit, string name, ref bool first)
    {
        if ((flags & bit) == 0)
            return;
        if (!first)
            _line.Append(", ");
        _line.Append(name);
        first = false;
    }

    private const uint Q922CommandResponse = 0x02000000, Q922DiscardEligible = 0x00020000, Q922Becn = 0x00040000,
        Q922Fecn = 0x00080000, Q922DlCore = 0x00000002;

    /// <summary>
    /// parse_q922_header: 1 with the address's length, DLCI and flags; 0 for an invalid address (a first octet with EA
    /// set, more than four octets); -1 when the captured bytes or <paramref name="length"/> end inside it.
    /// </summary>
    private static int ParseQ922(ReadOnlySpan<byte> bytes, int length, out int addressLength, out uint dlci, out uint flags)
    {
        addressLength = 0;
        dlci = 0;
        flags = 0;
        if (bytes.Length < 1 || length < 1)
            return -1;
        if ((bytes[0] & 1) != 0)
            return 0;
        if (bytes.Length < 2 || length < 2)
            return -1;
        addressLength = 2;
        dlci = (uint)((bytes[0] & 0xFC) << 2 | (bytes[1] & 0xF0) >> 4);
        flags = (uint)((bytes[0] & 0x02) << 24 | (bytes[1] & 0x0E) << 16);
        if ((bytes[1] & 1) != 0)
            return 1;
        int at = 2;
        int left = length - 2;
        if (bytes.Length <= at || left < 1)
            return -1;
        addressLength++;
        if ((bytes[at] & 1) == 0)
        {
            dlci = dlci << 7 | (uint)(bytes[at] >> 1);
            addressLength++;
            at++;
            left--;
        }
        if (bytes.Length <= at || left < 1)
            return -1;
        if ((bytes[at] & 1) == 0)
            return 0;
        flags |= (uint)(bytes[at] & 0x02);
        dlci = dlci << 6 | (uint)(bytes[at] >> 2);
        return 1;
    }
}
