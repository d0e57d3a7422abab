using RawNet.Protocols.Decoding;
using RawNet.Protocols.TokenRing;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.TokenRing;

public class TokenRingTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>LLC with SNAP for an EtherType, in an unnumbered information frame.</summary>
    public static byte[] Snap(EtherType type) => Concat([0xAA, 0xAA, 0x03, 0, 0, 0], U16((ushort)type));

    /// <summary>
    /// A Token Ring frame from 02:00:00:ab:cd:ef to c0:00:00:00:12:34: access control 0x10, the frame control's type
    /// (1 for LLC), and when <paramref name="route"/> is given the source-routed bit and that routing information.
    /// </summary>
    public static byte[] Frame(byte[] payload, byte[]? route = null, byte frameControl = 0x40) =>
        Concat([0x10, frameControl], Hex("c00000001234"), [(byte)(route is null ? 0x02 : 0x82)], Hex("0000abcdef"), route ?? [], payload);

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(Concat(Snap(EtherType.Ipv4), Udp4), Hex("c6b0 0011 234f"));
        Assert.True(TokenRingHeader.TryRead(frame, out var tr));
        Assert.Equal(0x10, tr.AccessControl);
        Assert.Equal(0x40, tr.FrameControl);
        Assert.Equal(TokenRingHeader.LlcFrame, tr.FrameType);
        Assert.Equal(Hex("c00000001234"), tr.Destination.ToArray());
        Assert.Equal(Hex("820000abcdef"), tr.Source.ToArray());
        Assert.True(tr.IsSourceRouted);
        Assert.Equal(6, tr.RouteLength);
        Assert.Equal(20, tr.HeaderLength);
        Assert.False(TokenRingHeader.TryRead(frame.AsSpan(0, 13), out _));
        // Without the byte after the addresses the routing information's length is unknown: 0.
        Assert.True(TokenRingHeader.TryRead(frame.AsSpan(0, 14), out var cut));
        Assert.Equal(14, cut.HeaderLength);
        // tshark's ring-bridge pairs: one per two bytes after the route control field, the last reaching past an odd length.
        Assert.Equal(0, TokenRingHeader.TsharkBridgeCount(4));
        Assert.Equal(1, TokenRingHeader.TsharkBridgeCount(5));
        Assert.Equal(1, TokenRingHeader.TsharkBridgeCount(6));
        Assert.Equal(13, TokenRingHeader.TsharkBridgeCount(31));
        Assert.Equal(20, TokenRingHeader.TsharkReadLength(5, sourceRouted: true));
        Assert.Equal(16, TokenRingHeader.TsharkReadLength(0, sourceRouted: true));
        Assert.Equal(15, TokenRingHeader.TsharkReadLength(0, sourceRouted: false));
    }

    [Fact]
    public void ParseWithoutRouting()
    {
        var frame = Frame(Concat(Snap(EtherType.Ipv4), Udp4));
        var packet = Decode.Frame(frame, LinkType.TokenRing);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.TokenRing, LayerKind.Llc, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(14, packet[1].HeaderLength);
        Assert.Equal("0x10", Decode.Field(packet, frame, "tr.ac"));
        Assert.Equal("1", Decode.Field(packet, frame, "tr.frame"));
        Assert.Equal("0x40", Decode.Field(packet, frame, "tr.fc"));
        Assert.Equal("1", Decode.Field(packet, frame, "tr.frame_type"));
        Assert.Equal("c0:00:00:00:12:34", Decode.Field(packet, frame, "tr.dst"));
        // tshark adds tr.src twice: as sent and (hidden) without the routing bit, here the same.
        Assert.Equal("02:00:00:ab:cd:ef,02:00:00:ab:cd:ef", Decode.Field(packet, frame, "tr.src"));
        Assert.Equal("0", Decode.Field(packet, frame, "tr.sr"));
        Assert.Null(Decode.Field(packet, frame, "tr.rif_bytes"));
        Assert.Null(Decode.Field(packet, frame, "tr.rif"));
        Assert.Null(Decode.Field(packet, frame, "tr.rif.ring"));
    }

    [Fact]
    public void ParseSourceRouted()
    {
        var frame = Frame(Concat(Snap(EtherType.Ipv6), Tcp6), Hex("c6b0 0011 234f"));
        var packet = Decode.Frame(frame, LinkType.TokenRing);
        Assert.Equal([LayerKind.Frame, LayerKind.TokenRing, LayerKind.Llc, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal(20, packet[1].HeaderLength);
        Assert.Equal("1", Decode.Field(packet, frame, "tr.sr"));
        Assert.Equal("6", Decode.Field(packet, frame, "tr.rif_bytes"));
        Assert.Equal("192", Decode.Field(packet, frame, "tr.broadcast"));
        Assert.Equal("48", Decode.Field(packet, frame, "tr.max_frame_size"));
        Assert.Equal("128", Decode.Field(packet, frame, "tr.direction"));
        Assert.Equal("0x0001,0x0234", Decode.Field(packet, frame, "tr.rif.ring"));
        Assert.Equal("0x01", Decode.Field(packet, frame, "tr.rif.bridge"));
        Assert.Equal("c0:00:00:00:12:34,82:00:00:ab:cd:ef", Decode.Field(packet, frame, "tr.addr"));
        Assert.Equal("82:00:00:ab:cd:ef,02:00:00:ab:cd:ef", Decode.Field(packet, frame, "tr.src"));
        Assert.Equal("001-1-234", Decode.Field(packet, frame, "tr.rif"));
    }

    [Theory]
    [InlineData("8330 12", "")]                         // no pair: tshark adds an empty string
    [InlineData("8430 1234", "")]
    [InlineData("8530 0011 23", "001-1-23A")]           // an odd length: the last ring number reads a byte past it
    [InlineData("8830 0fff 1234 abcd", "0FF-F-123-4-ABC")]
    public void RingBridgePairsAsTsharkWritesThem(string route, string expected)
    {
        var frame = Frame(Concat(Snap(EtherType.Ipv4), Udp4), Hex(route));
        var packet = Decode.Frame(frame, LinkType.TokenRing);
        Assert.Equal(expected, Decode.Field(packet, frame, "tr.rif"));
        // Cut before the last ring number tshark reads, the string is not added (the pairs before it are).
        if (expected.Length > 0)
        {
            int read = TokenRingHeader.TsharkReadLength(frame[14] & 0x1F, sourceRouted: true);
            var cut = frame.AsSpan(0, read - 1).ToArray();
            Assert.Null(Decode.Field(Decode.Frame(cut, LinkType.TokenRing), cut, "tr.rif"));
        }
    }

    [Fact]
    public void ShortRoutingLengthsHandLlcTheRouteControlField()
    {
        // A length below 2 leaves the route control field to LLC, as tshark reads it.
        var frame = Frame(Concat(Hex("8030"), Snap(EtherType.Ipv4), Udp4), Hex(""));
        var packet = Decode.Frame(frame, LinkType.TokenRing);
        Assert.Equal(14, packet[1].HeaderLength);
        Assert.Equal(LayerKind.Llc, packet[2].Kind);
        Assert.Equal("0x80", Decode.Field(packet, frame, "llc.dsap"));
    }

    [Fact]
    public void ReservedFramesAndMacFramesTooShortForTrmacAreData()
    {
        foreach (var (fc, body) in new (byte, byte[])[] { (0x80, [1, 2, 3, 4]), (0xC0, [1, 2, 3, 4]), (0x01, [0, 8]), (0x01, [0]) })
        {
            var packet = Decode.Frame(Frame(body, frameControl: fc), LinkType.TokenRing);
            Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
            Assert.Equal([LayerKind.Frame, LayerKind.TokenRing, LayerKind.Payload], Decode.Kinds(packet));
        }
    }

    [Fact]
    public void MacFramesAreTheMajorVector()
    {
        // A beacon from a ring parameter server to a configuration report server: a beacon type, then a NAUN of the wrong
        // length, whose value tshark does not read.
        var frame = Frame(Hex("000c 4503 0401 0002 0402 0000"), frameControl: 0x01);
        var packet = Decode.Frame(frame, LinkType.TokenRing);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.TokenRing, LayerKind.TokenRingMac], Decode.Kinds(packet));
        Assert.Equal(12, packet[2].HeaderLength);
        Assert.Equal("0x03", Decode.Field(packet, frame, "trmac.mvec"));
        Assert.Equal("12", Decode.Field(packet, frame, "trmac.length"));
        Assert.Equal("0x05", Decode.Field(packet, frame, "trmac.srcclass"));
        Assert.Equal("0x04", Decode.Field(packet, frame, "trmac.dstclass"));
    }

    [Theory]
    [InlineData("0008 0002", DecodeOutcome.Malformed)]          // the declared length walks past the frame
    [InlineData("000a 0029 0420 0102 0304", DecodeOutcome.Ok)]  // a 4-byte response code reads two bytes past its length
    [InlineData("0008 0029 0420 0102", DecodeOutcome.Malformed)]
    [InlineData("0008 0029 0599 0102", DecodeOutcome.Malformed)] // a value of free length is read whole
    [InlineData("0008 0029 0099 0102", DecodeOutcome.Ok)]       // a sub-vector length below 2 ends the walk
    [InlineData("0002 0029", DecodeOutcome.Ok)]
    [InlineData("0000 00", DecodeOutcome.Malformed)]             // no command byte: no field
    public void SubVectorsAreReadAsTsharkReadsThem(string body, DecodeOutcome outcome)
    {
        var frame = Frame(Hex(body), frameControl: 0x01);
        var packet = Decode.Frame(frame, LinkType.TokenRing);
        Assert.Equal(outcome, packet.Outcome);
        Assert.Equal(LayerKind.TokenRingMac, packet[2].Kind);
        Assert.Equal(frame.Length > 17, Decode.Field(packet, frame, "trmac.mvec") is not null);
        // The same frames cut by the capture inside what tshark reads are truncated, not malformed.
        if (outcome == DecodeOutcome.Malformed && frame.Length > 17)
        {
            var cut = Decode.Frame(frame, LinkType.TokenRing, originalLength: frame.Length + 8);
            Assert.Equal(DecodeOutcome.Truncated, cut.Outcome);
        }
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        // (Not source-routed, the header is whole at 14 bytes but tshark cuts it until the 15th: checked below.)
        Decode.EveryPrefix(Frame(Concat(Snap(EtherType.Ipv6), Tcp6), Hex("c6b0 0011 234f")), LinkType.TokenRing);
        var whole = Frame(Concat(Snap(EtherType.Ipv4), Udp4), Hex("86b0 0011 234f"));
        for (int cut = 0; cut < 20; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.TokenRing, originalLength: whole.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            // As tshark: no field before the byte after the addresses; then the routing fields as their bytes come.
            Assert.Equal(cut >= 15 ? "0x10" : null, Decode.Field(packet, frame, "tr.ac"));
            Assert.Equal(cut >= 15 ? "6" : null, Decode.Field(packet, frame, "tr.rif_bytes"));
            Assert.Equal(cut >= 16 ? "48" : null, Decode.Field(packet, frame, "tr.max_frame_size"));
            Assert.Equal(cut >= 18 ? "0x0001" : null, Decode.Field(packet, frame, "tr.rif.ring"));
            Assert.Null(Decode.Field(packet, frame, "tr.rif.bridge"));
        }
        // A 14-byte frame that is not source-routed has a whole header, but tshark reads a byte past it.
        var plain = Frame(Concat(Snap(EtherType.Ipv4), Udp4));
        for (int cut = 0; cut <= plain.Length; cut++)
        {
            var packet = Decode.Frame(plain[..cut], LinkType.TokenRing, originalLength: plain.Length);
            Assert.Equal(cut < plain.Length - 3 ? DecodeOutcome.Truncated : DecodeOutcome.Ok, packet.Outcome);
            Assert.Equal(cut >= 15, packet.LayerCount > 2 && packet[2].Kind == LayerKind.Llc);
            Assert.Equal(cut >= 15 ? LayerStatus.Complete : LayerStatus.Truncated, packet[1].Status);
        }
        Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(plain[..14], LinkType.TokenRing).Outcome);
        for (int end = 0; end < 20; end++)
            Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(whole[..end], LinkType.TokenRing).Outcome);
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(6);
        var bytes = new byte[80];
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 3000; i++)
        {
            random.NextBytes(bytes);
            if (i % 2 == 0)
                bytes[1] = 0x40;
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, LinkType.TokenRing, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
            foreach (var layer in packet.Layers)
                Assert.True(layer.Offset >= 0 && layer.Offset + layer.HeaderLength <= frame.Length);
        }
    }
}
