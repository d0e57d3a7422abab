using RawNet.Testing;

namespace RawNet.Cli.Tests.Capture;

/// <summary>
/// rawnet on a machine without libpcap: a private mount namespace lays /dev/null over every libpcap file (SharpPcap
/// then cannot load it), and each command that needs libpcap says so in one line, with what to install.
/// </summary>
public sealed class MissingLibPcapTests
{
    private const string LibraryFolder = "/usr/lib/x86_64-linux-gnu";

    private static (int ExitCode, string StdOut, string StdErr) RunWithoutLibPcap(params string[] args)
    {
        ExternalTool.RequireRoot();
        var unshare = ExternalTool.Find("unshare");
        if (unshare is null)
            Assert.Skip("unshare is not installed (apt-get install util-linux)");
        var libraries = Directory.Exists(LibraryFolder) ? Directory.GetFiles(LibraryFolder, "libpcap.so*") : [];
        if (libraries.Length == 0)
            Assert.Skip($"no libpcap in {LibraryFolder} to hide");
        // sh -c 'mount --bind /dev/null FILE; ...; exec dotnet rawnet.dll "$@"' -- ARGS: only this process tree loses libpcap.
        var hide = string.Concat(libraries.Select(file => $"mount --bind /dev/null '{file}' && "));
        return ExternalTool.Run(unshare!,
            ["--mount", "--propagation", "private", "sh", "-c", hide + "exec dotnet \"$0\" \"$@\"", RawNetProcess.AssemblyPath, .. args],
            TimeSpan.FromSeconds(60));
    }

    [Theory]
    [InlineData("interfaces")]
    [InlineData("capture", "-i", "lo", "--backend", "libpcap", "-c", "1")]
    [InlineData("capture", "-i", "any", "-c", "1")]
    [InlineData("replay", "/dev/null", "-i", "lo", "--backend", "libpcap")]
    [InlineData("read", "{captures}/tcp-handshake-ipv4.pcap", "-f", "tcp")]
    public void Each_command_that_needs_libpcap_says_so_in_one_line(params string[] args)
    {
        var (code, stdout, stderr) = RunWithoutLibPcap([.. args.Select(a => a.Replace("{captures}", TestPaths.Captures, StringComparison.Ordinal))]);

        Assert.True(code == 1, $"exit {code}: {stderr}");
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("rawnet: libpcap is not available (tried libpcap.so, libpcap.so.0, libpcap.so.0.8, libpcap.so.1); install it with: apt-get install libpcap0.8", line);
    }

    [Fact]
    public void Reading_a_file_needs_no_libpcap()
    {
        var file = Path.Combine(TestPaths.Captures, "tcp-handshake-ipv4.pcap");
        var (code, stdout, stderr) = RunWithoutLibPcap("read", file);

        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.NotEqual("", stdout);
        Assert.Equal(RawNetProcess.Run(["read", file]).StdOut, stdout);
    }
}
