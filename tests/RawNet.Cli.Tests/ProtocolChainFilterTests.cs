using RawNet.Testing;

namespace RawNet.Cli.Tests;

/// <summary>frame.protocols as a string in display filters, counted as tshark counts (tshark -Y on captures/dns/dns-cases.pcap).</summary>
public class ProtocolChainFilterTests
{
    private static int Count(string filter)
    {
        var run = InProcessRawNet.Run(["read", Path.Combine(TestPaths.Captures, "dns", "dns-cases.pcap"), "-Y", filter, "-T", "fields", "-e", "frame.number"]);
        Assert.True(run.ExitCode == 0, run.StdErr);
        return run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    [Theory]
    [InlineData("frame.protocols contains \"dns\"", 74)]
    [InlineData("frame.protocols == \"eth:ethertype:ip:udp:dns\"", 69)]
    [InlineData("frame.protocols matches \":mdns$\"", 3)]
    [InlineData("frame.protocols contains \"ipv6\" && frame.protocols contains \"llmnr\"", 1)]
    [InlineData("frame.protocols", 79)]
    public void Filters_test_the_chain_as_tshark_does(string filter, int expected) => Assert.Equal(expected, Count(filter));

    [Fact]
    public void Json_and_the_tree_show_the_chain()
    {
        string path = Path.Combine(TestPaths.Captures, "tcp-handshake-ipv4.pcap");
        var json = InProcessRawNet.Run(["read", path, "-T", "json", "-c", "1"]);
        Assert.Contains("\"frame.protocols\":\"eth:ethertype:ip:tcp\"", json.StdOut);
        var tree = InProcessRawNet.Run(["read", path, "-V", "-c", "1"]);
        Assert.Contains("    Protocols in frame (frame.protocols): eth:ethertype:ip:tcp\n", tree.StdOut);
    }
}
