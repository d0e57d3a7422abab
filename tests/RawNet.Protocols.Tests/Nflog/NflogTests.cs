using RawNet.Protocols.Decoding;
using RawNet.Protocols.Nflog;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Nflog;

public class NflogTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>A TLV: length and type little-endian, the value, padding to 4 bytes.</summary>
    public static byte[] Tlv(NflogTlvType type, byte[] value, int? length = null)
    {
        int size = length ?? 4 + value.Length;
        var tlv = Concat([(byte)size, (byte)(size >> 8), (byte)type, (byte)((int)type >> 8)], value);
        return Concat(tlv, new byte[(4 - tlv.Length % 4) % 4]);
    }

    /// <summary>An NFLOG header (version 0, resource 7) and the TLVs.</summary>
    public static byte[] Message(byte family, params byte[][] tlvs) => Concat([family, 0], U16(7), Concat(tlvs));

    private static byte[] Logged(byte[] packet, ushort protocol = 0x0800) => Message(NflogHeader.Ipv4,
        Tlv(NflogTlvType.PacketHeader, Concat(U16(protocol), [3, 0])), Tlv(NflogTlvType.Prefix, [(byte)'i', (byte)'n', 0]),
        Tlv(NflogTlvType.Uid, U32(1000)), Tlv(NflogTlvType.Gid, U32(0xFFFF_FFFE)), Tlv(NflogTlvType.InterfaceOut, U32(3)),
        Tlv(NflogTlvType.Payload, packet));

    [Fact]
    public void Deconstruct()
    {
        var frame = Logged(Udp4);
        Assert.True(NflogHeader.TryRead(frame, out var nflog));
        Assert.Equal(NflogHeader.Ipv4, nflog.Family);
        Assert.Equal(0, nflog.Version);
        Assert.Equal(7, nflog.ResourceId);
        Assert.False(NflogHeader.TryRead(frame.AsSpan(0, 3), out _));
        var tlvs = new NflogTlvs(frame, frame.Length);
        var types = new List<NflogTlvType>();
        while (tlvs.MoveNext())
            types.Add(tlvs.Type);
        Assert.Equal([NflogTlvType.PacketHeader, NflogTlvType.Prefix, NflogTlvType.Uid, NflogTlvType.Gid, NflogTlvType.InterfaceOut, NflogTlvType.Payload], types);
        Assert.Equal(NflogWalkEnd.Done, tlvs.End);
    }

    [Fact]
    public void ParseFieldsAndIp()
    {
        var frame = Logged(Udp4);
        var packet = Decode.Frame(frame, LinkType.Nflog);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Nflog, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(frame.Length - Udp4.Length - (4 - (4 + Udp4.Length) % 4) % 4, packet[2].Offset); // the payload's value, then padding
        Assert.Equal("2", Decode.Field(packet, frame, "nflog.family"));
        Assert.Equal("7", Decode.Field(packet, frame, "nflog.res_id"));
        Assert.Equal("8,7,8,8,8," + (4 + Udp4.Length), Decode.Field(packet, frame, "nflog.tlv_length"));
        Assert.Equal("1,10,11,14,5,9", Decode.Field(packet, frame, "nflog.tlv_type"));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "nflog.protocol"));
        Assert.Equal("3", Decode.Field(packet, frame, "nflog.hook"));
        Assert.Equal("in", Decode.Field(packet, frame, "nflog.prefix"));
        Assert.Equal("1000", Decode.Field(packet, frame, "nflog.uid"));
        Assert.Equal("-2", Decode.Field(packet, frame, "nflog.gid"));
        Assert.Equal("3", Decode.Field(packet, frame, "nflog.ifindex_outdev"));
        Assert.Null(Decode.Field(packet, frame, "nflog.ifindex_indev"));
        Assert.Null(Decode.Field(packet, frame, "nflog.tlv_value"));
        Assert.Equal("08000100" + "08000300", Decode.Field(packet, frame, "nflog.tlv")![..16]);
    }

    [Fact]
    public void TheHardwareProtocolWinsOverTheFamily()
    {
        var frame = Message(NflogHeader.Ipv6, Tlv(NflogTlvType.PacketHeader, Hex("0800 03 00")), Tlv(NflogTlvType.Payload, Udp4));
        Assert.Equal([LayerKind.Frame, LayerKind.Nflog, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(Decode.Frame(frame, LinkType.Nflog)));
        frame = Message(NflogHeader.Ipv6, Tlv(NflogTlvType.Payload, Tcp6));
        Assert.Equal([LayerKind.Frame, LayerKind.Nflog, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(Decode.Frame(frame, LinkType.Nflog)));
        frame = Message(9, Tlv(NflogTlvType.Payload, Udp4));
        Assert.Equal([LayerKind.Frame, LayerKind.Nflog, LayerKind.Payload], Decode.Kinds(Decode.Frame(frame, LinkType.Nflog)));
        // The last payload is the packet, as tshark takes it.
        frame = Message(NflogHeader.Ipv6, Tlv(NflogTlvType.Payload, Udp4), Tlv(NflogTlvType.Payload, Tcp6));
        Assert.Equal([LayerKind.Frame, LayerKind.Nflog, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(Decode.Frame(frame, LinkType.Nflog)));
    }

    [Fact]
    public void ValuesOfOtherSizesShowAsValues()
    {
        var frame = Message(NflogHeader.Ipv4, Tlv(NflogTlvType.Uid, [0, 1]), Tlv(NflogTlvType.Prefix, []), Tlv((NflogTlvType)99, [0x7a]),
            Tlv(NflogTlvType.Payload | (NflogTlvType)0x8000, Udp4));
        var packet = Decode.Frame(frame, LinkType.Nflog);
        Assert.Equal("0001,<MISSING>,7a", Decode.Field(packet, frame, "nflog.tlv_value"));
        Assert.Equal("11,10,99,9", Decode.Field(packet, frame, "nflog.tlv_type"));
        Assert.Null(Decode.Field(packet, frame, "nflog.uid"));
        Assert.Equal(LayerKind.Ipv4, packet[2].Kind);
    }

    [Fact]
    public void HostileLengthsEndTheWalk()
    {
        // Below 4: tshark stops quietly, with what came before.
        var frame = Message(NflogHeader.Ipv4, Tlv(NflogTlvType.Uid, U32(1)), Tlv(NflogTlvType.Prefix, [], length: 3), Tlv(NflogTlvType.Payload, Udp4));
        var packet = Decode.Frame(frame, LinkType.Nflog);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Nflog], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, frame, "nflog.uid"));
        // Past the end of the packet: malformed, no fields of that TLV, no payload.
        foreach (int length in new[] { 200, 0xFFFF })
        {
            frame = Message(NflogHeader.Ipv4, Tlv(NflogTlvType.Payload, Udp4, length: length));
            packet = Decode.Frame(frame, LinkType.Nflog);
            Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
            Assert.Equal([LayerKind.Frame, LayerKind.Nflog], Decode.Kinds(packet));
            Assert.Null(Decode.Field(packet, frame, "nflog.tlv_length"));
        }
        // Many tiny TLVs: a bounded walk.
        var many = Enumerable.Repeat(Tlv(NflogTlvType.Mark, []), PacketDecoder.MaxNflogTlvs + 10).ToArray();
        frame = Message(NflogHeader.Ipv4, [.. many, Tlv(NflogTlvType.Payload, Udp4)]);
        packet = Decode.Frame(frame, LinkType.Nflog);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal(PacketDecoder.MaxNflogTlvs, Decode.Field(packet, frame, "nflog.tlv_type")!.Split(',').Length);
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        // Not Decode.EveryPrefix: a message that really ends between TLVs is whole to tshark, not malformed.
        var whole = Logged(Udp4);
        for (int cut = 0; cut < whole.Length; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.Nflog, originalLength: whole.Length);
            // Cut in the padding after the payload's value, nothing tshark reads is missing.
            Assert.Equal(cut < whole.Length - (4 - (4 + Udp4.Length) % 4) % 4 ? DecodeOutcome.Truncated : DecodeOutcome.Ok, packet.Outcome);
            Assert.Equal(cut >= 1 ? "2" : null, Decode.Field(packet, frame, "nflog.family"));
            Assert.Equal(cut >= 12 ? "0x0800" : null, Decode.Field(packet, frame, "nflog.protocol"));
            Assert.Equal(cut >= 19 ? "in" : null, Decode.Field(packet, frame, "nflog.prefix"));
        }
        for (int end = 0; end < NflogHeader.Length; end++)
            Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(whole[..end], LinkType.Nflog).Outcome);
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(239);
        var bytes = new byte[128];
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 3000; i++)
        {
            random.NextBytes(bytes);
            // Mostly plausible TLV headers: small lengths, low types.
            for (int at = 4; at + 4 <= bytes.Length && i % 2 == 0; at += 4 + (bytes[at] & 0x0C))
            {
                bytes[at] = (byte)(bytes[at] & 0x3F);
                bytes[at + 1] = 0;
                bytes[at + 2] = (byte)(bytes[at + 2] % 18);
                bytes[at + 3] = 0;
            }
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, LinkType.Nflog, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
            foreach (var layer in packet.Layers)
                Assert.True(layer.Offset >= 0 && layer.Offset + layer.HeaderLength <= frame.Length);
        }
    }
}
