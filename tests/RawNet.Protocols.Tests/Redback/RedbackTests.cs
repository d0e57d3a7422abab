using RawNet.Protocols.Decoding;
using RawNet.Protocols.Redback;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Redback;

public class RedbackTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>A SmartEdge record: context, flags, circuit, length, protocol, data and layer 3 offsets, padding, the packet.</summary>
    public static byte[] Frame(ushort protocol, byte[] payload, int l3Delta = 0, uint flags = 0, byte[]? padding = null)
    {
        padding ??= [];
        ushort data = (ushort)(RedbackHeader.Length + padding.Length);
        return Concat(Hex("00000101"), U32(flags), Hex("0000000a 00010203"), U16((ushort)(data + payload.Length)), U16(protocol),
            U16(data), U16((ushort)(data + l3Delta)), padding, payload);
    }

    private static byte[] U32(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(6, Concat(Hex("deadbeef 0021"), Udp4), padding: Hex("50414421"));
        Assert.True(RedbackHeader.TryRead(frame, out var redback));
        Assert.Equal(0x101u, redback.Context);
        Assert.Equal(0x0000000A00010203ul, redback.Circuit);
        Assert.Equal(6, redback.Protocol);
        Assert.Equal(28, redback.DataOffset);
        Assert.Equal(28, redback.L3Offset);
        Assert.True(redback.HasUnknown);
        Assert.True(redback.HasKnownProtocol);
        Assert.Equal(32, redback.FieldsEnd);
        Assert.False(RedbackHeader.TryRead(frame.AsSpan(0, 23), out _));
        Assert.True(RedbackHeader.HandsToPppHdlc(Frame(1, Udp4, l3Delta: 4)));
        Assert.False(RedbackHeader.HandsToPppHdlc(Frame(1, Udp4, l3Delta: 2)));
    }

    [Fact]
    public void Parse()
    {
        var frame = Frame(6, Concat(Hex("deadbeef 0021"), Udp4), padding: Hex("50414421"));
        var packet = Decode.Frame(frame, LinkType.Redback);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Redback, LayerKind.Ppp, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(32, packet[1].HeaderLength);
        Assert.Equal("0x00000101", Decode.Field(packet, frame, "redback.context"));
        Assert.Equal("0x0000000a00010203", Decode.Field(packet, frame, "redback.circuit"));
        Assert.Equal("28", Decode.Field(packet, frame, "redback.dataoffset"));
        Assert.Equal("50414421", Decode.Field(packet, frame, "redback.padding"));
        Assert.Equal("deadbeef", Decode.Field(packet, frame, "redback.unknown"));
        // The flag bit says the PPP message starts at the data offset.
        var direct = Frame(6, Concat(Hex("0021"), Udp4), flags: RedbackHeader.PppWithoutUnknown);
        packet = Decode.Frame(direct, LinkType.Redback);
        Assert.Null(Decode.Field(packet, direct, "redback.unknown"));
        Assert.Equal("redback:ppp:ip:udp:data", Decode.Protocols(packet, direct));
    }

    [Theory]
    [InlineData(1, 0, "", "redback:ip:udp:data")]
    [InlineData(1, 2, "0021", "redback:ppp:ip:udp:data")]
    [InlineData(1, 4, "ff030021", "redback:ppp:ip:udp:data")]
    [InlineData(1, 4, "0f000800", "redback:ppp:chdlc:ip:udp:data")]
    [InlineData(1, 14, "020000000002 020000000001 0800", "redback:eth:ethertype:ip:udp:data")]
    [InlineData(2, 0, "cc", "redback:ip:udp:data")]
    [InlineData(2, 0, "cf0021", "redback:ppp:ip:udp:data")]
    [InlineData(3, 0, "020000000002 020000000001 0800", "redback:eth:ethertype:ip:udp:data")]
    [InlineData(9, 14, "020000000002 020000000001 0800", "redback:eth:ethertype:ip:udp:data")]
    public void TheProtocolAndOffsetsChooseWhatFollows(ushort protocol, int l3Delta, string prefix, string chain)
    {
        var frame = Frame(protocol, Concat(Hex(prefix), Udp4), l3Delta);
        Assert.Equal(chain, Decode.Protocols(Decode.Frame(frame, LinkType.Redback), frame));
    }

    [Fact]
    public void UnknownProtocolsHandNothingOn()
    {
        var frame = Frame(7, Udp4);
        var packet = Decode.Frame(frame, LinkType.Redback);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Redback], Decode.Kinds(packet));
        var ipv6 = Frame(9, Tcp6);
        Assert.Equal("redback:ipv6:tcp", Decode.Protocols(Decode.Frame(ipv6, LinkType.Redback), ipv6));
        var nlpid = Frame(2, Concat(Hex("42"), Udp4));
        Assert.Equal("redback:data", Decode.Protocols(Decode.Frame(nlpid, LinkType.Redback), nlpid));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        var whole = Frame(1, Udp4, padding: Hex("50414421"));
        Decode.EveryPrefix(whole, LinkType.Redback);
        Decode.EveryPrefix(Frame(6, Concat(Hex("deadbeef 0057"), Tcp6)), LinkType.Redback);
        for (int cut = 0; cut < 28; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.Redback, originalLength: whole.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            // As tshark: both offsets are read before any field is added, the padding after them.
            Assert.Equal(cut >= 24 ? "1" : null, Decode.Field(packet, frame, "redback.protocol"));
            Assert.Null(Decode.Field(packet, frame, "redback.padding"));
            Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(frame, LinkType.Redback).Outcome);
        }
        // A data offset past the frame ends it there, without the layer it names.
        var far = Concat(Frame(1, Udp4)[..20], U16(200), U16(200), Udp4);
        var beyond = Decode.Frame(far, LinkType.Redback);
        Assert.Equal(DecodeOutcome.Malformed, beyond.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Redback], Decode.Kinds(beyond));
    }

    [Fact]
    public void HostileBytesNeverThrow() => Decode.RandomDamagesWithoutException(
        i => i % 2 == 0 ? Frame(1, Udp4, padding: Hex("50414421")) : Frame(6, Concat(Hex("deadbeef 0057"), Tcp6)), bytes => bytes, LinkType.Redback, seed: 32);
}
