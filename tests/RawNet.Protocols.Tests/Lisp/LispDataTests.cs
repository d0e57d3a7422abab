using RawNet.Protocols.Decoding;
using RawNet.Protocols.Lisp;
using RawNet.Protocols.Tunnels;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Lisp;

public class LispDataTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>An Ethernet frame with IPv4 and UDP around <paramref name="lisp"/>, between the given ports.</summary>
    private static byte[] Frame(byte[] lisp, ushort source = 40000, ushort destination = TunnelPorts.LispData) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(source, destination, lisp)));

    [Fact]
    public void Deconstruct()
    {
        Assert.True(LispDataHeader.HasNonce(0x80));
        Assert.False(LispDataHeader.HasMapVersion(0x90));
        Assert.True(LispDataHeader.HasMapVersion(0x10));
        Assert.True(LispDataHeader.HasLocatorStatusBits8(0x48));
        Assert.False(LispDataHeader.HasLocatorStatusBits(0x48));
        Assert.True(LispDataHeader.HasLocatorStatusBits(0x40));
        Assert.True(LispDataHeader.EchoWithoutNonce(0x20));
        Assert.False(LispDataHeader.EchoWithoutNonce(0xA0));
        Assert.True(LispDataHeader.NonceWithMapVersion(0x90));
    }

    [Fact]
    public void ParsesTheNonceInstanceIdAndEightLocatorStatusBitsBeforeIpv6()
    {
        var frame = Frame(Concat(Hex("c8abcdef 00001203"), Tcp6));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.LispData, LayerKind.Ipv6, LayerKind.Tcp],
            Decode.Kinds(packet));
        Assert.Equal("0xc8", Decode.Field(packet, frame, "lisp-data.flags"));
        Assert.Equal("1", Decode.Field(packet, frame, "lisp-data.flags.nonce"));
        Assert.Equal("1", Decode.Field(packet, frame, "lisp-data.flags.lsb"));
        Assert.Equal("11259375", Decode.Field(packet, frame, "lisp-data.nonce"));
        Assert.Equal("18", Decode.Field(packet, frame, "lisp-data.iid"));
        Assert.Equal("0x03", Decode.Field(packet, frame, "lisp-data.lsb8"));
        Assert.Null(Decode.Field(packet, frame, "lisp-data.lsb"));
        Assert.Null(Decode.Field(packet, frame, "lisp-data.mapver"));
        Assert.Null(Decode.Field(packet, frame, "lisp-data.flags.en_invalid"));
    }

    [Fact]
    public void ParsesMapVersionsAndThirtyTwoLocatorStatusBitsBeforeIpv4()
    {
        var frame = Frame(Concat(Hex("50123456 00000507"), Udp4), source: TunnelPorts.LispData, destination: 40000);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(LayerKind.Ipv4, packet[5].Kind);
        Assert.Equal("0x123456", Decode.Field(packet, frame, "lisp-data.mapver"));
        Assert.Equal("291", Decode.Field(packet, frame, "lisp-data.srcmapver"));
        Assert.Equal("1110", Decode.Field(packet, frame, "lisp-data.dstmapver"));
        Assert.Equal("0x00000507", Decode.Field(packet, frame, "lisp-data.lsb"));
        Assert.Null(Decode.Field(packet, frame, "lisp-data.nonce"));
        Assert.Null(Decode.Field(packet, frame, "lisp-data.iid"));
    }

    [Fact]
    public void MarksTshark_sWarningsOnTheFlags()
    {
        var frame = Frame(Concat(Hex("b0000001 00000000"), Udp4));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("1", Decode.Field(packet, frame, "lisp-data.flags.nv_invalid"));
        Assert.Null(Decode.Field(packet, frame, "lisp-data.flags.en_invalid"));
        frame = Frame(Concat(Hex("27000000 00000000"), Udp4));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("1", Decode.Field(packet, frame, "lisp-data.flags.en_invalid"));
        Assert.Equal("0x07", Decode.Field(packet, frame, "lisp-data.flags.res"));
    }

    [Fact]
    public void APayloadThatIsNotIpIsLeftUndecoded()
    {
        var packet = Decode.Frame(Frame(Hex("00000000 00000000 55616263")), LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(LayerKind.LispData, packet[packet.LayerCount - 1].Kind);
    }

    [Fact]
    public void AHeaderWithNothingAfterItIsMalformed()
    {
        var packet = Decode.Frame(Frame(Hex("80000007 00000000")), LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[4].Status);
    }

    [Fact]
    public void ADatagramShorterThanTheHeaderOrToTheControlPortIsNotLispData()
    {
        var packet = Decode.Frame(Frame(Hex("80000007 000000")), LinkType.Ethernet);
        Assert.Equal(LayerKind.Payload, packet[4].Kind);
        packet = Decode.Frame(Frame(Concat(Hex("80000007 00000000"), Udp4), source: TunnelPorts.LispData, destination: TunnelPorts.LispControl), LinkType.Ethernet);
        Assert.Equal(LayerKind.Payload, packet[4].Kind);
    }

    [Fact]
    public void TruncatedAtEveryPrefix() =>
        Decode.EveryPrefix(Frame(Concat(Hex("c8010203 00000a01"), Udp4)), LinkType.Ethernet);
}
