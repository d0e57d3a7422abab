using System.Diagnostics;
using RawNet.Testing;
using Xunit;
using static RawNet.Ui.Tests.EndToEnd.RawnetProgram;

namespace RawNet.Ui.Tests.EndToEnd;

/// <summary>
/// The mouse in the real <c>rawnet ui</c> in a 120x40 tmux terminal: SGR reports typed into the pane with
/// <c>send-keys -l</c> (tmux hands them to the program unchanged once it has turned mouse mode on), aimed at cells found
/// on the screen as a user would, and tmux's own account of the pane's mouse modes.
/// </summary>
public sealed class MouseUiTests
{
    private static readonly string Capture = Path.Combine(TestPaths.Captures, "tcp-handshake-ipv4.pcap");

    private static TmuxSession Start(int width = 120) =>
        new($"'{Dotnet}' '{Rawnet}' ui '{Capture}'; echo \"{Exited}$?\"; sleep 60", width);

    /// <summary>The row of the first screen line holding <paramref name="text"/>.</summary>
    private static int RowOf(string screen, string text)
    {
        var lines = screen.Split('\n');
        int row = Array.FindIndex(lines, line => line.Contains(text, StringComparison.Ordinal));
        Assert.True(row >= 0, $"'{text}' is not on the screen:\n{screen}");
        return row;
    }

    /// <summary>Polls until <paramref name="text"/> is on row <paramref name="row"/>.</summary>
    private static void WaitForRow(TmuxSession ui, string text, int row)
    {
        var clock = Stopwatch.StartNew();
        string screen;
        do
        {
            screen = ui.Screen();
            if (RowOf(screen, text) == row)
                return;
            Thread.Sleep(50);
        }
        while (clock.Elapsed.TotalSeconds < 20);
        Assert.Fail($"'{text}' did not move to row {row}; the screen was:\n{screen}");
    }

    [Fact]
    public void Clicks_select_rows_tree_lines_and_bytes_the_wheel_scrolls_hints_are_keys_borders_drag_and_mouse_mode_ends_with_the_ui()
    {
        using var ui = Start();
        var screen = ui.WaitFor("Packets (10 shown of 10)");
        // Mode 1002 (drags) replaces 1000 in tmux's account, so "any" stands for both.
        Assert.Equal("1 1 1", ui.Format(MouseFlags));

        ui.Click(30, RowOf(screen, "       4    0.00"));
        screen = ui.WaitFor("| Packet 4");
        Assert.Contains(">       4    0.00", screen, StringComparison.Ordinal);

        // A layer heading opens at a click.
        ui.Click(10, RowOf(screen, "+ Internet Protocol Version 4"));
        screen = ui.WaitFor("Time to Live (ip.ttl)");
        Assert.Contains(">- Internet Protocol Version 4", screen, StringComparison.Ordinal);

        // Byte 23, IPv4's protocol: on the hex pane's second line, the eighth byte.
        int bytes = RowOf(screen, " Bytes (highlighted");
        ui.Click(6 + 7 * 3, bytes + 2);
        screen = ui.WaitFor("Bytes (highlighted: 23-23, 1 byte)");
        Assert.Contains(">    Protocol (ip.proto)", screen, StringComparison.Ordinal);

        // One notch of the wheel over the list: three rows down.
        ui.Mouse(65, 30, RowOf(screen, "Packets (") + 3);
        screen = ui.WaitFor("| Packet 7");

        // The hint line's "Enter expand", the list having the keys: the open IPv4 layer closes (as Enter in the list
        // closes every layer when one is open), then every layer opens.
        int enter = FilterBarKeys.IndexOf("Enter", StringComparison.Ordinal) + 1;
        ui.Click(enter, 1);
        ui.WaitFor("+ Internet Protocol Version 4");
        ui.Click(enter, 1);
        ui.WaitFor(" - Ethernet II");
        screen = ui.Screen();

        // The tree now wants more rows than it has: drag its title line (the border under the list) up four rows.
        int border = RowOf(screen, " Packet details ");
        ui.Mouse(0, 40, border);
        ui.Mouse(32, 40, border - 2);
        ui.Mouse(32, 40, border - 4);
        ui.Mouse(0, 40, border - 4, release: true);
        WaitForRow(ui, " Packet details ", border - 4);

        ui.Click(FilterBarKeys.IndexOf("? help", StringComparison.Ordinal), 1);
        ui.WaitFor("Help: keys");
        ui.Keys("Escape");
        ui.WaitFor("Packets (");

        ui.Keys("q");
        screen = ui.WaitFor(Exited);
        Assert.Contains(Exited + "0", screen, StringComparison.Ordinal);
        Assert.Equal("0 0 0", ui.Format(MouseFlags));
        // The drag changed the shares < and > change, kept in ui.conf.
        string config = File.ReadAllText(Path.Combine(ui.ConfigHome, "rawnet", "ui.conf"));
        Assert.Contains("panes = ", config, StringComparison.Ordinal);
        Assert.DoesNotContain("panes = 40 30 30", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Side_by_side_the_border_between_details_and_bytes_drags_the_bytes_go_to_eight_a_line_and_the_width_is_kept()
    {
        using var ui = Start(160);
        var first = ui.WaitFor("Packets (10 shown of 10)");
        // A double click on a packet: Enter, every layer opens (one click selects it and opens none).
        ui.DoubleClick(30, RowOf(first, "       3    0.00"));
        first = ui.WaitFor(" - Ethernet II");
        Assert.Contains(">       3    0.00", first, StringComparison.Ordinal);
        ui.Type("|");
        var screen = ui.WaitFor("Layout: side by side");
        int title = RowOf(screen, " Packet details ");
        int border = screen.Split('\n')[title].IndexOf(RawNet.Ui.Widgets.SideBySide.Border, StringComparison.Ordinal);
        // The bytes at their natural width, 16 a line: the second line starts at offset 0x10.
        Assert.Equal(160 - 72 - 1, border);
        Assert.Contains("│0010  ", screen, StringComparison.Ordinal);

        // Drag the border from a line below the titles to column 120: the bytes keep 39 cells, 8 a line.
        ui.Mouse(0, border, title + 2);
        ui.Mouse(32, 110, title + 2);
        ui.Mouse(32, 120, title + 2);
        ui.Mouse(0, 120, title + 2, release: true);
        // Wait for the end of the drag: at its middle step (column 110) the bytes already go 8 a line.
        screen = ui.WaitUntil(s => s.Contains("│0008  ", StringComparison.Ordinal)
            && s.Split('\n')[title].IndexOf(RawNet.Ui.Widgets.SideBySide.Border, StringComparison.Ordinal) == 120,
            "the border at column 120 with the bytes 8 a line", seconds: 10);
        Assert.Equal(120, screen.Split('\n')[title].IndexOf(RawNet.Ui.Widgets.SideBySide.Border, StringComparison.Ordinal));

        // { moves it back 5% of the width, said in the status line.
        ui.Type("{");
        screen = ui.WaitFor("Details: 112 columns (70% of the width), bytes 8 a line");
        Assert.Equal(112, screen.Split('\n')[title].IndexOf(RawNet.Ui.Widgets.SideBySide.Border, StringComparison.Ordinal));

        ui.Keys("q");
        ui.WaitFor(Exited + "0");
        string config = File.ReadAllText(Path.Combine(ui.ConfigHome, "rawnet", "ui.conf"));
        Assert.Contains("layout = side-by-side\n", config, StringComparison.Ordinal);
        Assert.Contains("details-width = 70\n", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Ctrl_c_turns_mouse_mode_off_too_and_garbage_never_becomes_keys()
    {
        using var ui = Start();
        ui.WaitFor("Packets (10 shown of 10)");
        // A garbled report (one field too many), then a report cut short: neither types a key (1 would start a count).
        ui.Type("\e[<0;5;1;1M");
        ui.Type("\e[<0;12");
        // Longer than the reader waits for the rest of a report.
        Thread.Sleep(300);
        ui.Type("j");
        var screen = ui.WaitFor("| Packet 2");
        Assert.Contains(RawNet.Ui.Widgets.FilterBar.Keys, screen, StringComparison.Ordinal);
        Assert.Equal("1", ui.Format("#{mouse_sgr_flag}"));
        ui.Keys("C-c");
        ui.WaitFor(Exited);
        Assert.Equal("0 0 0", ui.Format(MouseFlags));
    }

    [Fact]
    public void Side_by_side_a_click_on_a_byte_right_of_the_tree_selects_its_field()
    {
        using var ui = Start(width: 160);
        ui.WaitFor("Packets (10 shown of 10)");
        ui.Keys("|");
        var screen = ui.WaitFor("Layout: side by side");
        // The hex pane's second line, found where it is drawn: right of the tree and the border.
        var lines = screen.Split('\n');
        int row = Array.FindIndex(lines, line => line.Contains("│0010  ", StringComparison.Ordinal));
        Assert.True(row >= 0, screen);
        int column = lines[row].IndexOf("│0010  ", StringComparison.Ordinal) + 1;
        ui.Click(column + 6 + 7 * 3, row);
        screen = ui.WaitFor("Bytes (highlighted: 23-23, 1 byte)");
        Assert.Contains(">    Protocol (ip.proto)", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hang_up_turns_mouse_mode_off()
    {
        using var ui = Start();
        ui.WaitFor("Packets (10 shown of 10)");
        Assert.Equal("1 1 1", ui.Format(MouseFlags));
        // The pane's shell runs rawnet as its one child; SIGHUP is what a closed terminal sends it.
        int shell = int.Parse(ui.Format("#{pane_pid}"), System.Globalization.CultureInfo.InvariantCulture);
        string children = File.ReadAllText($"/proc/{shell}/task/{shell}/children").Trim();
        int rawnet = int.Parse(children.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, Kill(rawnet, 1));
        var screen = ui.WaitFor(Exited);
        Assert.Contains(Exited + "0", screen, StringComparison.Ordinal);
        Assert.Equal("0 0 0", ui.Format(MouseFlags));
    }

    // int kill(pid_t pid, int sig);
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private const string MouseFlags = "#{mouse_any_flag} #{mouse_button_flag} #{mouse_sgr_flag}";

    private static string FilterBarKeys => RawNet.Ui.Widgets.FilterBar.Keys;
}
