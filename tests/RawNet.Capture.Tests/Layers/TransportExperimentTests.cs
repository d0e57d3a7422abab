using RawNet.Capture.Lab.Link;
using RawNet.Capture.Layers;
using RawNet.Capture.Tests.Lab;
using RawNet.Testing;

namespace RawNet.Capture.Tests.Layers;

/// <summary>
/// The writes experiment through a lab link with a delay (the forwarder of <see cref="ImpairedLab"/>): with an ACK
/// 10 ms away, Nagle's algorithm holds the writes after the first and sends them together, TCP_NODELAY does not.
/// </summary>
[Collection(nameof(Lab.LabTiming))]
public sealed class TransportExperimentTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Nagle_holds_the_writes_after_the_first_until_its_ack_and_nodelay_sends_each_at_once(bool ipv6)
    {
        Assert.True(LinkSettings.Default(7).TryApply([new("delay", "5ms")], out var settings, out var error), error);
        using var lab = ImpairedLab.Create(settings);
        var payload = "hello, nagle"u8.ToArray();
        var nagle = TransportExperiment.Run(new TransportOptions(TransportExperimentKind.Writes, payload, ipv6, lab.Network, Writes: 4), TestContext.Current.CancellationToken);
        Assert.Equal([12, 36], DataSegments(nagle));
        Assert.Contains(nagle.Findings, f => f.Contains("Here it held and merged writes", StringComparison.Ordinal));

        var nodelay = TransportExperiment.Run(new TransportOptions(TransportExperimentKind.Writes, payload, ipv6, lab.Network, Writes: 4, NoDelay: true), TestContext.Current.CancellationToken);
        Assert.Equal([12, 12, 12, 12], DataSegments(nodelay));
        // Either way the listener, reading late, gets the stream in one recv().
        Assert.Equal(48, Assert.Single(nagle.Receives).Bytes);
        Assert.Equal(48, Assert.Single(nodelay.Receives).Bytes);
    }

    private static List<int> DataSegments(TransportReport report) => report.Packets
        .Where(p => p.Origin == FrameOrigin.Sender)
        .Select(p => WireFacts.Read(p.Frame)!.Value.TcpPayload(p.Frame))
        .Where(n => n > 0)
        .ToList();
}
