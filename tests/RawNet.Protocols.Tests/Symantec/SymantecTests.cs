using RawNet.Protocols.Decoding;
using RawNet.Protocols.Symantec;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Symantec;

public class SymantecTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>A Symantec firewall record: the v2 header (EtherType at 6, 44 bytes) or v3 (EtherType at 10, 56 bytes).</summary>
    public static byte[] Frame(ushort etherType, byte[] payload, int version = 2) => version == 2
        ? Concat(Hex("c61200fe 0000"), U16(etherType), new byte[36], payload)
        : Concat(Hex("c61200fe 0000 00000000"), U16(etherType), new byte[44], payload);

    [Fact]
    public void Deconstruct()
    {
        var v2 = Frame(0x0800, Udp4);
        var v3 = Frame(0x86DD, Tcp6, version: 3);
        Assert.Equal(2, SymantecHeader.Version(v2));
        Assert.Equal(3, SymantecHeader.Version(v3));
        Assert.Equal(0x0800, SymantecHeader.EtherType(v2));
        Assert.Equal(0x86DD, SymantecHeader.EtherType(v3));
        Assert.Equal(44, SymantecHeader.LengthOf(2));
        Assert.Equal(56, SymantecHeader.LengthOf(3));
        Assert.Equal("Symantec firewall", SymantecHeader.TreeName(v2));
        Assert.Equal("Symantec SGS v3", SymantecHeader.InfoText(v3));
        // Both words zero or both set: neither layout; too short to tell.
        Assert.Equal(0, SymantecHeader.Version(new byte[60]));
        Assert.Equal(0, SymantecHeader.Version(Concat(Hex("00000000 0000 0800 0000 0800"), new byte[40])));
        Assert.Equal(0, SymantecHeader.Version(v2.AsSpan(0, 11)));
    }

    [Fact]
    public void Parse()
    {
        var frame = Frame(0x0800, Udp4);
        var packet = Decode.Frame(frame, LinkType.SymantecFirewall);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Symantec, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(44, packet[1].HeaderLength);
        Assert.Equal("198.18.0.254", Decode.Field(packet, frame, "symantec.if"));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "symantec.type"));
        var v3 = Frame(0x86DD, Tcp6, version: 3);
        packet = Decode.Frame(v3, LinkType.SymantecFirewall);
        Assert.Equal([LayerKind.Frame, LayerKind.Symantec, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal(56, packet[1].HeaderLength);
        Assert.Equal("0x86dd", Decode.Field(packet, v3, "symantec.type"));
        Assert.Equal("symantec:ipv6:tcp", Decode.Protocols(packet, v3));
    }

    [Fact]
    public void TheEtherTypeChoosesWhatFollows()
    {
        // tshark hands a type without a dissector nothing, not even data; and a frame of neither layout not even the header.
        var unknown = Decode.Frame(Frame(0x1234, Udp4), LinkType.SymantecFirewall);
        Assert.Equal(DecodeOutcome.Unsupported, unknown.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Symantec], Decode.Kinds(unknown));
        var neither = Decode.Frame(new byte[60], LinkType.SymantecFirewall);
        Assert.Equal(DecodeOutcome.Unsupported, neither.Outcome);
        Assert.Equal([LayerKind.Frame], Decode.Kinds(neither));
        var vlan = Frame(0x8100, Concat(Hex("0064 0800"), Udp4));
        Assert.Equal("symantec:vlan:ethertype:ip:udp:data", Decode.Protocols(Decode.Frame(vlan, LinkType.SymantecFirewall), vlan));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(Frame(0x0800, Udp4), LinkType.SymantecFirewall);
        Decode.EveryPrefix(Frame(0x86DD, Tcp6, version: 3), LinkType.SymantecFirewall);
        var whole = Frame(0x0800, Udp4);
        for (int cut = 0; cut < SymantecHeader.V2Length; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.SymantecFirewall, originalLength: whole.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            // As tshark: both EtherType words are read before anything is added.
            Assert.Equal(cut >= 12 ? "0x0800" : null, Decode.Field(packet, frame, "symantec.type"));
            Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(frame, LinkType.SymantecFirewall).Outcome);
        }
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(99);
        var bytes = new byte[100];
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            if (i % 2 == 0)
                bytes.AsSpan(i % 4 == 0 ? 6 : 10, 2).Clear();
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, LinkType.SymantecFirewall, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
            foreach (var layer in packet.Layers)
                Assert.True(layer.Offset >= 0 && layer.Offset + layer.HeaderLength <= frame.Length);
        }
    }
}
