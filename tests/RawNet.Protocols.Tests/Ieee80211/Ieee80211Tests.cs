using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ieee80211;
using RawNet.Protocols.Radiotap;
using static RawNet.Protocols.Tests.Ieee80211.WirelessFrames;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ieee80211;

public class Ieee80211Tests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    private static readonly LayerKind[] UdpOverWlan =
        [LayerKind.Frame, LayerKind.Ieee80211, LayerKind.Llc, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload];

    [Fact]
    public void DeconstructHeaderLengthsByType()
    {
        // IEEE 802.11-2020 9.3: 24 bytes, 30 with four addresses, 2 more for QoS, 4 more for HT control.
        Assert.True(Ieee80211Header.TryRead(DataHeader(0), out var plain));
        Assert.Equal((Ieee80211FrameType.Data, 0, 24), (plain.Type, plain.Subtype, plain.Length));
        Assert.True(Ieee80211Header.TryRead(DataHeader(3, qos: 5), out var wds));
        Assert.Equal((30, 32, true), (wds.QosOffset, wds.Length, wds.HasQos));
        Assert.True(Ieee80211Header.TryRead(DataHeader(0x81, qos: 5, htControl: 1), out var htc));
        Assert.Equal((true, 30), (htc.HasHtControl, htc.Length));
        Assert.True(Ieee80211Header.TryRead(Hex("d400"), out var ack));
        Assert.Equal((Ieee80211FrameType.Control, 10), (ack.Type, ack.Length));
        Assert.True(Ieee80211Header.TryRead(Hex("b400"), out var rts));
        Assert.Equal(16, rts.Length);
        Assert.True(Ieee80211Header.TryRead(Hex("8000"), out var beacon));
        Assert.Equal((Ieee80211FrameType.Management, 24), (beacon.Type, beacon.Length));
        Assert.False(Ieee80211Header.TryRead(Hex("08"), out _));
    }

    [Theory]
    [InlineData(0, A1, A2, A3, null)]
    [InlineData(1, A3, A2, A1, A2)]
    [InlineData(2, A1, A3, A2, A1)]
    [InlineData(3, A3, A4, null, null)]
    public void AddressesFollowTheDsBits(byte ds, string da, string sa, string? bssid, string? station)
    {
        // The address table of IEEE 802.11-2020 9.3.2.1 (Table 9-30), and tshark's STA address: the station's side of the AP.
        var frame = Concat(DataHeader(ds), Snap(EtherType.Ipv4), Udp4);
        var packet = Decode.Frame(frame, LinkType.Ieee80211);
        Assert.Equal(UdpOverWlan, Decode.Kinds(packet));
        Assert.Equal(da, Decode.Field(packet, frame, "wlan.da"));
        Assert.Equal(sa, Decode.Field(packet, frame, "wlan.sa"));
        Assert.Equal(bssid, Decode.Field(packet, frame, "wlan.bssid"));
        Assert.Equal(station, Decode.Field(packet, frame, "wlan.staa"));
        Assert.Equal(A1, Decode.Field(packet, frame, "wlan.ra"));
        Assert.Equal(A2, Decode.Field(packet, frame, "wlan.ta"));
        Assert.Equal(ds == 3 ? $"{A1},{A2},{A4},{A3}" : $"{A1},{A2},{A3}", Decode.Field(packet, frame, "wlan.addr"));
        Assert.Equal("291", Decode.Field(packet, frame, "wlan.seq"));
        Assert.Equal("4", Decode.Field(packet, frame, "wlan.frag"));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "llc.type"));
    }

    [Fact]
    public void QosAndHtControlComeBeforeLlc()
    {
        var frame = Concat(DataHeader(0x81, qos: 0x0025, htControl: 0x12345678), Snap(EtherType.Ipv6), Tcp6);
        var packet = Decode.Frame(frame, LinkType.Ieee80211);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ieee80211, LayerKind.Llc, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal("0x0025", Decode.Field(packet, frame, "wlan.qos"));
        Assert.Equal("5", Decode.Field(packet, frame, "wlan.qos.tid"));
        Assert.Equal("0x0001", Decode.Field(packet, frame, "wlan.qos.ack"));
        Assert.Equal("0x12345678", Decode.Field(packet, frame, "wlan.htc"));
        Assert.Equal("0x0028", Decode.Field(packet, frame, "wlan.fc.type_subtype"));
    }

    [Fact]
    public void RadiotapFcsFlagEndsTheFrameFourBytesEarly()
    {
        var radiotap = RadiotapHeaderOf([RadiotapHeader.FlagsBit], [RadiotapHeader.Flags.FcsAtEnd]);
        var frame = Concat(radiotap, DataHeader(1), Snap(EtherType.Ipv4), Udp4, Hex("11223344"));
        var packet = Decode.Frame(frame, LinkType.Ieee80211Radiotap);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Radiotap, .. UdpOverWlan[1..]], Decode.Kinds(packet));
        Assert.Equal("0x44332211", Decode.Field(packet, frame, "wlan.fcs"));
        Assert.Equal("1", Decode.Field(packet, frame, "radiotap.flags.fcs"));
        Assert.Equal("9", Decode.Field(packet, frame, "radiotap.length"));
        // The payload ends before the FCS: the UDP datagram's 3 bytes, not 7.
        Assert.Equal(3, packet[packet.LayerCount - 1].Extent);
    }

    [Fact]
    public void RadiotapFlagsFollowAnAlignedTsft()
    {
        // Present: TSFT and Flags; TSFT is aligned to 8 from the header's start, so 8..16, then Flags at 16.
        var radiotap = RadiotapHeaderOf([RadiotapHeader.TsftBit | RadiotapHeader.FlagsBit], Concat(new byte[8], [0x30]));
        Assert.True(RadiotapHeader.TryRead(radiotap, out var header));
        Assert.Equal((1, 16, (byte)0x30), (header.PresentWords, header.FlagsOffset, header.FlagsValue));
        // The data pad flag: the 26-byte QoS header is padded to 28 before LLC.
        var frame = Concat(radiotap, DataHeader(1, qos: 0), Hex("0000"), Snap(EtherType.Ipv4), Udp4, Hex("00000000"));
        var packet = Decode.Frame(frame, LinkType.Ieee80211Radiotap);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(28, packet[packet.IndexOf(LayerKind.Ieee80211)].HeaderLength);
    }

    [Fact]
    public void ExtendedBitmapsAreCountedAndBounded()
    {
        var three = RadiotapHeaderOf([0xa000_0020, 0xa000_0820, 0x0000_0820], new byte[8]);
        Assert.True(RadiotapHeader.TryRead(three, out var header));
        Assert.Equal(3, header.PresentWords);
        // A bitmap that never ends inside the header has no words tshark shows, and the frame still decodes after it.
        var endless = RadiotapHeaderOf(Enumerable.Repeat(RadiotapHeader.ExtensionBit, 3).ToArray(), []);
        var frame = Concat(endless, DataHeader(1), Snap(EtherType.Ipv4), Udp4);
        Assert.True(RadiotapHeader.TryRead(endless, out header));
        Assert.Equal(0, header.PresentWords);
        Assert.Equal(UdpOverWlan[1..], Decode.Kinds(Decode.Frame(frame, LinkType.Ieee80211Radiotap))[2..]);
        // One longer than RawNet walks.
        var long_ = RadiotapHeaderOf(Enumerable.Repeat(RadiotapHeader.ExtensionBit, RadiotapHeader.MaxPresentWords).Append(0u).ToArray(), []);
        Assert.True(RadiotapHeader.TryRead(long_, out header));
        Assert.Equal(0, header.PresentWords);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(200)]
    [InlineData(0xFFFF)]
    public void HostileRadiotapLengthsStopAtTheRadiotapLayer(int length)
    {
        var frame = Concat(RadiotapHeaderOf([0], [], length), DataHeader(1), Snap(EtherType.Ipv4), Udp4);
        var packet = Decode.Frame(frame, LinkType.Ieee80211Radiotap);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerKind.Radiotap, packet.StoppedAt);
        Assert.Equal([LayerKind.Frame, LayerKind.Radiotap], Decode.Kinds(packet));
    }

    [Fact]
    public void PpiFcsFlagPrismAndAvs()
    {
        var body = Concat(DataHeader(1), Snap(EtherType.Ipv4), Udp4);
        var ppi = Concat(PpiHeaderOf(fcs: true), body, Hex("01020304"));
        var packet = Decode.Frame(ppi, LinkType.Ppi);
        Assert.Equal([LayerKind.Frame, LayerKind.Ppi, .. UdpOverWlan[1..]], Decode.Kinds(packet));
        Assert.Equal("0x04030201", Decode.Field(packet, ppi, "wlan.fcs"));
        Assert.Equal("105", Decode.Field(packet, ppi, "ppi.dlt"));

        var prism = Concat(Le32(0x41), Le32(144), new byte[136], body);
        Assert.Equal([LayerKind.Frame, LayerKind.Prism, .. UdpOverWlan[1..]], Decode.Kinds(Decode.Frame(prism, LinkType.Prism)));
        var avs = Concat(U32(0x80211001), U32(64), new byte[56], body);
        Assert.Equal([LayerKind.Frame, LayerKind.Avs, .. UdpOverWlan[1..]], Decode.Kinds(Decode.Frame(avs, LinkType.Prism)));
        Assert.Equal([LayerKind.Frame, LayerKind.Avs, .. UdpOverWlan[1..]], Decode.Kinds(Decode.Frame(avs, LinkType.Avs)));
        Assert.Equal("64", Decode.Field(Decode.Frame(avs, LinkType.Avs), avs, "wlancap.length"));
    }

    [Fact]
    public void FramesRawNetDoesNotDecodeStayWhatTheyAre()
    {
        // Management: no data layer (tshark shows its body as wlan fields).
        var beacon = Concat(Hex("8000 0000"), Mac(A1), Mac(A2), Mac(A3), Hex("1000"), new byte[12]);
        var packet = Decode.Frame(beacon, LinkType.Ieee80211);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ieee80211], Decode.Kinds(packet));
        // Protected: the WEP IV joins the header, the body up to the ICV is data.
        var wep = Concat(DataHeader(0x41), Hex("19180040"), new byte[10], Hex("aabbccdd"));
        packet = Decode.Frame(wep, LinkType.Ieee80211);
        Assert.Equal([LayerKind.Frame, LayerKind.Ieee80211, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal((28, 10), (packet[1].HeaderLength, packet[2].HeaderLength));
        // Another protocol version: the frame control, then data.
        var other = Concat(Hex("0b00"), new byte[20]);
        packet = Decode.Frame(other, LinkType.Ieee80211);
        Assert.Equal([LayerKind.Frame, LayerKind.Ieee80211, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("3", Decode.Field(packet, other, "wlan.fc.version"));
        Assert.Null(Decode.Field(packet, other, "wlan.fc.type"));
        // LLC without SNAP on a SAP RawNet does not decode (XNS); a BPDU on SAP 0x42 is STP, as behind Ethernet.
        var xns = Concat(DataHeader(1), Hex("808003"), new byte[35]);
        packet = Decode.Frame(xns, LinkType.Ieee80211);
        Assert.Equal([LayerKind.Frame, LayerKind.Ieee80211, LayerKind.Llc, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Null(Decode.Field(packet, xns, "llc.type"));
        var stp = Concat(DataHeader(1), Hex("424203"), new byte[35]);
        packet = Decode.Frame(stp, LinkType.Ieee80211);
        Assert.Equal([LayerKind.Frame, LayerKind.Ieee80211, LayerKind.Llc, LayerKind.Stp], Decode.Kinds(packet));
    }

    [Theory]
    [InlineData(LinkType.Ieee80211)]
    [InlineData(LinkType.Ieee80211Radiotap)]
    [InlineData(LinkType.Ppi)]
    [InlineData(LinkType.Prism)]
    [InlineData(LinkType.Avs)]
    public void TruncatedAtEveryPrefixKeepsWhatFits(LinkType link)
    {
        var body = Concat(DataHeader(1, qos: 3), Snap(EtherType.Ipv4), Udp4);
        byte[] frame = link switch
        {
            LinkType.Ieee80211Radiotap => Concat(RadiotapHeaderOf([RadiotapHeader.TsftBit | RadiotapHeader.FlagsBit], Concat(new byte[8], [0x10])), body, new byte[4]),
            LinkType.Ppi => Concat(PpiHeaderOf(fcs: false), body),
            LinkType.Prism => Concat(Le32(0x41), Le32(144), new byte[136], body),
            LinkType.Avs => Concat(U32(0x80211001), U32(64), new byte[56], body),
            _ => body,
        };
        var whole = Decode.Frame(frame, link);
        Assert.Equal(DecodeOutcome.Ok, whole.Outcome);
        Span<char> text = stackalloc char[256];
        // Every cut through the headers (the UDP payload's 3 bytes and radiotap's FCS are not headers).
        int headersEnd = frame.Length - 3 - (link == LinkType.Ieee80211Radiotap ? 4 : 0);
        for (int cut = 0; cut < headersEnd; cut++)
        {
            var packet = Decode.Frame(frame[..cut], link, originalLength: frame.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            // The layers that fit are the whole frame's, in order.
            var kinds = Decode.Kinds(packet);
            Assert.Equal(Decode.Kinds(whole)[..kinds.Length], kinds);
            Decode.AllFields(packet, frame.AsSpan(0, cut), text);
        }
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(80211);
        var packet = new DecodedPacket();
        var decoder = new PacketDecoder();
        Span<char> text = stackalloc char[256];
        foreach (var link in new[] { LinkType.Ieee80211, LinkType.Ieee80211Radiotap, LinkType.Ppi, LinkType.Prism, LinkType.Avs })
        {
            for (int i = 0; i < 3000; i++)
            {
                var frame = new byte[random.Next(0, 200)];
                random.NextBytes(frame);
                if (frame.Length > 4 && link == LinkType.Ieee80211Radiotap)
                    frame[0] = 0; // mostly version 0, so the bitmaps are walked
                decoder.Decode(frame, new FrameMetadata(0, frame.Length, frame.Length + random.Next(0, 8), link), i, packet);
                Decode.AllFields(packet, frame, text);
            }
        }
    }
}
