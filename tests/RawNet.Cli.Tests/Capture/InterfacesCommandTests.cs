using System.Text.RegularExpressions;
using RawNet.Capture.LibPcap;

namespace RawNet.Cli.Tests.Capture;

public sealed class InterfacesCommandTests
{
    [Fact]
    public void Lists_lo_as_an_up_loopback_with_its_addresses_and_link_type()
    {
        if (!PcapLibrary.IsAvailable)
            Assert.Skip("libpcap is not available (apt-get install libpcap0.8)");
        var (code, stdout, stderr) = InProcessRawNet.Run("interfaces");

        Assert.True(code == 0, stderr);
        var lo = Assert.Single(stdout.Split('\n'), line => Regex.IsMatch(line, @"^\d+\.lo "));
        Assert.Matches(@"^\d+\.lo \[Up, Running, Loopback\] ifindex 1, link-type ETHERNET, ", lo);
        Assert.Contains("127.0.0.1/8", lo);
        // Numbered from 1 without gaps, like tcpdump -D, so the numbers can be compared with its list.
        var numbers = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => int.Parse(line[..line.IndexOf('.')]));
        Assert.Equal(Enumerable.Range(1, numbers.Count()), numbers);
    }

    [Fact]
    public void Lists_the_same_interfaces_in_the_same_order_as_tcpdump_D()
    {
        var tcpdump = RawNet.Testing.ExternalTool.Require("tcpdump", "tcpdump");
        var expected = RawNet.Testing.ExternalTool.Run(tcpdump, ["-D"]).StdOut
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[0]);
        var (_, stdout, _) = InProcessRawNet.Run("interfaces");
        var actual = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[0]);
        Assert.Equal(expected, actual);
    }
}
