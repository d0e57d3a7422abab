namespace RawNet.Capture.Lab.Traffic;

/// <summary>What <c>rawnet lab traffic</c> makes the two ends of the lab do.</summary>
public enum TrafficKind
{
    /// <summary>A TCP transfer from the client (end A) to the server (end B).</summary>
    Upload,

    /// <summary>A TCP transfer from the server (end B) to the client (end A).</summary>
    Download,

    /// <summary>UDP datagrams from A to B's echo port, each sent back (RFC 862).</summary>
    UdpEcho,

    /// <summary>DNS queries from a stub resolver at A to a name server at B for the zone lab.example.</summary>
    Dns,
}

/// <summary>
/// The settings of one <c>rawnet lab traffic</c> run: the client is always end A (whose veth the capture listens on),
/// the server end B.
/// </summary>
public sealed record TrafficOptions(TrafficKind Kind)
{
    /// <summary>The default size of a transfer, 150 KiB: about a hundred full segments, enough for slow start to show.</summary>
    public const long DefaultBytes = 150 * 1024;

    /// <summary>The largest transfer: 4 GiB.</summary>
    public const long MaxBytes = 4L << 30;

    /// <summary>The smallest receive window the kernel keeps (SOCK_MIN_RCVBUF is about 2.3 KB, half of it the window).</summary>
    public const int MinReceiveWindow = 1024;

    /// <summary>The largest receive window asked for: the kernel caps it at net.core.rmem_max anyway.</summary>
    public const int MaxReceiveWindow = 64 << 20;

    /// <summary>The largest echo payload (an IPv6 datagram of 65,535 bytes, headers taken off).</summary>
    public const int MaxDatagram = 65_000;

    /// <summary>The most echo datagrams or DNS queries of a run.</summary>
    public const int MaxCount = 100_000;

    /// <summary>Bytes moved by an upload or a download.</summary>
    public long Bytes { get; init; } = DefaultBytes;

    /// <summary>
    /// The receiver's socket buffer asked for (SO_RCVBUF), so that the window it advertises is about this size, and the
    /// receiving application reads slowly (<see cref="ReadPause"/>): the sender fills the window and meets a zero window.
    /// Null: the kernel's defaults and a receiver that reads as fast as it can.
    /// </summary>
    public int? ReceiveWindow { get; init; }

    /// <summary>With <see cref="ReceiveWindow"/>: the receiving application's pause after each read of half a window.</summary>
    public TimeSpan ReadPause { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>An upload as an HTTP/1.1 POST, a download as a GET and its 200 response, on port 80.</summary>
    public bool Http { get; init; }

    /// <summary>Over IPv6 (2001:db8::1 and ::2) rather than IPv4.</summary>
    public bool Ipv6 { get; init; }

    /// <summary>The congestion control of the sending socket (TCP_CONGESTION), e.g. cubic, reno, bbr; null: the kernel's default.</summary>
    public string? CongestionControl { get; init; }

    /// <summary>
    /// How often the sending socket's TCP_INFO is read during a transfer (besides after every send()); null: not at all.
    /// </summary>
    public TimeSpan? TcpInfoPeriod { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Echo datagrams sent (udp-echo) or times the list of queries is asked (dns).</summary>
    public int Count { get; init; } = 10;

    /// <summary>Payload bytes of each echo datagram.</summary>
    public int Size { get; init; } = 64;

    /// <summary>Time from one echo datagram or query to the next.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long the client waits for an echo or an answer before it counts it lost (a resolver then asks again).</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The names a dns run asks for (A, or AAAA when written "AAAA name"); null: the lab's own list.</summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>The whole run's limit: past it the client gives up and says so, and the capture keeps what it saw.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// After the exchange, the capture goes on until no frame arrived for this long, so the last ACK that crosses a
    /// delaying link is in the file (at most 10 s).
    /// </summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The server's port: 5001 (iperf's) for a plain transfer, 80 for HTTP, 7 for echo, 53 for DNS.</summary>
    public int Port => Kind switch
    {
        TrafficKind.UdpEcho => 7,
        TrafficKind.Dns => 53,
        _ => Http ? 80 : 5001,
    };

    /// <summary>Whether the run is a TCP transfer.</summary>
    public bool IsTransfer => Kind is TrafficKind.Upload or TrafficKind.Download;

    /// <summary>The congestion controls this kernel offers, as /proc lists them.</summary>
    public static string AvailableCongestionControl()
    {
        try
        {
            return File.ReadAllText("/proc/sys/net/ipv4/tcp_available_congestion_control").Trim().Replace(' ', ',').Replace(",", ", ");
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>The command-line word of a kind (upload, download, udp-echo, dns).</summary>
    public static string WordOf(TrafficKind kind) => kind switch
    {
        TrafficKind.Upload => "upload",
        TrafficKind.Download => "download",
        TrafficKind.UdpEcho => "udp-echo",
        _ => "dns",
    };
}
