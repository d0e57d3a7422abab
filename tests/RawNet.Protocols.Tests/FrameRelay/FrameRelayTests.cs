using RawNet.Protocols.Decoding;
using RawNet.Protocols.FrameRelay;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.FrameRelay;

public class FrameRelayTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    [Fact]
    public void Deconstruct()
    {
        // DLCI 1007 with C/R, FECN, BECN and DE set; UI; no pad; NLPID IPv4.
        var frame = Concat(Hex("fa ff 03 cc"), Udp4);
        Assert.True(FrameRelayHeader.TryRead(frame, out var fr));
        Assert.Equal(2, fr.AddressLength);
        Assert.Equal(1007u, fr.Dlci);
        Assert.True(fr.CommandResponse && fr.Fecn && fr.Becn && fr.DiscardEligible);
        Assert.True(fr.HasControl && fr.HasNlpid && !fr.HasPad);
        Assert.Equal(FrameRelayHeader.UnnumberedInformation, fr.Control);
        Assert.Equal(Nlpid.Ipv4, fr.Nlpid);

        // 3 octets with a pad: DLCI 6500 = 0x196 << 4 | 0x4 ... split 6+4+6 bits.
        Assert.True(FrameRelayHeader.TryRead(Hex("18 50 91 03 00 cc"), out fr));
        Assert.Equal(3, fr.AddressLength);
        Assert.Equal(6 << 10 | 5 << 6 | 0x24u, fr.Dlci);
        Assert.True(fr.HasPad);
        Assert.Equal(5, fr.NlpidOffset);

        // 4 octets; the last with DC set carries DL-CORE control, not DLCI bits.
        Assert.True(FrameRelayHeader.TryRead(Hex("18 40 02 03"), out fr));
        Assert.Equal(4, fr.AddressLength);
        Assert.Equal(100u << 7 | 1, fr.Dlci);
        Assert.False(fr.HasControl);

        // A first octet with EA set is a bogus one-octet address (DLCI 0); extra octets without EA are skipped.
        Assert.True(FrameRelayHeader.TryRead(Hex("19 03 cc"), out fr));
        Assert.Equal(1, fr.AddressLength);
        Assert.Equal(0u, fr.Dlci);
        Assert.False(fr.HasFlags || fr.CommandResponse);
        Assert.True(FrameRelayHeader.TryRead(Hex("18 40 00 00 00 01"), out fr));
        Assert.Equal(6, fr.AddressLength);
        Assert.Equal(819200u, fr.Dlci);

        Assert.False(FrameRelayHeader.TryRead([], out _));
        Assert.False(FrameRelayHeader.TryRead(Hex("18"), out _));
        Assert.False(FrameRelayHeader.TryRead(Hex("18 40 00"), out _));
    }

    [Fact]
    public void ParseIpv4Ipv6AndSnap()
    {
        var frame = Concat(Hex("1841 03 cc"), Udp4);
        var packet = Decode.Frame(frame, LinkType.FrameRelay);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.FrameRelay, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("100", Decode.Field(packet, frame, "fr.dlci"));
        Assert.Equal("0x06", Decode.Field(packet, frame, "fr.upper_dlci"));
        Assert.Equal("0x04", Decode.Field(packet, frame, "fr.second_dlci"));
        Assert.Equal("0,1", Decode.Field(packet, frame, "fr.ea"));
        Assert.Equal("0x03", Decode.Field(packet, frame, "fr.control"));
        Assert.Equal("0x00", Decode.Field(packet, frame, "fr.control.u_modifier_cmd"));
        Assert.Null(Decode.Field(packet, frame, "fr.control.u_modifier_resp"));
        Assert.Equal("0xcc", Decode.Field(packet, frame, "fr.nlpid"));

        var ipv6 = Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1]));
        frame = Concat(Hex("1841 03 00 80 000000 86dd"), ipv6);
        packet = Decode.Frame(frame, LinkType.FrameRelay);
        Assert.Equal([LayerKind.Frame, LayerKind.FrameRelay, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x00,0x80", Decode.Field(packet, frame, "fr.nlpid"));
        Assert.Equal("0", Decode.Field(packet, frame, "fr.snap.oui"));
        Assert.Equal("0x86dd", Decode.Field(packet, frame, "fr.snaptype"));
        Assert.Null(Decode.Field(packet, frame, "fr.snap.pid"));

        frame = Hex("1841 03 80 123456 0001 616263");
        packet = Decode.Frame(frame, LinkType.FrameRelay);
        Assert.Equal([LayerKind.Frame, LayerKind.FrameRelay, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("1193046", Decode.Field(packet, frame, "fr.snap.oui"));
        Assert.Equal("0x0001", Decode.Field(packet, frame, "fr.snap.pid"));
        Assert.Null(Decode.Field(packet, frame, "fr.snaptype"));
    }

    [Fact]
    public void LongerAddressesShowTheirOctets()
    {
        var frame = Concat(Hex("1840 00 01 03 cc"), Udp4);
        var packet = Decode.Frame(frame, LinkType.FrameRelay);
        Assert.Equal(LayerKind.Ipv4, packet[2].Kind);
        Assert.Equal("819200", Decode.Field(packet, frame, "fr.dlci"));
        Assert.Equal("0,0,0,1", Decode.Field(packet, frame, "fr.ea"));
        Assert.Equal("0x00", Decode.Field(packet, frame, "fr.third_dlci"));
        Assert.Equal("0x00", Decode.Field(packet, frame, "fr.lower_dlci"));
        Assert.Equal("0", Decode.Field(packet, frame, "fr.dc"));

        frame = Concat(Hex("1840 03 03 00 cc"), Udp4);
        packet = Decode.Frame(frame, LinkType.FrameRelay);
        // tshark leaves the DLCI's bits as they are when the last octet holds DL-CORE control.
        Assert.Equal("100", Decode.Field(packet, frame, "fr.dlci"));
        Assert.Equal("0x00", Decode.Field(packet, frame, "fr.dlcore_control"));
        Assert.Null(Decode.Field(packet, frame, "fr.lower_dlci"));
        Assert.Null(Decode.Field(packet, frame, "fr.third_dlci"));
        Assert.Equal("1", Decode.Field(packet, frame, "fr.dc"));

        frame = Concat(Hex("19 03 cc"), Udp4);
        packet = Decode.Frame(frame, LinkType.FrameRelay);
        Assert.Equal("0", Decode.Field(packet, frame, "fr.dlci"));
        Assert.Null(Decode.Field(packet, frame, "fr.ea"));
        Assert.Equal("0xcc", Decode.Field(packet, frame, "fr.nlpid"));
    }

    [Fact]
    public void UiFramesWithThePollBitCarryWhatTheirNlpidNames()
    {
        var frame = Concat(Hex("1841 13 cc"), Udp4);
        var packet = Decode.Frame(frame, LinkType.FrameRelay);
        Assert.Equal([LayerKind.Frame, LayerKind.FrameRelay, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x13", Decode.Field(packet, frame, "fr.control"));
        Assert.Equal("0x00", Decode.Field(packet, frame, "fr.control.u_modifier_cmd"));
        Assert.Equal("0xcc", Decode.Field(packet, frame, "fr.nlpid"));

        // with a pad; SNAP is data after its header (tshark's SNAP hands on the information of plain UI frames only)
        frame = Concat(Hex("1841 13 00 cc"), Udp4);
        Assert.Equal(LayerKind.Udp, Decode.Kinds(Decode.Frame(frame, LinkType.FrameRelay))[3]);
        frame = Concat(Hex("1841 13 80 000000 0800"), Udp4);
        packet = Decode.Frame(frame, LinkType.FrameRelay);
        Assert.Equal([LayerKind.Frame, LayerKind.FrameRelay, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(9, packet[1].HeaderLength);

        // an NLPID tshark has no dissector for: its guess fails, and the rest after the address is data
        frame = Concat(Hex("1841 13 45"), Udp4);
        packet = Decode.Frame(frame, LinkType.FrameRelay);
        Assert.Equal([LayerKind.Frame, LayerKind.FrameRelay, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Null(Decode.Field(packet, frame, "fr.control"));
        Assert.False(FrameRelayHeader.CarriesNlpid(Hex("13")));
        Assert.True(FrameRelayHeader.CarriesNlpid(Hex("03")));
    }

    [Fact]
    public void OtherControlFieldsAndNlpidsAreData()
    {
        var frame = Concat(Hex("1841 af cc"), Udp4);
        var packet = Decode.Frame(frame, LinkType.FrameRelay);
        Assert.Equal([LayerKind.Frame, LayerKind.FrameRelay, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Null(Decode.Field(packet, frame, "fr.control"));
        Assert.Equal("100", Decode.Field(packet, frame, "fr.dlci"));

        frame = Hex("1841 03 09 7595 0101 00");
        packet = Decode.Frame(frame, LinkType.FrameRelay);
        Assert.Equal([LayerKind.Frame, LayerKind.FrameRelay, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x09", Decode.Field(packet, frame, "fr.nlpid"));
    }

    [Fact]
    public void TruncatedAtEveryPrefix()
    {
        var frame = Concat(Hex("1840 03 03 00 80 000000 0800"), Udp4);
        for (int n = 0; n < 11 + 20; n++)
        {
            var cut = frame[..n];
            var packet = Decode.Frame(cut, LinkType.FrameRelay, originalLength: frame.Length);
            if (n > 0)
                Assert.Equal(LayerKind.FrameRelay, packet[1].Kind);
            if (n < 11)
            {
                Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
                Assert.Equal(LayerKind.FrameRelay, packet.StoppedAt);
            }
            packet = Decode.Frame(cut, LinkType.FrameRelay);
            if (n is > 0 and < 11)
                Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        }
    }

    [Fact]
    public void HostileInputNeverThrows()
    {
        var random = new Random(107);
        var frame = new byte[64];
        for (int i = 0; i < 5000; i++)
        {
            int length = random.Next(frame.Length + 1);
            random.NextBytes(frame);
            if (i % 2 == 0)
            {
                // Address octets without EA up to the end of the frame.
                for (int j = 0; j < length; j++)
                    frame[j] &= 0xFE;
            }
            var bytes = frame[..length];
            var packet = Decode.Frame(bytes, LinkType.FrameRelay);
            foreach (var name in new[] { "fr.ea", "fr.dlci", "fr.nlpid", "fr.snap.oui", "fr.lower_dlci", "fr.dlcore_control", "fr.third_dlci" })
                Decode.Field(packet, bytes, name);
        }
    }
}
