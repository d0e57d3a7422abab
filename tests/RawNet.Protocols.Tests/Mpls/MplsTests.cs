using RawNet.Protocols.Decoding;
using RawNet.Protocols.Mpls;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Mpls;

public class MplsTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Udp6 = Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    private static byte[] Label(uint value, int tc = 0, bool bottom = false, int ttl = 64) =>
        U32(value << 12 | (uint)tc << 9 | (bottom ? 0x100u : 0) | (uint)ttl);

    [Fact]
    public void Deconstruct()
    {
        Assert.True(MplsLabel.TryRead(Label(1048575, 5, true, 1), out var label));
        Assert.Equal(1048575u, label.Label);
        Assert.Equal(5, label.TrafficClass);
        Assert.True(label.BottomOfStack);
        Assert.Equal(1, label.Ttl);
        Assert.False(MplsLabel.TryRead(Hex("000011"), out _));
        Assert.Equal(MplsPayload.Ipv4, MplsLabel.GuessPayload(0x45));
        Assert.Equal(MplsPayload.Ipv4, MplsLabel.GuessPayload(0x40));
        Assert.Equal(MplsPayload.Ipv6, MplsLabel.GuessPayload(0x6f));
        Assert.Equal(MplsPayload.Unknown, MplsLabel.GuessPayload(0x00));
    }

    [Fact]
    public void ParseAStackAndItsPayload()
    {
        var frame = EthernetFrame(EtherType.MplsUnicast, Concat(Label(16, 5, ttl: 10), Label(17, bottom: true, ttl: 63), Udp6));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Mpls, LayerKind.Mpls, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("16,17", Decode.Field(packet, frame, "mpls.label"));
        Assert.Equal("5,0", Decode.Field(packet, frame, "mpls.exp"));
        Assert.Equal("0,1", Decode.Field(packet, frame, "mpls.bottom"));
        Assert.Equal("10,63", Decode.Field(packet, frame, "mpls.ttl"));
    }

    [Fact]
    public void MplsRidesOnPppAndCiscoHdlc()
    {
        var ppp = Concat(Hex("ff03 0281"), Label(16, bottom: true), Udp4);
        Assert.Equal([LayerKind.Frame, LayerKind.Ppp, LayerKind.Mpls, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(Decode.Frame(ppp, LinkType.Ppp)));
        var chdlc = Concat(Hex("0f00 8848"), Label(16, bottom: true), Udp4);
        Assert.Equal([LayerKind.Frame, LayerKind.CiscoHdlc, LayerKind.Mpls, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(Decode.Frame(chdlc, LinkType.CiscoHdlc)));
    }

    [Fact]
    public void APayloadNeitherIpStaysData()
    {
        var frame = EthernetFrame(EtherType.MplsUnicast, Concat(Label(20, bottom: true), Hex("ff00 6162")));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal(LayerKind.Payload, packet[packet.LayerCount - 1].Kind);
    }

    [Fact]
    public void AStackThatNeverEndsIsMalformedWhereTheFrameEnds()
    {
        var frame = EthernetFrame(EtherType.MplsUnicast, Concat(Label(16), Label(16), Label(16), Hex("0001")));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerKind.Mpls, packet.StoppedAt);
        Assert.Equal(14 + 12, packet.StopOffset);
        Assert.Equal(4, Decode.Kinds(packet).Count(k => k == LayerKind.Mpls));

        // Nothing after the bottom label: tshark finds no first byte to guess from.
        frame = EthernetFrame(EtherType.MplsUnicast, Label(16, bottom: true));
        Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(frame, LinkType.Ethernet).Outcome);
    }

    [Fact]
    public void AHugeStackIsWalkedOnlySoFar()
    {
        var frame = EthernetFrame(EtherType.MplsUnicast, Concat(Enumerable.Repeat(Label(16), 1000).ToArray()));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal(PacketDecoder.MaxMplsLabels, Decode.Kinds(packet).Count(k => k == LayerKind.Mpls));
        Assert.Equal(LayerKind.Payload, packet[packet.LayerCount - 1].Kind);
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        var frame = EthernetFrame(EtherType.MplsUnicast, Concat(Label(30), Label(31, bottom: true), Udp4));
        for (int cut = 14; cut < 14 + 8 + 28; cut++)
        {
            var packet = Decode.Frame(frame[..cut], LinkType.Ethernet, originalLength: frame.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            int labels = Math.Min(2, (cut - 14) / 4);
            Assert.Equal(labels == 0 ? null : string.Join(',', new[] { "30", "31" }.Take(labels)), Decode.Field(packet, frame[..cut], "mpls.label"));
        }
    }
}
