using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using RawNet.Capture.Injection;
using RawNet.Capture.Lab;
using RawNet.Testing;

namespace RawNet.Capture.Tests.Injection;

/// <summary>The lab engine under names of the test's own, and the senders driven from inside its namespaces.</summary>
public sealed class TestNetworkTests
{
    private static TestNetwork Unique(out string id)
    {
        id = RandomNumberGenerator.GetHexString(6, lowercase: true);
        int subnet = RandomNumberGenerator.GetInt32(1, 255);
        return new TestNetwork($"rnt-{id}-a", $"rnt-{id}-b", $"rnt-{id}-a", $"rnt-{id}-b", $"198.18.{subnet}", $"2001:db8:{subnet:x}:", 9000);
    }

    [Fact]
    public void Up_is_idempotent_status_shows_both_ends_the_ends_talk_and_down_removes_everything()
    {
        ExternalTool.RequireRoot();
        ExternalTool.Require("ip", "iproute2");
        var lab = Unique(out var id);
        try
        {
            Assert.Null(lab.Status());
            Assert.True(lab.Up());
            Assert.False(lab.Up());
            Assert.True(lab.Exists);
            var status = lab.Status()!;
            Assert.Contains($"namespace {lab.NamespaceA}\n", status);
            Assert.Contains($"namespace {lab.NamespaceB}\n", status);
            Assert.Contains($"{lab.Ipv4(2)}/24 {lab.Ipv6(2)}/64", status);
            Assert.Contains("mtu 9000", status);

            // IPv6 works at once (no DAD): a datagram from a reaches a socket in b.
            using var receiver = NetworkNamespace.Run(lab.NamespaceB, () =>
            {
                var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
                s.Bind(new IPEndPoint(IPAddress.Parse(lab.Ipv6(2)), 0));
                s.ReceiveTimeout = 5000;
                return s;
            });
            var to = new IPEndPoint(IPAddress.Parse(lab.Ipv6(2)), ((IPEndPoint)receiver.LocalEndPoint!).Port);
            var payload = Encoding.ASCII.GetBytes("testnetwork " + id);
            var outcome = NetworkNamespace.Run(lab.NamespaceA, () => DatagramSender.Send(to, null, payload));
            Assert.Equal(payload, outcome.Bytes);
            var buffer = new byte[100];
            Assert.Equal(payload, buffer[..receiver.Receive(buffer)]);
        }
        finally
        {
            lab.Down();
        }
        Assert.False(lab.Exists);
        Assert.False(lab.Down());
        Assert.DoesNotContain($"rnt-{id}", ExternalTool.Run("ip", ["netns", "list"]).StdOut);
    }

    [Fact]
    public void Up_gives_each_end_a_permanent_neighbour_entry_for_its_peer_so_link_sends_need_no_mac()
    {
        ExternalTool.RequireRoot();
        ExternalTool.Require("ip", "iproute2");
        var lab = Unique(out var id);
        try
        {
            Assert.True(lab.Up());
            var macs = new[] { lab.HardwareAddress(1), lab.HardwareAddress(2) };
            Assert.NotEqual(macs[0], macs[1]);
            var status = lab.Status()!;
            foreach (var (ns, device, peer) in new[] { (lab.NamespaceA, lab.InterfaceA, 2), (lab.NamespaceB, lab.InterfaceB, 1) })
            {
                string mac = string.Join(':', macs[peer - 1].GetAddressBytes().Select(b => b.ToString("x2")));
                var neighbours = ExternalTool.Run("ip", ["-n", ns, "neigh", "show"]).StdOut;
                Assert.Contains($"{lab.Ipv4(peer)} dev {device} lladdr {mac} PERMANENT", neighbours);
                Assert.Contains($"{lab.Ipv6(peer)} dev {device} lladdr {mac} PERMANENT", neighbours);
                Assert.Contains($"  neighbour {lab.Ipv4(peer)} dev {device} lladdr {mac} PERMANENT\n", status);
                Assert.Contains($"  neighbour {lab.Ipv6(peer)} dev {device} lladdr {mac} PERMANENT\n", status);
            }

            // A link-layer send from a finds b's MAC in the table, no --dst-mac and no ping first, over IPv4 and IPv6.
            foreach (var address in new[] { lab.Ipv4(2), lab.Ipv6(2) })
            {
                using var receiver = NetworkNamespace.Run(lab.NamespaceB, () =>
                {
                    var s = new Socket(IPAddress.Parse(address).AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                    s.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                    s.ReceiveTimeout = 5000;
                    return s;
                });
                var to = (IPEndPoint)receiver.LocalEndPoint!;
                var payload = Encoding.ASCII.GetBytes("neighbour " + id);
                var frame = NetworkNamespace.Run(lab.NamespaceA, () =>
                {
                    var built = LinkSender.BuildFrame(lab.InterfaceA, to, null, payload, new HeaderOptions(), null, lab.NamespaceA);
                    LinkSender.Send(lab.InterfaceA, built);
                    return built;
                });
                Assert.Equal(macs[1].GetAddressBytes(), frame[..6]);
                var buffer = new byte[100];
                Assert.Equal(payload, buffer[..receiver.Receive(buffer)]);
            }
        }
        finally
        {
            lab.Down();
        }
    }

    [Fact]
    public void A_namespace_that_does_not_exist_is_a_one_line_failure()
    {
        var e = Assert.Throws<SendFailure>(() => NetworkNamespace.Run("rawnet-nosuch-ns", () => 0));
        Assert.StartsWith("no network namespace rawnet-nosuch-ns", e.Message);
    }

    [Theory]
    [InlineData("S", RawNet.Protocols.Tcp.TcpFlags.Syn)]
    [InlineData("SA", RawNet.Protocols.Tcp.TcpFlags.Syn | RawNet.Protocols.Tcp.TcpFlags.Ack)]
    [InlineData("fpa", RawNet.Protocols.Tcp.TcpFlags.Fin | RawNet.Protocols.Tcp.TcpFlags.Psh | RawNet.Protocols.Tcp.TcpFlags.Ack)]
    [InlineData("R", RawNet.Protocols.Tcp.TcpFlags.Rst)]
    public void Tcp_flag_letters_parse_as_the_craft_language_reads_them(string letters, RawNet.Protocols.Tcp.TcpFlags expected)
    {
        Assert.True(HeaderOptions.TryParseFlags(letters, out var flags));
        Assert.Equal(expected, flags);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Z")]
    [InlineData("S A")]
    public void Bad_tcp_flag_letters_are_refused(string letters) => Assert.False(HeaderOptions.TryParseFlags(letters, out _));
}
