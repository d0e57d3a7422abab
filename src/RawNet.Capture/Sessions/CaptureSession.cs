using System.Diagnostics;
using System.Runtime.InteropServices;
using RawNet.Capture.Ring;
using RawNet.Capture.Sources;

namespace RawNet.Capture.Sessions;

/// <summary>
/// One live capture: a capture thread pulls frames from an <see cref="ICaptureSource"/> and copies them into a lossy
/// <see cref="PacketRing"/>, never waiting for the consumers (printing, decoding, file writing), which read the ring on
/// their own threads. When the ring is full the newest frame is dropped and counted, so a slow consumer costs frames,
/// not kernel buffer space. Over several sources (the sockets of a PACKET_FANOUT group) each has its own thread and
/// ring, and <see cref="AddReader"/> reads them merged in timestamp order (<see cref="TimestampMerge"/>).
/// </summary>
/// <remarks>
/// Add consumers, <see cref="Start"/>, then read each consumer until <see cref="RingConsumer.WaitForData"/> returns
/// false: the capture thread completes the ring when it stops (count, duration, <see cref="Stop"/>, a signal, or a
/// failure of the source, kept in <see cref="Failure"/>). <see cref="Counters"/> are final once the ring is completed.
/// </remarks>
public sealed class CaptureSession : IDisposable
{
    /// <summary>How long one wait on the source may last before the capture thread looks at its stop conditions again.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The most frames appended before one publish, so consumers see a long burst in parts.</summary>
    private const int MaxRun = 1024;

    private readonly ICaptureSource[] _sources;
    private readonly PacketRing[] _rings;
    private readonly CaptureSessionOptions _options;
    private readonly ManualResetEventSlim _finished = new(false);
    private readonly CaptureSourceStatistics[] _finalStatistics;
    private Thread[]? _threads;
    private int _running;
    private Timer? _durationTimer;
    private volatile bool _stopRequested;
    private TimestampMerge? _merge;
    private Exception? _failure;

    /// <summary>A session over <paramref name="source"/>, which it does not own: dispose the source after the session.</summary>
    public CaptureSession(ICaptureSource source, CaptureSessionOptions? options = null)
        : this([source ?? throw new ArgumentNullException(nameof(source))], options)
    {
    }

    /// <summary>
    /// A session over <paramref name="sources"/> (the sockets of one fanout group, each with a ring of
    /// <see cref="CaptureSessionOptions.RingBytes"/>), which it does not own: dispose them after the session.
    /// </summary>
    public CaptureSession(IReadOnlyList<ICaptureSource> sources, CaptureSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentOutOfRangeException.ThrowIfZero(sources.Count, nameof(sources));
        _sources = [.. sources];
        _options = options ?? new CaptureSessionOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.Count, nameof(options));
        // One doorbell for all rings, so a reader of several (a TimestampMerge) sleeps until any of them publishes.
        var doorbell = new RingDoorbell();
        _rings = [.. _sources.Select(_ => new PacketRing(_options.RingBytes, RingPolicy.Lossy, doorbell))];
        _finalStatistics = new CaptureSourceStatistics[_sources.Length];
    }

    /// <summary>The ring the (first) capture thread writes into.</summary>
    public PacketRing Ring => _rings[0];

    /// <summary>The rings, one per source.</summary>
    public IReadOnlyList<PacketRing> Rings => _rings;

    /// <summary>The (first) source frames come from.</summary>
    public ICaptureSource Source => _sources[0];

    /// <summary>The sources, one capture thread each.</summary>
    public IReadOnlyList<ICaptureSource> Sources => _sources;

    /// <summary>True once every capture thread has stopped and completed its ring.</summary>
    public bool IsFinished => _finished.IsSet;

    /// <summary>What ended a capture thread other than a normal stop (e.g. the interface went away), or null; it stops the others.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>
    /// Captured and ring-dropped frames so far, summed over the sources; the kernel's figures once the session has
    /// finished. With several sources and a <see cref="CaptureSessionOptions.Count"/>, captured frames beyond the count
    /// (in the rings when the merge reached it) are not counted, as one source would have stopped at the count.
    /// </summary>
    public CaptureCounters Counters
    {
        get
        {
            bool finished = _finished.IsSet;
            long captured = 0, received = 0, droppedByKernel = 0, droppedByRing = 0;
            for (var i = 0; i < _rings.Length; i++)
            {
                captured += _rings[i].WrittenRecords;
                droppedByRing += _rings[i].DroppedRecords;
                if (finished)
                {
                    received += _finalStatistics[i].ReceivedByFilter;
                    droppedByKernel += _finalStatistics[i].DroppedByKernel;
                }
            }
            if (_rings.Length > 1 && _options.Count > 0)
                captured = Math.Min(captured, _options.Count);
            return new CaptureCounters(captured, received, droppedByKernel, droppedByRing, _merge?.LateRecords ?? 0);
        }
    }

    /// <summary>The kernel's figures for each source once the session has finished (how a fanout group shared the frames); empty before.</summary>
    public IReadOnlyList<CaptureSourceStatistics> SourceStatistics => _finished.IsSet ? _finalStatistics : [];

    /// <summary>Adds a consumer that sees every captured frame; only before <see cref="Start"/>, and only with one source.</summary>
    public RingConsumer AddConsumer(string name)
    {
        if (_threads is not null)
            throw new InvalidOperationException("Consumers must be added before the session starts.");
        if (_rings.Length > 1)
            throw new InvalidOperationException("A session over several sources is read through AddReader, which merges their rings.");
        return Ring.AddConsumer(name);
    }

    /// <summary>
    /// Adds the reader of every captured frame: the ring's consumer with one source, else the one
    /// <see cref="TimestampMerge"/> of all rings (which applies <see cref="CaptureSessionOptions.Count"/>); only before
    /// <see cref="Start"/>.
    /// </summary>
    public IRecordBatchReader AddReader(string name, TimeSpan? mergeWindow = null)
    {
        if (_rings.Length == 1)
            return AddConsumer(name);
        if (_threads is not null)
            throw new InvalidOperationException("Consumers must be added before the session starts.");
        if (_merge is not null)
            throw new InvalidOperationException("A session over several sources has one merged reader.");
        var consumers = _rings.Select((ring, i) => ring.AddConsumer($"{name} {i}")).ToList();
        _merge = new TimestampMerge(consumers, mergeWindow ?? TimestampMerge.DefaultWindow, _options.Count, Stop);
        return _merge;
    }

    /// <summary>Starts the capture threads.</summary>
    public void Start()
    {
        if (_threads is not null)
            throw new InvalidOperationException("The session has already started.");
        _running = _sources.Length;
        _threads = new Thread[_sources.Length];
        for (var i = 0; i < _sources.Length; i++)
        {
            int index = i;
            var name = "rawnet capture " + _sources[i].InterfaceName + (_sources.Length > 1 ? " " + i : "");
            _threads[i] = new Thread(() => CaptureLoop(index)) { IsBackground = true, Name = name };
        }
        foreach (var thread in _threads)
            thread.Start();
        // A source may block until a frame arrives (libpcap's TPACKET_V3 mode waits for a kernel block, however long):
        // the deadline must be able to interrupt it from outside.
        if (_options.Duration is { } duration)
            _durationTimer = new Timer(_ => Stop(), null, duration, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Asks the capture thread to stop; it completes the ring promptly. Safe from any thread, any number of times.</summary>
    public void Stop()
    {
        _stopRequested = true;
        foreach (var source in _sources)
            source.Stop();
    }

    /// <summary>Waits until the capture thread has finished; false if <paramref name="timeout"/> passed first.</summary>
    public bool WaitForFinish(TimeSpan timeout) => _finished.Wait(timeout);

    /// <summary>
    /// Makes the first SIGINT (Ctrl-C) or SIGTERM stop the session instead of the process, so the consumers can drain
    /// the ring and close their files; a second one ends the process as usual. Dispose the result to restore the default.
    /// </summary>
    public IDisposable StopOnSignals()
    {
        int signalled = 0;
        void Handle(PosixSignalContext context)
        {
            if (Interlocked.Exchange(ref signalled, 1) != 0)
                return;
            context.Cancel = true;
            Stop();
        }
        return new SignalRegistrations(
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle));
    }

    /// <summary>Stops the capture thread and waits for it; the ring stays readable.</summary>
    public void Dispose()
    {
        Stop();
        foreach (var thread in _threads ?? [])
            thread.Join();
        _durationTimer?.Dispose();
        _finished.Dispose();
    }

    private void CaptureLoop(int index)
    {
        var source = _sources[index];
        // Over several sources the merge applies the count: it alone knows which frames come first.
        long limit = _sources.Length == 1 ? _options.Count : 0;
        long written = 0;
        long deadline = _options.Duration is { } duration
            ? Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency)
            : long.MaxValue;
        var ring = _rings[index];
        int maxLength = ring.MaxRecordDataLength;
        try
        {
            while (!_stopRequested)
            {
                var wait = PollInterval;
                if (deadline != long.MaxValue)
                {
                    long left = deadline - Stopwatch.GetTimestamp();
                    if (left <= 0)
                        break;
                    wait = TimeSpan.FromSeconds(Math.Min(wait.TotalSeconds, (double)left / Stopwatch.Frequency));
                }
                if (!source.TryNext(wait, out var frame))
                    continue;
                // The frames the source holds already (the rest of a TPACKET_V3 block) go into the ring as one run,
                // published once: the consumers' cursors and wake-ups are touched once a block, not once a frame.
                var appender = ring.BeginAppend();
                bool reachedLimit = false;
                int run = 0;
                try
                {
                    do
                    {
                        var data = frame.Data;
                        var metadata = frame.Metadata;
                        if (data.Length > maxLength)
                        {
                            data = data[..maxLength];
                            metadata = metadata with { CapturedLength = maxLength };
                        }
                        // Lossy: a full ring refuses the frame and counts it; the capture thread never waits for a consumer.
                        if (appender.TryAppend(metadata, data) && ++written == limit)
                            reachedLimit = true;
                    }
                    while (!reachedLimit && ++run < MaxRun && source.TryNextReady(out frame));
                }
                finally
                {
                    // Published even when the source fails mid-run: nothing already captured is lost.
                    appender.Publish();
                }
                if (reachedLimit)
                    break;
            }
        }
        catch (Exception e)
        {
            Fail(e);
        }
        finally
        {
            try
            {
                _finalStatistics[index] = source.GetStatistics();
            }
            catch (Exception e)
            {
                Fail(e);
            }
            ring.Complete();
            if (Interlocked.Decrement(ref _running) == 0)
                _finished.Set();
        }
    }

    /// <summary>Keeps the first failure (the one worth reporting) and stops the other capture threads: a capture missing a socket's share is not what was asked for.</summary>
    private void Fail(Exception e)
    {
        if (Interlocked.CompareExchange(ref _failure, e, null) is null && _sources.Length > 1)
            Stop();
    }

    private sealed class SignalRegistrations(params PosixSignalRegistration[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
                registration.Dispose();
        }
    }
}
