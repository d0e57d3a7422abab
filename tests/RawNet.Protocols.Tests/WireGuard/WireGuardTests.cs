using RawNet.Protocols.Decoding;
using RawNet.Protocols.WireGuard;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.WireGuard;

public class WireGuardTests
{
    /// <summary>A handshake initiation from sender 0x1a2b3c4d (148 bytes, mac1 and mac2 zero).</summary>
    public static byte[] Initiation() => Concat(Hex("01000000 4d3c2b1a"), new byte[140]);

    /// <summary>A transport data message to receiver 0xbeef, counter 5, with <paramref name="data"/> bytes before the tag.</summary>
    public static byte[] Data(int data = 16) => Concat(Hex("04000000 efbe0000 0500000000000000"), new byte[data + 16]);

    public static byte[] Frame(byte[] message, ushort port = 51820) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(port, port, message)));

    [Fact]
    public void InitiationShowsTshark4Fields()
    {
        var frame = Frame(Initiation());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.WireGuard], Decode.Kinds(packet));
        Assert.Equal("eth:ethertype:ip:udp:wg", Decode.Protocols(packet, frame));
        Assert.Equal("1", Decode.Field(packet, frame, "wg.type"));
        Assert.Equal("000000", Decode.Field(packet, frame, "wg.reserved"));
        Assert.Equal("0x1a2b3c4d", Decode.Field(packet, frame, "wg.sender"));
        Assert.Null(Decode.Field(packet, frame, "wg.receiver"));
    }

    [Fact]
    public void DataShowsReceiverAndCounter()
    {
        var frame = Frame(Data());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("0x0000beef", Decode.Field(packet, frame, "wg.receiver"));
        Assert.Equal("5", Decode.Field(packet, frame, "wg.counter"));
        Assert.Equal("1", Decode.Field(packet, frame, "wg.encrypted_packet"));
    }

    [Fact]
    public void TheHeuristicRefusesWrongLengthsTypesAndDataWithReservedBytes()
    {
        Assert.False(WireGuardMessage.IsTaken(Concat(Initiation(), [0]), 149));
        Assert.False(WireGuardMessage.IsTaken(Hex("05000000"), 148));
        Assert.False(WireGuardMessage.IsTaken(Hex("04000001"), 48));
        Assert.True(WireGuardMessage.IsTaken(Hex("01000001"), 148));
        Assert.True(WireGuardMessage.IsTaken(Hex("04000000"), 33));
    }

    [Fact]
    public void AMessageOnL2tpsPortWithAnotherVersionIsWireGuard()
    {
        var frame = Frame(Initiation(), 1701);
        Assert.Equal("eth:ethertype:ip:udp:wg", Decode.Protocols(Decode.Frame(frame, LinkType.Ethernet), frame));
    }

    [Fact]
    public void EveryPrefixDecodesWithoutException()
    {
        Decode.EveryPrefixWithoutException(Frame(Initiation()), LinkType.Ethernet);
        Decode.EveryPrefixWithoutException(Frame(Data()), LinkType.Ethernet);
    }
}
