using System.Buffers.Binary;
using System.Net;
using RawNet.Protocols;
using RawNet.Protocols.Tcp;

namespace RawNet.Capture.Layers;

/// <summary>
/// What a transport experiment needs to know of an Ethernet frame it captured: the IP addresses, the fragment facts
/// (IPv4 flags and offset, or the IPv6 fragment header), and where there is one, the TCP or UDP header.
/// </summary>
/// <param name="Source">The IP source address.</param>
/// <param name="Destination">The IP destination address.</param>
/// <param name="Protocol">The upper-layer protocol (after an IPv6 fragment header, the one it names).</param>
/// <param name="IpOffset">Offset of the IP header in the frame.</param>
/// <param name="TransportOffset">Offset of the TCP/UDP header, or -1 (a non-first fragment has none).</param>
/// <param name="IpPayloadLength">Bytes after the IP header (and after the IPv6 fragment header).</param>
/// <param name="Fragmented">True for a fragment (IPv4 MF or offset, or any IPv6 fragment header).</param>
/// <param name="FragmentOffset">The fragment's offset in bytes.</param>
/// <param name="MoreFragments">The MF / M flag.</param>
/// <param name="FragmentId">The IPv4 identification or the IPv6 fragment header's identification.</param>
internal readonly record struct WireFacts(IPAddress Source, IPAddress Destination, IpProtocol Protocol, int IpOffset, int TransportOffset,
    int IpPayloadLength, bool Fragmented, int FragmentOffset, bool MoreFragments, uint FragmentId)
{
    private const int EthernetLength = 14;
    private const int Ipv6HeaderLength = 40;
    private const int FragmentHeaderLength = 8;

    /// <summary>The facts of <paramref name="frame"/>, or null when it is not IPv4 or IPv6 over Ethernet.</summary>
    public static WireFacts? Read(byte[] frame)
    {
        if (frame.Length < EthernetLength + 20)
            return null;
        var etherType = (EtherType)BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(12));
        var ip = frame.AsSpan(EthernetLength);
        if (etherType == EtherType.Ipv4)
        {
            int headerLength = (ip[0] & 0x0F) * 4;
            int total = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(ip[2..]), ip.Length);
            ushort flagsOffset = BinaryPrimitives.ReadUInt16BigEndian(ip[6..]);
            int offset = (flagsOffset & 0x1FFF) * 8;
            bool more = (flagsOffset & 0x2000) != 0;
            return new WireFacts(new IPAddress(ip.Slice(12, 4)), new IPAddress(ip.Slice(16, 4)), (IpProtocol)ip[9], EthernetLength,
                offset == 0 ? EthernetLength + headerLength : -1, total - headerLength, more || offset != 0, offset, more,
                BinaryPrimitives.ReadUInt16BigEndian(ip[4..]));
        }
        if (etherType != EtherType.Ipv6 || ip.Length < Ipv6HeaderLength)
            return null;
        var source = new IPAddress(ip.Slice(8, 16));
        var destination = new IPAddress(ip.Slice(24, 16));
        int payload = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(ip[4..]), ip.Length - Ipv6HeaderLength);
        var next = (IpProtocol)ip[6];
        if (next != IpProtocol.Ipv6Fragment)
            return new WireFacts(source, destination, next, EthernetLength, EthernetLength + Ipv6HeaderLength, payload, false, 0, false, 0);
        if (ip.Length < Ipv6HeaderLength + FragmentHeaderLength)
            return null;
        var fragment = ip.Slice(Ipv6HeaderLength, FragmentHeaderLength);
        ushort offsetFlags = BinaryPrimitives.ReadUInt16BigEndian(fragment[2..]);
        int fragmentOffset = (offsetFlags >> 3) * 8;
        return new WireFacts(source, destination, (IpProtocol)fragment[0], EthernetLength,
            fragmentOffset == 0 ? EthernetLength + Ipv6HeaderLength + FragmentHeaderLength : -1, payload - FragmentHeaderLength, true,
            fragmentOffset, (offsetFlags & 1) != 0, BinaryPrimitives.ReadUInt32BigEndian(fragment[4..]));
    }

    /// <summary>The frame's TCP header, when it has one whole.</summary>
    public bool TryTcp(byte[] frame, out TcpHeader tcp)
    {
        tcp = default;
        return Protocol == IpProtocol.Tcp && TransportOffset >= 0 && TransportOffset <= frame.Length
            && TcpHeader.TryRead(frame.AsSpan(TransportOffset), out tcp);
    }

    /// <summary>The TCP segment's payload length (0 without a TCP header).</summary>
    public int TcpPayload(byte[] frame) => TryTcp(frame, out var tcp) ? IpPayloadLength - tcp.HeaderLength : 0;

    /// <summary>The source and destination port of the TCP or UDP header, or (-1, -1).</summary>
    public (int Source, int Destination) Ports(byte[] frame) =>
        Protocol is IpProtocol.Tcp or IpProtocol.Udp && TransportOffset >= 0 && TransportOffset + 4 <= frame.Length
            ? (BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(TransportOffset)), BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(TransportOffset + 2)))
            : (-1, -1);
}
