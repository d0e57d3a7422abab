using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Decoding;

/// <summary>frame.protocols of the main stacks, as tshark 4.0 writes them (ProtocolChainOracleTests compares whole captures).</summary>
public class ProtocolChainTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 9, [1, 2, 3]));
    private static readonly byte[] Tcp4 = Ipv4Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));
    private static readonly byte[] Udp6 = Ipv6Packet(IpProtocol.Udp, UdpDatagram(40000, 9, [1, 2, 3]));

    private static string? Chain(byte[] frame, LinkType link = LinkType.Ethernet) =>
        Decode.Field(Decode.Frame(frame, link), frame, "frame.protocols");

    [Fact]
    public void Ethernet_stacks_name_the_ethertype_table_between_layers()
    {
        Assert.Equal("eth:ethertype:ip:tcp", Chain(EthernetFrame(EtherType.Ipv4, Tcp4)));
        Assert.Equal("eth:ethertype:ip:udp:data", Chain(EthernetFrame(EtherType.Ipv4, Udp4)));
        Assert.Equal("eth:ethertype:ipv6:udp:data", Chain(EthernetFrame(EtherType.Ipv6, Udp6)));
        Assert.Equal("eth:ethertype:vlan:ethertype:ip:udp:data", Chain(EthernetFrame(EtherType.Vlan, VlanTagged(0, false, 5, EtherType.Ipv4, Udp4))));
    }

    [Fact]
    public void Bytes_nothing_decodes_are_data_and_none_captured_are_nothing()
    {
        Assert.Equal("eth:ethertype:data", Chain(EthernetFrame((EtherType)0x88b5, [1, 2, 3, 4])));
        var cut = EthernetFrame(EtherType.Ipv4, Udp4)[..^3];
        Assert.Equal("eth:ethertype:ip:udp", Decode.Field(Decode.Frame(cut, LinkType.Ethernet, originalLength: cut.Length + 3), cut, "frame.protocols"));
    }

    [Fact]
    public void Raw_ip_starts_with_the_link_types_protocol()
    {
        Assert.Equal("raw:ip:udp:data", Chain(Udp4, LinkType.Raw));
        Assert.Equal("raw:ipv6:udp:data", Chain(Udp6, LinkType.Raw));
    }

    [Fact]
    public void Ipv6_handed_on_by_ipv4_keeps_both()
    {
        Assert.Equal("eth:ethertype:ip:ipv6:udp:data", Chain(EthernetFrame(EtherType.Ipv4, Udp6)));
    }

    [Fact]
    public void An_mpls_stack_is_one_entry_and_an_icmp_error_lists_what_it_quotes()
    {
        byte[] labels = [0x00, 0x01, 0x00, 0x40, 0x00, 0x02, 0x01, 0x40];
        Assert.Equal("eth:ethertype:mpls:ip:udp:data", Chain(EthernetFrame((EtherType)0x8847, Concat(labels, Udp4))));
        Assert.Equal("eth:ethertype:ip:icmp:ip:udp:data", Chain(EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Icmp, IcmpPacket(3, 3, 0, Udp4)))));
    }

    [Fact]
    public void Icmpv6_bodies_other_than_an_echos_are_not_data()
    {
        byte[] target = new byte[16];
        Assert.Equal("eth:ethertype:ipv6:icmpv6", Chain(EthernetFrame(EtherType.Ipv6, Ipv6Packet(IpProtocol.Icmpv6, Icmpv6Packet(135, 0, 0, target)))));
        Assert.Equal("eth:ethertype:ipv6:icmpv6:data", Chain(EthernetFrame(EtherType.Ipv6, Ipv6Packet(IpProtocol.Icmpv6, Icmpv6Packet(128, 0, 0x00010001, [1, 2, 3, 4])))));
    }

    [Fact]
    public void Ipv6s_dissector_refuses_another_version_and_its_caller_hands_the_bytes_to_data()
    {
        Assert.Equal("eth:ethertype:data", Chain(EthernetFrame(EtherType.Ipv6, Udp4)));
    }

    [Fact]
    public void Arp_of_ax25_hardware_calls_arps_second_dissector()
    {
        byte[] ax25Arp = [0x00, 0x03, 0x08, 0x00, 7, 4, 0x00, 0x01, .. new byte[7], 1, 2, 3, 4, .. new byte[7], 5, 6, 7, 8];
        Assert.Equal("eth:ethertype:arp:arp", Chain(EthernetFrame(EtherType.Arp, ax25Arp)));
        ax25Arp[1] = 1;
        Assert.Equal("eth:ethertype:arp", Chain(EthernetFrame(EtherType.Arp, ax25Arp)));
    }

    [Fact]
    public void The_chain_is_a_string_field_of_the_frame()
    {
        Assert.True(FieldCatalog.TryFind("frame.protocols", out var definitions));
        Assert.Equal(LayerKind.Frame, Assert.Single(definitions).Layer);
        Assert.Equal(FieldKind.BuiltText, definitions[0].Kind);
    }
}
