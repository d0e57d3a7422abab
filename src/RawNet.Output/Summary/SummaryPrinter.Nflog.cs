using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Nflog;

namespace RawNet.Output.Summary;

// tcpdump's NFLOG printer (print-nflog.c: nflog_if_print), for LINKTYPE_NFLOG: its own walk over the TLVs to the first
// NFULA_PAYLOAD (tshark's takes the last), then IPv4 or IPv6 by the family alone, over the rest of the frame.
public sealed partial class SummaryPrinter
{
    /// <summary>The NFLOG message at the frame's start; <paramref name="length"/> is the frame's length.</summary>
    private void AppendNflog(DecodedPacket packet, ReadOnlySpan<byte> frame, int length)
    {
        var line = _line;
        if (!NflogHeader.TryRead(frame, out var nflog))
        {
            Truncated("nflog");
            return;
        }
        if (nflog.Version != 0)
        {
            line.Append("version ");
            line.Append(nflog.Version);
            line.Append(" (unknown)");
            return;
        }
        int at = NflogHeader.Length, remaining = length - NflogHeader.Length;
        while (remaining > 0)
        {
            if (frame.Length - at < NflogHeader.TlvHeaderLength)
            {
                Truncated("nflog");
                return;
            }
            // A 16-bit size rounded up to 4 in 16 bits, as tcpdump rounds it: 0xfffd and above wrap to below 4.
            ushort size = BinaryPrimitives.ReadUInt16LittleEndian(frame[at..]);
            if (size % 4 != 0)
                size = (ushort)(size + 4 - size % 4);
            if (size < NflogHeader.TlvHeaderLength || frame.Length - at < size)
            {
                Truncated("nflog");
                return;
            }
            if (BinaryPrimitives.ReadUInt16LittleEndian(frame[(at + 2)..]) == (ushort)NflogTlvType.Payload)
            {
                at += NflogHeader.TlvHeaderLength;
                remaining -= NflogHeader.TlvHeaderLength;
                break;
            }
            at += size;
            remaining -= size;
        }
        switch (nflog.Family)
        {
            case NflogHeader.Ipv4:
                AppendIpReadAt(packet, frame, LayerKind.Ipv4, at, remaining, decodedAlike: false);
                return;
            case NflogHeader.Ipv6:
                AppendIpReadAt(packet, frame, LayerKind.Ipv6, at, remaining, decodedAlike: false);
                return;
            default:
                line.Append("version ");
                line.Append(nflog.Version);
                line.Append(", resource ID ");
                line.Append(nflog.ResourceId);
                line.Append(", family Unknown (");
                line.Append(nflog.Family);
                line.Append("), length ");
                line.Append(remaining + NflogHeader.Length);
                line.Append(": ");
                AppendHexDump(frame[Math.Min(at, frame.Length)..], "\n\t", withText: true);
                return;
        }
    }
}
