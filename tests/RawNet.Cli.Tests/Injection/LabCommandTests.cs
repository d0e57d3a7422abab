using RawNet.Testing;

namespace RawNet.Cli.Tests.Injection;

/// <summary><c>rawnet lab up</c>, <c>status</c>, <c>up</c> again and <c>down</c> on the real rawnet-a/rawnet-b names.</summary>
public sealed class LabCommandTests
{
    [Fact]
    public void Up_status_up_again_down_and_status_round_trip()
    {
        ExternalTool.RequireRoot();
        ExternalTool.Require("ip", "iproute2");
        if (File.Exists("/var/run/netns/rawnet-a") || File.Exists("/var/run/netns/rawnet-b"))
            Assert.Skip("a rawnet lab is already up here; this test leaves other people's labs alone");
        try
        {
            var up = InProcessRawNet.Run("lab", "up");
            Assert.True(up.ExitCode == 0, up.StdErr);
            Assert.Equal("lab is up: rawnet-a (rn-a 198.18.0.1 2001:db8::1) <-> rawnet-b (rn-b 198.18.0.2 2001:db8::2), MTU 9000\n", up.StdOut);

            var again = InProcessRawNet.Run("lab", "up");
            Assert.Equal(0, again.ExitCode);
            Assert.StartsWith("lab is already up", again.StdOut);

            var status = InProcessRawNet.Run("lab", "status");
            Assert.Equal(0, status.ExitCode);
            var lines = status.StdOut.Split('\n');
            Assert.Contains("namespace rawnet-a", lines);
            Assert.Contains("namespace rawnet-b", lines);
            Assert.Contains(lines, l => l.StartsWith("  rn-a ") && l.Contains("mtu 9000") && l.Contains("198.18.0.1/24") && l.Contains("2001:db8::1/64"));
            Assert.Contains(lines, l => l.StartsWith("  rn-b ") && l.Contains("mtu 9000") && l.Contains("198.18.0.2/24") && l.Contains("2001:db8::2/64"));

            // The lab carries traffic: a datagram from a into b's discard port is accepted.
            var send = InProcessRawNet.Run("send", "--via", "datagram", "--to", "[2001:db8::2]:9", "--payload", "lab", "--netns", "rawnet-a");
            Assert.True(send.ExitCode == 0, send.StdErr);
        }
        finally
        {
            var down = InProcessRawNet.Run("lab", "down");
            Assert.Equal("lab is down: deleted rawnet-a and rawnet-b\n", down.StdOut);
        }
        Assert.Equal("lab is down (rawnet lab up creates it)\n", InProcessRawNet.Run("lab", "status").StdOut);
        Assert.Equal("lab is already down\n", InProcessRawNet.Run("lab", "down").StdOut);
    }
}
