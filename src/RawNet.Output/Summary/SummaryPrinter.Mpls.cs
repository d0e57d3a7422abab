using RawNet.Protocols.Decoding;
using RawNet.Protocols.Mpls;

namespace RawNet.Output.Summary;

// tcpdump's MPLS printer (print-mpls.c, mpls_print): every label of the stack, then its own guess at the payload, which
// is not tshark's: labels 0 and 3 say IPv4 and 2 IPv6, otherwise the first byte must be 0x45-0x4f or 0x60-0x6f.
public sealed partial class SummaryPrinter
{
    /// <summary>mpls_print for the label stack at <paramref name="offset"/>, <paramref name="length"/> bytes on the wire from there.</summary>
    private void AppendMpls(DecodedPacket packet, ReadOnlySpan<byte> frame, int offset, int length)
    {
        var line = _line;
        line.Append("MPLS");
        int depth = 0;
        uint label;
        while (true)
        {
            if (length < MplsLabel.Length)
            {
                line.Append(" (invalid)");
                return;
            }
            if (!MplsLabel.TryRead(frame[Math.Min(offset, frame.Length)..], out var entry))
            {
                Truncated("mpls");
                return;
            }
            label = entry.Label;
            line.Append(depth > 0 && _verbose ? "\n\t(label " : " (label ");
            line.Append(label);
            if (_verbose && TcpdumpNames.MplsReservedLabel(label) is { Length: > 0 } name)
            {
                line.Append(" (");
                line.Append(name);
                line.Append(')');
            }
            line.Append(", tc ");
            line.Append(entry.TrafficClass);
            if (entry.BottomOfStack)
                line.Append(", [S]");
            line.Append(", ttl ");
            line.Append(entry.Ttl);
            line.Append(')');
            depth++;
            offset += MplsLabel.Length;
            length -= MplsLabel.Length;
            if (entry.BottomOfStack)
                break;
        }
        var payload = frame[Math.Min(offset, frame.Length)..];
        var kind = label switch
        {
            0 or 3 => LayerKind.Ipv4,
            2 => LayerKind.Ipv6,
            _ => LayerKind.Payload,
        };
        if (kind == LayerKind.Payload)
        {
            if (length < 1)
                return;
            if (payload.Length < 1)
            {
                Truncated("mpls");
                return;
            }
            kind = payload[0] switch
            {
                >= 0x45 and <= 0x4F => LayerKind.Ipv4,
                >= 0x60 and <= 0x6F => LayerKind.Ipv6,
                _ => LayerKind.Payload,
            };
        }
        if (kind == LayerKind.Payload)
        {
            AppendHexDump(payload[..Math.Min(payload.Length, Math.Max(0, length))], "\n\t", withText: true);
            if (payload.Length < length)
                Truncated("mpls");
            return;
        }
        line.Append(_verbose ? "\n\t" : " ");
        AppendIpAt(packet, frame, kind, offset, length);
    }
}
