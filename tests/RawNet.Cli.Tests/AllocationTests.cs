using RawNet.Files;
using RawNet.Output;
using RawNet.Output.Fields;
using RawNet.Output.Json;
using RawNet.Output.Statistics;
using RawNet.Output.Summary;
using RawNet.Output.Tree;
using RawNet.Protocols.Decoding;
using RawNet.Testing;

namespace RawNet.Cli.Tests;

/// <summary>Printing and counting a packet allocates nothing once warm: the per-packet path formats into reused buffers.</summary>
public sealed class AllocationTests
{
    private static List<(byte[] Data, RawNet.Protocols.FrameMetadata Metadata)> Frames(bool expert = false, bool summary = false)
    {
        var frames = new List<(byte[], RawNet.Protocols.FrameMetadata)>();
        // The bundled captures, and the 802.11 ones (every capture header, management and control frames, cuts).
        var files = Directory.GetFiles(TestPaths.Captures, "*.pcap").Order(StringComparer.Ordinal)
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.Captures, "wifi"), "*.pcap").Order(StringComparer.Ordinal))
            // the expert items read under their own names: bogus versions, IP options, Ethernet lengths and sources
            .Concat(expert ? ExpertCaptures.Select(f => Path.Combine(TestPaths.Captures, f)) : [])
            // tcpdump's printers that read BER and its marks: SNMP's cases, damaged and cut
            .Concat(summary ? SummaryCaptures.Select(f => Path.Combine(TestPaths.Captures, f)) : []);
        foreach (var file in files)
        {
            using var reader = CaptureFileReader.Open(file);
            while (reader.TryReadNext(out var frame))
                frames.Add((frame.Data.ToArray(), frame.Metadata));
        }
        return frames;
    }

    private static readonly string[] ExpertCaptures =
        ["ip-options/ipv4-options.pcap", "ip-options/ipv6-options.pcap", "link/amt.pcap", "link/llc.pcap", "link/geneve.pcap", "pseudo-link/fpp.pcap", "pseudo-link/pflog.pcap",
            // items that quote the packet: HTTP's start lines (hostile ones too), SIP's unrecognised header names
            "http/http-cases.pcap", "sip/sip-cases.pcap"];

    private static readonly string[] SummaryCaptures = ["snmp/snmp-cases.pcap"];

    public static TheoryData<string> Printers() => ["summary", "summary -v -S", "tree", "fields", "columns", "expert", "json", "stats"];

    [Theory]
    [MemberData(nameof(Printers))]
    public void Steady_state_allocates_nothing_per_packet(string kind)
    {
        FieldSelection.TryCreate(["frame.number", "ip.src", "ipv6.dst", "tcp.srcport", "tcp.flags", "udp.length", "ip.addr", "tcp.options.mss_val"], out var selection, out _);
        FieldSelection.TryCreate(["_ws.col.Protocol", "_ws.col.Info", "frame.coloring_rule.name"], out var columns, out _);
        FieldSelection.TryCreate(["_ws.malformed", "_ws.malformed.expert", "_ws.expert", "_ws.expert.message", "_ws.expert.severity", "_ws.expert.group", "_ws.short",
            .. RawNet.Protocols.Expert.ExpertFields.Named.Select(f => f.Name)], out var expert, out _);
        IPacketPrinter? printer = kind switch
        {
            "summary" => new SummaryPrinter(),
            "summary -v -S" => new SummaryPrinter(new SummaryOptions(Verbose: true, AbsoluteSequenceNumbers: true)),
            "tree" => new TreePrinter(),
            "fields" => new FieldsPrinter(selection),
            "columns" => new FieldsPrinter(columns),
            "expert" => new FieldsPrinter(expert),
            "json" => new JsonPrinter(),
            _ => null,
        };
        var statistics = new CaptureStatistics();
        var frames = Frames(expert: kind is "expert" or "tree" or "json", summary: kind.StartsWith("summary", StringComparison.Ordinal));
        // No reassembly here: the reassembler legitimately allocates a datagram buffer per fragmented datagram.
        var decoder = new PacketDecoder(new DecoderOptions(Defragment: false));
        var packet = new DecodedPacket();
        var output = TextWriter.Null;
        // The columns read the analysis (TCP tags, echo pairs): the tracker runs too, its state settled after the warm-up.
        // The expert items' fields read the items the tracker's finder keeps (and judge malformed packets by the Info column).
        // The tree and JSON show the expert items where tshark does, as read does with a finder behind its tracker.
        var tracker = kind is "columns" or "expert" or "tree" or "json" ? new RawNet.Protocols.Conversations.ConversationTracker() : null;
        ExpertAnalysis.AttachIf(printer?.ShowsExpert == true, tracker);

        void Pass()
        {
            for (int i = 0; i < frames.Count; i++)
            {
                decoder.Decode(frames[i].Data, frames[i].Metadata, i + 1, packet);
                tracker?.Analyze(packet, frames[i].Data);
                if (printer is null)
                    statistics.Add(packet, frames[i].Data);
                else
                    printer.Print(packet, frames[i].Data, output);
            }
        }

        Assert.Equal(0, SteadyStateAllocation(Pass, 20));
    }

    /// <summary>
    /// The fewest bytes <paramref name="pass"/> allocated in a window of <paramref name="passes"/> passes, after two passes
    /// of warm-up. Up to five windows: a per-packet allocation shows in every window, while the runtime's own one-off work
    /// on this thread (tiered compilation moving a method to optimized code mid-run, under CI load) lands in one window at most.
    /// </summary>
    internal static long SteadyStateAllocation(Action pass, int passes)
    {
        pass();
        pass();
        long allocated = long.MaxValue;
        for (int window = 0; window < 5 && allocated != 0; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < passes; i++)
                pass();
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return allocated;
    }
}
