using System.Text;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Vpp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Vpp;

public class VppTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>
    /// A VPP dispatch trace record: versions, string count (the strings given unless set), hint, buffer index, the
    /// strings each with its zero byte (node name, metadata, opaque, opaque2 and a trace), the packet data.
    /// </summary>
    public static byte[] Record(byte hint, byte[] data, string[]? strings = null, int? count = null, byte major = 1, byte minor = 0,
        uint index = 0x12345)
    {
        strings ??= ["ip4-input", "meta", "opaque", "opaque2"];
        var text = strings.SelectMany(s => Encoding.Latin1.GetBytes(s + "\0")).ToArray();
        return Concat([major, minor, (byte)(count ?? strings.Length), hint], U32(index), text, data);
    }

    [Fact]
    public void Deconstruct()
    {
        var record = Record(VppHeader.HintIpv6, Tcp6, ["node", "m", "o", "o2", "t"], minor: 3, index: 0xDEADBEEF);
        Assert.True(VppHeader.TryRead(record, out var header));
        Assert.Equal(1, header.MajorVersion);
        Assert.Equal(3, header.MinorVersion);
        Assert.Equal(5, header.StringCount);
        Assert.Equal(VppHeader.HintIpv6, header.ProtocolHint);
        Assert.Equal(VppHeader.HintIpv6, header.EffectiveHint);
        Assert.Equal(0xDEADBEEFu, header.BufferIndex);
        Assert.Equal(5, header.Strings);
        Assert.True(VppHeader.TryMeasureString(record, VppHeader.Field.NodeName, out int length));
        Assert.Equal(5, length);
        Assert.False(VppHeader.TryRead(record.AsSpan(0, 7), out _));
        Assert.False(VppHeader.TryMeasureString("abc"u8, 0, out _));
        Assert.False(VppHeader.TryMeasureString("abc\0"u8, 4, out _));
        Assert.True(VppHeader.TryRead(Record(200, []), out var outOfRange));
        Assert.Equal(VppHeader.HintNone, outOfRange.EffectiveHint);
        Assert.Equal(4, outOfRange.Strings);
    }

    [Fact]
    public void LinesSplitAtCrLfAndCrLf()
    {
        var lines = new VppLines("a\r\nb\rc\n\nd\0"u8);
        var seen = new List<(int, int)>();
        while (lines.MoveNext())
            seen.Add((lines.Start, lines.Length));
        Assert.Equal([(0, 1), (3, 1), (5, 1), (7, 0), (8, 2)], seen);
    }

    [Fact]
    public void ParseHeaderStringsAndData()
    {
        var record = Record(VppHeader.HintNone, Udp4, ["ip4-input", "l1\nl2", "o", "o2", "t1\r\nt2"]);
        var packet = Decode.Frame(record, LinkType.VppDispatch);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Vpp, LayerKind.VppMetadata, LayerKind.VppOpaque, LayerKind.VppOpaque2, LayerKind.VppTrace,
            LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x00012345", Decode.Field(packet, record, "vpp.BufferIndex"));
        Assert.Equal("ip4-input", Decode.Field(packet, record, "vpp.NodeName"));
        Assert.Equal("l1,l2", Decode.Field(packet, record, "vpp.metadata"));
        Assert.Equal("t1,t2", Decode.Field(packet, record, "vpp.trace"));
        Assert.Null(Decode.Field(packet, record, "vpp.MajorVersion"));
        Assert.Null(Decode.Field(packet, record, "vpp.MinorVersion"));
        Assert.Null(Decode.Field(packet, record, "vpp.ProtocolHint"));
    }

    [Fact]
    public void HintChoosesTheData()
    {
        var ethernet = EthernetFrame(EtherType.Ipv6, Tcp6);
        Assert.Equal(LayerKind.Ethernet, Decode.Frame(Record(VppHeader.HintEthernet, ethernet), LinkType.VppDispatch)[5].Kind);
        Assert.Equal(LayerKind.Ethernet, Decode.Frame(Record(VppHeader.HintNone, ethernet), LinkType.VppDispatch)[5].Kind);
        Assert.Equal(LayerKind.Ipv6, Decode.Frame(Record(VppHeader.HintNone, Tcp6), LinkType.VppDispatch)[5].Kind);
        Assert.Equal(LayerKind.Ipv6, Decode.Frame(Record(VppHeader.HintIpv4, Tcp6), LinkType.VppDispatch)[5].Kind);
        Assert.Equal(LayerKind.Ipv6, Decode.Frame(Record(VppHeader.HintIpv6, Tcp6), LinkType.VppDispatch)[5].Kind);
        // out of range: noted, then read as 0
        var outOfRange = Record(9, Udp4);
        var packet = Decode.Frame(outOfRange, LinkType.VppDispatch);
        Assert.Equal("9", Decode.Field(packet, outOfRange, "vpp.ProtocolHint"));
        Assert.Equal(LayerKind.Ipv4, packet[5].Kind);
        // TCP and UDP with no IP header are left as data
        var udp = Decode.Frame(Record(VppHeader.HintUdp, UdpDatagram(1, 2, [1])), LinkType.VppDispatch);
        Assert.Equal(DecodeOutcome.Unsupported, udp.Outcome);
        Assert.Equal(LayerKind.Payload, udp[5].Kind);
    }

    [Fact]
    public void VersionsTsharkDoesNotExpect()
    {
        var other = Record(VppHeader.HintNone, Udp4, major: 2);
        var packet = Decode.Frame(other, LinkType.VppDispatch);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Vpp], Decode.Kinds(packet));
        Assert.Equal("2", Decode.Field(packet, other, "vpp.MajorVersion"));
        Assert.Null(Decode.Field(packet, other, "vpp.BufferIndex"));
        var minor = Record(VppHeader.HintNone, Udp4, minor: 7);
        Assert.Equal("7", Decode.Field(Decode.Frame(minor, LinkType.VppDispatch), minor, "vpp.MinorVersion"));
    }

    [Fact]
    public void ShortAndCutRecords()
    {
        CutAtEveryLength(Record(VppHeader.HintNone, Udp4, ["n", "m", "o", "o2", "t"]));
        CutAtEveryLength(Record(VppHeader.HintEthernet, EthernetFrame(EtherType.Ipv6, Tcp6)));
        // a string without its zero byte: the record ends there, malformed, with the strings before it
        var record = Record(VppHeader.HintNone, [], ["n", "m"]);
        var packet = Decode.Frame(record, LinkType.VppDispatch);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Vpp, LayerKind.VppMetadata], Decode.Kinds(packet));
        Assert.Equal("n", Decode.Field(packet, record, "vpp.NodeName"));
        // no packet data after the strings: tshark's look at its first byte fails
        Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(Record(VppHeader.HintNone, []), LinkType.VppDispatch).Outcome);
        // a node name cut short: no node name
        byte[] cut = [1, 0, 4, 0, 0, 0, 0, 1, (byte)'a'];
        packet = Decode.Frame(cut, LinkType.VppDispatch);
        Assert.Equal("0x00000001", Decode.Field(packet, cut, "vpp.BufferIndex"));
        Assert.Null(Decode.Field(packet, cut, "vpp.NodeName"));
        // a major version alone is whole
        Assert.Equal(DecodeOutcome.Ok, Decode.Frame([2], LinkType.VppDispatch).Outcome);
        Assert.Equal(DecodeOutcome.Malformed, Decode.Frame([1], LinkType.VppDispatch).Outcome);
        Assert.Equal(DecodeOutcome.Truncated, Decode.Frame([1, 0, 4], LinkType.VppDispatch, originalLength: 4).Outcome);
        Assert.Equal(DecodeOutcome.Malformed, Decode.Frame([1, 0, 4, 0, 0], LinkType.VppDispatch, originalLength: 6).Outcome);
    }

    /// <summary>
    /// Every prefix of <paramref name="record"/> as a capture cut: truncated until its headers are whole, its layers those of
    /// the whole record up to the cut. (Not <see cref="Decode.EveryPrefix"/>: tshark shows no string protocol whose zero
    /// byte was cut, where that check expects the cut layer kept.)
    /// </summary>
    private static void CutAtEveryLength(byte[] record)
    {
        var full = Decode.Frame(record, LinkType.VppDispatch);
        var whole = Decode.Kinds(full);
        int headersEnd = full.Layers.ToArray().Where(l => l.Kind is not (LayerKind.Frame or LayerKind.Payload)).Max(l => l.Offset + l.HeaderLength);
        for (int prefix = 0; prefix < record.Length; prefix++)
        {
            var packet = Decode.Frame(record[..prefix], LinkType.VppDispatch, originalLength: record.Length);
            var kinds = Decode.Kinds(packet);
            if (prefix < headersEnd)
                Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            Assert.True(kinds.Length <= whole.Length, $"prefix {prefix}: more layers than the whole record");
            Assert.Equal(whole[..kinds.Length], kinds);
        }
    }

    [Fact]
    public void LinesShowThroughFormatText()
    {
        var record = Record(VppHeader.HintNone, Udp4, ["n\u0001\u0085\tx", "a\u0001b\u0085c\td", "", "\\x\u007f"]);
        var packet = Decode.Frame(record, LinkType.VppDispatch);
        Assert.Equal("n\u0001\uFFFD\\tx", Decode.Field(packet, record, "vpp.NodeName"));
        Assert.Equal("a\\001b\uFFFDc\\td", Decode.Field(packet, record, "vpp.metadata"));
        Assert.Equal("", Decode.Field(packet, record, "vpp.opaque"));
        Assert.Equal("\\x\\177", Decode.Field(packet, record, "vpp.opaque2"));
    }

    [Fact]
    public void HostileRecordsEndInBoundedTime()
    {
        var random = new Random(280);
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 2000; i++)
        {
            var frame = new byte[random.Next(0, 300)];
            random.NextBytes(frame);
            if (frame.Length > 0)
                frame[0] = 1;
            // sprinkle zero bytes so strings end at random places
            for (int z = 0; z < frame.Length / 8; z++)
                frame[random.Next(frame.Length)] = 0;
            var packet = Decode.Frame(frame, LinkType.VppDispatch, originalLength: frame.Length + random.Next(0, 3));
            Decode.AllFields(packet, frame, text);
        }
    }
}
