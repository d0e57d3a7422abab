using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Checksums;

/// <summary>
/// A checksum the sending host left to its network card is told apart from damage: Linux writes the folded pseudo-header
/// sum for CHECKSUM_PARTIAL (what a capture on the sender, or on lo and veth, sees), and a host that offloads the IPv4
/// header checksum leaves 0 there. Any other wrong value stays bad.
/// </summary>
public sealed class ChecksumOffloadTests
{
    [Theory]
    [InlineData(IpProtocol.Tcp, false)]
    [InlineData(IpProtocol.Udp, false)]
    [InlineData(IpProtocol.Tcp, true)]
    [InlineData(IpProtocol.Udp, true)]
    public void PseudoHeaderSumAloneIsOffloadedNotBad(IpProtocol protocol, bool ipv6)
    {
        var frame = Transport(protocol, ipv6, out int checksumAt, out ushort good);
        ushort partial = PartialChecksum(frame, protocol, ipv6);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(checksumAt), partial);

        var packet = Decode.Frame(frame, LinkType.Ethernet);
        ref readonly var layer = ref packet[packet.IndexOf(protocol == IpProtocol.Tcp ? LayerKind.Tcp : LayerKind.Udp)];
        Assert.Equal(ChecksumStatus.Offloaded, layer.Checksum);
        Assert.Equal(good, layer.ExpectedChecksum);
        Assert.True(layer.Checksum.IsWrong());
        Assert.Equal("offloaded", layer.Checksum.Word());
    }

    [Theory]
    [InlineData(IpProtocol.Tcp)]
    [InlineData(IpProtocol.Udp)]
    public void AnyOtherWrongValueStaysBad(IpProtocol protocol)
    {
        var frame = Transport(protocol, ipv6: false, out int checksumAt, out ushort good);
        ushort partial = PartialChecksum(frame, protocol, ipv6: false);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(checksumAt), (ushort)(partial ^ 0x0100));

        var packet = Decode.Frame(frame, LinkType.Ethernet);
        ref readonly var layer = ref packet[packet.IndexOf(protocol == IpProtocol.Tcp ? LayerKind.Tcp : LayerKind.Udp)];
        Assert.Equal(ChecksumStatus.Bad, layer.Checksum);
        Assert.Equal(good, layer.ExpectedChecksum);
    }

    [Theory]
    [InlineData(PacketDirection.Outbound, ChecksumStatus.Offloaded)]
    [InlineData(PacketDirection.Unknown, ChecksumStatus.Offloaded)]
    [InlineData(PacketDirection.Inbound, ChecksumStatus.Bad)]
    public void ZeroIpv4HeaderChecksumIsOffloadedUnlessTheFrameCameIn(PacketDirection direction, ChecksumStatus expected)
    {
        var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3])));
        ushort good = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(14 + 10));
        frame[14 + 10] = 0;
        frame[14 + 11] = 0;
        var packet = new DecodedPacket();
        new PacketDecoder().Decode(frame, new FrameMetadata(0, frame.Length, frame.Length, LinkType.Ethernet, Direction: direction), 1, packet);
        Assert.Equal(expected, packet[packet.IndexOf(LayerKind.Ipv4)].Checksum);
        Assert.Equal(good, packet[packet.IndexOf(LayerKind.Ipv4)].ExpectedChecksum);
    }

    private static byte[] Transport(IpProtocol protocol, bool ipv6, out int checksumAt, out ushort good)
    {
        byte[] segment = protocol == IpProtocol.Tcp
            ? TcpSegment(40000, 80, 1000, 2000, 0x18, payload: "hello"u8.ToArray())
            : UdpDatagram(40000, 53, "hello"u8.ToArray());
        var ip = ipv6 ? Ipv6Packet(protocol, segment) : Ipv4Packet(protocol, segment);
        var frame = EthernetFrame(ipv6 ? EtherType.Ipv6 : EtherType.Ipv4, ip);
        checksumAt = 14 + (ipv6 ? 40 : 20) + (protocol == IpProtocol.Tcp ? 16 : 6);
        good = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(checksumAt));
        return frame;
    }

    /// <summary>What Linux leaves in the field for the card: the folded pseudo-header sum (~csum_tcpudp_magic(..., 0)).</summary>
    private static ushort PartialChecksum(byte[] frame, IpProtocol protocol, bool ipv6)
    {
        int ip = 14;
        int length = frame.Length - ip - (ipv6 ? 40 : 20);
        ulong pseudo = ipv6
            ? InternetChecksum.PseudoHeaderIpv6(frame.AsSpan(ip + 8, 16), frame.AsSpan(ip + 24, 16), protocol, length)
            : InternetChecksum.PseudoHeaderIpv4(frame.AsSpan(ip + 12, 4), frame.AsSpan(ip + 16, 4), protocol, length);
        return InternetChecksum.Fold(pseudo);
    }
}
