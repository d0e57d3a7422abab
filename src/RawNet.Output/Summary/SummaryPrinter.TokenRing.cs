using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.TokenRing;

namespace RawNet.Output.Summary;

// tcpdump's Token Ring printer (print-token.c: token_print) without -e: the routing information of a source-routed
// frame, then llc_print with the addresses (the source's routing bit cleared) for an LLC frame; any other frame type
// is the MAC header's line and a dump of the rest.
public sealed partial class SummaryPrinter
{
    private static readonly string[] TokenRingBroadcasts =
        ["Non-Broadcast", "Non-Broadcast", "Non-Broadcast", "Non-Broadcast", "All-routes", "All-routes", "Single-route", "Single-route"];

    private static readonly string[] TokenRingLargestFrames = ["516", "1500", "2052", "4472", "8144", "11407", "17800", "??"];

    /// <summary>
    /// The Token Ring header at layer <paramref name="index"/> (the frame's start) and, for an LLC frame, llc_print's
    /// words: true when the line goes on with the layer after the LLC header, which is then at <paramref name="index"/>
    /// + 2. <paramref name="length"/> is the frame's length.
    /// </summary>
    private bool AppendTokenRing(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        var line = _line;
        if (!TokenRingHeader.TryRead(frame, out var tr))
            return Truncated("token-ring");
        Span<byte> macs = stackalloc byte[12];
        tr.Destination.CopyTo(macs);
        tr.Source.CopyTo(macs[6..]);
        macs[6] &= unchecked((byte)~TokenRingHeader.SourceRouted);
        int header = TokenRingHeader.Length;
        if (tr.IsSourceRouted)
        {
            if (frame.Length < TokenRingHeader.Field.Segments)
                return Truncated("token-ring");
            ushort control = BinaryPrimitives.ReadUInt16BigEndian(frame[TokenRingHeader.Field.RouteControl..]);
            int route = control >> 8 & TokenRingHeader.RouteLengthMask;
            header += route;
            if (frame.Length < header)
                return Truncated("token-ring");
            int segments = (route - 2) / 2;
            if (_verbose)
            {
                line.Append(TokenRingBroadcasts[control >> 13]);
                line.Append(' ');
                line.Append((control & 0x80) != 0 ? "Backward" : "Forward");
            }
            else
            {
                line.Append("rt = ");
                line.AppendHexDigits(control, 0);
            }
            for (int s = 0; s < segments; s++)
            {
                ushort segment = BinaryPrimitives.ReadUInt16BigEndian(frame[(TokenRingHeader.Field.Segments + 2 * s)..]);
                if (_verbose)
                {
                    line.Append(" [");
                    line.Append(segment >> 4);
                    line.Append(':');
                    line.Append(segment & 0x0F);
                    line.Append(']');
                }
                else
                {
                    line.Append(':');
                    line.AppendHexDigits(segment, 0);
                }
            }
            line.Append(" (");
            line.Append(TokenRingLargestFrames[control >> 4 & 0x07]);
            line.Append(") ");
        }
        if (tr.FrameType == TokenRingHeader.LlcFrame)
            return AppendLanLlc(packet, frame, index, header, length, macs);
        line.AppendHexDigits(tr.AccessControl, 2);
        line.Append(' ');
        line.AppendHexDigits(tr.FrameControl, 2);
        line.Append(' ');
        AppendLanFrame(frame[header..], length, macs);
        return false;
    }

    /// <summary>
    /// llc_print behind a Token Ring or FDDI header of <paramref name="header"/> bytes at layer <paramref name="index"/>,
    /// with <paramref name="macs"/> the destination and source as tcpdump shows them: true when the line goes on with the
    /// layer after the LLC header, which is then at <paramref name="index"/> + 2.
    /// </summary>
    private bool AppendLanLlc(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int header, int length, ReadOnlySpan<byte> macs)
    {
        bool llcLayer = index + 1 < packet.LayerCount && packet[index + 1].Kind == LayerKind.Llc && packet[index + 1].Offset == header;
        var next = llcLayer && index + 2 < packet.LayerCount ? packet[index + 2].Kind : LayerKind.Frame;
        return AppendLlc(macs, frame[header..], length - header, next) && llcLayer;
    }

    /// <summary>A Token Ring or FDDI frame tcpdump does not decode: "src > dst, length N: " and a dump of <paramref name="body"/>.</summary>
    private void AppendLanFrame(ReadOnlySpan<byte> body, int length, ReadOnlySpan<byte> macs)
    {
        var line = _line;
        line.AppendMac(macs[6..]);
        line.Append(" > ");
        line.AppendMac(macs[..6]);
        line.Append(", length ");
        line.Append(length);
        line.Append(": ");
        AppendHexDump(body, "\n\t", withText: true);
    }
}
