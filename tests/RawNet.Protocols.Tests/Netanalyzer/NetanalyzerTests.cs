using RawNet.Protocols.Decoding;
using RawNet.Protocols.Netanalyzer;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Netanalyzer;

public class NetanalyzerTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));
    private static readonly byte[] Fcs = Hex("0a0b0c0d");

    /// <summary>The 4-byte little-endian header word.</summary>
    public static byte[] Header(int status = 0, int gpio = 0, int transparent = 0, int version = 1, int port = 0, int length = 0, int type = 0)
    {
        uint word = (uint)(status | gpio << 8 | transparent << 9 | (version & 0xF) << 10 | (port & 3) << 14 | (length & 0xFFF) << 16 | (type & 0xF) << 28);
        return [(byte)word, (byte)(word >> 8), (byte)(word >> 16), (byte)(word >> 24)];
    }

    /// <summary>A header and an Ethernet frame of <paramref name="type"/> with its FCS.</summary>
    public static byte[] Frame(EtherType type, byte[] payload, int status = 0, int port = 0)
    {
        var ethernet = Concat(EthernetFrame(type, payload), Fcs);
        return Concat(Header(status, port: port, length: ethernet.Length), ethernet);
    }

    public static byte[] Gpio(byte number, byte edge) =>
        Concat(Header(gpio: 1, length: 64), new byte[6], Hex("0002a2ffffff88ff00"), [number, edge], new byte[43]);

    [Fact]
    public void Deconstruct()
    {
        var frame = Header(status: 0x24, port: 2, length: 0x5EE, version: 2, type: 3);
        Assert.True(NetanalyzerHeader.TryRead(frame, out var header));
        Assert.Equal(0x24, header.Status);
        Assert.Equal(2, header.Version);
        Assert.Equal(3, header.Type);
        Assert.Equal(0x5EE, header.FrameLength);
        Assert.Equal(NetanalyzerRecord.TimeTick, header.Record);
        Assert.False(NetanalyzerHeader.TryRead(frame.AsSpan(0, 3), out _));
        Assert.True(NetanalyzerHeader.TryRead(Header(gpio: 1, version: 7), out header));
        Assert.Equal(NetanalyzerRecord.Gpio, header.Record);
    }

    [Fact]
    public void EthernetWithFcsFollows()
    {
        var frame = Frame(EtherType.Ipv4, Udp4, status: 0x04, port: 3);
        var packet = Decode.Frame(frame, LinkType.Netanalyzer);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Netanalyzer, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("3", Decode.Field(packet, frame, "netanalyzer.port"));
        Assert.Equal((frame.Length - 4).ToString(), Decode.Field(packet, frame, "netanalyzer.framelen"));
        Assert.Equal("0x04", Decode.Field(packet, frame, "netanalyzer.packetstatus"));
        Assert.Equal("1", Decode.Field(packet, frame, "netanalyzer.packetstatus.fcs_error"));
        Assert.Equal("0", Decode.Field(packet, frame, "netanalyzer.packetstatus.rx_er"));
        // The FCS-error bit does not hide the FCS: tshark 4.0 shows it unverified either way.
        Assert.Equal("0x0a0b0c0d", Decode.Field(packet, frame, "eth.fcs"));
        packet = Decode.Frame(Frame(EtherType.Ipv6, Tcp6), LinkType.Netanalyzer);
        Assert.Equal([LayerKind.Frame, LayerKind.Netanalyzer, LayerKind.Ethernet, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
    }

    [Fact]
    public void StatusBitsOnlyWithAnError()
    {
        var frame = Frame(EtherType.Ipv4, Udp4);
        var packet = Decode.Frame(frame, LinkType.Netanalyzer);
        Assert.Equal("0x00", Decode.Field(packet, frame, "netanalyzer.packetstatus"));
        Assert.Null(Decode.Field(packet, frame, "netanalyzer.packetstatus.fcs_error"));
        Assert.Null(Decode.Field(packet, frame, "netanalyzer.buffer.state"));
    }

    [Fact]
    public void TransparentModeIsData()
    {
        var frame = Concat(Header(transparent: 1), Hex("55555555555555d5"), EthernetFrame(EtherType.Ipv4, Udp4));
        var packet = Decode.Frame(frame, LinkType.NetanalyzerTransparent);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Netanalyzer, LayerKind.Payload], Decode.Kinds(packet));
    }

    [Theory]
    [InlineData(2, 2, 0x31, NetanalyzerRecord.BufferState)]
    [InlineData(2, 3, 0, NetanalyzerRecord.TimeTick)]
    public void BufferStatesAndTimeTicksEndAtTheHeader(int version, int type, int status, NetanalyzerRecord record)
    {
        var frame = Concat(Header(status, version: version, type: type, port: 1), new byte[8]);
        var packet = Decode.Frame(frame, LinkType.Netanalyzer);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Netanalyzer], Decode.Kinds(packet));
        Assert.Equal(record == NetanalyzerRecord.BufferState ? "1" : null, Decode.Field(packet, frame, "netanalyzer.buffer.state"));
        Assert.Equal(record == NetanalyzerRecord.BufferState ? "3" : null, Decode.Field(packet, frame, "netanalyzer.buffer.source"));
        Assert.Equal(record == NetanalyzerRecord.BufferState ? "1" : null, Decode.Field(packet, frame, "netanalyzer.port"));
        Assert.Equal(record == NetanalyzerRecord.TimeTick ? "1" : null, Decode.Field(packet, frame, "netanalyzer.timetick"));
        Assert.Null(Decode.Field(packet, frame, "netanalyzer.framelen"));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 4)]
    [InlineData(0, 0)]
    [InlineData(3, 0)]
    public void RecordsTsharkDoesNotDecodeStopAtTheHeader(int version, int type)
    {
        var frame = Concat(Header(version: version, type: type), EthernetFrame(EtherType.Ipv4, Udp4));
        var packet = Decode.Frame(frame, LinkType.Netanalyzer);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Netanalyzer], Decode.Kinds(packet));
        Assert.Null(Decode.Field(packet, frame, "netanalyzer.port"));
    }

    [Fact]
    public void GpioEventsNeedTheirSignature()
    {
        var frame = Gpio(0x7E, 0x01);
        var packet = Decode.Frame(frame, LinkType.Netanalyzer);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(NetanalyzerHeader.GpioLength, packet[1].HeaderLength);
        Assert.Equal("0x7e", Decode.Field(packet, frame, "netanalyzer.gpio_event.gpio_number"));
        Assert.Equal("0x01", Decode.Field(packet, frame, "netanalyzer.gpio_event.gpio_edge"));
        frame[12] = 0xA3;
        packet = Decode.Frame(frame, LinkType.Netanalyzer);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Null(Decode.Field(packet, frame, "netanalyzer.gpio_event.gpio_number"));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        // A cut in the headers is truncated; one in UDP's data is not (data shows what there is). tshark reads Ethernet's
        // FCS last, from where IP ended: a cut past there, even in the FCS alone, is a truncated packet.
        var ethernet = Frame(EtherType.Ipv4, Udp4);
        int headersEnd = NetanalyzerHeader.Length + 14 + 28, ipEnd = NetanalyzerHeader.Length + 14 + Udp4.Length;
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int prefix = 0; prefix <= ethernet.Length; prefix++)
        {
            var cut = ethernet[..prefix];
            var packet = Decode.Frame(cut, LinkType.Netanalyzer, originalLength: ethernet.Length);
            bool truncated = prefix < headersEnd || (prefix > ipEnd && prefix < ethernet.Length);
            Assert.True((truncated ? DecodeOutcome.Truncated : DecodeOutcome.Ok) == packet.Outcome, $"prefix {prefix}");
            Assert.Equal(prefix >= 4 ? "1" : null, Decode.Field(packet, cut, "netanalyzer.eth"));
            Assert.Equal(prefix == ethernet.Length ? "0x0a0b0c0d" : null, Decode.Field(packet, cut, "eth.fcs"));
            Decode.AllFields(packet, cut, text);
        }
        Decode.EveryPrefix(Frame(EtherType.Ipv6, Tcp6), LinkType.NetanalyzerTransparent);
        Decode.EveryPrefix(Gpio(1, 0), LinkType.Netanalyzer);
        var whole = Gpio(1, 0);
        for (int cut = 0; cut < NetanalyzerHeader.GpioLength; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.Netanalyzer, originalLength: whole.Length);
            // tshark reads the signature byte by byte, then the number and the edge: a cut anywhere before the edge stops it.
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            Assert.Equal(cut >= 20 ? "0x01" : null, Decode.Field(packet, frame, "netanalyzer.gpio_event.gpio_number"));
        }
    }

    [Fact]
    public void ShorterThanTheHeaderIsMalformed()
    {
        foreach (int end in new[] { 0, 1, 3 })
        {
            var packet = Decode.Frame(Frame(EtherType.Ipv4, Udp4)[..end], LinkType.Netanalyzer);
            Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
            Assert.Equal(LayerKind.Netanalyzer, packet.StoppedAt);
        }
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(240);
        var bytes = new byte[90];
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            if (i % 3 == 0)
                Gpio(2, 1).AsSpan(4, 17).CopyTo(bytes.AsSpan(4));
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var linkType = i % 2 == 0 ? LinkType.Netanalyzer : LinkType.NetanalyzerTransparent;
            var packet = Decode.Frame(frame, linkType, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
        }
    }
}
