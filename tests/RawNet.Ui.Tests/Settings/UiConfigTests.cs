using System.Text;
using RawNet.Ui.Model;
using RawNet.Ui.Screens;
using RawNet.Ui.Settings;
using RawNet.Ui.Theming;
using Xunit;

namespace RawNet.Ui.Tests.Settings;

/// <summary>ui.conf: what each setting does, one clear problem per bad line whatever the line holds, where the file is, and the layout written back.</summary>
public sealed class UiConfigTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rawnet-ui-conf-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Every_setting_is_read_and_the_command_line_comes_first()
    {
        var config = UiConfig.Parse("""
            # comment
              theme = light
            colors=256
            layout = side-by-side
            panes = 50 30 20
            color = black on #ffd0d0 if tcp.port == 80
            color = white on blue if udp
            """, "ui.conf");
        Assert.Empty(config.Problems);
        Assert.Same(Theme.Light, config.Theme);
        Assert.Equal(ColorDepth.Palette256, config.Colors);
        Assert.Equal(LayoutKind.SideBySide, config.Layout);
        Assert.Equal(["tcp.port == 80", "udp"], config.Rules.Select(r => r.Filter!.Text));
        Assert.Equal((0xffff, 0xd0d0, 0xd0d0), (config.Rules[0].Background.Red, config.Rules[0].Background.Green, config.Rules[0].Background.Blue));

        Func<string, string?> none = name => name == "NO_COLOR" ? "1" : null;
        var fromFile = Appearance.Resolve(new UiOptions("x.pcap"), config, none);
        // no-color.org: a setting the user wrote overrides NO_COLOR.
        Assert.Equal((Theme.Light, ColorDepth.Palette256), (fromFile.Theme, fromFile.Depth));
        Assert.Equal("50 30 20", fromFile.Layout.SharesText);
        var fromOptions = Appearance.Resolve(new UiOptions("x.pcap", Theme: Theme.HighContrast, Colors: ColorDepth.Ansi16), config, none);
        Assert.Equal((Theme.HighContrast, ColorDepth.Ansi16), (fromOptions.Theme, fromOptions.Depth));
        var defaults = Appearance.Resolve(new UiOptions("x.pcap"), new UiConfig(), none);
        Assert.Equal((Theme.Monochrome, ColorDepth.None, LayoutKind.Stacked), (defaults.Theme, defaults.Depth, defaults.Layout.Kind));
    }

    [Fact]
    public void Each_bad_line_is_one_problem_naming_the_file_and_line_and_the_good_lines_still_count()
    {
        string longLine = "theme = " + new string('x', 2000);
        var config = UiConfig.Parse(string.Join('\n',
            "theme = dark",
            "just words",
            "theme = solarized",
            "colour = red on black if tcp.srcprot == 1",
            "color = red on nocolour if tcp",
            "color = red if tcp",
            "colors = 65536",
            "panes = 90 5 5",
            "\e]0;pwned\u0007 = 1",
            "layout = \e[2J",
            longLine,
            "size = 3",
            "layout = maximized"), "~/.config/rawnet/ui.conf");
        Assert.Equal(
        [
            "~/.config/rawnet/ui.conf:2: expected 'setting = value' (theme, colors, layout, panes, details-width, columns, color), not 'just words'",
            "~/.config/rawnet/ui.conf:3: unknown theme 'solarized' (dark, light or high-contrast)",
            "~/.config/rawnet/ui.conf:4: display filter 'tcp.srcprot == 1': unknown field 'tcp.srcprot' at 0 (did you mean 'tcp.srcport'?)",
            "~/.config/rawnet/ui.conf:5: unknown colour 'nocolour' (#rrggbb or black, white, grey, gray, red, green, yellow, blue, magenta, cyan, orange)",
            "~/.config/rawnet/ui.conf:6: a colouring rule is 'color = FG on BG if FILTER' (FG, BG: #rrggbb or a colour name)",
            "~/.config/rawnet/ui.conf:7: unknown colors '65536' (auto, none, 16, 256 or truecolor)",
            "~/.config/rawnet/ui.conf:8: panes takes three whole percentages (packets, details, bytes), each at least 10, summing to 100; not '90 5 5'",
            "~/.config/rawnet/ui.conf:9: control character in the line; ignored",
            "~/.config/rawnet/ui.conf:10: control character in the line; ignored",
            "~/.config/rawnet/ui.conf:11: line longer than 1000 characters; ignored",
            "~/.config/rawnet/ui.conf:12: unknown setting 'size' (theme, colors, layout, panes, details-width, columns, color)",
        ], config.Problems);
        Assert.Same(Theme.Dark, config.Theme is null ? Theme.Dark : config.Theme);
        Assert.Equal(LayoutKind.Maximized, config.Layout);
        Assert.Empty(config.Rules);
        Assert.All(config.Problems, p => Assert.DoesNotContain(p, c => char.IsControl(c)));
    }

    [Fact]
    public void A_file_that_is_not_a_settings_file_is_one_problem_and_no_settings()
    {
        string path = Path.Combine(_directory, "ui.conf");
        File.WriteAllBytes(path, [.. "theme = light\n"u8, 0xff, 0xfe, 0x00, 0x01]);
        var binary = UiConfigFile.Read(path);
        Assert.Equal([$"{path}: not UTF-8 text; defaults used"], binary.Problems);
        Assert.Null(binary.Theme);

        File.WriteAllText(path, "# " + new string('x', UiConfig.MaxBytes));
        Assert.Equal([$"{path}: larger than 64 KiB: not a settings file; defaults used"], UiConfigFile.Read(path).Problems);
        File.Delete(path);
        File.CreateSymbolicLink(path, "/dev/zero");
        Assert.Equal([$"{path}: larger than 64 KiB: not a settings file; defaults used"], UiConfigFile.Read(path).Problems);
        File.Delete(path);
        Directory.CreateDirectory(path);
        Assert.Equal([$"{path}: is a directory; defaults used"], UiConfigFile.Read(path).Problems);
        Assert.Empty(UiConfigFile.Read(Path.Combine(_directory, "missing.conf")).Problems);
        Assert.Empty(UiConfigFile.Read(null).Problems);
        // A byte-order mark is no problem.
        string bom = Path.Combine(_directory, "bom.conf");
        File.WriteAllText(bom, "theme = light\n", new UTF8Encoding(true));
        Assert.Same(Theme.Light, UiConfigFile.Read(bom).Theme);
    }

    [Fact]
    public void The_file_is_under_xdg_config_home_or_home_and_under_sudo_in_the_invoking_user_s_home()
    {
        static Func<string, string?> Env(params (string, string)[] values) => name => values.FirstOrDefault(v => v.Item1 == name).Item2;
        static string? NoUser(string _) => null;
        Assert.Equal("/x/rawnet/ui.conf", UiConfigFile.Locate(Env(("XDG_CONFIG_HOME", "/x"), ("HOME", "/h")), false, NoUser));
        // The XDG rules ignore a relative XDG_CONFIG_HOME.
        Assert.Equal("/h/.config/rawnet/ui.conf", UiConfigFile.Locate(Env(("XDG_CONFIG_HOME", "rel"), ("HOME", "/h")), false, NoUser));
        Assert.Equal("/home/ann/.config/rawnet/ui.conf",
            UiConfigFile.Locate(Env(("SUDO_USER", "ann"), ("HOME", "/root")), true, user => user == "ann" ? "/home/ann" : null));
        // SUDO_USER counts only when rawnet was started as root.
        Assert.Equal("/h/.config/rawnet/ui.conf", UiConfigFile.Locate(Env(("SUDO_USER", "ann"), ("HOME", "/h")), false, _ => "/home/ann"));
        Assert.Null(UiConfigFile.Locate(Env(), false, NoUser));
    }

    [Fact]
    public void The_layout_is_written_in_place_keeping_every_other_line()
    {
        string path = Path.Combine(_directory, "rawnet", "ui.conf");
        var layout = new PaneLayout { Kind = LayoutKind.SideBySide };
        Assert.True(layout.Resize(Pane.Tree, 1));
        Assert.Null(UiConfigFile.Save(path, UiConfigFile.Settings(layout, null)));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        var saved = UiConfigFile.Read(path);
        Assert.Empty(saved.Problems);
        Assert.Equal((LayoutKind.SideBySide, "35 30 35".Length), (saved.Layout!.Value, saved.Panes!.Length));

        File.WriteAllText(path, "# mine\ntheme = light\nlayout = stacked\ncolor = red on white if udp\nLayout = maximized\n");
        layout.Kind = LayoutKind.Maximized;
        Assert.Null(UiConfigFile.Save(path, UiConfigFile.Settings(layout, null)));
        Assert.Equal($"# mine\ntheme = light\nlayout = maximized\ncolor = red on white if udp\npanes = {layout.SharesText}\ndetails-width = auto\n", File.ReadAllText(path));

        File.WriteAllBytes(path, [0xff, 0x00]);
        Assert.Equal($"{path}: not UTF-8 text; settings not saved", UiConfigFile.Save(path, UiConfigFile.Settings(layout, null)));
        Assert.Equal([0xff, 0x00], File.ReadAllBytes(path));
    }

    [Fact]
    public void A_user_rule_colours_the_rows_it_matches_before_wireshark_s_rules()
    {
        var config = UiConfig.Parse("color = black on #ffd0d0 if tcp.flags.syn == 1 && tcp.flags.ack == 0", "ui.conf");
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        view.Source.UserColoringRules = config.Rules;
        Assert.Same(config.Rules[0], view.Source.Row(0).Coloring);
        // The SYN/ACK keeps Wireshark's rule (port 80: "HTTP").
        Assert.Equal("HTTP", view.Source.Row(1).Coloring!.Name);
    }
}
