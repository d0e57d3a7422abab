using System.Runtime.CompilerServices;

namespace RawNet.Testing;

/// <summary>
/// The processes tests start (rawnet itself, directly, under setpriv or inside tmux) inherit the test host's environment:
/// they run without tiered PGO's instrumented tier, as the test hosts do (Directory.Build.targets). Most run for a
/// second or a few, where that tier's extra JIT work is most of their CPU time; what they print does not change.
/// </summary>
internal static class ChildProcessRuntime
{
    // CA2255 warns libraries off module initializers; this library exists to be loaded into test hosts, which is the point.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void WithoutTieredPgo()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_TieredPGO") is null)
            Environment.SetEnvironmentVariable("DOTNET_TieredPGO", "0");
    }
}
