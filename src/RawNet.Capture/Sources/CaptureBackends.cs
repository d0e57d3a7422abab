namespace RawNet.Capture.Sources;

/// <summary>
/// The back ends' names (as <c>--backend</c> takes them) and which one <c>auto</c> means: our own AF_PACKET where it
/// exists (Linux), libpcap through SharpPcap elsewhere and for links AF_PACKET does not frame.
/// </summary>
public static class CaptureBackends
{
    /// <summary>Let RawNet choose.</summary>
    public const string Auto = "auto";

    /// <summary>Our own AF_PACKET socket (TPACKET_V3 ring for capture, SOCK_RAW for sending); Linux only.</summary>
    public const string AfPacket = "afpacket";

    /// <summary>libpcap (Npcap on Windows) through SharpPcap.</summary>
    public const string LibPcap = "libpcap";

    /// <summary>Every name <c>--backend</c> accepts.</summary>
    public static readonly string[] Names = [Auto, AfPacket, LibPcap];

    /// <summary>Whether this operating system has AF_PACKET.</summary>
    public static bool AfPacketExists => OperatingSystem.IsLinux();

    /// <summary>
    /// The back end that captures on <paramref name="interfaceName"/>: the one asked for, or for <see cref="Auto"/>
    /// libpcap where AF_PACKET is missing, for <c>any</c> and for links AF_PACKET does not frame (as tcpdump would
    /// see them), else AF_PACKET.
    /// </summary>
    public static string ForCapture(string requested, string interfaceName) =>
        ForCapture(requested, interfaceName, AfPacketExists, NetworkInterfaces.IsEthernetOrLoopback);

    /// <summary>The back end that sends whole frames: the one asked for, or for <see cref="Auto"/> AF_PACKET where it exists, else libpcap.</summary>
    public static string ForSending(string requested) => ForSending(requested, AfPacketExists);

    /// <summary>The one-line refusal for a back end this system lacks, or null.</summary>
    public static string? Unavailable(string backend) => Unavailable(backend, AfPacketExists);

    // The same choices for a system given by the caller: tests see what Windows and macOS would get.

    internal static string ForCapture(string requested, string interfaceName, bool afPacketExists, Func<string, bool> isEthernetOrLoopback) =>
        requested != Auto ? requested
        : !afPacketExists || interfaceName == "any" || !isEthernetOrLoopback(interfaceName) ? LibPcap
        : AfPacket;

    internal static string ForSending(string requested, bool afPacketExists) =>
        requested != Auto ? requested : afPacketExists ? AfPacket : LibPcap;

    internal static string? Unavailable(string backend, bool afPacketExists) =>
        backend == AfPacket && !afPacketExists ? $"the {AfPacket} back end exists only on Linux; use --backend {LibPcap} (or leave --backend out)" : null;
}
