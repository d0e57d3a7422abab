using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipfc;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ipfc;

public class IpfcTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    public static readonly byte[] Destination = Hex("1000 001122334455");
    public static readonly byte[] Source = Hex("1000 66778899aabb");

    public static byte[] Frame(byte[] llc) => Concat(Destination, Source, llc);

    public static byte[] Snap(EtherType type, byte[] payload) => Concat(Hex("aaaa03 000000"), U16((ushort)type), payload);

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(Snap(EtherType.Ipv4, Udp4));
        Assert.True(IpfcHeader.TryRead(frame, out var ipfc));
        Assert.Equal(Destination, ipfc.Destination.ToArray());
        Assert.Equal(Source, ipfc.Source.ToArray());
        Assert.Equal(Hex("001122334455"), ipfc.DestinationMac.ToArray());
        Assert.Equal(Hex("66778899aabb"), ipfc.SourceMac.ToArray());
        Assert.False(IpfcHeader.TryRead(frame.AsSpan(0, IpfcHeader.Length - 1), out _));
    }

    [Fact]
    public void ParseSnapIpv4AndIpv6()
    {
        var frame = Frame(Snap(EtherType.Ipv4, Udp4));
        var packet = Decode.Frame(frame, LinkType.IpOverFc);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipfc, LayerKind.Llc, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(16, packet[1].HeaderLength);
        Assert.Equal("10:00:00:11:22:33:44:55", Decode.Field(packet, frame, "ipfc.nh.da"));
        Assert.Equal("10:00:66:77:88:99:aa:bb", Decode.Field(packet, frame, "ipfc.nh.sa"));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "llc.type"));
        frame = Frame(Snap(EtherType.Ipv6, Tcp6));
        packet = Decode.Frame(frame, LinkType.IpOverFc);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipfc, LayerKind.Llc, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
    }

    [Fact]
    public void IpSapCarriesIpv4()
    {
        var packet = Decode.Frame(Frame(Concat(Hex("060603"), Udp4)), LinkType.IpOverFc);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipfc, LayerKind.Llc, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(Frame(Snap(EtherType.Ipv4, Udp4)), LinkType.IpOverFc);
        Decode.EveryPrefix(Frame(Snap(EtherType.Ipv6, Tcp6)), LinkType.IpOverFc);
        var whole = Frame(Snap(EtherType.Ipv4, Udp4));
        for (int cut = 0; cut < IpfcHeader.Length; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.IpOverFc, originalLength: whole.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            // As tshark: each address once its 8 bytes are there.
            Assert.Equal(cut >= 8 ? "10:00:00:11:22:33:44:55" : null, Decode.Field(packet, frame, "ipfc.nh.da"));
            Assert.Null(Decode.Field(packet, frame, "ipfc.nh.sa"));
        }
    }

    [Fact]
    public void ShorterThanTheHeaderIsMalformed()
    {
        var whole = Frame(Snap(EtherType.Ipv4, Udp4));
        foreach (int end in new[] { 0, 1, 8, 15 })
        {
            var packet = Decode.Frame(whole[..end], LinkType.IpOverFc);
            Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
            Assert.Equal(LayerKind.Ipfc, packet.StoppedAt);
            Assert.Equal([LayerKind.Frame, LayerKind.Ipfc], Decode.Kinds(packet));
        }
        // The header alone: LLC with nothing in it.
        var header = Decode.Frame(whole[..IpfcHeader.Length], LinkType.IpOverFc);
        Assert.Equal(DecodeOutcome.Malformed, header.Outcome);
        Assert.Equal(LayerKind.Ipfc, header[1].Kind);
        Assert.Equal(LayerStatus.Complete, header[1].Status);
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(122);
        var bytes = new byte[80];
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            if (i % 2 == 0)
                Hex("aaaa03000000").CopyTo(bytes, IpfcHeader.Length);
            if (i % 4 == 0)
                bytes[22] = (byte)(i % 8 == 0 ? 0x08 : 0x86);
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, LinkType.IpOverFc, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
        }
    }
}
