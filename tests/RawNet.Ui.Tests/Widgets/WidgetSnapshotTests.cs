using RawNet.Ui.Model;
using RawNet.Ui.Screens;
using RawNet.Ui.Theming;
using RawNet.Ui.Widgets;
using Xunit;

namespace RawNet.Ui.Tests.Widgets;

/// <summary>Each widget rendered into a fixed-width console without colour, compared with a file under Expected/.</summary>
public sealed class WidgetSnapshotTests
{
    [Fact]
    public void Packet_list_shows_the_columns_and_marks_the_selected_row()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        view.PageSize = PacketList.RowsFor(8);
        view.Select(2);
        Golden.Check("packet-list.txt", ScreenText.Plain(new PacketList(view, 8), 120));
    }

    [Fact]
    public void Packet_list_of_an_ipv6_capture_at_80_columns()
    {
        var view = Views.Open("tcp-handshake-ipv6.pcap");
        view.PageSize = PacketList.RowsFor(6);
        Golden.Check("packet-list-ipv6-80.txt", ScreenText.Plain(new PacketList(view, 6), 80));
    }

    [Fact]
    public void Layer_tree_expanded_shows_every_field_with_its_wireshark_name_and_bytes()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        view.ToggleExpand();
        Golden.Check("layer-tree-expanded.txt", ScreenText.Plain(new LayerTree(view, 60), 100));
    }

    [Fact]
    public void Layer_tree_marks_a_bad_checksum()
    {
        var view = Views.Open("bad-checksums.pcap");
        Golden.Check("layer-tree-bad-checksum.txt", ScreenText.Plain(new LayerTree(view, 8), 100));
    }

    [Fact]
    public void Layer_tree_marks_truncation()
    {
        var view = Views.Open("truncated.pcap");
        view.ToggleExpand();
        Golden.Check("layer-tree-truncated.txt", ScreenText.Plain(new LayerTree(view, 40), 100));
    }

    [Fact]
    public void Hex_pane_plain_and_with_the_highlight_of_the_source_port()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        view.ToggleExpand();
        view.NextPane();
        int line = view.Tree.ToList().FindIndex(l => l.Text.StartsWith("Source Port (tcp.srcport)", StringComparison.Ordinal));
        view.Move(line);
        var pane = new HexPane(view, 7);
        Golden.Check("hex-pane.txt", ScreenText.Plain(pane, 80));
        // With colour: exactly bytes 34-35 (hex "9c 40", ASCII ".@") carry the highlight's escape codes.
        Golden.Check("hex-pane-highlight.ansi.txt", string.Join('\n', ScreenText.Lines(pane, 80, 7, ansi: true)));
    }

    [Fact]
    public void Status_bar_names_the_source_the_counts_and_the_filter()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        view.BeginFilter();
        view.EditFilter("tcp.len > 0");
        view.ApplyFilter();
        Golden.Check("status-bar.txt", ScreenText.Plain(new StatusBar(view), 120));
    }

    [Fact]
    public void Status_bar_of_a_live_capture_shows_interface_rate_drops_and_ring_fill()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        var clock = new ManualClock();
        view.Live = new LiveStatus("rn-test-a", "udp", clock);
        view.Live.Update(new LiveCounters(0, 0, 0, 0, true));
        clock.Advance(1);
        view.Live.Update(new LiveCounters(12345, 17, 3, 42.25, true));
        view.Last();
        string running = ScreenText.Plain(new StatusBar(view), 160);
        view.Live.Update(new LiveCounters(12345, 17, 3, 0, false));
        string stopped = ScreenText.Plain(new StatusBar(view), 160);
        Golden.Check("status-bar-live.txt", running + "\n" + stopped);
    }

    [Fact]
    public void Status_bar_of_a_replay_shows_play_or_pause_and_the_speed()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        view.Clock = new ManualClock();
        view.PlayPause();
        view.ChangeSpeed(faster: true);
        view.ChangeSpeed(faster: true);
        string playing = ScreenText.Plain(new StatusBar(view), 140);
        view.PlayPause();
        view.StepReplay();
        view.ChangeSpeed(faster: false);
        view.ChangeSpeed(faster: false);
        view.ChangeSpeed(faster: false);
        string paused = ScreenText.Plain(new StatusBar(view), 140);
        Golden.Check("status-bar-replay.txt", playing + "\n" + paused);
    }

    private static readonly InterfaceEntry[] LabInterfaces =
    [
        new("rn-test-a", "[Up, Running] 198.18.7.1/24, 2001:db8:7::1/64"),
        new("lo", "[Up, Running, Loopback] 127.0.0.1/8, ::1/128"),
    ];

    private static string? CheckFilter(string name, string filter) => filter.Contains("port 99999", StringComparison.Ordinal)
        ? $"cannot compile filter \"{filter}\": illegal port number 99999 > 65535" : null;

    [Fact]
    public void Interfaces_screen_while_capturing_with_a_filter_error()
    {
        var picker = new InterfacePicker(LabInterfaces, CheckFilter, null, "rn-test-a", "udp");
        picker.Move(1);
        picker.BeginFilter();
        picker.EditFilter("udp port 99999");
        string editing = ScreenText.Plain(new InterfacesScreen(Theme.Dark, picker, 12), 100);
        picker.EndFilter();
        Assert.False(picker.CanStart());
        string refused = ScreenText.Plain(new InterfacesScreen(Theme.Dark, picker, 12), 100);
        picker.Move(-1);
        Assert.True(picker.OnStopRow);
        string stop = ScreenText.Plain(new InterfacesScreen(Theme.Dark, picker, 12), 100);
        Golden.Check("interfaces-screen.txt", editing + "\n\n" + refused + "\n\n" + stop);
    }

    [Fact]
    public void Interfaces_screen_without_the_right_to_capture_says_how_to_get_it()
    {
        var problem = new RawNet.Capture.Sources.AfPacket.CapturePermissionException("an interface", 1, "/usr/local/bin/rawnet").Message;
        var picker = new InterfacePicker(LabInterfaces, CheckFilter, problem, null, null);
        Assert.False(picker.CanStart());
        Assert.Equal(problem, picker.Message);
        Golden.Check("interfaces-screen-unprivileged.txt", ScreenText.Plain(new InterfacesScreen(Theme.Dark, picker, 10), 150));
    }

    [Fact]
    public void Filter_bar_idle_valid_and_with_an_error_marker()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        string idle = ScreenText.Plain(new FilterBar(view), 100);
        view.BeginFilter();
        view.EditFilter("tcp.port == 80");
        string valid = ScreenText.Plain(new FilterBar(view), 100);
        view.EditFilter("tcp.srcprot == 80");
        string error = ScreenText.Plain(new FilterBar(view), 100);
        Golden.Check("filter-bar.txt", idle + "\n\n" + valid + "\n\n" + error);
    }

    [Fact]
    public void Help_screen_lists_every_key()
    {
        Golden.Check("help-screen.txt", ScreenText.Plain(new HelpScreen(Theme.Dark, 50), 100));
    }

    [Fact]
    public void Statistics_screen_shows_the_rawnet_stats_report()
    {
        var view = Views.Open("udp-exchange.pcap");
        Golden.Check("statistics-screen.txt", ScreenText.Plain(new StatisticsScreen(Theme.Dark, view.ComputeStatistics(), 0, 24), 100));
    }

    [Fact]
    public void Whole_screen_at_120_by_40()
    {
        var view = Views.Open("icmp-errors.pcap");
        view.Select(1);
        view.ToggleExpand();
        Golden.Check("main-screen-120x40.txt", ScreenText.Plain(MainScreen.Compose(view, 120, 40), 120, 40));
    }

    [Fact]
    public void Progress_bar()
    {
        Golden.Check("progress-bar.txt", ScreenText.Plain(new ProgressBar(Theme.Dark, "Reading big.pcap", new IndexProgress(450, 1000, 123456)), 80));
    }

    [Fact]
    public void Every_widget_fills_exactly_its_lines_and_width()
    {
        var view = Views.Open("icmp-errors.pcap");
        foreach (var (widget, height) in new (Spectre.Console.Rendering.IRenderable, int)[]
                 { (new PacketList(view, 9), 9), (new LayerTree(view, 7), 7), (new HexPane(view, 5), 5), (new StatusBar(view), 1), (new FilterBar(view), 2), (new HelpScreen(Theme.Dark, 30), 30),
                   (new InterfacesScreen(Theme.Dark, new InterfacePicker(LabInterfaces, CheckFilter, "no right", "lo", null) { Message = "a message" }, 12), 12) })
        {
            foreach (int width in new[] { 40, 80, 133 })
            {
                var lines = ScreenText.Lines(widget, width, 100, ansi: false);
                Assert.Equal(height, lines.Length);
                Assert.All(lines, l => Assert.Equal(width, l.Length));
            }
        }
    }
}
