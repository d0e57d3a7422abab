using System.Net;
using System.Net.Sockets;
using System.Text;
using RawNet.Capture.Sources;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Testing;

namespace RawNet.Capture.Tests.Sources;

/// <summary>AF_PACKET fanout groups in a <see cref="NetworkLab"/>: each frame to one socket of a group, every group its own.</summary>
public sealed class FanoutCaptureSourceTests
{
    [Fact]
    public void Two_groups_on_one_interface_each_get_every_frame_once_spread_over_their_sockets()
    {
        using var lab = NetworkLab.Create();
        var options = new CaptureOptions(lab.B.Interface, 2048, Filter: "udp", BufferBytes: 4 << 20);
        var (first, second) = NetworkLab.RunInNamespace(lab.B.Namespace, () =>
            (AfPacketCaptureSource.OpenFanout(options, 2), AfPacketCaptureSource.OpenFanout(options, 2)));
        var sources = first.Concat(second).ToList();
        try
        {
            Assert.All(first, s => Assert.Equal(first[0].FanoutGroup, s.FanoutGroup));
            Assert.All(second, s => Assert.Equal(second[0].FanoutGroup, s.FanoutGroup));
            // The kernel picked two ids: the second capture did not join the first one's group.
            Assert.NotEqual(first[0].FanoutGroup, second[0].FanoutGroup);

            // Bounded: 32 flows of 5 datagrams, from A to B.
            var sent = NetworkLab.RunInNamespace(lab.A.Namespace, () =>
            {
                var payloads = new List<string>();
                var sockets = Enumerable.Range(0, 32).Select(_ => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)).ToList();
                try
                {
                    for (var round = 0; round < 5; round++)
                    {
                        for (var flow = 0; flow < sockets.Count; flow++)
                        {
                            var payload = $"fanout {lab.Id} {flow} {round}";
                            sockets[flow].SendTo(Encoding.ASCII.GetBytes(payload), new IPEndPoint(lab.B.Ipv4, 42_000 + flow));
                            payloads.Add(payload);
                        }
                    }
                }
                finally
                {
                    sockets.ForEach(s => s.Dispose());
                }
                return payloads;
            });

            foreach (var group in new[] { first, second })
            {
                var perSocket = group.Select(s => CaptureDrain.Read(s, f => CaptureDrain.Contains(f, $"fanout {lab.Id} "))).ToList();
                Assert.All(perSocket, frames => Assert.NotEmpty(frames));
                var payloads = perSocket.SelectMany(frames => frames)
                    .Select(c => Encoding.ASCII.GetString(c.Data, 42, c.Data.Length - 42))
                    .Order(StringComparer.Ordinal);
                Assert.Equal(sent.Order(StringComparer.Ordinal), payloads);
                Assert.Equal(sent.Count, group.Sum(s => s.GetStatistics().ReceivedByFilter));
            }
        }
        finally
        {
            sources.ForEach(s => s.Dispose());
        }
    }
}
