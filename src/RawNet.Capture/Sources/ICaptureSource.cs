using RawNet.Files;
using RawNet.Protocols;

namespace RawNet.Capture.Sources;

/// <summary>
/// A live source of frames from one interface: our own AF_PACKET socket or libpcap. One thread reads it (the capture
/// thread, which copies each frame into a <see cref="Ring.PacketRing"/>); <see cref="Stop"/> may be called from any
/// thread.
/// </summary>
public interface ICaptureSource : IDisposable
{
    /// <summary>The interface captured on (e.g. "eth0", "lo").</summary>
    string InterfaceName { get; }

    /// <summary>The link type of every frame this source returns.</summary>
    LinkType LinkType { get; }

    /// <summary>The back end's name for messages and statistics ("afpacket", "libpcap").</summary>
    string BackendName { get; }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the next frame. False on timeout or once <see cref="Stop"/> was called.
    /// The frame's bytes are valid until the next call.
    /// </summary>
    bool TryNext(TimeSpan timeout, out CapturedFrame frame);

    /// <summary>
    /// The next frame if the source already holds it (one more of the block the kernel handed over), never waiting;
    /// false otherwise. The capture thread appends such a run of frames to the ring and publishes them once. A source
    /// that cannot tell without waiting (libpcap where its reads block: Windows, macOS) returns false, and its frames
    /// are published one at a time.
    /// </summary>
    bool TryNextReady(out CapturedFrame frame)
    {
        frame = default;
        return false;
    }

    /// <summary>Makes a waiting or future <see cref="TryNext"/> return false promptly; safe from any thread.</summary>
    void Stop();

    /// <summary>The kernel's (or libpcap's) counters for this capture so far.</summary>
    CaptureSourceStatistics GetStatistics();
}

/// <summary>What the kernel says about a capture: frames that passed the filter and frames it had to drop.</summary>
/// <param name="ReceivedByFilter">Frames that passed the capture filter (tcpdump's "received by filter").</param>
/// <param name="DroppedByKernel">Frames dropped because the kernel buffer was full (tcpdump's "dropped by kernel").</param>
/// <param name="DroppedByInterface">Frames dropped by the interface or driver, where known.</param>
public readonly record struct CaptureSourceStatistics(long ReceivedByFilter, long DroppedByKernel, long DroppedByInterface);

/// <summary>How to open a live capture.</summary>
/// <param name="Interface">Interface name.</param>
/// <param name="SnapLength">Bytes kept of each frame.</param>
/// <param name="Promiscuous">Put the interface in promiscuous mode for the capture's lifetime.</param>
/// <param name="Filter">A capture filter in tcpdump syntax, attached in the kernel; null for none.</param>
/// <param name="BufferBytes">Size of the kernel ring (AF_PACKET) or buffer (libpcap).</param>
/// <param name="IgnoreOutgoing">Capture only what arrives (AF_PACKET's PACKET_IGNORE_OUTGOING): a forwarder that sends on the interface it reads must not read its own sends back.</param>
public sealed record CaptureOptions(string Interface, int SnapLength = 262144, bool Promiscuous = true, string? Filter = null,
    int BufferBytes = 32 * 1024 * 1024, bool IgnoreOutgoing = false);
