using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Decoding;

/// <summary>
/// LINKTYPE_C_HDLC_WITH_DIR, LINKTYPE_FRELAY_WITH_DIR and LINKTYPE_MPLS: the bytes after the direction byte (none for
/// MPLS) decoded as the link type without one decodes them, the direction byte in no layer.
/// </summary>
public class WithDirectionLinkTypesTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Udp6 = Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    public static TheoryData<LinkType, LinkType, string, string> Pairs() => new()
    {
        // (with direction, without, header after the direction byte, the direction byte)
        { LinkType.CiscoHdlcWithDirection, LinkType.CiscoHdlc, "0f00 0800", "00" },
        { LinkType.CiscoHdlcWithDirection, LinkType.CiscoHdlc, "8f00 86dd", "01" },
        { LinkType.FrameRelayWithDirection, LinkType.FrameRelay, "1841 03cc", "01" },
        { LinkType.FrameRelayWithDirection, LinkType.FrameRelay, "1841 0300 8e", "80" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void TheRestDecodesAsWithoutTheDirectionByte(LinkType with, LinkType without, string header, string direction)
    {
        var inner = Concat(Hex(header), header.EndsWith("dd") || header.EndsWith("8e") ? Udp6 : Udp4);
        var frame = Concat(Hex(direction), inner);
        var packet = Decode.Frame(frame, with);
        var plain = Decode.Frame(inner, without);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(Decode.Kinds(plain), Decode.Kinds(packet));
        for (int i = 1; i < packet.LayerCount; i++)
            Assert.Equal(plain[i].Offset + 1, packet[i].Offset);
        foreach (var field in new[] { "chdlc.address", "chdlc.protocol", "fr.dlci", "fr.nlpid", "ip.src", "ipv6.dst", "udp.dstport" })
            Assert.Equal(Decode.Field(plain, inner, field), Decode.Field(packet, frame, field));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void TruncatedAtEveryPrefixLength(LinkType with, LinkType without, string header, string direction)
    {
        var inner = Concat(Hex(header), Udp4);
        var frame = Concat(Hex(direction), inner);
        for (int cut = 1; cut < frame.Length; cut++)
        {
            var packet = Decode.Frame(frame[..cut], with, originalLength: frame.Length);
            var plain = Decode.Frame(inner[..(cut - 1)], without, originalLength: inner.Length);
            Assert.Equal(plain.Outcome, packet.Outcome);
            Assert.Equal(Decode.Kinds(plain), Decode.Kinds(packet));
        }
        // Nothing at all, and a direction byte alone: a header cut short, never a crash.
        Assert.NotEqual(DecodeOutcome.Ok, Decode.Frame([], with).Outcome);
        Assert.NotEqual(DecodeOutcome.Ok, Decode.Frame(Hex(direction), with).Outcome);
    }

    [Fact]
    public void RawMplsIsALabelStackFromTheFirstByte()
    {
        var frame = Concat(Hex("00010040 00021140"), Udp4);
        var packet = Decode.Frame(frame, LinkType.Mpls);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Mpls, LayerKind.Mpls, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("16,33", Decode.Field(packet, frame, "mpls.label"));
        for (int cut = 0; cut < 8 + 20 + 8; cut++)
            Assert.Equal(DecodeOutcome.Truncated, Decode.Frame(frame[..cut], LinkType.Mpls, originalLength: frame.Length).Outcome);
        // A stack that never ends stops at RawNet's bound.
        var endless = Concat(Enumerable.Repeat(Hex("00010040"), 100).ToArray());
        Assert.NotEqual(DecodeOutcome.Ok, Decode.Frame(endless, LinkType.Mpls).Outcome);
    }

    [Theory]
    [InlineData(LinkType.PppPppd), InlineData(LinkType.CiscoHdlcWithDirection), InlineData(LinkType.FrameRelayWithDirection), InlineData(LinkType.Mpls)]
    public void TheDecoderSaysItDecodesThem(LinkType linkType) => Assert.True(PacketDecoder.DecodesLinkType(linkType));
}
