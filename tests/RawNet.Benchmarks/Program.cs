using BenchmarkDotNet.Running;
using RawNet.Benchmarks.Ring;

// Runs the in-process benchmarks: `dotnet run -c Release --project tests/RawNet.Benchmarks -- --filter '*'`;
// `-- --interleaved [ROUNDS]` runs the ring rows round-robin in one process instead (see RingInterleavedRun).
if (args.Length > 0 && args[0] == "--interleaved")
{
    RingInterleavedRun.Run(args.Length > 1 && int.TryParse(args[1], out int rounds) && rounds > 0 ? rounds : 15);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
