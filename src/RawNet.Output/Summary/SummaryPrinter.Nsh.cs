using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Nsh;

namespace RawNet.Output.Summary;

// tcpdump's NSH printer (print-nsh.c, nsh_print) as -v and less print it: the O flag, the service path and index, then
// what the next protocol names at the offset the length says (not tshark's fixed 24 bytes for MD type 1): IPv4, IPv6
// or Ethernet; any other (NSH and MPLS too) is "ERROR: unknown-next-protocol".
public sealed partial class SummaryPrinter
{
    /// <summary>nsh_print for the NSH header at layer <paramref name="index"/>, <paramref name="length"/> bytes on the wire from its start.</summary>
    private void AppendNsh(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        var line = _line;
        int offset = packet[index].Offset;
        var bytes = frame[Math.Min(offset, frame.Length)..];
        if (length < NshHeader.Length)
        {
            line.Append(" (packet length ");
            line.Append(length);
            line.Append(" < 8) (invalid)");
            return;
        }
        if (bytes.Length < 4)
        {
            Truncated("nsh");
            return;
        }
        ushort word = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        line.Append("NSH, ");
        if ((word & NshHeader.Mask.Version) != 0)
            return;
        line.Append((word & NshHeader.Mask.Oam) != 0 ? "flags [O], " : "flags [none], ");
        int headerLength = (word & NshHeader.Mask.Length) * 4;
        if (length < headerLength)
        {
            line.Append(" (too many headers for packet length ");
            line.Append(length);
            line.Append(") (invalid)");
            return;
        }
        if (bytes.Length < NshHeader.Field.ServiceIndex)
        {
            Truncated("nsh");
            return;
        }
        var spi = bytes.Slice(NshHeader.Field.ServicePath, 3);
        line.Append("service-path-id 0x");
        line.AppendHexDigits((ulong)(spi[0] << 16 | spi[1] << 8 | spi[2]), 6);
        line.Append(", ");
        if (bytes.Length < NshHeader.Length)
        {
            Truncated("nsh");
            return;
        }
        line.Append("service-index 0x");
        line.AppendHexDigits(bytes[NshHeader.Field.ServiceIndex], 0);
        if (headerLength < NshHeader.Length)
        {
            line.Append(" (less than two headers) (invalid)");
            return;
        }
        if (bytes.Length < headerLength)
        {
            Truncated("nsh");
            return;
        }
        line.Append(_verbose ? "\n    " : ": ");
        int payload = offset + headerLength;
        int next = length - headerLength;
        var kind = (NshNextProtocol)bytes[NshHeader.Field.NextProtocol];
        if (payload >= frame.Length && kind is NshNextProtocol.Ipv4 or NshNextProtocol.Ipv6 or NshNextProtocol.Ethernet)
        {
            // Nothing of the payload captured.
            Truncated(kind switch { NshNextProtocol.Ipv4 => "ip", NshNextProtocol.Ipv6 => "ip6", _ => "ether" });
            return;
        }
        switch (kind)
        {
            case NshNextProtocol.Ipv4:
                AppendIpAt(packet, frame, LayerKind.Ipv4, payload, next);
                return;
            case NshNextProtocol.Ipv6:
                AppendIpAt(packet, frame, LayerKind.Ipv6, payload, next);
                return;
            case NshNextProtocol.Ethernet:
                for (int i = index + 1; i < packet.LayerCount; i++)
                {
                    if (packet[i].Kind == LayerKind.Ethernet && packet[i].Offset == payload && packet[i].Source == LayerSource.Frame)
                    {
                        AppendLinkAndNetwork(packet, frame, i, next);
                        return;
                    }
                }
                Truncated("ether");
                return;
            default:
                line.Append("ERROR: unknown-next-protocol");
                return;
        }
    }
}
