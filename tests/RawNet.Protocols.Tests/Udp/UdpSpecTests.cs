using System.Buffers.Binary;
using System.Net;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tests.Crafting;
using RawNet.Protocols.Udp;

namespace RawNet.Protocols.Tests.Udp;

public sealed class UdpSpecTests
{
    private static readonly Ipv4Spec Ip = new() { Source = IPAddress.Parse("192.0.2.1"), Destination = IPAddress.Parse("192.0.2.2") };

    [Fact]
    public void EmitWritesEveryByte()
    {
        var buffer = Built.Garbage(UdpHeader.HeaderLength);
        new UdpSpec { SourcePort = 0x0102, DestinationPort = 0x0304, Checksum = 0x0708 }.Emit(buffer, 0x0506);
        Assert.Equal("0102030405060708", Built.Hex(buffer));
    }

    [Fact]
    public void ConstructThenParse()
    {
        var builder = new PacketBuilder().SetPayload("payload"u8).Prepend(new UdpSpec { SourcePort = 5353, DestinationPort = 5353 }).Prepend(Ip);
        var (packet, frame) = Built.Decode(builder, LinkType.Raw);
        var layer = Built.Layer(packet, LayerKind.Udp);
        var udp = HeaderViews.Udp(frame.AsSpan(layer.Offset));
        Assert.Equal(15, udp.Length);
        Assert.Equal(5353, udp.SourcePort);
        Assert.Equal(ChecksumStatus.Good, layer.Checksum);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AComputedZeroChecksumIsSentAsAllOnes(bool overIpv6)
    {
        // Build once, then append the checksum as two more payload bytes: the new sum is all ones, so the computed checksum is 0.
        var first = Build([0, 0], overIpv6);
        ushort checksum = BinaryPrimitives.ReadUInt16BigEndian(first.AsSpan(first.Length - 10 + UdpHeader.Field.Checksum));
        var payload = new byte[] { 0, 0 };
        BinaryPrimitives.WriteUInt16BigEndian(payload, checksum);
        var frame = Build(payload, overIpv6);
        int udp = frame.Length - 10;
        Assert.Equal(0xFFFF, BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(udp + UdpHeader.Field.Checksum)));
        var packet = Decode.Frame(frame, LinkType.Raw);
        Assert.Equal(ChecksumStatus.Good, Built.Layer(packet, LayerKind.Udp).Checksum);
    }

    private static byte[] Build(byte[] payload, bool overIpv6)
    {
        var builder = new PacketBuilder().SetPayload(payload).Prepend(new UdpSpec { SourcePort = 1, DestinationPort = 2 });
        if (overIpv6)
            builder.Prepend(new Ipv6Spec { Source = IPAddress.Parse("2001:db8::1"), Destination = IPAddress.Parse("2001:db8::2") });
        else
            builder.Prepend(Ip);
        return builder.ToArray();
    }

    [Fact]
    public void PinnedZeroChecksumOverIpv4MeansNone()
    {
        var builder = new PacketBuilder().SetPayload([1]).Prepend(new UdpSpec { Checksum = 0 }).Prepend(Ip);
        var (packet, _) = Built.Decode(builder, LinkType.Raw);
        Assert.Equal(ChecksumStatus.NotPresent, Built.Layer(packet, LayerKind.Udp).Checksum);
        Assert.DoesNotContain("udp.checksum", Built.Filled(builder));
    }

    [Fact]
    public void PinnedWrongChecksumIsBadAndPinnedLengthBeyondThePacketIsMalformed()
    {
        var (bad, _) = Built.Decode(new PacketBuilder().SetPayload([1]).Prepend(new UdpSpec { Checksum = 1 }).Prepend(Ip), LinkType.Raw);
        Assert.Equal(ChecksumStatus.Bad, Built.Layer(bad, LayerKind.Udp).Checksum);

        var (longer, frame) = Built.Decode(new PacketBuilder().SetPayload([1]).Prepend(new UdpSpec { Length = 200 }).Prepend(Ip), LinkType.Raw);
        Assert.Equal(200, HeaderViews.Udp(frame.AsSpan(20)).Length);
        Assert.Equal(LayerStatus.Malformed, Built.Layer(longer, LayerKind.Udp).Status);
    }
}
