using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tcp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Tcp;

public class TcpTests
{
    // A Linux SYN's options: MSS 1460, SACK permitted, timestamps, NOP, window scale 7.
    private static readonly byte[] SynOptions = Hex("020405b4 0402 080a 0001e240 00000000 01 030307");

    private static byte[] Syn() => TcpSegment(40000, 443, 0x01020304, 0, (ushort)TcpFlags.Syn, SynOptions, window: 64240);

    private static byte[] SynFrame() => EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp, Syn()));

    private static byte[] DataFrame() =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp,
            TcpSegment(443, 40000, 1000, 2000, (ushort)(TcpFlags.Psh | TcpFlags.Ack), Hex("0101 080a 00000010 00000020"), "GET / HTTP/1.1\r\n"u8.ToArray())));

    [Fact]
    public void Deconstruct()
    {
        var tcp = HeaderViews.Tcp(Syn());
        Assert.Equal(40000, tcp.SourcePort);
        Assert.Equal(443, tcp.DestinationPort);
        Assert.Equal(0x01020304u, tcp.SequenceNumber);
        Assert.Equal(0u, tcp.AcknowledgmentNumber);
        Assert.Equal(40, tcp.HeaderLength);
        Assert.Equal(TcpFlags.Syn, tcp.Flags);
        Assert.Equal(64240, tcp.Window);
        Assert.Equal(0, tcp.UrgentPointer);
    }

    [Fact]
    public void DeconstructOptions()
    {
        var reader = new TcpOptionReader(SynOptions);
        var found = new List<TcpOption>();
        while (reader.TryNext(out var option))
            found.Add(option);
        Assert.Equal(
            [
                new TcpOption(TcpOptionKind.MaximumSegmentSize, 0, 4, true),
                new TcpOption(TcpOptionKind.SackPermitted, 4, 2, true),
                new TcpOption(TcpOptionKind.Timestamps, 6, 10, true),
                new TcpOption(TcpOptionKind.NoOperation, 16, 1, true),
                new TcpOption(TcpOptionKind.WindowScale, 17, 3, true),
            ],
            found);
    }

    [Theory]
    // Unknown kinds pass through with their declared length (MPTCP 30, TCP Fast Open 34, experimental 254).
    [InlineData("1e04 0000", new[] { 30 }, new[] { 4 }, new[] { true })]
    [InlineData("2202 0101", new[] { 34, 1, 1 }, new[] { 2, 1, 1 }, new[] { true, true, true })]
    [InlineData("fe06 f989 0000", new[] { 254 }, new[] { 6 }, new[] { true })]
    // SACK with one block.
    [InlineData("0101 050a 00000001 00000002", new[] { 1, 1, 5 }, new[] { 1, 1, 10 }, new[] { true, true, true })]
    // EOL ends the list: the bytes after it are padding.
    [InlineData("01 00 0204 05b4", new[] { 1, 0 }, new[] { 1, 1 }, new[] { true, true })]
    // Bad lengths: 0 and 1 are impossible, a length past the end is cut, a kind with no length byte is cut.
    [InlineData("0200 05b4", new[] { 2 }, new[] { 4 }, new[] { false })]
    [InlineData("0101 0301", new[] { 1, 1, 3 }, new[] { 1, 1, 2 }, new[] { true, true, false })]
    [InlineData("0101 080a 0000", new[] { 1, 1, 8 }, new[] { 1, 1, 4 }, new[] { true, true, false })]
    [InlineData("010101 02", new[] { 1, 1, 1, 2 }, new[] { 1, 1, 1, 1 }, new[] { true, true, true, false })]
    public void OptionReaderHandlesEveryKindAndBadLengths(string hex, int[] kinds, int[] lengths, bool[] complete)
    {
        var reader = new TcpOptionReader(Hex(hex));
        var found = new List<TcpOption>();
        while (reader.TryNext(out var option))
            found.Add(option);
        Assert.Equal(kinds, found.Select(o => (int)o.Kind));
        Assert.Equal(lengths, found.Select(o => o.Length));
        Assert.Equal(complete, found.Select(o => o.Complete));
        Assert.Equal(Hex(hex).Length, found.Count == 0 ? 0 : found[^1].Offset + found[^1].Length + (found[^1].Kind == TcpOptionKind.EndOfOptionList ? Hex(hex).Length - found[^1].Offset - 1 : 0));
    }

    [Fact]
    public void OptionsWithBadLengthsStillDecodeTheSegment()
    {
        var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x010, Hex("0200 05b4 0301 0000"), [1, 2])));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal((LayerKind.Tcp, 28, LayerStatus.Complete), (packet[3].Kind, packet[3].HeaderLength, packet[3].Status));
        Assert.Equal(ChecksumStatus.Good, packet[3].Checksum);
        Assert.Equal("2", Decode.Field(packet, frame, "tcp.option_kind"));
        Assert.Null(Decode.Field(packet, frame, "tcp.options.mss_val"));
        Decode.EveryPrefix(frame, LinkType.Ethernet);
    }

    [Fact]
    public void Parse()
    {
        var frame = DataFrame();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Tcp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal((34, 32, 48), (packet[3].Offset, packet[3].HeaderLength, packet[3].Extent));
        Assert.Equal(ChecksumStatus.Good, packet[3].Checksum);
        Assert.Equal((66, 16), (packet[4].Offset, packet[4].HeaderLength));
    }

    [Fact]
    public void Fields()
    {
        var frame = SynFrame();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("40000", Decode.Field(packet, frame, "tcp.srcport"));
        Assert.Equal("443", Decode.Field(packet, frame, "tcp.dstport"));
        Assert.Equal("40000,443", Decode.Field(packet, frame, "tcp.port"));
        Assert.Equal("0", Decode.Field(packet, frame, "tcp.len"));
        Assert.Equal("16909060", Decode.Field(packet, frame, "tcp.seq_raw"));
        Assert.Equal("0", Decode.Field(packet, frame, "tcp.ack_raw"));
        Assert.Equal("40", Decode.Field(packet, frame, "tcp.hdr_len"));
        Assert.Equal("0x0002", Decode.Field(packet, frame, "tcp.flags"));
        Assert.Equal("64240", Decode.Field(packet, frame, "tcp.window_size_value"));
        Assert.Equal("0", Decode.Field(packet, frame, "tcp.urgent_pointer"));
        Assert.Equal("2,4,8,1,3", Decode.Field(packet, frame, "tcp.option_kind"));
        Assert.Equal("4,2,10,3", Decode.Field(packet, frame, "tcp.option_len"));
        Assert.Equal("1460", Decode.Field(packet, frame, "tcp.options.mss_val"));
        Assert.Equal("7", Decode.Field(packet, frame, "tcp.options.wscale.shift"));
        Assert.Equal("128", Decode.Field(packet, frame, "tcp.options.wscale.multiplier"));
        Assert.Equal("123456", Decode.Field(packet, frame, "tcp.options.timestamp.tsval"));
        Assert.Equal("0", Decode.Field(packet, frame, "tcp.options.timestamp.tsecr"));

        var data = DataFrame();
        var dataPacket = Decode.Frame(data, LinkType.Ethernet);
        Assert.Equal("0x0018", Decode.Field(dataPacket, data, "tcp.flags"));
        Assert.Equal("16", Decode.Field(dataPacket, data, "tcp.len"));
        Assert.Equal("32", Decode.Field(dataPacket, data, "tcp.hdr_len"));
        Assert.Equal("16", Decode.Field(dataPacket, data, "tcp.options.timestamp.tsval"));
        Assert.Equal("32", Decode.Field(dataPacket, data, "tcp.options.timestamp.tsecr"));
    }

    [Theory]
    [InlineData(TcpFlags.Fin, "tcp.flags.fin", "0x0001")]
    [InlineData(TcpFlags.Syn, "tcp.flags.syn", "0x0002")]
    [InlineData(TcpFlags.Rst, "tcp.flags.reset", "0x0004")]
    [InlineData(TcpFlags.Psh, "tcp.flags.push", "0x0008")]
    [InlineData(TcpFlags.Ack, "tcp.flags.ack", "0x0010")]
    [InlineData(TcpFlags.Urg, "tcp.flags.urg", "0x0020")]
    [InlineData(TcpFlags.Ece, "tcp.flags.ece", "0x0040")]
    [InlineData(TcpFlags.Cwr, "tcp.flags.cwr", "0x0080")]
    [InlineData(TcpFlags.Ae, "tcp.flags.ae", "0x0100")]
    [InlineData(TcpFlags.Reserved, "tcp.flags.res", "0x0e00")]
    public void EveryFlag(TcpFlags flag, string name, string flags)
    {
        var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, (ushort)flag)));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(flag, HeaderViews.Tcp(frame.AsSpan(34)).Flags);
        Assert.Equal(flags, Decode.Field(packet, frame, "tcp.flags"));
        string[] all = ["tcp.flags.res", "tcp.flags.ae", "tcp.flags.cwr", "tcp.flags.ece", "tcp.flags.urg", "tcp.flags.ack",
            "tcp.flags.push", "tcp.flags.reset", "tcp.flags.syn", "tcp.flags.fin"];
        foreach (var field in all)
            Assert.Equal(field == name ? "1" : "0", Decode.Field(packet, frame, field));
    }

    [Fact]
    public void AllFlagsTogether()
    {
        var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x0FFF)));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("0x0fff", Decode.Field(packet, frame, "tcp.flags"));
    }

    [Fact]
    public void DataOffsetBelowFiveIsMalformed()
    {
        var segment = TcpSegment(1, 2, 3, 4, 0x010);
        segment[12] = 0x40;
        var frame = Ipv4Packet(IpProtocol.Tcp, segment);
        var packet = Decode.Frame(frame, LinkType.Ipv4);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal((LayerKind.Tcp, LayerStatus.Malformed), (packet[2].Kind, packet[2].Status));
        Assert.Equal(LayerKind.Tcp, packet.StoppedAt);
        Assert.Equal(20, packet.StopOffset);
        // As tshark shows a bogus header length: tcp.len from the IP payload, the header length, the ports.
        Assert.Equal("4", Decode.Field(packet, frame, "tcp.len"));
        Assert.Equal("16", Decode.Field(packet, frame, "tcp.hdr_len"));
        Assert.Equal("1", Decode.Field(packet, frame, "tcp.srcport"));
        Assert.Equal("3", Decode.Field(packet, frame, "tcp.seq_raw"));
        Assert.Null(Decode.Field(packet, frame, "tcp.flags"));
        Assert.Null(Decode.Field(packet, frame, "tcp.window_size_value"));
    }

    [Fact]
    public void DataOffsetBeyondTheSegmentIsMalformed()
    {
        var segment = TcpSegment(1, 2, 3, 4, 0x010, payload: [1, 2, 3, 4]);
        segment[12] = 0xF0; // 60-byte header in a 24-byte segment
        var packet = Decode.Frame(Ipv4Packet(IpProtocol.Tcp, segment), LinkType.Ipv4);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[2].Status);
    }

    [Fact]
    public void BadChecksum()
    {
        var frame = DataFrame();
        frame[^1] ^= 0x20;
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(ChecksumStatus.Bad, packet[3].Checksum);
        Assert.Equal(ChecksumStatus.Good, packet[2].Checksum);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
    }

    [Fact]
    public void OverIpv6()
    {
        var bytes = Ipv6Packet(IpProtocol.Tcp, Syn());
        var packet = Decode.Frame(bytes, LinkType.Ipv6);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal(ChecksumStatus.Good, packet[2].Checksum);
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(SynFrame(), LinkType.Ethernet);
        Decode.EveryPrefix(DataFrame(), LinkType.Ethernet);
    }

    [Fact]
    public void PeerCorpusTcp()
    {
        var (metadata, data) = Decode.Corpus("tcp.pcap")[0];
        var packet = Decode.Frame(metadata, data);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(LayerKind.Tcp, packet[3].Kind);
        Assert.Equal(ChecksumStatus.Good, packet[3].Checksum);
        Decode.EveryPrefix(data, metadata.LinkType);
    }
}
