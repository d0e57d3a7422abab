using System.Diagnostics;
using System.Runtime.InteropServices;
using RawNet.Capture.Ring;
using RawNet.Capture.Sources;

namespace RawNet.Capture.Sessions;

/// <summary>
/// One live capture: a capture thread pulls frames from an <see cref="ICaptureSource"/> and copies them into a lossy
/// <see cref="PacketRing"/>, never waiting for the consumers (printing, decoding, file writing), which read the ring on
/// their own threads. When the ring is full the newest frame is dropped and counted, so a slow consumer costs frames,
/// not kernel buffer space.
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

    private readonly ICaptureSource _source;
    private readonly CaptureSessionOptions _options;
    private readonly ManualResetEventSlim _finished = new(false);
    private Thread? _thread;
    private Timer? _durationTimer;
    private volatile bool _stopRequested;
    private CaptureSourceStatistics _finalStatistics;
    private Exception? _failure;

    /// <summary>A session over <paramref name="source"/>, which it does not own: dispose the source after the session.</summary>
    public CaptureSession(ICaptureSource source, CaptureSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _options = options ?? new CaptureSessionOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.Count, nameof(options));
        Ring = new PacketRing(_options.RingBytes, RingPolicy.Lossy);
    }

    /// <summary>The ring the capture thread writes into.</summary>
    public PacketRing Ring { get; }

    /// <summary>The source frames come from.</summary>
    public ICaptureSource Source => _source;

    /// <summary>True once the capture thread has stopped and completed the ring.</summary>
    public bool IsFinished => _finished.IsSet;

    /// <summary>What ended the capture thread other than a normal stop (e.g. the interface went away), or null.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>Captured and ring-dropped frames so far; the kernel's figures once the session has finished.</summary>
    public CaptureCounters Counters
    {
        get
        {
            var kernel = _finished.IsSet ? _finalStatistics : default;
            return new CaptureCounters(Ring.WrittenRecords, kernel.ReceivedByFilter, kernel.DroppedByKernel, Ring.DroppedRecords);
        }
    }

    /// <summary>Adds a consumer that sees every captured frame; only before <see cref="Start"/>.</summary>
    public RingConsumer AddConsumer(string name)
    {
        if (_thread is not null)
            throw new InvalidOperationException("Consumers must be added before the session starts.");
        return Ring.AddConsumer(name);
    }

    /// <summary>Starts the capture thread.</summary>
    public void Start()
    {
        if (_thread is not null)
            throw new InvalidOperationException("The session has already started.");
        _thread = new Thread(CaptureLoop) { IsBackground = true, Name = "rawnet capture " + _source.InterfaceName };
        _thread.Start();
        // A source may block until a frame arrives (libpcap's TPACKET_V3 mode waits for a kernel block, however long):
        // the deadline must be able to interrupt it from outside.
        if (_options.Duration is { } duration)
            _durationTimer = new Timer(_ => Stop(), null, duration, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Asks the capture thread to stop; it completes the ring promptly. Safe from any thread, any number of times.</summary>
    public void Stop()
    {
        _stopRequested = true;
        _source.Stop();
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
        _thread?.Join();
        _durationTimer?.Dispose();
        _finished.Dispose();
    }

    private void CaptureLoop()
    {
        long limit = _options.Count;
        long written = 0;
        long deadline = _options.Duration is { } duration
            ? Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency)
            : long.MaxValue;
        var ring = Ring;
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
                if (!_source.TryNext(wait, out var frame))
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
                    while (!reachedLimit && ++run < MaxRun && _source.TryNextReady(out frame));
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
            Volatile.Write(ref _failure, e);
        }
        finally
        {
            try
            {
                _finalStatistics = _source.GetStatistics();
            }
            catch (Exception e) when (Failure is null)
            {
                Volatile.Write(ref _failure, e);
            }
            catch (Exception)
            {
                // The first failure is the one worth reporting.
            }
            ring.Complete();
            _finished.Set();
        }
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
