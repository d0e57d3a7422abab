using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Udp;

namespace RawNet.Output.Columns.Info;

/// <summary>UDP's Info text as tshark writes it: <c>SPORT → DPORT Len=L</c>, or its complaint about an impossible length.</summary>
internal static class UdpInfo
{
    /// <summary>Writes the Info text; true when the header, or a payload tshark hands on, was cut short.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var header = source.Header(index);
        if (!PortsInfo.Append(line, in source, index))
            return true;
        ref readonly var layer = ref source.Packet[index];
        if (header.Length < UdpHeader.Field.Length + 2)
            return true;
        int length = BinaryPrimitives.ReadUInt16BigEndian(header[UdpHeader.Field.Length..]);
        if (length < UdpHeader.HeaderLength)
        {
            line.Append(" [BAD UDP LENGTH ");
            line.Append(length);
            line.Append(" < 8]");
            return false;
        }
        if (length > layer.Extent && !source.Packet.IsUnreassembledFragment
            && !Protocols.Expert.ExpertFinder.IsUnreassembledFragment(source.Packet, source.Frame, index))
        {
            line.Append(" [BAD UDP LENGTH ");
            line.Append(length);
            line.Append(" > IP PAYLOAD LENGTH] Len=");
            line.Append(length - UdpHeader.HeaderLength);
            AppendIllegalChecksum(line, in source, index, header);
            // tshark then reads within the IP payload, whatever the frame holds: one with no byte after the header throws.
            if (layer.Extent <= UdpHeader.HeaderLength)
                line.Append(InfoColumn.MalformedMark);
            return false;
        }
        line.Append(" Len=");
        line.Append(length - UdpHeader.HeaderLength);
        if (header.Length < UdpHeader.HeaderLength)
            return true;
        AppendIllegalChecksum(line, in source, index, header);
        // A payload tshark hands on of which nothing was captured stops it there, and so does one of at least 4 bytes of
        // which 1 to 3 were: its heuristic dissectors try it in turn, and WireGuard's (on by default) reads the 4-byte
        // message type and reserved bytes.
        return length > UdpHeader.HeaderLength && (!HasCapturedPayload(in source, index) || HeuristicsReadPastCapture(in source, index));
    }

    /// <summary>
    /// tshark's " [ILLEGAL CHECKSUM (0)]": a zero checksum over IPv6, where RFC 8200 allows none (over IPv4 it means no
    /// checksum; in a datagram an ICMP error quotes tshark ignores it).
    /// </summary>
    private static void AppendIllegalChecksum(TextLine line, in InfoSource source, int index, ReadOnlySpan<byte> header)
    {
        var packet = source.Packet;
        if (header.Length >= UdpHeader.HeaderLength && BinaryPrimitives.ReadUInt16BigEndian(header[UdpHeader.Field.Checksum..]) == 0
            && !packet[index].Quoted && Protocols.Expert.ExpertFinder.IpLayerOf(packet, index) is int ip && packet[ip].Kind == LayerKind.Ipv6)
            line.Append(" [ILLEGAL CHECKSUM (0)]");
    }

    private static bool HeuristicsReadPastCapture(in InfoSource source, int index) =>
        UdpHeuristics.IsClaimedByWireGuard(source.Packet[index + 1]);

    private static bool HasCapturedPayload(in InfoSource source, int index)
    {
        var packet = source.Packet;
        return index + 1 < packet.LayerCount && packet[index + 1].HeaderLength > 0;
    }
}
