using RawNet.Capture.LibPcap;
using RawNet.Capture.Sources.AfPacket;

namespace RawNet.Capture.Sources;

/// <summary>
/// Opens the sources of one live capture on the back end chosen (<see cref="CaptureBackends"/>): one libpcap handle, one
/// AF_PACKET socket, or the sockets of a PACKET_FANOUT group; and turns what can go wrong on the way into one line. The
/// one place <c>rawnet capture</c> and the UI's live capture open an interface.
/// </summary>
public static class CaptureSources
{
    /// <summary>EPERM, for libpcap's refusal, which carries no errno of its own.</summary>
    private const int PermissionDeniedErrno = 1;

    /// <summary>The usage error for a number of sockets out of range (<c>--threads</c>), or null.</summary>
    public static string? ThreadsOutOfRange(int threads) =>
        threads is < 1 or > AfPacketCaptureSource.MaxFanoutSockets
            ? $"--threads needs a number of sockets between 1 and {AfPacketCaptureSource.MaxFanoutSockets}"
            : null;

    /// <summary>
    /// The usage error for <paramref name="threads"/> sockets on <paramref name="backend"/> (resolved from
    /// <see cref="CaptureBackends.Auto"/>) for <paramref name="interfaceName"/>, or null: only AF_PACKET has fanout.
    /// </summary>
    public static string? ThreadsRefusal(string backend, int threads, string interfaceName) =>
        threads > 1 && backend != CaptureBackends.AfPacket
            ? $"--threads above 1 needs the {CaptureBackends.AfPacket} back end (PACKET_FANOUT); {interfaceName} is captured by {backend}"
            : null;

    /// <summary>
    /// Opens <paramref name="options"/>' interface on <paramref name="backend"/> (resolved, not <c>auto</c>):
    /// <paramref name="threads"/> AF_PACKET sockets in one fanout group, or one source. <paramref name="immediate"/>
    /// asks libpcap to hand each frame over at once (a person watching) rather than by the kernel's block.
    /// </summary>
    /// <exception cref="Bpf.BpfCompileException">The capture filter does not compile.</exception>
    /// <exception cref="Exception">What the back end threw; <see cref="DescribeOpenFailure"/> says it in one line.</exception>
    public static ICaptureSource[] Open(CaptureOptions options, string backend, int threads, bool immediate)
    {
        if (backend == CaptureBackends.LibPcap)
            return [LibPcapCaptureSource.Open(options, immediate)];
        return threads == 1
            ? [AfPacketCaptureSource.Open(options)]
            : AfPacketCaptureSource.OpenFanout(options, threads);
    }

    /// <summary>The one-line message for a capture that could not be opened on <paramref name="interfaceName"/>, or null for an unexpected exception.</summary>
    public static string? DescribeOpenFailure(Exception e, string interfaceName) => e switch
    {
        // The AF_PACKET back end's messages already name the interface (and, for permission, both fixes).
        AfPacketException => e.Message,
        PcapException { Status: LibPcapCaptureSource.PermissionDeniedStatus } => new CapturePermissionException(interfaceName, PermissionDeniedErrno).Message,
        PcapException { Status: LibPcapCaptureSource.NoSuchDeviceStatus } => $"{interfaceName}: No such interface (see rawnet interfaces)",
        PcapException => $"{interfaceName}: {e.Message}",
        LibPcapUnavailableException => e.Message,
        _ => null,
    };
}

/// <summary>A live capture that could not be opened, with the one line that says why (<see cref="CaptureSources.DescribeOpenFailure"/>).</summary>
public sealed class CaptureOpenException(string message, Exception? inner = null) : IOException(message, inner);
