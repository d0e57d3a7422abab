using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipnet;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ipnet;

public class IpnetTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>An ipnet header (version 1, hook type 1, interface 3, group 4, zones 5 and 6) before <paramref name="payload"/>.</summary>
    public static byte[] Frame(byte family, byte[] payload, uint? dataLength = null) =>
        Concat([1, family], U16(1), U32(dataLength ?? (uint)payload.Length), U32(3), U32(4), U32(5), U32(6), payload);

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(IpnetHeader.Inet6, Tcp6);
        Assert.True(IpnetHeader.TryRead(frame, out var ipnet));
        Assert.Equal(1, ipnet.Version);
        Assert.Equal(IpnetHeader.Inet6, ipnet.Family);
        Assert.Equal((uint)Tcp6.Length, ipnet.DataLength);
        Assert.Equal(5u, ipnet.SourceZone);
        Assert.Equal(6u, ipnet.DestinationZone);
        Assert.False(IpnetHeader.TryRead(frame.AsSpan(0, IpnetHeader.Length - 1), out _));
    }

    [Fact]
    public void ParseIpv4AndIpv6()
    {
        var frame = Frame(IpnetHeader.Inet, Udp4);
        var packet = Decode.Frame(frame, LinkType.Ipnet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipnet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, frame, "ipnet.version"));
        Assert.Equal("2", Decode.Field(packet, frame, "ipnet.family"));
        Assert.Equal("1", Decode.Field(packet, frame, "ipnet.htype"));
        Assert.Equal(Udp4.Length.ToString(), Decode.Field(packet, frame, "ipnet.pktlen"));
        Assert.Equal("3", Decode.Field(packet, frame, "ipnet.ifindex"));
        Assert.Equal("4", Decode.Field(packet, frame, "ipnet.grifindex"));
        Assert.Equal("5", Decode.Field(packet, frame, "ipnet.zsrc"));
        Assert.Equal("6", Decode.Field(packet, frame, "ipnet.zdst"));

        frame = Frame(IpnetHeader.Inet6, Tcp6);
        packet = Decode.Frame(frame, LinkType.Ipnet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipnet, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal("26", Decode.Field(packet, frame, "ipnet.family"));
    }

    [Fact]
    public void OtherFamiliesShowNothingMore()
    {
        var packet = Decode.Frame(Frame(7, Udp4), LinkType.Ipnet);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipnet], Decode.Kinds(packet));
    }

    [Theory]
    [InlineData(57, 57, 33u, IpnetPayload.Found, 24)]
    [InlineData(57, 57, 20u, IpnetPayload.Found, 37)]   // a length that lies: counted back from the end
    [InlineData(57, 57, 50u, IpnetPayload.Found, 7)]    // into the header
    [InlineData(57, 57, 0u, IpnetPayload.Found, 57)]
    [InlineData(40, 57, 33u, IpnetPayload.Found, 7)]    // the capture's cut moves it
    [InlineData(30, 57, 33u, IpnetPayload.Found, 27)]   // past the captured bytes: back again from their end
    [InlineData(24, 57, 33u, IpnetPayload.Found, 15)]
    [InlineData(24, 57, 48u, IpnetPayload.Found, 0)]
    [InlineData(24, 57, 49u, IpnetPayload.Truncated, 0)]
    [InlineData(24, 57, 81u, IpnetPayload.Truncated, 0)]
    [InlineData(24, 57, 82u, IpnetPayload.Malformed, 0)]
    [InlineData(57, 57, uint.MaxValue, IpnetPayload.Malformed, 0)]
    public void ThePacketStartsWhereTsharkLooks(int captured, int reported, uint dataLength, IpnetPayload expected, int start)
    {
        Assert.Equal(expected, IpnetHeader.PayloadStart(captured, reported, dataLength, out int at));
        Assert.Equal(start, at);
    }

    [Fact]
    public void ALyingLengthMovesIp()
    {
        var frame = Frame(IpnetHeader.Inet, Udp4, dataLength: (uint)Udp4.Length + 4);
        var packet = Decode.Frame(frame, LinkType.Ipnet);
        Assert.Equal(IpnetHeader.Length - 4, packet[2].Offset);
        Assert.Equal(LayerKind.Ipv4, packet[2].Kind);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        // tshark shows the version it read there and nothing else of IPv4.
        Assert.Equal(1, packet[2].HeaderLength);
        Assert.Null(Decode.Field(packet, frame, "ip.hdr_len"));

        packet = Decode.Frame(Frame(IpnetHeader.Inet, Udp4, dataLength: 1000), LinkType.Ipnet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerKind.Ipnet, packet.StoppedAt);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipnet], Decode.Kinds(packet));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        var whole = Frame(IpnetHeader.Inet, Udp4);
        for (int cut = 0; cut <= whole.Length; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.Ipnet, originalLength: whole.Length);
            // Past the header the cut moves where tshark reads IP, which may then be bogus (malformed) rather than cut.
            if (cut < IpnetHeader.Length)
                Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            else if (cut < whole.Length)
                Assert.NotEqual(DecodeOutcome.Ok, packet.Outcome);
            Assert.Equal(cut >= 1 ? "1" : null, Decode.Field(packet, frame, "ipnet.version"));
            Assert.Equal(cut >= 8 ? Udp4.Length.ToString() : null, Decode.Field(packet, frame, "ipnet.pktlen"));
            Assert.Equal(cut >= 24 ? "6" : null, Decode.Field(packet, frame, "ipnet.zdst"));
            var found = IpnetHeader.PayloadStart(cut, whole.Length, (uint)Udp4.Length, out int start);
            // The header is cut when the capture cut it, or when the data length reaches back past what was captured.
            Assert.Equal(cut < IpnetHeader.Length || found != IpnetPayload.Found ? LayerStatus.Truncated : LayerStatus.Complete, packet[1].Status);
            if (cut >= IpnetHeader.Length && found == IpnetPayload.Found)
                Assert.Equal(start, packet[2].Offset);
            foreach (var layer in packet.Layers)
                Assert.True(layer.Offset + layer.HeaderLength <= cut);
        }
        for (int end = 0; end < IpnetHeader.Length; end++)
        {
            var packet = Decode.Frame(whole[..end], LinkType.Ipnet);
            Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
            Assert.Equal([LayerKind.Frame, LayerKind.Ipnet], Decode.Kinds(packet));
        }
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(226);
        var bytes = new byte[96];
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            if (i % 2 == 0)
                bytes[1] = i % 4 == 0 ? IpnetHeader.Inet : IpnetHeader.Inet6;
            if (i % 3 == 0)
                bytes[4] = bytes[5] = 0;
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, LinkType.Ipnet, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
            foreach (var layer in packet.Layers)
                Assert.True(layer.Offset >= 0 && layer.Offset + layer.HeaderLength <= frame.Length);
        }
    }
}
