using System.Globalization;
using System.Text;
using RawNet.Ui.Screens;
using RawNet.Ui.Widgets;
using Spectre.Console.Rendering;
using Xunit;

namespace RawNet.Ui.Tests.Widgets;

/// <summary>The filter bar with typed text of any width: wide characters take two cells and the caret still points at the error.</summary>
public sealed class FilterBarTests
{
    private static int CellsOf(string text) => Segment.CellCount([new Segment(text)]);

    [Theory]
    [InlineData("ip.src == 世界")]
    [InlineData("tcp && 😀😀")]
    [InlineData("frame.len > héllo")]
    public void Typed_wide_characters_keep_both_lines_one_terminal_line_and_the_caret_under_the_error(string draft)
    {
        foreach (int width in new[] { 30, 60, 120 })
        {
            var view = Views.Open("udp-exchange.pcap");
            view.BeginFilter();
            view.EditFilter(draft);
            var problem = view.FilterProblem;
            Assert.NotNull(problem);
            var lines = ScreenText.Lines(new FilterBar(view), width, 2, ansi: false);
            Assert.All(lines, l => Assert.Equal(width, CellsOf(l)));

            int caret = CellsOf(lines[1][..lines[1].IndexOf('^')]);
            if (caret >= width - 1)
                continue; // the error lies beyond what the bar shows at this width
            // The character drawn above the caret is the one the error points at.
            var above = new StringBuilder();
            var elements = StringInfo.GetTextElementEnumerator(lines[0]);
            int used = 0;
            while (elements.MoveNext() && used <= caret)
            {
                if (used == caret)
                    above.Append(elements.GetTextElement());
                used += CellsOf(elements.GetTextElement());
            }
            string expected = problem.Position < draft.Length ? StringInfo.GetNextTextElement(draft, problem.Position) : "_";
            Assert.Equal(expected, above.ToString());
        }
    }
}
