using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Icmpv6;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Icmpv6;

/// <summary>The ICMPv6 body's fields (<see cref="Icmpv6Body"/>): neighbor discovery, its options, MLD, damaged and cut messages.</summary>
public class Icmpv6BodyTests
{
    /// <summary>A router advertisement: M and prf high, lifetime 600, then source link-layer address, MTU and prefix options.</summary>
    public static byte[] RouterAdvertisement() => EthernetFrame(EtherType.Ipv6, Ipv6Packet(IpProtocol.Icmpv6, Icmpv6Packet(134, 0, 0x40_98_0258,
        Hex("000003e8 000000c8 0101020000000001 05010000000005dc 0304 40e0 00000e10 00000708 00000000 20010db8000000000000000000000000"))));

    /// <summary>An MLDv2 report: two records, the second with a source and one word of auxiliary data.</summary>
    public static byte[] Mldv2Report() => EthernetFrame(EtherType.Ipv6, Ipv6Packet(IpProtocol.Icmpv6, Icmpv6Packet(143, 0, 0x0000_0002,
        Hex("04000000 ff0200000000000000000000000000fb 01010001 ff020000000000000000000000010003 20010db8000000000000000000000001 61626364"))));

    private static byte[] NeighborSolicitation(string options) => EthernetFrame(EtherType.Ipv6, Ipv6Packet(IpProtocol.Icmpv6,
        Icmpv6Packet(135, 0, 0, Hex("fe800000000000000000000000000004" + options))));

    [Fact]
    public void RouterAdvertisementFields()
    {
        var frame = RouterAdvertisement();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("1", Decode.Field(packet, frame, "icmpv6.checksum.status"));
        Assert.Equal("64", Decode.Field(packet, frame, "icmpv6.nd.ra.cur_hop_limit"));
        Assert.Equal("0x98", Decode.Field(packet, frame, "icmpv6.nd.ra.flag"));
        Assert.Equal("1", Decode.Field(packet, frame, "icmpv6.nd.ra.flag.m"));
        Assert.Equal("0", Decode.Field(packet, frame, "icmpv6.nd.ra.flag.o"));
        Assert.Equal("3", Decode.Field(packet, frame, "icmpv6.nd.ra.flag.prf"));
        Assert.Equal("600", Decode.Field(packet, frame, "icmpv6.nd.ra.router_lifetime"));
        Assert.Equal("1000", Decode.Field(packet, frame, "icmpv6.nd.ra.reachable_time"));
        Assert.Equal("200", Decode.Field(packet, frame, "icmpv6.nd.ra.retrans_timer"));
        Assert.Equal("1,1,1", Decode.Field(packet, frame, "icmpv6.opt"));
        Assert.Equal("1,5,3", Decode.Field(packet, frame, "icmpv6.opt.type"));
        Assert.Equal("1,1,4", Decode.Field(packet, frame, "icmpv6.opt.length"));
        Assert.Equal("02:00:00:00:00:01", Decode.Field(packet, frame, "icmpv6.opt.linkaddr"));
        Assert.Equal("02:00:00:00:00:01", Decode.Field(packet, frame, "icmpv6.opt.src_linkaddr"));
        Assert.Equal("1500", Decode.Field(packet, frame, "icmpv6.opt.mtu"));
        Assert.Equal("64", Decode.Field(packet, frame, "icmpv6.opt.prefix.length"));
        Assert.Equal("0xe0", Decode.Field(packet, frame, "icmpv6.opt.prefix.flag"));
        Assert.Equal("1", Decode.Field(packet, frame, "icmpv6.opt.prefix.flag.r"));
        Assert.Equal("3600", Decode.Field(packet, frame, "icmpv6.opt.prefix.valid_lifetime"));
        Assert.Equal("1800", Decode.Field(packet, frame, "icmpv6.opt.prefix.preferred_lifetime"));
        Assert.Equal("1,1", Decode.Field(packet, frame, "icmpv6.opt.reserved"));
        Assert.Equal("2001:db8::", Decode.Field(packet, frame, "icmpv6.opt.prefix"));
    }

    [Fact]
    public void Mldv2ReportRecords()
    {
        var frame = Mldv2Report();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("0000", Decode.Field(packet, frame, "icmpv6.reserved"));
        Assert.Equal("2", Decode.Field(packet, frame, "icmpv6.mldr.nb_mcast_records"));
        Assert.Equal("1,1", Decode.Field(packet, frame, "icmpv6.mldr.mar"));
        Assert.Equal("4,1", Decode.Field(packet, frame, "icmpv6.mldr.mar.record_type"));
        Assert.Equal("0,1", Decode.Field(packet, frame, "icmpv6.mldr.mar.aux_data_len"));
        Assert.Equal("ff02::fb,ff02::1:3", Decode.Field(packet, frame, "icmpv6.mldr.mar.multicast_address"));
        Assert.Equal("2001:db8::1", Decode.Field(packet, frame, "icmpv6.mldr.mar.source_address"));
        Assert.Equal("61626364", Decode.Field(packet, frame, "icmpv6.mldr.mar.auxiliary_data"));
    }

    [Fact]
    public void ZeroLengthOptionEndsTheWalk()
    {
        var frame = NeighborSolicitation("0100020000000001 0101020000000001");
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("fe80::4", Decode.Field(packet, frame, "icmpv6.nd.ns.target_address"));
        Assert.Equal("1", Decode.Field(packet, frame, "icmpv6.opt"));
        Assert.Equal("0", Decode.Field(packet, frame, "icmpv6.opt.length"));
        Assert.Null(Decode.Field(packet, frame, "icmpv6.opt.linkaddr"));
    }

    [Fact]
    public void OptionPastTheMessageShowsItsHeadOnly()
    {
        var frame = NeighborSolicitation("0e03616263646566");
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("14", Decode.Field(packet, frame, "icmpv6.opt.type"));
        Assert.Null(Decode.Field(packet, frame, "icmpv6.opt.nonce"));
    }

    [Fact]
    public void NonMacLinkAddressIsBytes()
    {
        var frame = NeighborSolicitation("0102000102030405060708090a0b0c0d");
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("000102030405060708090a0b0c0d", Decode.Field(packet, frame, "icmpv6.opt.linkaddr"));
        Assert.Equal("000102030405060708090a0b0c0d", Decode.Field(packet, frame, "icmpv6.opt.src_linkaddr"));
    }

    [Fact]
    public void EveryFieldTableValueHasOneDefinition()
    {
        foreach (var value in Enum.GetValues<Icmpv6Value>())
            Assert.Equal(LayerKind.Icmpv6, Icmpv6Fields.Of(value).Layer);
        Assert.Equal(Enum.GetValues<Icmpv6Value>().Length + 2, Icmpv6Fields.All.Length);
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(RouterAdvertisement(), LinkType.Ethernet);
        Decode.EveryPrefix(Mldv2Report(), LinkType.Ethernet);
    }

    [Fact]
    public void HostileBodiesNeverThrowNorHang()
    {
        var random = new Random(6);
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        foreach (byte type in new byte[] { 130, 133, 134, 135, 136, 137, 143 })
        {
            for (int i = 0; i < 300; i++)
            {
                var body = new byte[random.Next(0, 120)];
                random.NextBytes(body);
                var frame = EthernetFrame(EtherType.Ipv6, Ipv6Packet(IpProtocol.Icmpv6, Icmpv6Packet(type, 0, (uint)random.Next(), body)));
                var packet = Decode.Frame(frame, LinkType.Ethernet, originalLength: frame.Length + random.Next(0, 40));
                Decode.AllFields(packet, frame, text);
            }
        }
    }
}
