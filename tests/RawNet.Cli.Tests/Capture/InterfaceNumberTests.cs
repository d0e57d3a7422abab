using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using RawNet.Capture.Sources;
using RawNet.Capture.LibPcap;
using RawNet.Cli.Commands;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Capture;

/// <summary><c>rawnet capture -i N</c>: N is the interface's number in <c>rawnet interfaces</c>, as in <c>tcpdump -i N</c>.</summary>
public sealed class InterfaceNumberTests
{
    private static void RequireLibPcap()
    {
        if (!PcapLibrary.IsAvailable)
            Assert.Skip("libpcap is not available (apt-get install libpcap0.8)");
    }

    /// <summary>The number <c>rawnet interfaces</c> gives each interface name.</summary>
    private static Dictionary<string, int> ListedNumbers()
    {
        var (code, stdout, stderr) = InProcessRawNet.Run("interfaces");
        Assert.True(code == 0, stderr);
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Regex.Match(line, @"^(\d+)\.(\S+)"))
            .ToDictionary(match => match.Groups[2].Value, match => int.Parse(match.Groups[1].Value));
    }

    [Fact]
    public void A_number_picks_that_entry_of_the_list_and_a_name_is_kept_without_listing()
    {
        IReadOnlyList<string> List() => ["eth0", "any", "lo"];
        Assert.Equal("eth0", NetworkInterfaces.Resolve("1", List, out _));
        Assert.Equal("lo", NetworkInterfaces.Resolve("3", List, out var error));
        Assert.Null(error);
        Assert.Equal("lo", NetworkInterfaces.Resolve("lo", () => throw new InvalidOperationException("listed for a name"), out _));
        Assert.Equal("eth0.5", NetworkInterfaces.Resolve("eth0.5", () => throw new InvalidOperationException("listed for a name"), out _));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("00")]
    [InlineData("99999999999999999999")]
    public void A_number_outside_the_list_is_a_one_line_error(string argument)
    {
        Assert.Null(NetworkInterfaces.Resolve(argument, () => ["eth0", "any", "lo"], out var error));
        Assert.Equal($"{argument}: No such interface number (rawnet interfaces lists 1 to 3)", error);
    }

    [Fact]
    public void Capture_with_a_number_past_the_list_fails_before_opening_anything()
    {
        RequireLibPcap();
        int count = ListedNumbers().Count;
        var (code, stdout, stderr) = InProcessRawNet.Run("capture", "-i", (count + 1).ToString(), "-c", "1");

        Assert.Equal(ExitCode.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Equal($"rawnet: {count + 1}: No such interface number (rawnet interfaces lists 1 to {count})", stderr.Trim());
    }

    [Fact]
    public void Capture_on_lo_by_its_number_sees_datagrams_to_127_0_0_1()
    {
        ExternalTool.RequireRoot();
        RequireLibPcap();
        int number = ListedNumbers()["lo"];
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)receiver.Client.LocalEndPoint!).Port;

        using var rawnet = LiveRawNet.Start(["capture", "-i", number.ToString(), "-f", $"udp and dst port {port}", "-c", "3"]);
        Assert.True(rawnet.IsListening, rawnet.StandardError);
        Assert.StartsWith("listening on lo ", rawnet.StandardError);
        using (var sender = new UdpClient())
        {
            for (int i = 0; i < 3; i++)
                sender.Send(new byte[12], 12, new IPEndPoint(IPAddress.Loopback, port));
        }

        var code = rawnet.WaitForExit(TimeSpan.FromSeconds(30));
        Assert.True(code == 0, $"exit {code?.ToString() ?? "(still running)"}: {rawnet.StandardError}");
        var lines = rawnet.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.EndsWith($" > 127.0.0.1.{port}: UDP, length 12", line));
    }
}
