using System.Net;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Tests.Crafting;
using RawNet.Protocols.Udp;

namespace RawNet.Protocols.Tests.Ipv4;

public sealed class Ipv4SpecTests
{
    private static readonly Ipv4Spec Spec = new()
    {
        DifferentiatedServices = 0x2e,
        Identification = 0x1234,
        Flags = Ipv4Header.DontFragment,
        FragmentOffset = 0,
        TimeToLive = 7,
        Source = IPAddress.Parse("192.0.2.1"),
        Destination = IPAddress.Parse("198.51.100.2"),
        Options = new byte[] { 0x94, 0x04, 0x00 },
    };

    [Fact]
    public void EmitWritesEveryByteAndPadsOptionsWithZeros()
    {
        var buffer = Built.Garbage(Spec.HeaderLength);
        Assert.Equal(24, buffer.Length);
        Spec.Emit(buffer, totalLength: 0x0102, IpProtocol.Udp);
        Assert.Equal("462e0102123440000711", Built.Hex(buffer.AsSpan(0, 10)));
        Assert.Equal("c0000201c6336402" + "94040000", Built.Hex(buffer.AsSpan(12)));
        Assert.Equal(0, InternetChecksum.Compute(buffer));
    }

    [Fact]
    public void BuilderFillsHeaderLengthTotalLengthProtocolAndChecksum()
    {
        var builder = new PacketBuilder().SetPayload("hello"u8).Prepend(new UdpSpec { SourcePort = 7, DestinationPort = 9 }).Prepend(Spec);
        var (packet, frame) = Built.Decode(builder, LinkType.Raw);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        var ip = HeaderViews.Ipv4(frame);
        Assert.Equal(24, ip.HeaderLength);
        Assert.Equal(frame.Length, ip.TotalLength);
        Assert.Equal(IpProtocol.Udp, ip.Protocol);
        Assert.Equal(0x1234, ip.Identification);
        Assert.Equal(ChecksumStatus.Good, Built.Layer(packet, LayerKind.Ipv4).Checksum);
        Assert.Equal(ChecksumStatus.Good, Built.Layer(packet, LayerKind.Udp).Checksum);
        Assert.Equal("0:ip.hdr_len 0:ip.len 0:ip.proto 0:ip.checksum 1:udp.length 1:udp.checksum", Built.Filled(builder));
    }

    [Fact]
    public void PinnedWrongChecksumIsKeptAndFlaggedBad()
    {
        var builder = new PacketBuilder().SetPayload([]).Prepend(Spec with { Checksum = 0xbad0 });
        var (packet, frame) = Built.Decode(builder, LinkType.Raw);
        Assert.Equal(0xbad0, HeaderViews.Ipv4(frame).Checksum);
        Assert.Equal(ChecksumStatus.Bad, Built.Layer(packet, LayerKind.Ipv4).Checksum);
        Assert.DoesNotContain("ip.checksum", Built.Filled(builder));
    }

    [Fact]
    public void PinnedTotalLengthBeyondTheFrameIsKeptAndMalformed()
    {
        var builder = new PacketBuilder().SetPayload([1, 2, 3, 4]).Prepend(Spec with { TotalLength = 1000 });
        var (packet, frame) = Built.Decode(builder, LinkType.Raw);
        Assert.Equal(1000, HeaderViews.Ipv4(frame).TotalLength);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerKind.Ipv4, packet.StoppedAt);
    }

    [Fact]
    public void PinnedHeaderLengthBelowFiveIsMalformed()
    {
        var builder = new PacketBuilder().SetPayload([1, 2, 3, 4]).Prepend(new Ipv4Spec { HeaderLengthWords = 4 });
        var (packet, frame) = Built.Decode(builder, LinkType.Raw);
        Assert.Equal(0x44, frame[0]);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.DoesNotContain("ip.hdr_len", Built.Filled(builder));
    }

    [Fact]
    public void OverRawDataTheProtocolIsZeroAsInScapy()
    {
        var builder = new PacketBuilder().SetPayload("hi"u8).Prepend(new Ipv4Spec());
        Assert.Equal(0, (byte)HeaderViews.Ipv4(builder.Bytes).Protocol);
    }

    [Fact]
    public void OptionsOver40BytesAreMisuse() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ipv4Spec { Options = new byte[41] }.Emit(new byte[64], 20, IpProtocol.Udp));
}
