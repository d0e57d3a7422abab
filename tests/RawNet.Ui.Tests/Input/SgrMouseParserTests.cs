using RawNet.Ui.Input;
using Xunit;

namespace RawNet.Ui.Tests.Input;

/// <summary>SGR mouse reports picked out of the keys .NET reads, whole, split across reads, interleaved with keys, or garbled.</summary>
public sealed class SgrMouseParserTests
{
    /// <summary>What Console.ReadKey returns for <paramref name="text"/> read at once: one character a key (as .NET hands over an unknown sequence).</summary>
    private static IEnumerable<ConsoleKeyInfo> Keys(string text) => text.Select(c => c == '\e' ? new ConsoleKeyInfo('\e', ConsoleKey.Escape, false, false, false) : KeyMap.FromChar(c));

    /// <summary>Feeds <paramref name="reads"/> one after the other, flushing after each read (nothing more came in time).</summary>
    private static List<InputEvent> Parse(params IEnumerable<ConsoleKeyInfo>[] reads)
    {
        var parser = new SgrMouseParser();
        var output = new InputEvent[SgrMouseParser.MaxEventsPerFeed];
        var events = new List<InputEvent>();
        foreach (var read in reads)
        {
            foreach (var key in read)
                events.AddRange(output.AsSpan(0, parser.Feed(key, output)).ToArray());
            events.AddRange(output.AsSpan(0, parser.Flush(output)).ToArray());
        }
        return events;
    }

    private static string Describe(IEnumerable<InputEvent> events) => string.Join(" ", events.Select(e => e.IsMouse
        ? $"{e.Mouse.Action}{e.Mouse.Button}@{e.Mouse.Column},{e.Mouse.Row}"
        : e.Key.Key == ConsoleKey.Escape ? "Esc" : (e.Key.Modifiers.HasFlag(ConsoleModifiers.Alt) ? "Alt+" : "") + e.Key.KeyChar));

    [Fact]
    public void Presses_releases_drags_and_wheel_notches_decode_with_0_based_cells()
    {
        Assert.Equal("Press0@9,4 Release0@9,4", Describe(Parse(Keys("\e[<0;10;5M\e[<0;10;5m"))));
        Assert.Equal("Drag0@0,7 Press2@119,39", Describe(Parse(Keys("\e[<32;1;8M\e[<2;120;40M"))));
        Assert.Equal("WheelUp0@3,2 WheelDown1@3,2", Describe(Parse(Keys("\e[<64;4;3M\e[<65;4;3M"))));
        // Modifier bits (shift 4, alt 8, ctrl 16) do not change what a click is.
        Assert.Equal("Press0@0,0", Describe(Parse(Keys("\e[<28;1;1M"))));
    }

    [Fact]
    public void Keys_and_reports_interleave_and_escape_alone_stays_a_key()
    {
        Assert.Equal("j Press0@1,1 k Esc q", Describe(Parse(Keys("j\e[<0;2;2Mk"), Keys("\e"), Keys("q"))));
        // ESC then another key in one read: both keys, as before mouse mode.
        Assert.Equal("Esc x Esc [ ]", Describe(Parse(Keys("\ex\e[]"))));
    }

    [Fact]
    public void A_report_split_across_reads_is_joined_when_the_rest_comes_in_time()
    {
        // The reader waits a moment for the rest while a report is pending; here every split point, without a flush.
        const string report = "\e[<0;12;34M";
        for (int cut = 1; cut < report.Length; cut++)
        {
            var parser = new SgrMouseParser();
            var output = new InputEvent[SgrMouseParser.MaxEventsPerFeed];
            var events = new List<InputEvent>();
            foreach (var key in Keys(report[..cut]).Concat(Keys(report[cut..])))
                events.AddRange(output.AsSpan(0, parser.Feed(key, output)).ToArray());
            Assert.Equal("Press0@11,33", Describe(events));
        }
        // What .NET makes of a read that ends after "ESC [" (a '[', the ESC lost) or after "ESC [ <" (F7 with Shift and
        // Control, no character): the rest, when it follows at once, completes the report.
        Assert.Equal("Press0@11,33", Describe(Parse([.. Keys("["), .. Keys("<0;12;34M")])));
        Assert.Equal("Press0@11,33", Describe(Parse([new ConsoleKeyInfo('\0', ConsoleKey.F7, true, false, true), .. Keys("0;12;34M")])));
        // Otherwise they are the keys they are.
        Assert.Equal("[ [ x", Describe(Parse(Keys("["), Keys("[x"))));
    }

    [Fact]
    public void A_report_cut_short_or_garbled_is_dropped_without_a_single_key_leaking()
    {
        // Cut short: the rest never came (flushed), then the user typed j.
        Assert.Equal("j", Describe(Parse(Keys("\e[<0;12"), Keys("j"))));
        Assert.Equal("j", Describe(Parse(Keys("\e[<"), Keys("j"))));
        // Garbage inside a report (up to its final byte, as a terminal ends a CSI sequence), too many fields, numbers too
        // long, cell 0, unknown buttons, motion without a button.
        foreach (var garbage in new[] { "\e[<0;1x", "\e[<0;1:?;1M", "\e[<0;1;1;1M", "\e[<0;99999999999;1M", "\e[<0;0;5M", "\e[<;1;1M", "\e[<0;1;M",
            "\e[<128;1;1M", "\e[<66;1;1M", "\e[<35;1;1M", "\e[<64;1;1m", "\e[<0;1;1X" })
            Assert.Equal("q", Describe(Parse(Keys(garbage + "q"))));
        // A new ESC inside a broken report starts over.
        Assert.Equal("Press0@0,0", Describe(Parse(Keys("\e[<0;5\e[<0;1;1M"))));
        // Hostile: a long run of digits and separators stays one dropped report, nothing else.
        Assert.Equal("", Describe(Parse(Keys("\e[<" + new string('9', 10_000)))));
    }

    [Fact]
    public void Parsing_allocates_nothing()
    {
        var parser = new SgrMouseParser();
        var output = new InputEvent[SgrMouseParser.MaxEventsPerFeed];
        var keys = Keys("\e[<0;10;5Mj\e[<64;3;3M\ek").ToArray();
        foreach (var key in keys)
            parser.Feed(key, output);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 100; round++)
        {
            foreach (var key in keys)
                parser.Feed(key, output);
            parser.Flush(output);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
