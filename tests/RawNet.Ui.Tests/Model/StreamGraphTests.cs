using System.Globalization;
using RawNet.Output.Graphs;
using RawNet.Testing;
using RawNet.Ui.Model;
using RawNet.Ui.Screens;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>
/// The graph screen (<c>T</c>): the selected packet's TCP stream in each of the five kinds, zoom and a cursor whose point
/// is a packet of the stream with the values tshark gives it, and Enter going to that packet.
/// </summary>
public sealed class StreamGraphTests
{
    [Fact]
    public void The_lossy_upload_draws_every_kind_and_the_cursor_names_a_packet_with_tshark_s_values()
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        const string name = "tcp-analysis/tcp-lossy-upload.pcap";
        var fields = ExternalTool.Run(tshark, ["-n", "-r", Views.Capture(name), "-T", "fields", "-e", "frame.time_relative", "-e", "tcp.seq", "-e", "tcp.stream"]);
        Assert.True(fields.ExitCode == 0, fields.StdErr);
        var rows = fields.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();

        var view = Views.Open(name);
        view.Move(10);
        view.GraphSelected();
        Assert.Equal(ScreenKind.Graph, view.Screen);
        var graph = view.Graph!;
        Assert.Equal(uint.Parse(rows[view.SelectedFrame][2]), graph.Stream);
        foreach (var kind in StreamGraph.Kinds)
        {
            graph.Show(kind);
            Assert.Null(graph.Problem);
            MainScreen.Compose(view, 160, 50);
            Assert.NotNull(graph.Rendered);
            Assert.True(graph.Rendered!.Lines.Count >= 40, $"{kind}: {graph.Rendered.Lines.Count} lines");
        }

        graph.Show(TcpGraphKind.TimeSequenceStevens);
        MainScreen.Compose(view, 160, 50);
        double whole = graph.Rendered!.To - graph.Rendered.From;
        graph.MoveCursor(0);
        graph.Zoom(0.5);
        MainScreen.Compose(view, 160, 50);
        Assert.InRange(graph.Rendered!.To - graph.Rendered.From, whole * 0.4, whole * 0.6);
        graph.MoveCursor(3);
        MainScreen.Compose(view, 160, 50);
        var point = graph.Rendered!.Cursor;
        Assert.NotNull(point);
        int frame = graph.CursorFrame;
        Assert.True(frame >= 0);
        // The point is the packet's (frame.time_relative, tcp.seq), as tshark reports them.
        Assert.Equal(double.Parse(rows[frame][0], CultureInfo.InvariantCulture), point!.Value.X, 6);
        Assert.Equal(double.Parse(rows[frame][1], CultureInfo.InvariantCulture), point.Value.Y);
        Assert.Equal(graph.Stream, uint.Parse(rows[frame][2]));

        view.JumpToGraphCursor();
        Assert.Equal(ScreenKind.Main, view.Screen);
        Assert.Equal(frame, view.SelectedFrame);
    }

    [Fact]
    public void A_packet_in_no_tcp_stream_says_so()
    {
        var view = Views.Open("udp-exchange.pcap");
        view.GraphSelected();
        Assert.Equal(ScreenKind.Main, view.Screen);
        Assert.Contains("no TCP stream", view.Status, StringComparison.Ordinal);
    }
}
