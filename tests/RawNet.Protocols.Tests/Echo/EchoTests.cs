using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Echo;

public class EchoTests
{
    public static byte[] UdpFrame(ushort source, ushort destination, byte[] payload) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(source, destination, payload)));

    [Fact]
    public void RequestToPort7ShowsTshark4Fields()
    {
        var frame = UdpFrame(50000, 7, Hex("70696e67"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Echo], Decode.Kinds(packet));
        Assert.Equal("eth:ethertype:ip:udp:echo", Decode.Protocols(packet, frame));
        Assert.Equal("70696e67", Decode.Field(packet, frame, "echo.data"));
        Assert.Equal("1", Decode.Field(packet, frame, "echo.request"));
        Assert.Null(Decode.Field(packet, frame, "echo.response"));
    }

    [Fact]
    public void Port7IsTriedBeforeTheHigherPortsProtocol()
    {
        // DNS's port is the higher one: tshark hands the payload to echo first, which takes anything.
        var frame = UdpFrame(7, 53, Hex("123401000001000000000000"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("eth:ethertype:ip:udp:echo", Decode.Protocols(packet, frame));
        Assert.Equal("1", Decode.Field(packet, frame, "echo.response"));
    }

    [Fact]
    public void AnEmptyDatagramHasNoEchoLayer()
    {
        var frame = UdpFrame(50000, 7, []);
        Assert.Equal("eth:ethertype:ip:udp", Decode.Protocols(Decode.Frame(frame, LinkType.Ethernet), frame));
    }

    /// <summary>Echo's data is a payload, not a header: a cut keeps what fits, never an exception.</summary>
    [Fact]
    public void EveryPrefixDecodesWithoutException()
    {
        var frame = UdpFrame(50000, 7, Hex("0102030405"));
        Decode.EveryPrefixWithoutException(frame, LinkType.Ethernet);
        Assert.Equal("0102", Decode.Field(Decode.Frame(frame[..44], LinkType.Ethernet, frame.Length), frame[..44], "echo.data"));
    }
}
