using System.Diagnostics;
using RawNet.Capture.Bpf;
using RawNet.Capture.LibPcap;
using RawNet.Files;
using RawNet.Protocols;
using SharpPcap;
using SharpPcap.LibPcap;
using PcapException = RawNet.Capture.LibPcap.PcapException;

namespace RawNet.Capture.Sources;

/// <summary>
/// A live capture through the system's libpcap (Npcap on Windows) by way of SharpPcap: the back end for links our own
/// AF_PACKET back end does not frame, and the only one where AF_PACKET does not exist. Frames are read as spans over
/// libpcap's buffer (<c>GetNextPacketPointers</c>), never copied into a SharpPcap <c>RawCapture</c>.
/// </summary>
public sealed class LibPcapCaptureSource : ICaptureSource
{
    /// <summary>How long one wait for frames may last; <see cref="TryNext"/> loops over it up to its own timeout, checking for <see cref="Stop"/>.</summary>
    private const int WaitMilliseconds = 100;

    /// <summary>PCAP_ERROR_NO_SUCH_DEVICE.</summary>
    public const int NoSuchDeviceStatus = (int)PcapError.NoSuchDevice;

    /// <summary>PCAP_ERROR_PERM_DENIED.</summary>
    public const int PermissionDeniedStatus = (int)PcapError.PermissionDenied;

    // pcap_next_ex's results.
    private const int FrameRead = 1;
    private const int NothingYet = 0;
    private const int LoopBroken = -2;

    private readonly PcapLiveDevice _device;
    private readonly LinkType _linkType;
    private volatile bool _stopped;

    private LibPcapCaptureSource(PcapLiveDevice device)
    {
        _device = device;
        _linkType = PcapLinkTypes.FromDlt((int)device.LinkType);
    }

    /// <summary>
    /// Opens and activates a capture on <see cref="CaptureOptions.Interface"/> and attaches its filter, compiled by
    /// libpcap on the open handle (for its link type and snapshot length, as tcpdump does). Immediate mode delivers each
    /// frame at once (for printing); without it libpcap hands frames over by the kernel block, which costs less per
    /// frame (for files).
    /// </summary>
    /// <exception cref="PcapException">libpcap refused: <see cref="PcapException.Status"/> is <see cref="PermissionDeniedStatus"/> without CAP_NET_RAW, <see cref="NoSuchDeviceStatus"/> for an unknown interface.</exception>
    /// <exception cref="BpfCompileException">The filter does not compile.</exception>
    /// <exception cref="LibPcapUnavailableException">libpcap is not installed.</exception>
    public static LibPcapCaptureSource Open(CaptureOptions options, bool immediateMode = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        var device = OpenDevice(options.Interface, new DeviceConfiguration
        {
            Snaplen = options.SnapLength,
            Mode = options.Promiscuous ? DeviceModes.Promiscuous : DeviceModes.None,
            BufferSize = options.BufferBytes,
            Immediate = immediateMode,
            ReadTimeout = WaitMilliseconds,
        });
        try
        {
            if (options.Filter is not null)
                SetFilter(device, options.Filter);
            // With a descriptor to poll, reads never block: an empty read waits in poll(2) for at most
            // WaitMilliseconds, so Stop is seen even on a quiet interface, where TPACKET_V3 hands over no block at all.
            if (device.HasSelectableDescriptor)
                device.NonBlockingMode = true;
            return new LibPcapCaptureSource(device);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    /// <summary>Creates, configures and activates <paramref name="name"/>, turning SharpPcap's failures into a <see cref="PcapException"/> with libpcap's own text.</summary>
    internal static PcapLiveDevice OpenDevice(string name, DeviceConfiguration configuration)
    {
        PcapLibrary.EnsureAvailable();
        var found = PcapInterface.GetAllPcapInterfaces().FirstOrDefault(device => device.Name == name)
            ?? throw new PcapException($"{name}: No such device exists", NoSuchDeviceStatus);
        var device = new PcapLiveDevice(found);
        try
        {
            device.Open(configuration);
            return device;
        }
        catch (SharpPcap.PcapException e)
        {
            // SharpPcap's own text is "Unable to activate the adapter (NAME)."; libpcap's pcap_geterr says why.
            string detail = device.Handle.IsInvalid ? "" : device.LastError;
            device.Dispose();
            throw new PcapException(string.IsNullOrEmpty(detail) ? $"{name}: {e.Error}" : detail, (int)e.Error);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    private static void SetFilter(PcapLiveDevice device, string expression)
    {
        try
        {
            device.Filter = expression;
        }
        catch (SharpPcap.PcapException e)
        {
            throw new BpfCompileException(expression, e.Message);
        }
    }

    /// <inheritdoc/>
    public string InterfaceName => _device.Name;

    /// <inheritdoc/>
    public LinkType LinkType => _linkType;

    /// <inheritdoc/>
    public string BackendName => "libpcap";

    /// <inheritdoc/>
    public bool TryNext(TimeSpan timeout, out CapturedFrame frame)
    {
        long deadline = 0;
        while (!_stopped)
        {
            if (TryRead(out frame))
                return true;
            // Only now, with nothing to read, is the clock worth reading.
            long now = Stopwatch.GetTimestamp();
            if (deadline == 0)
                deadline = now + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            else if (now >= deadline)
                break;
            if (_device.HasSelectableDescriptor)
                _device.WaitForFrames((int)Math.Clamp((deadline - now) * 1000 / Stopwatch.Frequency, 1, WaitMilliseconds));
        }
        frame = default;
        return false;
    }

    /// <inheritdoc/>
    /// <remarks>Non-blocking reads (Linux) tell at once whether libpcap holds another frame; elsewhere a read would wait, so this says no.</remarks>
    public bool TryNextReady(out CapturedFrame frame)
    {
        if (_device.HasSelectableDescriptor && !_stopped)
            return TryRead(out frame);
        frame = default;
        return false;
    }

    /// <summary>One pcap_next_ex: a frame, or false when none is ready (non-blocking) or the read timeout passed.</summary>
    private unsafe bool TryRead(out CapturedFrame frame)
    {
        nint header = 0, data = 0;
        int status = _device.GetNextPacketPointers(ref header, ref data);
        if (status == FrameRead)
        {
            var metadata = PcapPacketHeader.Read(header, _linkType);
            frame = new CapturedFrame(metadata, new ReadOnlySpan<byte>((void*)data, metadata.CapturedLength));
            return true;
        }
        frame = default;
        if (status is NothingYet or LoopBroken)
            return false;
        throw new PcapException($"pcap_next_ex({_device.Name}): {_device.LastError}", status);
    }

    /// <inheritdoc/>
    public void Stop() => _stopped = true;

    /// <inheritdoc/>
    public CaptureSourceStatistics GetStatistics()
    {
        var statistics = _device.Statistics;
        return new CaptureSourceStatistics(statistics.ReceivedPackets, statistics.DroppedPackets, statistics.InterfaceDroppedPackets);
    }

    /// <summary>pcap_close.</summary>
    public void Dispose() => _device.Dispose();
}
