using System.Diagnostics;
using RawNet.Capture.Injection;
using RawNet.Capture.Sessions;
using RawNet.Capture.Sources;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Protocols;

namespace RawNet.Capture.Layers;

/// <summary>
/// An AF_PACKET capture with a kernel filter on one interface of a namespace, its frames copied by a
/// <see cref="FrameCollector"/>: started before an experiment sends anything, stopped once the wire has been quiet.
/// </summary>
internal sealed class WireCapture : IDisposable
{
    private const int SnapLength = 262144;
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    private readonly ICaptureSource _source;
    private readonly CaptureSession _session;
    private readonly FrameCollector _collector;
    private readonly string _device;
    private bool _stopped;

    private WireCapture(ICaptureSource source, string device)
    {
        _source = source;
        _device = device;
        _session = new CaptureSession(source, new CaptureSessionOptions(RingBytes: 16 << 20));
        _collector = new FrameCollector(_session.AddConsumer("transport"));
        _session.Start();
        _collector.Start();
    }

    /// <summary>Opens the capture on <paramref name="device"/> in <paramref name="ns"/> (null: the caller's) with <paramref name="filter"/> and starts it.</summary>
    public static WireCapture Start(string? ns, string device, string filter)
    {
        var source = NetworkNamespace.Run(ns, () => AfPacketCaptureSource.Open(
            new CaptureOptions(device, SnapLength, Promiscuous: false, Filter: filter, BufferBytes: 16 << 20)));
        try
        {
            return new WireCapture(source, device);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>A copy of the frames so far.</summary>
    public IReadOnlyList<(byte[] Frame, FrameMetadata Metadata)> Frames => _collector.Frames;

    /// <summary>Waits (at most <paramref name="timeout"/>) until <paramref name="seen"/> holds for the frames so far.</summary>
    public bool WaitFor(Func<IReadOnlyList<(byte[] Frame, FrameMetadata Metadata)>, bool> seen, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (seen(_collector.Frames))
                return true;
            Thread.Sleep(PollInterval);
        }
        return seen(_collector.Frames);
    }

    /// <summary>Waits until no new frame came for 200 ms (at most <paramref name="timeout"/>), stops, and returns every frame.</summary>
    public IReadOnlyList<(byte[] Frame, FrameMetadata Metadata)> StopWhenQuiet(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        int count = -1;
        var since = clock.Elapsed;
        while (clock.Elapsed < timeout && clock.Elapsed - since < Quiet)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int now = _collector.Frames.Count;
            if (now != count)
            {
                count = now;
                since = clock.Elapsed;
            }
            Thread.Sleep(PollInterval);
        }
        Stop();
        return _collector.Frames;
    }

    private void Stop()
    {
        if (_stopped)
            return;
        _stopped = true;
        _session.Stop();
        _session.WaitForFinish(TimeSpan.FromSeconds(5));
        _collector.Join();
        if (_session.Failure is { } failure)
            throw new LayersException($"the capture on {_device} failed: {failure.Message}");
    }

    /// <summary>Stops the capture (if still running) and closes it.</summary>
    public void Dispose()
    {
        try
        {
            Stop();
        }
        catch (LayersException)
        {
        }
        _session.Dispose();
        _source.Dispose();
    }
}
