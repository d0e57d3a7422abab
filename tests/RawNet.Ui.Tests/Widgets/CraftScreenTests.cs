using System.Globalization;
using RawNet.Capture.Layers;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Ui.Model;
using RawNet.Ui.Screens;
using RawNet.Ui.Theming;
using RawNet.Ui.Widgets;
using Spectre.Console.Rendering;
using Xunit;

namespace RawNet.Ui.Tests.Widgets;

/// <summary>The craft screen: its form, a run in progress, a result (from a fixed report) scrolled, and the privilege error.</summary>
public sealed class CraftScreenTests
{
    /// <summary>A form whose Enter hands back <paramref name="report"/> at once (on the run's own thread).</summary>
    internal static CraftForm WithResult(LayersReport report, string? problem = null)
    {
        var form = new CraftForm((_, _) => report, problem);
        Assert.True(form.Send());
        Assert.True(SpinWait.SpinUntil(form.Collect, TimeSpan.FromSeconds(10)), "the run did not finish");
        return form;
    }

    private static CaptureView CraftView(CraftForm form)
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        view.Craft = form;
        view.Screen = ScreenKind.Craft;
        return view;
    }

    [Fact]
    public void Form_with_a_kind_chosen_the_payload_being_typed_and_ipv6()
    {
        var form = new CraftForm((_, _) => throw new InvalidOperationException("not run"), null);
        string fresh = ScreenText.Plain(new CraftScreen(Theme.Dark, form, [], 8), 100);
        form.MoveChoice(1);
        form.ToggleIpv6();
        form.BeginPayload();
        form.EditPayload("hi there");
        string typing = ScreenText.Plain(new CraftScreen(Theme.Dark, form, [], 8), 100);
        Golden.Check("craft-screen-form.txt", fresh + "\n\n" + typing);
    }

    [Fact]
    public void While_sending_the_screen_says_so_with_the_seconds_and_a_second_enter_is_refused()
    {
        var clock = new ManualClock();
        using var release = new ManualResetEventSlim();
        var form = new CraftForm((_, token) =>
        {
            release.Wait(token);
            return CraftReports.StreamAndDatagram();
        }, null, clock);
        Assert.True(form.Send());
        clock.Advance(1.25);
        Assert.False(form.Send());
        Golden.Check("craft-screen-sending.txt", ScreenText.Plain(new CraftScreen(Theme.Dark, form, [], 7), 100));
        release.Set();
        Assert.True(SpinWait.SpinUntil(form.Collect, TimeSpan.FromSeconds(10)));
        Assert.False(form.Running);
    }

    [Fact]
    public void Result_shows_packets_byte_map_hex_notes_and_the_table_on_the_whole_screen()
    {
        var view = CraftView(WithResult(CraftReports.StreamAndDatagram()));
        Golden.Check("craft-screen-result-120x80.txt", ScreenText.Plain(MainScreen.Compose(view, 120, 80), 120, 80));
    }

    [Theory]
    [InlineData(false, "craft-screen-transport-checksum.txt")]
    [InlineData(true, "craft-screen-transport-wire.txt")]
    public void A_transport_experiments_result_shows_the_lines_rawnet_layers_prints_with_their_indent(bool wire, string golden)
    {
        var report = CraftReports.Transport(wire);
        var form = new CraftForm((_, _) => throw new InvalidOperationException("not run"), null, transport: (_, _) => report);
        form.MoveExperiment(wire ? 8 : 6);
        Assert.True(form.Send());
        Assert.True(SpinWait.SpinUntil(form.Collect, TimeSpan.FromSeconds(10)), "the run did not finish");
        Golden.Check(golden, ScreenText.Plain(MainScreen.Compose(CraftView(form), 120, 90), 120, 90));
    }

    [Fact]
    public void A_result_taller_than_the_screen_scrolls_to_its_end_and_back()
    {
        var view = CraftView(WithResult(CraftReports.StreamAndDatagram()));
        MainScreen.Compose(view, 100, 24);
        var form = view.Craft!;
        // 24 lines less the filter bar (2), the status bar (1) and the form (7).
        Assert.Equal(24 - 3 - 7, form.ResultRows);
        Assert.True(form.ResultLineCount > 40, $"{form.ResultLineCount} lines");
        form.Scroll(form.ResultLineCount);
        Assert.Equal(form.ResultLineCount - form.ResultRows, form.ResultTop);
        string end = ScreenText.Plain(MainScreen.Compose(view, 100, 24), 100, 24);
        Golden.Check("craft-screen-scrolled-end.txt", end);
        form.Scroll(-1000);
        Assert.Equal(0, form.ResultTop);
    }

    [Fact]
    public void Without_the_right_to_capture_enter_shows_why_and_the_fix_in_one_line()
    {
        string problem = new CapturePermissionException("lo", 1, "/usr/local/bin/rawnet").Message;
        var form = new CraftForm((_, _) => throw new InvalidOperationException("must not run"), problem);
        Assert.False(form.Send());
        Assert.False(form.Running);
        Assert.Equal(problem, form.Error);
        Golden.Check("craft-screen-unprivileged.txt", ScreenText.Plain(new CraftScreen(Theme.Dark, form, [], 7), 150));
    }

    [Fact]
    public void Each_hex_byte_of_the_data_frame_has_the_colour_of_the_layer_it_belongs_to()
    {
        var report = CraftReports.StreamAndDatagram();
        var dumps = report.Kinds.Select(k => k.DataPacket!).ToList();
        var lines = CraftScreen.ResultLines(Theme.Dark, report, 120);
        int dump = -1, checkedBytes = 0;
        foreach (var line in lines)
        {
            // Hex rows: "   0040  " then the bytes; offset 0 starts the next kind's dump.
            string text = string.Concat(line.Select(s => s.Text));
            if (text.Length < 9 || !text.StartsWith("   00", StringComparison.Ordinal) || text[7] != ' ' || !int.TryParse(text.AsSpan(3, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int first))
                continue;
            if (first == 0)
                dump++;
            var data = dumps[dump];
            int index = 0;
            foreach (var segment in line.Skip(1))
            {
                if (index >= 16 || first + index >= data.Frame.Length)
                    break;
                if (segment.Text.Length != 2 || !byte.TryParse(segment.Text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte value))
                    continue;
                int at = first + index++;
                Assert.Equal(data.Frame[at], value);
                int layer = data.Layers.ToList().FindIndex(l => at >= l.Offset && at < l.Offset + l.Length);
                Assert.Equal(Theme.Dark.Layer(layer).Foreground, segment.Style.Foreground);
                checkedBytes++;
            }
        }
        // Every byte of the stream's data frame and of the datagram's, each layer in another colour than the one before.
        Assert.Equal(dumps.Sum(d => d.Frame.Length), checkedBytes);
        Assert.All(dumps, d => Assert.Equal(d.Layers.Count, d.Layers.Select((_, n) => Theme.Dark.Layer(n).Foreground).Distinct().Count()));
    }

    [Fact]
    public void Fills_exactly_its_lines_and_width_at_any_size()
    {
        var form = WithResult(CraftReports.StreamAndDatagram());
        // Typed text of any kind, wide characters too, keeps every line one terminal line.
        form.EditPayload(new string('x', 200) + " héllo 😀 世界");
        foreach (int width in new[] { 40, 80, 133 })
        {
            var lines = ScreenText.Lines(new CraftScreen(Theme.Dark, form, CraftScreen.ResultLines(Theme.Dark, form.Result!, width), 30), width, 100, ansi: false);
            Assert.Equal(30, lines.Length);
            Assert.All(lines, l => Assert.Equal(width, Spectre.Console.Rendering.Segment.CellCount([new Spectre.Console.Rendering.Segment(l)])));
        }
    }
}
