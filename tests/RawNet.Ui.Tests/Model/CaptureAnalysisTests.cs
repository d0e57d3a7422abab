using RawNet.Protocols.Fields;
using RawNet.Testing;
using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>
/// The UI shows every packet's conversation analysis at random, as tshark computes it in one pass over the whole file:
/// jumping straight to any packet (here in a shuffled order, the last ones first) gives the same streams, relative
/// numbers, times and tcp.analysis values tshark prints for it.
/// </summary>
public sealed class CaptureAnalysisTests
{
    private static readonly string[] Fields =
    [
        "frame.time_relative", "frame.time_delta", "tcp.stream", "udp.stream", "tcp.seq", "tcp.ack", "tcp.nxtseq", "tcp.window_size",
        "tcp.window_size_scalefactor", "tcp.time_relative", "tcp.time_delta", "tcp.analysis.flags", "tcp.analysis.acks_frame",
        "tcp.analysis.ack_rtt", "tcp.analysis.initial_rtt", "tcp.analysis.bytes_in_flight", "tcp.analysis.push_bytes_sent",
        "tcp.analysis.retransmission", "tcp.analysis.fast_retransmission", "tcp.analysis.out_of_order", "tcp.analysis.lost_segment",
        "tcp.analysis.duplicate_ack_num", "tcp.analysis.duplicate_ack_frame", "tcp.analysis.zero_window", "tcp.analysis.window_full",
        "tcp.analysis.window_update", "tcp.analysis.keep_alive", "tcp.analysis.rto", "tcp.analysis.rto_frame",
    ];

    public static TheoryData<string> Captures() =>
    [
        "tcp-handshake-ipv4.pcap", "tcp-analysis/tcp-fast-retransmission.pcap", "tcp-analysis/tcp-zero-window.pcap",
        "tcp-analysis/tcp-lossy-upload.pcap", "tcp-analysis/tcp-port-reuse.pcap", "tcp-analysis/udp-streams.pcap",
    ];

    [Theory]
    [MemberData(nameof(Captures))]
    public void Any_packet_picked_at_random_shows_what_tshark_computes_in_one_pass(string name)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var arguments = new List<string> { "-n", "-r", Views.Capture(name), "-T", "fields" };
        foreach (var field in Fields)
            arguments.AddRange(["-e", field]);
        var expected = ExternalTool.Run(tshark, arguments);
        Assert.True(expected.ExitCode == 0, expected.StdErr);
        var rows = expected.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var view = Views.Open(name);
        var order = Enumerable.Range(0, view.TotalCount).Reverse().OrderBy(i => (i * 7919) % 101).ToList();
        var mismatches = new List<string>();
        foreach (int frame in order)
        {
            var packet = view.Source.Decode(frame);
            var want = rows[frame].Split('\t');
            for (int f = 0; f < Fields.Length; f++)
            {
                string got = Value(Fields[f], packet, view.Source.Frame);
                if (got != want[f])
                    mismatches.Add($"packet {frame + 1} {Fields[f]}: tshark '{want[f]}' ui '{got}'");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(20)));
    }

    [Fact]
    public void The_problem_keys_walk_the_bad_tcp_packets_and_the_status_bar_counts_them()
    {
        var view = Views.Open("tcp-analysis/tcp-fast-retransmission.pcap");
        Assert.True(view.Source.Analysis!.WaitFor(view.TotalCount - 1, TestContext.Current.CancellationToken));
        var bad = new List<int>();
        for (int frame = 0; frame < view.TotalCount; frame++)
        {
            var packet = view.Source.Decode(frame);
            string flags = Value("tcp.analysis.flags", packet, view.Source.Frame);
            bool routine = Value("tcp.analysis.window_update", packet, view.Source.Frame) == "1";
            if (flags == "1" && !routine)
                bad.Add(frame);
        }
        Assert.NotEmpty(bad);
        view.First();
        var visited = new List<int>();
        for (int i = 0; i < bad.Count + 1; i++)
        {
            int before = view.SelectedFrame;
            view.JumpToProblem(forward: true);
            if (view.SelectedFrame == before)
                break;
            visited.Add(view.SelectedFrame);
        }
        Assert.Equal(bad, visited);
        view.JumpToProblem(forward: false);
        Assert.Equal(bad[^2], view.SelectedFrame);
        Assert.Contains("expert: ", RawNet.Ui.Widgets.StatusBar.Text(view));
        Assert.Contains("warning", RawNet.Ui.Widgets.StatusBar.Text(view));
    }

    [Fact]
    public void Rows_ahead_of_the_analysis_are_shown_at_once_and_again_with_the_analysis_when_it_reaches_them()
    {
        const string name = "tcp-analysis/tcp-lossy-upload.pcap";
        var analysed = Views.Open(name);
        Assert.True(analysed.Source.Analysis!.WaitFor(analysed.TotalCount - 1, TestContext.Current.CancellationToken));

        // The analysis has not started: every frame is "far ahead" of it, as the last page is right after opening a large file.
        using var index = CaptureIndex.Build(Views.Capture(name), null, TestContext.Current.CancellationToken);
        using var analysis = CaptureAnalysis.Unstarted(index);
        var view = new CaptureView(new PacketSource(index, verifyChecksums: true, analysis, analysisWaitWindow: 0), "captures/" + name);
        view.Last();
        view.ToggleExpand();
        var early = Enumerable.Range(0, index.Count).Select(view.Source.Row).ToList();
        var earlyTree = view.Tree.Select(line => line.Text).ToList();
        // Decoded alone, the rows lack what only the analysis knows: tshark's relative sequence numbers.
        Assert.Contains(Enumerable.Range(0, index.Count), frame => early[frame].Info != analysed.Source.Row(frame).Info);
        Assert.False(view.AnalysisArrived);

        analysis.Begin();
        Assert.True(analysis.WaitFor(index.Count - 1, TestContext.Current.CancellationToken));
        Assert.True(view.AnalysisArrived);
        for (int frame = 0; frame < index.Count; frame++)
            Assert.Equal(analysed.Source.Row(frame), view.Source.Row(frame));
        analysed.Last();
        analysed.ToggleExpand();
        Assert.Equal(analysed.Tree.Select(line => line.Text), view.Tree.Select(line => line.Text));
        Assert.NotEqual(earlyTree, view.Tree.Select(line => line.Text));
        // Drawn again once: nothing is left to redraw.
        Assert.False(view.AnalysisArrived);
    }

    private static string Value(string name, Protocols.Decoding.DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        Assert.True(FieldCatalog.TryFind(name, out var definitions));
        var values = new List<string>();
        for (int i = 0; i < packet.LayerCount; i++)
        {
            foreach (var definition in definitions)
            {
                if (definition.Layer != packet[i].Kind)
                    continue;
                for (int n = 0; FieldReader.TryRead(definition, packet, i, frame, n, out var value); n++)
                    values.Add(FieldFormatter.Format(definition, value, packet.BufferOf(packet[i], frame)));
            }
        }
        return string.Join(',', values);
    }
}
