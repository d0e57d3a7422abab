using System.Net;
using System.Net.Sockets;
using System.Text;
using RawNet.Protocols;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Injection;

/// <summary>
/// <c>rawnet send</c> from one end of a <see cref="NetworkLab"/> to a listener in the other, with tcpdump in the
/// receiving namespace as the oracle and RawNet's decoder reading what it wrote.
/// </summary>
public sealed class SendCommandTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Stream_connects_sends_and_closes_and_the_wire_shows_the_handshake_the_data_and_the_fins(bool ipv6)
    {
        using var lab = NetworkLab.Create();
        var path = CapturePath(lab);
        try
        {
            using var listener = NetworkLab.RunInNamespace(lab.B.Namespace, () =>
            {
                var s = new Socket(ipv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.Bind(new IPEndPoint(ipv6 ? lab.B.Ipv6 : lab.B.Ipv4, 0));
                s.Listen(1);
                return s;
            });
            int port = ((IPEndPoint)listener.LocalEndPoint!).Port;
            byte[] received = [];
            // A thread, not a task: the accept blocks, and the test's own thread runs the sender meanwhile.
            var reader = new Thread(() =>
            {
                try
                {
                    using var connection = listener.Accept();
                    connection.ReceiveTimeout = (int)Bound.TotalMilliseconds;
                    var data = new MemoryStream();
                    var buffer = new byte[4096];
                    for (int n; (n = connection.Receive(buffer)) > 0 && data.Length < 1 << 16;)
                        data.Write(buffer, 0, n);
                    received = data.ToArray();
                }
                catch (SocketException)
                {
                    // The listener closed (test failed elsewhere) or the read timed out; the assertions say which.
                }
            }) { IsBackground = true };
            reader.Start();
            string to = ipv6 ? $"[{lab.B.Ipv6}]:{port}" : $"{lab.B.Ipv4}:{port}";
            using (var tcpdump = lab.StartTcpdump(lab.B, path, $"tcp port {port}"))
            {
                var (code, stdout, stderr) = InProcessRawNet.Run("send", "--via", "stream", "--to", to, "--payload", "hello over tcp " + lab.Id, "--netns", lab.A.Namespace);
                Assert.True(code == 0, stderr);
                Assert.Contains($"-> {to}: connected, sent {14 + lab.Id.Length + 1} bytes, shut down, closed", stdout);
                Assert.True(reader.Join(Bound));
                Thread.Sleep(200);
                tcpdump.Stop();
            }
            Assert.Equal("hello over tcp " + lab.Id, Encoding.ASCII.GetString(received));

            var frames = DecodedFrame.ReadAll(path);
            Assert.All(frames, f => Assert.Equal([LayerKind.Ethernet, ipv6 ? LayerKind.Ipv6 : LayerKind.Ipv4, LayerKind.Tcp],
                f.Layers.Select(l => l.Kind).Where(k => k != LayerKind.Payload)));
            const int Fin = 0x01, Syn = 0x02, Ack = 0x10;
            var flags = frames.Select(f => f.TcpFlags & 0x17).ToList();
            Assert.Equal([Syn, Syn | Ack, Ack], flags.Take(3));
            var data = Assert.Single(frames, f => f.TransportPayload.Length > 0);
            Assert.Equal("hello over tcp " + lab.Id, Encoding.ASCII.GetString(data.TransportPayload));
            // Both sides closed: two FINs after the data, and no reset.
            Assert.Equal(2, flags.Skip(frames.IndexOf(data)).Count(f => (f & Fin) != 0));
            Assert.DoesNotContain(frames, f => (f.TcpFlags & 0x04) != 0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Datagram_sends_one_udp_datagram_carrying_the_payload(bool ipv6)
    {
        using var lab = NetworkLab.Create();
        var path = CapturePath(lab);
        try
        {
            using var receiver = Receiver(lab, ipv6);
            int port = ((IPEndPoint)receiver.LocalEndPoint!).Port;
            string to = ipv6 ? $"[{lab.B.Ipv6}]:{port}" : $"{lab.B.Ipv4}:{port}";
            using (var tcpdump = lab.StartTcpdump(lab.B, path, $"udp port {port}", count: 1))
            {
                var (code, stdout, stderr) = InProcessRawNet.Run("send", "--via", "datagram", "--to", to, "--payload-hex", "00ff10" + lab.Id, "--netns", lab.A.Namespace);
                Assert.True(code == 0, stderr);
                Assert.Contains($"-> {to}: sent 6 bytes in one UDP datagram", stdout);
                Assert.True(tcpdump.WaitForExit(Bound), tcpdump.StandardError);
            }
            Assert.Equal(Convert.FromHexString("00ff10" + lab.Id), Receive(receiver));
            var frame = Assert.Single(DecodedFrame.ReadAll(path));
            Assert.Equal([LayerKind.Ethernet, ipv6 ? LayerKind.Ipv6 : LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], frame.Layers.Select(l => l.Kind));
            Assert.Equal(Convert.FromHexString("00ff10" + lab.Id), frame.TransportPayload);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Raw_ipv4_arrives_with_the_fields_the_kernel_was_said_to_fill_and_every_other_byte_as_built()
    {
        using var lab = NetworkLab.Create();
        var path = CapturePath(lab);
        try
        {
            const int Port = 9;
            using (var tcpdump = lab.StartTcpdump(lab.B, path, $"tcp dst port {Port}", count: 1))
            {
                var (code, stdout, stderr) = InProcessRawNet.Run("send", "--via", "raw", "--to", $"{lab.B.Ipv4}:{Port}", "--protocol", "tcp", "--flags", "S",
                    "--ttl", "7", "--tos", "16", "--payload", "raw " + lab.Id, "--netns", lab.A.Namespace);
                Assert.True(code == 0, stderr);
                Assert.Contains("kernel fills (raw(7)): IPv4 header checksum and total length (always), identification (sent as 0)", stdout);
                var built = Convert.FromHexString(stdout.Split('\n').Single(l => l.StartsWith("packet: ")).Substring(8));
                Assert.True(tcpdump.WaitForExit(Bound), tcpdump.StandardError);

                var frame = Assert.Single(DecodedFrame.ReadAll(path));
                var ip = frame.Layer(LayerKind.Ipv4);
                var wire = frame.Bytes[ip.Offset..];
                Assert.Equal(built.Length, wire.Length);
                Assert.Equal(built.Length, wire[2] << 8 | wire[3]);                  // total length
                Assert.NotEqual(0, wire[4] << 8 | wire[5]);                          // identification chosen by the kernel
                Assert.Equal(ChecksumStatus.Good, ip.Checksum);
                Assert.Equal(ChecksumStatus.Good, frame.Layer(LayerKind.Tcp).Checksum);
                Assert.Equal(7, wire[8]);
                Assert.Equal(16, wire[1]);
                Assert.Equal(0x02, frame.TcpFlags);
                // Apart from identification and checksum, the kernel sent what RawNet built.
                Assert.Equal(built[..4], wire[..4]);
                Assert.Equal(built[6..10], wire[6..10]);
                Assert.Equal(built[12..], wire[12..]);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Raw_ipv6_udp_gets_its_ipv6_header_and_checksum_from_the_kernel()
    {
        using var lab = NetworkLab.Create();
        using var receiver = Receiver(lab, ipv6: true);
        int port = ((IPEndPoint)receiver.LocalEndPoint!).Port;
        var (code, stdout, stderr) = InProcessRawNet.Run("send", "--via", "raw", "--to", $"[{lab.B.Ipv6}]:{port}", "--payload", "raw6 " + lab.Id, "--netns", lab.A.Namespace);
        Assert.True(code == 0, stderr);
        Assert.Contains("kernel adds: the whole IPv6 header", stdout);
        Assert.Contains("UDP checksum (IPV6_CHECKSUM at offset 6)", stdout);
        // The receiving socket only gets datagrams whose checksum is right.
        Assert.Equal("raw6 " + lab.Id, Encoding.ASCII.GetString(Receive(receiver)));
    }

    [Fact]
    public void Raw_ipv6_tcp_arrives_with_the_kernels_ipv6_header_and_a_good_tcp_checksum()
    {
        using var lab = NetworkLab.Create();
        var path = CapturePath(lab);
        try
        {
            const int Port = 9;
            string stdout;
            using (var tcpdump = lab.StartTcpdump(lab.B, path, $"ip6 and tcp dst port {Port}", count: 1))
            {
                var result = InProcessRawNet.Run("send", "--via", "raw", "--to", $"[{lab.B.Ipv6}]:{Port}", "--protocol", "tcp", "--flags", "SE",
                    "--ttl", "9", "--payload", "raw6 tcp", "--netns", lab.A.Namespace);
                Assert.True(result.ExitCode == 0, result.StdErr);
                stdout = result.StdOut;
                Assert.True(tcpdump.WaitForExit(Bound), tcpdump.StandardError);
            }
            Assert.Contains("TCP checksum (IPV6_CHECKSUM at offset 16)", stdout);
            var built = Convert.FromHexString(stdout.Split('\n').Single(l => l.StartsWith("packet: ")).Substring(8));
            var frame = Assert.Single(DecodedFrame.ReadAll(path));
            var ip = frame.Layer(LayerKind.Ipv6);
            Assert.Equal(9, frame.Bytes[ip.Offset + 7]);                                 // hop limit from --ttl
            Assert.Equal(lab.A.Ipv6.GetAddressBytes(), frame.Bytes[(ip.Offset + 8)..(ip.Offset + 24)]);
            var tcp = frame.Layer(LayerKind.Tcp);
            Assert.Equal(ChecksumStatus.Good, tcp.Checksum);
            Assert.Equal(0x42, frame.TcpFlags);
            // Everything but the checksum the kernel wrote is as RawNet built it.
            var wire = frame.Bytes[tcp.Offset..];
            Assert.Equal(built[..16], wire[..16]);
            Assert.Equal(built[18..], wire[18..]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Raw_ipv4_longer_than_the_mtu_is_message_too_long_naming_the_mtu()
    {
        using var lab = NetworkLab.Create(mtu: 1500);
        var (code, _, stderr) = InProcessRawNet.Run("send", "--via", "raw", "--to", $"{lab.B.Ipv4}:9", "--payload-hex", new string('a', 2 * 1600), "--netns", lab.A.Namespace);
        Assert.Equal(1, code);
        Assert.Equal("rawnet: send: message too long: 1628 bytes do not fit the interface's MTU of 1500 bytes", stderr.Trim());
    }

    [Fact]
    public void Link_sends_a_craft_expressions_frame_as_it_is()
    {
        using var lab = NetworkLab.Create();
        var path = CapturePath(lab);
        try
        {
            using var receiver = Receiver(lab, ipv6: false);
            int port = ((IPEndPoint)receiver.LocalEndPoint!).Port;
            string expression = $"eth dst={MacText(lab.B.Mac)} src={MacText(lab.A.Mac)} / ipv4 src={lab.A.Ipv4} dst={lab.B.Ipv4} ttl=3 / udp sport=4444 dport={port} / 'crafted'";
            using (var tcpdump = lab.StartTcpdump(lab.B, path, $"udp port {port}", count: 1))
            {
                var (code, _, stderr) = InProcessRawNet.Run("send", "--via", "link", "-i", lab.A.Interface, "--to", lab.B.Ipv4.ToString(), "--craft", expression, "--netns", lab.A.Namespace);
                Assert.True(code == 0, stderr);
                Assert.True(tcpdump.WaitForExit(Bound), tcpdump.StandardError);
            }
            Assert.True(RawNet.Protocols.Crafting.CraftExpression.TryParse(expression, out var packet, out _));
            Assert.Equal(packet.Build().ToArray(), Assert.Single(DecodedFrame.ReadAll(path)).Bytes);
            Assert.Equal("crafted", Encoding.ASCII.GetString(Receive(receiver)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Link_puts_the_built_frame_on_the_wire_byte_for_byte()
    {
        using var lab = NetworkLab.Create();
        var path = CapturePath(lab);
        try
        {
            using var receiver = Receiver(lab, ipv6: false);
            int port = ((IPEndPoint)receiver.LocalEndPoint!).Port;
            byte[] built;
            using (var tcpdump = lab.StartTcpdump(lab.B, path, $"udp port {port}", count: 1))
            {
                // The destination MAC comes from the lab's permanent neighbour entry.
                var (code, stdout, stderr) = InProcessRawNet.Run("send", "--via", "link", "-i", lab.A.Interface, "--to", $"{lab.B.Ipv4}:{port}",
                    "--payload", "link " + lab.Id, "--netns", lab.A.Namespace);
                Assert.True(code == 0, stderr);
                built = Convert.FromHexString(stdout.Split('\n').Single(l => l.StartsWith("frame: ")).Substring(7));
                Assert.True(tcpdump.WaitForExit(Bound), tcpdump.StandardError);
            }
            var frame = Assert.Single(DecodedFrame.ReadAll(path));
            Assert.Equal(built, frame.Bytes);
            Assert.Equal(lab.B.Mac.GetAddressBytes(), built[..6]);
            Assert.Equal(lab.A.Mac.GetAddressBytes(), built[6..12]);
            Assert.Equal("link " + lab.Id, Encoding.ASCII.GetString(Receive(receiver)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_closed_port_on_loopback_is_connection_refused_in_one_line()
    {
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }
        var (code, stdout, stderr) = InProcessRawNet.Run("send", "--via", "stream", "--to", $"127.0.0.1:{port}", "--payload", "x");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal($"rawnet: send: connection refused: nothing listens on 127.0.0.1:{port}", stderr.Trim());
    }

    [Theory]
    [InlineData("stream")]
    [InlineData("datagram")]
    public void An_address_the_namespace_has_no_route_to_is_no_route_in_one_line(string via)
    {
        using var lab = NetworkLab.Create();
        // Inside the lab's /15 but outside its /24, and the namespace has no default route: ENETUNREACH, nothing sent.
        var (code, _, stderr) = InProcessRawNet.Run("send", "--via", via, "--to", "198.19.255.1:9", "--payload", "x", "--netns", lab.A.Namespace);
        Assert.Equal(1, code);
        Assert.Equal("rawnet: send: no route to 198.19.255.1:9 (network unreachable: see ip route)", stderr.Trim());
    }

    [Fact]
    public void A_datagram_larger_than_udp_allows_is_message_too_long_in_one_line()
    {
        var (code, _, stderr) = InProcessRawNet.Run("send", "--via", "datagram", "--to", "127.0.0.1:9", "--payload-hex", new string('a', 2 * 65508));
        Assert.Equal(1, code);
        Assert.Equal("rawnet: send: message too long: 65508 bytes do not fit one datagram (at most 65507 payload bytes over IPv4, 65527 over IPv6)", stderr.Trim());
    }

    [Fact]
    public void A_missing_namespace_and_a_missing_interface_are_named()
    {
        var (code, _, stderr) = InProcessRawNet.Run("send", "--via", "datagram", "--to", "127.0.0.1:9", "--netns", "rawnet-nosuch-ns");
        Assert.Equal(1, code);
        Assert.StartsWith("rawnet: send: no network namespace rawnet-nosuch-ns", stderr);
        ExternalTool.RequireRoot();
        (code, _, stderr) = InProcessRawNet.Run("send", "--via", "link", "-i", "rawnet-nosuch0", "--dst-mac", "02:00:00:00:00:01", "--to", "127.0.0.1:9");
        Assert.Equal(1, code);
        Assert.StartsWith("rawnet: send: rawnet-nosuch0: No such interface", stderr);
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("link")]
    public void As_nobody_raw_and_link_name_CAP_NET_RAW_root_and_setcap(string via)
    {
        ExternalTool.RequireRoot();
        var setpriv = ExternalTool.Find("setpriv");
        if (setpriv is null)
            Assert.Skip("setpriv is not installed (apt-get install util-linux)");
        var program = RawNet.Cli.Tests.Capture.PermissionTests.ReadableProgram(setpriv);
        try
        {
            var (code, stdout, stderr) = ExternalTool.Run(setpriv,
                ["--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "env", "HOME=/tmp", "DOTNET_CLI_TELEMETRY_OPTOUT=1",
                 "dotnet", program, "send", "--via", via, "-i", "lo", "--dst-mac", "00:00:00:00:00:00", "--to", "127.0.0.1:9", "--payload", "x"],
                TimeSpan.FromSeconds(10));
            Assert.True(code == 1, $"exit {code}: {stderr}");
            Assert.Equal("", stdout);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal($"rawnet: send: {via} sockets need CAP_NET_RAW: run as root, or give the program the capability (setcap cap_net_raw,cap_net_admin=eip)", line);
        }
        finally
        {
            if (program != RawNetProcess.AssemblyPath)
                Directory.Delete(Path.GetDirectoryName(program)!, recursive: true);
        }
    }

    private static string CapturePath(NetworkLab lab) => Path.Combine(Path.GetTempPath(), $"rn-send-{lab.Id}.pcap");

    private static Socket Receiver(NetworkLab lab, bool ipv6) => NetworkLab.RunInNamespace(lab.B.Namespace, () =>
    {
        var s = new Socket(ipv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        s.Bind(new IPEndPoint(ipv6 ? lab.B.Ipv6 : lab.B.Ipv4, 0));
        s.ReceiveTimeout = (int)Bound.TotalMilliseconds;
        return s;
    });

    private static string MacText(System.Net.NetworkInformation.PhysicalAddress mac) => string.Join(':', mac.GetAddressBytes().Select(b => b.ToString("x2")));

    private static byte[] Receive(Socket receiver)
    {
        var buffer = new byte[2048];
        int n = receiver.Receive(buffer);
        return buffer[..n];
    }
}
