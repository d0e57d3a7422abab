using RawNet.Ui.Theming;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>Every key the UI answers, and the mouse, on a screen of its own; scrolled (by the arrows and the wheel) from <paramref name="top"/> when it does not fit.</summary>
public sealed class HelpScreen(Theme theme, int height, int top = 0) : IRenderable
{
    /// <summary>Key and what it does, in the order shown.</summary>
    public static readonly (string Key, string Action)[] Keys =
    [
        ("Up / k", "previous packet (or tree line, or hex line: the focused pane)"),
        ("Down / j", "next packet (or tree line, or hex line)"),
        ("PgUp / PgDn", "a page up or down"),
        ("Home / g", "first packet (tree: first line)"),
        ("End / G", "last packet (tree: last line); live or replay: follow new packets"),
        ("Enter", "packet list: expand or collapse every layer; tree: the layer under the cursor"),
        ("Tab", "next pane: packets, details, bytes"),
        ("< > { } | \\", "< / > shrink / grow the focused pane; | stacked or side by side; { / } side by side, details narrower / wider (the bytes go to 8 a line); \\ one pane alone (kept in ui.conf)"),
        ("/", "edit the display filter: Enter applies, Esc cancels, Backspace erases"),
        ("s", "statistics: protocol hierarchy and conversations (as rawnet stats)"),
        ("i", "interfaces: choose one and a capture filter, start; while capturing: stop"),
        ("c", "craft and layers: socket kinds' byte maps, transport experiments"),
        ("  x / X", "craft: the run: layers, or a transport experiment (writes ... wire)"),
        ("  a", "craft: loopback or the lab (rawnet lab up; needs --keep-root)"),
        ("  ← / → (h/l)", "craft: the socket kind (stream, datagram = UDP, raw, link, all four)"),
        ("  / or e", "craft: edit the payload (Enter sends, Esc closes the field); v: IPv4 or IPv6"),
        ("  Enter", "craft: send, then scroll the packets, byte map and hex with arrows and PgUp/PgDn"),
        ("] / [", "next / previous packet whose TCP analysis found a problem (Wireshark's \"Bad TCP\")"),
        ("Ctrl-F", "find a packet by string, hex bytes, regular expression or display filter (Tab), in the list, details or bytes (Ctrl-T); Enter finds"),
        ("n / N", "next / previous packet the search finds (n steps a replay while one runs)"),
        ("10j 25G", "a count before a motion: move that many rows; before G, go to that packet"),
        ("ma  'a", "set mark a (any letter) to the selected packet; go back to it"),
        (":N Enter", "go to packet N"),
        (":w FILE Enter", "save the packets shown (all, or the filter's) as pcapng; :w! FILE overwrites"),
        ("yy yf yx yt", "copy the row, the field's value, its bytes as hex, or the whole tree (OSC 52, and a file)"),
        ("f", "follow the selected packet's TCP or UDP stream: its data as text, client red, server blue (tcp.stream eq N goes in the filter; Esc back)"),
        ("C", "conversations (TCP and UDP, as tshark -z conv): o sorts by the next column, r reverses, Enter shows a conversation's packets"),
        ("E", "expert information (as tshark -z expert): Enter goes to an item's first packet"),
        ("T", "graph the selected packet's TCP stream (Wireshark's TCP Stream Graphs): 1-5 kind, d direction, h/l cursor, +/- zoom, 0 all, Enter packet"),
        ("L", "columns of the packet list: add any field (Tab completes its name), remove, reorder (kept in ui.conf)"),
        ("t", "Time column: next of Wireshark's time formats (since the beginning, since the previous captured or displayed packet, time of day, date and time, since 1970; UTC)"),
        ("p", "replay the file at its recorded timing, after the selected packet; p again pauses"),
        ("+ / -", "replay speed: double or halve (x1, x2 ... x64; /2 ... /64)"),
        (". / n", "replay: show the next packet now (step while paused)"),
        ("?", "this help"),
        ("Esc", "back to the packets from help, statistics, interfaces or craft; ends a replay"),
        ("q / Ctrl-C", "quit (the terminal is restored)"),
        ("mouse", "click a packet (double click: Enter), a tree line (a heading, a second click or a double click: Enter) or a byte (its field); wheel scrolls the pane under it; drag a pane's title line (side by side, the border between details and bytes) to resize; click a key hint"),
    ];

    /// <summary>The first key line shown when the screen is scrolled to <paramref name="top"/> in <paramref name="height"/> lines (the title stays).</summary>
    public static int FirstKey(int top, int height) => Math.Clamp(top, 0, Math.Max(0, Keys.Length + 4 - height));

    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var lines = new List<List<Segment>>
        {
            new() { Cells.Title(theme, "Help: keys", true, maxWidth) },
            new() { new Segment(new string(' ', maxWidth), theme.Text) },
        };
        foreach (var (key, action) in Keys.AsSpan(FirstKey(top, height)))
            lines.Add([new Segment(Cells.Fit("  " + key, 16), theme.AccentStrong), new Segment(Cells.Fit(action, maxWidth - 16), theme.Text)]);
        lines.Add([new Segment(new string(' ', maxWidth), theme.Text)]);
        lines.Add([new Segment(Cells.Fit("  Press Esc, q or ? to go back.", maxWidth), theme.Muted)]);
        return Cells.Lines(lines, maxWidth, height);
    }
}
