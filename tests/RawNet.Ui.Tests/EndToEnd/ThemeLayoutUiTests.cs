using System.Text.RegularExpressions;
using RawNet.Testing;
using Xunit;
using static RawNet.Ui.Tests.EndToEnd.RawnetProgram;

namespace RawNet.Ui.Tests.EndToEnd;

/// <summary>Themes, colour depths, NO_COLOR, the layout keys and ui.conf, in the real <c>rawnet ui</c> in tmux.</summary>
public sealed partial class ThemeLayoutUiTests
{
    private static readonly string Capture = Path.Combine(TestPaths.Captures, "tcp-handshake-ipv4.pcap");

    private static TmuxSession Start(string arguments, int width = 100, int height = 24, IReadOnlyDictionary<string, string>? environment = null, string? configHome = null) =>
        new($"'{Dotnet}' '{Rawnet}' {arguments}; echo \"{Exited}$?\"; sleep 60", width, height, environment, configHome);

    /// <summary>The SGR parameters of every sequence on the pane (tmux writes each attribute and colour as it holds it).</summary>
    private static IEnumerable<int> SgrCodes(string colored) =>
        Sgr().Matches(colored).SelectMany(m => m.Groups[1].Value.Split(';', StringSplitOptions.RemoveEmptyEntries)).Select(int.Parse);

    [GeneratedRegex(@"\e\[([0-9;]*)m")]
    private static partial Regex Sgr();

    /// <summary>Lets rawnet reach a test's file once it has given root up to nobody (tests may run as root).</summary>
    private static void Share(string path, int mode)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, (UnixFileMode)mode);
    }

    [Fact]
    public void Each_theme_draws_in_its_colours_at_the_depth_asked_for()
    {
        // Three UIs at once: each takes a second or two to start.
        using var dark = Start($"ui '{Capture}' --colors 16");
        using var light = Start($"ui '{Capture}' --theme light --colors truecolor");
        using var contrast = Start($"ui '{Capture}' --theme high-contrast --colors 256");
        foreach (var (ui, name) in new[] { (dark, "dark-16"), (light, "light-truecolor"), (contrast, "high-contrast-256") })
        {
            ui.WaitFor(" tcp-handshake-ipv4.pcap | 10 packets");
            Golden.Check($"tmux-theme-{name}.ansi.txt", ui.ColoredScreen());
        }
        // Each depth keeps to its own sequences: 16 colours only 30-37, 90-97 and backgrounds; 256 never 24-bit.
        var sixteen = SgrCodes(dark.ColoredScreen()).ToList();
        Assert.DoesNotContain(38, sixteen);
        Assert.DoesNotContain(48, sixteen);
        Assert.Contains("\e[38;5;", contrast.ColoredScreen(), StringComparison.Ordinal);
        Assert.DoesNotContain("\e[38;2;", contrast.ColoredScreen(), StringComparison.Ordinal);
        Assert.Contains("\e[48;2;255;255;255m", light.ColoredScreen(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_color_draws_no_colour_at_all_and_the_selection_in_reverse_video()
    {
        using var ui = Start($"ui '{Capture}' --theme light", environment: new Dictionary<string, string> { ["NO_COLOR"] = "1", ["COLORTERM"] = "truecolor" });
        ui.WaitFor(" tcp-handshake-ipv4.pcap | 10 packets");
        ui.Keys("j");
        ui.WaitFor("| Packet 2");
        string colored = ui.ColoredScreen();
        var codes = SgrCodes(colored).ToList();
        // Attributes and their resets only (tmux adds 39 and 49, "default colour", when an attribute ends).
        Assert.All(codes, code => Assert.True(code is >= 0 and <= 9 or >= 21 and <= 29 or 39 or 49, $"colour code {code}"));
        // The selected row, and only it, in reverse video.
        var selected = Assert.Single(colored.Split('\n'), line => line.Contains(">       2", StringComparison.Ordinal));
        Assert.Matches(@"\e\[(?:[0-9]+;)*7(?:;[0-9]+)*m>       2", selected);
        ui.Keys("q");
        ui.WaitFor(Exited);
    }

    [Fact]
    public void Columns_option_shows_any_field_as_a_column()
    {
        using var ui = Start($"ui '{Capture}' --columns No.,Source,ip.ttl,tcp.window_size_value,Info");
        var screen = ui.WaitFor("| Packet 1");
        Assert.Contains("      No. Source      ip.ttl tcp.window_size_value Info", screen, StringComparison.Ordinal);
        Assert.Contains(">       1 198.18.0.1  64     64240                 40000 → 80 [SYN]", screen, StringComparison.Ordinal);
        ui.Keys("q");
        ui.WaitFor(Exited);
    }

    [Fact]
    public void Layout_keys_switch_panes_a_bad_config_line_is_named_and_the_layout_is_kept_in_ui_conf()
    {
        string home = TmuxSession.NewConfigHome();
        try
        {
            string directory = Path.Combine(home, "rawnet");
            Directory.CreateDirectory(directory);
            Share(directory, 0x1FF);
            string config = Path.Combine(directory, "ui.conf");
            File.WriteAllText(config, "# mine\ntheme = neon\n");
            Share(config, 0x1B6);
            using (var ui = Start($"ui '{Capture}'", 160, 40, configHome: home))
            {
                // The status bar names the file without its directory.
                ui.WaitFor("| ui.conf:2: unknown theme 'neon' (dark, light or high-contrast)");
                ui.Keys("Enter");
                ui.WaitFor("Epoch Time (frame.time_epoch)");
                ui.Type("|");
                var screen = ui.WaitFor("Layout: side by side");
                Assert.Single(screen.Split('\n'), l => l.Contains("── Packet details", StringComparison.Ordinal) && l.Contains("│── Bytes", StringComparison.Ordinal));
                ui.Type("\\");
                screen = ui.WaitFor("Layout: one pane");
                Assert.DoesNotContain("Packet details", screen, StringComparison.Ordinal);
                ui.Keys("Tab");
                screen = ui.WaitFor("━━ Packet details");
                Assert.DoesNotContain("Packets (", screen, StringComparison.Ordinal);
                ui.Type("\\");
                ui.WaitFor("Layout: side-by-side");
                ui.Type(">");
                ui.WaitFor("Details: 35% of the rows");
                // The columns screen: a field added after No. by typing and Tab completion.
                ui.Type("L");
                ui.WaitFor("━━ Columns");
                ui.Type("aip.tt");
                ui.WaitFor("Add after the cursor: ip.tt_");
                ui.Keys("Tab");
                ui.WaitFor("Add after the cursor: ip.ttl_");
                ui.Keys("Enter");
                ui.WaitFor(" 2  ip.ttl ");
                ui.Keys("Escape");
                screen = ui.WaitFor("      No. ip.ttl");
                Assert.Contains(">       1 64     ", screen, StringComparison.Ordinal);
                ui.Keys("q");
                screen = ui.WaitFor(Exited + "0");
                // The bad line is also left on the terminal after quitting, with the file's whole path.
                Assert.Contains($"rawnet: {config}:2: unknown theme 'neon'", screen.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
            }
            Assert.Equal("# mine\ntheme = neon\nlayout = side-by-side\npanes = 35 35 30\ndetails-width = auto\ncolumns = No.,ip.ttl,Time,Source,Destination,Protocol,Length,Info\n", File.ReadAllText(config));
            using (var again = Start($"ui '{Capture}'", 160, 40, configHome: home))
            {
                var screen = again.WaitFor("│── Bytes");
                Assert.Contains("── Packet details", screen, StringComparison.Ordinal);
                again.Keys("q");
                again.WaitFor(Exited);
            }
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
