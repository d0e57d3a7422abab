using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tunnels;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Tunnels;

public class MplsInUdpTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    private static byte[] Frame(byte[] payload, ushort source = 40000, ushort destination = TunnelPorts.MplsInUdp) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(source, destination, payload)));

    [Fact]
    public void ALabelStackOnPort6635CarriesWhatItsPayloadLooksLike()
    {
        var frame = Frame(Concat(Hex("0001003f 0006413f"), Udp4), source: TunnelPorts.MplsInUdp, destination: 40000);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Mpls, LayerKind.Mpls, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload],
            Decode.Kinds(packet));
        Assert.Equal("16,100", Decode.Field(packet, frame, "mpls.label"));
    }

    [Fact]
    public void AStackThatNeverEndsIsMalformed()
    {
        var packet = Decode.Frame(Frame(Hex("0001003f 0006403f")), LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
    }

    [Fact]
    public void TruncatedAtEveryPrefix() => Decode.EveryPrefix(Frame(Concat(Hex("0001003f 0006413f"), Udp4)), LinkType.Ethernet);
}
