using System.Diagnostics;
using RawNet.Capture.Bpf;
using RawNet.Capture.LibPcap;
using RawNet.Capture.Sources;
using RawNet.Files;
using RawNet.Protocols;

namespace RawNet.Capture.Tests.Sources;

/// <summary>
/// libpcap behind the <see cref="ICaptureSource"/> contract, for comparing back ends in tests (PcapHandle directly).
/// Not immediate mode: with TPACKET_V3 libpcap's pcap_next_ex then never returns on a quiet link; a 10 ms timeout
/// (the kernel's block retire time) delivers as promptly.
/// </summary>
internal sealed class PcapHandleSource : ICaptureSource
{
    private readonly PcapHandle _handle;
    private volatile bool _stopped;

    private PcapHandleSource(PcapHandle handle) => _handle = handle;

    /// <summary>Opens a capture like <see cref="Capture.Sources.AfPacket.AfPacketCaptureSource.Open(CaptureOptions)"/> does, in the calling thread's namespace.</summary>
    public static PcapHandleSource Open(CaptureOptions options)
    {
        if (!PcapLibrary.IsAvailable)
            Assert.Skip("libpcap is not available (apt-get install libpcap0.8)");
        var handle = PcapHandle.Create(options.Interface);
        try
        {
            handle.SetSnapshotLength(options.SnapLength);
            handle.SetPromiscuous(options.Promiscuous);
            handle.SetBufferSize(options.BufferBytes);
            handle.SetTimeout(TimeSpan.FromMilliseconds(10));
            handle.Activate();
            if (options.Filter is not null)
                handle.SetFilter(BpfProgram.Compile(options.Filter, handle.LinkType, options.SnapLength));
            return new PcapHandleSource(handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public string InterfaceName => _handle.Device;

    public LinkType LinkType => _handle.LinkType;

    public string BackendName => "libpcap";

    public bool TryNext(TimeSpan timeout, out CapturedFrame frame)
    {
        var clock = Stopwatch.StartNew();
        while (!_stopped)
        {
            if (_handle.TryNext(out frame))
                return true;
            if (clock.Elapsed >= timeout)
                break;
        }
        frame = default;
        return false;
    }

    public void Stop()
    {
        _stopped = true;
        _handle.BreakLoop();
    }

    public CaptureSourceStatistics GetStatistics()
    {
        var s = _handle.GetStatistics();
        return new CaptureSourceStatistics(s.Received, s.DroppedByKernel, s.DroppedByInterface);
    }

    public void Dispose() => _handle.Dispose();
}
