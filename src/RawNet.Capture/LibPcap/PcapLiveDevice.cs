using SharpPcap.LibPcap;

namespace RawNet.Capture.LibPcap;

/// <summary>
/// SharpPcap's live device, with the one thing its public surface keeps to itself: waiting on libpcap's selectable
/// descriptor (Linux only; SharpPcap fetches it after opening) without reading a frame.
/// </summary>
internal sealed class PcapLiveDevice(PcapInterface device) : LibPcapLiveDevice(device)
{
    /// <summary>Whether libpcap gave a descriptor to wait on; without one a read itself must wait (its timeout).</summary>
    internal bool HasSelectableDescriptor => FileDescriptor >= 0;

    /// <summary>poll(2) on the descriptor: true once frames are ready (or on error), false after <paramref name="milliseconds"/>.</summary>
    internal bool WaitForFrames(int milliseconds) => PollFileDescriptor(milliseconds);
}
