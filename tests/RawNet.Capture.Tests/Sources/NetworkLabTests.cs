using System.Net;
using System.Net.Sockets;
using System.Text;
using RawNet.Files;
using RawNet.Testing;

namespace RawNet.Capture.Tests.Sources;

/// <summary>The lab itself: both ends reach each other over IPv4 and IPv6 at once, frames sent raw arrive, nothing is left behind.</summary>
public sealed class NetworkLabTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_udp_datagram_from_a_reaches_a_socket_in_b_at_once_and_the_namespaces_go_away(bool ipv6)
    {
        string[] namespaces;
        using (var lab = NetworkLab.Create())
        {
            namespaces = [lab.A.Namespace, lab.B.Namespace];
            using var receiver = NetworkLab.RunInNamespace(lab.B.Namespace, () =>
            {
                var s = new Socket(ipv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                s.Bind(new IPEndPoint(ipv6 ? lab.B.Ipv6 : lab.B.Ipv4, 0));
                s.ReceiveTimeout = 5000;
                return s;
            });
            var payload = Encoding.ASCII.GetBytes("rawnet lab " + lab.Id);
            var sourcePort = lab.SendUdp(lab.A, ((IPEndPoint)receiver.LocalEndPoint!).Port, [payload], ipv6);
            var buffer = new byte[100];
            EndPoint sender = new IPEndPoint(ipv6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            var n = receiver.ReceiveFrom(buffer, ref sender);
            Assert.Equal(payload, buffer[..n]);
            Assert.Equal(new IPEndPoint(ipv6 ? lab.A.Ipv6 : lab.A.Ipv4, sourcePort), sender);
        }
        var list = ExternalTool.Run("ip", ["netns", "list"]).StdOut;
        foreach (var ns in namespaces)
            Assert.DoesNotContain(ns, list);
    }

    [Fact]
    public void Raw_frames_sent_from_a_arrive_at_b_as_tcpdump_sees_them()
    {
        using var lab = NetworkLab.Create(mtu: 9000);
        var path = Path.Combine(Path.GetTempPath(), $"rn-lab-{lab.Id}.pcap");
        try
        {
            var frames = Enumerable.Range(0, 20).Select(i => lab.ExperimentalFrame(lab.A, lab.Id, i, 60 + i * 400)).ToList();
            using (var tcpdump = lab.StartTcpdump(lab.B, path, $"ether proto 0x{NetworkLab.ExperimentalEtherType:x4}", count: frames.Count))
            {
                Assert.Equal(frames.Count, NetworkLab.SendFrames(lab.A, frames));
                Assert.True(tcpdump.WaitForExit(TimeSpan.FromSeconds(10)), tcpdump.StandardError);
            }
            var seen = new List<byte[]>();
            using (var reader = CaptureFileReader.Open(path))
            {
                while (reader.TryReadNext(out var frame))
                    seen.Add(frame.Data.ToArray());
            }
            Assert.Equal(frames, seen);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
