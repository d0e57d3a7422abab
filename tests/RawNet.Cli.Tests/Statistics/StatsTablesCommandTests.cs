using RawNet.Testing;

namespace RawNet.Cli.Tests.Statistics;

/// <summary>rawnet stats's table options on the command line: what a bad argument says, and the tables' order.</summary>
public sealed class StatsTablesCommandTests
{
    private static string Capture => Path.Combine(TestPaths.Captures, "tcp-handshake-ipv4.pcap");

    [Theory]
    [InlineData("--conv", "sctp", "unknown type \"sctp\"")]
    [InlineData("--endpoints", "tcp,tcp.port ==", "--endpoints tcp,tcp.port ==")]
    [InlineData("--io", "0.0000001", "at least 0.000001 seconds")]
    [InlineData("--io", "fast", "is not an interval in seconds")]
    public void A_bad_argument_is_one_line_and_exit_code_2(string option, string argument, string said)
    {
        var result = RawNetProcess.Run(["stats", Capture, option, argument]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StdOut);
        Assert.Contains(said, result.StdErr);
        Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Tables_print_last_asked_first_as_tshark_does()
    {
        var result = RawNetProcess.Run(["stats", Capture, "--conv", "tcp", "--endpoints", "ip"]);
        Assert.Equal(0, result.ExitCode);
        int endpoints = result.StdOut.IndexOf("IPv4 Endpoints", StringComparison.Ordinal);
        int conversations = result.StdOut.IndexOf("TCP Conversations", StringComparison.Ordinal);
        Assert.True(endpoints >= 0 && conversations > endpoints, result.StdOut);
    }

    [Fact]
    public void An_interval_too_short_for_the_capture_is_refused_not_printed()
    {
        // Two frames 100 s apart in 1 µs intervals would be 100,000,000 rows (tshark prints them all).
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-io-span-{Environment.ProcessId}.pcap");
        try
        {
            var file = new List<byte>();
            file.AddRange([0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 1, 0, 0, 0]);
            foreach (uint seconds in new uint[] { 1_700_000_000, 1_700_000_100 })
            {
                file.AddRange(BitConverter.GetBytes(seconds));
                file.AddRange(BitConverter.GetBytes(0u));
                file.AddRange(BitConverter.GetBytes(60u));
                file.AddRange(BitConverter.GetBytes(60u));
                file.AddRange(new byte[60]);
            }
            File.WriteAllBytes(path, file.ToArray());
            var result = RawNetProcess.Run(["stats", path, "--io", "0.000001"]);
            Assert.Equal(2, result.ExitCode);
            Assert.Equal("", result.StdOut);
            Assert.Contains("choose a longer interval", result.StdErr);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
