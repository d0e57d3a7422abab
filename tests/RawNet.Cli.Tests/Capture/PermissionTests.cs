using RawNet.Testing;

namespace RawNet.Cli.Tests.Capture;

/// <summary>Capturing without CAP_NET_RAW fails with one line that names both fixes.</summary>
public sealed class PermissionTests
{
    private const int Nobody = 65534;

    /// <summary>A copy of the built program that user nobody can read, or the build folder itself when it already can.</summary>
    internal static string ReadableProgram(string setpriv)
    {
        var probe = ExternalTool.Run(setpriv, [$"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "test", "-r", RawNetProcess.AssemblyPath]);
        if (probe.ExitCode == 0)
            return RawNetProcess.AssemblyPath;
        var copy = Path.Combine(Path.GetTempPath(), $"rawnet-nobody-{Guid.NewGuid():N}");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        ExternalTool.Run("chmod", ["-R", "a+rX", copy]);
        return Path.Combine(copy, "rawnet.dll");
    }

    /// <summary>
    /// Runs <c>rawnet ARGS</c> as user nobody with no capabilities (setpriv), or skips visibly when not root or without
    /// setpriv; returns the exit code and what it printed.
    /// </summary>
    internal static (int ExitCode, string StdOut, string StdErr) RunAsNobody(params string[] args)
    {
        ExternalTool.RequireRoot();
        var setpriv = ExternalTool.Find("setpriv");
        if (setpriv is null)
            Assert.Skip("setpriv is not installed (apt-get install util-linux)");
        var program = ReadableProgram(setpriv!);
        try
        {
            return ExternalTool.Run(setpriv!,
                [$"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--inh-caps=-all", "env", "HOME=/tmp", "DOTNET_CLI_TELEMETRY_OPTOUT=1",
                 "dotnet", program, .. args],
                TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (program != RawNetProcess.AssemblyPath)
                Directory.Delete(Path.GetDirectoryName(program)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("afpacket")]
    [InlineData("libpcap")]
    public void As_nobody_capture_exits_1_naming_CAP_NET_RAW_root_and_setcap(string backend)
    {
        ExternalTool.RequireRoot();
        var setpriv = ExternalTool.Find("setpriv");
        if (setpriv is null)
            Assert.Skip("setpriv is not installed (apt-get install util-linux)");
        if (backend == "libpcap" && !RawNet.Capture.LibPcap.PcapLibrary.IsAvailable)
            Assert.Skip("libpcap is not available (apt-get install libpcap0.8)");
        var program = ReadableProgram(setpriv);
        try
        {
            var (code, stdout, stderr) = ExternalTool.Run(setpriv,
                [$"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--inh-caps=-all", "env", "HOME=/tmp", "DOTNET_CLI_TELEMETRY_OPTOUT=1",
                 "dotnet", program, "capture", "-i", "lo", "-c", "1", "--backend", backend],
                TimeSpan.FromSeconds(60));

            Assert.True(code == 1, $"exit {code}: {stderr}");
            Assert.Equal("", stdout);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("rawnet: ", line);
            Assert.Contains(" lo", line);
            Assert.Contains("CAP_NET_RAW", line);
            Assert.Contains("root", line);
            Assert.Contains("setcap cap_net_raw,cap_net_admin=eip", line);
        }
        finally
        {
            if (program != RawNetProcess.AssemblyPath)
                Directory.Delete(Path.GetDirectoryName(program)!, recursive: true);
        }
    }

    [Fact]
    public void An_unknown_interface_is_one_line_and_exit_1()
    {
        var (code, stdout, stderr) = InProcessRawNet.Run("capture", "-i", "rawnet-nosuch0", "-c", "1");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal("rawnet: rawnet-nosuch0: No such interface (see rawnet interfaces)", stderr.Trim());
    }

    [Fact]
    public void A_capture_filter_that_does_not_compile_exits_2_with_pcaps_message()
    {
        ExternalTool.RequireRoot();
        var (code, _, stderr) = InProcessRawNet.Run("capture", "-i", "lo", "-c", "1", "-f", "udp and port");
        Assert.Equal(2, code);
        Assert.StartsWith("rawnet: cannot compile filter \"udp and port\": ", stderr);
        Assert.Contains("syntax error", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
