using System.Text.RegularExpressions;
using RawNet.Output.Statistics;
using RawNet.Protocols;
using RawNet.Testing;
using RawNet.Ui.Input;
using RawNet.Ui.Model;
using RawNet.Ui.Screens;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>
/// The conversations (C) and expert (E) screens: tshark's conversation rows and expert items, sortable, and Enter
/// showing a conversation's packets (exactly as many as tshark counts for it) or an expert item's first packet.
/// </summary>
public sealed class TablesViewTests
{
    [Theory]
    [InlineData("tcp-analysis/tcp-port-reuse.pcap")]
    [InlineData("tcp-analysis/udp-streams.pcap")]
    [InlineData("tcp-handshake-ipv4.pcap")]
    public void Each_conversation_is_tshark_s_and_enter_shows_its_packets(string name)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var tcp = ExternalTool.Run(tshark, ["-n", "-q", "-r", Views.Capture(name), "-z", "conv,tcp", "-z", "conv,udp"]);
        Assert.True(tcp.ExitCode == 0, tcp.StdErr);
        // tshark's rows: "A:port <-> B:port  frames bytes  frames bytes  frames bytes  start duration"; the total frames column.
        var totals = Regex.Matches(tcp.StdOut, @"<->\s+\S+\s+\d+\s+\d+ bytes\s+\d+\s+\d+ bytes\s+(\d+)\s+(\d+) bytes")
            .Select(m => (Frames: long.Parse(m.Groups[1].Value), Bytes: long.Parse(m.Groups[2].Value))).OrderBy(t => t).ToList();
        var view = Views.Open(name);
        Views.Type(view, "C");
        Assert.Equal(ScreenKind.Conversations, view.Screen);
        var rows = view.Tables.Conversations;
        Assert.Equal(totals, rows.Select(r => (r.Row.Frames, r.Row.Bytes)).OrderBy(t => t).ToList());
        MainScreen.Compose(view, 160, 50);

        // Sorted by bytes, largest first; o sorts by packets; r reverses.
        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.Row.Bytes >= p.Second.Row.Bytes));
        Views.Type(view, "o");
        Assert.Equal(ConversationSort.Packets, view.Tables.Sort);
        Views.Type(view, "r");
        var ascending = view.Tables.Conversations;
        Assert.True(ascending.Zip(ascending.Skip(1)).All(p => p.First.Row.Frames <= p.Second.Row.Frames));

        Views.Type(view, "G");
        var last = view.Tables.Conversations[^1];
        Views.Type(view, "\n");
        Assert.Equal(ScreenKind.Main, view.Screen);
        Assert.Equal(TablesView.FilterFor(last), view.FilterText);
        Assert.Equal(last.Row.Frames, view.ShownCount);
    }

    [Fact]
    public void Expert_items_are_tshark_s_and_enter_goes_to_the_first_packet()
    {
        var view = Views.Open("tcp-analysis/tcp-lossy-upload.pcap");
        Views.Type(view, "E");
        Assert.Equal(ScreenKind.Expert, view.Screen);
        var items = view.Tables.Expert;
        Assert.NotEmpty(items);
        Assert.Equal(ExpertSeverity.Warning, items[0].Severity); // warnings before notes and chats
        var retransmission = items.Single(e => e.Summary.Contains("fast retransmission", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(84, retransmission.FirstFrame);
        int row = items.ToList().IndexOf(retransmission);
        Views.Type(view, new string('j', row) + "\n");
        Assert.Equal(ScreenKind.Main, view.Screen);
        Assert.Equal(83, view.SelectedFrame);
    }
}
