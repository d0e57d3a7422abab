using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipoib;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ipoib;

public class IpoibTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>A global route header: version 6, class 0x12, flow 0x34567, source QPN 0x000123, then the GIDs.</summary>
    public static readonly byte[] GlobalRoute = Hex("61234567 00000123 fe800000000000000002c90300a1b2c3 fe800000000000000002c90300d4e5f6");

    /// <summary>No global route header: 20 zero bytes, the destination QPN 0x000456 and GID.</summary>
    public static readonly byte[] DestinationOnly = Concat(new byte[20], Hex("00000456 fe800000000000000002c90300d4e5f6"));

    public static byte[] Frame(byte[] pseudo, ushort type, byte[] payload, ushort reserved = 0) => Concat(pseudo, U16(type), U16(reserved), payload);

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(GlobalRoute, 0x0800, Udp4, 0xabcd);
        Assert.True(IpoibHeader.TryRead(frame, out var ipoib));
        Assert.True(ipoib.GlobalRoute);
        Assert.Equal(0x0800, ipoib.Type);
        Assert.Equal(0xabcd, ipoib.Reserved);
        Assert.Equal(GlobalRoute[24..40], ipoib.DestinationGid.ToArray());
        Assert.False(IpoibHeader.TryRead(frame.AsSpan(0, IpoibHeader.Length - 1), out _));
        Assert.True(IpoibHeader.TryRead(Frame(DestinationOnly, 0x86dd, []), out ipoib));
        Assert.False(ipoib.GlobalRoute);
        Assert.False(IpoibHeader.HasGlobalRoute([0x60]) || IpoibHeader.HasDestinationOnly([0]));
    }

    [Fact]
    public void ParseGlobalRouteAndIpv4()
    {
        var frame = Frame(GlobalRoute, 0x0800, Udp4);
        var packet = Decode.Frame(frame, LinkType.Ipoib);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipoib, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(44, packet[1].HeaderLength);
        Assert.Equal("1", Decode.Field(packet, frame, "ipoib.grh"));
        Assert.Equal("6", Decode.Field(packet, frame, "ipoib.grh.ipver"));
        Assert.Equal("18", Decode.Field(packet, frame, "ipoib.grh.tclass"));
        Assert.Equal("214375", Decode.Field(packet, frame, "ipoib.grh.flowlabel"));
        Assert.Equal("0x000123", Decode.Field(packet, frame, "ipoib.grh.sqpn"));
        Assert.Equal("fe80::2:c903:a1:b2c3", Decode.Field(packet, frame, "ipoib.grh.sgid"));
        Assert.Equal("fe80::2:c903:d4:e5f6", Decode.Field(packet, frame, "ipoib.dgid"));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "ipoib.type"));
        Assert.Equal("0x0000", Decode.Field(packet, frame, "ipoib.reserved"));
        Assert.Null(Decode.Field(packet, frame, "ipoib.daddr"));
        Assert.Null(Decode.Field(packet, frame, "ipoib.daddr.qpn"));
    }

    [Fact]
    public void ParseDestinationAloneAndIpv6()
    {
        var frame = Frame(DestinationOnly, 0x86dd, Tcp6);
        var packet = Decode.Frame(frame, LinkType.Ipoib);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipoib, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, frame, "ipoib.daddr"));
        Assert.Equal("0x000456", Decode.Field(packet, frame, "ipoib.daddr.qpn"));
        Assert.Equal("fe80::2:c903:d4:e5f6", Decode.Field(packet, frame, "ipoib.dgid"));
        Assert.Null(Decode.Field(packet, frame, "ipoib.grh"));
        Assert.Null(Decode.Field(packet, frame, "ipoib.grh.sgid"));
    }

    [Theory]
    [InlineData(0x0806)]
    [InlineData(0x8035)]
    public void BothArpTypesCarryArp(int type)
    {
        var packet = Decode.Frame(Frame(GlobalRoute, (ushort)type, Arp.ArpTests.Request), LinkType.Ipoib);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipoib, LayerKind.Arp], Decode.Kinds(packet));
    }

    [Fact]
    public void OtherTypesShowNothingMore()
    {
        // tshark's IPoIB dissector hands no other type on, not even to data.
        var packet = Decode.Frame(Frame(GlobalRoute, 0x8100, Udp4), LinkType.Ipoib);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipoib], Decode.Kinds(packet));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(Frame(GlobalRoute, 0x0800, Udp4), LinkType.Ipoib);
        Decode.EveryPrefix(Frame(DestinationOnly, 0x86dd, Tcp6), LinkType.Ipoib);
        var whole = Frame(GlobalRoute, 0x0800, Udp4);
        for (int cut = 0; cut < IpoibHeader.Length; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.Ipoib, originalLength: whole.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            // As tshark: a field once its bytes are there; the subtree's marker once the first two bytes tell which it is.
            Assert.Equal(cut >= 2 ? "1" : null, Decode.Field(packet, frame, "ipoib.grh"));
            Assert.Equal(cut >= 2 ? "18" : null, Decode.Field(packet, frame, "ipoib.grh.tclass"));
            Assert.Equal(cut >= 4 ? "214375" : null, Decode.Field(packet, frame, "ipoib.grh.flowlabel"));
            Assert.Equal(cut >= 8 ? "0x000123" : null, Decode.Field(packet, frame, "ipoib.grh.sqpn"));
            Assert.Equal(cut >= 40 ? "fe80::2:c903:d4:e5f6" : null, Decode.Field(packet, frame, "ipoib.dgid"));
            Assert.Equal(cut >= 42 ? "0x0800" : null, Decode.Field(packet, frame, "ipoib.type"));
            Assert.Null(Decode.Field(packet, frame, "ipoib.reserved"));
        }
        var unicast = Frame(DestinationOnly, 0x0800, Udp4);
        foreach (int cut in new[] { 2, 19, 20, 23, 24 })
        {
            var frame = unicast[..cut];
            var packet = Decode.Frame(frame, LinkType.Ipoib, originalLength: unicast.Length);
            Assert.Equal(cut >= 20 ? "1" : null, Decode.Field(packet, frame, "ipoib.daddr"));
            Assert.Equal(cut >= 24 ? "0x000456" : null, Decode.Field(packet, frame, "ipoib.daddr.qpn"));
        }
    }

    [Fact]
    public void ShorterThanTheHeaderIsMalformed()
    {
        var whole = Frame(GlobalRoute, 0x0800, Udp4);
        foreach (int end in new[] { 0, 1, 2, 40, 43 })
        {
            var packet = Decode.Frame(whole[..end], LinkType.Ipoib);
            Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
            Assert.Equal(LayerKind.Ipoib, packet.StoppedAt);
            Assert.Equal([LayerKind.Frame, LayerKind.Ipoib], Decode.Kinds(packet));
        }
        // The header alone: IPv4 with nothing in it, as tshark's malformed IPv4.
        var header = Decode.Frame(whole[..IpoibHeader.Length], LinkType.Ipoib);
        Assert.Equal(DecodeOutcome.Malformed, header.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipoib, LayerKind.Ipv4], Decode.Kinds(header));
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(242);
        var bytes = new byte[96];
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            if (i % 3 == 0)
                bytes[40] = (byte)(i % 2 == 0 ? 0x08 : 0x86);
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, LinkType.Ipoib, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
        }
    }
}
