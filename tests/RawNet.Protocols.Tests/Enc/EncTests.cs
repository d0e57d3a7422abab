using RawNet.Protocols.Decoding;
using RawNet.Protocols.Loopback;
using RawNet.Protocols.Enc;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Enc;

public class EncTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>An enc record: family and flags big-endian, or little-endian as a little-endian host writes them; the SPI big-endian.</summary>
    public static byte[] Frame(uint family, byte[] payload, uint spi = 0x11223344, uint flags = EncHeader.Authentic | EncHeader.Confidential,
        bool littleEndian = false) =>
        Concat(littleEndian ? Le(family) : U32(family), U32(spi), littleEndian ? Le(flags) : U32(flags), payload);

    private static byte[] Le(uint value) => U32(value).Reverse().ToArray();

    [Fact]
    public void Deconstruct()
    {
        foreach (bool little in new[] { false, true })
        {
            var frame = Frame(LoopbackHeader.BsdInet6, Tcp6, flags: EncHeader.Confidential, littleEndian: little);
            Assert.True(EncHeader.TryRead(frame, out var enc));
            Assert.Equal(!little, EncHeader.IsBigEndian(frame));
            Assert.Equal(LoopbackHeader.BsdInet6, enc.Family);
            Assert.Equal(0x11223344u, enc.Spi);
            Assert.Equal(EncHeader.Confidential, enc.Flags);
            Assert.False(EncHeader.TryRead(frame.AsSpan(0, 11), out _));
        }
        // Read little-endian first: 00 02 00 00 has no upper bits set that way, so it is family 512.
        Assert.True(EncHeader.TryRead(Concat(Hex("00020000"), U32(7), Hex("00000c00")), out var odd));
        Assert.Equal(512u, odd.Family);
        Assert.Equal(0x000c0000u, odd.Flags);
    }

    [Fact]
    public void Parse()
    {
        var frame = Frame(LoopbackHeader.Inet, Udp4, flags: 0x3C00);
        var packet = Decode.Frame(frame, LinkType.Enc);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Enc, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(12, packet[1].HeaderLength);
        Assert.Equal("2", Decode.Field(packet, frame, "enc.af"));
        Assert.Equal("0x11223344", Decode.Field(packet, frame, "enc.spi"));
        Assert.Equal("0x00003c00", Decode.Field(packet, frame, "enc.flags"));
        Assert.Equal("1", Decode.Field(packet, frame, "enc.flags.payload_enc"));
        Assert.Equal("1", Decode.Field(packet, frame, "enc.flags.header_auth"));
        Assert.Equal("0x00000000", Decode.Field(packet, frame, "enc.flags.reserved"));
        var little = Frame(LoopbackHeader.BsdInet6, Tcp6, flags: 0xFFFFFFFF, littleEndian: true);
        packet = Decode.Frame(little, LinkType.Enc);
        Assert.Equal([LayerKind.Frame, LayerKind.Enc, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal("24", Decode.Field(packet, little, "enc.af"));
        Assert.Equal("0xffffc3ff", Decode.Field(packet, little, "enc.flags.reserved"));
    }

    [Fact]
    public void TheFamilyChoosesWhatFollows()
    {
        Assert.Equal([LayerKind.Frame, LayerKind.Enc, LayerKind.Ipv6, LayerKind.Tcp],
            Decode.Kinds(Decode.Frame(Frame(LoopbackHeader.Inet, Tcp6), LinkType.Enc)));
        // tshark's enc table has no dissector for FreeBSD's or macOS's AF_INET6 (tcpdump reads IPv6 after them).
        foreach (uint family in new[] { 0u, 9u, LoopbackHeader.FreeBsdInet6, LoopbackHeader.DarwinInet6, 0x10000u })
        {
            var packet = Decode.Frame(Frame(family, Tcp6), LinkType.Enc);
            Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
            Assert.Equal([LayerKind.Frame, LayerKind.Enc, LayerKind.Payload], Decode.Kinds(packet));
        }
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(Frame(LoopbackHeader.Inet, Udp4), LinkType.Enc);
        Decode.EveryPrefix(Frame(LoopbackHeader.BsdInet6, Tcp6, littleEndian: true), LinkType.Enc);
        var whole = Frame(LoopbackHeader.Inet, Udp4);
        for (int cut = 0; cut < EncHeader.Length; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.Enc, originalLength: whole.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            // As tshark: the family and SPI are read before either is added.
            Assert.Equal(cut >= 8 ? "2" : null, Decode.Field(packet, frame, "enc.af"));
            Assert.Equal(cut >= 8 ? "0x11223344" : null, Decode.Field(packet, frame, "enc.spi"));
            Assert.Null(Decode.Field(packet, frame, "enc.flags"));
        }
        for (int end = 0; end < EncHeader.Length; end++)
            Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(whole[..end], LinkType.Enc).Outcome);
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(109);
        var bytes = new byte[80];
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            if (i % 2 == 0)
                bytes[0..4].AsSpan().Clear();
            if (i % 2 == 0)
                bytes[i % 4 == 0 ? 3 : 0] = (byte)(i % 8 == 0 ? 24 : 2);
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, LinkType.Enc, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
            foreach (var layer in packet.Layers)
                Assert.True(layer.Offset >= 0 && layer.Offset + layer.HeaderLength <= frame.Length);
        }
    }
}
