using RawNet.Protocols.Arp;
using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Arp;

public class ArpTests
{
    // Who has 192.0.2.2? Tell 192.0.2.1 (RFC 826 request, Ethernet/IPv4).
    internal static readonly byte[] Request = Hex("0001 0800 06 04 0001 001122334455 c0000201 000000000000 c0000202");

    private static byte[] Frame() => EthernetFrame(EtherType.Arp, Request, destination: "ff:ff:ff:ff:ff:ff", source: Mac1);

    [Fact]
    public void Deconstruct()
    {
        Assert.True(ArpPacket.TryRead(Request, out var arp));
        Assert.Equal(1, arp.HardwareType);
        Assert.Equal(EtherType.Ipv4, arp.ProtocolType);
        Assert.Equal(6, arp.HardwareSize);
        Assert.Equal(4, arp.ProtocolSize);
        Assert.Equal(ArpOperation.Request, arp.Operation);
        Assert.Equal(28, arp.TotalLength);
        Assert.Equal(14, arp.SenderProtocolAddressOffset);
        Assert.Equal(18, arp.TargetHardwareAddressOffset);
        Assert.Equal(24, arp.TargetProtocolAddressOffset);
        Assert.True(arp.IsEthernetIpv4);
        Assert.False(ArpPacket.TryRead(Request.AsSpan(0, 7), out _));
    }

    [Fact]
    public void Parse()
    {
        var packet = Decode.Frame(Frame(), LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Arp], Decode.Kinds(packet));
        Assert.Equal((14, 28, 28), (packet[2].Offset, packet[2].HeaderLength, packet[2].Extent));
    }

    [Fact]
    public void Fields()
    {
        var frame = Frame();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("1", Decode.Field(packet, frame, "arp.hw.type"));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "arp.proto.type"));
        Assert.Equal("6", Decode.Field(packet, frame, "arp.hw.size"));
        Assert.Equal("4", Decode.Field(packet, frame, "arp.proto.size"));
        Assert.Equal("1", Decode.Field(packet, frame, "arp.opcode"));
        Assert.Equal("00:11:22:33:44:55", Decode.Field(packet, frame, "arp.src.hw_mac"));
        Assert.Equal("192.0.2.1", Decode.Field(packet, frame, "arp.src.proto_ipv4"));
        Assert.Equal("00:00:00:00:00:00", Decode.Field(packet, frame, "arp.dst.hw_mac"));
        Assert.Equal("192.0.2.2", Decode.Field(packet, frame, "arp.dst.proto_ipv4"));
    }

    [Fact]
    public void NonEthernetAddressesAreNotNamedAsMacs()
    {
        // Hardware type 6 (IEEE 802) with 8-byte hardware addresses: the layout is not Ethernet/IPv4.
        var arp = Hex("0006 0800 08 04 0002 0102030405060708 0a000001 1112131415161718 0a000002");
        var frame = EthernetFrame(EtherType.Arp, arp);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(32, packet[2].HeaderLength);
        Assert.Equal("2", Decode.Field(packet, frame, "arp.opcode"));
        Assert.Null(Decode.Field(packet, frame, "arp.src.hw_mac"));
        Assert.Null(Decode.Field(packet, frame, "arp.dst.proto_ipv4"));
    }

    [Fact]
    public void PeerCorpusRequestAndReply()
    {
        var frames = Decode.Corpus("arp_request_response.pcap");
        var opcodes = new List<string?>();
        foreach (var (metadata, data) in frames)
        {
            var packet = Decode.Frame(metadata, data);
            Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
            Assert.Equal(LayerKind.Arp, packet[2].Kind);
            opcodes.Add(Decode.Field(packet, data, "arp.opcode"));
            Decode.EveryPrefix(data, metadata.LinkType);
        }
        Assert.Equal(["1", "2"], opcodes);
    }

    [Fact]
    public void TruncateAtEveryPrefixLength() => Decode.EveryPrefix(Frame(), LinkType.Ethernet);

    [Fact]
    public void AddressesThatReallyEndEarlyAreMalformed()
    {
        var frame = Frame()[..30];
        var packet = Decode.Frame(frame, LinkType.Ethernet, originalLength: 30);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(16, packet[2].HeaderLength);
    }
}
