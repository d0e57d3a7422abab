using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Ipv6;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Atm;

/// <summary>
/// The link types read as another number's (raw IP on 12 and 14, RFC 1483 on 11, enc on 13, Cisco HDLC on 112), Linux Classical IP over ATM (16, 18,
/// 19, 106: no header, IP from the first byte whatever it is, as tshark's "clip" reads it) and PPPoE sessions without
/// Ethernet (51).
/// </summary>
public class LinkTypeNumbersTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));
    private static readonly LinkType[] Clip = [LinkType.AtmClip, LinkType.AtmClip16, LinkType.AtmClip18, LinkType.AtmClip19];

    private static byte[] Session(ushort protocol, byte[] payload) => Concat(Hex("1100 0001"), U16(payload.Length + 2), U16(protocol), payload);

    [Theory]
    [InlineData(LinkType.Raw12, LinkType.Raw)]
    [InlineData(LinkType.Raw14, LinkType.Raw)]
    [InlineData(LinkType.AtmRfc1483Bsd, LinkType.AtmRfc1483)]
    [InlineData(LinkType.Enc13, LinkType.Enc)]
    [InlineData(LinkType.CiscoHdlc112, LinkType.CiscoHdlc)]
    public void OtherNumbersDecodeAsTheirLinkType(LinkType number, LinkType linkType)
    {
        Assert.True(PacketDecoder.DecodesLinkType(number));
        foreach (var frame in new[] { Udp4, Tcp6, Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv6), Tcp6), Hex("aaaa"), [],
            Enc.EncTests.Frame(Protocols.Loopback.LoopbackHeader.Inet, Udp4), Concat(Hex("0f000800"), Udp4), Concat(Hex("8f0086dd"), Tcp6) })
        {
            var expected = Decode.Frame(frame, linkType);
            var actual = Decode.Frame(frame, number);
            Assert.Equal(expected.Outcome, actual.Outcome);
            Assert.Equal(Decode.Kinds(expected), Decode.Kinds(actual));
        }
    }

    [Fact]
    public void ClipHandsEveryFrameToIp()
    {
        foreach (var linkType in Clip)
        {
            Assert.True(PacketDecoder.IsAtmClip(linkType) && PacketDecoder.DecodesLinkType(linkType));
            Assert.Equal([LayerKind.Frame, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(Decode.Frame(Udp4, linkType)));
            var six = Decode.Frame(Tcp6, linkType);
            Assert.Equal([LayerKind.Frame, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(six));
            Assert.NotEqual(0, six[1].Detail & Ipv6LayerDetail.LinkNamedIpv4);
            // LLC/SNAP is IP to tshark too: a bogus version 10, the layer that byte alone.
            var snap = Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), Udp4);
            var bogus = Decode.Frame(snap, linkType);
            Assert.Equal(DecodeOutcome.Malformed, bogus.Outcome);
            Assert.Equal("10", Decode.Field(bogus, snap, "ip.version"));
        }
        Assert.False(PacketDecoder.IsAtmClip(LinkType.AtmRfc1483));
    }

    [Fact]
    public void PppoeSessionWithoutEthernet()
    {
        var frame = Session(0x21, Udp4);
        var packet = Decode.Frame(frame, LinkType.PppoeSession);
        Assert.Equal([LayerKind.Frame, LayerKind.PppoeSession, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x0001", Decode.Field(packet, frame, "pppoe.session_id"));
        Assert.Equal("0x0021", Decode.Field(packet, frame, "ppp.protocol"));
        Assert.Equal([LayerKind.Frame, LayerKind.PppoeSession, LayerKind.Ipv6, LayerKind.Tcp],
            Decode.Kinds(Decode.Frame(Session(0x57, Tcp6), LinkType.PppoeSession)));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        // (Not IPv6 on CLIP: a prefix too short for the version nibble is IPv4's, as tshark's "ip" reads it.)
        foreach (var linkType in Clip)
            Decode.EveryPrefix(Udp4, linkType);
        Decode.EveryPrefix(Udp4, LinkType.Raw12);
        Decode.EveryPrefix(Tcp6, LinkType.Raw14);
        Decode.EveryPrefix(Session(0x21, Udp4), LinkType.PppoeSession);
        Decode.EveryPrefix(Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), Udp4), LinkType.AtmRfc1483Bsd);
        Assert.Equal(DecodeOutcome.Malformed, Decode.Frame([], LinkType.AtmClip).Outcome);
        Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(Hex("1100"), LinkType.PppoeSession).Outcome);
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(106);
        var bytes = new byte[64];
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        LinkType[] linkTypes = [.. Clip, LinkType.Raw12, LinkType.Raw14, LinkType.AtmRfc1483Bsd, LinkType.PppoeSession];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            if (i % 3 == 0)
                bytes[0] = 0x45;
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, linkTypes[i % linkTypes.Length], originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
            foreach (var layer in packet.Layers)
                Assert.True(layer.Source != LayerSource.Frame || layer.Offset >= 0 && layer.Offset + layer.HeaderLength <= frame.Length);
        }
    }
}
