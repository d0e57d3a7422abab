using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tunnels;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Tunnels;

public class GreInUdpTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    private static byte[] Frame(byte[] payload, ushort source = 40000, ushort destination = TunnelPorts.GreInUdp) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(source, destination, payload)));

    [Fact]
    public void AGreHeaderOnPort4754CarriesWhatItsProtocolTypeNames()
    {
        var frame = Frame(Concat(Hex("2000 0800 00001234"), Udp4), source: TunnelPorts.GreInUdp, destination: 40000);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Gre, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload],
            Decode.Kinds(packet));
        Assert.Equal("0x00001234", Decode.Field(packet, frame, "gre.key"));
        Assert.Equal("eth:ethertype:ip:udp:gre:ip:udp:data", Decode.Protocols(packet, frame));
    }

    [Fact]
    public void AHeaderOfFewerThanFourBytesShowsNoField()
    {
        var frame = Frame(Hex("200008"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerKind.Gre, packet[4].Kind);
        Assert.Null(Decode.Field(packet, frame, "gre.flags_and_version"));
    }

    [Fact]
    public void NothingIsHandedOnWhenThePacketEndsWithTheHeader()
    {
        var frame = Frame(Hex("0000 0800"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(5, packet.LayerCount);
        Assert.Equal("eth:ethertype:ip:udp:gre", Decode.Protocols(packet, frame));
    }

    [Fact]
    public void TruncatedAtEveryPrefix() => Decode.EveryPrefix(Frame(Concat(Hex("b000 6558 abcd0000 00000001 00000002"), EthernetFrame(EtherType.Ipv4, Udp4))), LinkType.Ethernet);
}
