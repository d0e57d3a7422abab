using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tunnels;

namespace RawNet.Output.Summary;

// tcpdump 4.99's VXLAN-GPE printer (print-vxlan-gpe.c: vxlan_gpe_print), on UDP port 4790. Unlike later tcpdumps it
// neither checks the version nor looks at the P or O flags, and it has no printer for MPLS (next protocol 5).
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// tcpdump's VXLAN-GPE line: "VXLAN-GPE, flags [IP], vni 5", then ": " (a new line and four spaces with -v) and what
    /// the next protocol names, or "ERROR: unknown-next-protocol (invalid)". <paramref name="length"/> is the UDP payload's
    /// length as the header says; <paramref name="index"/> the VXLAN-GPE layer's (or past the last when none was made).
    /// </summary>
    private void AppendVxlanGpe(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ReadOnlySpan<byte> bytes, int length)
    {
        var line = _line;
        line.Append("VXLAN-GPE, ");
        if (length < VxlanHeader.Length)
        {
            line.Append(" (len ");
            line.Append(length);
            line.Append(" < 8) (invalid)");
            return;
        }
        if (bytes.Length < 1)
        {
            line.Append(" [|vxlan_gpe]");
            return;
        }
        byte flags = bytes[VxlanHeader.Field.Flags];
        line.Append("flags [");
        if ((flags & (VxlanHeader.GpeFlag.Instance | VxlanHeader.GpeFlag.NextProtocol | VxlanHeader.GpeFlag.Bum | VxlanHeader.GpeFlag.Oam)) == 0)
            line.Append("none");
        if ((flags & VxlanHeader.GpeFlag.Instance) != 0)
            line.Append('I');
        if ((flags & VxlanHeader.GpeFlag.NextProtocol) != 0)
            line.Append('P');
        if ((flags & VxlanHeader.GpeFlag.Bum) != 0)
            line.Append('B');
        if ((flags & VxlanHeader.GpeFlag.Oam) != 0)
            line.Append('O');
        line.Append("], ");
        if (bytes.Length < VxlanHeader.Length)
        {
            line.Append(" [|vxlan_gpe]");
            return;
        }
        line.Append("vni ");
        line.Append(BinaryPrimitives.ReadUInt32BigEndian(bytes[VxlanHeader.Field.NetworkIdentifier..]) >> 8);
        line.Append(_verbose ? "\n    " : ": ");
        var rest = bytes[VxlanHeader.Length..];
        int innerLength = length - VxlanHeader.Length;
        switch ((VxlanGpeNextProtocol)bytes[VxlanHeader.Field.NextProtocol])
        {
            case VxlanGpeNextProtocol.Ipv4:
                AppendTunnelledOrCut(packet, frame, index, (ushort)EtherType.Ipv4, rest, innerLength);
                return;
            case VxlanGpeNextProtocol.Ipv6:
                AppendTunnelledOrCut(packet, frame, index, (ushort)EtherType.Ipv6, rest, innerLength);
                return;
            case VxlanGpeNextProtocol.Ethernet:
                AppendTunnelledOrCut(packet, frame, index, (ushort)EtherType.TransparentEthernetBridging, rest, innerLength);
                return;
            case VxlanGpeNextProtocol.Nsh when index + 1 < packet.LayerCount && packet[index + 1].Kind == LayerKind.Nsh:
                AppendNsh(packet, frame, index + 1, innerLength);
                return;
            case VxlanGpeNextProtocol.Nsh:
                Truncated("nsh");
                return;
            default:
                line.Append("ERROR: unknown-next-protocol (invalid)");
                return;
        }
    }
}
