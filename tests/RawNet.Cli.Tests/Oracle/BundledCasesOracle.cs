using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// The checks every protocol with a generator of its own shares (DTP, UDLD, VTP, EPON): the bundled capture
/// <c>captures/FOLDER/FOLDER-cases.pcap</c> equals tshark on <paramref name="fields"/> (one tshark run, shared) and
/// tcpdump with and without <c>-v</c>; the script writes it byte for byte; its frames damaged at random with
/// <paramref name="damagedSeed"/> equal both oracles but for <paramref name="allowedDamagedFrames"/> frames, a difference the
/// protocol's class documents. The protocol's class adds its display filters and what its capture must hold.
/// </summary>
public abstract class BundledCasesOracle(string folder, IReadOnlyList<string> fields, int damagedSeed, int allowedDamagedFrames = 0)
{
    private string Script => $"make-{folder}-cases.py";

    /// <summary>The capture the generator writes and the repository keeps.</summary>
    protected string Bundled => Path.Combine(TestPaths.Captures, folder, $"{folder}-cases.pcap");

    [Fact]
    public void BundledCasesEqualTshark() => TsharkComparison.AssertSameFields(Bundled, fields, 1);

    [Theory]
    [InlineData("")]
    [InlineData("-v")]
    public void BundledCasesSummariesEqualTcpdump(string mode) => TcpdumpComparison.AssertSummariesEqual(Bundled, mode);

    /// <summary>The fixed frames damaged at random (300 a seed).</summary>
    [Fact]
    public void RandomDamagesEqualTsharkAndTcpdump() =>
        TsharkComparison.WithRandomCapture(Script, damagedSeed, path =>
        {
            TsharkComparison.AssertSameFields(path, fields, 1, allowedFrames: allowedDamagedFrames);
            TcpdumpComparison.AssertSummariesEqual(path, "-v");
        });

    [Fact]
    public void BundledCasesAreWhatTheScriptWrites() => TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites(Script, folder);
}
