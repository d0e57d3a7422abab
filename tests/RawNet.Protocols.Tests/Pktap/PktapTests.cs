using System.Text;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Pktap;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Pktap;

public class PktapTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    private static byte[] Le32(uint value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];

    private static byte[] Name(string text, int length)
    {
        var bytes = new byte[length];
        Encoding.ASCII.GetBytes(text).CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>
    /// A PKTAP header (interface "en0", flags 0x11, family 2, link header 14, trailer 0, pid 501 "curl", service class
    /// 100, iftype 6, ifunit 3, epid 502 "launchd") of <paramref name="headerLength"/> (108 unless given, bytes past
    /// the fixed part zero) before <paramref name="packet"/>.
    /// </summary>
    public static byte[] Frame(uint dlt, byte[] packet, uint recordType = PktapHeader.RecordPacket, uint? headerLength = null, int extra = 0) =>
        Concat(Le32(headerLength ?? (uint)(PktapHeader.FixedLength + extra)), Le32(recordType), Le32(dlt), Name("en0", 24), Le32(0x11),
            Le32(2), Le32(14), Le32(0), Le32(501), Name("curl", 20), Le32(100), [6, 0], [3, 0], Le32(502), Name("launchd", 20),
            new byte[extra], packet);

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(1, EthernetFrame(EtherType.Ipv4, Udp4));
        Assert.True(PktapHeader.TryRead(frame, out var pktap));
        Assert.Equal((uint)PktapHeader.FixedLength, pktap.HeaderLength);
        Assert.Equal(PktapHeader.RecordPacket, pktap.RecordType);
        Assert.Equal(1u, pktap.Dlt);
        Assert.Equal("en0", Encoding.ASCII.GetString(pktap.InterfaceName).TrimEnd('\0'));
        Assert.False(PktapHeader.TryRead(frame.AsSpan(0, PktapHeader.FixedLength - 1), out _));
    }

    [Fact]
    public void ParseEveryField()
    {
        var frame = Frame(1, EthernetFrame(EtherType.Ipv4, Udp4));
        var packet = Decode.Frame(frame, LinkType.Pktap);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Pktap, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(PktapHeader.FixedLength, packet[2].Offset);
        Assert.Equal("108", Decode.Field(packet, frame, "pktap.hdrlen"));
        Assert.Equal("1", Decode.Field(packet, frame, "pktap.rectype"));
        Assert.Equal("1", Decode.Field(packet, frame, "pktap.dlt"));
        Assert.Equal("en0", Decode.Field(packet, frame, "pktap.ifname"));
        Assert.Equal("0x00000011", Decode.Field(packet, frame, "pktap.flags"));
        Assert.Equal("2", Decode.Field(packet, frame, "pktap.pfamily"));
        Assert.Equal("14", Decode.Field(packet, frame, "pktap.llhdrlen"));
        Assert.Equal("0", Decode.Field(packet, frame, "pktap.lltrlrlen"));
        Assert.Equal("501", Decode.Field(packet, frame, "pktap.pid"));
        Assert.Equal("curl", Decode.Field(packet, frame, "pktap.cmdname"));
        Assert.Equal("100", Decode.Field(packet, frame, "pktap.svc_class"));
        Assert.Equal("6", Decode.Field(packet, frame, "pktap.iftype"));
        Assert.Equal("3", Decode.Field(packet, frame, "pktap.ifunit"));
        Assert.Equal("502", Decode.Field(packet, frame, "pktap.epid"));
        Assert.Equal("launchd", Decode.Field(packet, frame, "pktap.ecmdname"));
    }

    public static TheoryData<uint, byte[], LayerKind> InnerLinkTypes() => new()
    {
        { 0, Concat(Le32(2), Udp4), LayerKind.Null },
        { 108, Concat(U32(30), Tcp6), LayerKind.Null },
        { 1, EthernetFrame(EtherType.Ipv6, Tcp6), LayerKind.Ethernet },
        { 9, Concat(Hex("ff030021"), Udp4), LayerKind.Ppp },
        { 104, Concat(Hex("0f000800"), Udp4), LayerKind.CiscoHdlc },
        { 12, Udp4, LayerKind.Ipv4 },
        { 14, Tcp6, LayerKind.Ipv6 },
        { 101, Udp4, LayerKind.Ipv4 },
        { 228, Udp4, LayerKind.Ipv4 },
        { 229, Tcp6, LayerKind.Ipv6 },
        { 113, Concat(Hex("0000 0001 0006 0102030405060000"), U16(0x0800), Udp4), LayerKind.LinuxSll },
        { 276, Concat(U16(0x86dd), Hex("0000 00000002 0001 00 06 0102030405060000"), Tcp6), LayerKind.LinuxSll2 },
        { 258, Frame(1, EthernetFrame(EtherType.Ipv4, Udp4)), LayerKind.Pktap },
    };

    [Theory]
    [MemberData(nameof(InnerLinkTypes))]
    public void ThePacketIsDecodedByItsDlt(uint dlt, byte[] inner, LayerKind first)
    {
        var frame = Frame(dlt, inner);
        var packet = Decode.Frame(frame, LinkType.Pktap);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(first, packet[2].Kind);
        Assert.Equal(PktapHeader.FixedLength, packet[2].Offset);
        Assert.Contains(packet.Layers.ToArray(), l => l.Kind is LayerKind.Udp or LayerKind.Tcp);
        Decode.EveryPrefix(frame, LinkType.Pktap);
    }

    [Fact]
    public void OtherRecordTypesAndUnknownDltsShowTheHeaderAlone()
    {
        foreach (var (recordType, dlt) in new (uint, uint)[] { (PktapHeader.RecordNone, 1), (2, 1), (PktapHeader.RecordPacket, 999), (PktapHeader.RecordPacket, 105) })
        {
            var packet = Decode.Frame(Frame(dlt, EthernetFrame(EtherType.Ipv4, Udp4), recordType), LinkType.Pktap);
            Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
            Assert.Equal([LayerKind.Frame, LayerKind.Pktap], Decode.Kinds(packet));
        }
    }

    [Fact]
    public void AHeaderLengthBelowTheFixedPartShowsThatLengthAlone()
    {
        var frame = Frame(1, EthernetFrame(EtherType.Ipv4, Udp4), headerLength: 107);
        var packet = Decode.Frame(frame, LinkType.Pktap);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Pktap], Decode.Kinds(packet));
        Assert.Equal(LayerStatus.Complete, packet[1].Status);
        Assert.Equal("107", Decode.Field(packet, frame, "pktap.hdrlen"));
        Assert.Null(Decode.Field(packet, frame, "pktap.rectype"));
    }

    [Theory]
    [InlineData(155, 155, 108u, PktapPacket.Found, 108)]
    [InlineData(155, 155, 155u, PktapPacket.Found, 155)]
    [InlineData(155, 155, 156u, PktapPacket.Malformed, 0)]
    [InlineData(120, 155, 130u, PktapPacket.Truncated, 0)]
    [InlineData(120, 155, 156u, PktapPacket.Malformed, 0)]
    [InlineData(155, 155, 0xFFFFFFFFu, PktapPacket.Found, 154)]     // from 2^31 up: back from the captured end
    [InlineData(155, 155, 0xFFFFFF65u, PktapPacket.Found, 0)]
    [InlineData(155, 155, 0xFFFFFF64u, PktapPacket.Malformed, 0)]
    [InlineData(120, 155, 0xFFFFFF70u, PktapPacket.Truncated, 0)]
    [InlineData(155, 155, 0x80000000u, PktapPacket.Malformed, 0)]
    [InlineData(155, 155, 0x7FFFFFFFu, PktapPacket.Malformed, 0)]
    public void ThePacketStartsWhereTsharkLooks(int captured, int reported, uint headerLength, PktapPacket expected, int start)
    {
        Assert.Equal(expected, PktapHeader.PacketStart(captured, reported, headerLength, out int at));
        Assert.Equal(start, at);
    }

    [Fact]
    public void ALyingHeaderLengthMovesThePacket()
    {
        var frame = Frame(1, EthernetFrame(EtherType.Ipv4, Udp4), extra: 8);
        var packet = Decode.Frame(frame, LinkType.Pktap);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(PktapHeader.FixedLength + 8, packet[2].Offset);

        packet = Decode.Frame(Frame(1, EthernetFrame(EtherType.Ipv4, Udp4), headerLength: 0xFFFFFFFF), LinkType.Pktap);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Pktap, LayerKind.Ethernet], Decode.Kinds(packet));
        Assert.Equal(1, packet[2].HeaderLength);

        packet = Decode.Frame(Frame(1, EthernetFrame(EtherType.Ipv4, Udp4), headerLength: 1000), LinkType.Pktap);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[1].Status);
        Assert.Equal([LayerKind.Frame, LayerKind.Pktap], Decode.Kinds(packet));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        var whole = Frame(1, EthernetFrame(EtherType.Ipv4, Udp4));
        Decode.EveryPrefix(whole, LinkType.Pktap);
        for (int cut = 0; cut <= whole.Length; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.Pktap, originalLength: whole.Length);
            Assert.Equal(cut >= 4 ? "108" : null, Decode.Field(packet, frame, "pktap.hdrlen"));
            Assert.Equal(cut >= 36 ? "en0" : null, Decode.Field(packet, frame, "pktap.ifname"));
            Assert.Equal(cut >= 108 ? "launchd" : null, Decode.Field(packet, frame, "pktap.ecmdname"));
            foreach (var layer in packet.Layers)
                Assert.True(layer.Offset + layer.HeaderLength <= cut);
        }
        for (int end = 0; end < PktapHeader.FixedLength; end++)
        {
            var packet = Decode.Frame(whole[..end], LinkType.Pktap);
            Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
            Assert.Equal([LayerKind.Frame, LayerKind.Pktap], Decode.Kinds(packet));
        }
    }

    [Fact]
    public void NestingIsBoundedByTheLayers()
    {
        var frame = EthernetFrame(EtherType.Ipv4, Udp4);
        for (int i = 0; i < 40; i++)
            frame = Frame(258, frame);
        var packet = Decode.Frame(frame, LinkType.Pktap);
        Assert.Equal(DecodedPacket.MaxLayers, packet.LayerCount);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(258);
        var bytes = new byte[300];
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        uint[] dlts = [0, 1, 9, 12, 104, 108, 113, 228, 229, 258, 276];
        for (int i = 0; i < 3000; i++)
        {
            random.NextBytes(bytes);
            if (i % 2 == 0)
            {
                Le32((uint)random.Next(100, 200)).CopyTo(bytes, 0);
                Le32(PktapHeader.RecordPacket).CopyTo(bytes, 4);
                Le32(dlts[random.Next(dlts.Length)]).CopyTo(bytes, 8);
            }
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, LinkType.Pktap, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
            foreach (var layer in packet.Layers)
                Assert.True(layer.Offset >= 0 && layer.Offset + layer.HeaderLength <= frame.Length);
        }
    }
}
