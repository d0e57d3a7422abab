using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.LinuxCooked;

/// <summary>BSD null (family in host order) and OpenBSD loop (family in network order) headers.</summary>
public class NullLoopbackTests
{
    private static byte[] V4() => Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [3]));
    private static byte[] V6() => Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, [3]));

    [Theory]
    [InlineData(LinkType.Null, "02000000", 4, "2")]        // little-endian host, AF_INET
    [InlineData(LinkType.Null, "00000002", 4, "2")]        // big-endian host, AF_INET
    [InlineData(LinkType.Loop, "00000002", 4, "2")]
    [InlineData(LinkType.Null, "18000000", 6, "24")]       // NetBSD/OpenBSD AF_INET6
    [InlineData(LinkType.Null, "1c000000", 6, "28")]       // FreeBSD AF_INET6
    [InlineData(LinkType.Null, "0000001e", 6, "30")]       // macOS AF_INET6, big-endian
    [InlineData(LinkType.Loop, "0000000a", 6, "10")]       // Linux AF_INET6 in network order
    public void Parse(LinkType link, string family, int version, string familyField)
    {
        var frame = Concat(Hex(family), version == 4 ? V4() : V6());
        var packet = Decode.Frame(frame, link);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Null, version == 4 ? LayerKind.Ipv4 : LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal((0, 4), (packet[1].Offset, packet[1].HeaderLength));
        Assert.Equal(familyField, Decode.Field(packet, frame, "null.family"));
        Assert.Equal(Protocols.Checksums.ChecksumStatus.Good, packet[3].Checksum);
        Decode.EveryPrefix(frame, link);
    }

    [Fact]
    public void UnknownFamilyIsUnsupported()
    {
        var frame = Concat(Hex("07000000"), new byte[20]);
        var packet = Decode.Frame(frame, LinkType.Null);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Null, LayerKind.Payload], Decode.Kinds(packet));
    }

    [Fact]
    public void PeerCorpusNullCapture()
    {
        foreach (var (metadata, data) in Decode.Corpus("linktype_null_capture.pcap"))
        {
            // The records claim more than was captured, but each IP datagram ends inside the captured bytes.
            Assert.True(metadata.CapturedLength < metadata.OriginalLength);
            var packet = Decode.Frame(metadata, data);
            Assert.Equal(LayerKind.Null, packet[1].Kind);
            int tcp = packet.IndexOf(LayerKind.Tcp);
            Assert.True(tcp > 0);
            // Loopback traffic leaves checksums to offload that never happens: the field holds the pseudo-header sum
            // alone (tshark, verifying, calls it bad; RawNet tells it from damage).
            Assert.Equal(Protocols.Checksums.ChecksumStatus.Offloaded, packet[tcp].Checksum);
            Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        }
    }
}
