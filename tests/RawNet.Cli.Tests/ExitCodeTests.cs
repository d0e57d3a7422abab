using RawNet.Files;
using RawNet.Protocols.Fields;
using RawNet.Testing;

namespace RawNet.Cli.Tests;

/// <summary>Exit codes (0 success, 1 bad input, 2 usage) and the one-line error messages behind them.</summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("rawnet-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Capture(string name) => Path.Combine(TestPaths.Captures, name);

    [Fact]
    public void A_good_file_exits_0_with_one_line_per_packet()
    {
        var (code, stdout, stderr) = InProcessRawNet.Run("read", Capture("tcp-handshake-ipv4.pcap"));
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal(10, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Count_stops_after_n_packets()
    {
        var (code, stdout, _) = InProcessRawNet.Run("read", "-c", "3", Capture("tcp-handshake-ipv4.pcap"));
        Assert.Equal(0, code);
        Assert.Equal(3, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_missing_file_exits_1_with_one_line()
    {
        string missing = Path.Combine(_temp, "nope.pcap");
        var (code, stdout, stderr) = InProcessRawNet.Run("read", missing);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal($"rawnet: {missing}: No such file\n", stderr);
    }

    [Fact]
    public void A_directory_exits_1_with_one_line()
    {
        var (code, _, stderr) = InProcessRawNet.Run("stats", _temp);
        Assert.Equal(1, code);
        Assert.Equal($"rawnet: {_temp}: Is a directory\n", stderr);
    }

    [Fact]
    public void A_file_that_is_not_a_capture_exits_1_naming_file_packet_and_offset()
    {
        string junk = Path.Combine(_temp, "junk.pcap");
        File.WriteAllText(junk, "this is not a capture file at all");
        var (code, stdout, stderr) = InProcessRawNet.Run("read", junk);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"rawnet: {junk}: packet 1 at byte offset 0: ", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_cut_file_prints_every_good_packet_then_one_line_naming_the_damage()
    {
        // Cut the last record of a capture in half: the packets before it are good.
        string source = Capture("tcp-handshake-ipv4.pcap");
        var bytes = File.ReadAllBytes(source);
        string cut = Path.Combine(_temp, "cut.pcap");
        File.WriteAllBytes(cut, bytes[..(bytes.Length - 30)]);
        var expected = InProcessRawNet.Run("read", "-c", "9", source).StdOut;

        var (code, stdout, stderr) = InProcessRawNet.Run("read", cut);

        Assert.Equal(1, code);
        Assert.Equal(expected, stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith($"rawnet: {cut}: packet 10 at byte offset ", line);
        Assert.DoesNotContain("   at ", stderr); // no stack trace
        var error = Assert.Throws<CaptureFileException>(() =>
        {
            using var reader = CaptureFileReader.Open(cut);
            while (reader.TryReadNext(out _)) { }
        });
        Assert.Equal("rawnet: " + error.Message, line);
    }

    [Fact]
    public void Stats_on_a_cut_file_reports_what_was_read_and_exits_1()
    {
        var bytes = File.ReadAllBytes(Capture("udp-exchange.pcap"));
        string cut = Path.Combine(_temp, "cut.pcap");
        File.WriteAllBytes(cut, bytes[..(bytes.Length - 10)]);
        var (code, stdout, stderr) = InProcessRawNet.Run("stats", cut);
        Assert.Equal(1, code);
        Assert.Contains("Packets: 6\n", stdout);
        Assert.StartsWith($"rawnet: {cut}: packet 7 at byte offset ", stderr);
    }

    [Fact]
    public void An_unknown_field_exits_2_listing_the_supported_names()
    {
        var (code, stdout, stderr) = InProcessRawNet.Run("read", "-T", "fields", "-e", "ip.src", "-e", "ip.bogus", Capture("udp-exchange.pcap"));
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("rawnet: unknown field 'ip.bogus'. Supported fields:\n", stderr);
        foreach (var name in FieldCatalog.Names)
            Assert.Contains(name, stderr);
    }

    [Theory]
    [InlineData("read", "-e", "ip.src")]                  // -e without -T fields
    [InlineData("read", "-T", "fields")]                  // -T fields without -e
    [InlineData("read", "-T", "xml")]                     // unknown format
    [InlineData("read", "-V", "-T", "json")]              // a tree is not JSON
    [InlineData("read", "--bogus")]                       // unknown option
    [InlineData("read", "-c", "many")]                    // not a number
    [InlineData("read")]                                  // no file
    [InlineData("frobnicate")]                            // no such command
    public void Usage_errors_exit_2_without_output(params string[] args)
    {
        var withFile = args.Length > 0 && args[0] == "read" && !args.Contains("--bogus") && args.Length > 1
            ? args.Append(Capture("udp-exchange.pcap")).ToArray()
            : args;
        var (code, stdout, stderr) = InProcessRawNet.Run(withFile);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("rawnet: ", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void No_command_at_all_is_a_usage_error()
    {
        var (code, stdout, stderr) = InProcessRawNet.Run();
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("rawnet: ", stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("read", "--help")]
    [InlineData("stats", "--help")]
    [InlineData("read", "-h")]
    public void Help_works_for_every_command(params string[] args)
    {
        var (code, stdout, stderr) = InProcessRawNet.Run(args);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("Usage:", stdout);
        if (args[0] == "read")
        {
            foreach (var option in new[] { "-c", "-V", "-T", "-e", "--no-defrag" })
                Assert.Contains(option, stdout);
        }
    }

    [Fact]
    public void The_top_level_help_lists_every_command_though_a_named_command_builds_only_its_own()
    {
        var (code, stdout, _) = InProcessRawNet.Run("--help");
        Assert.Equal(0, code);
        foreach (var name in new[] { "read", "stats", "follow", "graph", "capture", "interfaces", "craft", "lab", "send", "replay", "layers", "ui" })
            Assert.Matches($@"(?m)^\s+{name}\b", stdout);
        // A command's own help and a misspelt command read the same as when every command was built.
        var (readCode, readHelp, _) = InProcessRawNet.Run("read", "--help");
        Assert.Equal(0, readCode);
        Assert.Contains("--no-defrag", readHelp);
        var (typoCode, typoOut, typoErr) = InProcessRawNet.Run("reed", "x.pcap");
        Assert.Equal(2, typoCode);
        Assert.Equal("", typoOut);
        Assert.Contains("'reed'", typoErr);
    }
}
