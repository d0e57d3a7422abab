using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tunnels;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Tunnels;

public class GeneveTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    /// <summary>An Ethernet frame with IPv4 and UDP to port 6081 around <paramref name="geneve"/>.</summary>
    private static byte[] Frame(byte[] geneve, ushort destination = TunnelPorts.Geneve) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, destination, geneve)));

    [Fact]
    public void Deconstruct()
    {
        var header = Hex("43c0 6558 12345607 01018001 61626364 ffff0100");
        Assert.Equal(1, GeneveHeader.Version(header[0]));
        Assert.Equal(12, GeneveHeader.OptionsLength(header[0]));
        Assert.Equal(20, GeneveHeader.LengthOf(header[0]));
        Assert.Equal(0x010180, GeneveHeader.OptionKey(header.AsSpan(GeneveHeader.Field.Options)));
        var walker = new GeneveHeader.OptionWalker(header);
        Assert.True(walker.MoveNext(out int at, out int length));
        Assert.Equal((8, 8), (at, length));
        Assert.True(walker.MoveNext(out at, out length));
        Assert.Equal((16, 4), (at, length));
        Assert.False(walker.MoveNext(out _, out _));
        Assert.Equal(-1, walker.InvalidAt);
    }

    [Fact]
    public void TheOptionWalkStopsAtAnOptionPastTheOptionsAndMarksIt()
    {
        var walker = new GeneveHeader.OptionWalker(Hex("0200 0800 00000500 01010100 01020103 aabbccdd"));
        Assert.True(walker.MoveNext(out _, out int length));
        Assert.Equal(4, length);
        Assert.False(walker.MoveNext(out _, out _));
        Assert.Equal(12, walker.InvalidAt);
        // An empty header and one whose options were not captured walk nothing.
        Assert.False(new GeneveHeader.OptionWalker([]).MoveNext(out _, out _));
        Assert.False(new GeneveHeader.OptionWalker(Hex("3f00 0800 00000500")).MoveNext(out _, out _));
    }

    [Fact]
    public void ParsesTheHeaderItsOptionsAndWhatItCarries()
    {
        var frame = Frame(Concat(Hex("04c0 6558 00123400 01018001 61626364 01320101 01234567"), EthernetFrame(EtherType.Ipv4, Udp4)));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Geneve, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload],
            Decode.Kinds(packet));
        Assert.Equal(24, packet[4].HeaderLength);
        Assert.Equal("0", Decode.Field(packet, frame, "geneve.version"));
        Assert.Equal("16,8,8", Decode.Field(packet, frame, "geneve.option.length"));
        Assert.Equal("0xc0", Decode.Field(packet, frame, "geneve.flags"));
        Assert.Equal("1", Decode.Field(packet, frame, "geneve.flags.oam"));
        Assert.Equal("0", Decode.Field(packet, frame, "geneve.flags.reserved"));
        Assert.Equal("0x6558", Decode.Field(packet, frame, "geneve.proto_type"));
        Assert.Equal("0x001234", Decode.Field(packet, frame, "geneve.vni"));
        Assert.Equal("0x0101,0x0132", Decode.Field(packet, frame, "geneve.option.class"));
        Assert.Equal("1,0", Decode.Field(packet, frame, "geneve.option.type.critical"));
        Assert.Equal("61626364", Decode.Field(packet, frame, "geneve.option.unknown.data"));
        Assert.Equal("1193046", Decode.Field(packet, frame, "geneve.option.gcp.vnid"));
        Assert.Equal("1", Decode.Field(packet, frame, "geneve.option.gcp.direction"));
        Assert.Null(Decode.Field(packet, frame, "geneve.option.length.invalid"));
        Assert.Null(Decode.Field(packet, frame, "geneve.version.unknown"));
    }

    [Fact]
    public void AnOptionPastTheOptionsIsMarkedAndWhatFollowsStillDecoded()
    {
        var frame = Frame(Concat(Hex("4100 0800 00000500 0101001f"), Udp4));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(LayerKind.Ipv4, packet[5].Kind);
        Assert.Equal("1", Decode.Field(packet, frame, "geneve.option.length.invalid"));
        Assert.Equal("1", Decode.Field(packet, frame, "geneve.version.unknown"));
        Assert.Null(Decode.Field(packet, frame, "geneve.option.class"));
    }

    [Fact]
    public void OptionsPastTheDatagramAreMalformedAndShowNoOption()
    {
        var frame = Frame(Hex("3f00 0800 00000500 01010100"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[4].Status);
        Assert.Equal("252", Decode.Field(packet, frame, "geneve.option.length"));
        Assert.Null(Decode.Field(packet, frame, "geneve.options"));
        Assert.Null(Decode.Field(packet, frame, "geneve.option.class"));
    }

    [Fact]
    public void OnlyTheRegisteredPortIsGeneve()
    {
        var packet = Decode.Frame(Frame(Concat(Hex("0000 0800 00000500"), Udp4), destination: 6082), LinkType.Ethernet);
        Assert.Equal(LayerKind.Payload, packet[4].Kind);
    }

    [Fact]
    public void TruncatedAtEveryPrefix() =>
        Decode.EveryPrefix(Frame(Concat(Hex("0280 6558 00000100 01018001 61626364"), EthernetFrame(EtherType.Ipv4, Udp4))), LinkType.Ethernet);
}
