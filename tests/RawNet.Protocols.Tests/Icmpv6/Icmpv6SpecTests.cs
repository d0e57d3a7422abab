using System.Net;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Icmp;
using RawNet.Protocols.Icmpv6;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Tests.Crafting;

namespace RawNet.Protocols.Tests.Icmpv6;

public sealed class Icmpv6SpecTests
{
    private static readonly Ipv6Spec Ip = new() { Source = IPAddress.Parse("2001:db8::1"), Destination = IPAddress.Parse("2001:db8::2") };

    [Fact]
    public void EmitWritesEveryByte()
    {
        var buffer = Built.Garbage(IcmpHeader.HeaderLength);
        Icmpv6Spec.Error(Icmpv6Type.PacketTooBig, 0, 1280).Emit(buffer);
        Assert.Equal("0200000000000500", Built.Hex(buffer));
        (Icmpv6Spec.Echo(true, 1, 2) with { Checksum = 0x1111 }).Emit(buffer);
        Assert.Equal("8000111100010002", Built.Hex(buffer));
    }

    [Fact]
    public void ChecksumCoversThePseudoHeaderAndIsGood()
    {
        var builder = new PacketBuilder().SetPayload("ping"u8).Prepend(Icmpv6Spec.Echo(true, 1, 2)).Prepend(Ip);
        var (packet, frame) = Built.Decode(builder, LinkType.Raw);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(ChecksumStatus.Good, Built.Layer(packet, LayerKind.Icmpv6).Checksum);
        Assert.Equal("2", Decode.Field(packet, frame, "icmpv6.echo.sequence_number"));
        Assert.Equal("0:ipv6.plen 0:ipv6.nxt 1:icmpv6.checksum", Built.Filled(builder));
    }

    [Fact]
    public void AnErrorQuotesThePacketBuiltInsideIt()
    {
        var builder = new PacketBuilder().SetPayload([])
            .Prepend(new TcpSpec { SourcePort = 1, DestinationPort = 2 })
            .Prepend(Ip with { Source = Ip.Destination, Destination = Ip.Source })
            .Prepend(Icmpv6Spec.Error(Icmpv6Type.DestinationUnreachable, 4))
            .Prepend(Ip);
        var (packet, _) = Built.Decode(builder, LinkType.Raw);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipv6, LayerKind.Icmpv6, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal(ChecksumStatus.Good, Built.Layer(packet, LayerKind.Icmpv6).Checksum);
    }

    [Fact]
    public void PinnedWrongChecksumIsKeptAndFlaggedBad()
    {
        var builder = new PacketBuilder().SetPayload([]).Prepend(new Icmpv6Spec { Checksum = 0 }).Prepend(Ip);
        var (packet, _) = Built.Decode(builder, LinkType.Raw);
        Assert.Equal(ChecksumStatus.Bad, Built.Layer(packet, LayerKind.Icmpv6).Checksum);
        Assert.DoesNotContain("icmpv6.checksum", Built.Filled(builder));
    }
}
