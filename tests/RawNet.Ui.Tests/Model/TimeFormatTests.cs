using RawNet.Testing;
using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>
/// The Time column in each of the formats the <c>t</c> key cycles through is what Wireshark's packet list shows, for every
/// packet, and for "since the previous displayed packet" under a display filter too. tshark prints all six from one run:
/// the packet list's time columns of each kind (<c>%Rt</c>, <c>%Tt</c>, <c>%Gt</c>, <c>%Aut</c>, <c>%Yut</c>: the UTC
/// ones, as RawNet always shows UTC) and the Time column under <c>-t e</c>, which has no column of its own. On these
/// cases that run prints what six runs of <c>-t r|d|dd|u|ud|e -e _ws.col.Time</c> print (checked 2026-12-07).
/// </summary>
public sealed class TimeFormatTests
{
    /// <summary>Each format, in the order the key cycles through them, and the packet list column tshark shows it in.</summary>
    private static readonly (TimeFormat Format, string Column)[] Formats =
    [
        (TimeFormat.SinceBeginning, "%Rt"), (TimeFormat.SincePreviousCaptured, "%Tt"), (TimeFormat.SincePreviousDisplayed, "%Gt"),
        (TimeFormat.TimeOfDay, "%Aut"), (TimeFormat.DateAndTimeOfDay, "%Yut"), (TimeFormat.SinceEpoch, "%t"),
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
        // Column i + 1 of each line is Formats[i]'s; "%t" is the Time column as -t e formats it.
        var arguments = new List<string> { "-n", "-r", Views.Capture(name), "-t", "e", "-o",
            "gui.column.format:" + string.Join(',', Formats.Select((f, i) => $"\"T{i}\",\"{f.Column}\"")), "-T", "fields", "-e", "frame.number" };
        for (int i = 0; i < Formats.Length; i++)
            arguments.AddRange(["-e", $"_ws.col.T{i}"]);
        if (filter.Length > 0)
            arguments.AddRange(["-Y", filter]);
        var result = ExternalTool.Run(tshark, arguments);
        Assert.True(result.ExitCode == 0, result.StdErr);
        var rows = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToArray();
        Assert.Equal(rows.Length, view.ShownCount);
        var mismatches = new List<string>();
        for (int column = 0; column < Formats.Length; column++)
        {
            var format = Formats[column].Format;
            Assert.Equal(format, view.TimeFormat);
            for (int row = 0; row < rows.Length; row++)
            {
                var want = rows[row];
                int frame = view.FrameAt(row);
                Assert.Equal(want[0], (frame + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                string got = view.TimeText(frame);
                if (got != want[column + 1])
                    mismatches.Add($"{format} packet {frame + 1}: wireshark '{want[column + 1]}' rawnet '{got}'");
            }
            view.CycleTimeFormat();
            Assert.Contains(TimeFormats.Name(view.TimeFormat), view.Status, StringComparison.Ordinal);
        }
        Assert.Equal(TimeFormat.SinceBeginning, view.TimeFormat); // round and back to the start
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(20)));
    }
}
