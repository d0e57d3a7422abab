using System.Diagnostics;
using System.Net.Sockets;
using RawNet.Capture.Injection;
using RawNet.Capture.Ring;
using RawNet.Capture.Sessions;
using RawNet.Capture.Sources;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Protocols;
using RawNet.Protocols.Tcp.Kernel;

namespace RawNet.Capture.Lab.Traffic;

/// <summary>Where a lab traffic run's captured frames go, one at a time, on the capture's reading thread.</summary>
public interface ICapturedFrameSink
{
    /// <summary>Takes one frame; an <see cref="IOException"/> stops the capture (the exchange still finishes).</summary>
    void Write(in FrameMetadata metadata, ReadOnlySpan<byte> frame);
}

/// <summary>What a lab traffic run did: the client's and server's lines, whether the exchange finished, the frames captured.</summary>
/// <param name="Lines">What the client and the server saw, line by line.</param>
/// <param name="Completed">Whether the exchange finished as it should (every byte delivered, every question answered).</param>
/// <param name="FramesCaptured">Frames the capture handed to the sink.</param>
/// <param name="DroppedByKernel">Frames the kernel dropped before the capture read them.</param>
/// <param name="SinkFailure">The write failure that stopped the sink (a full disk), or null.</param>
/// <param name="TcpInfo">A TCP transfer's sender's TCP_INFO samples (null for UDP kinds, with sampling off, or when it never connected).</param>
public sealed record TrafficReport(IReadOnlyList<string> Lines, bool Completed, long FramesCaptured, long DroppedByKernel, Exception? SinkFailure,
    TcpInfoSeries? TcpInfo = null);

/// <summary>
/// One <c>rawnet lab traffic</c> run, in two steps so that root is needed only for the first: <see cref="Prepare"/>
/// makes every socket (the server's in B, the client's in A, the capture's on A's veth, in A) — this needs root —
/// and <see cref="Run"/> moves the traffic and hands each captured frame to a sink, which needs no privilege.
/// Real kernel sockets at both ends: the TCP is the kernel's, as a class would see it from any program.
/// </summary>
public sealed class LabTrafficRun : IDisposable
{
    /// <summary>Bytes kept of each frame: whole frames (the lab's MTU is at most 9000).</summary>
    public const int SnapLength = 262144;

    private static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(10);

    private readonly TrafficOptions _options;
    private readonly ILabExchange _exchange;
    private readonly ICaptureSource _source;

    private readonly TcpInfoBoard? _board;

    private LabTrafficRun(TrafficOptions options, ILabExchange exchange, ICaptureSource source, string ns, TcpInfoBoard? board)
    {
        _options = options;
        _exchange = exchange;
        _source = source;
        Namespace = ns;
        _board = board;
    }

    /// <summary>The interface the capture listens on (the client's veth end).</summary>
    public string InterfaceName => _source.InterfaceName;

    /// <summary>The namespace of <see cref="InterfaceName"/>.</summary>
    public string Namespace { get; }

    /// <summary>The capture's link type (Ethernet).</summary>
    public LinkType LinkType => _source.LinkType;

    /// <summary>The socket that sends a TCP transfer's data, once connected (for sampling TCP_INFO); null for UDP kinds.</summary>
    public Socket? DataSender => _exchange.DataSender;

    /// <summary>Makes the sockets and opens the capture.</summary>
    /// <exception cref="LabException">The lab is not up, or a socket could not be made (a port taken, an algorithm missing).</exception>
    /// <exception cref="AfPacketException">The capture could not open.</exception>
    public static LabTrafficRun Prepare(TestNetwork lab, TrafficOptions options)
    {
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentNullException.ThrowIfNull(options);
        if (!lab.Exists)
            throw new LabException($"the lab is not up ({lab.NamespaceA} and {lab.NamespaceB} do not both exist): run rawnet lab up first");
        ILabExchange exchange = options.Kind switch
        {
            TrafficKind.UdpEcho => UdpEcho.Create(lab, options),
            TrafficKind.Dns => DnsLookup.Create(lab, options),
            _ => BulkTransfer.Create(lab, options),
        };
        try
        {
            // Everything to and from B's address: the run's packets and their fragments (which carry no port).
            var filter = $"host {LabEnd.Address(lab, options, 2)}";
            var source = NetworkNamespace.Run(lab.NamespaceA, () => AfPacketCaptureSource.Open(
                new CaptureOptions(lab.InterfaceA, SnapLength, Promiscuous: false, Filter: filter, BufferBytes: 16 << 20)));
            // The live board is opened now, while rawnet may still be root (the run directory is root's).
            var board = options.IsTransfer && options.TcpInfoPeriod is not null && Directory.Exists(lab.RunDirectory)
                ? TcpInfoBoard.TryCreate(TcpInfoBoard.PathFor(lab)) : null;
            return new LabTrafficRun(options, exchange, source, lab.NamespaceA, board);
        }
        catch
        {
            exchange.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the exchange with the capture on, hands every captured frame to <paramref name="sink"/>, and after the
    /// exchange captures on until the link has been quiet for <see cref="TrafficOptions.Settle"/>.
    /// </summary>
    public TrafficReport Run(ICapturedFrameSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        using var session = new CaptureSession(_source, new CaptureSessionOptions(RingBytes: 16 << 20));
        var consumer = session.AddConsumer("lab traffic");
        long frames = 0, lastFrameAt = Stopwatch.GetTimestamp();
        Exception? sinkFailure = null;
        var reader = new Thread(() =>
        {
            while (consumer.WaitForData())
            {
                while (consumer.TryRead(out var record))
                {
                    if (sinkFailure is null)
                    {
                        try
                        {
                            sink.Write(record.Metadata, record.Data);
                        }
                        catch (IOException e)
                        {
                            sinkFailure = e;
                        }
                    }
                    Interlocked.Increment(ref frames);
                    Volatile.Write(ref lastFrameAt, Stopwatch.GetTimestamp());
                }
            }
        })
        { IsBackground = true, Name = "lab traffic capture" };

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(_options.Timeout);
        var lines = new List<string>();
        bool completed = false;
        Exception? serverFailure = null;
        var server = new Thread(() =>
        {
            try
            {
                _exchange.Serve(stop.Token);
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                serverFailure = e;
            }
        })
        { IsBackground = true, Name = "lab traffic server" };

        var transfer = _exchange as BulkTransfer;
        using var sampler = transfer is not null && _options.TcpInfoPeriod is { } period ? new TcpInfoSampler(() => _exchange.DataSender, period) { Board = _board, CongestionControl = transfer.CongestionControl } : null;
        if (sampler is not null)
        {
            transfer!.AfterSend = sampler.SampleNow;
            sampler.Start();
        }

        session.Start();
        reader.Start();
        server.Start();
        try
        {
            var (clientLines, finished) = _exchange.RunClient(stop.Token);
            lines.AddRange(clientLines);
            completed = finished;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            lines.Add(stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                ? $"the client did not finish within {_options.Timeout.TotalSeconds:0.###} s"
                : $"the client failed: {Describe(e)}");
        }
        // The UDP servers serve until told; a TCP server ends with its connection.
        if (!_options.IsTransfer || !server.Join(TimeSpan.FromSeconds(5)))
            stop.Cancel();
        server.Join(TimeSpan.FromSeconds(5));
        TcpInfoSeries? tcpInfo = null;
        if (transfer is not null)
        {
            lines.AddRange(transfer.ServerLines());
            completed &= transfer.ServerCompleted;
            tcpInfo = sampler?.Finish(transfer.CongestionControl);
            if (sampler is not null)
                lines.Add(tcpInfo is null ? "tcp_info: the sender never connected, so there are no samples"
                    : $"tcp_info: {tcpInfo.Samples.Count:N0} samples of the sender {LabEnd.Text(tcpInfo.Sender)}'s socket, every {sampler.Period.TotalMilliseconds:0.###} ms and after each send(){(sampler.Note is { } note ? "; " + note : "")}; {CostText(sampler.Cost)}");
        }
        if (serverFailure is not null && !(serverFailure is OperationCanceledException && !_options.IsTransfer))
        {
            lines.Add($"the server failed: {Describe(serverFailure)}");
            completed = false;
        }
        WaitUntilQuiet(() => Volatile.Read(ref lastFrameAt));
        session.Stop();
        session.WaitForFinish(TimeSpan.FromSeconds(5));
        reader.Join(TimeSpan.FromSeconds(5));
        if (session.Failure is { } failure)
            lines.Add($"the capture on {_source.InterfaceName} failed: {failure.Message}");
        return new TrafficReport(lines, completed, Interlocked.Read(ref frames), session.Counters.DroppedByKernel, sinkFailure, tcpInfo);
    }

    /// <summary>Waits until no frame arrived for the settle time (bounded), so the last ACK across a delaying link is kept.</summary>
    private void WaitUntilQuiet(Func<long> lastFrameAt)
    {
        var settle = _options.Settle < MaxSettle ? _options.Settle : MaxSettle;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < MaxSettle)
        {
            var quiet = Stopwatch.GetElapsedTime(lastFrameAt());
            if (quiet >= settle)
                return;
            Thread.Sleep(settle - quiet);
        }
    }

    /// <summary>What sampling took: "sampling used 12.3 ms of CPU in 2.91 s (0.42% of one core)".</summary>
    internal static string CostText((TimeSpan Used, TimeSpan Ran) cost) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"sampling used {cost.Used.TotalMilliseconds:0.0} ms of CPU in {cost.Ran.TotalSeconds:0.00} s ({(cost.Ran > TimeSpan.Zero ? cost.Used / cost.Ran * 100 : 0):0.00}% of one core)");

    private static string Describe(Exception e) => e switch
    {
        SocketException s => $"{s.SocketErrorCode}: {s.Message}",
        OperationCanceledException => "stopped",
        _ => e.Message,
    };

    public void Dispose()
    {
        _board?.Dispose();
        _exchange.Dispose();
        _source.Dispose();
    }
}
