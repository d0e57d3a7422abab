using RawNet.Protocols.Decoding;
using RawNet.Protocols.Llc;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Llc;

/// <summary>MAC frames bridged behind SNAP's OUI 00-80-C2 (RFC 2684, RFC 2427), as tshark decodes them.</summary>
public class BridgedTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Fcs = Hex("deadbeef");

    /// <summary>LLC and SNAP for 00-80-C2 and <paramref name="pid"/>, LLC's 2-byte pad, and <paramref name="frame"/>.</summary>
    public static byte[] Bridged(ushort pid, byte[] frame) => Concat(Hex("aaaa03 0080c2"), U16(pid), Hex("0000"), frame);

    private static byte[] Dot3(byte[] llc) => Concat(Mac(Mac1), Mac(Mac2), U16(llc.Length), llc);

    [Fact]
    public void FrameOffsets()
    {
        Assert.Equal(2, BridgedPid.FrameOffset(BridgedPid.EthernetWithFcs, BridgedPid.LlcPad));
        Assert.Equal(3, BridgedPid.FrameOffset(BridgedPid.FddiWithoutFcs, BridgedPid.LlcPad));
        Assert.Equal(1, BridgedPid.FrameOffset(BridgedPid.FddiWithFcs, BridgedPid.FrameRelayPad));
        Assert.Equal(0, BridgedPid.FrameOffset(BridgedPid.TokenRingWithoutFcs, BridgedPid.FrameRelayPad));
        foreach (ushort other in new ushort[] { 0x0002, 0x0005, 0x0008, 0x000B, 0x000E, 0x1234 })
            Assert.Equal(-1, BridgedPid.FrameOffset(other, BridgedPid.LlcPad));
    }

    [Fact]
    public void EthernetWithoutFcsOn8023()
    {
        var frame = Dot3(Bridged(BridgedPid.EthernetWithoutFcs, EthernetFrame(EtherType.Ipv4, Udp4)));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x0007", Decode.Field(packet, frame, "llc.pid"));
        Assert.Null(Decode.Field(packet, frame, "eth.fcs"));
        Assert.Equal(24, packet[3].Offset);
    }

    [Fact]
    public void EthernetWithFcsEndsItsPayloadBeforeTheFcs()
    {
        var frame = Dot3(Bridged(BridgedPid.EthernetWithFcs, Concat(EthernetFrame(EtherType.Ipv4, Udp4), Fcs)));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("0xdeadbeef", Decode.Field(packet, frame, "eth.fcs"));
        Assert.Equal(frame.Length - 4, packet[4].Offset + packet[4].Extent);

        // An unknown EtherType: the data ends before the FCS too.
        frame = Dot3(Bridged(BridgedPid.EthernetWithFcs, Concat(EthernetFrame((EtherType)0x1234, Hex("61626364")), Fcs)));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(LayerKind.Payload, packet[packet.LayerCount - 1].Kind);
        Assert.Equal(4, packet[packet.LayerCount - 1].Extent);
        Assert.Equal("0xdeadbeef", Decode.Field(packet, frame, "eth.fcs"));

        // Fewer than 4 bytes after the header: no FCS, they are the payload's.
        frame = Dot3(Bridged(BridgedPid.EthernetWithFcs, EthernetFrame((EtherType)0x1234, Hex("6162"))));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Null(Decode.Field(packet, frame, "eth.fcs"));
    }

    [Fact]
    public void AnFcsTheCaptureCutIsTruncationAfterThePayload()
    {
        var whole = Dot3(Bridged(BridgedPid.EthernetWithFcs, Concat(EthernetFrame(EtherType.Ipv4, Udp4), Fcs)));
        var packet = Decode.Frame(whole[..^2], LinkType.Ethernet, whole.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal(PacketDecoder.FcsCutReason, packet.StopReason);
        Assert.Null(Decode.Field(packet, whole[..^2], "eth.fcs"));
        // Cut exactly where the FCS starts: tshark finds no trailer to read, and nothing fails.
        packet = Decode.Frame(whole[..^4], LinkType.Ethernet, whole.Length);
        Assert.NotEqual(PacketDecoder.FcsCutReason, packet.StopReason);
    }

    [Fact]
    public void APadPastTheFrameStopsAtTheCarrier()
    {
        var packet = Decode.Frame(Dot3(Hex("aaaa03 0080c2 0007 00")), LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerKind.Llc, packet.StoppedAt);
        var whole = Dot3(Bridged(BridgedPid.EthernetWithoutFcs, EthernetFrame(EtherType.Ipv4, Udp4)));
        packet = Decode.Frame(whole[..23], LinkType.Ethernet, whole.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal(LayerKind.Llc, packet.StoppedAt);
    }

    [Fact]
    public void TokenRingFddiAndFrameRelay()
    {
        var ring = Dot3(Bridged(BridgedPid.TokenRingWithoutFcs, TokenRing.TokenRingTests.Frame(Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), Udp4))));
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.TokenRing, LayerKind.Llc, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload],
            Decode.Kinds(Decode.Frame(ring, LinkType.Ethernet)));

        var fddi = Concat(Hex("aaaa03 0080c2 000a 000000"), Fddi.FddiTests.Frame(0x50, Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), Udp4)));
        var packet = Decode.Frame(fddi, LinkType.AtmRfc1483);
        Assert.Equal([LayerKind.Frame, LayerKind.Llc, LayerKind.Fddi, LayerKind.Llc, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        // A bridged FDDI frame's addresses as sent, then bit-swapped (LINKTYPE_FDDI's are bit-swapped both times).
        Assert.Equal("c0:00:00:00:12:34,03:00:00:00:48:2c", Decode.Field(packet, fddi, "fddi.dst"));

        var fr = Concat(Hex("1841 03 80 0080c2 0001"), EthernetFrame(EtherType.Ipv4, Udp4), Fcs);
        packet = Decode.Frame(fr, LinkType.FrameRelay);
        Assert.Equal([LayerKind.Frame, LayerKind.FrameRelay, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0xdeadbeef", Decode.Field(packet, fr, "eth.fcs"));
    }

    [Fact]
    public void NestingIsBounded()
    {
        var frame = EthernetFrame(EtherType.Ipv4, Udp4);
        for (int depth = 0; depth < PacketDecoder.MaxBridgedFrames + 3; depth++)
            frame = Dot3(Bridged(BridgedPid.EthernetWithoutFcs, frame));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal(PacketDecoder.MaxBridgedFrames + 1, Decode.Kinds(packet).Count(k => k == LayerKind.Ethernet));
        Assert.Equal(LayerKind.Payload, packet[packet.LayerCount - 1].Kind);
    }

    [Fact]
    public void EveryPrefixAndEveryDamagedByteDecodesWithoutThrowing()
    {
        var frames = new[]
        {
            Dot3(Bridged(BridgedPid.EthernetWithFcs, Concat(EthernetFrame(EtherType.Vlan, VlanTagged(0, false, 5, EtherType.Ipv4, Udp4)), Fcs))),
            Dot3(Bridged(BridgedPid.TokenRingWithFcs, TokenRing.TokenRingTests.Frame(Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), Udp4), Hex("0630a0b1c2d3")))),
        };
        foreach (var whole in frames)
        {
            for (int cut = 0; cut <= whole.Length; cut++)
            {
                Decode.Frame(whole[..cut], LinkType.Ethernet, whole.Length);
                Decode.Frame(whole[..cut], LinkType.Ethernet);
            }
            var random = new Random(7);
            for (int i = 0; i < 2000; i++)
            {
                var damaged = (byte[])whole.Clone();
                damaged[14 + random.Next(40)] = (byte)random.Next(256);
                var packet = Decode.Frame(damaged, LinkType.Ethernet);
                Assert.True(packet.LayerCount <= DecodedPacket.MaxLayers);
            }
        }
    }
}
