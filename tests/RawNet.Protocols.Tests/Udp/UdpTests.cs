using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Udp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Udp;

public class UdpTests
{
    private static byte[] Dns() => UdpDatagram(33000, 53, Hex("abcd 0100 0001 0000 0000 0000 07 6578616d706c65 03 636f6d 00 0001 0001"));

    [Fact]
    public void Deconstruct()
    {
        var udp = HeaderViews.Udp(Ipv4Packet(IpProtocol.Udp, Dns()).AsSpan(20));
        Assert.Equal(33000, udp.SourcePort);
        Assert.Equal(53, udp.DestinationPort);
        Assert.Equal(37, udp.Length);
        Assert.NotEqual(0, udp.Checksum);
    }

    [Fact]
    public void Parse()
    {
        var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, Dns()));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Dns], Decode.Kinds(packet));
        Assert.Equal((34, 8, 37), (packet[3].Offset, packet[3].HeaderLength, packet[3].Extent));
        Assert.Equal(ChecksumStatus.Good, packet[3].Checksum);
        Assert.Equal((42, 29, 29), (packet[4].Offset, packet[4].HeaderLength, packet[4].Extent));
    }

    [Fact]
    public void Fields()
    {
        var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, Dns()));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("33000", Decode.Field(packet, frame, "udp.srcport"));
        Assert.Equal("53", Decode.Field(packet, frame, "udp.dstport"));
        Assert.Equal("33000,53", Decode.Field(packet, frame, "udp.port"));
        Assert.Equal("37", Decode.Field(packet, frame, "udp.length"));
        Assert.Equal($"0x{HeaderViews.Udp(frame.AsSpan(34)).Checksum:x4}", Decode.Field(packet, frame, "udp.checksum"));
    }

    [Fact]
    public void ZeroChecksumOverIpv4IsNotPresent()
    {
        var ip = Ipv4Packet(IpProtocol.Udp, Dns(), transportChecksum: false);
        var packet = Decode.Frame(ip, LinkType.Ipv4);
        Assert.Equal(ChecksumStatus.NotPresent, packet[2].Checksum);
        Assert.Equal("0x0000", Decode.Field(packet, ip, "udp.checksum"));
    }

    [Fact]
    public void ZeroChecksumOverIpv6IsBad()
    {
        // RFC 8200 section 8.1: IPv6 receivers discard UDP packets with a zero checksum.
        var ip = Ipv6Packet(IpProtocol.Udp, Dns(), transportChecksum: false);
        var packet = Decode.Frame(ip, LinkType.Ipv6);
        Assert.Equal(ChecksumStatus.Bad, packet[2].Checksum);
    }

    [Fact]
    public void LengthBelowEightIsMalformed()
    {
        var segment = Dns();
        segment[4] = 0;
        segment[5] = 7;
        var ip = Ipv4Packet(IpProtocol.Udp, segment);
        var packet = Decode.Frame(ip, LinkType.Ipv4);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal((LayerKind.Udp, LayerStatus.Malformed, 8), (packet[2].Kind, packet[2].Status, packet[2].HeaderLength));
        Assert.Equal("7", Decode.Field(packet, ip, "udp.length"));
    }

    [Fact]
    public void LengthBeyondTheIpPayloadMarksTheLayerAndTheIpPayloadStillGoesToDns()
    {
        // tshark 4.0: "Bad length value > IP payload length" is an expert item, not an exception; DNS reads what the IP
        // payload holds.
        var segment = Dns();
        segment[5] += 1;
        var packet = Decode.Frame(Ipv4Packet(IpProtocol.Udp, segment), LinkType.Ipv4);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[2].Status);
        Assert.Equal(LayerKind.Dns, packet[3].Kind);
    }

    [Fact]
    public void LengthShorterThanTheIpPayloadBoundsThePayload()
    {
        // UDP says 12 bytes; the IP payload has 8 more: they are not UDP data.
        var datagram = UdpDatagram(1, 2, [1, 2, 3, 4]);
        FillTransportChecksum(IpProtocol.Udp, datagram, InternetChecksum.PseudoHeaderIpv4(Ip(V4Src), Ip(V4Dst), IpProtocol.Udp, datagram.Length));
        var packet = Decode.Frame(Ipv4Packet(IpProtocol.Udp, Concat(datagram, new byte[8]), transportChecksum: false), LinkType.Ipv4);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal((28, 4, 4), (packet[3].Offset, packet[3].HeaderLength, packet[3].Extent));
        Assert.Equal(ChecksumStatus.Good, packet[2].Checksum);
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, Dns())), LinkType.Ethernet);
        Decode.EveryPrefix(Ipv6Packet(IpProtocol.Udp, Dns()), LinkType.Ipv6);
    }

    [Fact]
    public void PeerCorpusUdpAndTrailers()
    {
        foreach (var file in new[] { "udp.pcap", "udpPacketWithEthernetTrailers.pcap", "udp_dns_request_response.pcap" })
        {
            foreach (var (metadata, data) in Decode.Corpus(file))
            {
                var packet = Decode.Frame(metadata, data);
                int udp = packet.IndexOf(LayerKind.Udp);
                Assert.True(udp > 0, file);
                Assert.Contains(packet[udp].Checksum, new[] { ChecksumStatus.Good, ChecksumStatus.NotPresent });
                Decode.EveryPrefix(data, metadata.LinkType);
            }
        }
    }
}
