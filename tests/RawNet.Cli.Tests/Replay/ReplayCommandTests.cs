using RawNet.Cli.Tests.Capture;
using RawNet.Files;
using RawNet.Files.Pcap;
using RawNet.Protocols;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Replay;

/// <summary><c>rawnet replay</c>: its summary, refused frames, usage errors and the privilege message.</summary>
public sealed class ReplayCommandTests
{
    private static string WritePcap(IReadOnlyList<byte[]> frames, LinkType linkType = LinkType.Ethernet)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-replay-cli-{Guid.NewGuid():N}.pcap");
        using var writer = PcapWriter.Create(path, linkType, precision: TimestampPrecision.Nanoseconds);
        for (int i = 0; i < frames.Count; i++)
            writer.Write(new FrameMetadata(1_700_000_000_000_000_000 + i * 1_000_000L, frames[i].Length, frames[i].Length, linkType), frames[i]);
        return path;
    }

    [Theory]
    [InlineData("--speed", "2", "--pps", "10")]
    [InlineData("--pps", "10", "--topspeed")]
    [InlineData("--speed", "0")]
    [InlineData("--pps", "-5")]
    [InlineData("--loop", "0")]
    public void Conflicting_or_bad_pacing_is_a_usage_error(params string[] pacing)
    {
        var (code, stdout, stderr) = InProcessRawNet.Run(["replay", "x.pcap", "-i", "lo", .. pacing]);

        Assert.Equal(ExitCode.Usage, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("rawnet: ", stderr);
        Assert.Contains("rawnet replay --help", stderr);
    }

    [Theory]
    [InlineData("afpacket")]
    [InlineData("libpcap")]
    public void A_frame_over_the_MTU_is_listed_under_Failed_and_the_exit_code_is_1(string backend)
    {
        if (backend == "libpcap" && !RawNet.Capture.LibPcap.PcapLibrary.IsAvailable)
            Assert.Skip("libpcap is not available (apt-get install libpcap0.8)");
        using var lab = NetworkLab.Create(mtu: 9000);
        var path = WritePcap([lab.ExperimentalFrame(lab.A, "cli", 1), lab.ExperimentalFrame(lab.A, "cli", 2, 9100), lab.ExperimentalFrame(lab.A, "cli", 3)]);
        try
        {
            var (code, stdout, stderr) = NetworkLab.RunInNamespace(lab.A.Namespace,
                () => InProcessRawNet.Run("replay", path, "-i", lab.A.Interface, "--pps", "1000", "--backend", backend));

            Assert.True(code == ExitCode.BadInput, $"exit {code}: {stderr}");
            Assert.Equal("", stderr);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(4, lines.Length);
            Assert.StartsWith("Actual: 2 packets (200 bytes) sent in ", lines[0]);
            Assert.StartsWith("Rated: ", lines[1]);
            Assert.StartsWith("Timing error: mean ", lines[2]);
            Assert.Equal("Failed: 1 (frames 2)", lines[3]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_clean_replay_exits_0_with_Failed_0()
    {
        using var lab = NetworkLab.Create();
        var path = WritePcap([.. Enumerable.Range(0, 10).Select(i => lab.ExperimentalFrame(lab.A, "ok", i))]);
        try
        {
            var (code, stdout, stderr) = NetworkLab.RunInNamespace(lab.A.Namespace,
                () => InProcessRawNet.Run("replay", path, "-i", lab.A.Interface, "--topspeed", "--loop", "2"));

            Assert.True(code == ExitCode.Success, $"exit {code}: {stderr}");
            Assert.Contains("Actual: 20 packets (2000 bytes) sent in ", stdout);
            Assert.Contains("Timing error: none (top speed has no schedule)", stdout);
            Assert.Contains("Failed: 0\n", stdout);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_that_is_not_Ethernet_is_one_line_and_exit_1()
    {
        using var lab = NetworkLab.Create();
        var path = WritePcap([new byte[40]], LinkType.Raw);
        try
        {
            var (code, stdout, stderr) = NetworkLab.RunInNamespace(lab.A.Namespace,
                () => InProcessRawNet.Run("replay", path, "-i", lab.A.Interface));

            Assert.Equal(ExitCode.BadInput, code);
            Assert.Equal("", stdout);
            Assert.Equal($"rawnet: {path}: frame 1 has link type Raw; only Ethernet frames can be replayed\n", stderr.ReplaceLineEndings("\n"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void As_nobody_replay_exits_1_naming_CAP_NET_RAW_root_and_setcap()
    {
        ExternalTool.RequireRoot();
        var setpriv = ExternalTool.Find("setpriv");
        if (setpriv is null)
            Assert.Skip("setpriv is not installed (apt-get install util-linux)");
        var program = PermissionTests.ReadableProgram(setpriv);
        var path = WritePcap([new byte[60]]);
        ExternalTool.Run("chmod", ["a+r", path]);
        try
        {
            var (code, stdout, stderr) = ExternalTool.Run(setpriv,
                [$"--reuid=65534", $"--regid=65534", "--clear-groups", "--inh-caps=-all", "env", "HOME=/tmp", "DOTNET_CLI_TELEMETRY_OPTOUT=1",
                 "dotnet", program, "replay", path, "-i", "lo"],
                TimeSpan.FromSeconds(60));

            Assert.True(code == 1, $"exit {code}: {stderr}");
            Assert.Equal("", stdout);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("rawnet: cannot send on lo: ", line);
            Assert.Contains("CAP_NET_RAW", line);
            Assert.Contains("root", line);
            Assert.Contains("setcap cap_net_raw,cap_net_admin=eip", line);
        }
        finally
        {
            File.Delete(path);
            if (program != RawNetProcess.AssemblyPath)
                Directory.Delete(Path.GetDirectoryName(program)!, recursive: true);
        }
    }
}
