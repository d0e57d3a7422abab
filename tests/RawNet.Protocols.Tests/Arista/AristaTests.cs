using RawNet.Protocols.Arista;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Arista;

public class AristaTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Udp6 = Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    private static byte[] Frame(byte[] header, byte[] payload) => EthernetFrame(EtherType.Arista, Concat(header, payload));

    [Fact]
    public void Deconstruct()
    {
        Assert.True(AristaHeader.TryRead(Hex("0001 0010 00000064 000000c8 0800"), out var tai64));
        Assert.True(tai64.IsTimestamp);
        Assert.Equal(0x0010, tai64.Version);
        Assert.Equal(14, tai64.HeaderLength);
        Assert.Equal(12, tai64.EtherTypeOffset);
        Assert.Equal(0x0800, tai64.EtherType);
        Assert.True(AristaHeader.TryRead(Hex("0001 0120 0064 000000c8 86dd"), out var utc48));
        Assert.Equal(12, utc48.HeaderLength);
        Assert.Equal(0x86DD, utc48.EtherType);
        Assert.True(AristaHeader.TryRead(Hex("0001 0011"), out var unknown));
        Assert.False(unknown.HasEtherType);
        Assert.Equal(4, unknown.HeaderLength);
        Assert.True(AristaHeader.TryRead(Hex("0002 0806"), out var other));
        Assert.False(other.IsTimestamp);
        Assert.Equal(0x0806, other.EtherType);
        Assert.False(AristaHeader.TryRead(Hex("0001 0010 00000064 000000c8 08"), out _));
        Assert.False(AristaHeader.TryRead(Hex("00"), out _));
        Assert.Equal(4, AristaHeader.LengthOf(Hex("0001 00")));
        Assert.Equal(0, AristaHeader.TimestampLength(0x0021));
    }

    [Fact]
    public void TimestampsCarryWhatTheEtherTypeNames()
    {
        var frame = Frame(Hex("0001 0010 00000064 000000c8 0800"), Udp4);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Arista, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, frame, "avsp.sub_type"));
        Assert.Equal("0x0010", Decode.Field(packet, frame, "avsp.ver"));
        Assert.Equal("1", Decode.Field(packet, frame, "avsp.64ts"));
        Assert.Equal("100", Decode.Field(packet, frame, "avsp.64sec"));
        Assert.Equal("200", Decode.Field(packet, frame, "avsp.64ns"));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "avsp.etype"));
        Assert.Null(Decode.Field(packet, frame, "avsp.48ts"));
        Assert.Null(Decode.Field(packet, frame, "avsp.ts.unknown_version"));
        Assert.Null(Decode.Field(packet, frame, "avsp.trailer"));

        frame = Frame(Hex("0001 0120 0064 000000c8 8100 0005 86dd"), Udp6);
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Arista, LayerKind.Vlan, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload],
            Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, frame, "avsp.48ts"));
        Assert.Equal("100", Decode.Field(packet, frame, "avsp.48sec"));
        Assert.Equal("200", Decode.Field(packet, frame, "avsp.48ns"));
        Assert.Null(Decode.Field(packet, frame, "avsp.64sec"));

        frame = Frame(Hex("0001 0010 00000001 00000002 d28b 0001 0020 0003 00000004 0800"), Udp4);
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(2, Decode.Kinds(packet).Count(kind => kind == LayerKind.Arista));
        Assert.Contains(LayerKind.Udp, Decode.Kinds(packet));
    }

    [Fact]
    public void TheTrailerIsWhatIpLeavesAfterThePadding()
    {
        var frame = Frame(Hex("0001 0010 00000064 000000c8 0800"), Concat(Udp4, Hex("00000000000000000000000000000000 0102")));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        // (59 bytes before the trailer: its first zero is Ethernet's padding to 60.)
        Assert.Equal("000000000000000000000000000000" + "0102", Decode.Field(packet, frame, "avsp.trailer"));
        // A short frame: the zeros up to 60 bytes are Ethernet's padding.
        var arp = Hex("0001080006040001020000000001c6120001000000000000c6120002");
        frame = Frame(Hex("0001 0010 00000064 000000c8 0806"), Concat(arp, Hex("00000000 05")));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("05", Decode.Field(packet, frame, "avsp.trailer"));
    }

    [Fact]
    public void UnknownSubtypesAndVersions()
    {
        // tshark reads an unknown subtype's EtherType right after it.
        var frame = Frame(Hex("0002 0800"), Udp4);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("2", Decode.Field(packet, frame, "avsp.sub_type"));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "avsp.etype"));
        Assert.Null(Decode.Field(packet, frame, "avsp.ver"));
        Assert.Contains(LayerKind.Ipv4, Decode.Kinds(packet));

        // and stops after a timestamp version it does not know, with nothing after it.
        frame = Frame(Hex("0001 0021 00000064 000000c8 0800"), Udp4);
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Arista], Decode.Kinds(packet));
        Assert.Equal("0x0021", Decode.Field(packet, frame, "avsp.ver"));
        Assert.Equal("1", Decode.Field(packet, frame, "avsp.ts.unknown_version"));
        Assert.Null(Decode.Field(packet, frame, "avsp.etype"));
        Assert.Null(Decode.Field(packet, frame, "avsp.64ts"));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        foreach (var frame in new[] { Frame(Hex("0001 0010 00000064 000000c8 0800"), Udp4), Frame(Hex("0001 0020 0064 000000c8 86dd"), Udp6),
                     Frame(Hex("0007 0800"), Udp4) })
        {
            int headerEnd = 14 + AristaHeader.LengthOf(frame.AsSpan(14));
            for (int cut = 0; cut < frame.Length; cut++)
            {
                var packet = Decode.Frame(frame[..cut], LinkType.Ethernet, originalLength: frame.Length);
                if (cut <= headerEnd + 20)
                    Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
                Assert.Equal(cut > 14 || cut == 14, Decode.Kinds(packet).Contains(LayerKind.Arista));
                if (cut > 14 && cut < headerEnd)
                    Assert.Equal(LayerKind.Arista, packet.StoppedAt);
                Decode.AllFields(packet, frame.AsSpan(0, cut), text);
                packet = Decode.Frame(frame[..cut], LinkType.Ethernet);
                if (cut > 14 && cut < headerEnd)
                    Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
                Decode.AllFields(packet, frame.AsSpan(0, cut), text);
            }
        }
        // Fields stop where their bytes do.
        var cutFrame = Frame(Hex("0001 0010 00000064 0000"), []);
        var cutPacket = Decode.Frame(cutFrame, LinkType.Ethernet);
        Assert.Equal("1", Decode.Field(cutPacket, cutFrame, "avsp.64ts"));
        Assert.Equal("100", Decode.Field(cutPacket, cutFrame, "avsp.64sec"));
        Assert.Null(Decode.Field(cutPacket, cutFrame, "avsp.64ns"));
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(0xD28B);
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        for (int i = 0; i < 3000; i++)
        {
            var body = new byte[random.Next(0, 200)];
            random.NextBytes(body);
            if (body.Length > 4 && random.Next(2) == 0)
            {
                body[0] = 0;
                body[1] = (byte)random.Next(0, 3);
                body[2] = (byte)random.Next(0, 2);
                body[3] = random.Next(2) == 0 ? (byte)0x10 : (byte)0x20;
            }
            if (body.Length > 14 && random.Next(4) == 0)
            {
                // Arista inside Arista, as deep as the bytes go.
                for (int at = 10; at + 2 <= body.Length; at += 12)
                {
                    body[at] = 0xD2;
                    body[at + 1] = 0x8B;
                }
            }
            var frame = EthernetFrame(EtherType.Arista, body);
            var packet = Decode.Frame(frame, LinkType.Ethernet, originalLength: frame.Length + random.Next(0, 2) * 100);
            Decode.AllFields(packet, frame, text);
        }
        // A header repeated to the end of a large frame ends at the layer limit.
        var nested = Concat(Enumerable.Repeat(Hex("0001 0020 0000 00000000 d28b"), 400).ToArray());
        var deep = EthernetFrame(EtherType.Arista, nested);
        var deepPacket = Decode.Frame(deep, LinkType.Ethernet);
        Decode.AllFields(deepPacket, deep, text);
    }
}
