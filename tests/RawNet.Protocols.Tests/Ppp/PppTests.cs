using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ppp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ppp;

public class PppTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Udp6 = Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    [Fact]
    public void Deconstruct()
    {
        var frame = Concat(Hex("ff03 0021"), Udp4);
        Assert.True(PppHeader.TryRead(frame, PppFraming.Hdlc, out var ppp));
        Assert.Equal(new PppLayout(false, true, false), ppp.Layout);
        Assert.Equal(4, ppp.Length);
        Assert.Equal(PppProtocol.Ipv4, ppp.Protocol);
        Assert.False(ppp.Received);

        // Address and control left out, the protocol compressed to one byte (RFC 1661 6.5, 6.6).
        Assert.True(PppHeader.TryRead(Concat(Hex("57"), Udp6), PppFraming.Hdlc, out ppp));
        Assert.Equal(1, ppp.Length);
        Assert.Equal(PppProtocol.Ipv6, ppp.Protocol);

        // LINKTYPE_PPP_WITH_DIR: 0 is received, anything else sent.
        Assert.True(PppHeader.TryRead(Hex("00 ff03 c021"), PppFraming.HdlcWithDirection, out ppp));
        Assert.True(ppp.Received);
        Assert.Equal(PppProtocol.Lcp, ppp.Protocol);
        Assert.Equal(3, ppp.Layout.ProtocolOffset);
        Assert.True(PppHeader.TryRead(Hex("80 0021"), PppFraming.HdlcWithDirection, out ppp));
        Assert.False(ppp.Received);
        Assert.Equal(1, ppp.Layout.ProtocolOffset);

        // PPPoE carries the protocol alone: 0xff there is a protocol byte, not an address.
        Assert.Equal(new PppLayout(false, false, true), PppLayout.Of(Hex("ff03"), PppFraming.Plain));
    }

    [Fact]
    public void TryReadRefusesAHeaderCutShortAndTheLayoutSurvivesTheCut()
    {
        Assert.False(PppHeader.TryRead(Hex("ff03 00"), PppFraming.Hdlc, out _));
        Assert.False(PppHeader.TryRead([], PppFraming.Hdlc, out _));
        var layout = PppLayout.Of(Hex("ff"), PppFraming.Hdlc);
        Assert.True(layout.HasAddressAndControl);
        Assert.Equal(4, layout.Length);
        Assert.Equal(layout, PppLayout.FromDetail(layout.ToDetail()));
    }

    [Theory]
    [InlineData(LinkType.Ppp)]
    [InlineData(LinkType.PppHdlc)]
    public void ParseDecodesIpAboveEitherFraming(LinkType link)
    {
        var frame = Concat(Hex("ff03 0057"), Udp6);
        var packet = Decode.Frame(frame, link);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ppp, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0xff", Decode.Field(packet, frame, "ppp.address"));
        Assert.Equal("0x03", Decode.Field(packet, frame, "ppp.control"));
        Assert.Equal("0x0057", Decode.Field(packet, frame, "ppp.protocol"));
        Assert.Null(Decode.Field(packet, frame, "ppp.direction"));

        frame = Concat(Hex("21"), Udp4);
        packet = Decode.Frame(frame, link);
        Assert.Equal([LayerKind.Frame, LayerKind.Ppp, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Null(Decode.Field(packet, frame, "ppp.address"));
        Assert.Equal("0x0021", Decode.Field(packet, frame, "ppp.protocol"));
        Assert.Equal(1, packet[2].Offset);
    }

    [Fact]
    public void ParseWithDirection()
    {
        var frame = Concat(Hex("00 ff03 0021"), Udp4);
        var packet = Decode.Frame(frame, LinkType.PppWithDirection);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("1", Decode.Field(packet, frame, "ppp.direction"));
        Assert.Equal(5, packet[2].Offset);
        frame[0] = 7;
        Assert.Equal("0", Decode.Field(Decode.Frame(frame, LinkType.PppWithDirection), frame, "ppp.direction"));
    }

    [Fact]
    public void ParsePppd()
    {
        // LINKTYPE_PPP_PPPD: the direction byte stands where the address would, a control byte always follows.
        var frame = Concat(Hex("00 03 0057"), Udp6);
        var packet = Decode.Frame(frame, LinkType.PppPppd);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ppp, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, frame, "ppp.direction"));
        Assert.Null(Decode.Field(packet, frame, "ppp.address"));
        Assert.Equal("0x03", Decode.Field(packet, frame, "ppp.control"));
        Assert.Equal("0x0057", Decode.Field(packet, frame, "ppp.protocol"));
        Assert.Equal(4, packet[2].Offset);

        // Sent, with a compressed protocol; and 0xff where the direction byte goes is a direction, not an address.
        frame = Concat(Hex("01 03 21"), Udp4);
        packet = Decode.Frame(frame, LinkType.PppPppd);
        Assert.Equal("0", Decode.Field(packet, frame, "ppp.direction"));
        Assert.Equal(3, packet[2].Offset);
        frame = Concat(Hex("ff 03 0021"), Udp4);
        packet = Decode.Frame(frame, LinkType.PppPppd);
        Assert.Equal("0", Decode.Field(packet, frame, "ppp.direction"));
        Assert.Null(Decode.Field(packet, frame, "ppp.address"));
        Assert.Equal(LayerKind.Ipv4, packet[2].Kind);
        Assert.Equal(new PppLayout(true, true, false, DirectionForAddress: true), PppLayout.FromDetail(packet[1].Detail));
    }

    [Fact]
    public void PppdTruncatedAtEveryPrefixLength()
    {
        var frame = Concat(Hex("01 03 0021"), Udp4);
        for (int cut = 0; cut < frame.Length; cut++)
        {
            var packet = Decode.Frame(frame[..cut], LinkType.PppPppd, originalLength: frame.Length);
            Assert.Equal(cut < 4 ? LayerStatus.Truncated : LayerStatus.Complete, packet[1].Status);
            Assert.Equal(cut >= 2 ? "0x03" : null, Decode.Field(packet, frame[..cut], "ppp.control"));
            Assert.Equal(cut >= 2 ? "0" : null, Decode.Field(packet, frame[..cut], "ppp.direction"));
            Assert.Equal(cut >= 4 ? "0x0021" : null, Decode.Field(packet, frame[..cut], "ppp.protocol"));
            if (cut < 4 + 20 + 8)
                Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        }
        // Shorter than its own length says: malformed, never a crash.
        Assert.Equal(LayerStatus.Malformed, Decode.Frame(Hex("00 03"), LinkType.PppPppd)[1].Status);
    }

    [Fact]
    public void OtherProtocolsStayData()
    {
        // Link quality reports (0xc025): named by tshark, not decoded.
        var frame = Hex("ff03 c025 01010004");
        var packet = Decode.Frame(frame, LinkType.Ppp);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ppp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0xc025", Decode.Field(packet, frame, "ppp.protocol"));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        var frame = Concat(Hex("00 ff03 0021"), Udp4);
        for (int cut = 0; cut < 5; cut++)
        {
            var packet = Decode.Frame(frame[..cut], LinkType.PppWithDirection, originalLength: frame.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            Assert.Equal(LayerKind.Ppp, packet.StoppedAt);
            Assert.Equal(LayerStatus.Truncated, packet[1].Status);
            Assert.Equal(cut >= 2 ? "0xff" : null, Decode.Field(packet, frame[..cut], "ppp.address"));
            Assert.Null(Decode.Field(packet, frame[..cut], "ppp.protocol"));
        }
        for (int cut = 5; cut < frame.Length; cut++)
        {
            var packet = Decode.Frame(frame[..cut], LinkType.PppWithDirection, originalLength: frame.Length);
            // Cut inside IPv4 or UDP the packet is truncated; cut in the payload, only the payload is short.
            if (cut < 5 + 20 + 8)
                Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            Assert.Equal(LayerStatus.Complete, packet[1].Status);
            Assert.Equal("0x0021", Decode.Field(packet, frame[..cut], "ppp.protocol"));
        }
    }

    [Fact]
    public void AHeaderTheFrameItselfEndsInsideIsMalformed()
    {
        foreach (var frame in new[] { Hex("ff"), Hex("ff03"), Hex("ff0300"), Hex("00") })
        {
            var packet = Decode.Frame(frame, LinkType.Ppp);
            Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
            Assert.Equal(LayerStatus.Malformed, packet[1].Status);
        }
    }

    [Fact]
    public void PppoeSessionsShareTheProtocolDispatch()
    {
        var frame = EthernetFrame(EtherType.PppoeSession, Concat(Hex("1100 0001"), U16(Udp6.Length + 2), U16(0x57), Udp6));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.PppoeSession, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
    }
}
