using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tests.Decoding;
using RawNet.Testing;

namespace RawNet.Protocols.Tests.Conversations;

/// <summary>
/// The conversation tracker allocates nothing for a packet of a conversation it knows (STYLE.md rule 4): its tables and
/// pools grow while conversations and unacknowledged segments are new, then stay.
/// </summary>
public sealed class TrackerAllocationTests
{
    [Fact]
    public void PacketsOfKnownConversationsAllocateNothing()
    {
        // The mixed benchmark capture (thousands of TCP and UDP conversations, SYNs, options, tunnels) and the TCP analysis
        // captures (handshakes, data, SACK, retransmissions, dup ACKs, zero windows, port reuse).
        var frames = Samples.BenchCapture(20000);
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Captures, "tcp-analysis"), "*.pcap").Order(StringComparer.Ordinal))
            frames.AddRange(Samples.Read(file));
        // UDP keyed by Frame Relay circuits (DLCIs), plain, bridged and inside L2TPv3.
        foreach (var file in new[] { "frelay.pcap", "frelay-bridged.pcap", "l2tpv3-sessions.pcap" })
            frames.AddRange(Samples.Read(Path.Combine(TestPaths.Captures, "link", file)));
        var decoder = new PacketDecoder();
        var packets = new DecodedPacket();
        // A bound on unacknowledged segments that the warm-up passes reach: segments never acknowledged (a SYN scan's
        // probes) would otherwise keep the pool growing, pass after pass, towards its default bound.
        var tracker = new ConversationTracker(new ConversationLimits(MaxUnackedSegments: 16_384));

        long Pass()
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < frames.Count; i++)
            {
                decoder.Decode(frames[i].Data, frames[i].Metadata, i + 1, packets);
                tracker.Analyze(packets, frames[i].Data);
            }
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // The first pass meets every conversation; the next ones see each again (a SYN on a known conversation restarts
        // it or rewinds its flow, which reuses the entry) while the segment pool fills to its bound.
        long first = Pass();
        Pass();
        Pass();
        Assert.True(first > 0, "the first pass built the tables");
        Assert.True(tracker.TcpStreams > 1000, $"only {tracker.TcpStreams} TCP streams");
        // As in the printers' test: the fewest bytes of up to five passes must be zero, so a one-off allocation by the
        // runtime under load does not fail it while an allocation per packet shows in every pass.
        long allocated = long.MaxValue;
        for (int window = 0; window < 5 && allocated != 0; window++)
            allocated = Math.Min(allocated, Pass());
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ReassemblyAndItsFieldsAllocateNothingOnceWarm()
    {
        // Held HTTP and DNS messages and TLS records (segment lists grow from a pool and return to it), and every reassembly field read.
        var frames = new List<Samples.Frame>();
        foreach (var file in new[] { "http/http-cases.pcap", "dns/dns-over-tcp.pcap", "tcp-reassembly/tcp-reassembly-cases.pcap", "tls-sessions/tls12.pcap", "tls/tls-cases.pcap" })
            frames.AddRange(Samples.Read(Path.Combine(TestPaths.Captures, file)));
        var fields = RawNet.Protocols.Tcp.TcpFields.All.Where(f => f.Analysis is >= AnalysisValue.TcpSegmentData and <= AnalysisValue.TcpReassembledData).ToArray();
        Assert.Equal(6, fields.Length);
        var decoder = new PacketDecoder();
        var packets = new DecodedPacket();
        var tracker = new ConversationTracker();
        long read = 0;

        long Pass()
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < frames.Count; i++)
            {
                decoder.Decode(frames[i].Data, frames[i].Metadata, i + 1, packets);
                tracker.Analyze(packets, frames[i].Data);
                for (int layer = 0; layer < packets.LayerCount; layer++)
                {
                    if (packets[layer].Kind != LayerKind.Tcp)
                        continue;
                    foreach (var field in fields)
                    {
                        for (int occurrence = 0; RawNet.Protocols.Fields.FieldReader.TryRead(field, packets, layer, frames[i].Data, occurrence, out _); occurrence++)
                            read++;
                    }
                }
            }
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Pass();
        Pass();
        Assert.True(read > 100, $"only {read} values read");
        long allocated = long.MaxValue;
        for (int window = 0; window < 5 && allocated != 0; window++)
            allocated = Math.Min(allocated, Pass());
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void AMessageLongerThanTheBoundIsGivenUpWithoutItsSegmentsTree()
    {
        var frames = Samples.Read(Path.Combine(TestPaths.Captures, "tcp-reassembly", "tcp-reassembly-cases.pcap"));
        var decoder = new PacketDecoder();
        var packets = new DecodedPacket();
        var tracker = new ConversationTracker(httpLimits: new RawNet.Protocols.Http.HttpReassemblyLimits(MaxMessageBytes: 64));
        int completed = 0;
        for (int i = 0; i < frames.Count; i++)
        {
            decoder.Decode(frames[i].Data, frames[i].Metadata, i + 1, packets);
            tracker.Analyze(packets, frames[i].Data);
            var record = packets.Analysis.Reassembly;
            if (record.Completes)
            {
                completed++;
                Assert.InRange(record.ReassembledLength, 1, 64);
                Assert.Equal(record.SegmentCount, record.Segments.Length);
            }
        }
        // what fits the bound still completes (the DNS query, the short requests); nothing longer is put together
        Assert.True(completed > 0);
    }
}
