using System.Net;
using System.Net.Sockets;
using System.Text;
using RawNet.Cli.Tests.Injection;
using RawNet.Protocols.Crafting;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Crafting;

/// <summary><c>rawnet craft EXPR --send -i IFACE --netns NAME</c> in a <see cref="NetworkLab"/>: tcpdump on the peer end sees the crafted frame byte for byte.</summary>
public sealed class CraftSendTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(false, "afpacket")]
    [InlineData(true, "afpacket")]
    [InlineData(false, "libpcap")]
    [InlineData(true, "libpcap")]
    public void The_crafted_frame_arrives_at_the_peer_byte_for_byte_and_its_datagram_is_delivered(bool ipv6, string backend)
    {
        if (backend == "libpcap" && !RawNet.Capture.LibPcap.PcapLibrary.IsAvailable)
            Assert.Skip("libpcap is not available (apt-get install libpcap0.8)");
        using var lab = NetworkLab.Create();
        var path = Path.Combine(Path.GetTempPath(), $"rn-craft-send-{lab.Id}.pcap");
        try
        {
            using var receiver = NetworkLab.RunInNamespace(lab.B.Namespace, () =>
            {
                var s = new Socket(ipv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                s.Bind(new IPEndPoint(ipv6 ? lab.B.Ipv6 : lab.B.Ipv4, 0));
                s.ReceiveTimeout = (int)Bound.TotalMilliseconds;
                return s;
            });
            int port = ((IPEndPoint)receiver.LocalEndPoint!).Port;
            string ip = ipv6 ? $"ipv6 src={lab.A.Ipv6} dst={lab.B.Ipv6} hlim=5" : $"ipv4 src={lab.A.Ipv4} dst={lab.B.Ipv4} ttl=5";
            string expression = $"eth dst={Mac(lab.B)} src={Mac(lab.A)} / {ip} / udp sport=4321 dport={port} / 'crafted {lab.Id}'";
            string stdout;
            using (var tcpdump = lab.StartTcpdump(lab.B, path, $"udp port {port}", count: 1))
            {
                var result = InProcessRawNet.Run("craft", "--color", "never", expression, "--send", "-i", lab.A.Interface, "--netns", lab.A.Namespace, "--backend", backend);
                Assert.True(result.ExitCode == 0, result.StdErr);
                stdout = result.StdOut;
                Assert.True(tcpdump.WaitForExit(Bound), tcpdump.StandardError);
            }
            Assert.True(CraftExpression.TryParse(expression, out var packet, out _));
            var built = packet.Build().ToArray();
            Assert.Contains(backend == "libpcap" ? $"link: {lab.A.Interface} (libpcap): " : $"link: {lab.A.Interface} (ifindex ", stdout);
            Assert.Contains($"sent one {built.Length}-byte frame exactly as built", stdout);
            Assert.Equal(built, Assert.Single(DecodedFrame.ReadAll(path)).Bytes);
            var buffer = new byte[256];
            int n = receiver.Receive(buffer);
            Assert.Equal("crafted " + lab.Id, Encoding.ASCII.GetString(buffer, 0, n));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("ipv4 / udp", "--send", "-i", "lo", "rawnet: craft: --send sends whole Ethernet frames: start the expression with eth (e.g. \"eth / ipv4 / udp\")")]
    [InlineData("eth / ipv4 / udp", "--send", null, null, "rawnet: craft: --send needs -i IFACE")]
    [InlineData("eth / ipv4 / udp", "-i", "lo", null, "rawnet: craft: -i, --netns and --backend only go with --send")]
    public void Send_options_that_do_not_fit_are_usage_errors(string expression, string a, string? b, string? c, string message)
    {
        string[] args = ["craft", expression, a, .. b is null ? [] : new[] { b }, .. c is null ? [] : new[] { c }];
        var (code, stdout, stderr) = InProcessRawNet.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(message, stderr.Trim());
    }

    [Fact]
    public void A_missing_interface_is_one_line()
    {
        ExternalTool.RequireRoot();
        var (code, _, stderr) = InProcessRawNet.Run("craft", "--color", "never", "eth / ipv4 dst=127.0.0.1 / udp / 'x'", "--send", "-i", "rawnet-nosuch0");
        Assert.Equal(1, code);
        Assert.Equal("rawnet: craft: rawnet-nosuch0: No such interface (see rawnet interfaces, or ip link in the namespace)", stderr.Trim());
    }

    private static string Mac(LabEnd end) => string.Join(':', end.Mac.GetAddressBytes().Select(b => b.ToString("x2")));
}
