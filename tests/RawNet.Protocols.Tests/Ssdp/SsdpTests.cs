using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ssdp;

public class SsdpTests
{
    public static readonly byte[] Search = "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 2\r\nST: ssdp:all\r\n\r\n"u8.ToArray();

    public static byte[] Frame(byte[] message, ushort source = 50000, ushort destination = 1900) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(source, destination, message)));

    [Fact]
    public void SearchIsHttpUnderSsdpsName()
    {
        var frame = Frame(Search);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Http], Decode.Kinds(packet));
        Assert.Equal("eth:ethertype:ip:udp:ssdp", Decode.Protocols(packet, frame));
        Assert.Equal("M-SEARCH", Decode.Field(packet, frame, "http.request.method"));
        Assert.Equal("239.255.255.250:1900", Decode.Field(packet, frame, "http.host"));
    }

    [Fact]
    public void TcpPort1900StaysHttp()
    {
        var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp, TcpSegment(50000, 1900, 1, 0, 0x18, [], Search)));
        Assert.Equal("eth:ethertype:ip:tcp:http", Decode.Protocols(Decode.Frame(frame, LinkType.Ethernet), frame));
    }

    [Fact]
    public void EveryPrefixDecodesWithoutException() => Decode.EveryPrefixWithoutException(Frame(Search), LinkType.Ethernet);
}
