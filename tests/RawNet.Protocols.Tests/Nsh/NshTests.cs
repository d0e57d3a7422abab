using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Nsh;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Nsh;

public class NshTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Udp6 = Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    /// <summary>Base header (version 0, TTL 63, <paramref name="length"/> words), service path header, then <paramref name="context"/>.</summary>
    private static byte[] Header(byte mdType, byte nextProtocol, int length, byte[] context, uint spi = 5, byte si = 255) =>
        Concat(U16(63 << 6 | length), [mdType, nextProtocol], U32(spi << 8 | si), context);

    private static byte[] Frame(byte[] nsh, byte[] payload) => EthernetFrame(EtherType.Nsh, Concat(nsh, payload));

    [Fact]
    public void Deconstruct()
    {
        Assert.True(NshHeader.TryRead(Concat(Hex("6fc6 0103 fffffe07")), out var nsh));
        Assert.Equal(1, nsh.Version);
        Assert.True(nsh.Oam);
        Assert.Equal(6, nsh.LengthWords);
        Assert.Equal(1, nsh.MdType);
        Assert.Equal(NshNextProtocol.Ethernet, nsh.NextProtocol);
        Assert.Equal(0xFFFFFEu, nsh.ServicePathIdentifier);
        Assert.Equal(7, nsh.ServiceIndex);
        Assert.False(NshHeader.TryRead(Hex("0fc6 0101 000005"), out _));
        Assert.Equal(24, NshHeader.PayloadOffset(0x0003, 1));
        Assert.Equal(8, NshHeader.PayloadOffset(0x0001, 2));
        Assert.Equal(4, NshHeader.PayloadOffset(0x0000, 0));
        Assert.Equal(40, NshHeader.PayloadOffset(0x000A, 15));
        Assert.True(NshHeader.IsLengthInvalid(0x0005, 1));
        Assert.False(NshHeader.IsLengthInvalid(0x0002, 2));
    }

    [Fact]
    public void MdType1CarriesIpv4Ipv6AndEthernet()
    {
        var frame = Frame(Header(1, 1, 6, new byte[16]), Udp4);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Nsh, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("5", Decode.Field(packet, frame, "nsh.spi"));
        Assert.Equal("255", Decode.Field(packet, frame, "nsh.si"));
        Assert.Equal("0x003f", Decode.Field(packet, frame, "nsh.ttl"));
        Assert.Equal("00000000,00000000,00000000,00000000", Decode.Field(packet, frame, "nsh.contextheader"));
        Assert.Null(Decode.Field(packet, frame, "nsh.length.invalid"));

        frame = Frame(Header(1, 2, 6, new byte[16]), Udp6);
        Assert.Contains(LayerKind.Ipv6, Decode.Kinds(Decode.Frame(frame, LinkType.Ethernet)));
        frame = Frame(Header(1, 3, 6, new byte[16]), EthernetFrame(EtherType.Ipv4, Udp4));
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Nsh, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload],
            Decode.Kinds(Decode.Frame(frame, LinkType.Ethernet)));
    }

    [Fact]
    public void MdType1IsAlways24BytesWhateverTheLength()
    {
        var frame = Frame(Header(1, 1, 3, new byte[16]), Udp4);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(LayerKind.Ipv4, packet[3].Kind);
        Assert.Equal(14 + 24, packet[3].Offset);
        Assert.Equal("1", Decode.Field(packet, frame, "nsh.length.invalid"));
    }

    [Fact]
    public void MdType2TlvsArePaddedAndWalked()
    {
        var frame = Frame(Header(2, 1, 7, Hex("0001 0202 aabb0000 ffff ff85 0102030405000000")), Udp4);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(14 + 28, packet[3].Offset);
        Assert.Equal("1,65535", Decode.Field(packet, frame, "nsh.metadataclass"));
        Assert.Equal("2,255", Decode.Field(packet, frame, "nsh.metadatatype"));
        Assert.Equal("0x00,0x01", Decode.Field(packet, frame, "nsh.metadataunassignedbit"));
        Assert.Equal("0x02,0x05", Decode.Field(packet, frame, "nsh.metadatalen"));
        Assert.Equal("aabb,0102030405", Decode.Field(packet, frame, "nsh.metadata"));
        Assert.Null(Decode.Field(packet, frame, "nsh.contextheader"));
    }

    [Fact]
    public void ATlvLongerThanTheFrameIsMalformed()
    {
        var frame = Frame(Header(2, 1, 4, Hex("0001 0208 0000")), []);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("1", Decode.Field(packet, frame, "nsh.metadataclass"));
        Assert.Null(Decode.Field(packet, frame, "nsh.metadata"));
    }

    [Fact]
    public void OtherNextProtocolsAndNesting()
    {
        var frame = Frame(Header(1, 0x10, 6, new byte[16]), Hex("616263"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal(LayerKind.Payload, packet[3].Kind);

        frame = Frame(Header(1, 5, 6, new byte[16]), Concat(U32(16 << 12 | 0x100 | 64), Udp4));
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Nsh, LayerKind.Mpls, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload],
            Decode.Kinds(Decode.Frame(frame, LinkType.Ethernet)));

        // NSH inside NSH, forever: walked MaxNshHeaders deep, then data.
        var inner = Header(2, 4, 2, []);
        frame = Frame(Concat(Enumerable.Repeat(inner, 50).ToArray()), []);
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(PacketDecoder.MaxNshHeaders, Decode.Kinds(packet).Count(k => k == LayerKind.Nsh));
        Assert.Equal(LayerKind.Payload, packet[packet.LayerCount - 1].Kind);
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        // Not Decode.EveryPrefix: a frame that ends right after NSH is no error to tshark, which then decodes nothing.
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        foreach (var frame in new[] { Frame(Header(1, 1, 6, new byte[16]), Udp4), Frame(Header(2, 2, 4, Hex("0102 0304 aabbccdd")), Udp6) })
        {
            int headerEnd = 14 + (frame[16] == 1 ? 24 : 16);
            for (int cut = 0; cut < frame.Length; cut++)
            {
                var packet = Decode.Frame(frame[..cut], LinkType.Ethernet, originalLength: frame.Length);
                if (cut <= headerEnd + 20)
                    Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
                Assert.Equal(cut > 14 || cut == 14, Decode.Kinds(packet).Contains(LayerKind.Nsh));
                if (cut > 14 && cut < headerEnd)
                    Assert.Equal(LayerKind.Nsh, packet.StoppedAt);
                Decode.AllFields(packet, frame.AsSpan(0, cut), text);
                packet = Decode.Frame(frame[..cut], LinkType.Ethernet);
                Assert.Equal(cut > 14 && cut < headerEnd ? DecodeOutcome.Malformed : packet.Outcome, packet.Outcome);
                Decode.AllFields(packet, frame.AsSpan(0, cut), text);
            }
        }
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(8300);
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        for (int i = 0; i < 3000; i++)
        {
            var body = new byte[random.Next(0, 300)];
            random.NextBytes(body);
            if (body.Length > 2 && random.Next(2) == 0)
                body[2] = (byte)random.Next(0, 3);
            var frame = EthernetFrame(EtherType.Nsh, body);
            var packet = Decode.Frame(frame, LinkType.Ethernet, originalLength: frame.Length + random.Next(0, 2) * 100);
            Decode.AllFields(packet, frame, text);
        }
    }
}
