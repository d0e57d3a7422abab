using System.Diagnostics;
using RawNet.Capture.Bpf;
using RawNet.Capture.LibPcap;
using RawNet.Files;
using RawNet.Protocols;

namespace RawNet.Capture.Sources;

/// <summary>A live capture through the system's libpcap (<see cref="PcapHandle"/>), for kernels or interfaces our own AF_PACKET back end does not serve.</summary>
public sealed class LibPcapCaptureSource : ICaptureSource
{
    /// <summary>How long one pcap_next_ex may wait; <see cref="TryNext"/> loops over it up to its own timeout.</summary>
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>PCAP_ERROR_NO_SUCH_DEVICE.</summary>
    public const int NoSuchDeviceStatus = -5;

    /// <summary>PCAP_ERROR_PERM_DENIED.</summary>
    public const int PermissionDeniedStatus = -8;

    private readonly PcapHandle _handle;
    private volatile bool _stopped;

    private LibPcapCaptureSource(PcapHandle handle, string? warning)
    {
        _handle = handle;
        Warning = warning;
    }

    /// <summary>
    /// Opens and activates a capture on <see cref="CaptureOptions.Interface"/> and attaches its filter, compiled for the
    /// interface's link type. Immediate mode delivers each frame at once (for printing); without it libpcap hands
    /// frames over by the kernel block, which costs less per frame (for files).
    /// </summary>
    /// <exception cref="PcapException">libpcap refused: <see cref="PcapException.Status"/> is <see cref="PermissionDeniedStatus"/> without CAP_NET_RAW, <see cref="NoSuchDeviceStatus"/> for an unknown interface.</exception>
    /// <exception cref="BpfCompileException">The filter does not compile.</exception>
    /// <exception cref="LibPcapUnavailableException">libpcap is not installed.</exception>
    public static LibPcapCaptureSource Open(CaptureOptions options, bool immediateMode = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handle = PcapHandle.Create(options.Interface);
        try
        {
            handle.SetSnapshotLength(options.SnapLength);
            handle.SetPromiscuous(options.Promiscuous);
            handle.SetBufferSize(options.BufferBytes);
            handle.SetImmediateMode(immediateMode);
            handle.SetTimeout(ReadTimeout);
            var warning = handle.Activate();
            if (options.Filter is not null)
                handle.SetFilter(BpfProgram.Compile(options.Filter, handle.LinkType, options.SnapLength));
            return new LibPcapCaptureSource(handle, warning);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public string InterfaceName => _handle.Device;

    /// <inheritdoc/>
    public LinkType LinkType => _handle.LinkType;

    /// <inheritdoc/>
    public string BackendName => "libpcap";

    /// <summary>libpcap's warning from activation (e.g. promiscuous mode not supported), or null.</summary>
    public string? Warning { get; }

    /// <inheritdoc/>
    /// <remarks>
    /// Without immediate mode libpcap uses TPACKET_V3 and waits for the kernel to hand over a block, which it does not
    /// do for an empty one: on a quiet interface this call then waits past <paramref name="timeout"/> until a frame
    /// arrives or <see cref="Stop"/> is called.
    /// </remarks>
    public bool TryNext(TimeSpan timeout, out CapturedFrame frame)
    {
        // pcap_next_ex waits at most ReadTimeout; pcap_breakloop wakes it, and _stopped keeps later calls from waiting again.
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!_stopped)
        {
            if (_handle.TryNext(out frame))
                return true;
            if (Stopwatch.GetTimestamp() >= deadline)
                break;
        }
        frame = default;
        return false;
    }

    /// <inheritdoc/>
    public void Stop()
    {
        _stopped = true;
        try
        {
            _handle.BreakLoop();
        }
        catch (ObjectDisposedException)
        {
            // A signal arriving after the capture closed: nothing left to wake.
        }
    }

    /// <inheritdoc/>
    public CaptureSourceStatistics GetStatistics()
    {
        var statistics = _handle.GetStatistics();
        return new CaptureSourceStatistics(statistics.Received, statistics.DroppedByKernel, statistics.DroppedByInterface);
    }

    /// <summary>pcap_close.</summary>
    public void Dispose() => _handle.Dispose();
}
