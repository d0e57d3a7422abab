using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Atm;

/// <summary>RFC 1483 LLC-encapsulated ATM (LINKTYPE_ATM_RFC1483): LLC from the first byte, as tshark reads it.</summary>
public class AtmRfc1483Tests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    [Fact]
    public void ParseSnapAndIpSap()
    {
        var snap = Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv6), Tcp6);
        var packet = Decode.Frame(snap, LinkType.AtmRfc1483);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Llc, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal("0x86dd", Decode.Field(packet, snap, "llc.type"));
        var sap = Concat(Hex("060603"), Udp4);
        Assert.Equal([LayerKind.Frame, LayerKind.Llc, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(Decode.Frame(sap, LinkType.AtmRfc1483)));
        Assert.True(PacketDecoder.DecodesLinkType(LinkType.AtmRfc1483));
    }

    [Fact]
    public void OtherSapsAreData()
    {
        var packet = Decode.Frame(Hex("f0f003 01020304"), LinkType.AtmRfc1483);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Llc, LayerKind.Payload], Decode.Kinds(packet));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), Udp4), LinkType.AtmRfc1483);
        Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(Hex("aaaa"), LinkType.AtmRfc1483).Outcome);
        Assert.Equal(DecodeOutcome.Malformed, Decode.Frame([], LinkType.AtmRfc1483).Outcome);
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(100);
        var bytes = new byte[64];
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            if (i % 2 == 0)
                Hex("aaaa0300").CopyTo(bytes, 0);
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, LinkType.AtmRfc1483, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
            foreach (var layer in packet.Layers)
                Assert.True(layer.Offset >= 0 && layer.Offset + layer.HeaderLength <= frame.Length);
        }
    }
}
