using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tunnels;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Tunnels;

public class GtpTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    /// <summary>An Ethernet frame with IPv4 and UDP to port 2152 around <paramref name="gtp"/>.</summary>
    private static byte[] Frame(byte[] gtp, ushort destination = TunnelPorts.Gtp) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, destination, gtp)));

    [Fact]
    public void MeasuresTheHeaderItsOptionalWordAndExtensionHeaders()
    {
        Assert.True(GtpHeader.TryMeasure(Hex("30ff0000 00000001"), out int length));
        Assert.Equal(8, length);
        Assert.True(GtpHeader.TryMeasure(Hex("32010004 00000000 00090000"), out length));
        Assert.Equal(12, length);
        Assert.True(GtpHeader.TryMeasure(Hex("34ff0010 00000001 00000085 01100540 01086800"), out length));
        Assert.Equal(20, length);
        Assert.Equal("Echo request", GtpHeader.MessageName(1));
        Assert.Equal("T-PDU", GtpHeader.MessageName(GtpHeader.TPdu));
    }

    [Fact]
    public void RefusesWhatTsharkDoesNotReadAsGtpv1()
    {
        Assert.False(GtpHeader.TryMeasure(Hex("30ff00"), out _));                      // shorter than the header
        Assert.False(GtpHeader.TryMeasure(Hex("50ff0000 00000001"), out _));           // version 2
        Assert.False(GtpHeader.TryMeasure(Hex("20ff0000 00000001"), out _));           // GTP'
        Assert.False(GtpHeader.TryMeasure(Hex("30080000 00000001"), out _));           // a type tshark does not know
        Assert.False(GtpHeader.TryMeasure(Hex("32ff0000 00000001 00"), out _));        // optional word cut
        Assert.False(GtpHeader.TryMeasure(Hex("34ff0000 00000001 00000085 00"), out _)); // zero-length extension header
        Assert.False(GtpHeader.TryMeasure(Hex("34ff0000 00000001 00000085 02aabb"), out _)); // extension header cut
        // A chain that never ends: bounded by the bytes, then refused.
        var chain = new byte[12 + 4 * 200];
        Hex("34ff0000 00000001 00000085").CopyTo(chain, 0);
        for (int at = 12; at < chain.Length; at += 4)
        {
            chain[at] = 1;
            chain[at + 3] = 0x85;
        }
        Assert.False(GtpHeader.TryMeasure(chain, out _));
    }

    [Fact]
    public void ParsesATPduAndTheIpItCarries()
    {
        var frame = Frame(Concat(Hex("37ff002b 00001234 01020385 01000940 01086800"), Udp4));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Gtp, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload],
            Decode.Kinds(packet));
        Assert.Equal(20, packet[4].HeaderLength);
        Assert.Equal("0x37", Decode.Field(packet, frame, "gtp.flags"));
        Assert.Equal("1", Decode.Field(packet, frame, "gtp.flags.version"));
        Assert.Equal("1", Decode.Field(packet, frame, "gtp.flags.e"));
        Assert.Equal("0xff", Decode.Field(packet, frame, "gtp.message"));
        Assert.Equal("43", Decode.Field(packet, frame, "gtp.length"));
        Assert.Equal("0x00001234", Decode.Field(packet, frame, "gtp.teid"));
        Assert.Equal("0x0102", Decode.Field(packet, frame, "gtp.seq_number"));
        Assert.Equal("0x03", Decode.Field(packet, frame, "gtp.npdu_number"));
        Assert.Equal("0x85,0x40,0x00", Decode.Field(packet, frame, "gtp.ext_hdr.next"));
        Assert.Equal("1,1", Decode.Field(packet, frame, "gtp.ext_hdr.length"));
    }

    [Fact]
    public void TheOptionalWordShowsOnlyWhatItsFlagsSay()
    {
        var frame = Frame(Hex("32010004 00000000 00090011"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Gtp], Decode.Kinds(packet));
        Assert.Equal("0x0009", Decode.Field(packet, frame, "gtp.seq_number"));
        Assert.Null(Decode.Field(packet, frame, "gtp.npdu_number"));
        Assert.Null(Decode.Field(packet, frame, "gtp.ext_hdr.next"));
    }

    [Fact]
    public void AHeaderTheCaptureCutIsGtpMarkedTruncated()
    {
        var whole = Frame(Concat(Hex("34ff0027 00001234 00000085 01100500"), Udp4));
        var frame = whole[..(14 + 20 + 8 + 13)];
        var packet = Decode.Frame(frame, LinkType.Ethernet, whole.Length);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Gtp], Decode.Kinds(packet));
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal(LayerStatus.Truncated, packet[4].Status);
        Assert.Equal("0x85", Decode.Field(packet, frame, "gtp.ext_hdr.next"));
        Assert.Equal("1", Decode.Field(packet, frame, "gtp.ext_hdr.length"));
    }

    [Fact]
    public void AZeroLengthExtensionHeaderEndsTheHeaderAndNothingIsReadAfterIt()
    {
        var frame = Frame(Concat(Hex("34ff0027 00001234 00000085 00100500"), Udp4));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Gtp], Decode.Kinds(packet));
        Assert.Equal("0x85", Decode.Field(packet, frame, "gtp.ext_hdr.next"));
        Assert.Equal("0", Decode.Field(packet, frame, "gtp.ext_hdr.length"));
        Assert.True(GtpHeader.TryMeasure(Hex("34ff0008 00001234 00000085 00100500"), out int length, out bool zero));
        Assert.Equal((12, true), (length, zero));
    }

    [Fact]
    public void WhatTsharkDoesNotReadAsGtpStaysData()
    {
        foreach (var payload in new[] { Hex("30ff00"), Hex("50ff0004 00000001 45000000"), Hex("30080004 00000001 45000000") })
        {
            var packet = Decode.Frame(Frame(payload), LinkType.Ethernet);
            Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        }
    }
}
