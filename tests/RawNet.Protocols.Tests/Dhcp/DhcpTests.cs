using RawNet.Protocols.Decoding;
using RawNet.Protocols.Dhcp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Dhcp;

public class DhcpTests
{
    private static readonly byte[] Chaddr = Hex("000b8201fc42");

    /// <summary>A BOOTP fixed part (236 bytes): op, Ethernet, xid 0x3d1d, the client's MAC, then the cookie and <paramref name="options"/>.</summary>
    public static byte[] Message(byte op = 1, string options = "350101 ff", bool cookie = true, ushort flags = 0)
    {
        var fixedPart = new byte[236];
        fixedPart[0] = op;
        fixedPart[1] = 1;
        fixedPart[2] = 6;
        Hex("00003d1d").CopyTo(fixedPart, 4);
        fixedPart[10] = (byte)(flags >> 8);
        fixedPart[11] = (byte)flags;
        Chaddr.CopyTo(fixedPart, 28);
        return cookie ? Concat(fixedPart, Hex("63825363"), Hex(options)) : Concat(fixedPart, new byte[64]);
    }

    /// <summary>An Ethernet frame with IPv4 and UDP from port 68 to 67 around <paramref name="message"/>.</summary>
    public static byte[] Frame(byte[] message, ushort source = DhcpPorts.Client, ushort destination = DhcpPorts.Server) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(source, destination, message)));

    [Fact]
    public void Deconstruct()
    {
        var message = Message();
        Assert.True(DhcpMessage.HasCookie(message));
        Assert.Equal(240, DhcpMessage.OptionsOffset(message));
        Assert.Equal(300, DhcpMessage.OptionsOffset(Message(cookie: false)));
        Assert.Equal("ACK", DhcpMessage.MessageTypeName(5));
        Assert.Null(DhcpMessage.MessageTypeName(19));
        var scan = DhcpScan.Of(message, message.Length);
        Assert.True(scan.IsDhcp);
        Assert.Equal(1, scan.MessageType);
        Assert.False(DhcpScan.Of(Message(cookie: false), 300).IsDhcp);
    }

    [Fact]
    public void ADiscoverShowsItsHeaderAndOptions()
    {
        var frame = Frame(Message(options: "350101 3d0701000b8201fc42 0c04686f7374 37030103 06 ff 0000", flags: 0x8000));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Dhcp], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, frame, "dhcp.type"));
        Assert.Equal("0x01,0x01", Decode.Field(packet, frame, "dhcp.hw.type"));
        Assert.Equal("0x00003d1d", Decode.Field(packet, frame, "dhcp.id"));
        Assert.Equal("0x8000", Decode.Field(packet, frame, "dhcp.flags"));
        Assert.Equal("1", Decode.Field(packet, frame, "dhcp.flags.bc"));
        Assert.Equal("99.130.83.99", Decode.Field(packet, frame, "dhcp.cookie"));
        Assert.Equal("53,61,12,55,0", Decode.Field(packet, frame, "dhcp.option.type"));
        Assert.Equal("1", Decode.Field(packet, frame, "dhcp.option.dhcp"));
        Assert.Equal("host", Decode.Field(packet, frame, "dhcp.option.hostname"));
        Assert.Equal("1,3,6", Decode.Field(packet, frame, "dhcp.option.request_list_item"));
        Assert.Equal("255", Decode.Field(packet, frame, "dhcp.option.end"));
        Assert.Equal("0000", Decode.Field(packet, frame, "dhcp.option.padding"));
        // The client identifier's hardware type and MAC are a second dhcp.hw.type and dhcp.hw.mac_addr, as in tshark.
        Assert.Equal("00:0b:82:01:fc:42,00:0b:82:01:fc:42", Decode.Field(packet, frame, "dhcp.hw.mac_addr"));
        Assert.Null(Decode.Field(packet, frame, "dhcp.bootp"));
    }

    [Fact]
    public void BootpWithoutTheCookieShowsTheVendorArea()
    {
        var frame = Frame(Message(op: 2, cookie: false), DhcpPorts.Server, DhcpPorts.Client);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("1", Decode.Field(packet, frame, "dhcp.bootp"));
        Assert.Null(Decode.Field(packet, frame, "dhcp.cookie"));
        Assert.Equal(new string('0', 128), Decode.Field(packet, frame, "dhcp.vendor_specific_options"));
        Assert.Null(Decode.Field(packet, frame, "dhcp.option.type"));
    }

    [Fact]
    public void AnOptionPastTheEndKeepsItsTypeAndLengthAndIsMalformed()
    {
        var frame = Frame(Message(options: "350101 0c28 73686f7274"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[4].Status);
        Assert.Equal("53,12", Decode.Field(packet, frame, "dhcp.option.type"));
        Assert.Equal("1,40", Decode.Field(packet, frame, "dhcp.option.length"));
        Assert.Equal("01", Decode.Field(packet, frame, "dhcp.option.value"));
    }

    [Fact]
    public void AFirstPassThatFailsShowsNoField()
    {
        // Cut by the capture right after the cookie: tshark's first pass reads the first option's type and throws.
        var full = Frame(Message());
        var frame = full[..(42 + 240)];
        var packet = Decode.Frame(frame, LinkType.Ethernet, originalLength: full.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal(LayerKind.Dhcp, packet[4].Kind);
        Assert.Null(Decode.Field(packet, frame, "dhcp.type"));
    }

    [Fact]
    public void EveryPrefixDecodesWithoutException()
    {
        var full = Frame(Message(options: "350103 3d0701000b8201fc42 3204c0a8000a 0104ffffff00 0308c0a80001c0a800fe 3304000e1000 0000 ff 000000"));
        for (int keep = 0; keep <= full.Length; keep++)
        {
            var frame = full[..keep];
            var packet = Decode.Frame(frame, LinkType.Ethernet, originalLength: full.Length);
            foreach (var name in new[] { "dhcp.type", "dhcp.option.type", "dhcp.option.router", "dhcp.option.padding", "dhcp.hw.mac_addr" })
                _ = Decode.Field(packet, frame, name);
        }
        // And every length the datagram itself could end at (malformed, never an exception).
        var message = Message(options: "350103 0c0568656c6c6f ff");
        for (int length = 0; length <= message.Length; length++)
        {
            var frame = Frame(message[..length]);
            var packet = Decode.Frame(frame, LinkType.Ethernet);
            _ = Decode.Field(packet, frame, "dhcp.option.hostname");
        }
    }

    [Fact]
    public void TheWalkIsBoundedByTheMessage()
    {
        // 1,000 pads and 1-byte options: the walk goes over each once and ends at the datagram's end without End.
        var options = string.Concat(Enumerable.Repeat("fa00", 500)) + string.Concat(Enumerable.Repeat("00", 1000));
        var message = Message(options: "350101" + options);
        var status = DhcpWalk.StatusOf(message, message.Length, out _);
        Assert.Equal(DhcpWalkStatus.Complete, status);
    }
}
