using RawNet.Protocols.Decoding;
using RawNet.Protocols.Juniper;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Juniper;

public class JuniperVnTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    /// <summary>A VN TLV: type, length (the value's unless given), value.</summary>
    public static byte[] Tlv(byte type, byte[] value, int? length = null) => Concat([type, (byte)(length ?? value.Length)], value);

    /// <summary>A vRouter's header (host 10.1.1.1, the flags, both networks, the end TLV) before <paramref name="payload"/>.</summary>
    public static byte[] Frame(byte[] payload, uint flags = 0x40000022) => Concat(Tlv(1, [10, 1, 1, 1]),
        Tlv(2, [(byte)(flags >> 24), (byte)(flags >> 16), (byte)(flags >> 8), (byte)flags]), Tlv(3, "net-a"u8.ToArray()),
        Tlv(4, "net-b"u8.ToArray()), Tlv(255, []), payload);

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(EthernetFrame(EtherType.Ipv4, Udp4));
        var walk = new JuniperVnWalk(frame);
        var types = new List<byte>();
        while (walk.MoveNext())
            types.Add(walk.Type);
        Assert.Equal([1, 2, 3, 4], types);
        Assert.Equal(JuniperVnEnd.Last, walk.End);
        Assert.Equal(28, walk.Next);
        Assert.False(JuniperHeader.HasCommonHeader(JuniperLink.VirtualNetwork));
        Assert.False(JuniperHeader.HasTail(JuniperLink.VirtualNetwork));
        Assert.Equal("Juniper Virtual Network Information", JuniperHeader.ProtocolName(JuniperLink.VirtualNetwork));
    }

    [Fact]
    public void Parse()
    {
        var frame = Frame(EthernetFrame(EtherType.Ipv4, Udp4));
        var packet = Decode.Frame(frame, LinkType.JuniperVn);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Juniper, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(28, packet[1].HeaderLength);
        Assert.Equal("10.1.1.1", Decode.Field(packet, frame, "juniper.vn.host_ip"));
        Assert.Equal("0x40000022", Decode.Field(packet, frame, "juniper.vn.flags"));
        Assert.Equal("1", Decode.Field(packet, frame, "juniper.vn.flags.direction"));
        Assert.Equal("0", Decode.Field(packet, frame, "juniper.vn.flags.drop"));
        Assert.Equal("net-a", Decode.Field(packet, frame, "juniper.vn.src"));
        Assert.Equal("net-b", Decode.Field(packet, frame, "juniper.vn.dst"));
        Assert.Equal("204", Decode.Field(packet, frame, "juniper.payload_type"));
        // No "MGC" header on this link type, whatever the bytes say.
        Assert.Null(Decode.Field(packet, frame, "juniper.magic-number"));
        Assert.Equal("juniper:eth:ethertype:ip:udp:data", Decode.Protocols(packet, frame));
    }

    [Fact]
    public void AnUnknownTypeEndsTheFrame()
    {
        var frame = Concat(Tlv(9, [1, 2]), Frame(EthernetFrame(EtherType.Ipv4, Udp4)));
        var packet = Decode.Frame(frame, LinkType.JuniperVn);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Juniper], Decode.Kinds(packet));
        Assert.Null(Decode.Field(packet, frame, "juniper.payload_type"));
        // A host TLV shorter than its 4 bytes: tshark reads them anyway, and the next TLV after the length it gives.
        var shortHost = Concat(Tlv(1, [255, 0, 9, 9], length: 0), new byte[16], EthernetFrame(EtherType.Ipv4, Udp4));
        packet = Decode.Frame(shortHost, LinkType.JuniperVn);
        Assert.Equal("255.0.9.9", Decode.Field(packet, shortHost, "juniper.vn.host_ip"));
        Assert.Equal(4, packet[2].Offset);
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        var whole = Frame(EthernetFrame(EtherType.Ipv4, Udp4));
        Decode.EveryPrefix(whole, LinkType.JuniperVn);
        for (int cut = 0; cut < 28; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.JuniperVn, originalLength: whole.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            // As tshark: a 20-byte subtree comes first, then the TLVs the capture kept.
            Assert.Equal(cut >= 20 ? "10.1.1.1" : null, Decode.Field(packet, frame, "juniper.vn.host_ip"));
            Assert.Null(Decode.Field(packet, frame, "juniper.payload_type"));
            Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(frame, LinkType.JuniperVn).Outcome);
        }
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        Decode.RandomDamagesWithoutException(_ => Frame(EthernetFrame(EtherType.Ipv4, Udp4)), bytes => bytes, LinkType.JuniperVn, seed: 184);
        // Many TLVs: the walk stops at its bound.
        var many = Concat(Enumerable.Repeat(Tlv(3, [0x61]), 100).SelectMany(t => t).ToArray(), Tlv(255, []));
        Assert.Equal(DecodeOutcome.Unsupported, Decode.Frame(many, LinkType.JuniperVn).Outcome);
    }
}
