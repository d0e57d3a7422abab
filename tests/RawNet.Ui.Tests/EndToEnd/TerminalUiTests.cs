using RawNet.Testing;
using Xunit;
using static RawNet.Ui.Tests.EndToEnd.RawnetProgram;

namespace RawNet.Ui.Tests.EndToEnd;

/// <summary>The real <c>rawnet ui</c> in a 120x40 tmux terminal, driven by keys, judged by what is on screen.</summary>
public sealed class TerminalUiTests
{
    private static TmuxSession Start(string arguments) =>
        // After rawnet ends the shell prints its exit code on the normal screen and stays a while so the test can read it.
        new($"'{Dotnet}' '{Rawnet}' {arguments}; echo \"{Exited}$?\"; sleep 60");

    [Fact]
    public void Keys_move_expand_switch_panes_filter_show_statistics_and_quit()
    {
        var capture = Path.Combine(TestPaths.Captures, "tcp-handshake-ipv4.pcap");
        using var ui = Start($"ui '{capture}'");
        var screen = ui.WaitFor("Packets (10 shown of 10)");
        Assert.Contains(">       1    0.000000 198.18.0.1", screen, StringComparison.Ordinal);

        ui.Keys("j", "j");
        screen = ui.WaitFor("| Packet 3");
        Assert.Contains(">       3    0.002000 198.18.0.1", screen, StringComparison.Ordinal);

        ui.Keys("Enter");
        screen = ui.WaitFor("Time since reference or first frame (frame.time_relative): 0.002000000");
        Assert.Contains("- Frame 3", screen, StringComparison.Ordinal);

        ui.Keys("Tab");
        ui.WaitFor("━━ Packet details");
        // The last tree line is TCP's checksum verdict; above it the SEQ/ACK analysis (heading and three values) and the
        // timestamps (heading and two), then the urgent pointer, bytes 52-53 of the frame.
        ui.Keys("G");
        screen = ui.WaitFor("iRTT (tcp.analysis.initial_rtt): 0.002000000");
        Assert.Contains("[SEQ/ACK analysis]", screen, StringComparison.Ordinal);
        Assert.Contains("This is an ACK to the segment in frame (tcp.analysis.acks_frame): 2", screen, StringComparison.Ordinal);
        ui.Keys("k", "k", "k", "k", "k", "k", "k", "k");
        screen = ui.WaitFor("Bytes (highlighted: 52-53, 2 bytes)");
        Assert.Contains(">    Urgent Pointer (tcp.urgent_pointer): 0  [52-53]", screen, StringComparison.Ordinal);
        Assert.Contains("Checksum (tcp.checksum)", screen, StringComparison.Ordinal);

        ui.Keys("/");
        ui.WaitFor("Filter: _");
        ui.Type("tcp.srcprot");
        screen = ui.WaitFor("^ unknown field 'tcp.srcprot'");
        // Esc and the next key sent together read as Alt+key (as in any terminal): wait for Esc to land first.
        ui.Keys("Escape");
        ui.WaitFor("Filter: (none");
        ui.Keys("/");
        ui.Type("tcp");
        ui.Keys("Enter");
        screen = ui.WaitFor("| filter: tcp |");
        Assert.Contains("Filter: tcp", screen, StringComparison.Ordinal);

        ui.Keys("s");
        // Waiting for the last line wanted: tmux may catch the screen while it is being drawn.
        screen = ui.WaitFor("198.18.0.1:40000 <-> 198.18.0.2:80  packets:10 bytes:641");
        Assert.Contains("Statistics (as rawnet stats)", screen, StringComparison.Ordinal);
        Assert.Contains("Protocol hierarchy", screen, StringComparison.Ordinal);

        ui.Keys("Escape");
        ui.WaitFor("Packets (");
        ui.Keys("?");
        ui.WaitFor("Help: keys");
        ui.Keys("Escape");
        ui.WaitFor("Packets (");
        ui.Keys("Tab", "Tab", "G");
        ui.WaitFor("| Packet 10");

        ui.Keys("q");
        screen = ui.WaitFor(Exited);
        Assert.Contains(Exited + "0", screen, StringComparison.Ordinal);
        // The alternate screen is gone: the UI's lines are no longer visible.
        Assert.DoesNotContain("Packets (", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void The_t_key_cycles_the_time_formats()
    {
        var capture = Path.Combine(TestPaths.Captures, "tcp-analysis", "tcp-rto-retransmission.pcap");
        using var ui = Start($"ui '{capture}'");
        var screen = ui.WaitFor("Packets (");
        Assert.Contains("       3    0.005030 ", screen, StringComparison.Ordinal);
        // Each press moves to the next format (the status bar names it, TimeFormatTests checks every value against tshark).
        ui.Keys("t");
        ui.WaitFor("       3    0.000030 ");
        ui.Keys("t", "t");
        ui.WaitFor("       3 22:13:20.005030 ");
        ui.Keys("t");
        ui.WaitFor("       3 2023-11-14 22:13:20.005030 ");
        ui.Keys("t");
        ui.WaitFor("       3 1700000000.005030 ");
        ui.Keys("t");
        ui.WaitFor("       3    0.005030 ");
        ui.Keys("q");
        ui.WaitFor(Exited);
    }

    [Fact]
    public void F_follows_the_stream_in_two_colours_and_esc_goes_back_with_its_filter()
    {
        var capture = Path.Combine(TestPaths.Captures, "tcp-handshake-ipv4.pcap");
        using var ui = Start($"ui '{capture}'");
        ui.WaitFor("Packets (10 shown of 10)");
        ui.Keys("j", "j", "j");
        ui.WaitFor("| Packet 4");
        ui.Keys("f");
        var screen = ui.WaitFor("Follow TCP stream 0: 198.18.0.1:40000 → 198.18.0.2:80");
        Assert.Contains("GET / HTTP/1.0", screen, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.0 200 OK", screen, StringComparison.Ordinal);
        Assert.Contains("Content-Length: 5", screen, StringComparison.Ordinal);
        Assert.Contains("198.18.0.1:40000: 18 bytes   198.18.0.2:80: 43 bytes", screen, StringComparison.Ordinal);
        Assert.Contains("Filter: tcp.stream eq 0", screen, StringComparison.Ordinal);
        // The client's line and the server's in different colours (tmux shows each as an SGR sequence before the text).
        var colored = ui.ColoredScreen();
        string ColorBefore(string text)
        {
            int at = colored.IndexOf(text, StringComparison.Ordinal);
            Assert.True(at > 0, text);
            int escape = colored.LastIndexOf("\u001b[", at, StringComparison.Ordinal);
            return escape < 0 ? "" : colored[escape..at];
        }
        Assert.NotEqual(ColorBefore("GET / HTTP/1.0"), ColorBefore("HTTP/1.0 200 OK"));
        ui.Keys("Escape");
        // The follow screen's status bar names the filter too: wait for the packet list itself.
        screen = ui.WaitFor("Packets (10 shown of 10)");
        Assert.Contains("| filter: tcp.stream eq 0 |", screen, StringComparison.Ordinal);
        ui.Keys("q");
        ui.WaitFor(Exited);
    }

    [Fact]
    public void Shift_t_graphs_the_stream_each_kind_zooms_and_enter_goes_to_the_cursor_s_packet()
    {
        var capture = Path.Combine(TestPaths.Captures, "tcp-analysis", "tcp-lossy-upload.pcap");
        using var ui = Start($"ui '{capture}'");
        ui.WaitFor("Packets (");
        ui.Keys("j", "j", "j", "T");
        var screen = ui.WaitFor("Sequence numbers (Stevens)");
        Assert.Contains("TCP stream 0 graph", screen, StringComparison.Ordinal);
        screen = ui.WaitFor("points from 0 s to"); // the status line under the legend: the whole graph is on screen
        Assert.True(screen.Count(c => c is > '\u2800' and <= '\u28ff') > 20, "braille dots drawn:\n" + screen);
        ui.Keys("2");
        ui.WaitFor("Sequence numbers (tcptrace)");
        ui.Keys("4");
        ui.WaitFor("Round-trip time");
        ui.Keys("5");
        ui.WaitFor("Window scaling");
        ui.Keys("1", "l", "+");
        screen = ui.WaitFor("frame ");
        var cursor = System.Text.RegularExpressions.Regex.Match(screen, @"frame (\d+) at");
        Assert.True(cursor.Success, screen);
        ui.Keys("Enter");
        ui.WaitFor($"| Packet {cursor.Groups[1].Value}");
        ui.Keys("q");
        ui.WaitFor(Exited);
    }

    [Fact]
    public void Vim_counts_marks_and_colon_go_to_packets()
    {
        var capture = Path.Combine(TestPaths.Captures, "tcp-analysis", "tcp-lossy-upload.pcap");
        using var ui = Start($"ui '{capture}'");
        ui.WaitFor("Packets (201 shown of 201)");
        ui.Type("10");
        ui.WaitFor("10_  (count:");
        ui.Type("j");
        ui.WaitFor("| Packet 11 |");
        ui.Type(":84");
        ui.WaitFor(":84_  (N Enter goes to packet N");
        ui.Keys("Enter");
        var screen = ui.WaitFor("| Packet 84 |");
        Assert.Contains("[TCP Fast Retransmission]", screen, StringComparison.Ordinal);
        ui.Type("ma");
        ui.WaitFor("Mark a: packet 84");
        ui.Type("gg");
        ui.WaitFor("| Packet 1 |");
        ui.Type("'a");
        ui.WaitFor("| Packet 84 |");
        ui.Keys("q");
        ui.WaitFor(Exited);
    }

    [Fact]
    public void Y_copies_by_osc_52_and_to_a_private_file_and_colon_w_saves_the_packets_shown_as_pcapng()
    {
        var capture = Path.Combine(TestPaths.Captures, "tcp-analysis", "tcp-lossy-upload.pcap");
        var directory = Directory.CreateTempSubdirectory("rawnet-copy-");
        // Run by root, the UI gives root up (to nobody): the directory it writes in must let it.
        ExternalTool.Run("chmod", ["777", directory.FullName]);
        try
        {
            string clipboard = Path.Combine(directory.FullName, "clipboard.txt"), saved = Path.Combine(directory.FullName, "retransmissions.pcapng");
            using var ui = new TmuxSession($"RAWNET_CLIPBOARD_FILE='{clipboard}' '{Dotnet}' '{Rawnet}' ui '{capture}'; echo \"{Exited}$?\"; sleep 60");
            ui.AcceptClipboard();
            ui.WaitFor("Packets (201 shown of 201)");
            ui.Type(":84");
            ui.Keys("Enter");
            ui.WaitFor("| Packet 84 |");
            ui.Type("y");
            ui.WaitFor("y_  (copy:");
            ui.Type("y");
            ui.WaitFor("Copied ");
            string row = ui.PasteBuffer();
            Assert.StartsWith("84\t", row, StringComparison.Ordinal);
            Assert.Contains("[TCP Fast Retransmission]", row, StringComparison.Ordinal);
            Assert.Equal(row, File.ReadAllText(clipboard));
            Assert.Equal("600", ExternalTool.Run("stat", ["-c", "%a", clipboard]).StdOut.Trim());

            // Fast retransmissions are retransmissions too; a short filter leaves the status line room on a 120-column bar.
            const string Filter = "tcp.analysis.retransmission";
            ui.Type("/" + Filter);
            ui.Keys("Enter");
            ui.WaitFor("| filter: tcp.analysis.retransmission");
            ui.Type($":w {saved}");
            ui.Keys("Enter");
            var screen = ui.WaitFor("Saved ");
            var tshark = ExternalTool.Require("tshark", "tshark");
            var expected = ExternalTool.Run(tshark, ["-n", "-r", capture, "-Y", Filter, "-T", "fields", "-e", "frame.number", "-e", "frame.len", "-e", "tcp.seq_raw"]);
            var got = ExternalTool.Run(tshark, ["-n", "-r", saved, "-T", "fields", "-e", "frame.number", "-e", "frame.len", "-e", "tcp.seq_raw"]);
            // Nothing but tshark's note about running as root: no warning about the file.
            Assert.True(got.ExitCode == 0 && got.StdErr.Split('\n').All(line => line.Length == 0 || line.StartsWith("Running as user", StringComparison.Ordinal)), got.StdErr);
            var want = expected.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var have = got.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains($"Saved {want.Length} packets to ", screen, StringComparison.Ordinal);
            // The same frames in the same order (renumbered from 1, as any exported file).
            Assert.Equal(want.Select(line => line[line.IndexOf('\t')..]), have.Select(line => line[line.IndexOf('\t')..]));
            ui.Type($":w {saved}");
            ui.Keys("Enter");
            ui.WaitFor("Exists, not saved");
            ui.Keys("q");
            ui.WaitFor(Exited);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Ctrl_f_finds_a_string_then_n_and_shift_n_walk_the_matches()
    {
        var capture = Path.Combine(TestPaths.Captures, "tcp-analysis", "tcp-lossy-upload.pcap");
        using var ui = Start($"ui '{capture}'");
        ui.WaitFor("Packets (201 shown of 201)");
        ui.Keys("C-f");
        ui.WaitFor("Find string in list: _");
        ui.Type("Dup ACK 76#");
        ui.Keys("Enter");
        ui.WaitFor("| Packet 81 |");
        ui.Type("n");
        ui.WaitFor("| Packet 83 |");
        ui.Type("N");
        ui.WaitFor("| Packet 81 |");
        ui.Keys("C-f", "Tab", "Tab", "Tab"); // string, hex, regex, display filter
        ui.WaitFor("Find display filter: Dup ACK 76#_");
        for (int i = 0; i < "Dup ACK 76#".Length; i++)
            ui.Keys("BSpace");
        ui.Type("tcp.analysis.retransmission && frame.number > 100");
        ui.Keys("Enter");
        ui.WaitFor("| Packet 195 |");
        ui.Keys("q");
        ui.WaitFor(Exited);
    }

    [Fact]
    public void Shift_c_lists_conversations_and_shift_e_expert_items_and_enter_goes_to_them()
    {
        var capture = Path.Combine(TestPaths.Captures, "tcp-analysis", "tcp-port-reuse.pcap");
        using var ui = Start($"ui '{capture}'");
        ui.WaitFor("Packets (");
        ui.Keys("C");
        var screen = ui.WaitFor("Conversations (3; sorted by Bytes ↓)");
        Assert.Contains("Rel start", screen, StringComparison.Ordinal); // bits/s each way follow on a wider terminal
        ui.Keys("Enter");
        ui.WaitFor("| filter: tcp.stream eq ");
        ui.Keys("E");
        screen = ui.WaitFor("Expert information (");
        Assert.Contains("A new tcp session is started with the same ports", screen, StringComparison.Ordinal);
        ui.Keys("Escape");
        ui.WaitFor("━━ Packets (");
        ui.Keys("q");
        ui.WaitFor(Exited);
    }

    [Fact]
    public void Ctrl_c_quits_and_restores_the_terminal()
    {
        var capture = Path.Combine(TestPaths.Captures, "icmp-errors.pcap");
        using var ui = Start($"ui '{capture}'");
        ui.WaitFor("shown of");
        ui.Keys("C-c");
        var screen = ui.WaitFor(Exited);
        Assert.DoesNotContain("shown of", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resized_terminal_is_laid_out_again()
    {
        var capture = Path.Combine(TestPaths.Captures, "tcp-handshake-ipv4.pcap");
        using var ui = new TmuxSession($"'{Dotnet}' '{Rawnet}' ui '{capture}'", 120, 40);
        ui.WaitFor("Packets (10 shown of 10)");
        ui.Resize(80, 24);
        var screen = ui.WaitFor(RawNet.Ui.Widgets.FilterBar.Keys[..80] + "\n"); // the key hint cut at 80 columns
        Assert.All(screen.Split('\n'), line => Assert.True(line.Length <= 80, line));
        ui.Keys("q");
    }
}
