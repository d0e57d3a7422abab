using RawNet.Protocols.Ap1394;
using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ap1394;

public class Ap1394Tests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    public static readonly byte[] Destination = Hex("0011223344556677");
    public static readonly byte[] Source = Hex("8899aabbccddeeff");

    public static byte[] Frame(ushort type, byte[] payload) => Concat(Destination, Source, U16(type), payload);

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(0x86dd, Tcp6);
        Assert.True(Ap1394Header.TryRead(frame, out var ap1394));
        Assert.Equal(Destination, ap1394.Destination.ToArray());
        Assert.Equal(Source, ap1394.Source.ToArray());
        Assert.Equal(0x86dd, ap1394.EtherType);
        Assert.False(Ap1394Header.TryRead(frame.AsSpan(0, Ap1394Header.Length - 1), out _));
    }

    [Fact]
    public void ParseIpv4AndIpv6()
    {
        var frame = Frame(0x0800, Udp4);
        var packet = Decode.Frame(frame, LinkType.AppleIpOverIeee1394);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ap1394, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(18, packet[1].HeaderLength);
        Assert.Equal("0011223344556677", Decode.Field(packet, frame, "ap1394.dst"));
        Assert.Equal("8899aabbccddeeff", Decode.Field(packet, frame, "ap1394.src"));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "ap1394.type"));
        frame = Frame(0x86dd, Tcp6);
        packet = Decode.Frame(frame, LinkType.AppleIpOverIeee1394);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ap1394, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal("0x86dd", Decode.Field(packet, frame, "ap1394.type"));
    }

    [Theory]
    [InlineData(0x0806)]
    [InlineData(0x8035)]
    public void BothArpTypesCarryArp(int type)
    {
        var packet = Decode.Frame(Frame((ushort)type, Arp.ArpTests.Request), LinkType.AppleIpOverIeee1394);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ap1394, LayerKind.Arp], Decode.Kinds(packet));
    }

    [Theory]
    [InlineData(0x1234)]
    [InlineData(0x0040)]
    [InlineData(0x0000)]
    public void OtherTypesAreData(int type)
    {
        // No 802.3 length on this link: a small type is a type tshark has no dissector for.
        var packet = Decode.Frame(Frame((ushort)type, Udp4), LinkType.AppleIpOverIeee1394);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ap1394, LayerKind.Payload], Decode.Kinds(packet));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(Frame(0x0800, Udp4), LinkType.AppleIpOverIeee1394);
        Decode.EveryPrefix(Frame(0x86dd, Tcp6), LinkType.AppleIpOverIeee1394);
        var whole = Frame(0x0800, Udp4);
        for (int cut = 0; cut < Ap1394Header.Length; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.AppleIpOverIeee1394, originalLength: whole.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            // As tshark: neither address until both are there (it sets the address columns first), the type once its two bytes are.
            Assert.Equal(cut >= 16 ? "0011223344556677" : null, Decode.Field(packet, frame, "ap1394.dst"));
            Assert.Equal(cut >= 16 ? "8899aabbccddeeff" : null, Decode.Field(packet, frame, "ap1394.src"));
            Assert.Null(Decode.Field(packet, frame, "ap1394.type"));
        }
    }

    [Fact]
    public void ShorterThanTheHeaderIsMalformed()
    {
        var whole = Frame(0x0800, Udp4);
        foreach (int end in new[] { 0, 1, 8, 16, 17 })
        {
            var packet = Decode.Frame(whole[..end], LinkType.AppleIpOverIeee1394);
            Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
            Assert.Equal(LayerKind.Ap1394, packet.StoppedAt);
            Assert.Equal([LayerKind.Frame, LayerKind.Ap1394], Decode.Kinds(packet));
        }
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(138);
        var bytes = new byte[80];
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            if (i % 3 == 0)
                bytes[16] = (byte)(i % 2 == 0 ? 0x08 : 0x86);
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, LinkType.AppleIpOverIeee1394, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
        }
    }
}
