using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Icmp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Icmp;

public class IcmpTests
{
    private static byte[] EchoRequest() =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Icmp, IcmpPacket(8, 0, 0x1234_0001, "abcdefghijklmnopqrstuvwabcdefghi"u8.ToArray())));

    /// <summary>The datagram an error quotes: its IP header and the first 8 bytes of its transport header.</summary>
    private static byte[] Quote(IpProtocol protocol, byte[] segment) =>
        Ipv4Packet(protocol, segment, source: V4Dst, destination: "203.0.113.9")[..28];

    private static byte[] PortUnreachable() =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Icmp,
            IcmpPacket(3, 3, 0, Quote(IpProtocol.Udp, UdpDatagram(40000, 33434, new byte[32])))));

    private static byte[] TimeExceededQuotingTcp() =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Icmp,
            IcmpPacket(11, 0, 0, Quote(IpProtocol.Tcp, TcpSegment(40000, 80, 7, 0, 0x002, Hex("020405b4"))))));

    [Fact]
    public void Deconstruct()
    {
        var message = IcmpPacket(8, 0, 0x1234_0001, [1, 2, 3]);
        var icmp = HeaderViews.Icmp(message);
        Assert.Equal(8, icmp.Type);
        Assert.Equal(0, icmp.Code);
        Assert.Equal(0, InternetChecksum.Compute(message));
        Assert.True(IcmpHeader.IsEcho(8) && IcmpHeader.IsEcho(0));
        Assert.False(IcmpHeader.IsEcho(3));
        Assert.All(new byte[] { 3, 4, 5, 11, 12 }, t => Assert.True(IcmpHeader.IsErrorWithQuote(t)));
        Assert.All(new byte[] { 0, 8, 13, 14 }, t => Assert.False(IcmpHeader.IsErrorWithQuote(t)));
    }

    [Fact]
    public void ParseEcho()
    {
        var frame = EchoRequest();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Icmp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal((34, 8, 40), (packet[3].Offset, packet[3].HeaderLength, packet[3].Extent));
        Assert.Equal(ChecksumStatus.Good, packet[3].Checksum);
        Assert.Equal((42, 32), (packet[4].Offset, packet[4].HeaderLength));
    }

    [Fact]
    public void EchoFields()
    {
        var frame = EchoRequest();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("8", Decode.Field(packet, frame, "icmp.type"));
        Assert.Equal("0", Decode.Field(packet, frame, "icmp.code"));
        Assert.Equal($"0x{HeaderViews.Icmp(frame.AsSpan(34)).Checksum:x4}", Decode.Field(packet, frame, "icmp.checksum"));
        Assert.Equal("4660", Decode.Field(packet, frame, "icmp.ident"));
        Assert.Equal("1", Decode.Field(packet, frame, "icmp.seq"));
        Assert.Null(Decode.Field(packet, frame, "icmp.mtu"));
    }

    [Fact]
    public void ErrorQuotingIpAndUdp()
    {
        var frame = PortUnreachable();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Icmp, LayerKind.Ipv4, LayerKind.Udp], Decode.Kinds(packet));
        Assert.Equal(ChecksumStatus.Good, packet[3].Checksum);
        Assert.False(packet[3].Quoted);
        Assert.True(packet[4].Quoted && packet[5].Quoted);
        Assert.Equal((42, 20, LayerStatus.Complete), (packet[4].Offset, packet[4].HeaderLength, packet[4].Status));
        Assert.Equal((62, 8), (packet[5].Offset, packet[5].HeaderLength));
        Assert.Equal(ChecksumStatus.None, packet[4].Checksum);
        Assert.Equal(ChecksumStatus.None, packet[5].Checksum);
        Assert.Equal("198.51.100.2,203.0.113.9", Decode.Field(packet, frame, "ip.dst"));
        Assert.Equal("33434", Decode.Field(packet, frame, "udp.dstport"));
        Assert.Null(Decode.Field(packet, frame, "icmp.ident"));
    }

    [Fact]
    public void ErrorQuotingIpAndTheStartOfTcp()
    {
        var frame = TimeExceededQuotingTcp();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Icmp, LayerKind.Ipv4, LayerKind.Tcp], Decode.Kinds(packet));
        // Only 8 bytes of the quoted TCP header are there, by design.
        Assert.Equal((62, 8, LayerStatus.Truncated), (packet[5].Offset, packet[5].HeaderLength, packet[5].Status));
        Assert.True(packet[5].Quoted);
        Assert.Equal("40000", Decode.Field(packet, frame, "tcp.srcport"));
        Assert.Null(Decode.Field(packet, frame, "tcp.flags"));
    }

    [Fact]
    public void FragmentationNeededShowsTheMtu()
    {
        var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Icmp,
            IcmpPacket(3, 4, 1400, Quote(IpProtocol.Udp, UdpDatagram(1, 2, new byte[2000])))));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("1400", Decode.Field(packet, frame, "icmp.mtu"));
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
    }

    [Fact]
    public void BadChecksum()
    {
        var frame = EchoRequest();
        frame[^3] ^= 0xFF;
        Assert.Equal(ChecksumStatus.Bad, Decode.Frame(frame, LinkType.Ethernet)[3].Checksum);
    }

    [Fact]
    public void MessageShorterThanEightBytesIsMalformed()
    {
        var ip = Ipv4Packet(IpProtocol.Icmp, IcmpPacket(8, 0, 0, [])[..6]);
        var packet = Decode.Frame(ip, LinkType.Ipv4);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal((LayerKind.Icmp, LayerStatus.Malformed, 6), (packet[2].Kind, packet[2].Status, packet[2].HeaderLength));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(EchoRequest(), LinkType.Ethernet);
        Decode.EveryPrefix(PortUnreachable(), LinkType.Ethernet);
        Decode.EveryPrefix(TimeExceededQuotingTcp(), LinkType.Ethernet);
    }

    [Fact]
    public void PeerCorpusIcmp()
    {
        foreach (var file in new[] { "ICMPv4.pcap", "ICMPv4_raw_linklayer.pcap" })
        {
            foreach (var (metadata, data) in Decode.Corpus(file))
            {
                var packet = Decode.Frame(metadata, data);
                int icmp = packet.IndexOf(LayerKind.Icmp);
                Assert.True(icmp > 0, file);
                Assert.Equal(ChecksumStatus.Good, packet[icmp].Checksum);
                Decode.EveryPrefix(data, metadata.LinkType);
            }
        }
    }
}
