using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipv6;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ipv6;

public class Ipv6Tests
{
    internal static readonly Extension HopByHop = new(IpProtocol.Ipv6HopByHop, Hex("01 04 00000000"));                  // PadN
    internal static readonly Extension Routing = new(IpProtocol.Ipv6Routing, Concat(Hex("02 00 00000000"), Ip("2001:db8::99"))); // type 2, no segments left, 24 bytes
    internal static readonly Extension AtomicFragment = new(IpProtocol.Ipv6Fragment, Hex("0000 0000abcd"));
    internal static readonly Extension DestinationOptions = new(IpProtocol.Ipv6DestinationOptions, Hex("01 04 00000000"));
    // RFC 4302: reserved, SPI, sequence, 96-bit ICV: 24 bytes, length field 4.
    internal static readonly Extension Authentication = new(IpProtocol.AuthenticationHeader, Concat(Hex("0000 00001000 00000007"), new byte[12]));

    private static byte[] Plain() => Ipv6Packet(IpProtocol.Udp, UdpDatagram(546, 547, [1, 2, 3, 4]), flowLabel: 0x12345, trafficClass: 0xB8, hopLimit: 255);

    private static byte[] EveryExtension() =>
        Ipv6Packet(IpProtocol.Tcp, TcpSegment(443, 50000, 1, 2, 0x010),
            [HopByHop, Routing, AtomicFragment, Authentication, DestinationOptions]);

    [Fact]
    public void Deconstruct()
    {
        var bytes = Plain();
        var ip = HeaderViews.Ipv6(bytes);
        Assert.Equal(6, ip.Version);
        Assert.Equal(0xB8, ip.TrafficClass);
        Assert.Equal(0x12345, ip.FlowLabel);
        Assert.Equal(12, ip.PayloadLength);
        Assert.Equal(IpProtocol.Udp, ip.NextHeader);
        Assert.Equal(255, ip.HopLimit);
        Assert.Equal(Ip(V6Src), ip.Source.ToArray());
        Assert.Equal(Ip(V6Dst), ip.Destination.ToArray());
    }

    [Fact]
    public void DeconstructExtensionHeaderLengths()
    {
        Assert.True(Ipv6ExtensionHeader.IsExtension(IpProtocol.Ipv6HopByHop));
        Assert.True(Ipv6ExtensionHeader.IsExtension(IpProtocol.AuthenticationHeader));
        Assert.False(Ipv6ExtensionHeader.IsExtension(IpProtocol.Esp));
        Assert.False(Ipv6ExtensionHeader.IsExtension(IpProtocol.Tcp));
        Assert.Equal(8, Ipv6ExtensionHeader.LengthOf(IpProtocol.Ipv6HopByHop, [6, 0]));
        Assert.Equal(24, Ipv6ExtensionHeader.LengthOf(IpProtocol.Ipv6Routing, [6, 2]));
        Assert.Equal(8, Ipv6ExtensionHeader.LengthOf(IpProtocol.Ipv6Fragment, [6, 77]));
        Assert.Equal(24, Ipv6ExtensionHeader.LengthOf(IpProtocol.AuthenticationHeader, [6, 4]));
        Assert.Equal(2048, Ipv6ExtensionHeader.LengthOf(IpProtocol.Ipv6DestinationOptions, [6, 255]));
    }

    [Fact]
    public void Parse()
    {
        var frame = EthernetFrame(EtherType.Ipv6, Plain());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal((14, 40, 52), (packet[2].Offset, packet[2].HeaderLength, packet[2].Extent));
        Assert.Equal(ChecksumStatus.None, packet[2].Checksum);
        Assert.Equal(ChecksumStatus.Good, packet[3].Checksum);
    }

    [Fact]
    public void RoutedSegmentChecksumCoversTheFinalDestination()
    {
        // scapy 2.5: IPv6(src='2001:db8::1', dst='2001:db8::2') / IPv6ExtHdrRouting(addresses=['2001:db8::3','2001:db8::4'],
        // segleft=2) / TCP(sport=1, dport=2) / b'hi'. With segments left the pseudo-header names the last address
        // (RFC 8200 8.1), not the IPv6 destination: scapy and tshark agree the checksum 0xcbfd is good.
        var bytes = Hex("60000000003e2b4020010db800000000000000000000000120010db80000000000000000000000020604000200000000"
            + "20010db800000000000000000000000320010db800000000000000000000000400010002000000000000000050022000cbfd00006869");
        var packet = Decode.Frame(bytes, LinkType.Ipv6);
        Assert.Equal(ChecksumStatus.Good, packet[packet.IndexOf(LayerKind.Tcp)].Checksum);

        bytes[43] = 0; // segments left 0: now the IPv6 destination is final, and the same checksum is wrong
        packet = Decode.Frame(bytes, LinkType.Ipv6);
        ref readonly var tcp = ref packet[packet.IndexOf(LayerKind.Tcp)];
        Assert.Equal(ChecksumStatus.Bad, tcp.Checksum);
        Assert.NotEqual(0xcbfd, tcp.ExpectedChecksum);
    }

    [Fact]
    public void ParseEveryExtensionHeader()
    {
        var bytes = EveryExtension();
        var packet = Decode.Frame(bytes, LinkType.Ipv6);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(
            [LayerKind.Frame, LayerKind.Ipv6, LayerKind.Ipv6HopByHop, LayerKind.Ipv6Routing, LayerKind.Ipv6Fragment,
             LayerKind.Ipv6AuthenticationHeader, LayerKind.Ipv6DestinationOptions, LayerKind.Tcp],
            Decode.Kinds(packet));
        int[] offsets = [40, 48, 72, 80, 104, 112];
        int[] lengths = [8, 24, 8, 24, 8, 20];
        for (int i = 0; i < offsets.Length; i++)
            Assert.Equal((offsets[i], lengths[i], LayerStatus.Complete), (packet[i + 2].Offset, packet[i + 2].HeaderLength, packet[i + 2].Status));
        Assert.False(packet.IsUnreassembledFragment);
        Assert.Equal(ChecksumStatus.Good, packet[7].Checksum);
    }

    [Fact]
    public void Fields()
    {
        var frame = EthernetFrame(EtherType.Ipv6, Plain());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("6", Decode.Field(packet, frame, "ipv6.version"));
        Assert.Equal("0x012345", Decode.Field(packet, frame, "ipv6.flow"));
        Assert.Equal("46", Decode.Field(packet, frame, "ipv6.tclass.dscp"));
        Assert.Equal("0", Decode.Field(packet, frame, "ipv6.tclass.ecn"));
        Assert.Equal("12", Decode.Field(packet, frame, "ipv6.plen"));
        Assert.Equal("17", Decode.Field(packet, frame, "ipv6.nxt"));
        Assert.Equal("255", Decode.Field(packet, frame, "ipv6.hlim"));
        Assert.Equal("2001:db8::1", Decode.Field(packet, frame, "ipv6.src"));
        Assert.Equal("2001:db8::2", Decode.Field(packet, frame, "ipv6.dst"));
        Assert.Equal("2001:db8::1,2001:db8::2", Decode.Field(packet, frame, "ipv6.addr"));

        var zeroFlow = Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, []));
        Assert.Equal("0x000000", Decode.Field(Decode.Frame(zeroFlow, LinkType.Ipv6), zeroFlow, "ipv6.flow"));
    }

    [Fact]
    public void ExtensionHeaderFields()
    {
        var bytes = EveryExtension();
        var packet = Decode.Frame(bytes, LinkType.Ipv6);
        Assert.Equal("0", Decode.Field(packet, bytes, "ipv6.nxt"));
        Assert.Equal("43", Decode.Field(packet, bytes, "ipv6.hopopts.nxt"));
        Assert.Equal("0", Decode.Field(packet, bytes, "ipv6.hopopts.len"));
        Assert.Equal("8", Decode.Field(packet, bytes, "ipv6.hopopts.len_oct"));
        Assert.Equal("44", Decode.Field(packet, bytes, "ipv6.routing.nxt"));
        Assert.Equal("2", Decode.Field(packet, bytes, "ipv6.routing.len"));
        Assert.Equal("2", Decode.Field(packet, bytes, "ipv6.routing.type"));
        Assert.Equal("0", Decode.Field(packet, bytes, "ipv6.routing.segleft"));
        Assert.Equal("51", Decode.Field(packet, bytes, "ipv6.fraghdr.nxt"));
        Assert.Equal("0", Decode.Field(packet, bytes, "ipv6.fraghdr.offset"));
        Assert.Equal("0", Decode.Field(packet, bytes, "ipv6.fraghdr.more"));
        Assert.Equal("0x0000abcd", Decode.Field(packet, bytes, "ipv6.fraghdr.ident"));
        Assert.Equal("60", Decode.Field(packet, bytes, "ah.next_header"));
        Assert.Equal("4", Decode.Field(packet, bytes, "ah.length"));
        Assert.Equal("0x00001000", Decode.Field(packet, bytes, "ah.spi"));
        Assert.Equal("7", Decode.Field(packet, bytes, "ah.sequence"));
        Assert.Equal("6", Decode.Field(packet, bytes, "ipv6.dstopts.nxt"));
        Assert.Equal("8", Decode.Field(packet, bytes, "ipv6.dstopts.len_oct"));
    }

    [Fact]
    public void AuthenticationHeaderAloneBeforeUdp()
    {
        var bytes = Ipv6Packet(IpProtocol.Udp, UdpDatagram(500, 500, [0xAA]), [Authentication]);
        var packet = Decode.Frame(bytes, LinkType.Ipv6);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipv6, LayerKind.Ipv6AuthenticationHeader, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal((40, 24), (packet[2].Offset, packet[2].HeaderLength));
        Assert.Equal(ChecksumStatus.Good, packet[3].Checksum);
    }

    [Fact]
    public void NoNextHeader()
    {
        var bytes = Ipv6Packet(IpProtocol.Ipv6NoNextHeader, [], [DestinationOptions]);
        var packet = Decode.Frame(bytes, LinkType.Ipv6);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipv6, LayerKind.Ipv6DestinationOptions], Decode.Kinds(packet));
    }

    [Fact]
    public void EspIsUnsupportedPayload()
    {
        var bytes = Ipv6Packet(IpProtocol.Esp, new byte[24]);
        var packet = Decode.Frame(bytes, LinkType.Ipv6);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipv6, LayerKind.Payload], Decode.Kinds(packet));
    }

    [Fact]
    public void ExtensionWalkIsBounded()
    {
        var chain = Enumerable.Repeat(DestinationOptions, 10).ToArray();
        var bytes = Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, []), chain);
        var packet = Decode.Frame(bytes, LinkType.Ipv6);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal(Protocols.Decoding.PacketDecoder.MaxExtensionHeaders, Decode.Kinds(packet).Count(k => k == LayerKind.Ipv6DestinationOptions));
        Assert.Equal(LayerKind.Payload, packet[packet.LayerCount - 1].Kind);
    }

    [Fact]
    public void Ipv6InIpv6AndIpv4InIpv6()
    {
        var six = Ipv6Packet(IpProtocol.Ipv6, Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, [3]), source: "fd00::1", destination: "fd00::2"));
        var packet = Decode.Frame(six, LinkType.Ipv6);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipv6, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(ChecksumStatus.Good, packet[3].Checksum);
        Assert.Equal("2001:db8::1,fd00::1", Decode.Field(packet, six, "ipv6.src"));
        Decode.EveryPrefix(six, LinkType.Ipv6);

        var four = Ipv6Packet(IpProtocol.IpInIp, Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [3])));
        packet = Decode.Frame(four, LinkType.Ipv6);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipv6, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(ChecksumStatus.Good, packet[3].Checksum);
        Decode.EveryPrefix(four, LinkType.Ipv6);
    }

    [Fact]
    public void PayloadLengthBeyondTheFrameIsMalformed()
    {
        var bytes = Plain();
        bytes[5] += 50;
        var packet = Decode.Frame(bytes, LinkType.Ipv6);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[1].Status);
        Assert.Equal(bytes.Length, packet[1].Extent);
    }

    [Fact]
    public void VersionMismatchIsMalformed()
    {
        var bytes = Plain();
        bytes[0] = 0x46;
        var packet = Decode.Frame(bytes, LinkType.Ipv6);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal((LayerKind.Ipv6, LayerStatus.Malformed), (packet[1].Kind, packet[1].Status));
        Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(EthernetFrame(EtherType.Ipv6, bytes), LinkType.Ethernet).Outcome);
    }

    [Fact]
    public void ExtensionHeaderLongerThanThePayloadIsMalformed()
    {
        var bytes = Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, []), [HopByHop]);
        bytes[41] = 10; // hop-by-hop claims 88 bytes
        var packet = Decode.Frame(bytes, LinkType.Ipv6);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal((LayerKind.Ipv6HopByHop, LayerStatus.Malformed), (packet[2].Kind, packet[2].Status));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(EthernetFrame(EtherType.Ipv6, Plain()), LinkType.Ethernet);
        Decode.EveryPrefix(EveryExtension(), LinkType.Ipv6);
        Decode.EveryPrefix(EveryExtension(), LinkType.Raw);
    }

    [Fact]
    public void PeerCorpusHopByHop()
    {
        var (metadata, data) = Decode.Corpus("ipv6_icmpv6_hopbyhop_packet.pcap")[0];
        var packet = Decode.Frame(metadata, data);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv6, LayerKind.Ipv6HopByHop, LayerKind.Icmpv6], Decode.Kinds(packet)[..5]);
        Assert.Equal(ChecksumStatus.Good, packet[4].Checksum);
        Decode.EveryPrefix(data, metadata.LinkType);
    }
}
