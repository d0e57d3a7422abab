using RawNet.Protocols.Decoding;
using RawNet.Protocols.Juniper;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Juniper;

public class JuniperStTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    /// <summary>"MGC", the flags, the tunnel's Ethernet header, an IPv4 header of <paramref name="protocol"/>, ESP's SPI and sequence, 16 unknown bytes, the payload.</summary>
    public static byte[] Frame(byte[] payload, byte protocol = 50, ushort etherType = 0x0800) => JuniperTests.Frame(1, Concat(
        Hex("020000000002 020000000001"), U16(etherType), Hex("45000014 00010000 40"), [protocol], Hex("0000 c6336401 c6336402"),
        Hex("00001000 00000007"), new byte[16], payload));

    [Fact]
    public void Parse()
    {
        var frame = Frame(Udp4);
        var packet = Decode.Frame(frame, LinkType.JuniperSt);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Juniper, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(62, packet[2].Offset);
        Assert.Equal("0x0800", Decode.Field(packet, frame, "juniper.st.eth.type"));
        Assert.Equal("5", Decode.Field(packet, frame, "juniper.st.ip.len"));
        Assert.Equal("50", Decode.Field(packet, frame, "juniper.st.ip.proto"));
        Assert.Equal("4096", Decode.Field(packet, frame, "juniper.st.esp.spi"));
        Assert.Equal("7", Decode.Field(packet, frame, "juniper.st.esp.seq"));
        Assert.Equal("2", Decode.Field(packet, frame, "juniper.payload_type"));
        Assert.Equal("juniper:ip:udp:data", Decode.Protocols(packet, frame));
    }

    [Fact]
    public void OnlyEspOverIpv4IsReadOn()
    {
        foreach (var frame in new[] { Frame(Udp4, protocol: 17), Frame(Udp4, etherType: 0x86DD) })
        {
            var packet = Decode.Frame(frame, LinkType.JuniperSt);
            Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
            Assert.Equal([LayerKind.Frame, LayerKind.Juniper], Decode.Kinds(packet));
            Assert.Null(Decode.Field(packet, frame, "juniper.st.esp.spi"));
        }
        var unknown = Frame(Concat([0x99], new byte[20]));
        Assert.Equal("juniper:data", Decode.Protocols(Decode.Frame(unknown, LinkType.JuniperSt), unknown));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        var whole = Frame(Udp4);
        Decode.EveryPrefix(whole, LinkType.JuniperSt);
        for (int cut = 1; cut < JuniperSecureTunnel.MinLength; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.JuniperSt, originalLength: whole.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            // As tshark: its 70-byte subtree comes before the header is read.
            Assert.Null(Decode.Field(packet, frame, "juniper.magic-number"));
            Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(frame, LinkType.JuniperSt).Outcome);
        }
    }

    [Fact]
    public void HostileBytesNeverThrow() => Decode.RandomDamagesWithoutException(_ => Frame(Udp4), bytes => bytes, LinkType.JuniperSt, seed: 200);
}
