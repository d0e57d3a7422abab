using System.Security.Cryptography;
using RawNet.Capture.Lab;
using RawNet.Capture.Layers;
using RawNet.Testing;

namespace RawNet.Capture.Tests.Layers;

/// <summary>The engine as the terminal UI calls it: several runs in one process, cancellation, and its one-line refusals.</summary>
public sealed class LayersExperimentTests
{
    [Fact]
    public void Runs_one_after_another_in_one_process_each_capture_their_own_exchange_and_a_cancelled_run_stops_cleanly()
    {
        using var lab = NetworkLab.Create();
        NetworkLab.RunInNamespace(lab.A.Namespace, () =>
        {
            var first = LayersExperiment.Run(new LayersOptions("first"u8.ToArray(), Ipv6: true));
            using (var cancelled = new CancellationTokenSource())
            {
                cancelled.Cancel();
                Assert.Throws<OperationCanceledException>(() => LayersExperiment.Run(new LayersOptions("cancelled"u8.ToArray()), cancelled.Token));
            }
            var second = LayersExperiment.Run(new LayersOptions("second!"u8.ToArray(), Ipv6: true));
            foreach (var (report, payload) in new[] { (first, "first"), (second, "second!") })
            {
                Assert.Equal("lo", report.Interface);
                Assert.Equal([SocketKind.Stream, SocketKind.Datagram, SocketKind.Raw, SocketKind.Link], report.Kinds.Select(k => k.Socket));
                Assert.All(report.Kinds, k => Assert.True(k.Delivered && k.DeliveryExpected, $"{k.Socket}: {string.Join(" | ", k.Notes)}"));
                // Each kind's data frame carries this run's payload, none of the other run's frames crept in.
                Assert.All(report.Kinds, k => Assert.Equal(payload, System.Text.Encoding.ASCII.GetString(
                    k.DataPacket!.Frame, k.DataPacket.Layers[^1].Offset, k.DataPacket.Layers[^1].Length)));
                Assert.All(report.Kinds.Skip(1), k => Assert.Equal(62 + payload.Length, Assert.Single(k.Packets).Frame.Length));
            }
            Assert.NotEqual(first.DatagramListener.Port, second.DatagramListener.Port);
        });
    }

    [Fact]
    public void A_lab_that_is_not_up_and_a_payload_out_of_bounds_are_refused_in_one_line()
    {
        string id = RandomNumberGenerator.GetHexString(6, lowercase: true);
        var missing = new TestNetwork($"rnx-{id}-a", $"rnx-{id}-b", "x", "y", "198.18.0", "2001:db8:", 1500);
        var e = Assert.Throws<LayersException>(() => LayersExperiment.Run(new LayersOptions("x"u8.ToArray(), Lab: missing), TestContext.Current.CancellationToken));
        Assert.Equal($"the lab is not up (rnx-{id}-a and rnx-{id}-b do not both exist): run rawnet lab up first", e.Message);
        e = Assert.Throws<LayersException>(() => LayersExperiment.Run(new LayersOptions(new byte[LayersOptions.MaxPayload + 1]), TestContext.Current.CancellationToken));
        Assert.Equal("the payload must be 1 to 1400 bytes (it is 1401)", e.Message);
    }

    [Fact]
    public void Kinds_runs_only_the_socket_kinds_chosen_and_the_report_holds_just_those()
    {
        using var lab = NetworkLab.Create();
        NetworkLab.RunInNamespace(lab.A.Namespace, () =>
        {
            var stream = LayersExperiment.Run(new LayersOptions("only stream"u8.ToArray(), Kinds: [SocketKind.Stream]), TestContext.Current.CancellationToken);
            var kind = Assert.Single(stream.Kinds);
            Assert.Equal(SocketKind.Stream, kind.Socket);
            Assert.True(kind.Delivered, string.Join(" | ", kind.Notes));
            // The handshake is there, and no UDP frame of the kinds not run was captured for it.
            Assert.True(kind.Packets.Count >= 7, $"{kind.Packets.Count} packets");
            Assert.All(kind.Packets, p => Assert.Contains(p.Layers, l => l.Name == "tcp"));

            var two = LayersExperiment.Run(new LayersOptions("two"u8.ToArray(), Kinds: [SocketKind.Link, SocketKind.Datagram]), TestContext.Current.CancellationToken);
            Assert.Equal([SocketKind.Datagram, SocketKind.Link], two.Kinds.Select(k => k.Socket));
            // IPv4: Ethernet 14, IPv4 20, UDP 8, then the payload.
            Assert.All(two.Kinds, k => Assert.Equal(14 + 20 + 8 + 3, Assert.Single(k.Packets).Frame.Length));
        });
    }

    [Fact]
    public void Only_a_checksum_the_decoder_calls_offloaded_counts_as_left_for_offload()
    {
        ByteMapLayer Layer(RawNet.Protocols.Decoding.LayerKind kind, WrittenBy by, RawNet.Protocols.Checksums.ChecksumStatus status) => new("x", kind, 0, 8, by, [], status);
        var offloaded = RawNet.Protocols.Checksums.ChecksumStatus.Offloaded;
        var bad = RawNet.Protocols.Checksums.ChecksumStatus.Bad;
        Assert.True(Layer(RawNet.Protocols.Decoding.LayerKind.Tcp, WrittenBy.Kernel, offloaded).ChecksumLeftForOffload);
        Assert.True(Layer(RawNet.Protocols.Decoding.LayerKind.Udp, WrittenBy.Kernel, offloaded).ChecksumLeftForOffload);
        // A wrong value that is not the pseudo-header sum is damage, whoever wrote it.
        Assert.False(Layer(RawNet.Protocols.Decoding.LayerKind.Udp, WrittenBy.Kernel, bad).ChecksumLeftForOffload);
        Assert.False(Layer(RawNet.Protocols.Decoding.LayerKind.Udp, WrittenBy.Application, bad).ChecksumLeftForOffload);
        Assert.False(Layer(RawNet.Protocols.Decoding.LayerKind.Tcp, WrittenBy.Kernel, RawNet.Protocols.Checksums.ChecksumStatus.Good).ChecksumLeftForOffload);
    }
}
