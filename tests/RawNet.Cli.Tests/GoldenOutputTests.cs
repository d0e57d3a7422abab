using RawNet.Testing;

namespace RawNet.Cli.Tests;

/// <summary>
/// The whole program's output for each capture in captures/ against the reviewed files in captures/expected/
/// (<c>NAME.txt</c>: <c>rawnet read</c>; <c>NAME.V.txt</c>: <c>rawnet read -V</c>; <c>NAME.stats.txt</c>: <c>rawnet stats</c>).
/// Set RAWNET_UPDATE_GOLDEN=1 to rewrite them, then review the diff by eye before committing.
/// </summary>
public sealed class GoldenOutputTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(TestPaths.Captures, "*.pcap").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!, "txt");
            data.Add(file!, "V.txt");
            data.Add(file!, "stats.txt");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_reviewed_golden_file(string capture, string kind)
    {
        string path = Path.Combine(TestPaths.Captures, capture);
        string[] args = kind switch
        {
            "V.txt" => ["read", "-V", path],
            "stats.txt" => ["stats", path],
            _ => ["read", path],
        };
        var (code, stdout, stderr) = InProcessRawNet.Run(args);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        // The stats report names the file as given; make it independent of where the repository is.
        stdout = stdout.Replace(path, "captures/" + capture, StringComparison.Ordinal);

        string golden = Path.Combine(TestPaths.Captures, "expected", Path.ChangeExtension(capture, null) + "." + kind);
        if (Environment.GetEnvironmentVariable("RAWNET_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, stdout);
            return;
        }
        Assert.True(File.Exists(golden), $"{golden} is missing; run with RAWNET_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(golden), stdout);
    }
}
