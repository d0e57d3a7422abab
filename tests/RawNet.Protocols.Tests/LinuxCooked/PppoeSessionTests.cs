using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.LinuxCooked;

/// <summary>PPPoE session frames (RFC 2516) carrying PPP (its field table lives with the link-layer tables).</summary>
public class PppoeSessionTests
{
    private static byte[] Session(ushort ppp, byte[] payload) =>
        EthernetFrame(EtherType.PppoeSession, Concat(Hex("11 00 1234"), U16(payload.Length + 2), U16(ppp), payload));

    [Fact]
    public void ParseIpv4()
    {
        var frame = Session(0x0021, Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [3, 4])));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.PppoeSession, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal((14, 8), (packet[2].Offset, packet[2].HeaderLength));
        Assert.Equal(22, packet[3].Offset);
        Assert.Equal("1", Decode.Field(packet, frame, "pppoe.version"));
        Assert.Equal("1", Decode.Field(packet, frame, "pppoe.type"));
        Assert.Equal("0x00", Decode.Field(packet, frame, "pppoe.code"));
        Assert.Equal("0x1234", Decode.Field(packet, frame, "pppoe.session_id"));
        Assert.Equal("32", Decode.Field(packet, frame, "pppoe.payload_length"));
        Assert.Equal("0x0021", Decode.Field(packet, frame, "ppp.protocol"));
        Assert.Equal(Protocols.Checksums.ChecksumStatus.Good, packet[4].Checksum);
    }

    [Fact]
    public void ParseIpv6()
    {
        var frame = Session(0x0057, Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, [3])));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.PppoeSession, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
    }

    [Fact]
    public void LcpIsDecodedInsideTheSession()
    {
        var frame = Session(0xC021, Hex("01 01 000e 0104 05d4 0506 12345678"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.PppoeSession, LayerKind.Lcp], Decode.Kinds(packet));
        Assert.Equal("1492", Decode.Field(packet, frame, "lcp.opt.mru"));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength() =>
        Decode.EveryPrefix(Session(0x0021, Ipv4Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x18, payload: [5, 6]))), LinkType.Ethernet);

    [Fact]
    public void PeerCorpusPppoe()
    {
        var frames = Decode.Corpus("PPPoEPPP.pcap");
        var (metadata, data) = frames[1];
        var packet = Decode.Frame(metadata, data);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.PppoeSession, LayerKind.Ipv4, LayerKind.Udp], Decode.Kinds(packet)[..5]);
        Decode.EveryPrefix(data, metadata.LinkType);
    }
}
