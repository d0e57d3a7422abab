using RawNet.Protocols.Capwap;
using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Capwap;

public class CapwapTests
{
    internal static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    /// <summary>An 802.11 data frame to the AP with LLC/SNAP and IPv4, its frame control's bytes swapped (08 01 sent as 01 08).</summary>
    private static readonly byte[] SwappedWlan = Concat(Hex("0108 0000 001122334455 00aabbccddee 001122334466 0000 aaaa03 000000 0800"), Udp4);

    /// <summary>An Ethernet frame with IPv4 and UDP from <paramref name="source"/> to <paramref name="destination"/> around <paramref name="capwap"/>.</summary>
    internal static byte[] Frame(byte[] capwap, ushort source = 40000, ushort destination = CapwapHeader.DataPort) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(source, destination, capwap)));

    [Fact]
    public void Deconstruct()
    {
        var header = Hex("00 304330 0007 0018 06 001122334455 00 04 d8100036 000000");
        Assert.Equal(6, CapwapHeader.Words(header));
        Assert.Equal(1, CapwapHeader.Binding(header));
        Assert.Equal(0x130u, CapwapHeader.Flags(header));
        Assert.Equal(7, CapwapHeader.FragmentId(header));
        Assert.Equal(24, CapwapHeader.FragmentOffset(header));
        var layout = CapwapLayout.Of(header);
        Assert.False(layout.Stopped);
        Assert.Equal((8, 6, 1), (layout.MacAt, layout.MacLength, layout.MacPad));
        Assert.Equal((16, 4, 3), (layout.WirelessAt, layout.WirelessLength, layout.WirelessPad));
        Assert.Equal(24, layout.Read);
    }

    [Fact]
    public void TheLayoutStopsAtTheFirstReadPastTheCapturedBytes()
    {
        // The MAC's bytes cut: the length byte was read, the address not.
        var layout = CapwapLayout.Of(Hex("00 304330 0000 0000 06 0011"));
        Assert.True(layout.Stopped);
        Assert.Equal(15, layout.End);
        Assert.True(layout.Reached(8, 1));
        Assert.False(layout.Reached(9, 6));
        // Two bytes of wireless data under the 802.11 binding: tshark still reads four for the frame info.
        layout = CapwapLayout.Of(Hex("00 204320 0000 0000 02 aabb 00"));
        Assert.True(layout.Stopped);
        Assert.Equal(13, layout.End);
    }

    [Fact]
    public void TheKeepAliveWalkStopsAtAnElementPastTheCapturedBytes()
    {
        var walker = new CapwapElementWalker(Hex("000e 0023 0002 0102 03e7 0010 aa"), 16);
        Assert.True(walker.MoveNext(out int at, out ushort type, out int length, out bool read));
        Assert.Equal((2, (ushort)35, 2, true), (at, type, length, read));
        Assert.True(walker.MoveNext(out at, out type, out length, out read));
        Assert.Equal((8, (ushort)999, 16, false), (at, type, length, read));
        Assert.False(walker.MoveNext(out _, out _, out _, out _));
        Assert.Equal(12, walker.StoppedAt);
    }

    [Fact]
    public void ParsesTheHeaderAndHandsTheSwappedFrameTo80211()
    {
        var frame = Frame(Concat(Hex("00 304330 0000 0000 06 001122334455 00 04 d8100036 000000"), SwappedWlan));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.CapwapData, LayerKind.Ieee80211, LayerKind.Llc,
            LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(24, packet[4].HeaderLength);
        Assert.Equal(LayerSource.SwappedFrameControl, packet[5].Source);
        Assert.Equal(packet[4].Offset + 24, packet[5].Offset);
        Assert.Equal("6", Decode.Field(packet, frame, "capwap.header.length"));
        Assert.Equal("0x000130", Decode.Field(packet, frame, "capwap.header.flags"));
        Assert.Equal("00:11:22:33:44:55", Decode.Field(packet, frame, "capwap.header.mac.eui48"));
        Assert.Equal("00,000000", Decode.Field(packet, frame, "capwap.header.padding"));
        Assert.Equal("-40", Decode.Field(packet, frame, "capwap.header.wireless.data.ieee80211.fi.rssi"));
        Assert.Equal("54", Decode.Field(packet, frame, "capwap.header.wireless.data.ieee80211.fi.data_rate"));
        Assert.Null(Decode.Field(packet, frame, "capwap.header.wireless.data.ieee80211.dw"));
        Assert.Null(Decode.Field(packet, frame, "capwap.header.length.bad"));
        // tshark shows the frame control as sent, its fields as read swapped.
        Assert.Equal("0x0108", Decode.Field(packet, frame, "wlan.fc"));
        Assert.Equal("2", Decode.Field(packet, frame, "wlan.fc.type"));
        Assert.Equal("00:aa:bb:cc:dd:ee", Decode.Field(packet, frame, "wlan.sa"));
    }

    [Fact]
    public void FromTheDataPortTheWirelessInformationIsDestinationWlans()
    {
        var frame = Frame(Concat(Hex("00 204320 0000 0000 04 0005 0000 000000"), SwappedWlan), source: CapwapHeader.DataPort, destination: 40000);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("5", Decode.Field(packet, frame, "capwap.header.wireless.data.ieee80211.dw.wlan_id_bitmap"));
        Assert.Null(Decode.Field(packet, frame, "capwap.header.wireless.data.ieee80211.fi"));
    }

    [Fact]
    public void WithTClearThePayloadIsEthernet()
    {
        var frame = Frame(Concat(Hex("00 104200 0000 0000"), EthernetFrame(EtherType.Ipv4, Udp4)));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(LayerKind.Ethernet, packet[5].Kind);
        Assert.Equal(LayerSource.Frame, packet[5].Source);
    }

    [Fact]
    public void AKeepAliveIsPartOfTheLayerAndAnElementPastTheMessageMalformed()
    {
        var frame = Frame(Hex("00 104208 0000 0000 0016 0023 0010 000102030405060708090a0b0c0d0e0f"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(5, packet.LayerCount);
        Assert.Equal(30, packet[4].HeaderLength);
        Assert.Equal("000102030405060708090a0b0c0d0e0f", Decode.Field(packet, frame, "capwap.control.message_element.session_id"));
        Assert.Null(Decode.Field(packet, frame, "capwap.keep_alive.length.bad"));
        frame = Frame(Hex("00 104208 0000 0000 000a 0023 0010 01020304"));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[4].Status);
        Assert.Equal("16", Decode.Field(packet, frame, "capwap.message_element.length"));
        Assert.Null(Decode.Field(packet, frame, "capwap.message_element.value"));
    }

    [Fact]
    public void AFragmentIsDataUnlessCompleteByItself()
    {
        var frame = Frame(Concat(Hex("00 104380 0007 0000"), SwappedWlan));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(LayerKind.Payload, packet[5].Kind);
        Assert.Null(Decode.Field(packet, frame, "capwap.reassembled.length"));
        frame = Frame(Concat(Hex("00 1043c0 0008 0000"), SwappedWlan));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(LayerKind.Ieee80211, packet[5].Kind);
        Assert.Equal("1", Decode.Field(packet, frame, "capwap.fragment.count"));
        Assert.Equal(SwappedWlan.Length.ToString(), Decode.Field(packet, frame, "capwap.reassembled.length"));
    }

    [Fact]
    public void AShortHeaderIsMalformed()
    {
        var packet = Decode.Frame(Frame(Hex("00 104300 00")), LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerKind.CapwapData, packet[4].Kind);
    }

    [Fact]
    public void OnlyTheDataPortIsCapwap()
    {
        var packet = Decode.Frame(Frame(Concat(Hex("00 104300 0000 0000"), SwappedWlan), destination: 5248), LinkType.Ethernet);
        Assert.Equal(LayerKind.Payload, packet[4].Kind);
    }

    [Fact]
    public void TruncatedAtEveryPrefix()
    {
        Decode.EveryPrefix(Frame(Concat(Hex("00 304330 0000 0000 06 001122334455 00 04 d8100036 000000"), SwappedWlan)), LinkType.Ethernet);
        Decode.EveryPrefix(Frame(Hex("00 104208 0000 0000 0016 0023 0010 000102030405060708090a0b0c0d0e0f")), LinkType.Ethernet);
    }
}

public class LwappTests
{
    private static readonly byte[] Wlan = Concat(Hex("0801 0000 001122334455 00aabbccddee 001122334466 0000 aaaa03 000000 0800"), CapwapTests.Udp4);

    private static byte[] Frame(byte[] lwapp, ushort destination = LwappHeader.DataPort) => CapwapTests.Frame(lwapp, destination: destination);

    [Fact]
    public void ADataMessageCarries80211AsSent()
    {
        var frame = Frame(Concat(Hex("48 05 0034 c4 10"), Wlan));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Lwapp, LayerKind.Ieee80211, LayerKind.Llc,
            LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(LayerSource.Frame, packet[5].Source);
        Assert.Equal("1", Decode.Field(packet, frame, "lwapp.version"));
        Assert.Equal("1", Decode.Field(packet, frame, "lwapp.slotId"));
        Assert.Equal("0", Decode.Field(packet, frame, "lwapp.flags.type"));
        Assert.Equal("0x05", Decode.Field(packet, frame, "lwapp.fragmentId"));
        Assert.Equal("0xc4", Decode.Field(packet, frame, "lwapp.rssi"));
        Assert.Null(Decode.Field(packet, frame, "lwapp.apid"));
        Assert.Null(Decode.Field(packet, frame, "lwapp.control.type"));
        Assert.Equal("0x0801", Decode.Field(packet, frame, "wlan.fc"));
    }

    [Fact]
    public void AControlMessageToPort12223StartsWithTheApIdentity()
    {
        var frame = Frame(Hex("001122334455 04 00 0008 20 10 16 03 0004 61626364"), destination: LwappHeader.ControlPort);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(16, packet[4].HeaderLength);
        Assert.Equal(LayerKind.Payload, packet[5].Kind);
        Assert.Equal("00:11:22:33:44:55", Decode.Field(packet, frame, "lwapp.apid"));
        Assert.Equal("1", Decode.Field(packet, frame, "lwapp.flags.type"));
        Assert.Equal("22", Decode.Field(packet, frame, "lwapp.control.type"));
        Assert.Equal("4", Decode.Field(packet, frame, "lwapp.control.length"));
        Assert.Equal("ECHO_REQUEST", LwappHeader.ControlName(22));
        Assert.Null(LwappHeader.ControlName(37));
    }

    [Fact]
    public void AShortControlHeaderShowsNoneOfItsFields()
    {
        var frame = Frame(Hex("04 00 0008 20 10 16 03 00"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("0x04", Decode.Field(packet, frame, "lwapp.flags"));
        Assert.Null(Decode.Field(packet, frame, "lwapp.control.type"));
    }

    [Fact]
    public void TruncatedAtEveryPrefix()
    {
        Decode.EveryPrefix(Frame(Concat(Hex("00 00 0034 20 10"), Wlan)), LinkType.Ethernet);
        Decode.EveryPrefix(Frame(Hex("001122334455 04 00 0008 20 10 16 03 0004 61626364"), destination: LwappHeader.ControlPort), LinkType.Ethernet);
    }
}

/// <summary>LWAPP over layer 3 (UDP 12220), LWAPP over its EtherTypes, and LLC over UDP 12000 to 12004, as tshark 4.0 reads them.</summary>
public class LwappL3AndLlcOverUdpTests
{
    private static readonly byte[] Udp4 = CapwapTests.Udp4;

    private static readonly byte[] InnerEthernet = Concat(Hex("020000000002 020000000001 0800"), Udp4);

    [Fact]
    public void Port12220CarriesAnEthernetFrameBehindALayerOfNoBytes()
    {
        var frame = CapwapTests.Frame(InnerEthernet, destination: LwappHeader.Layer3Port);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.LwappL3, LayerKind.Ethernet, LayerKind.Ipv4,
            LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(0, packet[4].HeaderLength);
        Assert.Equal("eth:ethertype:ip:udp:eth:ethertype:ip:udp:data", Decode.Protocols(packet, frame));
    }

    [Fact]
    public void AShortEthernetHeaderOnPort12220IsMalformed()
    {
        var frame = CapwapTests.Frame(Hex("0102"), destination: LwappHeader.Layer3Port);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerKind.Ethernet, packet[packet.LayerCount - 1].Kind);
    }

    [Theory]
    [InlineData((ushort)0x88BB)]
    [InlineData((ushort)0xBBBB)]
    public void LwappOverEthernetHasNoApIdentity(ushort etherType)
    {
        var frame = EthernetFrame((EtherType)etherType, Hex("04 00 0008 20 10 16 03 0004 61626364"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Lwapp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Null(Decode.Field(packet, frame, "lwapp.apid"));
        Assert.Equal("22", Decode.Field(packet, frame, "lwapp.control.type"));
    }

    [Theory]
    [InlineData((ushort)12000)]
    [InlineData((ushort)12004)]
    public void Ports12000To12004CarryLlc(ushort port)
    {
        var frame = CapwapTests.Frame(Concat(Hex("aaaa03 000000 0800"), Udp4), destination: port);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Llc, LayerKind.Ipv4, LayerKind.Udp,
            LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "llc.type"));
    }

    [Fact]
    public void Port12005IsNotLlc()
    {
        var packet = Decode.Frame(CapwapTests.Frame(Concat(Hex("aaaa03 000000 0800"), Udp4), destination: 12005), LinkType.Ethernet);
        Assert.DoesNotContain(LayerKind.Llc, Decode.Kinds(packet));
    }

    [Fact]
    public void TruncatedAtEveryPrefix()
    {
        Decode.EveryPrefix(CapwapTests.Frame(InnerEthernet, destination: LwappHeader.Layer3Port), LinkType.Ethernet);
        Decode.EveryPrefix(CapwapTests.Frame(Concat(Hex("aaaa03 000000 0800"), Udp4), destination: 12001), LinkType.Ethernet);
        Decode.EveryPrefix(EthernetFrame((EtherType)0x88BB, Hex("04 00 0008 20 10 16 03 0004 61626364")), LinkType.Ethernet);
    }
}

/// <summary>The CAPWAP control channel on UDP 5246 as tshark 4.0's capwap reads it.</summary>
public class CapwapControlTests
{
    /// <summary>A Discovery Request: the 8-byte header, the control header, a Discovery Type element and an element tshark does not decode.</summary>
    private static readonly byte[] Discovery = Hex("00 100200 0000 0000 00000001 07 000f 00 0014 0001 01 270f 0003 616263");

    private static byte[] Frame(byte[] capwap) => CapwapTests.Frame(capwap, destination: CapwapHeader.ControlPort);

    [Fact]
    public void AControlMessageIsOneLayerWithItsElements()
    {
        var frame = Frame(Discovery);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.CapwapControl], Decode.Kinds(packet));
        Assert.Equal(Discovery.Length, packet[4].HeaderLength);
        Assert.Equal("eth:ethertype:ip:udp:capwap", Decode.Protocols(packet, frame));
        Assert.Equal("1", Decode.Field(packet, frame, "capwap.control.header.message_type"));
        Assert.Equal("7", Decode.Field(packet, frame, "capwap.control.header.sequence_number"));
        Assert.Equal("15", Decode.Field(packet, frame, "capwap.control.header.message_element_length"));
        Assert.Equal("20,9999", Decode.Field(packet, frame, "capwap.message_element.type"));
        Assert.Equal("1", Decode.Field(packet, frame, "capwap.message_element.type.undecoded"));
        Assert.Equal("1", Decode.Field(packet, frame, "capwap.control.message_element.discovery_type"));
        Assert.Null(Decode.Field(packet, frame, "capwap.message_element.length.bad"));
        Assert.Equal("Discovery Request", CapwapControlHeader.MessageName(1));
        Assert.Null(CapwapControlHeader.MessageName(27));
        Assert.True(CapwapControlHeader.IsDecodedElement(20));
        Assert.False(CapwapControlHeader.IsDecodedElement(9999));
    }

    [Fact]
    public void AnElementPastTheDatagramIsMalformed()
    {
        var packet = Decode.Frame(Frame(Hex("00 100200 0000 0000 00000001 07 000f 00 0014 0009 01")), LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[4].Status);
    }

    [Fact]
    public void AnElementOfTheWrongLengthShowsNoneOfItsFields()
    {
        var frame = Frame(Hex("00 100200 0000 0000 00000001 07 0009 00 0014 0002 0102"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("1", Decode.Field(packet, frame, "capwap.message_element.length.bad"));
        Assert.Null(Decode.Field(packet, frame, "capwap.control.message_element.discovery_type"));
    }

    [Fact]
    public void AFragmentThatIsNotWholeIsData()
    {
        var packet = Decode.Frame(Frame(Hex("00 100280 0003 0000 00000001 07 000f 00")), LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(LayerKind.Payload, packet[5].Kind);
        Assert.Equal(8, packet[4].HeaderLength);
    }

    [Fact]
    public void TruncatedAtEveryPrefix() => Decode.EveryPrefix(Frame(Discovery), LinkType.Ethernet);
}
