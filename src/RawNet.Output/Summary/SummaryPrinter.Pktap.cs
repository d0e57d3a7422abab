using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Pktap;

namespace RawNet.Output.Summary;

// tcpdump's PKTAP printer (print-pktap.c: pktap_if_print), for LINKTYPE_PKTAP: nothing of the header itself (without
// -e), then the printer of the DLT it names over the bytes after its declared length.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// The PKTAP header of layer <paramref name="index"/>, <paramref name="length"/> bytes on the wire from it: true when
    /// what it carries is a layer the loop prints next (with <paramref name="length"/> and <paramref name="linkStart"/>
    /// moved past the header), else tcpdump's line for a short or lying header, another record type or a DLT it has no
    /// printer for, and false.
    /// </summary>
    private bool AppendPktap(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ref int length, ref int linkStart)
    {
        var line = _line;
        int offset = packet[index].Offset;
        var bytes = frame[Math.Min(offset, frame.Length)..];
        if (length < PktapHeader.FixedLength)
        {
            line.Append(" (packet too short, ");
            line.Append(length);
            line.Append(" < ");
            line.Append(PktapHeader.FixedLength);
            line.Append(") (invalid)");
            return false;
        }
        if (bytes.Length < PktapHeader.Field.Dlt + 4)
            return Truncated("pktap");
        uint declared = PktapHeader.DeclaredLength(bytes);
        if (declared < PktapHeader.FixedLength || declared > (uint)length)
        {
            line.Append(declared < PktapHeader.FixedLength ? " (pkt_len too small, " : " (pkt_len too big, ");
            line.Append(declared);
            line.Append(declared < PktapHeader.FixedLength ? " < " : " > ");
            line.Append(declared < PktapHeader.FixedLength ? PktapHeader.FixedLength : length);
            line.Append(") (invalid)");
            return false;
        }
        if ((uint)bytes.Length < declared)
            return Truncated("pktap");
        int headerLength = (int)declared;
        uint recordType = BinaryPrimitives.ReadUInt32LittleEndian(bytes[PktapHeader.Field.RecordType..]);
        if (recordType == PktapHeader.RecordNone)
            line.Append("no data");
        if (recordType != PktapHeader.RecordPacket)
            return false;
        uint dlt = BinaryPrimitives.ReadUInt32LittleEndian(bytes[PktapHeader.Field.Dlt..]);
        if (dlt is 12 or 228 or 229)
        {
            AppendRawIp(packet, frame, offset + headerLength, length - headerLength);
            return false;
        }
        if (!HasTcpdumpPrinter(dlt) || index + 1 >= packet.LayerCount || packet[index + 1].Offset != offset + headerLength)
        {
            // No printer: the header's DLT and lengths, then the packet in hex (libpcap's names only for DLTs RawNet decodes).
            line.Append("DLT UNKNOWN (");
            line.Append(dlt);
            line.Append(") len ");
            line.Append(headerLength);
            line.Append(", length ");
            line.Append(length);
            line.Append(": ");
            AppendHexDump(bytes[headerLength..], "\n\t", withText: true);
            return false;
        }
        length -= headerLength;
        linkStart = offset + headerLength;
        return true;
    }

    /// <summary>
    /// tcpdump's raw IP printer (ipN_print) for the bytes at <paramref name="offset"/>, <paramref name="length"/> of them
    /// on the wire: IPv4 or IPv6 by the first nibble whatever the DLT says (the bytes decoded again when tshark read them
    /// otherwise), else "unknown ip N".
    /// </summary>
    private void AppendRawIp(DecodedPacket packet, ReadOnlySpan<byte> frame, int offset, int length)
    {
        var line = _line;
        if (length < 1)
        {
            line.Append("truncated-ip ");
            line.Append(length);
            return;
        }
        if (offset >= frame.Length)
        {
            Truncated("ipn");
            return;
        }
        int version = frame[offset] >> 4;
        if (version is 4 or 6)
        {
            AppendIpReadAt(packet, frame, version == 4 ? LayerKind.Ipv4 : LayerKind.Ipv6, offset, length);
            return;
        }
        line.Append("unknown ip ");
        line.Append(version);
    }

    /// <summary>The link type of the link layer at <paramref name="index"/>: the capture's, or the DLT of a PKTAP header before it.</summary>
    private static LinkType LinkTypeAt(DecodedPacket packet, ReadOnlySpan<byte> frame, int index)
    {
        if (index > 1 && packet[index - 1].Kind == LayerKind.Pktap && PktapHeader.TryRead(packet.HeaderOf(packet[index - 1], frame), out var pktap)
            && PktapHeader.TryGetLinkType(pktap.Dlt, out var inner))
            return inner;
        // tcpdump reads NetBSD's DLT_HDLC number as Cisco HDLC.
        return packet.Metadata.LinkType == LinkType.CiscoHdlc112 ? LinkType.CiscoHdlc : packet.Metadata.LinkType;
    }

    /// <summary>
    /// True for the DLTs after a PKTAP header that RawNet decodes and tcpdump has a printer for: not 14 (DLT_RAW only on
    /// OpenBSD) nor 101 (LINKTYPE_RAW, no DLT), which tshark reads as raw IP and tcpdump dumps in hex.
    /// </summary>
    private static bool HasTcpdumpPrinter(uint dlt) => dlt is not (14 or 101) && PktapHeader.TryGetLinkType(dlt, out _);
}
