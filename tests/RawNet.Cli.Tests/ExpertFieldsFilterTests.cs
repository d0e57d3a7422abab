using RawNet.Testing;

namespace RawNet.Cli.Tests;

/// <summary>The expert items' fields in display filters and -T fields, counted as tshark counts (tshark -Y on captures/tables/table-expert-cases.pcap).</summary>
public class ExpertFieldsFilterTests
{
    private static readonly string Capture = Path.Combine(TestPaths.Captures, "tables", "table-expert-cases.pcap");

    private static string[] Lines(params string[] arguments)
    {
        var run = InProcessRawNet.Run(["read", Capture, .. arguments]);
        Assert.True(run.ExitCode == 0, run.StdErr);
        return run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Theory]
    [InlineData("_ws.malformed", 4)]
    [InlineData("_ws.expert", 38)]
    [InlineData("_ws.expert.severity == 8388608", 6)]
    [InlineData("_ws.expert.group == 33554432", 24)]
    [InlineData("_ws.expert.message contains \"SYN\"", 8)]
    [InlineData("_ws.malformed.expert", 2)]
    [InlineData("tcp && !_ws.expert", 2)]
    // tshark's names of the severities and groups (tshark -G values), bare or quoted, any case
    [InlineData("_ws.expert.severity == error", 6)]
    [InlineData("_ws.expert.severity == warning", 13)]
    [InlineData("_ws.expert.severity == note", 21)]
    [InlineData("_ws.expert.severity == \"Note\"", 21)]
    [InlineData("_ws.expert.severity != chat", 27)]
    [InlineData("_ws.expert.group == Sequence", 24)]
    [InlineData("_ws.expert.group == \"Malformed\"", 4)]
    [InlineData("_ws.expert.group == checksum", 3)]
    [InlineData("_ws.expert.group == Deprecated", 0)]
    public void Filters_select_what_tshark_selects(string filter, int expected) =>
        Assert.Equal(expected, Lines("-Y", filter, "-T", "fields", "-e", "frame.number").Length);

    [Fact]
    public void A_name_that_is_no_severity_is_one_clear_line()
    {
        var run = InProcessRawNet.Run(["read", Capture, "-Y", "_ws.expert.severity == Sequence"]);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("'Sequence' is not a valid number for _ws.expert.severity", run.StdErr);
        Assert.Single(run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Fields_print_each_item_with_tsharks_numbers()
    {
        var lines = Lines("-Y", "_ws.expert.severity == 8388608 && !_ws.malformed", "-T", "fields", "-e", "frame.number",
            "-e", "_ws.expert", "-e", "_ws.expert.severity", "-e", "_ws.expert.group");
        Assert.Equal("10\tExpert Info (Error/Protocol): Bogus IP length\t8388608\t150994944", lines[0]);
    }

    [Theory]
    [InlineData("truncated.pcap", "1 2 3 4 6")]
    [InlineData("trailer/ethernet.pcap", "51 52 53 54 55 56 57 59 60 62 63 64 65 68 69 70 71 72 73 75 76")]
    public void Short_selects_tsharks_frames_and_prints_its_mark(string capture, string frames)
    {
        // tshark -Y _ws.short's frames (ExpertTreeOracleTests compares every capture's marks)
        var run = InProcessRawNet.Run(["read", Path.Combine(TestPaths.Captures, capture), "-Y", "_ws.short", "-T", "fields", "-e", "frame.number", "-e", "_ws.short"]);
        Assert.True(run.ExitCode == 0, run.StdErr);
        var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(frames, string.Join(' ', lines.Select(l => l.Split('\t')[0])));
        Assert.All(lines, l => Assert.Matches("^\\d+\t\\[Packet size limited during capture: .+ truncated\\]$", l));
    }
}
