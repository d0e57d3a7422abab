using RawNet.Protocols.Decoding;
using RawNet.Protocols.Epon;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Epon;

public class EponTests
{
    private static readonly byte[] Udp4 = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3])));
    private static readonly byte[] Tcp6 = EthernetFrame(EtherType.Ipv6, Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], [])));

    /// <summary>An EPON frame: 0 to 2 leading 0x55 bytes, SLD, the DPoE security byte, mode and LLID, the CRC-8 (right unless given), then <paramref name="payload"/>.</summary>
    public static byte[] Frame(byte[] payload, int lead = 0, byte security = 0x55, ushort modeLlid = 5, int? checksum = null)
    {
        var preamble = Concat(Hex("d555"), [security], U16(modeLlid));
        byte crc = checksum is { } given ? (byte)given : EponPreamble.ComputeChecksum(preamble);
        return Concat(Enumerable.Repeat((byte)0x55, lead).ToArray(), preamble, [crc], payload);
    }

    [Fact]
    public void Deconstruct()
    {
        // tshark 4.0's own values for these preambles
        Assert.Equal(0x39, EponPreamble.ComputeChecksum(Hex("d5555580 05")));
        Assert.Equal(0x72, EponPreamble.ComputeChecksum(Hex("d5555500 07")));
        Assert.Equal(0x91, EponPreamble.ComputeChecksum(Hex("d5555500 05")));
        for (int lead = 0; lead <= 2; lead++)
        {
            var frame = Frame(Udp4, lead);
            var epon = EponPreamble.Read(frame, frame.Length);
            Assert.Equal(EponReach.Complete, epon.Reach);
            Assert.Equal(lead, epon.Offset);
            Assert.Equal(lead + 6, epon.End);
            Assert.True(EponPreamble.ChecksumGood(frame, lead));
            Assert.Equal(epon.Pack(), EponPreamble.Unpack(epon.Pack()).Pack());
        }
        Assert.Equal(EponReach.NoSld, EponPreamble.Read(Concat(Hex("555555"), Frame(Udp4)), 100).Reach);
        Assert.Equal(EponReach.NoSld, EponPreamble.Read(new byte[20], 20).Reach);
        Assert.True(EponPreamble.IsEncrypted(0x57));
        Assert.False(EponPreamble.IsEncrypted(0x55));
        Assert.False(EponPreamble.IsEncrypted(0x54));
    }

    [Fact]
    public void Parse()
    {
        var frame = Frame(Udp4, lead: 1, modeLlid: 0x8007);
        var packet = Decode.Frame(frame, LinkType.Epon);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Epon, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(1, packet[1].Offset);
        Assert.Equal(6, packet[1].HeaderLength);
        Assert.Equal("1", Decode.Field(packet, frame, "epon.mode"));
        Assert.Equal("7", Decode.Field(packet, frame, "epon.llid"));
        Assert.Equal("1", Decode.Field(packet, frame, "epon.checksum.status"));
        Assert.Null(Decode.Field(packet, frame, "epon.dpoe.sec"));
        Assert.Equal("epon:eth:ethertype:ip:udp:data", Decode.Protocols(packet, frame));
        var v6 = Frame(Tcp6, security: 0x00, checksum: 0x11);
        packet = Decode.Frame(v6, LinkType.Epon);
        Assert.Equal("epon:eth:ethertype:ipv6:tcp", Decode.Protocols(packet, v6));
        Assert.Equal("0x00", Decode.Field(packet, v6, "epon.dpoe.sec"));
        Assert.Equal("0", Decode.Field(packet, v6, "epon.dpoe.reserved"));
        Assert.Equal("0", Decode.Field(packet, v6, "epon.checksum.status"));
    }

    [Fact]
    public void AnEncryptedFrameEndsInItsData()
    {
        var frame = Frame(Udp4, security: 0x57);
        var packet = Decode.Frame(frame, LinkType.Epon);
        Assert.Equal([LayerKind.Frame, LayerKind.Epon], Decode.Kinds(packet));
        Assert.Equal("epon", Decode.Protocols(packet, frame));
        Assert.Equal("0x01", Decode.Field(packet, frame, "epon.dpoe.keyid"));
        Assert.Equal(Convert.ToHexStringLower(Udp4), Decode.Field(packet, frame, "epon.dpoe.encrypted.data"));
        // with no byte after the preamble, the data item throws
        var empty = Frame([], security: 0x57);
        Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(empty, LinkType.Epon).Outcome);
        Assert.Equal(DecodeOutcome.Truncated, Decode.Frame(empty, LinkType.Epon, originalLength: empty.Length + 10).Outcome);
    }

    [Fact]
    public void NoSldLeavesNoProtocol()
    {
        var frame = Concat(new byte[6], Udp4);
        var packet = Decode.Frame(frame, LinkType.Epon);
        Assert.Equal([LayerKind.Frame, LayerKind.Epon], Decode.Kinds(packet));
        Assert.Equal("", Decode.Protocols(packet, frame));
        Assert.Null(Decode.Field(packet, frame, "epon.llid"));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(Frame(Udp4), LinkType.Epon);
        Decode.EveryPrefix(Frame(Tcp6, security: 0x54), LinkType.Epon);
        // (with a lead, a frame cut before the 4 bytes tshark probes has no SLD yet: its layer starts at 0, checked below)
        for (int lead = 0; lead <= 2; lead++)
        {
            var whole = Frame(Udp4, lead);
            for (int cut = 0; cut <= lead + 6; cut++)
            {
                var frame = whole[..cut];
                var packet = Decode.Frame(frame, LinkType.Epon, originalLength: whole.Length);
                Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
                // tshark reads 4 bytes for the SLD, then the LLID once 5 bytes from it are there
                Assert.Equal(cut >= lead + 5 && cut >= 4 ? "5" : null, Decode.Field(packet, frame, "epon.llid"));
                Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(frame, LinkType.Epon).Outcome);
            }
        }
    }

    [Fact]
    public void HostileBytesNeverThrow() =>
        // damaged preambles of each start, encrypted or not, and what follows them
        Decode.RandomDamagesWithoutException(i => Frame(Udp4, i % 3, security: i % 5 == 0 ? (byte)0x57 : (byte)0x55), frame => frame, LinkType.Epon, 259);
}
