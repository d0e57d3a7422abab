using System.Text.RegularExpressions;
using RawNet.Testing;
using Xunit;
using static RawNet.Ui.Tests.EndToEnd.RawnetProgram;

namespace RawNet.Ui.Tests.EndToEnd;

/// <summary>
/// The craft screen in the real <c>rawnet ui</c> in tmux: as root inside a namespace of its own (so its loopback traffic
/// meets no other test's), c, a typed payload and Enter give the stream kind's handshake and a byte map whose payload
/// the application wrote; the link kind's martian note shows; all four over IPv6, run while the packets are on screen,
/// fill the table; without CAP_NET_RAW Enter says how to get it, and a run that fails says why, in one line.
/// </summary>
public sealed partial class CraftUiTests
{
    private static string Handshake => Path.Combine(TestPaths.Captures, "tcp-handshake-ipv4.pcap");

    /// <summary>rawnet ui on the handshake capture, started by <paramref name="prefix"/> (ip netns exec ..., setpriv ...), once the packets show.</summary>
    private static TmuxSession Start(string prefix, int width = 120, int height = 40)
    {
        var ui = new TmuxSession($"{prefix} '{Dotnet}' '{Rawnet}' ui '{Handshake}'; echo \"{Exited}$?\"; sleep 60", width, height);
        try
        {
            ui.WaitFor("Packets (10 shown of 10)");
            return ui;
        }
        catch
        {
            ui.Dispose();
            throw;
        }
    }

    /// <summary>c, then Enter on the craft screen as it opened; the screen once <paramref name="text"/> shows.</summary>
    private static string OpenAndSend(TmuxSession ui, string text)
    {
        ui.Keys("c");
        ui.WaitFor("Craft and layers");
        ui.Keys("Enter");
        return Settled(ui, text);
    }

    /// <summary>
    /// The screen once it shows <paramref name="text"/> and stays the same for 200 ms: a frame is written top to bottom,
    /// so a capture the moment a heading appears can still hold the lines of the frame before.
    /// </summary>
    private static string Settled(TmuxSession ui, string text)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string screen = ui.WaitFor(text);
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(200);
            string again = ui.Screen();
            if (again == screen && again.Contains(text, StringComparison.Ordinal))
                return screen;
            screen = again;
        }
        Assert.Fail($"the screen with '{text}' did not settle within 30 s; it was:\n{screen}");
        return screen;
    }

    /// <summary>q, and the program's exit code 0.</summary>
    private static void Quit(TmuxSession ui)
    {
        ui.Keys("q");
        Assert.Contains(Exited + "0", ui.WaitFor(Exited), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s+(\d+)\s+12\s+data\s+application\s*$", RegexOptions.Multiline)]
    private static partial Regex PayloadRow();

    [GeneratedRegex(@"> \S+ IP \S+ > \S+: Flags \[P\.\], seq (\d+):(\d+), ack \d+, .*length 12\b", RegexOptions.Multiline)]
    private static partial Regex DataSegment();

    [Fact]
    public void C_typed_payload_and_enter_show_the_stream_handshake_and_the_byte_map_with_the_payload_written_by_the_application()
    {
        ExternalTool.Require("tmux", "tmux");
        var ip = ExternalTool.Require("ip", "iproute2");
        using var lab = NetworkLab.Create();
        using var ui = Start($"'{ip}' netns exec {lab.A.Namespace}", 200, 60);
        ui.Keys("c");
        var screen = Settled(ui, "Craft and layers");
        Assert.Contains("[stream]", screen, StringComparison.Ordinal);
        Assert.Contains("(nothing sent yet)", screen, StringComparison.Ordinal);

        // Replace the default payload: the field takes q and c as text.
        ui.Keys("/");
        ui.Keys([.. Enumerable.Repeat("BSpace", "hello, layers".Length)]);
        ui.Type("qc tmux says");
        ui.WaitFor("qc tmux says_  (12 of 1400 bytes");
        ui.Keys("Enter");
        screen = Settled(ui, "Result: stream over IPv4, payload 12 bytes");
        Assert.DoesNotContain("sending…", screen, StringComparison.Ordinal);
        // The handshake the kernel made, from the sender (>) and the listener (<), on 127.0.0.1.
        Assert.Matches(@"\s1 > \S+ IP 127\.0\.0\.1\.\d+ > 127\.0\.0\.1\.\d+: Flags \[S\],", screen);
        Assert.Matches(@"\s2 < \S+ IP 127\.0\.0\.1\.\d+ > 127\.0\.0\.1\.\d+: Flags \[S\.\],", screen);
        Assert.Matches(@"\s3 > \S+ IP .*Flags \[\.\], ack \d+,", screen);
        // Sequence numbers are absolute, as rawnet read prints them: the data segment spans 12 of them.
        var data = DataSegment().Match(screen);
        Assert.True(data.Success, "no data segment:\n" + screen);
        Assert.Equal(12, long.Parse(data.Groups[2].Value) - long.Parse(data.Groups[1].Value));
        // The byte map: Ethernet, IPv4 and TCP by the kernel, the 12 payload bytes by the application, ending the frame.
        Assert.Matches(@"\n\s+0\s+14\s+eth\s+kernel", screen);
        Assert.Matches(@"\n\s+14\s+20\s+ip\s+kernel", screen);
        Assert.Matches(@"\n\s+34\s+\d+\s+tcp\s+kernel", screen);
        var row = PayloadRow().Match(screen);
        Assert.True(row.Success, "no payload row in the byte map:\n" + screen);
        int offset = int.Parse(row.Groups[1].Value);
        Assert.Contains($"data [{offset}-{offset + 11}]", screen, StringComparison.Ordinal);

        // The end of the result: the table with the payload and the frames counted.
        ui.Keys("G");
        screen = Settled(ui, "(overhead: the share");
        Assert.Matches(@"\nstream\s+12\s+\d+\s+\d+\s+\d+\.\d%", screen);

        // The link kind: every byte RawNet's, and the note that IPv4 loopback drops the frame as a martian.
        ui.Keys("l", "l", "l");
        ui.WaitFor("[link]");
        ui.Keys("Enter");
        screen = Settled(ui, "Result: link over IPv4");
        Assert.Contains("martian", screen, StringComparison.Ordinal);
        Assert.Matches(@"\n\s+0\s+14\s+eth\s+application", screen);

        // All four over IPv6: every kind's row in the table at the end, the addresses ::1.
        ui.Keys("l", "v");
        ui.WaitFor("[all four]");
        // Back to the packets while it runs: the status bar says when the result is in, c shows it.
        ui.Keys("Enter", "Escape");
        screen = Settled(ui, "Craft: the result is in, c shows it");
        Assert.Contains("Packets (10 shown of 10)", screen, StringComparison.Ordinal);
        ui.Keys("c");
        screen = Settled(ui, "Result: all four over IPv6");
        Assert.Matches(@"\s1 > \S+ IP6 ::1\.\d+ > ::1\.\d+: Flags \[S\],", screen);
        ui.Keys("G");
        screen = Settled(ui, "(overhead: the share");
        foreach (var kind in new[] { "stream", "datagram", "raw", "link" })
            Assert.Matches($@"\n{kind}\s+12\s+\d+\s+\d+\s+\d+\.\d%", screen);

        ui.Keys("Escape");
        ui.WaitFor("Packets (10 shown of 10)");
        Quit(ui);
    }

    [Fact]
    public void Without_cap_net_raw_enter_on_the_craft_screen_says_how_to_get_it_and_the_ui_stays_up()
    {
        ExternalTool.RequireRoot();
        var setpriv = ExternalTool.Require("setpriv", "util-linux");
        ExternalTool.Require("tmux", "tmux");
        using var ui = Start($"'{setpriv}' --inh-caps=-all --bounding-set=-all");
        var screen = OpenAndSend(ui, "capturing needs CAP_NET_RAW; run as root");
        Assert.Contains("sudo setcap", screen, StringComparison.Ordinal);
        Assert.Contains("(nothing sent yet)", screen, StringComparison.Ordinal);
        ui.Keys("c");
        ui.WaitFor("Packets (10 shown of 10)");
        Quit(ui);
    }

    [Fact]
    public void A_run_that_fails_shows_why_in_one_line_and_the_ui_stays_up()
    {
        ExternalTool.Require("tmux", "tmux");
        var ip = ExternalTool.Require("ip", "iproute2");
        using var lab = NetworkLab.Create();
        // Loopback down in the UI's namespace: the experiment's capture cannot start.
        var (code, _, stderr) = lab.RunIn(lab.A.Namespace, ip, "link", "set", "lo", "down");
        Assert.True(code == 0, stderr);
        using var ui = Start($"'{ip}' netns exec {lab.A.Namespace}");
        var screen = OpenAndSend(ui, "the capture on lo failed: interface lo is down");
        Assert.Contains("(nothing sent yet)", screen, StringComparison.Ordinal);
        // Still answering keys: the choice moves, and q quits cleanly.
        ui.Keys("l");
        ui.WaitFor("[datagram]");
        Quit(ui);
    }
}
