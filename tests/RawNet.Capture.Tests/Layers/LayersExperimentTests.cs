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
}
