using RawNet.Ui.Screens;
using RawNet.Ui.Widgets;
using Xunit;

namespace RawNet.Ui.Tests.Widgets;

/// <summary>One terminal update is one string that places every line with a cursor move and never scrolls.</summary>
public sealed class ScreenTextTests
{
    [Fact]
    public void A_frame_positions_every_row_clears_its_tail_and_has_no_newline()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        string frame = ScreenText.Frame(MainScreen.Compose(view, 80, 24), 80, 24);
        Assert.StartsWith("\e[?25l", frame, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', frame);
        for (int row = 1; row <= 24; row++)
            Assert.Contains($"\e[{row};1H", frame, StringComparison.Ordinal);
        Assert.DoesNotContain("\e[25;1H", frame, StringComparison.Ordinal);
        Assert.Equal(24, frame.Split("\e[0m\e[K").Length - 1);
    }

    [Fact]
    public void The_main_screen_fills_the_terminal_exactly_at_any_size()
    {
        var view = Views.Open("icmp-errors.pcap");
        foreach (var (width, height) in new[] { (40, 10), (80, 24), (120, 40), (200, 60) })
        {
            var lines = ScreenText.Lines(MainScreen.Compose(view, width, height), width, height, ansi: false);
            Assert.Equal(height, lines.Length);
            Assert.All(lines, l => Assert.Equal(width, l.Length));
            Assert.StartsWith(FilterBar.Prompt, lines[0], StringComparison.Ordinal);
            Assert.StartsWith(" icmp-errors.pcap", lines[^1], StringComparison.Ordinal);
        }
    }
}
