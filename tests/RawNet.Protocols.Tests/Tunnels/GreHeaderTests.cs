using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tunnels;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Tunnels;

public class GreHeaderTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    private static byte[] Frame(byte[] gre) => EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Gre, gre));

    [Fact]
    public void TheEnhancedHeaderIsPppInAnyVersionButZero()
    {
        Assert.True(GreHeader.IsEnhanced(0x3081, GreHeader.PppProtocol));
        Assert.True(GreHeader.IsEnhanced(0x0007, GreHeader.PppProtocol));
        Assert.False(GreHeader.IsEnhanced(0x0080, GreHeader.PppProtocol));
        Assert.False(GreHeader.IsEnhanced(0x3081, 0x0800));
    }

    [Fact]
    public void TheFlagsPlaceEachOptionalField()
    {
        // C, K, S and A of PPTP: checksum word, key, sequence, acknowledgment.
        ushort flags = 0xB081;
        Assert.Equal(8, GreHeader.KeyOffset(flags));
        Assert.Equal(12, GreHeader.SequenceOffset(flags));
        Assert.Equal(16, GreHeader.AcknowledgmentOffset(flags));
        Assert.Equal(20, GreHeader.LengthOf(flags, GreHeader.PppProtocol));
        // Not enhanced: the A bit places nothing.
        Assert.Equal(16, GreHeader.LengthOf(flags, 0x0800));
        Assert.Equal(4, GreHeader.LengthOf(0x0000, 0x0800));
    }

    [Fact]
    public void TheRoutingWalkEndsAfterTheNullEntry()
    {
        var header = Hex("4000 0800 0000 0000 0800 0408 0a000001 0a000002 fffe 0002 0064 0000 0000 aabb");
        Assert.True(GreHeader.TryMeasure(header, out int length));
        Assert.Equal(header.Length - 2, length);
        var walker = new GreHeader.RouteWalker(header, 8);
        Assert.True(walker.MoveNext(out var first));
        Assert.Equal((8, (ushort)0x0800, (byte)4, (byte)8), (first.At, first.Family, first.SreOffset, first.Length));
        Assert.True(walker.MoveNext(out var second));
        Assert.Equal((ushort)0xFFFE, second.Family);
        Assert.True(walker.MoveNext(out var last));
        Assert.True(last.IsNull);
        Assert.False(walker.MoveNext(out _));
        Assert.True(walker.Ended);
    }

    [Fact]
    public void AListThatNeverEndsOrRunsPastTheBytesSaysWhereTheReadFailed()
    {
        var endless = Hex("4000 0800 0000 0000 0800 0004 0a000001 0800 0004 0a000002");
        Assert.False(GreHeader.TryMeasure(endless, out int needed));
        Assert.Equal(endless.Length + 2, needed);
        var lying = Hex("4000 0800 0000 0000 0800 00c8 61626364");
        Assert.False(GreHeader.TryMeasure(lying, out needed));
        Assert.Equal(8 + 4 + 200, needed);
        var cutInHead = Hex("4000 0800 0000 0000 0800 00");
        Assert.False(GreHeader.TryMeasure(cutInHead, out needed));
        Assert.Equal(8 + 4, needed);
    }

    [Fact]
    public void PptpDataCarriesPppAndWhatItNames()
    {
        var frame = Frame(Concat(Hex("3081 880b 0021 1780 000001ae 000001ad ff03 0021"), Udp4));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("eth:ethertype:ip:gre:ppp:ip:udp:data", Decode.Protocols(packet, frame));
        Assert.Equal(16, packet[3].HeaderLength);
        Assert.Equal("33", Decode.Field(packet, frame, "gre.key.payload_length"));
        Assert.Equal("6016", Decode.Field(packet, frame, "gre.key.call_id"));
        Assert.Equal("430", Decode.Field(packet, frame, "gre.sequence_number"));
        Assert.Equal("429", Decode.Field(packet, frame, "gre.ack_number"));
        Assert.Equal("1", Decode.Field(packet, frame, "gre.flags.ack"));
        Assert.Null(Decode.Field(packet, frame, "gre.key"));
    }

    [Fact]
    public void AnAcknowledgmentAloneHandsNothingOn()
    {
        var frame = Frame(Hex("2081 880b 0000 1780 000001ad"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("eth:ethertype:ip:gre", Decode.Protocols(packet, frame));
    }

    [Fact]
    public void CompressedAddressControlAndProtocolStillReachIp()
    {
        var frame = Frame(Concat(Hex("3001 880b 0020 1780 00000001 21"), Udp4));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("eth:ethertype:ip:gre:ppp:ip:udp:data", Decode.Protocols(packet, frame));
        Assert.Equal("0x0021", Decode.Field(packet, frame, "ppp.protocol"));
    }

    [Fact]
    public void RoutingEntriesAreWalkedAndTheirFieldsShown()
    {
        var frame = Frame(Concat(Hex("4000 0800 0000 0000 0800 0408 0a000001 0a000002 0000 0000"), Udp4));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("eth:ethertype:ip:gre:ip:udp:data", Decode.Protocols(packet, frame));
        Assert.Equal("2048,0", Decode.Field(packet, frame, "gre.routing.address_family"));
        Assert.Equal("8,0", Decode.Field(packet, frame, "gre.routing.src_length"));
        Assert.Equal("0a0000010a000002", Decode.Field(packet, frame, "gre.routing.information"));
        Assert.Equal("0", Decode.Field(packet, frame, "gre.offset"));
    }

    [Fact]
    public void ARoutingListThatNeverEndsIsMalformed()
    {
        var frame = Frame(Hex("4000 0800 0000 0000 0800 0004 0a000001 0800 0004 0a000002"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[3].Status);
        Assert.Equal("1,1", Decode.Field(packet, frame, "gre.routing"));
    }

    [Fact]
    public void TheChecksumIsVerifiedOverTheWholePacket()
    {
        var body = Concat(Hex("8000 0800 0000 0000"), Udp4);
        var wrong = Frame(body);
        var packet = Decode.Frame(wrong, LinkType.Ethernet);
        Assert.Equal(ChecksumStatus.Bad, packet[3].Checksum);
        Assert.Equal("0", Decode.Field(packet, wrong, "gre.checksum.status"));
        ushort sum = InternetChecksum.Compute(body);
        body[4] = (byte)(sum >> 8);
        body[5] = (byte)sum;
        var right = Frame(body);
        packet = Decode.Frame(right, LinkType.Ethernet);
        Assert.Equal(ChecksumStatus.Good, packet[3].Checksum);
        Assert.Equal("1", Decode.Field(packet, right, "gre.checksum.status"));
    }

    [Fact]
    public void TruncatedAtEveryPrefix()
    {
        Decode.EveryPrefix(Frame(Concat(Hex("3081 880b 0021 1780 000001ae 000001ad ff03 0021"), Udp4)), LinkType.Ethernet);
        Decode.EveryPrefix(Frame(Concat(Hex("6000 0800 0000 0000 00000007 0800 0408 0a000001 0a000002 fffe 0002 0064 0000 0000"), Udp4)), LinkType.Ethernet);
    }
}
