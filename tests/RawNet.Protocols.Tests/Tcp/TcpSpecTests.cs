using System.Net;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Tests.Crafting;

namespace RawNet.Protocols.Tests.Tcp;

public sealed class TcpSpecTests
{
    private static readonly TcpSpec Spec = new()
    {
        SourcePort = 0x1234,
        DestinationPort = 80,
        SequenceNumber = 0x01020304,
        AcknowledgmentNumber = 0x05060708,
        Flags = TcpFlags.Syn | TcpFlags.Ack | TcpFlags.Ece | TcpFlags.Ae,
        Window = 0xfaf0,
        UrgentPointer = 0x0011,
        Options =
        [
            TcpOptionSpec.MaximumSegmentSize(1460), TcpOptionSpec.SackPermitted, TcpOptionSpec.Timestamps(1, 2), TcpOptionSpec.NoOperation,
            TcpOptionSpec.WindowScale(7),
        ],
    };

    [Fact]
    public void EmitWritesEveryByte()
    {
        var buffer = Built.Garbage(Spec.HeaderLength);
        Assert.Equal(40, buffer.Length);
        Spec.Emit(buffer);
        Assert.Equal("12340050" + "01020304" + "05060708" + "a152" + "faf0" + "0000" + "0011"
            + "020405b4" + "0402" + "080a0000000100000002" + "01" + "030307", Built.Hex(buffer));
    }

    [Fact]
    public void OptionsArePaddedWithEndOfOptionList()
    {
        var spec = new TcpSpec { Options = [TcpOptionSpec.Sack((1u, 2u)), TcpOptionSpec.Raw(254, [0xab]), TcpOptionSpec.EndOfOptionList] };
        var buffer = Built.Garbage(spec.HeaderLength);
        spec.Emit(buffer);
        Assert.Equal("050a0000000100000002" + "fe03ab" + "00" + "0000", Built.Hex(buffer.AsSpan(20)));
        Assert.Equal(9, buffer[TcpHeader.Field.DataOffsetAndFlags] >> 4);
    }

    [Fact]
    public void ConstructThenParseEveryFieldAndOptionBack()
    {
        var builder = new PacketBuilder().SetPayload("abc"u8).Prepend(Spec).Prepend(new Ipv4Spec { Source = IPAddress.Parse("10.1.1.1"), Destination = IPAddress.Parse("10.2.2.2") });
        var (packet, frame) = Built.Decode(builder, LinkType.Raw);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        var layer = Built.Layer(packet, LayerKind.Tcp);
        Assert.Equal(ChecksumStatus.Good, layer.Checksum);
        var tcp = HeaderViews.Tcp(frame.AsSpan(layer.Offset));
        Assert.Equal(Spec.Flags, tcp.Flags);
        Assert.Equal(40, tcp.HeaderLength);
        Assert.Equal(0x05060708u, tcp.AcknowledgmentNumber);
        var reader = new TcpOptionReader(frame.AsSpan(layer.Offset + 20, 20));
        var kinds = new List<TcpOptionKind>();
        while (reader.TryNext(out var option))
            kinds.Add(option.Kind);
        Assert.Equal([TcpOptionKind.MaximumSegmentSize, TcpOptionKind.SackPermitted, TcpOptionKind.Timestamps, TcpOptionKind.NoOperation, TcpOptionKind.WindowScale], kinds);
        Assert.Equal("1460", Decode.Field(packet, frame, "tcp.options.mss_val"));
        Assert.Equal("7", Decode.Field(packet, frame, "tcp.options.wscale.shift"));
        Assert.Equal("1", Decode.Field(packet, frame, "tcp.options.timestamp.tsval"));
        Assert.Equal("3", Decode.Field(packet, frame, "tcp.len"));
        Assert.Equal("1:tcp.hdr_len 1:tcp.checksum", string.Join(' ', builder.Filled.Where(f => f.Layer == 1).Select(f => $"{f.Layer}:{f.Name}")));
    }

    [Fact]
    public void PinnedWrongChecksumIsKeptAndFlaggedBad()
    {
        var builder = new PacketBuilder().SetPayload([]).Prepend(Spec with { Checksum = 0x0bad }).Prepend(new Ipv4Spec());
        var (packet, frame) = Built.Decode(builder, LinkType.Raw);
        var layer = Built.Layer(packet, LayerKind.Tcp);
        Assert.Equal(0x0bad, HeaderViews.Tcp(frame.AsSpan(layer.Offset)).Checksum);
        Assert.Equal(ChecksumStatus.Bad, layer.Checksum);
    }

    [Fact]
    public void PinnedDataOffsetBelowFiveIsKeptAndMalformed()
    {
        var builder = new PacketBuilder().SetPayload([]).Prepend(new TcpSpec { DataOffsetWords = 3 }).Prepend(new Ipv4Spec());
        var (packet, frame) = Built.Decode(builder, LinkType.Raw);
        Assert.Equal(3, frame[20 + TcpHeader.Field.DataOffsetAndFlags] >> 4);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerKind.Tcp, packet.StoppedAt);
        Assert.DoesNotContain("tcp.hdr_len", Built.Filled(builder));
    }

    [Fact]
    public void WithoutAnIpHeaderTheChecksumIsLeftZeroAndNotReported()
    {
        var builder = new PacketBuilder().SetPayload([]).Prepend(new TcpSpec());
        Assert.Equal(0, HeaderViews.Tcp(builder.Bytes).Checksum);
        Assert.Equal("0:tcp.hdr_len", Built.Filled(builder));
    }

    [Fact]
    public void OptionsOver40BytesAreMisuse() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TcpSpec { Options = [.. Enumerable.Repeat(TcpOptionSpec.Timestamps(1, 2), 5)] }.Emit(new byte[80]));
}
