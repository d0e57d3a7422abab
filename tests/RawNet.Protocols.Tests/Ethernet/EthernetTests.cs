using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ethernet;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ethernet;

public class EthernetTests
{
    internal static byte[] UdpFrame() =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(1234, 9, "hello"u8.ToArray())));

    [Fact]
    public void Deconstruct()
    {
        var frame = UdpFrame();
        Assert.True(EthernetHeader.TryRead(frame, out var eth));
        Assert.Equal(Mac(Mac1), eth.Destination.ToArray());
        Assert.Equal(Mac(Mac2), eth.Source.ToArray());
        Assert.Equal(EtherType.Ipv4, eth.EtherType);
        Assert.False(EthernetHeader.TryRead(frame.AsSpan(0, 13), out _));
    }

    [Fact]
    public void Parse()
    {
        var frame = UdpFrame();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal((0, 14, 47), (packet[1].Offset, packet[1].HeaderLength, packet[1].Extent));
        Assert.Equal((14, 20, 33), (packet[2].Offset, packet[2].HeaderLength, packet[2].Extent));
        Assert.Equal((34, 8, 13), (packet[3].Offset, packet[3].HeaderLength, packet[3].Extent));
        Assert.Equal((42, 5, 5), (packet[4].Offset, packet[4].HeaderLength, packet[4].Extent));
        Assert.All(packet.Layers.ToArray(), l => Assert.Equal(LayerStatus.Complete, l.Status));
        Assert.Equal(LayerKind.Payload, packet.StoppedAt);
        Assert.Equal(frame.Length, packet.StopOffset);
    }

    [Fact]
    public void Fields()
    {
        var frame = UdpFrame();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("00:11:22:33:44:55", Decode.Field(packet, frame, "eth.dst"));
        Assert.Equal("66:77:88:99:aa:bb", Decode.Field(packet, frame, "eth.src"));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "eth.type"));
        Assert.Equal("00:11:22:33:44:55,66:77:88:99:aa:bb", Decode.Field(packet, frame, "eth.addr"));
        Assert.Null(Decode.Field(packet, frame, "eth.len"));
        Assert.Equal("47", Decode.Field(packet, frame, "frame.len"));
        Assert.Equal("1", Decode.Field(packet, frame, "frame.number"));
        Assert.Equal("1700000000.123456789", Decode.Field(packet, frame, "frame.time_epoch"));
    }

    [Fact]
    public void Ieee8023LengthFrameCarriesLlc()
    {
        // 802.3 frame with an LLC/STP payload: the type field is a length, bounding the BPDU.
        var frame = Concat(Mac("01:80:c2:00:00:00"), Mac(Mac2), U16(38), Hex("424203000000000000"), new byte[29]);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Stp], Decode.Kinds(packet));
        Assert.Equal("38", Decode.Field(packet, frame, "eth.len"));
        Assert.Null(Decode.Field(packet, frame, "eth.type"));
    }

    [Fact]
    public void UnknownEtherTypeIsPayload()
    {
        var frame = EthernetFrame((EtherType)0x88B5, new byte[30]);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x88b5", Decode.Field(packet, frame, "eth.type"));
    }

    [Fact]
    public void TrailerAfterTheIpDatagramIsNotAPayload()
    {
        // A 60-byte minimum frame carrying a 28-byte IPv4/UDP datagram: the padding belongs to no layer.
        var frame = Concat(EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(7, 7, []))), new byte[18]);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp], Decode.Kinds(packet));
        Assert.Equal(28, packet[2].Extent);
        Assert.Equal(Protocols.Checksums.ChecksumStatus.Good, packet[3].Checksum);
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(UdpFrame(), LinkType.Ethernet);
        Decode.EveryPrefix(EthernetFrame((EtherType)0x88B5, new byte[30]), LinkType.Ethernet);
    }

    [Fact]
    public void FrameThatReallyEndsInsideTheHeaderIsMalformed()
    {
        var frame = UdpFrame().AsSpan(0, 10).ToArray();
        var packet = Decode.Frame(frame, LinkType.Ethernet, originalLength: 10);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[1].Status);
        Assert.Equal(10, packet[1].HeaderLength);
    }
}
