using SharpPcap;

namespace RawNet.Capture.LibPcap;

/// <summary>
/// Sends whole frames out of an interface with pcap_sendpacket (SharpPcap's <c>SendPacket</c>): how frames are
/// injected where AF_PACKET does not exist (Npcap on Windows, BPF on macOS), or when <c>--backend libpcap</c> asks.
/// libpcap adds nothing to a frame, as AF_PACKET does not.
/// </summary>
public sealed class PcapFrameSender : IDisposable
{
    /// <summary>How one frame fared.</summary>
    public enum Outcome
    {
        /// <summary>libpcap took the frame.</summary>
        Sent,

        /// <summary>The frame is larger than the interface takes (EMSGSIZE); later frames may still go.</summary>
        TooLong,

        /// <summary>The device's queue is full (ENOBUFS); trying again shortly may succeed.</summary>
        QueueFull,
    }

    private readonly PcapLiveDevice _device;

    private PcapFrameSender(PcapLiveDevice device) => _device = device;

    /// <summary>Opens <paramref name="interfaceName"/> for sending: activated, capturing nothing it does not have to.</summary>
    /// <exception cref="PcapException">libpcap refused (<see cref="PcapException.Status"/> as for a capture: no such device, permission denied).</exception>
    /// <exception cref="LibPcapUnavailableException">libpcap is not installed.</exception>
    public static PcapFrameSender Open(string interfaceName)
    {
        // The shortest snapshot and buffer libpcap accepts: this handle exists to send.
        var device = Sources.LibPcapCaptureSource.OpenDevice(interfaceName, new DeviceConfiguration
        {
            Snaplen = 64,
            Mode = DeviceModes.None,
            BufferSize = 64 * 1024,
            Immediate = true,
            ReadTimeout = 100,
        });
        return new PcapFrameSender(device);
    }

    /// <summary>The interface frames leave by.</summary>
    public string InterfaceName => _device.Name;

    /// <summary>pcap_sendpacket: sends <paramref name="frame"/> as it is.</summary>
    /// <exception cref="PcapException">The interface failed in a way other than refusing this one frame; the message is libpcap's.</exception>
    public Outcome Send(ReadOnlySpan<byte> frame)
    {
        try
        {
            _device.SendPacket(frame);
            return Outcome.Sent;
        }
        catch (SharpPcap.PcapException e)
        {
            // libpcap reports only text; on Linux and macOS it ends in strerror's (C locale) words.
            string reason = _device.LastError;
            if (reason.Contains("Message too long", StringComparison.Ordinal))
                return Outcome.TooLong;
            if (reason.Contains("No buffer space available", StringComparison.Ordinal))
                return Outcome.QueueFull;
            throw new PcapException($"{InterfaceName}: {(string.IsNullOrEmpty(reason) ? e.Message : reason)}", (int)e.Error);
        }
    }

    /// <summary>pcap_close.</summary>
    public void Dispose() => _device.Dispose();
}
