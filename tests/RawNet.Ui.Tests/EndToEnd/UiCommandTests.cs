using System.Text;
using RawNet.Cli;
using RawNet.Testing;
using Xunit;

namespace RawNet.Ui.Tests.EndToEnd;

/// <summary><c>rawnet ui</c> in process: errors before the terminal is taken, and the hidden benchmark options.</summary>
public sealed class UiCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        int code = RawNetCommandLine.Run(args, stdout, stderr);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    [Fact]
    public void Run_by_root_a_file_only_root_may_read_is_permission_denied_with_the_way_to_keep_root_and_keep_root_opens_it()
    {
        ExternalTool.RequireRoot();
        // A capture in a directory only root may enter: after giving root up the UI cannot reach it.
        var directory = Directory.CreateTempSubdirectory("rawnet-ui-root-only-").FullName;
        try
        {
            var path = Path.Combine(directory, "udp-exchange.pcap");
            File.Copy(Path.Combine(TestPaths.Captures, "udp-exchange.pcap"), path);
            string[] environment = ["env", "-u", "SUDO_UID", "-u", "SUDO_GID"];
            var (code, _, stderr) = ExternalTool.Run(environment[0], [.. environment[1..], RawnetProgram.Dotnet, RawnetProgram.Rawnet, "ui", "--exit-after-first-draw", path], TimeSpan.FromSeconds(60));
            Assert.Equal(1, code);
            Assert.Equal($"rawnet: {path}: Permission denied (rawnet gave root up; --keep-root reads it as root)", stderr.Trim());

            (code, _, stderr) = ExternalTool.Run(environment[0], [.. environment[1..], RawnetProgram.Dotnet, RawnetProgram.Rawnet, "ui", "--keep-root", "--exit-after-first-draw", path], TimeSpan.FromSeconds(60));
            Assert.True(code == 0, stderr);
            Assert.Contains("first-draw-ms", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_missing_file_is_one_line_and_exit_1_without_touching_the_screen()
    {
        var (code, output, error) = Run("ui", "/nonexistent/x.pcap");
        Assert.Equal(ExitCode.BadInput, code);
        Assert.Equal("rawnet: /nonexistent/x.pcap: No such file\n", error);
        Assert.Equal("", output);
    }

    [Fact]
    public void A_file_that_is_not_a_capture_is_one_line_and_exit_1_without_touching_the_screen()
    {
        var (code, output, error) = Run("ui", "--exit-after-first-draw", Path.Combine(TestPaths.Captures, "README.md"));
        Assert.Equal(ExitCode.BadInput, code);
        Assert.StartsWith("rawnet: ", error, StringComparison.Ordinal);
        Assert.Contains("not a pcap or pcapng file", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public void Without_a_terminal_ui_is_a_usage_error_instead_of_waiting_for_keys()
    {
        Assert.SkipUnless(Console.IsInputRedirected, "standard input is a terminal here");
        var (code, output, error) = Run("ui", Path.Combine(TestPaths.Captures, "udp-exchange.pcap"));
        Assert.Equal(ExitCode.Usage, code);
        Assert.Equal("rawnet: ui: standard input is not a terminal; the UI reads keys from one\n", error);
        Assert.Equal("", output);
    }

    [Fact]
    public void Exit_after_first_draw_reports_the_time_and_restores_the_terminal()
    {
        var (code, output, error) = Run("ui", "--exit-after-first-draw", Path.Combine(TestPaths.Captures, "udp-exchange.pcap"));
        Assert.Equal(0, code);
        Assert.Matches(@"^first-draw-ms \d+\.\d packets \d+\n$", error);
        Assert.StartsWith("\e[?1049h", output, StringComparison.Ordinal);
        Assert.EndsWith("\e[?1049l", output, StringComparison.Ordinal);
        Assert.Contains("Packets (", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_applies_keys_and_times_each()
    {
        var (code, output, error) = Run("ui", "--script", "jjG/udp\n", Path.Combine(TestPaths.Captures, "udp-exchange.pcap"));
        Assert.Equal(0, code);
        var lines = error.TrimEnd('\n').Split('\n');
        Assert.Equal(["j", "j", "G", "/", "u", "d", "p", "Enter"], lines.Select(l => l.Split(' ')[1]).ToArray());
        Assert.Contains("| filter: udp |", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_display_filter_given_with_Y_is_applied_when_the_file_opens()
    {
        var (code, output, _) = Run("ui", "-Y", "udp", "--exit-after-first-draw", Path.Combine(TestPaths.Captures, "udp-exchange.pcap"));
        Assert.Equal(0, code);
        Assert.Contains("| filter: udp |", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rawnet: -Y: ", "-Y", "tcp.srcprot == 80", "FILE")]
    [InlineData("rawnet: ui: give a FILE or -i IFACE, not both", "-i", "lo", "FILE")]
    [InlineData("rawnet: ui: -f filters a live capture (-i IFACE); on a file use -Y", "-f", "udp", "FILE")]
    [InlineData("rawnet: --theme: unknown theme 'neon' (dark, light or high-contrast)", "--theme", "neon", "FILE")]
    [InlineData("rawnet: --colors: unknown depth '8' (auto, none, 16, 256 or truecolor)", "--colors", "8", "FILE")]
    [InlineData("rawnet: --columns: 'ip.tll' is neither a column", "--columns", "No.,ip.tll", "FILE")]
    public void Contradictory_or_bad_options_are_one_line_and_exit_2(string message, string option, string value, string file)
    {
        var (code, output, error) = Run("ui", option, value, "--exit-after-first-draw", file == "FILE" ? Path.Combine(TestPaths.Captures, "udp-exchange.pcap") : file);
        Assert.Equal(ExitCode.Usage, code);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("rawnet: --threads needs a number of sockets between 1 and 16", "-i", "lo", "--threads", "17")]
    [InlineData("rawnet: --threads above 1 needs the afpacket back end (PACKET_FANOUT); lo is captured by libpcap", "-i", "lo", "--backend", "libpcap", "--threads", "2")]
    [InlineData("rawnet: --threads above 1 needs the afpacket back end (PACKET_FANOUT); any is captured by libpcap", "-i", "any", "--threads", "2")]
    public void A_live_capture_rawnet_capture_would_refuse_is_refused_alike_in_one_line(string message, params string[] arguments)
    {
        var (code, output, error) = Run(["ui", .. arguments, "--exit-after-first-draw"]);
        Assert.Equal(ExitCode.Usage, code);
        Assert.Equal(message, error.TrimEnd('\n'));
        Assert.Equal("", output);
    }

    [Fact]
    public void An_unknown_interface_is_one_line_and_exit_1()
    {
        var (code, output, error) = Run("ui", "-i", "rn-no-such-if0", "--exit-after-first-draw");
        Assert.Equal(ExitCode.BadInput, code);
        Assert.Equal("rawnet: rn-no-such-if0: No such interface (see rawnet interfaces)\n", error);
        Assert.Equal("", output);
    }

    [Fact]
    public void A_capture_filter_that_does_not_compile_is_one_line_and_exit_2_before_the_screen()
    {
        ExternalTool.RequireRoot();
        var (code, output, error) = Run("ui", "-i", "lo", "-f", "udp port", "--exit-after-first-draw");
        Assert.Equal(ExitCode.Usage, code);
        Assert.StartsWith("rawnet: cannot compile filter \"udp port\"", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public void A_live_capture_on_loopback_draws_its_status_bar_and_leaves_no_file()
    {
        ExternalTool.RequireRoot();
        // This process's temporary captures (rawnet-ui-PID-GUID.pcap); other tests run other processes.
        string pattern = $"rawnet-ui-{Environment.ProcessId}-*.pcap";
        var before = Directory.GetFiles(Path.GetTempPath(), pattern).ToHashSet();
        var (code, output, error) = Run("ui", "-i", "lo", "--exit-after-first-draw", "--stats-on-exit");
        Assert.Equal(0, code);
        Assert.Contains("live lo | ", output, StringComparison.Ordinal);
        Assert.Contains("drops: kernel 0, ring 0", output, StringComparison.Ordinal);
        Assert.Matches(@"ui-stats source lo captured \d+ indexed \d+ shown \d+ kernel-drops 0 ring-drops 0\n$", error);
        Assert.DoesNotContain(Directory.GetFiles(Path.GetTempPath(), pattern), f => !before.Contains(f));
    }
}
