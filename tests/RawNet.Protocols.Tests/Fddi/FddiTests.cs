using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fddi;
using RawNet.Protocols.Fields;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Fddi;

public class FddiTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>An FDDI frame from 02:00:00:ab:cd:ef to c0:00:00:00:12:34 as stored (tshark shows 40:00:00:d5:b3:f7 and 03:00:00:00:48:2c).</summary>
    public static byte[] Frame(byte frameControl, byte[] payload) => Concat([frameControl], Hex("c00000001234 020000abcdef"), payload);

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(0x51, Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), Udp4));
        Assert.True(FddiHeader.TryRead(frame, out var fddi));
        Assert.Equal(0x51, fddi.FrameControl);
        Assert.Equal(Hex("c00000001234"), fddi.Destination.ToArray());
        Assert.Equal(Hex("020000abcdef"), fddi.Source.ToArray());
        Assert.False(FddiHeader.TryRead(frame.AsSpan(0, 12), out _));
        Assert.True(FddiHeader.CarriesLlc(0x50) && FddiHeader.CarriesLlc(0x5F));
        Assert.False(FddiHeader.CarriesLlc(0xD0) || FddiHeader.CarriesLlc(0x4F));
        Assert.Equal(0x03, FieldFormatter.ReverseBits(0xC0));
        Assert.Equal(0xB3, FieldFormatter.ReverseBits(0xCD));
    }

    [Fact]
    public void ParseAsyncLlc()
    {
        var frame = Frame(0x53, Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv6), Tcp6));
        var packet = Decode.Frame(frame, LinkType.Fddi);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Fddi, LayerKind.Llc, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal("0x53", Decode.Field(packet, frame, "fddi.fc"));
        Assert.Equal("0x05", Decode.Field(packet, frame, "fddi.fc.clf"));
        Assert.Equal("3", Decode.Field(packet, frame, "fddi.fc.prio"));
        Assert.Null(Decode.Field(packet, frame, "fddi.fc.smt_subtype"));
        // As tshark reads LINKTYPE_FDDI: bit-swapped, each address twice.
        Assert.Equal("03:00:00:00:48:2c,03:00:00:00:48:2c", Decode.Field(packet, frame, "fddi.dst"));
        Assert.Equal("40:00:00:d5:b3:f7,40:00:00:d5:b3:f7", Decode.Field(packet, frame, "fddi.src"));
        Assert.Equal("03:00:00:00:48:2c,03:00:00:00:48:2c,40:00:00:d5:b3:f7,40:00:00:d5:b3:f7", Decode.Field(packet, frame, "fddi.addr"));
    }

    [Fact]
    public void OtherFramesAreData()
    {
        foreach (byte fc in new byte[] { 0x00, 0x41, 0x58 - 0x10, 0x80, 0xC0, 0xC2, 0xD0, 0xE1 })
        {
            var frame = Frame(fc, Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), Udp4));
            var packet = Decode.Frame(frame, LinkType.Fddi);
            Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
            Assert.Equal([LayerKind.Frame, LayerKind.Fddi, LayerKind.Payload], Decode.Kinds(packet));
            Assert.Equal((fc & 0xF0) == 0x40 ? "" + (fc & 0x0F) : null, Decode.Field(packet, frame, "fddi.fc.smt_subtype"));
            Assert.Equal((fc & 0xF0) == 0xC0 && fc != 0xC0 ? "" + (fc & 0x0F) : null, Decode.Field(packet, frame, "fddi.fc.mac_subtype"));
        }
        // The reserved bit of an asynchronous frame hides the priority.
        var reserved = Frame(0x5A, Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), Udp4));
        Assert.Null(Decode.Field(Decode.Frame(reserved, LinkType.Fddi), reserved, "fddi.fc.prio"));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        var whole = Frame(0x50, Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), Udp4));
        Decode.EveryPrefix(whole, LinkType.Fddi);
        for (int cut = 1; cut < FddiHeader.Length; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.Fddi, originalLength: whole.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            // As tshark: the frame control's fields, then each address once its six bytes are there.
            Assert.Equal("0x50", Decode.Field(packet, frame, "fddi.fc"));
            Assert.Equal(cut >= 7 ? "03:00:00:00:48:2c,03:00:00:00:48:2c" : null, Decode.Field(packet, frame, "fddi.dst"));
            Assert.Null(Decode.Field(packet, frame, "fddi.src"));
            Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(frame, LinkType.Fddi).Outcome);
        }
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(10);
        var bytes = new byte[64];
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            if (i % 2 == 0)
                bytes[0] = (byte)(0x50 | bytes[0] & 0x0F);
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, LinkType.Fddi, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
            foreach (var layer in packet.Layers)
                Assert.True(layer.Offset >= 0 && layer.Offset + layer.HeaderLength <= frame.Length);
        }
    }
}
