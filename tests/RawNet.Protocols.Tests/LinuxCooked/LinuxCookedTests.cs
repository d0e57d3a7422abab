using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.LinuxCooked;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.LinuxCooked;

public class LinuxCookedTests
{
    // SLL: packet type 4 (outgoing), ARPHRD_ETHER, address length 6, address padded to 8, protocol.
    private static byte[] Sll(EtherType protocol, byte[] payload) =>
        Concat(U16(4), U16(1), U16(6), Mac(Mac1), [0, 0], U16((ushort)protocol), payload);

    // SLL2: protocol, reserved, interface index 3, ARPHRD_ETHER, packet type 0 (to us), address length 6, address.
    private static byte[] Sll2(EtherType protocol, byte[] payload) =>
        Concat(U16((ushort)protocol), U16(0), U32(3), U16(1), [0, 6], Mac(Mac2), [0, 0], payload);

    private static byte[] UdpOverIpv4() => Ipv4Packet(IpProtocol.Udp, UdpDatagram(5354, 5354, [1, 2, 3]));

    [Fact]
    public void Deconstruct()
    {
        Assert.Equal(EtherType.Ipv4, LinuxCookedHeader.SllProtocol(Sll(EtherType.Ipv4, [])));
        Assert.Equal(EtherType.Ipv6, LinuxCookedHeader.Sll2Protocol(Sll2(EtherType.Ipv6, [])));
        Assert.Equal(16, Sll(EtherType.Ipv4, []).Length);
        Assert.Equal(20, Sll2(EtherType.Ipv4, []).Length);
    }

    [Fact]
    public void ParseSll()
    {
        var frame = Sll(EtherType.Ipv4, UdpOverIpv4());
        var packet = Decode.Frame(frame, LinkType.LinuxSll);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.LinuxSll, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal((0, 16), (packet[1].Offset, packet[1].HeaderLength));
        Assert.Equal(16, packet[2].Offset);
        Assert.Equal("4", Decode.Field(packet, frame, "sll.pkttype"));
        Assert.Equal("1", Decode.Field(packet, frame, "sll.hatype"));
        Assert.Equal("6", Decode.Field(packet, frame, "sll.halen"));
        Assert.Equal("00:11:22:33:44:55", Decode.Field(packet, frame, "sll.src.eth"));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "sll.etype"));
    }

    [Fact]
    public void ParseSll2()
    {
        var frame = Sll2(EtherType.Ipv6, Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, [3])));
        var packet = Decode.Frame(frame, LinkType.LinuxSll2);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.LinuxSll2, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal((0, 20), (packet[1].Offset, packet[1].HeaderLength));
        Assert.Equal("0x86dd", Decode.Field(packet, frame, "sll.etype"));
        Assert.Equal("3", Decode.Field(packet, frame, "sll.ifindex"));
        Assert.Equal("1", Decode.Field(packet, frame, "sll.hatype"));
        Assert.Equal("0", Decode.Field(packet, frame, "sll.pkttype"));
        Assert.Equal("6", Decode.Field(packet, frame, "sll.halen"));
        Assert.Equal("66:77:88:99:aa:bb", Decode.Field(packet, frame, "sll.src.eth"));
        Assert.Equal(ChecksumStatus.Good, packet[3].Checksum);
    }

    [Fact]
    public void NonEtherTypeProtocolIsUnsupported()
    {
        var frame = Sll((EtherType)0x0004, Hex("424203000000"));
        var packet = Decode.Frame(frame, LinkType.LinuxSll);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.LinuxSll, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Null(Decode.Field(packet, frame, "sll.etype"));
    }

    [Fact]
    public void AddressThatIsNotAMacIsNotNamed()
    {
        var frame = Sll(EtherType.Ipv4, UdpOverIpv4());
        frame[5] = 4; // address length 4
        var packet = Decode.Frame(frame, LinkType.LinuxSll);
        Assert.Null(Decode.Field(packet, frame, "sll.src.eth"));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(Sll(EtherType.Ipv4, UdpOverIpv4()), LinkType.LinuxSll);
        Decode.EveryPrefix(Sll(EtherType.Arp, Arp.ArpTests.Request), LinkType.LinuxSll);
        Decode.EveryPrefix(Sll2(EtherType.Ipv4, UdpOverIpv4()), LinkType.LinuxSll2);
        Decode.EveryPrefix(Sll2(EtherType.Vlan, VlanTagged(0, false, 9, EtherType.Ipv4, UdpOverIpv4())), LinkType.LinuxSll2);
    }

    [Fact]
    public void PeerCorpusCookedCaptures()
    {
        foreach (var (file, link) in new[] { ("LinuxCookedCapture.pcap", LayerKind.LinuxSll), ("LinuxCookedCapturev2.pcap", LayerKind.LinuxSll2) })
        {
            foreach (var (metadata, data) in Decode.Corpus(file))
            {
                var packet = Decode.Frame(metadata, data);
                Assert.Equal(link, packet[1].Kind);
                Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
                Decode.EveryPrefix(data, metadata.LinkType);
            }
        }
    }
}
