using RawNet.Protocols.Decoding;
using RawNet.Protocols.Vlan;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Vlan;

public class VlanTests
{
    private static byte[] Tagged() =>
        EthernetFrame(EtherType.Vlan, VlanTagged(5, true, 100, EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]))));

    /// <summary>802.1ad outer tag (S-tag 0x88a8), 802.1Q inner tag, then IPv4.</summary>
    private static byte[] DoubleTagged() =>
        EthernetFrame(EtherType.QinQ, VlanTagged(3, false, 200, EtherType.Vlan, VlanTagged(0, false, 4095, EtherType.Ipv4,
            Ipv4Packet(IpProtocol.Tcp, TcpSegment(80, 1024, 1, 2, 0x018)))));

    [Fact]
    public void Deconstruct()
    {
        var frame = Tagged();
        Assert.True(VlanTag.TryRead(frame.AsSpan(14), out var tag));
        Assert.Equal(5, tag.Priority);
        Assert.True(tag.DropEligible);
        Assert.Equal(100, tag.Id);
        Assert.Equal((ushort)0xB064, tag.TagControl);
        Assert.Equal(EtherType.Ipv4, tag.EtherType);
        Assert.False(VlanTag.TryRead(frame.AsSpan(14, 3), out _));
        Assert.True(VlanTag.IsTagProtocol(EtherType.Vlan) && VlanTag.IsTagProtocol(EtherType.QinQ) && VlanTag.IsTagProtocol(EtherType.QinQLegacy));
        Assert.False(VlanTag.IsTagProtocol(EtherType.Ipv4));
    }

    [Fact]
    public void Parse()
    {
        var frame = Tagged();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Vlan, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal((14, 4), (packet[2].Offset, packet[2].HeaderLength));
        Assert.Equal(18, packet[3].Offset);
    }

    [Fact]
    public void Fields()
    {
        var frame = Tagged();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("0x8100", Decode.Field(packet, frame, "eth.type"));
        Assert.Equal("5", Decode.Field(packet, frame, "vlan.priority"));
        Assert.Equal("1", Decode.Field(packet, frame, "vlan.dei"));
        Assert.Equal("100", Decode.Field(packet, frame, "vlan.id"));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "vlan.etype"));
    }

    [Fact]
    public void DoubleTaggedQinQ()
    {
        var frame = DoubleTagged();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        // The 802.1ad S-tag is its own layer, as tshark's ieee8021ad.
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.ServiceVlan, LayerKind.Vlan, LayerKind.Ipv4, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal("200", Decode.Field(packet, frame, "ieee8021ad.id"));
        Assert.Equal("3", Decode.Field(packet, frame, "ieee8021ad.priority"));
        Assert.Equal("0x8100", Decode.Field(packet, frame, "ieee8021ah.etype"));
        Assert.Equal("4095", Decode.Field(packet, frame, "vlan.id"));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "vlan.etype"));
        Assert.Equal("0x88a8", Decode.Field(packet, frame, "eth.type"));
        Assert.Equal(Protocols.Checksums.ChecksumStatus.Good, packet[5].Checksum);
    }

    [Fact]
    public void LegacyQinQTagProtocol()
    {
        var frame = EthernetFrame(EtherType.QinQLegacy, VlanTagged(0, false, 7, EtherType.Arp, new byte[28]));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Vlan, LayerKind.Arp], Decode.Kinds(packet));
    }

    [Fact]
    public void MoreThanFourTagsStopAsUnsupported()
    {
        byte[] inner = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, []));
        inner = VlanTagged(0, false, 5, EtherType.Ipv4, inner);
        for (int i = 4; i >= 1; i--)
            inner = VlanTagged(0, false, i, EtherType.Vlan, inner);
        var frame = EthernetFrame(EtherType.Vlan, inner);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal(4, Decode.Kinds(packet).Count(k => k == LayerKind.Vlan));
        Assert.Equal(LayerKind.Payload, packet[packet.LayerCount - 1].Kind);
        Assert.Equal(14 + 16, packet[packet.LayerCount - 1].Offset);
    }

    [Fact]
    public void TagWithA8023LengthIsUnsupported()
    {
        var frame = EthernetFrame(EtherType.Vlan, Concat(U16(10), U16(20), new byte[20]));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal("20", Decode.Field(packet, frame, "vlan.len"));
        Assert.Null(Decode.Field(packet, frame, "vlan.etype"));
    }

    [Fact]
    public void PeerCorpus8021ad()
    {
        var (metadata, data) = Decode.Corpus("802.1ad_vlan_ipv4.pcap")[0];
        var packet = Decode.Frame(metadata, data);
        var kinds = Decode.Kinds(packet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.ServiceVlan, LayerKind.Vlan, LayerKind.Ipv4], kinds[..5]);
        Assert.Equal("0x88a8", Decode.Field(packet, data, "eth.type"));
        Decode.EveryPrefix(data, metadata.LinkType);
    }

    [Fact]
    public void PeerCorpus8021q()
    {
        var (metadata, data) = Decode.Corpus("802.1q_vlan_ipv4_tcp.pcap")[0];
        var packet = Decode.Frame(metadata, data);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        // A GET to port 80: HTTP, as tshark shows it.
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Vlan, LayerKind.Ipv4, LayerKind.Tcp, LayerKind.Http], Decode.Kinds(packet));
        Assert.Equal(Protocols.Checksums.ChecksumStatus.Good, packet[3].Checksum);
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(Tagged(), LinkType.Ethernet);
        Decode.EveryPrefix(DoubleTagged(), LinkType.Ethernet);
    }
}
