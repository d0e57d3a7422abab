using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using RawNet.Output;
using RawNet.Output.Columns;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;

namespace RawNet.Benchmarks.Output;

/// <summary>
/// The packet-list columns on the first <see cref="Packets"/> packets of the benchmark capture (make-bench-pcap.py),
/// each decoded and analysed once beforehand into its own <see cref="DecodedPacket"/>: the cost of the formatting alone,
/// as the UI pays it for a row. Every figure is per packet: read "Op/s" as packets per second and "Allocated" as bytes
/// per packet.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 8)]
public class ColumnBenchmarks
{
    /// <summary>Packets formatted by each invocation.</summary>
    public const int Packets = 20_000;

    private readonly DecodedPacket[] _packets = new DecodedPacket[Packets];
    private readonly byte[][] _frames = new byte[Packets][];
    private readonly TextLine _line = new();

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(StatisticColumn.OperationsPerSecond, StatisticColumn.Min);
    }

    [GlobalSetup]
    public void Setup()
    {
        var decoder = new PacketDecoder();
        var tracker = new ConversationTracker();
        var capture = CaptureInMemory.Load(Packets);
        for (int i = 0; i < Packets; i++)
        {
            _frames[i] = capture.Frame(i).ToArray();
            _packets[i] = new DecodedPacket();
            decoder.Decode(_frames[i], capture.Metadata[i], i + 1, _packets[i]);
            tracker.Analyze(_packets[i], _frames[i]);
        }
    }

    /// <summary>tshark's Info text, written into one reused line.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Packets)]
    public int Info()
    {
        int characters = 0;
        for (int i = 0; i < Packets; i++)
        {
            _line.Clear();
            InfoColumn.Append(_line, _packets[i], _frames[i]);
            characters += _line.Length;
        }
        return characters;
    }

    /// <summary>The Protocol column (a constant or cached string).</summary>
    [Benchmark(OperationsPerInvoke = Packets)]
    public int Protocol()
    {
        int characters = 0;
        for (int i = 0; i < Packets; i++)
            characters += ProtocolColumn.Of(_packets[i], _frames[i]).Length;
        return characters;
    }

    /// <summary>The first default colouring rule that matches (display filters evaluated in Wireshark's order).</summary>
    [Benchmark(OperationsPerInvoke = Packets)]
    public int ColoringRule()
    {
        int matched = 0;
        for (int i = 0; i < Packets; i++)
            matched += ColoringRules.Match(_packets[i], _frames[i]) is null ? 0 : 1;
        return matched;
    }
}
