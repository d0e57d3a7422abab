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
}
