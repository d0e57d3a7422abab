using RawNet.Testing;
using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>
/// The Time column in each of the formats the <c>t</c> key cycles through is what Wireshark's packet list shows: tshark's
/// <c>-t r|d|dd|u|ud|e</c> (the UTC ones, as RawNet always shows UTC) with <c>-T fields -e _ws.col.Time</c>, for every
/// packet, and for "since the previous displayed packet" under a display filter too.
/// </summary>
public sealed class TimeFormatTests
{
    private static readonly (TimeFormat Format, string Tshark)[] Formats =
    [
        (TimeFormat.SinceBeginning, "r"), (TimeFormat.SincePreviousCaptured, "d"), (TimeFormat.SincePreviousDisplayed, "dd"),
        (TimeFormat.TimeOfDay, "u"), (TimeFormat.DateAndTimeOfDay, "ud"), (TimeFormat.SinceEpoch, "e"),
    ];

    public static TheoryData<string, string> Cases() => new()
    {
        { "tcp-analysis/tcp-rto-retransmission.pcap", "" },
        { "tcp-analysis/tcp-rto-retransmission.pcap", "tcp.len > 0" },
        { "tcp-analysis/tcp-lossy-upload.pcap", "tcp.analysis.flags" },
        { "icmp-errors.pcap", "" },
        { "udp-exchange.pcap", "udp" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_format_shows_what_wireshark_shows(string name, string filter)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var view = Views.Open(name);
        if (filter.Length > 0)
        {
            view.BeginFilter();
            view.EditFilter(filter);
            Assert.True(view.ApplyFilter());
        }
        Assert.Equal(TimeFormat.SinceBeginning, view.TimeFormat);
        var mismatches = new List<string>();
        foreach (var (format, option) in Formats)
        {
            Assert.Equal(format, view.TimeFormat);
            var arguments = new List<string> { "-n", "-r", Views.Capture(name), "-t", option, "-T", "fields", "-e", "frame.number", "-e", "_ws.col.Time" };
            if (filter.Length > 0)
                arguments.AddRange(["-Y", filter]);
            var result = ExternalTool.Run(tshark, arguments);
            Assert.True(result.ExitCode == 0, result.StdErr);
            var rows = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(rows.Length, view.ShownCount);
            for (int row = 0; row < rows.Length; row++)
            {
                var want = rows[row].Split('\t');
                int frame = view.FrameAt(row);
                Assert.Equal(want[0], (frame + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                string got = view.TimeText(frame);
                if (got != want[1])
                    mismatches.Add($"{format} packet {frame + 1}: wireshark '{want[1]}' rawnet '{got}'");
            }
            view.CycleTimeFormat();
            Assert.Contains(TimeFormats.Name(view.TimeFormat), view.Status, StringComparison.Ordinal);
        }
        Assert.Equal(TimeFormat.SinceBeginning, view.TimeFormat); // round and back to the start
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(20)));
    }
}
