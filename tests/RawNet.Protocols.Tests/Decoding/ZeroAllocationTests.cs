using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Testing;

namespace RawNet.Protocols.Tests.Decoding;

/// <summary>Steady-state decoding, field reading and formatting allocate nothing (STYLE.md rule 4).</summary>
public class ZeroAllocationTests
{
    private static long DecodeAll(PacketDecoder decoder, DecodedPacket packet, List<Samples.Frame> frames)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < frames.Count; i++)
            decoder.Decode(frames[i].Data, frames[i].Metadata, i + 1, packet);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void AssertDecodingAllocatesNothing(List<Samples.Frame> frames)
    {
        Assert.NotEmpty(frames);
        var decoder = new PacketDecoder();
        var packet = new DecodedPacket();
        // Warm-up: JIT, and reassembly slots get their buffers on first use; a second pass reaches any slot left
        // in progress by the first.
        DecodeAll(decoder, packet, frames);
        DecodeAll(decoder, packet, frames);
        Assert.Equal(0, DecodeAll(decoder, packet, frames));
    }

    [Fact]
    public void DecodingThePeerCorpusAllocatesNothing()
    {
        var frames = Samples.PeerCorpus();
        if (frames.Count == 0)
            Assert.Skip($"the peer corpus is not at {TestPaths.PeerCorpus}");
        AssertDecodingAllocatesNothing(frames.Concat(Samples.Built()).ToList());
    }

    [Fact]
    public void DecodingTheMixedBenchmarkCaptureAllocatesNothing()
    {
        var frames = Samples.BenchCapture(20000);
        Assert.Equal(20000, frames.Count);
        AssertDecodingAllocatesNothing(frames);
    }

    [Fact]
    public void LearningL2tpv3SessionsAllocatesNothing()
    {
        // Set-ups fill the decoder's session table and data messages look it up: neither may allocate once warm.
        AssertDecodingAllocatesNothing(Samples.Read(Path.Combine(TestPaths.Captures, "link", "l2tpv3-sessions.pcap")));
    }

    [Fact]
    public void DecodingOspfCasesAllocatesNothing() =>
        AssertDecodingAllocatesNothing(Samples.Read(Path.Combine(TestPaths.Captures, "ospf", "ospf-cases.pcap")));

    [Fact]
    public void DecodingIgmpCasesAllocatesNothing() =>
        AssertDecodingAllocatesNothing(Samples.Read(Path.Combine(TestPaths.Captures, "igmp", "igmp-cases.pcap")));

    [Fact]
    public void FollowingQuicConnectionsAllocatesNothing() =>
        AssertDecodingAllocatesNothing(new[] { "quic/quic-handshake.pcap", "quic/quic-cases.pcap", "quic/quic-crypto.pcap" }
            .SelectMany(name => Samples.Read(Path.Combine(TestPaths.Captures, name))).ToList());

    [Fact]
    public void DecodingTlsRecordsAllocatesNothing() =>
        AssertDecodingAllocatesNothing(new[] { "tls-sessions/tls12.pcap", "tls-sessions/tls13.pcap", "tls/tls-cases.pcap", "ospf/ospf-cases.pcap" }
            .SelectMany(name => Samples.Read(Path.Combine(TestPaths.Captures, name))).ToList());

    [Fact]
    public void ReassemblingSixLowpanAllocatesNothing()
    {
        // Fragments fill the 6LoWPAN reassembler's slots and complete datagrams: neither may allocate once warm.
        AssertDecodingAllocatesNothing(Samples.Read(Path.Combine(TestPaths.Captures, "pseudo-link", "wpan-frag.pcap")));
    }

    [Fact]
    public void ReassemblingIpFragmentsAndReadingTheirFieldsAllocatesNothing()
    {
        // Fragments in and out of order, overlapping, repeated, past the end and cut; then every field, the datagrams' bytes as hex too.
        var frames = new[] { "ip-fragments.pcap", "nested-fragments.pcap", "ip-fragment-cases.pcap" }
            .SelectMany(name => Samples.Read(Path.Combine(TestPaths.Captures, name))).ToList();
        AssertDecodingAllocatesNothing(frames);
        var decoder = new PacketDecoder();
        var packet = new DecodedPacket();
        var text = new char[RawNet.Protocols.Reassembly.IpReassemblyFields.MaxFormattedLength];
        long formatted = 0, allocated = 0;
        for (int pass = 0; pass < 3; pass++)
        {
            formatted = allocated = 0;
            for (int i = 0; i < frames.Count; i++)
            {
                decoder.Decode(frames[i].Data, frames[i].Metadata, i + 1, packet);
                long before = GC.GetAllocatedBytesForCurrentThread();
                formatted += Decode.AllFields(packet, frames[i].Data, text);
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }
        Assert.True(formatted > 0);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ReadingAndFormattingFieldsAllocatesNothing()
    {
        // the pcapng and ERF captures carry interfaces, sections and epb_flags (the frame fields from the file)
        var fromFile = new[] { "pcapng/frame-options.pcapng", "pcapng/p2p-direction.pcapng", "pseudo-link/erf.pcap", "igmp/igmp-cases.pcap", "tls-sessions/tls13.pcap", "tls/tls-cases.pcap", "quic/quic-handshake.pcap", "quic/quic-crypto.pcap" }.SelectMany(f => Samples.Read(Path.Combine(TestPaths.Captures, f)));
        var frames = Samples.PeerCorpus().Concat(Samples.Built()).Concat(fromFile).ToList();
        var decoder = new PacketDecoder();
        var packet = new DecodedPacket();
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        long formatted = 0, allocated = 0;
        string? first = null;
        // Two warm-up passes (as for decoding), then the measured one; the first frame that allocates is named.
        for (int pass = 0; pass < 3; pass++)
        {
            formatted = 0;
            allocated = 0;
            first = null;
            for (int i = 0; i < frames.Count; i++)
            {
                decoder.Decode(frames[i].Data, frames[i].Metadata, i + 1, packet);
                long before = GC.GetAllocatedBytesForCurrentThread();
                formatted += Decode.AllFields(packet, frames[i].Data, text);
                long delta = GC.GetAllocatedBytesForCurrentThread() - before;
                if (delta != 0 && first is null)
                    first = $"frame {i} ({frames[i].Metadata.LinkType}: {string.Join(' ', Decode.Kinds(packet))}) allocated {delta} bytes";
                allocated += delta;
            }
        }
        Assert.True(formatted > 1000, $"only {formatted} values formatted");
        Assert.True(allocated == 0, $"{allocated} bytes allocated; first: {first}");
    }
}
