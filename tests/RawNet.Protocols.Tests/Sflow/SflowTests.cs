using RawNet.Protocols.Decoding;
using RawNet.Protocols.Sflow;
using RawNet.Protocols.Tunnels;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Sflow;

public class SflowTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 9, [0x68, 0x69]));
    private static readonly byte[] Sampled = EthernetFrame(EtherType.Ipv4, Udp4); // 44 bytes

    /// <summary>An Ethernet frame with IPv4 and UDP to port 6343 around <paramref name="datagram"/>.</summary>
    private static byte[] Frame(byte[] datagram, ushort destination = TunnelPorts.Sflow) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, destination, datagram)));

    /// <summary>A v5 datagram with an IPv4 agent around <paramref name="samples"/> (their count unless told).</summary>
    private static byte[] Datagram(byte[][] samples, uint? count = null) =>
        Concat(Hex("00000005 00000001 c6120701 00000003 0000004d 0001e240"), U32(count ?? (uint)samples.Length), Concat(samples));

    private static byte[] Sample(uint format, byte[] body, uint? length = null) => Concat(U32(format), U32(length ?? (uint)body.Length), body);

    /// <summary>A flow sample (format 1) of raw packet headers (format 1, Ethernet) of <paramref name="packets"/>.</summary>
    private static byte[] FlowSample(params byte[][] packets)
    {
        var records = packets.Select(p => Sample(1, Concat(U32(1), U32((uint)p.Length + 4), U32(4), U32((uint)p.Length), p, new byte[(4 - p.Length % 4) % 4]))).ToArray();
        return Sample(1, Concat(Hex("00000009 00000005 000003e8 00001388 00000000 00000005 00000007"), U32((uint)records.Length), Concat(records)));
    }

    [Fact]
    public void Deconstruct()
    {
        var datagram = Datagram([FlowSample(Sampled)]);
        Assert.True(SflowDatagram.TryReadStart(datagram, out uint version, out uint type));
        Assert.Equal((5u, 1u), (version, type));
        Assert.Equal(28, SflowDatagram.HeaderLength(version, type));
        Assert.Equal(24, SflowDatagram.HeaderLength(4, 1));
        Assert.Equal(40, SflowDatagram.HeaderLength(5, 2));
        Assert.False(SflowDatagram.TryReadStart(Hex("00000003 00000001"), out _, out _));
        Assert.False(SflowDatagram.TryReadStart(Hex("00000005 00000007"), out _, out _));
        Assert.False(SflowDatagram.TryReadStart(Hex("00000005 000000"), out _, out _));
        var walker = new SflowWalker(datagram);
        Assert.True(walker.MoveNext(out var sample));
        Assert.Equal((SflowItemKind.Sample, 28, 1u, 0u), (sample.Kind, sample.Offset, sample.Format, sample.Enterprise));
        Assert.True(walker.MoveNext(out var record));
        Assert.Equal((SflowItemKind.FlowRecord, 68, 76, 44, true), (record.Kind, record.Offset, record.HeaderAt, record.HeaderLength, record.HeaderCaptured));
        Assert.False(walker.MoveNext(out _));
        Assert.Equal(-1, walker.FailedAt);
    }

    [Fact]
    public void ParsesTheDatagramAndDecodesItsSampledHeadersQuoted()
    {
        var frame = Frame(Datagram([FlowSample(Sampled, Sampled), Sample(2, Concat(Hex("0000000b 00000005 00000001"), Sample(2, new byte[52])))]));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Sflow,
            LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload],
            Decode.Kinds(packet));
        Assert.All(packet.Layers[5..].ToArray(), layer => Assert.True(layer.Quoted));
        Assert.True(SflowDatagram.IsSampled(packet, 5));
        Assert.False(SflowDatagram.IsSampled(packet, 4));
        Assert.Equal(28, packet[4].HeaderLength);
        Assert.Equal("5", Decode.Field(packet, frame, "sflow_245.version"));
        Assert.Equal("198.18.7.1", Decode.Field(packet, frame, "sflow_245.agent"));
        Assert.Null(Decode.Field(packet, frame, "sflow_245.agent.v6"));
        Assert.Equal("3", Decode.Field(packet, frame, "sflow_245.sub_agent_id"));
        Assert.Equal("2", Decode.Field(packet, frame, "sflow_245.numsamples"));
        Assert.Equal("1,2", Decode.Field(packet, frame, "sflow_245.sampletype"));
        Assert.Equal("0,0,0,0,0", Decode.Field(packet, frame, "sflow.enterprise"));
        Assert.Equal("1,1", Decode.Field(packet, frame, "sflow_245.flow_record_format"));
        Assert.Equal("2", Decode.Field(packet, frame, "sflow_245.counters_record_format"));
        Assert.Equal("60,60,52", Decode.Field(packet, frame, "sflow_5.flow_data_length"));
        Assert.Equal("48,48", Decode.Field(packet, frame, "sflow_245.header.frame_length"));
        Assert.Equal("44,44", Decode.Field(packet, frame, "sflow_245.header.sampled_header_length"));
        Assert.Equal("0x00000007", Decode.Field(packet, frame, "sflow.flow_sample.output_interface"));
        Assert.Equal("5", Decode.Field(packet, frame, "sflow.counters_sample.source_id_index"));
        Assert.Equal("0x0800,0x0800,0x0800", Decode.Field(packet, frame, "eth.type"));
    }

    [Fact]
    public void TheTreeGoesSampleBySampleAndRecordByRecord()
    {
        var frame = Frame(Datagram([FlowSample(Sampled), Sample(2, Concat(Hex("0000000b 00000005 00000001"), Sample(2, new byte[52])))]));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.True(RawNet.Protocols.Fields.OrderedItems.TryStart(packet, 4, frame, out var items));
        var seen = new List<(string, int)>();
        while (items.MoveNext())
            seen.Add((items.Field.Name, items.Depth));
        Assert.Equal(("sflow_245.version", 0), seen[0]);
        Assert.Equal(("sflow_245.numsamples", 0), seen[6]);
        Assert.Equal(("sflow.enterprise", 1), seen[7]);
        int record = seen.IndexOf(("sflow_245.flow_record_format", 2));
        Assert.Equal(("sflow.enterprise", 2), seen[record - 1]);
        Assert.Equal(("sflow_245.header", 2), seen[seen.IndexOf(("sflow.counters_sample.sequence_number", 1)) - 4]);
        Assert.Equal(("sflow_5.flow_data_length", 2), seen[^1]);
    }

    [Fact]
    public void NotSflowUnlessTheVersionAndAddressTypeAreTsharks()
    {
        foreach (var start in new[] { "00000003 00000001", "00000005 00000007" })
        {
            var frame = Frame(Concat(Hex(start), new byte[40]));
            Assert.Equal(LayerKind.Payload, Decode.Kinds(Decode.Frame(frame, LinkType.Ethernet))[^1]);
        }
        // Fewer than 8 bytes of a known version: an sFlow layer that fails before its columns.
        var cut = Decode.Frame(Frame(Hex("00000005 0000")), LinkType.Ethernet);
        Assert.Equal(LayerKind.Sflow, Decode.Kinds(cut)[^1]);
        Assert.Equal(DecodeOutcome.Malformed, cut.Outcome);
    }

    [Fact]
    public void AbsurdCountsAndLengthsEndTheWalkWithAMarkNotAHang()
    {
        // 2^32 - 1 samples of which one is there; a sample and a header whose lengths run past the datagram.
        Span<char> text = stackalloc char[4096];
        foreach (var datagram in new[] { Datagram([FlowSample(Sampled)], uint.MaxValue), Datagram([Sample(1, FlowSample(Sampled)[8..], 4000)]),
            Datagram([Sample(1, Concat(Hex("00000009 00000005 000003e8 00001388 00000000 00000005 00000007 00000001"),
                Sample(1, Concat(U32(1), U32(48), U32(4), U32(4000), Sampled))))]) })
        {
            var frame = Frame(datagram);
            var packet = Decode.Frame(frame, LinkType.Ethernet);
            Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
            Assert.Equal(LayerKind.Sflow, packet.StoppedAt);
            Assert.Equal(LayerStatus.Malformed, packet[4].Status);
            Assert.True(Decode.AllFields(packet, frame, text) > 0);
        }
    }

    [Fact]
    public void ManySamplesNeverFillThePacket()
    {
        var samples = Enumerable.Repeat(FlowSample(Sampled, Sampled, Sampled), 100).ToArray();
        var frame = Frame(Datagram(samples));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.True(packet.LayerCount <= DecodedPacket.MaxLayers - PacketDecoder.SflowLayersPerSampledHeader + 4);
        // Each followed header is Ethernet, IPv4, UDP and data; the sFlow fields still show every one.
        Assert.Equal(6, packet.Layers.ToArray().Count(l => l.Kind == LayerKind.Ethernet && l.Quoted));
        Assert.Equal(300, Decode.Field(packet, frame, "sflow_245.header_protocol")!.Split(',').Length);
    }

    [Fact]
    public void ASampledFrameLengthShorterThanItsHeaderIsTheReportedLength()
    {
        var frame = Frame(Datagram([Sample(1, Concat(Hex("00000009 00000005 000003e8 00001388 00000000 00000005 00000007 00000001"),
            Sample(1, Concat(U32(1), U32(20), U32(4), U32(44), Sampled))))]));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(20, packet[5].Extent);
    }

    [Fact]
    public void TruncatedAtEveryLengthNeverThrows()
    {
        var frame = Frame(Datagram([FlowSample(Sampled), Sample(2, Concat(Hex("0000000b 00000005 00000001"), Sample(1, new byte[88])))]));
        Span<char> text = stackalloc char[4096];
        for (int length = 0; length <= frame.Length; length++)
        {
            var cut = frame[..length];
            var packet = Decode.Frame(cut, LinkType.Ethernet, frame.Length);
            Decode.AllFields(packet, cut, text);
            if (length > 42 + 28 && length < frame.Length)
                Assert.Equal(LayerStatus.Truncated, packet[4].Status);
        }
    }
}
