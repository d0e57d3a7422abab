using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tzsp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Tzsp;

public class TzspTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    /// <summary>An Ethernet frame with IPv4 and UDP to port 37008 around <paramref name="tzsp"/>.</summary>
    private static byte[] Frame(byte[] tzsp, ushort destination = TzspHeader.Port) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, destination, tzsp)));

    [Fact]
    public void Deconstruct()
    {
        var bytes = Hex("01 00 0012 0a01c4 00 1201 06 01");
        Assert.True(TzspHeader.TryRead(bytes, out var header));
        Assert.Equal(1, header.Version);
        Assert.Equal(0, header.Type);
        Assert.Equal(TzspHeader.Encapsulation.Ieee80211, header.EncapsulationType);
        Assert.False(TzspHeader.TryRead(bytes.AsSpan(0, 3), out _));
        Assert.Equal("IEEE 802.11", TzspHeader.EncapsulationName(header.EncapsulationType));
        Assert.Null(TzspHeader.EncapsulationName(99));
        Assert.False(TzspHeader.HasDissector(TzspHeader.Encapsulation.Slip));
        Assert.False(TzspHeader.HasTags(TzspHeader.Keepalive));
        var walker = new TzspTagWalker(bytes, bytes.Length);
        Assert.True(walker.MoveNext(out var tag));
        Assert.Equal(new TzspTag(4, TzspHeader.Tag.Signal, 1, 1), tag);
        Assert.True(walker.MoveNext(out tag));
        Assert.Equal(new TzspTag(7, TzspHeader.Tag.Pad, -1, -1), tag);
        Assert.True(walker.MoveNext(out tag));
        Assert.Equal(TzspHeader.Tag.Channel, tag.Tag);
        Assert.True(walker.MoveNext(out tag));
        Assert.Equal(TzspHeader.Tag.End, tag.Tag);
        Assert.False(walker.MoveNext(out _));
        Assert.Equal(TzspWalkEnd.End, walker.Ended);
        Assert.Equal(bytes.Length, walker.Position);
    }

    [Fact]
    public void TheWalkEndsAsTsharksReadsFail()
    {
        // A tag whose length runs past the datagram adds nothing; past the capture alone, it is cut.
        var overlong = Hex("01000001 0a05 01");
        var walker = new TzspTagWalker(overlong, overlong.Length);
        Assert.False(walker.MoveNext(out _));
        Assert.Equal(TzspWalkEnd.Malformed, walker.Ended);
        walker = new TzspTagWalker(overlong, overlong.Length + 4);
        Assert.False(walker.MoveNext(out _));
        Assert.Equal(TzspWalkEnd.Truncated, walker.Ended);
        // Pads to the end never reach End.
        var pads = Hex("01000001 000000");
        walker = new TzspTagWalker(pads, pads.Length);
        int count = 0;
        while (walker.MoveNext(out _))
            count++;
        Assert.Equal((3, TzspWalkEnd.Malformed), (count, walker.Ended));
        // A channel of no bytes is refused after its tag and length were added.
        var channel = Hex("01000001 1200 01");
        walker = new TzspTagWalker(channel, channel.Length);
        Assert.True(walker.MoveNext(out var tag));
        Assert.False(tag.HasValue);
        Assert.False(walker.MoveNext(out _));
        Assert.Equal(TzspWalkEnd.Malformed, walker.Ended);
        // A signal of length 0 reads the next byte (End) as its value.
        var signal = Hex("01000001 0a00 01");
        walker = new TzspTagWalker(signal, signal.Length);
        Assert.True(walker.MoveNext(out tag));
        Assert.Equal((6, 1), (tag.ValueOffset, tag.ValueLength));
        Assert.True(walker.MoveNext(out tag));
        Assert.Equal(TzspHeader.Tag.End, tag.Tag);
    }

    [Fact]
    public void TheWalkIsBounded()
    {
        var pads = new byte[4 + TzspTagWalker.MaxTags + 10];
        var walker = new TzspTagWalker(pads, pads.Length);
        int count = 0;
        while (walker.MoveNext(out _))
            count++;
        Assert.Equal((TzspTagWalker.MaxTags, TzspWalkEnd.TooManyTags), (count, walker.Ended));
        var packet = Decode.Frame(Frame(pads), LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal(LayerKind.Tzsp, packet[4].Kind);
    }

    [Fact]
    public void ParsesTheTagsAndHandsTheFrameToEthernet()
    {
        var tags = Hex("00 0a01c4 0b01a0 0c016c 0d0401020304 0e0100 0f0101 100100 110101 120106 29020040 3c06001122334455 280400000007"
            + "5003616263 51026c61 5208 5f00000000000010 53017a 540400000009 6302aabb 01");
        var frame = Frame(Concat(Hex("01000001"), tags, EthernetFrame(EtherType.Ipv4, Udp4)));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Tzsp, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload],
            Decode.Kinds(packet));
        Assert.Equal(4 + tags.Length, packet[4].HeaderLength);
        Assert.Equal("1", Decode.Field(packet, frame, "tzsp.version"));
        Assert.Equal("0", Decode.Field(packet, frame, "tzsp.type"));
        Assert.Equal("1", Decode.Field(packet, frame, "tzsp.encap"));
        Assert.Equal("0,10,11,12,13,14,15,16,17,18,41,60,40,80,81,82,83,84,99,1", Decode.Field(packet, frame, "tzsp.option_tag"));
        Assert.Equal("-60", Decode.Field(packet, frame, "tzsp.wlan.signal"));
        Assert.Equal("-96", Decode.Field(packet, frame, "tzsp.wlan.silence"));
        Assert.Equal("108", Decode.Field(packet, frame, "tzsp.wlan.rate"));
        Assert.Equal("0x01020304", Decode.Field(packet, frame, "tzsp.wlan.time"));
        Assert.Equal("0x00", Decode.Field(packet, frame, "tzsp.wlan.status.msg_type"));
        Assert.Equal("1", Decode.Field(packet, frame, "tzsp.wlan.status.fcs_err"));
        Assert.Equal("6", Decode.Field(packet, frame, "tzsp.wlan.channel"));
        Assert.Equal("64", Decode.Field(packet, frame, "tzsp.original_length"));
        Assert.Equal("00:11:22:33:44:55", Decode.Field(packet, frame, "tzsp.sensormac"));
        Assert.Equal("7", Decode.Field(packet, frame, "tzsp.packet_id"));
        Assert.Equal("abc", Decode.Field(packet, frame, "tzsp.device_name"));
        Assert.Equal("la", Decode.Field(packet, frame, "tzsp.capture_location"));
        Assert.Equal("Jul  4, 2020 04:05:20.000000016 UTC", Decode.Field(packet, frame, "tzsp.time_stamp"));
        Assert.Equal("z", Decode.Field(packet, frame, "tzsp.device_info"));
        Assert.Equal("9", Decode.Field(packet, frame, "tzsp.device_id"));
        Assert.Equal("aabb", Decode.Field(packet, frame, "tzsp.unknown"));
    }

    [Fact]
    public void EachEncapsulationGoesToItsDecoder()
    {
        var wlan = Concat(Hex("0802 0000 ffffffffffff 021122334455 026677889900 1000 aaaa03000000 0800"), Udp4);
        (ushort Encapsulation, byte[] Body, LayerKind First)[] cases =
        [
            (TzspHeader.Encapsulation.RawIp, Udp4, LayerKind.Ipv4),
            (TzspHeader.Encapsulation.Ieee80211, wlan, LayerKind.Ieee80211),
            (TzspHeader.Encapsulation.Radiotap, Concat(Hex("00000c00 0e000000 0016 8509"), wlan), LayerKind.Radiotap),
            (TzspHeader.Encapsulation.Avs, Concat(Hex("80211001 00000040"), new byte[56], wlan), LayerKind.Avs),
            (TzspHeader.Encapsulation.Ppp, Concat(Hex("ff030021"), Udp4), LayerKind.Ppp),
            (TzspHeader.Encapsulation.Slip, Hex("61626364"), LayerKind.Payload),
            (99, Hex("61626364"), LayerKind.Payload),
        ];
        foreach (var (encapsulation, body, first) in cases)
        {
            var frame = Frame(Concat([1, 0, (byte)(encapsulation >> 8), (byte)encapsulation, 1], body));
            var packet = Decode.Frame(frame, LinkType.Ethernet);
            Assert.Equal(first, packet[5].Kind);
            Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
            if (first != LayerKind.Payload)
                Assert.Equal(LayerKind.Udp, packet[packet.LayerCount - 2].Kind);
        }
    }

    [Fact]
    public void AKeepaliveWalksNoTags()
    {
        var frame = Frame(Hex("01040001 0a0501"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(7, packet[4].HeaderLength);
        Assert.Equal(5, packet.LayerCount);
        Assert.Equal("4", Decode.Field(packet, frame, "tzsp.type"));
        Assert.Null(Decode.Field(packet, frame, "tzsp.option_tag"));
    }

    [Fact]
    public void DamagedTagsAreMalformedAndKeepWhatTsharkAdded()
    {
        var frame = Frame(Hex("01000001 0c0110 0a00"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[4].Status);
        Assert.Equal("12,10", Decode.Field(packet, frame, "tzsp.option_tag"));
        Assert.Equal("1,0", Decode.Field(packet, frame, "tzsp.option_length"));
        Assert.Equal("16", Decode.Field(packet, frame, "tzsp.wlan.rate"));
        Assert.Null(Decode.Field(packet, frame, "tzsp.wlan.signal"));
        // A header shorter than its fixed part shows nothing.
        frame = Frame(Hex("010000"));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Null(Decode.Field(packet, frame, "tzsp.version"));
    }

    [Fact]
    public void TheTreeListsEachTagWithItsItemsBelowIt()
    {
        var frame = Frame(Concat(Hex("01000001 00 0a01c4 0a00 01"), EthernetFrame(EtherType.Ipv4, Udp4)));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.True(RawNet.Protocols.Fields.OrderedItems.TryStart(packet, 4, frame, out var items));
        var seen = new List<string>();
        while (items.MoveNext())
            seen.Add($"{items.Depth}:{(items.Field.Name.Length == 0 ? TzspFields.TagName((byte)items.Value.Number) : items.Field.Name)}");
        Assert.Equal(["0:tzsp.version", "0:tzsp.type", "0:tzsp.encap", "0:Pad", "1:tzsp.option_tag", "0:Signal", "1:tzsp.option_tag",
            "1:tzsp.option_length", "1:tzsp.wlan.signal", "0:Signal", "1:tzsp.option_tag", "1:tzsp.option_length", "1:tzsp.wlan.signal", "0:End",
            "1:tzsp.option_tag"], seen);
    }

    [Fact]
    public void OnlyTheRegisteredPortIsTzsp()
    {
        var packet = Decode.Frame(Frame(Concat(Hex("01000001 01"), EthernetFrame(EtherType.Ipv4, Udp4)), destination: 37009), LinkType.Ethernet);
        Assert.Equal(LayerKind.Payload, packet[4].Kind);
    }

    [Fact]
    public void TruncatedAtEveryPrefix() =>
        Decode.EveryPrefix(Frame(Concat(Hex("01000001 0a01c4 5003616263 00 01"), EthernetFrame(EtherType.Ipv4, Udp4))), LinkType.Ethernet);
}
