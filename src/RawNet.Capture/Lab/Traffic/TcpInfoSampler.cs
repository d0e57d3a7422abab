using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using RawNet.Protocols.Tcp.Kernel;

namespace RawNet.Capture.Lab.Traffic;

/// <summary>
/// Reads the sending socket's TCP_INFO on a thread of its own every <see cref="Period"/> (and whenever
/// <see cref="SampleNow"/> is called, after each send() returns), from the moment the socket is connected until it is
/// closed, into a bounded list. getsockopt reads the kernel's state under the socket lock and changes nothing, so the
/// transfer is not disturbed beyond that lock. What sampling costs is kept too: the sampling thread's own CPU time and
/// the time the sender's thread spent in its samples (<see cref="Cost"/>).
/// </summary>
internal sealed partial class TcpInfoSampler : IDisposable
{
    /// <summary>The most samples kept: over 16 minutes at 1 ms; past it sampling stops (and says so).</summary>
    public const int MaxSamples = 1_000_000;

    private const int TcpInfoOption = 11;      // TCP_INFO, <netinet/tcp.h>

    private readonly Func<Socket?> _socket;
    private readonly Lock _gate = new();
    private readonly Lock _reading = new();
    private readonly List<TcpInfoSample> _samples = [];
    private readonly Thread _thread;
    private volatile bool _stop;
    private IPEndPoint? _sender;
    private IPEndPoint? _receiver;
    private long _publishedAt;
    private long _startedAt;
    private long _endedAt;
    private long _threadCpuNanoseconds;
    private long _senderTicks;

    /// <summary>Where the latest sample is published for other processes (the UI's live panel), or null.</summary>
    public TcpInfoBoard? Board { get; init; }

    /// <summary>The congestion control named on the board.</summary>
    public string CongestionControl { get; init; } = "";

    /// <summary>Will sample the socket <paramref name="socket"/> returns once it returns one (it is connected then).</summary>
    public TcpInfoSampler(Func<Socket?> socket, TimeSpan period)
    {
        _socket = socket;
        Period = period;
        _thread = new Thread(Run) { IsBackground = true, Name = "lab traffic tcp_info" };
    }

    /// <summary>The time between periodic samples.</summary>
    public TimeSpan Period { get; }

    /// <summary>Why sampling ended early (the limit), or null.</summary>
    public string? Note { get; private set; }

    public void Start()
    {
        _startedAt = Stopwatch.GetTimestamp();
        _thread.Start();
    }

    /// <summary>Takes a sample now (the sender calls it after each send() returns); its time counts in <see cref="Cost"/>.</summary>
    public void SampleNow()
    {
        if (_socket() is { } socket)
        {
            long before = Stopwatch.GetTimestamp();
            Take(socket);
            _senderTicks += Stopwatch.GetTimestamp() - before;
        }
    }

    /// <summary>
    /// What sampling took, known after <see cref="Finish"/>: the CPU time of the sampling thread plus the time the
    /// sender's thread spent taking its samples, and the time sampling ran (start to the sampling thread's end).
    /// </summary>
    public (TimeSpan Used, TimeSpan Ran) Cost =>
        (TimeSpan.FromTicks(Volatile.Read(ref _threadCpuNanoseconds) / 100) + Stopwatch.GetElapsedTime(0, _senderTicks),
         Stopwatch.GetElapsedTime(_startedAt, Volatile.Read(ref _endedAt) is > 0 and var end ? end : Stopwatch.GetTimestamp()));

    /// <summary>Stops sampling and returns the series (null when the socket never connected).</summary>
    public TcpInfoSeries? Finish(string congestionControl)
    {
        _stop = true;
        if (_thread.IsAlive)
            _thread.Join(TimeSpan.FromSeconds(2));
        lock (_gate)
        {
            if (_sender is null || _receiver is null)
                return null;
            return new TcpInfoSeries(_sender, _receiver, congestionControl, [.. _samples.OrderBy(s => s.TimestampNanoseconds)]);
        }
    }

    private void Run()
    {
        long cpuAtStart = ThreadCpuNanoseconds();
        try
        {
            while (!_stop)
            {
                if (_socket() is { } socket && !Take(socket))
                    return;
                Thread.Sleep(Period);
            }
        }
        finally
        {
            if (cpuAtStart >= 0 && ThreadCpuNanoseconds() is >= 0 and var cpuAtEnd)
                Volatile.Write(ref _threadCpuNanoseconds, cpuAtEnd - cpuAtStart);
            Volatile.Write(ref _endedAt, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>The calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID) in nanoseconds, or -1 where there is none.</summary>
    private static long ThreadCpuNanoseconds() =>
        OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var time) == 0 ? time.Seconds * 1_000_000_000 + time.Nanoseconds : -1;

    private const int ClockThreadCpuTime = 3;   // CLOCK_THREAD_CPUTIME_ID, <time.h>

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // int clock_gettime(clockid_t clockid, struct timespec *tp);
    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>One sample; false once the socket is gone (closed by the transfer) or the limit is reached.</summary>
    private bool Take(Socket socket)
    {
        Span<byte> info = stackalloc byte[TcpInfoSample.Field.Length];
        int length;
        long now;
        try
        {
            _sender ??= socket.LocalEndPoint as IPEndPoint;
            _receiver ??= socket.RemoteEndPoint as IPEndPoint;
            // One sample at a time (the sender's after send() and the periodic one), each stamped before the next is
            // read: in time order the kernel's counters (bytes acked) then never go back.
            lock (_reading)
            {
                length = socket.GetRawSocketOption((int)SocketOptionLevel.Tcp, TcpInfoOption, info);
                now = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
            return false;
        }
        if (!TcpInfoSample.TryRead(info[..length], now, out var sample))
            return false;
        lock (_gate)
        {
            if (_samples.Count >= MaxSamples)
            {
                Note = $"sampling stopped after {MaxSamples:N0} samples";
                return false;
            }
            _samples.Add(sample);
        }
        if (Board is { } board && _sender is not null && _receiver is not null
            && System.Diagnostics.Stopwatch.GetElapsedTime(Volatile.Read(ref _publishedAt)) >= TcpInfoBoard.Interval)
        {
            Volatile.Write(ref _publishedAt, System.Diagnostics.Stopwatch.GetTimestamp());
            board.Publish(new TcpInfoSeries(_sender, _receiver, CongestionControl, [sample]));
        }
        return true;
    }

    public void Dispose()
    {
        _stop = true;
    }
}
