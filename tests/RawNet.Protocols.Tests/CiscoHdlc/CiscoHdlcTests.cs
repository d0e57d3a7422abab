using RawNet.Protocols.CiscoHdlc;
using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.CiscoHdlc;

public class CiscoHdlcTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Keepalive = Hex("8f00 8035 00000002 00000005 00000006 ffff 00012345");

    [Fact]
    public void Deconstruct()
    {
        Assert.True(CiscoHdlcHeader.TryRead(Keepalive, out var chdlc));
        Assert.Equal(CiscoHdlcHeader.MulticastAddress, chdlc.Address);
        Assert.Equal(0, chdlc.Control);
        Assert.Equal(CiscoHdlcHeader.SlarpProtocol, chdlc.Protocol);
        Assert.False(CiscoHdlcHeader.TryRead(Keepalive.AsSpan(0, 3), out _));
        Assert.True(CiscoHdlcHeader.IsAddress(0x0f) && CiscoHdlcHeader.IsAddress(0x8f) && !CiscoHdlcHeader.IsAddress(0xff));

        Assert.True(SlarpPacket.TryRead(Keepalive.AsSpan(4), out var slarp));
        Assert.Equal(SlarpType.Keepalive, slarp.Type);
        Assert.Equal(5u, slarp.MySequence);
        Assert.Equal(6u, slarp.YourSequence);
        Assert.Equal(0xffff, slarp.Reliability);
        Assert.False(SlarpPacket.TryRead(Keepalive.AsSpan(4, 13), out _));
        Assert.True(SlarpPacket.TryRead(Hex("00000001 c6120001 ffffff00"), out slarp));
        Assert.Equal(Ip("198.18.0.1"), slarp.Address.ToArray());
        Assert.Equal(Ip("255.255.255.0"), slarp.Netmask.ToArray());
        Assert.True(SlarpPacket.TryRead(Hex("00000009"), out slarp));
        Assert.Equal((SlarpType)9, slarp.Type);
    }

    [Fact]
    public void ParseIpAndSlarp()
    {
        var frame = Concat(Hex("0f00 0800"), Udp4);
        var packet = Decode.Frame(frame, LinkType.CiscoHdlc);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.CiscoHdlc, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x0f", Decode.Field(packet, frame, "chdlc.address"));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "chdlc.protocol"));

        packet = Decode.Frame(Keepalive, LinkType.CiscoHdlc);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.CiscoHdlc, LayerKind.Slarp], Decode.Kinds(packet));
        Assert.Equal("2", Decode.Field(packet, Keepalive, "slarp.ptype"));
        Assert.Equal("0xffff", Decode.Field(packet, Keepalive, "slarp.reliability"));
        Assert.Null(Decode.Field(packet, Keepalive, "slarp.address"));
    }

    [Theory]
    [InlineData(LinkType.Ppp, 0)]
    [InlineData(LinkType.PppHdlc, 0)]
    [InlineData(LinkType.PppWithDirection, 1)]
    public void ThePppLinkTypesCarryCiscoHdlcByItsAddress(LinkType link, int offset)
    {
        var frame = Concat(offset == 1 ? [1] : [], Hex("0f00 0800"), Udp4);
        var packet = Decode.Frame(frame, link);
        Assert.Equal([LayerKind.Frame, LayerKind.CiscoHdlc, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(offset, packet[1].Offset);
    }

    [Fact]
    public void OtherProtocolsStayData()
    {
        // tshark's Cisco HDLC table has no ARP: not the EtherType table.
        var packet = Decode.Frame(Concat(Hex("0f00 0806"), Arp.ArpTests.Request), LinkType.CiscoHdlc);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.CiscoHdlc, LayerKind.Payload], Decode.Kinds(packet));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        for (int cut = 0; cut < Keepalive.Length; cut++)
        {
            var frame = Keepalive[..cut];
            var packet = Decode.Frame(frame, LinkType.CiscoHdlc, originalLength: Keepalive.Length);
            if (cut < 4 + 14)
                Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            // tshark adds the header's fields only once it has all four bytes, and SLARP's once it has three words.
            Assert.Equal(cut >= 4 ? "0x8035" : null, Decode.Field(packet, frame, "chdlc.protocol"));
            Assert.Equal(cut >= 4 + 12 ? "2" : null, Decode.Field(packet, frame, "slarp.ptype"));
            Assert.Equal(cut >= 4 + 12 ? "6" : null, Decode.Field(packet, frame, "slarp.yoursequence"));
            Assert.Equal(cut >= 4 + 14 ? "0xffff" : null, Decode.Field(packet, frame, "slarp.reliability"));
        }
    }

    [Fact]
    public void AReplyTheFrameCutsIsMalformedAndShowsNothing()
    {
        var frame = Hex("8f00 8035 00000001 c612");
        var packet = Decode.Frame(frame, LinkType.CiscoHdlc);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerKind.Slarp, packet.StoppedAt);
        Assert.Null(Decode.Field(packet, frame, "slarp.ptype"));
    }
}
