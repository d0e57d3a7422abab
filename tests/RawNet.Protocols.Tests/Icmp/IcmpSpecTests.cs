using System.Net;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Icmp;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Tests.Crafting;
using RawNet.Protocols.Udp;

namespace RawNet.Protocols.Tests.Icmp;

public sealed class IcmpSpecTests
{
    private static readonly Ipv4Spec Ip = new() { Source = IPAddress.Parse("192.0.2.1"), Destination = IPAddress.Parse("192.0.2.2") };

    [Fact]
    public void EmitWritesEveryByte()
    {
        var buffer = Built.Garbage(IcmpHeader.HeaderLength);
        (IcmpSpec.Echo(request: true, identifier: 0x0102, sequence: 0x0304) with { Checksum = 0x0506 }).Emit(buffer);
        Assert.Equal("0800050601020304", Built.Hex(buffer));
        IcmpSpec.Error(IcmpType.DestinationUnreachable, 4, nextHopMtu: 1400).Emit(buffer);
        Assert.Equal("0304000000000578", Built.Hex(buffer));
    }

    [Fact]
    public void EchoChecksumIsFilledAndGood()
    {
        var builder = new PacketBuilder().SetPayload("ping"u8).Prepend(IcmpSpec.Echo(false, 7, 9)).Prepend(Ip);
        var (packet, frame) = Built.Decode(builder, LinkType.Raw);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(ChecksumStatus.Good, Built.Layer(packet, LayerKind.Icmp).Checksum);
        Assert.Equal("7", Decode.Field(packet, frame, "icmp.ident"));
        Assert.Equal("9", Decode.Field(packet, frame, "icmp.seq"));
        Assert.Contains("1:icmp.checksum", Built.Filled(builder));
    }

    [Fact]
    public void AnErrorQuotesThePacketBuiltInsideIt()
    {
        var builder = new PacketBuilder().SetPayload("abc"u8)
            .Prepend(new UdpSpec { SourcePort = 33434, DestinationPort = 33435 })
            .Prepend(Ip with { TimeToLive = 1 })
            .Prepend(IcmpSpec.Error(IcmpType.TimeExceeded, 0))
            .Prepend(Ip with { Source = IPAddress.Parse("198.51.100.1") });
        var (packet, frame) = Built.Decode(builder, LinkType.Raw);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipv4, LayerKind.Icmp, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(ChecksumStatus.Good, Built.Layer(packet, LayerKind.Icmp).Checksum);
        Assert.True(packet[3].Quoted);
        Assert.Equal("198.51.100.1,192.0.2.1", Decode.Field(packet, frame, "ip.src"));
        Assert.Equal("0:ip.hdr_len 0:ip.len 0:ip.proto 0:ip.checksum 1:icmp.checksum 2:ip.hdr_len 2:ip.len 2:ip.proto 2:ip.checksum 3:udp.length 3:udp.checksum",
            Built.Filled(builder));
    }

    [Fact]
    public void PinnedWrongChecksumIsKeptAndFlaggedBad()
    {
        var builder = new PacketBuilder().SetPayload([]).Prepend(new IcmpSpec { Checksum = 0xdead }).Prepend(Ip);
        var (packet, frame) = Built.Decode(builder, LinkType.Raw);
        Assert.Equal(0xdead, HeaderViews.Icmp(frame.AsSpan(20)).Checksum);
        Assert.Equal(ChecksumStatus.Bad, Built.Layer(packet, LayerKind.Icmp).Checksum);
    }
}
