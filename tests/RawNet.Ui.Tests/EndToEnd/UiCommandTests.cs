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
}
