using RawNet.Testing;

namespace RawNet.Cli.Tests;

/// <summary>Runs the real rawnet program (the rawnet.dll built beside the tests) as a separate process.</summary>
public static class RawNetProcess
{
    /// <summary>Path of the built program.</summary>
    public static string AssemblyPath { get; } = Path.Combine(AppContext.BaseDirectory, "rawnet.dll");

    /// <summary>Runs <c>rawnet ARGS</c> and returns its exit code and output.</summary>
    public static (int ExitCode, string StdOut, string StdErr) Run(IEnumerable<string> arguments, TimeSpan? timeout = null) =>
        ExternalTool.Run("dotnet", new[] { AssemblyPath }.Concat(arguments), timeout);
}
