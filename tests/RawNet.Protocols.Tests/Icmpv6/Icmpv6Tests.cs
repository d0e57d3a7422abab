using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Icmpv6;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Icmpv6;

public class Icmpv6Tests
{
    private static byte[] EchoRequest() =>
        EthernetFrame(EtherType.Ipv6, Ipv6Packet(IpProtocol.Icmpv6, Icmpv6Packet(128, 0, 0xBEEF_0007, new byte[16])));

    private static byte[] PacketTooBig()
    {
        var original = Ipv6Packet(IpProtocol.Udp, UdpDatagram(4000, 4001, new byte[1400]), source: V6Dst, destination: "2001:db8::77");
        return EthernetFrame(EtherType.Ipv6, Ipv6Packet(IpProtocol.Icmpv6, Icmpv6Packet(2, 0, 1280, original[..200])));
    }

    [Fact]
    public void Deconstruct()
    {
        Assert.True(Icmpv6Message.IsEcho(128) && Icmpv6Message.IsEcho(129));
        Assert.False(Icmpv6Message.IsEcho(135));
        Assert.All(new byte[] { 1, 2, 3, 4 }, t => Assert.True(Icmpv6Message.IsErrorWithQuote(t)));
        Assert.All(new byte[] { 0, 5, 128, 135 }, t => Assert.False(Icmpv6Message.IsErrorWithQuote(t)));
    }

    [Fact]
    public void ParseEcho()
    {
        var frame = EchoRequest();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv6, LayerKind.Icmpv6, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal((54, 8, 24), (packet[3].Offset, packet[3].HeaderLength, packet[3].Extent));
        Assert.Equal(ChecksumStatus.Good, packet[3].Checksum);
    }

    [Fact]
    public void EchoFields()
    {
        var frame = EchoRequest();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("128", Decode.Field(packet, frame, "icmpv6.type"));
        Assert.Equal("0", Decode.Field(packet, frame, "icmpv6.code"));
        Assert.Equal("0xbeef", Decode.Field(packet, frame, "icmpv6.echo.identifier"));
        Assert.Equal("7", Decode.Field(packet, frame, "icmpv6.echo.sequence_number"));
    }

    [Fact]
    public void ErrorQuotingIpv6AndUdp()
    {
        var frame = PacketTooBig();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv6, LayerKind.Icmpv6, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(ChecksumStatus.Good, packet[3].Checksum);
        Assert.True(packet[4].Quoted && packet[5].Quoted && packet[6].Quoted);
        Assert.Equal((62, 40, LayerStatus.Complete), (packet[4].Offset, packet[4].HeaderLength, packet[4].Status));
        Assert.Equal(ChecksumStatus.None, packet[5].Checksum);
        Assert.Equal("4001", Decode.Field(packet, frame, "udp.dstport"));
        Assert.Null(Decode.Field(packet, frame, "icmpv6.echo.identifier"));
    }

    [Fact]
    public void BadChecksum()
    {
        var frame = EchoRequest();
        frame[^1] ^= 1;
        Assert.Equal(ChecksumStatus.Bad, Decode.Frame(frame, LinkType.Ethernet)[3].Checksum);
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(EchoRequest(), LinkType.Ethernet);
        Decode.EveryPrefix(PacketTooBig(), LinkType.Ethernet);
    }

    [Fact]
    public void PeerCorpusIcmpv6()
    {
        foreach (var file in new[] { "ipv6_icmpv6_packet.pcap", "ipv6_icmpv6_packet_raw_linklayer.pcap", "ipv6_ndp.pcap", "ipv6_redirect.pcap" })
        {
            foreach (var (metadata, data) in Decode.Corpus(file))
            {
                var packet = Decode.Frame(metadata, data);
                int icmp = packet.IndexOf(LayerKind.Icmpv6);
                Assert.True(icmp > 0, file);
                Assert.Equal(ChecksumStatus.Good, packet[icmp].Checksum);
                Decode.EveryPrefix(data, metadata.LinkType);
            }
        }
    }
}
