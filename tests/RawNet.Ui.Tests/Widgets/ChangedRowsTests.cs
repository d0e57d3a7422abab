using System.Text;
using RawNet.Ui.Screens;
using Xunit;

namespace RawNet.Ui.Tests.Widgets;

/// <summary>Only the rows that changed since the last frame go to the terminal; a frame after Forget, or of another height, goes whole.</summary>
public sealed class ChangedRowsTests
{
    private static StringBuilder Frame(params string[] rows)
    {
        var frame = new StringBuilder("\e[?25l");
        for (int i = 0; i < rows.Length; i++)
            frame.Append($"\e[{i + 1};1H\e[38;2;1;2;3m{rows[i]}\e[0m\e[K");
        return frame;
    }

    [Fact]
    public void A_frame_that_changes_two_rows_sends_only_those_rows_at_their_places()
    {
        var rows = new ChangedRows();
        var first = Frame("title", "> 1 row one", "  2 row two", "status");
        Assert.Equal(first.ToString(), rows.Of(first, 4).ToString());
        var second = Frame("title", "  1 row one", "> 2 row two", "status");
        Assert.Equal("\e[?25l\e[2;1H\e[38;2;1;2;3m  1 row one\e[0m\e[K\e[3;1H\e[38;2;1;2;3m> 2 row two\e[0m\e[K", rows.Of(second, 4).ToString());
        // Nothing changed: nothing but the prefix.
        Assert.Equal("\e[?25l", rows.Of(Frame("title", "  1 row one", "> 2 row two", "status"), 4).ToString());
    }

    [Fact]
    public void After_forget_or_a_new_height_the_frame_goes_whole()
    {
        var rows = new ChangedRows();
        rows.Of(Frame("a", "b", "c"), 3);
        rows.Forget();
        var again = Frame("a", "b", "c");
        Assert.Equal(again.ToString(), rows.Of(again, 3).ToString());
        var taller = Frame("a", "b", "c", "d");
        Assert.Equal(taller.ToString(), rows.Of(taller, 4).ToString());
    }

    [Fact]
    public void Rows_past_the_ninth_are_found_by_their_own_move_not_by_a_prefix_of_it()
    {
        var rows = new ChangedRows();
        var names = Enumerable.Range(1, 12).Select(i => $"row {i}").ToArray();
        rows.Of(Frame(names), 12);
        names[10] = "row 11 changed";
        var changed = rows.Of(Frame(names), 12).ToString();
        Assert.Equal("\e[?25l\e[11;1H\e[38;2;1;2;3mrow 11 changed\e[0m\e[K", changed);
    }
}
