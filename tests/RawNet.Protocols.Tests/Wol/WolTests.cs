using RawNet.Protocols.Decoding;
using RawNet.Protocols.Wol;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Wol;

public class WolTests
{
    /// <summary>A magic packet for 00:0d:56:dc:9e:35 with <paramref name="password"/> after it.</summary>
    public static byte[] Magic(byte[]? password = null) =>
        Concat(Hex("ffffffffffff"), Concat(Enumerable.Repeat(Hex("000d56dc9e35"), 16).ToArray()), password ?? []);

    public static byte[] EtherFrame(byte[]? password = null) => EthernetFrame(EtherType.WakeOnLan, Magic(password));

    public static byte[] UdpFrame(byte[] payload, ushort port = 9) => EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, port, payload)));

    [Fact]
    public void EtherTypeMagicPacketShowsTshark4Fields()
    {
        var frame = EtherFrame(Hex("c0a80101"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Wol], Decode.Kinds(packet));
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("eth:ethertype:wol", Decode.Protocols(packet, frame));
        Assert.Equal("ffffffffffff", Decode.Field(packet, frame, "wol.sync"));
        Assert.Equal(string.Join(',', Enumerable.Repeat("00:0d:56:dc:9e:35", 16)), Decode.Field(packet, frame, "wol.mac"));
        // tshark 4.0's bytes are the first four characters of "192.168.1.1".
        Assert.Equal("3139322e", Decode.Field(packet, frame, "wol.passwd"));
    }

    [Fact]
    public void UdpHeuristicClaimsAMagicPacketOnAnyFreePort()
    {
        var frame = UdpFrame(Magic(Hex("0123456789ab")), 40009);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("eth:ethertype:ip:udp:wol", Decode.Protocols(packet, frame));
        Assert.Equal("30313a32333a", Decode.Field(packet, frame, "wol.passwd"));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("sync")]
    [InlineData("repeat")]
    public void NotAMagicPacketStaysData(string damage)
    {
        var magic = Magic();
        byte[] payload = damage switch
        {
            "short" => magic[..101],
            "sync" => Concat(Hex("fe"), magic[1..]),
            _ => Concat(magic[..96], new byte[6]),
        };
        var frame = UdpFrame(payload);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("eth:ethertype:ip:udp:data", Decode.Protocols(packet, frame));
    }

    [Theory]
    [InlineData(0, WolVerdict.CutShort)]
    [InlineData(5, WolVerdict.CutShort)]
    [InlineData(11, WolVerdict.CutShort)]
    [InlineData(12, WolVerdict.Refused)]
    [InlineData(101, WolVerdict.Refused)]
    [InlineData(102, WolVerdict.CutShort)]
    [InlineData(106, WolVerdict.Claimed)]
    public void ReadsPastTheCaptureAreJudgedAsTsharkThrows(int captured, WolVerdict expected)
    {
        var magic = Magic(Hex("c0a80101"));
        Assert.Equal(expected, WolPacket.Judge(magic.AsSpan(0, captured), magic.Length, out _));
    }

    [Fact]
    public void EveryPrefixDecodesWithoutException() => Decode.EveryPrefixWithoutException(EtherFrame(Hex("0123456789ab")), LinkType.Ethernet);
}
