using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ieee802154;

namespace RawNet.Output.Summary;

// tcpdump's IEEE 802.15.4 printer (print-802_15_4.c: ieee802_15_4_if_print), for LINKTYPE_IEEE802_15_4_WITHFCS and
// _NOFCS alike: the frame type, the version, the sequence number (-v), the PAN IDs and addresses, then the payload in
// hex. It never reads 6LoWPAN.
public sealed partial class SummaryPrinter
{
    private static readonly string[] Ieee802154FrameTypes = ["Beacon", "Data", "ACK", "Command", "Reserved", "Multipurpose", "Fragment", "Extended"];

    private static bool IsIeee802154(LinkType linkType) => linkType is LinkType.Ieee802154WithFcs or LinkType.Ieee802154NoFcs;

    /// <summary>tcpdump's line for link type 283 (802.15.4 TAP): its header checked as ieee802_15_4_tap_if_print does, then the frame after it.</summary>
    private void AppendIeee802154Tap(ReadOnlySpan<byte> frame)
    {
        const string truncated = " [|802.15.4_tap]";
        if (frame.Length < 4)
        {
            _line.Append(truncated);
            return;
        }
        int length = BinaryPrimitives.ReadUInt16LittleEndian(frame[2..]);
        if (frame[0] != 0 || length < 4)
            _line.Append(" (invalid)");
        else if (frame.Length < length)
            _line.Append(truncated);
        else
            AppendIeee802154(frame[length..]);
    }

    /// <summary>
    /// tcpdump's line for an 802.15.4 frame of <paramref name="frame"/>'s captured bytes: a 2-byte FCS is taken off when
    /// it checks (tcpdump tries a 4-byte one first, which a CRC-16 frame matches only by chance, left out here), errors
    /// and truncation marks as it writes them. Security headers, information elements, beacons' and commands' payloads are
    /// shown in hex, not parsed.
    /// </summary>
    private void AppendIeee802154(ReadOnlySpan<byte> frame)
    {
        var line = _line;
        const string truncated = " [|802.15.4]";
        int caplen = frame.Length;
        if (caplen < 2)
        {
            line.Append(truncated);
            return;
        }
        ushort fc = BinaryPrimitives.ReadUInt16LittleEndian(frame);
        int frameType = fc & 7;
        line.Append("IEEE 802.15.4 ");
        line.Append(Ieee802154FrameTypes[frameType]);
        line.Append(" packet ");
        if (frameType > Ieee802154Header.TypeCommand)
            return;
        if (caplen >= 4 && BinaryPrimitives.ReadUInt16LittleEndian(frame[(caplen - 2)..]) == Crc16.ComputeKermit(frame[..(caplen - 2)]))
            caplen -= 2;
        int version = (fc >> 12) & 3;
        line.Append('v');
        line.Append(version);
        line.Append(' ');
        int p;
        if ((fc & Ieee802154Header.SeqnoSuppressionBit) != 0)
        {
            if (version < 2)
                line.Append("[ERROR: Sequence number suppressed on frames where version < 2]");
            if (_verbose)
                line.Append("seq suppressed ");
            p = 2;
        }
        else
        {
            if (frame.Length < 3)
            {
                line.Append(truncated);
                return;
            }
            if (_verbose)
            {
                line.Append("seq ");
                line.AppendHexDigits(frame[2], 2);
                line.Append(' ');
            }
            if (caplen < 3)
            {
                line.Append(truncated);
                return;
            }
            p = 3;
        }
        int dstMode = (fc >> 10) & 3, srcMode = (fc >> 14) & 3;
        if (srcMode == Ieee802154Header.ModeReserved)
        {
            line.Append("[ERROR: Invalid src address mode]");
            return;
        }
        if (dstMode == Ieee802154Header.ModeReserved)
        {
            line.Append("[ERROR: Invalid dst address mode]");
            return;
        }
        int dstLength = Ieee802154Header.AddressLength(dstMode), srcLength = Ieee802154Header.AddressLength(srcMode);
        bool compression = (fc & Ieee802154Header.PanIdCompressionBit) != 0;
        if (version < 2 && compression && (dstLength == 0 || srcLength == 0))
            line.Append("[ERROR: PAN ID Compression != 0, and only one address with frame version < 2]");
        Ieee802154Header.PanPresence(version, dstMode, srcMode, compression, out bool dstPan, out bool srcPan);
        if (!AppendIeee802154Side(frame, ref p, caplen, dstPan, dstLength, "[ERROR: Truncated before dst_pan]"))
            return;
        line.Append(" < ");
        if (!AppendIeee802154Side(frame, ref p, caplen, srcPan, srcLength, "[ERROR: Truncated before dst_pan]"))
            return;
        line.Append(' ');
        if (p < caplen)
            AppendHexDump(frame[p..caplen], "\n\t", withText: true);
    }

    /// <summary>One side's "pan:" (or "-:") and address as tcpdump prints them; false after an error message.</summary>
    private bool AppendIeee802154Side(ReadOnlySpan<byte> frame, ref int p, int caplen, bool pan, int length, string panError)
    {
        var line = _line;
        if (pan)
        {
            if (caplen - p < 2)
            {
                line.Append(panError);
                return false;
            }
            line.AppendHexDigits(BinaryPrimitives.ReadUInt16LittleEndian(frame[p..]), 4);
            line.Append(':');
            p += 2;
        }
        else
            line.Append("-:");
        if (caplen - p < length)
        {
            line.Append("[ERROR: Truncated before dst_addr]");
            return false;
        }
        switch (length)
        {
            case 0:
                line.Append("none");
                break;
            case 2:
                line.AppendHexDigits(BinaryPrimitives.ReadUInt16LittleEndian(frame[p..]), 4);
                break;
            default:
                for (int i = 7; i >= 0; i--)
                {
                    line.AppendHexDigits(frame[p + i], 2);
                    if (i > 0)
                        line.Append(':');
                }
                break;
        }
        p += length;
        return true;
    }
}
