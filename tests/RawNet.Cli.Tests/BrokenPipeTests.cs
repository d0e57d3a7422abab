using RawNet.Testing;

namespace RawNet.Cli.Tests;

/// <summary>The real program in a pipeline whose reader leaves early (<c>| head</c>) stops quietly.</summary>
public sealed class BrokenPipeTests
{
    [Fact]
    public void Reading_into_head_stops_quietly()
    {
        string python = ExternalTool.Require("python3", "python3");
        string bash = ExternalTool.Require("bash", "bash");
        if (!File.Exists(TestPaths.BenchPcapTool))
            Assert.Skip($"{TestPaths.BenchPcapTool} is not here");
        var dir = Directory.CreateTempSubdirectory("rawnet-pipe-").FullName;
        try
        {
            string pcap = Path.Combine(dir, "many.pcap");
            Assert.Equal(0, ExternalTool.Run(python, [TestPaths.BenchPcapTool, pcap, "20000"]).ExitCode);
            string rawnet = Path.Combine(AppContext.BaseDirectory, "rawnet.dll");
            var (code, stdout, stderr) = ExternalTool.Run(bash, ["-c", $"dotnet '{rawnet}' read '{pcap}' | head -n 2; echo \"status ${{PIPESTATUS[0]}}\""]);
            Assert.Equal(0, code);
            Assert.Equal("", stderr);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, lines.Length);
            Assert.Equal("status 0", lines[2]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Following_into_head_stops_quietly()
    {
        string python = ExternalTool.Require("python3", "python3");
        string bash = ExternalTool.Require("bash", "bash");
        var dir = Directory.CreateTempSubdirectory("rawnet-pipe-").FullName;
        try
        {
            string pcap = Path.Combine(dir, "stream.pcap");
            var made = ExternalTool.Run(python, [Path.Combine(TestPaths.RepoRoot, "tests", "bench", "make-follow-capture.py"), pcap, "20000000"]);
            Assert.True(made.ExitCode == 0, made.StdErr);
            string rawnet = Path.Combine(AppContext.BaseDirectory, "rawnet.dll");
            var (code, stdout, stderr) = ExternalTool.Run(bash, ["-c", $"dotnet '{rawnet}' follow '{pcap}' tcp 0 --format hex | head -n 8; echo \"status ${{PIPESTATUS[0]}}\""]);
            Assert.Equal(0, code);
            Assert.Equal("", stderr);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(8, lines.Length);
            Assert.Equal("status 0", lines[7]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
