using RawNet.Protocols.Decoding;
using RawNet.Protocols.Llc;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Llc;

public class LlcTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    /// <summary>An 802.3 frame: the type field is the length of what follows, padded to 60 bytes.</summary>
    private static byte[] Dot3(byte[] llc, int? length = null)
    {
        var frame = Concat(Mac(Mac1), Mac(Mac2), U16(length ?? llc.Length), llc);
        return frame.Length >= 60 ? frame : Concat(frame, new byte[60 - frame.Length]);
    }

    [Fact]
    public void Deconstruct()
    {
        Assert.True(LlcHeader.TryRead(Hex("aaaa03 000000 0800"), out var snap));
        Assert.True(snap.IsSnap && snap.IsUnnumbered && snap.CarriesEtherType && snap.CarriesInformation && snap.IsWhole);
        Assert.Equal(8, snap.HeaderLength);
        Assert.Equal(0x0800, snap.ProtocolId);

        Assert.True(LlcHeader.TryRead(Hex("0e0f 1023"), out var information));
        Assert.Equal(LlcFrameKind.Information, information.Kind);
        Assert.Equal(0x2310, information.Control);
        Assert.True(information.IsResponse && information.CarriesInformation && !information.IsSnap);
        Assert.Equal(4, information.HeaderLength);

        Assert.True(LlcHeader.TryRead(Hex("aaaa 0501 00000c 2000"), out var supervisory));
        Assert.Equal(LlcFrameKind.Supervisory, supervisory.Kind);
        Assert.False(supervisory.CarriesInformation);
        Assert.Equal(9, supervisory.HeaderLength);
        Assert.Equal(0x00000cu, supervisory.Oui);
        Assert.True(LlcHeader.HasOwnPidField(supervisory.Oui));

        Assert.True(LlcHeader.TryRead(Hex("0404 13"), out var poll));
        Assert.False(poll.CarriesInformation);
        Assert.False(LlcHeader.TryRead(Hex("aaaa"), out _));
        Assert.True(LlcHeader.TryRead(Hex("aaaa10"), out var cut));
        Assert.False(cut.HasControl);
    }

    [Fact]
    public void ParseSnapAndIpSap()
    {
        var frame = Dot3(Concat(Hex("aaaa0300 00000800"), Udp4));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "llc.type"));
        Assert.Equal("0", Decode.Field(packet, frame, "llc.oui"));
        Assert.Equal("0x0003", Decode.Field(packet, frame, "llc.control"));
        Assert.Equal("0x03", Decode.Field(packet, frame, "llc.control.ftype"));

        frame = Dot3(Concat(Hex("060603"), Udp4));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Null(Decode.Field(packet, frame, "llc.oui"));
    }

    [Fact]
    public void IpSapPicksTheIpVersionByItsFirstNibble()
    {
        // tshark's "ip" dissector on SAP 6: version 6 goes to IPv6, any other but 4 is IPv4's bogus version byte.
        var udp6 = Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
        var frame = Dot3(Concat(Hex("060603"), udp6));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("17", Decode.Field(packet, frame, "ipv6.nxt"));

        frame = Dot3(Hex("060603 60"));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Ipv6], Decode.Kinds(packet));
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);

        frame = Dot3(Hex("060603 50000000"));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Ipv4], Decode.Kinds(packet));
        Assert.Equal("5", Decode.Field(packet, frame, "ip.version"));
    }

    [Fact]
    public void ControlFieldParts()
    {
        var frame = Dot3(Hex("0e0e 1023 696e666f"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x2310", Decode.Field(packet, frame, "llc.control"));
        Assert.Equal("17", Decode.Field(packet, frame, "llc.control.n_r"));
        Assert.Equal("8", Decode.Field(packet, frame, "llc.control.n_s"));
        Assert.Equal("1", Decode.Field(packet, frame, "llc.control.p"));
        Assert.Equal("0x0000", Decode.Field(packet, frame, "llc.control.ftype"));

        frame = Dot3(Hex("0e0f 0523"));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("0x0001", Decode.Field(packet, frame, "llc.control.s_ftype"));
        Assert.Equal("1", Decode.Field(packet, frame, "llc.control.f"));
        Assert.Null(Decode.Field(packet, frame, "llc.control.p"));

        frame = Dot3(Hex("0e0f 73"));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("0x18", Decode.Field(packet, frame, "llc.control.u_modifier_resp"));
        Assert.Null(Decode.Field(packet, frame, "llc.control.u_modifier_cmd"));
    }

    [Fact]
    public void TheLengthFieldBoundsTheFrame()
    {
        // A length shorter than the SNAP header: the LLC layer is malformed, the rest is not part of it.
        var frame = Dot3(Concat(Hex("aaaa0300 00000800"), Udp4), length: 5);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[2].Status);
        Assert.Equal(5, packet[2].Extent);
        Assert.Equal("0x0003", Decode.Field(packet, frame, "llc.control"));
        Assert.Null(Decode.Field(packet, frame, "llc.oui"));

        // Novell's raw IPX and a value that is neither length nor type stay data.
        frame = Dot3(Hex("ffff 0030 0000"));
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Payload], Decode.Kinds(Decode.Frame(frame, LinkType.Ethernet)));
        frame = Dot3(Hex("0e0e03 616263"), length: 1501);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Payload], Decode.Kinds(Decode.Frame(frame, LinkType.Ethernet)));
    }

    [Fact]
    public void TruncateAtEveryPrefix()
    {
        Decode.EveryPrefix(Dot3(Concat(Hex("aaaa0300 00000800"), Udp4)), LinkType.Ethernet);
        Decode.EveryPrefix(Dot3(Hex("0e0e 1023 696e666f")), LinkType.Ethernet);
        Decode.EveryPrefix(EthernetFrame(EtherType.Vlan, Concat(Hex("0007"), U16(3 + Udp4.Length), Hex("060603"), Udp4)), LinkType.Ethernet);
    }

    [Fact]
    public void HostileLengthsAndControlFields()
    {
        var random = new Random(13);
        var bytes = new byte[40];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            var frame = Concat(Mac(Mac1), Mac(Mac2), U16(random.Next(0, 1600)), i % 2 == 0 ? Hex("aaaa") : [], bytes);
            var packet = Decode.Frame(frame, LinkType.Ethernet, originalLength: frame.Length + random.Next(0, 3) * 100);
            Assert.Equal(LayerKind.Ethernet, packet[1].Kind);
            Decode.AllFields(packet, frame, new char[4096]);
        }
    }
}
