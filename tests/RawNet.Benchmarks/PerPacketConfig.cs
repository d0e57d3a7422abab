using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace RawNet.Benchmarks;

/// <summary>The per-packet benchmarks' extra columns: operations per second (there, packets per second) and the fastest iteration.</summary>
internal sealed class PerPacketConfig : ManualConfig
{
    public PerPacketConfig() => AddColumn(StatisticColumn.OperationsPerSecond, StatisticColumn.Min);
}
