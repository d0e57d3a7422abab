using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipv4;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ipv4;

public class Ipv4Tests
{
    // Record route (7, length 7, pointer 4, one empty slot) then EOL: 8 bytes of options, IHL 7.
    private static readonly byte[] RecordRoute = Hex("07 07 04 00000000 00");

    private static byte[] WithOptions() =>
        Ipv4Packet(IpProtocol.Udp, UdpDatagram(5000, 5001, [9, 9]), options: RecordRoute, flagsAndOffset: 0x4000, identification: 0xBEEF, ttl: 17, tos: 0xB9);

    [Fact]
    public void Deconstruct()
    {
        var bytes = WithOptions();
        var ip = HeaderViews.Ipv4(bytes);
        Assert.Equal(4, ip.Version);
        Assert.Equal(28, ip.HeaderLength);
        Assert.Equal(0xB9, ip.DifferentiatedServices);
        Assert.Equal(38, ip.TotalLength);
        Assert.Equal(0xBEEF, ip.Identification);
        Assert.Equal(0x4000, ip.FlagsAndFragmentOffset);
        Assert.False(ip.IsFragment);
        Assert.False(ip.HasMoreFragments);
        Assert.Equal(0, ip.FragmentOffsetBytes);
        Assert.Equal(17, ip.TimeToLive);
        Assert.Equal(IpProtocol.Udp, ip.Protocol);
        Assert.Equal(0, InternetChecksum.Compute(bytes.AsSpan(0, 28)));
        Assert.Equal(Ip(V4Src), ip.Source.ToArray());
        Assert.Equal(Ip(V4Dst), ip.Destination.ToArray());

        var fragment = HeaderViews.Ipv4(Ipv4Packet(IpProtocol.Udp, new byte[8], flagsAndOffset: 0x2000 | 185));
        Assert.True(fragment.IsFragment);
        Assert.True(fragment.HasMoreFragments);
        Assert.Equal(1480, fragment.FragmentOffsetBytes);
        var last = HeaderViews.Ipv4(Ipv4Packet(IpProtocol.Udp, new byte[8], flagsAndOffset: 185));
        Assert.True(last.IsFragment);
        Assert.False(last.HasMoreFragments);
    }

    [Fact]
    public void DeconstructRfc791ExampleHeader()
    {
        // The textbook header-checksum example: 192.168.0.1 -> 192.168.0.199, UDP, checksum 0xb861.
        var bytes = Hex("45000073000040004011b861c0a80001c0a800c7");
        var ip = HeaderViews.Ipv4(bytes);
        Assert.Equal(115, ip.TotalLength);
        Assert.Equal(IpProtocol.Udp, ip.Protocol);
        Assert.Equal(0xB861, ip.Checksum);
        Assert.Equal(0, InternetChecksum.Compute(bytes));
    }

    [Fact]
    public void Parse()
    {
        var frame = EthernetFrame(EtherType.Ipv4, WithOptions());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal((14, 28, 38), (packet[2].Offset, packet[2].HeaderLength, packet[2].Extent));
        Assert.Equal(ChecksumStatus.Good, packet[2].Checksum);
        Assert.Equal(42, packet[3].Offset);
        Assert.Equal(ChecksumStatus.Good, packet[3].Checksum);
    }

    [Fact]
    public void Fields()
    {
        var frame = EthernetFrame(EtherType.Ipv4, WithOptions());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("4", Decode.Field(packet, frame, "ip.version"));
        Assert.Equal("28", Decode.Field(packet, frame, "ip.hdr_len"));
        Assert.Equal("0xb9", Decode.Field(packet, frame, "ip.dsfield"));
        Assert.Equal("46", Decode.Field(packet, frame, "ip.dsfield.dscp"));
        Assert.Equal("1", Decode.Field(packet, frame, "ip.dsfield.ecn"));
        Assert.Equal("38", Decode.Field(packet, frame, "ip.len"));
        Assert.Equal("0xbeef", Decode.Field(packet, frame, "ip.id"));
        Assert.Equal("0x02", Decode.Field(packet, frame, "ip.flags"));
        Assert.Equal("0", Decode.Field(packet, frame, "ip.flags.rb"));
        Assert.Equal("1", Decode.Field(packet, frame, "ip.flags.df"));
        Assert.Equal("0", Decode.Field(packet, frame, "ip.flags.mf"));
        Assert.Equal("0", Decode.Field(packet, frame, "ip.frag_offset"));
        Assert.Equal("17", Decode.Field(packet, frame, "ip.ttl"));
        Assert.Equal("17", Decode.Field(packet, frame, "ip.proto"));
        Assert.Equal($"0x{HeaderViews.Ipv4(frame.AsSpan(14)).Checksum:x4}", Decode.Field(packet, frame, "ip.checksum"));
        Assert.Equal("192.0.2.1", Decode.Field(packet, frame, "ip.src"));
        Assert.Equal("198.51.100.2", Decode.Field(packet, frame, "ip.dst"));
        Assert.Equal("192.0.2.1,198.51.100.2", Decode.Field(packet, frame, "ip.addr"));
    }

    [Theory]
    [InlineData(0x0000, "0x00", "0", "0", "0")]
    [InlineData(0x4000, "0x02", "0", "1", "0")]
    [InlineData(0x2000, "0x01", "0", "0", "1")]
    [InlineData(0x8000, "0x04", "1", "0", "0")]
    [InlineData(0xE000, "0x07", "1", "1", "1")]
    public void FlagFields(int word, string flags, string rb, string df, string mf)
    {
        var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, []), flagsAndOffset: (ushort)word));
        var packet = Decode.Frame(frame, LinkType.Ethernet, options: new DecoderOptions(Defragment: false));
        Assert.Equal(flags, Decode.Field(packet, frame, "ip.flags"));
        Assert.Equal(rb, Decode.Field(packet, frame, "ip.flags.rb"));
        Assert.Equal(df, Decode.Field(packet, frame, "ip.flags.df"));
        Assert.Equal(mf, Decode.Field(packet, frame, "ip.flags.mf"));
    }

    [Fact]
    public void FragmentOffsetFieldIsInEightByteUnits()
    {
        var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, new byte[16], flagsAndOffset: 0x2000 | 185));
        var packet = Decode.Frame(frame, LinkType.Ethernet, options: new DecoderOptions(Defragment: false));
        Assert.Equal("185", Decode.Field(packet, frame, "ip.frag_offset"));
        Assert.True(packet.IsUnreassembledFragment);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Payload], Decode.Kinds(packet));
    }

    [Fact]
    public void BadHeaderChecksumIsReported()
    {
        var ip = WithOptions();
        ip[10] ^= 0x01;
        var packet = Decode.Frame(ip, LinkType.Ipv4);
        Assert.Equal(ChecksumStatus.Bad, packet[1].Checksum);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
    }

    [Fact]
    public void IpInIp()
    {
        var inner = Ipv4Packet(IpProtocol.Udp, UdpDatagram(9, 9, [1]), source: "10.0.0.1", destination: "10.0.0.2");
        var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.IpInIp, inner));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(34, packet[3].Offset);
        Assert.Equal("192.0.2.1,10.0.0.1", Decode.Field(packet, frame, "ip.src"));
        Assert.Equal("4,17", Decode.Field(packet, frame, "ip.proto"));
        Assert.Equal(ChecksumStatus.Good, packet[4].Checksum);
        Decode.EveryPrefix(frame, LinkType.Ethernet);
    }

    [Fact]
    public void Ipv6InIpv4()
    {
        var inner = Ipv6Packet(IpProtocol.Udp, UdpDatagram(9, 9, [1]));
        var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Ipv6, inner));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(ChecksumStatus.Good, packet[4].Checksum);
        Decode.EveryPrefix(frame, LinkType.Ethernet);
    }

    [Fact]
    public void NestingIsBounded()
    {
        var ip = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, []));
        for (int i = 0; i < 10; i++)
            ip = Ipv4Packet(IpProtocol.IpInIp, ip);
        var packet = Decode.Frame(ip, LinkType.Ipv4);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal(Protocols.Decoding.PacketDecoder.MaxNetworkLayers, Decode.Kinds(packet).Count(k => k == LayerKind.Ipv4));
    }

    [Fact]
    public void UnknownProtocolIsUnsupportedPayload()
    {
        var ip = Ipv4Packet((IpProtocol)132, new byte[12]);
        var packet = Decode.Frame(ip, LinkType.Raw);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipv4, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal((20, 12), (packet[2].Offset, packet[2].HeaderLength));
    }

    [Fact]
    public void HeaderLengthBelowFiveIsMalformed()
    {
        var ip = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, []));
        ip[0] = 0x44;
        var packet = Decode.Frame(ip, LinkType.Ipv4);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[1].Status);
        Assert.Equal(LayerKind.Ipv4, packet.StoppedAt);
        Assert.Equal(2, packet.LayerCount);
    }

    [Fact]
    public void TotalLengthBeyondTheFrameIsMalformedButKeepsTheLayers()
    {
        var ip = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3, 4]));
        ip[2] = 0x01; // total length 256 + 32
        var packet = Decode.Frame(ip, LinkType.Ipv4);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[1].Status);
        Assert.Equal(ip.Length, packet[1].Extent);
        Assert.Equal(LayerKind.Udp, packet[2].Kind);
    }

    [Fact]
    public void TotalLengthBelowTheHeaderIsMalformed()
    {
        var ip = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, []));
        ip[3] = 19;
        ip[2] = 0;
        var packet = Decode.Frame(ip, LinkType.Ipv4);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[1].Status);
    }

    [Fact]
    public void ZeroTotalLengthIsTsoAndTrustsTheFrame()
    {
        var ip = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [7, 7]));
        ip[2] = 0;
        ip[3] = 0;
        var packet = Decode.Frame(ip, LinkType.Ipv4, options: new DecoderOptions(VerifyChecksums: false));
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(ip.Length, packet[1].Extent);
        Assert.Equal(LayerKind.Udp, packet[2].Kind);
    }

    [Fact]
    public void VersionMismatchIsMalformed()
    {
        var ip = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, []));
        ip[0] = 0x65;
        var packet = Decode.Frame(ip, LinkType.Ipv4);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[1].Status);
        // On an Ethernet frame that says IPv4 too.
        var frame = EthernetFrame(EtherType.Ipv4, ip);
        Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(frame, LinkType.Ethernet).Outcome);
        // Raw IP with version 5 is neither.
        ip[0] = 0x55;
        var raw = Decode.Frame(ip, LinkType.Raw);
        Assert.Equal(DecodeOutcome.Malformed, raw.Outcome);
    }

    [Fact]
    public void PacketThatReallyEndsInsideTheHeaderIsMalformed()
    {
        var ip = WithOptions()[..24];
        var packet = Decode.Frame(ip, LinkType.Ipv4, originalLength: 24);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(24, packet[1].HeaderLength);
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(EthernetFrame(EtherType.Ipv4, WithOptions()), LinkType.Ethernet);
        Decode.EveryPrefix(WithOptions(), LinkType.Ipv4);
        Decode.EveryPrefix(WithOptions(), LinkType.Raw);
        Decode.EveryPrefix(Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, new byte[32]), flagsAndOffset: 0x2000), LinkType.Raw);
    }

    [Fact]
    public void PeerCorpusBogusLengthAndTso()
    {
        foreach (var file in new[] { "ip_packet_bogus_length.pcap", "ipv4_tso_frame.pcap" })
        {
            foreach (var (metadata, data) in Decode.Corpus(file))
            {
                var packet = Decode.Frame(metadata, data);
                Assert.Equal(LayerKind.Ipv4, packet[2].Kind);
            }
        }
    }
}
