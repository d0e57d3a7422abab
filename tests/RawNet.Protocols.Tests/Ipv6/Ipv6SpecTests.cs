using System.Net;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Tests.Crafting;
using RawNet.Protocols.Udp;

namespace RawNet.Protocols.Tests.Ipv6;

public sealed class Ipv6SpecTests
{
    private static readonly Ipv6Spec Spec = new()
    {
        TrafficClass = 0xb8,
        FlowLabel = 0x12345,
        HopLimit = 9,
        Source = IPAddress.Parse("2001:db8::1"),
        Destination = IPAddress.Parse("2001:db8::2"),
    };

    [Fact]
    public void EmitWritesEveryByte()
    {
        var buffer = Built.Garbage(Ipv6Header.Length);
        Spec.Emit(buffer, payloadLength: 0x0203, IpProtocol.Tcp);
        Assert.Equal("6b812345" + "0203" + "06" + "09" + "20010db8000000000000000000000001" + "20010db8000000000000000000000002", Built.Hex(buffer));
    }

    [Theory]
    [InlineData("", "3c00010400000000")]
    [InlineData("05020000", "3c00050200000100")]
    [InlineData("0502000000", "3c00050200000000")]
    [InlineData("050200000000", "3c00050200000000")]
    [InlineData("0502000001020304", "3c010502000001020304010400000000")]
    public void OptionsHeadersPadWithPad1OrPadNToEightBytes(string options, string expected)
    {
        var spec = new Ipv6HopByHopSpec { Options = Convert.FromHexString(options) };
        var buffer = Built.Garbage(spec.HeaderLength);
        spec.Emit(buffer, IpProtocol.Ipv6DestinationOptions);
        Assert.Equal(expected, Built.Hex(buffer));
    }

    [Fact]
    public void RoutingAndFragmentHeadersEmitEveryByte()
    {
        var routing = new Ipv6RoutingSpec { Addresses = [IPAddress.Parse("2001:db8::5")] };
        var buffer = Built.Garbage(routing.HeaderLength);
        routing.Emit(buffer, IpProtocol.Ipv6Fragment);
        Assert.Equal("2c020001" + "00000000" + "20010db8000000000000000000000005", Built.Hex(buffer));

        buffer = Built.Garbage(Ipv6ExtensionHeader.FragmentHeaderLength);
        new Ipv6FragmentSpec { FragmentOffset = 3, MoreFragments = true, Identification = 0x01020304 }.Emit(buffer, IpProtocol.Udp);
        Assert.Equal("1100001901020304", Built.Hex(buffer));
    }

    [Fact]
    public void ExtensionHeaderChainIsFilledAndDecodes()
    {
        var builder = new PacketBuilder().SetPayload("x"u8)
            .Prepend(new UdpSpec { SourcePort = 1, DestinationPort = 2 })
            .Prepend(new Ipv6FragmentSpec { Identification = 7 })
            .Prepend(new Ipv6RoutingSpec { SegmentsLeft = 0, Addresses = [IPAddress.Parse("2001:db8::9")] })
            .Prepend(new Ipv6DestinationOptionsSpec())
            .Prepend(new Ipv6HopByHopSpec())
            .Prepend(Spec);
        var (packet, frame) = Built.Decode(builder, LinkType.Raw);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ipv6, LayerKind.Ipv6HopByHop, LayerKind.Ipv6DestinationOptions, LayerKind.Ipv6Routing,
            LayerKind.Ipv6Fragment, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        var ip = HeaderViews.Ipv6(frame);
        Assert.Equal(frame.Length - Ipv6Header.Length, ip.PayloadLength);
        Assert.Equal(0x12345, ip.FlowLabel);
        Assert.Equal(0xb8, ip.TrafficClass);
        Assert.Equal(ChecksumStatus.Good, Built.Layer(packet, LayerKind.Udp).Checksum);
        Assert.Equal("0:ipv6.plen 0:ipv6.nxt 1:ipv6.hopopts.nxt 1:ipv6.hopopts.len 2:ipv6.dstopts.nxt 2:ipv6.dstopts.len "
            + "3:ipv6.routing.nxt 3:ipv6.routing.len 4:ipv6.fraghdr.nxt 5:udp.length 5:udp.checksum", Built.Filled(builder));
    }

    [Fact]
    public void WithSegmentsLeftTheChecksumCoversTheFinalDestination()
    {
        var final = IPAddress.Parse("2001:db8::99");
        var builder = new PacketBuilder().SetPayload([])
            .Prepend(new TcpSpec())
            .Prepend(new Ipv6RoutingSpec { Addresses = [final] })
            .Prepend(Spec);
        var frame = builder.ToArray();
        var tcp = frame.AsSpan(Ipv6Header.Length + 24);
        ulong sum = InternetChecksum.PseudoHeaderIpv6(Spec.Source.GetAddressBytes(), final.GetAddressBytes(), IpProtocol.Tcp, tcp.Length);
        Assert.True(InternetChecksum.Verifies(InternetChecksum.Add(sum, tcp)));
    }

    [Fact]
    public void PinnedPayloadLengthBeyondTheFrameIsKeptAndMalformed()
    {
        var builder = new PacketBuilder().SetPayload([1, 2]).Prepend(Spec with { PayloadLength = 500 });
        var (packet, frame) = Built.Decode(builder, LinkType.Raw);
        Assert.Equal(500, HeaderViews.Ipv6(frame).PayloadLength);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal((byte)IpProtocol.Ipv6NoNextHeader, frame[Ipv6Header.Field.NextHeader]);
    }
}
