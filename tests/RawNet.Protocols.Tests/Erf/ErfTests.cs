using RawNet.Protocols.Decoding;
using RawNet.Protocols.Erf;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Erf;

public class ErfTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>An ERF record: header (wlen the subheader and payload unless given), extension headers chained by their top bit, subheader, payload.</summary>
    public static byte[] Record(byte type, byte[] payload, byte[]? subheader = null, byte[][]? extensions = null, byte flags = 0x04,
        ushort lossCounter = 0, int? wireLength = null)
    {
        subheader ??= new byte[ErfHeader.SubheaderLength(type)];
        var chain = new List<byte>();
        extensions ??= [];
        for (int i = 0; i < extensions.Length; i++)
        {
            var ext = (byte[])extensions[i].Clone();
            ext[0] = (byte)((ext[0] & ErfHeader.TypeMask) | (i + 1 < extensions.Length ? ErfHeader.MoreExtensions : 0));
            chain.AddRange(ext);
        }
        byte typeByte = (byte)(type | (extensions.Length > 0 ? ErfHeader.MoreExtensions : 0));
        int rlen = ErfHeader.Length + chain.Count + subheader.Length + payload.Length;
        return Concat(Hex("00000000 00f15365"), [typeByte, flags], U16((ushort)rlen), U16(lossCounter),
            U16((ushort)(wireLength ?? subheader.Length + payload.Length)), chain.ToArray(), subheader, payload);
    }

    public static byte[] Extension(byte type) => [type, 1, 2, 3, 4, 5, 6, 7];

    [Fact]
    public void Deconstruct()
    {
        var record = Record(ErfHeader.Types.ColorEthernet, EthernetFrame(EtherType.Ipv4, Udp4), subheader: [0x12, 0x34],
            extensions: [Extension(0x21), Extension(0x05)], flags: 0x0b, lossCounter: 0x0abc);
        Assert.True(ErfHeader.TryRead(record, out var erf));
        Assert.Equal(0x6553f10000000000UL, erf.Timestamp);
        Assert.Equal(ErfHeader.Types.ColorEthernet, erf.Type);
        Assert.True(erf.HasExtensions);
        Assert.Equal(0x0b, erf.Flags);
        Assert.Equal(record.Length, erf.RecordLength);
        Assert.Equal(0x0abc, erf.LossCounter);
        Assert.Equal(2 + 14 + Udp4.Length, erf.WireLength);
        Assert.Equal(16 + 16 + 2, ErfHeader.PseudoHeaderLength(record, out int extensions));
        Assert.Equal(2, extensions);
        Assert.False(ErfHeader.TryRead(record.AsSpan(0, ErfHeader.Length - 1), out _));
    }

    [Fact]
    public void ParseEthernetAndIp()
    {
        var record = Record(ErfHeader.Types.Ethernet, EthernetFrame(EtherType.Ipv4, Udp4), extensions: [Extension(0x40)]);
        var packet = Decode.Frame(record, LinkType.Erf);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Erf, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(26, packet[1].HeaderLength);
        Assert.Equal("0x82", Decode.Field(packet, record, "erf.types"));
        Assert.Equal("2", Decode.Field(packet, record, "erf.types.type"));
        Assert.Equal("1", Decode.Field(packet, record, "erf.types.ext_header"));
        Assert.Equal("0x6553f10000000000", Decode.Field(packet, record, "erf.ts"));
        Assert.Equal("64", Decode.Field(packet, record, "erf.ehdr.types"));
        Assert.Equal("0x4001020304050607", Decode.Field(packet, record, "erf.ehdr.unknown.data"));
        Assert.Equal("0", Decode.Field(packet, record, "erf.lctr"));
        Assert.Null(Decode.Field(packet, record, "erf.color"));
        Assert.Equal("0", Decode.Field(packet, record, "erf.eth.off"));

        record = Record(ErfHeader.Types.Ipv6, Tcp6);
        packet = Decode.Frame(record, LinkType.Erf);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Erf, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Null(Decode.Field(packet, record, "erf.eth.off"));

        // Type 22 goes to tshark's "ip" dissector, which takes IPv6 too.
        record = Record(ErfHeader.Types.Ipv4, Tcp6);
        Assert.Equal([LayerKind.Frame, LayerKind.Erf, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(Decode.Frame(record, LinkType.Erf)));
    }

    [Theory]
    [InlineData(ErfHeader.Types.ColorEthernet)]
    [InlineData(ErfHeader.Types.DsmColorEthernet)]
    [InlineData(ErfHeader.Types.ColorHashEthernet)]
    public void ColourTypesShowAColourAndCarryEthernet(byte type)
    {
        var record = Record(type, EthernetFrame(EtherType.Ipv6, Tcp6), subheader: [0x12, 0x34], lossCounter: 0x0abc);
        var packet = Decode.Frame(record, LinkType.Erf);
        Assert.Equal([LayerKind.Frame, LayerKind.Erf, LayerKind.Ethernet, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal("0x0abc", Decode.Field(packet, record, "erf.color"));
        Assert.Null(Decode.Field(packet, record, "erf.lctr"));
        Assert.Equal("18", Decode.Field(packet, record, "erf.eth.off"));
        Assert.Equal("0x34", Decode.Field(packet, record, "erf.eth.pad"));
    }

    [Fact]
    public void TheFrameIsThePacketAfterThePseudoHeaderAsWiretapHandsItOver()
    {
        // Padded after the packet, with an extension header: wlen says how long the frame is, the ERF timestamp when it was.
        var record = Concat(Record(ErfHeader.Types.Ethernet, EthernetFrame(EtherType.Ipv4, Udp4), extensions: [Extension(0x21)]), new byte[7]);
        BitConverter.TryWriteBytes(record.AsSpan(0, 8), (1_700_000_007UL << 32) | 0x8000_0000);
        var packet = Decode.Frame(record, LinkType.Erf);
        Assert.Equal(26, packet.FrameStart);
        Assert.Equal(1_700_000_007_500_000_000L, packet.WiretapFrame.TimestampNanoseconds);
        Assert.Equal(2 + 14 + Udp4.Length, packet.WiretapFrame.OriginalLength);
        Assert.Equal(2 + 14 + Udp4.Length, packet.WiretapFrame.CapturedLength);
        Assert.Equal(record.Length, packet.Metadata.CapturedLength);
        Assert.Equal("1700000007.500000000", Decode.Field(packet, record, "frame.time_epoch"));
        Assert.Equal((2 + 14 + Udp4.Length).ToString(), Decode.Field(packet, record, "frame.len"));
        Assert.Equal(0, packet.PositionOf(packet[1]));
        Assert.Equal(0, packet.PositionOf(packet[2]));
        Assert.Equal(14, packet.PositionOf(packet[3]));
        Assert.Equal(26 + 2 + 14 + Udp4.Length, packet.BufferOf(packet[2], record).Length);
        Assert.Equal(record.AsSpan(26, 2 + 14 + Udp4.Length).ToArray(), packet.WiretapBytes(record).ToArray());
    }

    [Theory]
    [InlineData(0x0000_0000u, 7, 0)]
    [InlineData(0x0000_0001u, 7, 0)]
    [InlineData(0x0000_0002u, 7, 0)]
    [InlineData(0x1234_5678u, 7, 71_111_111)]
    [InlineData(0xFFFF_FFF0u, 7, 999_999_996)]
    [InlineData(0xFFFF_FFFFu, 8, 0)]
    public void TimestampsRoundToTheNanosecondAsWiretapRoundsThem(uint fraction, long seconds, long nanoseconds)
    {
        var record = Record(ErfHeader.Types.Ipv4, Udp4, wireLength: 100);
        BitConverter.TryWriteBytes(record.AsSpan(0, 8), (7UL << 32) | fraction);
        var pcap = new FrameMetadata(123, record.Length, record.Length + 50, LinkType.Erf);
        var frame = ErfHeader.WiretapFrame(record, pcap, ErfHeader.Length);
        Assert.Equal(seconds * 1_000_000_000 + nanoseconds, frame.TimestampNanoseconds);
        Assert.Equal(100, frame.OriginalLength);
        Assert.Equal(Udp4.Length, frame.CapturedLength);
        Assert.Equal(pcap, ErfHeader.WiretapFrame(record.AsSpan(0, 15), pcap, ErfHeader.Length));
    }

    [Fact]
    public void TheWireLengthBoundsThePacket()
    {
        // Shorter than the packet: IPv4's total length runs past the frame tshark sees.
        var record = Record(ErfHeader.Types.Ipv4, Udp4, wireLength: 20);
        var packet = Decode.Frame(record, LinkType.Erf);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(16 + 20, packet[2].Offset + packet[2].Extent);
        // Longer than the record holds: the packet is cut by the capture, not malformed.
        record = Record(ErfHeader.Types.Ipv4, Udp4[..24], wireLength: Udp4.Length);
        Assert.Equal(DecodeOutcome.Truncated, Decode.Frame(record, LinkType.Erf).Outcome);
        record = Record(ErfHeader.Types.Ipv4, Udp4, wireLength: 0xffff);
        Assert.Equal(DecodeOutcome.Ok, Decode.Frame(record, LinkType.Erf).Outcome);
    }

    [Fact]
    public void ExtensionHeadersShowUpToSixteenAndUnknownTypesTheirBytes()
    {
        var chain = Enumerable.Range(0, 18).Select(n => Extension((byte)(n == 1 ? 5 : 0x20 + n))).ToArray();
        var record = Record(ErfHeader.Types.Ipv4, Udp4, extensions: chain);
        var packet = Decode.Frame(record, LinkType.Erf);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(16 + 18 * 8, packet[1].HeaderLength);
        Assert.Equal(16, Decode.Field(packet, record, "erf.ehdr.types")!.Split(',').Length);
        Assert.StartsWith("32,5,34,", Decode.Field(packet, record, "erf.ehdr.types"));
        // Type 5 (raw link) has fields of its own in tshark: no unknown data for it.
        Assert.Equal(15, Decode.Field(packet, record, "erf.ehdr.unknown.data")!.Split(',').Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(48)]
    public void TypesTsharkShowsNothingAfterCarryNothing(byte type)
    {
        var packet = Decode.Frame(Record(type, [1, 2, 3, 4]), LinkType.Erf);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Erf], Decode.Kinds(packet));
    }

    [Theory]
    [InlineData(8, 20)]
    [InlineData(6, 20)]
    [InlineData(99, 16)]
    [InlineData(26, 16)]
    public void OtherTypesAreDataAfterTheirSubheader(byte type, int start)
    {
        var packet = Decode.Frame(Record(type, [1, 2, 3, 4]), LinkType.Erf);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Erf, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(start, packet[2].Offset);
    }

    /// <summary>
    /// Every prefix of <paramref name="record"/>, the record's own length on the wire either the whole or the prefix: the
    /// layers that fit are the whole record's; inside the pseudo-header the outcome is truncated or malformed as the pcap
    /// record says, past it truncated either way, since the ERF wire length, not the pcap record's, bounds the packet.
    /// </summary>
    private static void EveryPrefix(byte[] record)
    {
        var reference = Decode.Frame(record, LinkType.Erf);
        Assert.Equal(DecodeOutcome.Ok, reference.Outcome);
        var expected = Decode.Kinds(reference);
        int pseudoHeader = reference[1].HeaderLength;
        int headersEnd = reference.Layers.ToArray().Where(l => l.Kind != LayerKind.Payload).Max(l => l.Offset + l.HeaderLength);
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int prefix = 0; prefix < record.Length; prefix++)
        {
            var frame = record[..prefix];
            foreach (int original in new[] { record.Length, prefix })
            {
                var packet = Decode.Frame(frame, LinkType.Erf, originalLength: original);
                var kinds = Decode.Kinds(packet);
                Assert.Equal(expected[..kinds.Length], kinds);
                var want = prefix < headersEnd ? prefix < pseudoHeader && original == prefix ? DecodeOutcome.Malformed : DecodeOutcome.Truncated
                    : DecodeOutcome.Ok;
                Assert.True(want == packet.Outcome, $"prefix {prefix}, original {original}: {packet.Outcome}, expected {want}");
                Decode.AllFields(packet, frame, text);
            }
        }
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        EveryPrefix(Record(ErfHeader.Types.Ethernet, EthernetFrame(EtherType.Ipv4, Udp4)));
        EveryPrefix(Record(ErfHeader.Types.Ipv6, Tcp6, extensions: [Extension(0x21), Extension(0x7e)]));
        var whole = Record(ErfHeader.Types.Ethernet, EthernetFrame(EtherType.Ipv4, Udp4), extensions: [Extension(0x21)]);
        for (int cut = 0; cut < 26; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.Erf, originalLength: whole.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            Assert.Equal([LayerKind.Frame, LayerKind.Erf], Decode.Kinds(packet));
            Assert.Equal(cut > ErfHeader.Field.Type ? "0x82" : null, Decode.Field(packet, frame, "erf.types"));
            Assert.Equal(cut >= 24 ? "33" : null, Decode.Field(packet, frame, "erf.ehdr.types"));
            Assert.Null(Decode.Field(packet, frame, "erf.eth.off"));
        }
    }

    [Fact]
    public void RecordsShorterThanTheirPseudoHeaderAreMalformed()
    {
        var endless = Concat(Record(ErfHeader.Types.Ipv4, [])[..16], Hex("8000000000000000 8000000000000000"));
        endless[8] |= ErfHeader.MoreExtensions;
        foreach (var record in new[] { Record(ErfHeader.Types.Ipv4, Udp4)[..15], Record(ErfHeader.Types.Ethernet, [])[..17], endless })
        {
            var packet = Decode.Frame(record, LinkType.Erf);
            Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
            Assert.Equal(LayerKind.Erf, packet.StoppedAt);
            Assert.Equal([LayerKind.Frame, LayerKind.Erf], Decode.Kinds(packet));
        }
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(197);
        var bytes = new byte[120];
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 3000; i++)
        {
            random.NextBytes(bytes);
            if (i % 2 == 0)
                bytes[8] = (byte)(bytes[8] & 0x80 | new byte[] { 2, 11, 16, 20, 22, 23, 8 }[i % 7]);
            if (i % 5 == 0)
            {
                // an extension chain that never ends within the record
                bytes[8] |= 0x80;
                for (int at = 16; at < bytes.Length; at += 8)
                    bytes[at] |= 0x80;
            }
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, LinkType.Erf, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
        }
    }
}
