using BenchmarkDotNet.Running;

// Runs the in-process benchmarks: `dotnet run -c Release --project tests/RawNet.Benchmarks -- --filter '*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
