using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tunnels;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Tunnels;

public class VxlanGpeTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    /// <summary>An Ethernet frame with IPv4 and UDP to port 4790 around <paramref name="payload"/>.</summary>
    private static byte[] Frame(byte[] payload, ushort source = 40000, ushort destination = TunnelPorts.VxlanGpe) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(source, destination, payload)));

    [Fact]
    public void Deconstruct()
    {
        var header = Hex("0c 1234 05 abcdef 07");
        Assert.Equal(VxlanHeader.GpeFlag.Instance | VxlanHeader.GpeFlag.NextProtocol, header[VxlanHeader.Field.Flags]);
        Assert.Equal(VxlanGpeNextProtocol.Mpls, (VxlanGpeNextProtocol)header[VxlanHeader.Field.NextProtocol]);
        Assert.Equal(7, header[VxlanHeader.Field.Reserved]);
        Assert.Equal(VxlanHeader.Length, header.Length);
    }

    [Fact]
    public void ParsesTheHeaderAndWhatItsNextProtocolNames()
    {
        var frame = Frame(Concat(Hex("ff 1234 01 abcdef 07"), Udp4), source: TunnelPorts.VxlanGpe, destination: 40000);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.VxlanGpe, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload],
            Decode.Kinds(packet));
        Assert.Equal("0xff", Decode.Field(packet, frame, "vxlan.flags"));
        Assert.Equal("3", Decode.Field(packet, frame, "vxlan.ver"));
        Assert.Equal("1", Decode.Field(packet, frame, "vxlan.i_bit"));
        Assert.Equal("1", Decode.Field(packet, frame, "vxlan.p_bit"));
        Assert.Equal("1", Decode.Field(packet, frame, "vxlan.o_bit"));
        Assert.Equal("97", Decode.Field(packet, frame, "vxlan.flags_reserved"));
        Assert.Equal("4660", Decode.Field(packet, frame, "vxlan.reserved_16"));
        Assert.Equal("1", Decode.Field(packet, frame, "vxlan.next_proto"));
        Assert.Equal("11259375", Decode.Field(packet, frame, "vxlan.vni"));
        Assert.Equal("7", Decode.Field(packet, frame, "vxlan.reserved8"));
        Assert.Equal("eth:ethertype:ip:udp:ip:udp:data", Decode.Protocols(packet, frame));
    }

    [Theory]
    [InlineData(2, LayerKind.Ipv6)]
    [InlineData(3, LayerKind.Ethernet)]
    [InlineData(4, LayerKind.Nsh)]
    [InlineData(5, LayerKind.Mpls)]
    [InlineData(0, LayerKind.Payload)]
    [InlineData(9, LayerKind.Payload)]
    public void EachNextProtocolGoesToItsDecoderWhateverThePFlagSays(byte nextProtocol, LayerKind inner)
    {
        var packet = Decode.Frame(Frame(Concat([0x08, 0, 0, nextProtocol, 0, 0, 5, 0], Hex("0001023f"), Udp4)), LinkType.Ethernet);
        Assert.Equal(LayerKind.VxlanGpe, packet[4].Kind);
        Assert.Equal(inner, packet[5].Kind);
    }

    [Fact]
    public void AHeaderTheDatagramCutsIsMalformedAndOneTheCaptureCutIsTruncated()
    {
        var packet = Decode.Frame(Frame(Hex("0c000001 00")), LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[4].Status);
        var whole = Frame(Concat(Hex("0c000001 00000500"), Udp4));
        packet = Decode.Frame(whole.AsSpan(0, 14 + 20 + 8 + 4).ToArray(), LinkType.Ethernet, whole.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal(LayerKind.VxlanGpe, packet[4].Kind);
    }

    [Fact]
    public void TruncatedAtEveryPrefix() => Decode.EveryPrefix(Frame(Concat(Hex("0c000003 00000500"), EthernetFrame(EtherType.Ipv4, Udp4))), LinkType.Ethernet);
}
