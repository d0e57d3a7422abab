using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RawNet.Capture.LibPcap;
using RawNet.Capture.Ring;
using RawNet.Capture.Sources;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Files;
using RawNet.Protocols;
using static RawNet.Capture.Sources.AfPacket.Interop.PacketSocket;

namespace RawNet.Capture.Replay;

/// <summary>
/// Sends the frames of a capture file out of one interface through an AF_PACKET SOCK_RAW socket of its own, one send(2)
/// per frame (or, where AF_PACKET does not exist or <c>--backend libpcap</c> asks, one pcap_sendpacket a frame), on a schedule of absolute deadlines measured from the first frame: each wait sleeps until about
/// <see cref="SpinMargin"/> before its deadline and spins the rest, so a late wake-up never shifts later frames.
/// </summary>
public sealed unsafe class PacketReplayer : IDisposable
{
    /// <summary>How many refused frame numbers a result lists; all are counted.</summary>
    public const int MaxListedFailures = 1000;

    /// <summary>How long before a deadline sleeping gives way to spinning; Thread.Sleep oversleeps by up to ~100 µs on Linux.</summary>
    private static readonly long SpinMargin = Stopwatch.Frequency / 5000;

    /// <summary>How long one frame may meet ENOBUFS (a full device queue) before it counts as refused.</summary>
    private static readonly long FullQueuePatience = Stopwatch.Frequency;

    /// <summary>How far after opening the schedule starts: time for the first wait to spin like every other.</summary>
    private static readonly long StartDelay = Stopwatch.Frequency / 1000;

    /// <summary>The longest single sleep, so a stop request is seen within it.</summary>
    private const int MaxSleepChunkMilliseconds = 50;

    private readonly SafePacketSocketHandle? _socket;
    private readonly PcapFrameSender? _pcap;

    private PacketReplayer(SafePacketSocketHandle? socket, PcapFrameSender? pcap, string interfaceName)
    {
        _socket = socket;
        _pcap = pcap;
        InterfaceName = interfaceName;
    }

    /// <summary>The interface frames leave by.</summary>
    public string InterfaceName { get; }

    /// <summary>The back end frames leave through: <see cref="CaptureBackends.AfPacket"/> or <see cref="CaptureBackends.LibPcap"/>.</summary>
    public string BackendName => _pcap is null ? CaptureBackends.AfPacket : CaptureBackends.LibPcap;

    /// <summary>Opens a sender on <paramref name="interfaceName"/> through <paramref name="backend"/> (<see cref="CaptureBackends.ForSending(string)"/> picks for auto).</summary>
    /// <exception cref="ReplayException">No CAP_NET_RAW (the message names root and setcap), no such interface, no libpcap, or another refusal.</exception>
    public static PacketReplayer Open(string interfaceName, string backend = CaptureBackends.Auto)
    {
        backend = CaptureBackends.ForSending(backend);
        if (CaptureBackends.Unavailable(backend) is { } unavailable)
            throw new ReplayException(unavailable);
        return backend == CaptureBackends.LibPcap ? OpenLibPcap(interfaceName) : OpenAfPacket(interfaceName);
    }

    private static PacketReplayer OpenLibPcap(string interfaceName)
    {
        try
        {
            return new PacketReplayer(null, PcapFrameSender.Open(interfaceName), interfaceName);
        }
        catch (LibPcapUnavailableException e)
        {
            throw new ReplayException(e.Message);
        }
        catch (PcapException e)
        {
            throw new ReplayException(e.Status switch
            {
                LibPcapCaptureSource.PermissionDeniedStatus => PermissionMessage(interfaceName),
                LibPcapCaptureSource.NoSuchDeviceStatus => $"{interfaceName}: No such interface (see rawnet interfaces)",
                _ => e.Message,
            });
        }
    }

    private static PacketReplayer OpenAfPacket(string interfaceName)
    {
        // Protocol 0: the socket receives nothing, so no frame is copied to it while it sends.
        var fd = Socket(AddressFamilyPacket, SockRaw | SockCloexec, 0);
        if (fd < 0)
            throw Refusal(Marshal.GetLastPInvokeError(), "socket", interfaceName);
        var socket = new SafePacketSocketHandle(fd);
        try
        {
            var address = new SockaddrLl { Family = AddressFamilyPacket, IfIndex = (int)IfNameToIndex(interfaceName) };
            if (address.IfIndex == 0)
                throw new ReplayException($"{interfaceName}: No such interface (see rawnet interfaces)");
            if (Bind(socket, &address, sizeof(SockaddrLl)) != 0)
                throw Refusal(Marshal.GetLastPInvokeError(), "bind", interfaceName);
            return new PacketReplayer(socket, null, interfaceName);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static ReplayException Refusal(int errno, string call, string interfaceName) => errno switch
    {
        Interop.Errno.EPERM or Interop.Errno.EACCES => new ReplayException(PermissionMessage(interfaceName)),
        _ => new ReplayException(AfPacketException.FromErrno(errno, call, interfaceName).Message),
    };

    /// <summary>The one-line refusal for lack of CAP_NET_RAW, naming both fixes.</summary>
    public static string PermissionMessage(string interfaceName) =>
        new CapturePermissionException(interfaceName, Interop.Errno.EPERM).Message
            .Replace("cannot capture on", "cannot send on", StringComparison.Ordinal)
            .Replace("capturing needs", "sending raw frames needs", StringComparison.Ordinal);

    /// <summary>
    /// Sends every frame of <paramref name="path"/> (Ethernet only) <see cref="ReplayOptions.Loops"/> times as
    /// <paramref name="options"/> paces them, until the end or <paramref name="cancel"/>.
    /// </summary>
    /// <remarks>
    /// The file is read on a thread of its own (<see cref="FileFeeder"/>) into a lossless ring, each frame with its
    /// scheduled offset, so the sending loop does nothing but wait, send and count: no file reading, page fault or
    /// parsing between a deadline and its send(2) (tcpreplay preloads for the same reason).
    /// </remarks>
    /// <exception cref="ReplayException">The file is not Ethernet, or the interface failed in a way other than refusing one frame.</exception>
    /// <exception cref="CaptureFileException">The file is damaged (the frames before the damage were sent).</exception>
    // AggressiveOptimization here and on the send and wait paths: tiered compilation's tier-0 code and its mid-loop
    // switch to tier 1 cost stalls that doubled the 50,000 pps timing error (tests/bench/replay.sh).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReplayResult Replay(string path, ReplayOptions options, CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Loops, 1);
        var tally = new Tally();
        long origin = 0;
        using var feeder = new FileFeeder(path, options, cancel);
        var frames = feeder.Frames;
        while (!cancel.IsCancellationRequested)
        {
            if (!frames.TryReadBatch(out var batch))
            {
                if (!frames.WaitForData(cancel))
                    break;
                continue;
            }
            foreach (var frame in batch)
            {
                // The feeder puts the frame's scheduled offset where the capture's timestamp was (-1: at once).
                long offset = frame.TimestampNanoseconds;
                if (tally.Attempted == 0)
                {
                    // The first frame goes through the same wait and send path as the rest, already compiled, so it
                    // is not late by a cold start that would then count against every later one.
                    WarmUp();
                    origin = Stopwatch.GetTimestamp() + StartDelay;
                }
                long now = offset < 0
                    ? Stopwatch.GetTimestamp()
                    : WaitUntil(origin + ToTicks(offset), cancel);
                if (cancel.IsCancellationRequested)
                    break;
                tally.Attempted++;
                if (offset >= 0)
                    tally.AddError(Math.Abs(now - origin - ToTicks(offset)));
                if (SendOne(frame.Data, cancel))
                {
                    tally.Packets++;
                    tally.Bytes += frame.Data.Length;
                    tally.Last = Stopwatch.GetTimestamp();
                }
                else
                {
                    tally.Refuse(FileFeeder.FrameNumber(frame));
                }
            }
            batch.Release();
        }
        feeder.ThrowIfFailed();
        return tally.Result(origin, cancel.IsCancellationRequested);
    }

    /// <summary>Sends one frame: true if accepted, false if refused (EMSGSIZE, or ENOBUFS for longer than <see cref="FullQueuePatience"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SendOne(ReadOnlySpan<byte> data, CancellationToken cancel)
    {
        long firstFull = 0;
        while (true)
        {
            var outcome = _pcap is null ? SendOnSocket(data) : SendWithLibPcap(data);
            switch (outcome)
            {
                case PcapFrameSender.Outcome.Sent:
                    return true;
                case PcapFrameSender.Outcome.TooLong:
                    return false;
                case PcapFrameSender.Outcome.QueueFull:
                    long now = Stopwatch.GetTimestamp();
                    if (firstFull == 0)
                        firstFull = now;
                    else if (now - firstFull > FullQueuePatience || cancel.IsCancellationRequested)
                        return false;
                    Thread.Sleep(0);
                    continue;
            }
        }
    }

    /// <summary>One send(2) on the AF_PACKET socket, retried on EINTR; errors other than EMSGSIZE and ENOBUFS end the replay.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private PcapFrameSender.Outcome SendOnSocket(ReadOnlySpan<byte> data)
    {
        while (true)
        {
            nint n;
            fixed (byte* p = data)
                n = Interop.PacketSend.Send(_socket!, p, (nuint)data.Length, 0);
            if (n >= 0)
                return PcapFrameSender.Outcome.Sent;
            int errno = Marshal.GetLastPInvokeError();
            switch (errno)
            {
                case Interop.PacketSend.EMSGSIZE:
                    return PcapFrameSender.Outcome.TooLong;
                case Interop.PacketSend.ENOBUFS:
                    return PcapFrameSender.Outcome.QueueFull;
                case Interop.Errno.EINTR:
                    continue;
                default:
                    throw Refusal(errno, "send", InterfaceName);
            }
        }
    }

    private PcapFrameSender.Outcome SendWithLibPcap(ReadOnlySpan<byte> data)
    {
        try
        {
            return _pcap!.Send(data);
        }
        catch (PcapException e)
        {
            throw new ReplayException(e.Message);
        }
    }

    /// <summary>Sleeps until just before <paramref name="deadline"/> (a Stopwatch timestamp), spins the rest; returns the time it woke.</summary>
    /// <remarks>Internal so the timing tests can measure this machine's own wake-up noise with the very same wait.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static long WaitUntil(long deadline, CancellationToken cancel)
    {
        long now = Stopwatch.GetTimestamp();
        // Thread.Sleep wakes within ~100 µs on Linux (a wait handle's timeout is coarser); chunks of at most
        // MaxSleepChunk keep Ctrl-C prompt during long recorded gaps.
        long sleep;
        while ((sleep = deadline - SpinMargin - now) >= Stopwatch.Frequency / 1000 && !cancel.IsCancellationRequested)
        {
            Thread.Sleep((int)Math.Min(sleep * 1000 / Stopwatch.Frequency, MaxSleepChunkMilliseconds));
            now = Stopwatch.GetTimestamp();
        }
        if (cancel.IsCancellationRequested)
            return now;
        while (now < deadline)
        {
            Thread.SpinWait(8);
            now = Stopwatch.GetTimestamp();
        }
        return now;
    }

    /// <summary>Nanoseconds to Stopwatch ticks; offset × Frequency would overflow a long after 9.2 s at 1 GHz.</summary>
    private static long ToTicks(long nanoseconds) => (long)(nanoseconds * (Stopwatch.Frequency / 1e9));

    private void WarmUp()
    {
        foreach (var (type, name) in new[] { (typeof(PacketReplayer), nameof(SendOne)), (typeof(PacketReplayer), nameof(WaitUntil)),
            (typeof(PacketReplayer), nameof(SendOnSocket)), (typeof(PacketReplayer), nameof(SendWithLibPcap)), (typeof(Interop.PacketSend), nameof(Interop.PacketSend.Send)) })
        {
            var method = type.GetMethod(name, System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)!;
            RuntimeHelpers.PrepareMethod(method.MethodHandle);
        }
        if (_socket is null)
            return;
        // PrepareMethod compiles the send stub but does not bind libc's send(2); the first real call would, and that
        // made the first frame late by tens of µs against every later one. send(-1) binds it and fails with EBADF,
        // sending nothing (a zero-length send on the real socket would put a padded empty frame on the wire).
        using var invalid = new SafePacketSocketHandle(-1);
        byte none = 0;
        _ = Interop.PacketSend.Send(invalid, &none, 1, 0);
    }

    /// <summary>Closes the socket (or libpcap's handle).</summary>
    public void Dispose()
    {
        _socket?.Dispose();
        _pcap?.Dispose();
    }

    /// <summary>
    /// Reads the capture file, every loop of it, on a thread of its own into a <see cref="RingPolicy.Lossless"/> ring,
    /// waiting while the sender is behind: each record holds the frame, its scheduled offset (<see cref="Schedule"/>) in
    /// place of the timestamp and its number in the file in place of the interface id. The first frame that is not
    /// Ethernet, or a damaged file, ends the feed; the sender sends what came before and then <see cref="ThrowIfFailed"/>.
    /// </summary>
    private sealed class FileFeeder : IDisposable
    {
        /// <summary>Ring size: some 2,700 full-size frames ahead of the sender, a few jumbo ones at least.</summary>
        private const int RingBytes = 4 << 20;

        private readonly PacketRing _ring = new(RingBytes, RingPolicy.Lossless);
        private readonly CancellationTokenSource _stop;
        private readonly Thread _thread;
        private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _failure;

        public FileFeeder(string path, ReplayOptions options, CancellationToken cancel)
        {
            Frames = _ring.AddConsumer("replay sender");
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            // Opened here, so a missing or unreadable file is thrown to the caller before anything starts.
            var first = CaptureFileReader.Open(path);
            _thread = new Thread(() => Feed(path, first, options)) { IsBackground = true, Name = "rawnet replay reader" };
            _thread.Start();
        }

        /// <summary>The sender's view of the ring.</summary>
        public RingConsumer Frames { get; }

        /// <summary>The frame's number in its file, which the feeder put in the record's interface id.</summary>
        public static long FrameNumber(in RingRecord record) => record.InterfaceId;

        private void Feed(string path, CaptureFileReader reader, ReplayOptions options)
        {
            var schedule = new Schedule(options);
            var token = _stop.Token;
            try
            {
                for (int loop = 0; loop < options.Loops && !token.IsCancellationRequested; loop++)
                {
                    using (reader)
                    {
                        schedule.StartLoop();
                        while (!token.IsCancellationRequested && reader.TryReadNext(out var frame))
                        {
                            if (frame.Metadata.LinkType != LinkType.Ethernet)
                                throw new ReplayException($"{path}: frame {reader.PacketNumber} has link type {frame.Metadata.LinkType}; only Ethernet frames can be replayed");
                            long offset = schedule.Next(frame.Metadata.TimestampNanoseconds);
                            _ring.Write(frame.Metadata with { TimestampNanoseconds = offset, InterfaceId = (int)Math.Min(reader.PacketNumber, int.MaxValue) }, frame.Data, token);
                        }
                    }
                    if (loop + 1 < options.Loops && !token.IsCancellationRequested)
                        reader = CaptureFileReader.Open(path);
                }
            }
            catch (OperationCanceledException)
            {
                // The sender stopped (Ctrl-C, or it failed): nothing more is wanted.
            }
            catch (Exception e)
            {
                _failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                reader.Dispose();
                _ring.Complete();
            }
        }

        /// <summary>Throws what ended the feed early (a frame that is not Ethernet, a damaged file), once every frame before it was sent.</summary>
        public void ThrowIfFailed()
        {
            _thread.Join();
            _failure?.Throw();
        }

        /// <summary>Stops the reader, if the sender ended first.</summary>
        public void Dispose()
        {
            _stop.Cancel();
            _thread.Join();
            _stop.Dispose();
        }
    }

    /// <summary>Scheduled offsets in nanoseconds from the first frame; −1 at top speed.</summary>
    private sealed class Schedule(ReplayOptions options)
    {
        private long _index;
        private long _loopBase;
        private long _last;
        private long _firstTimestamp;
        private bool _loopStarted;

        public void StartLoop()
        {
            // The next loop's first frame goes right after the last one's, as tcpreplay does.
            _loopBase = _last;
            _loopStarted = false;
        }

        public long Next(long timestampNanoseconds)
        {
            switch (options.Pacing)
            {
                case ReplayPacing.TopSpeed:
                    return -1;
                case ReplayPacing.FixedRate:
                    return (long)(_index++ * (1e9 / options.PacketsPerSecond));
                default:
                    if (!_loopStarted)
                    {
                        _firstTimestamp = timestampNanoseconds;
                        _loopStarted = true;
                    }
                    // A timestamp that goes backwards is sent at once rather than scheduled in the past.
                    long offset = _loopBase + (long)(Math.Max(0, timestampNanoseconds - _firstTimestamp) / options.Speed);
                    _last = Math.Max(_last, offset);
                    return _last;
            }
        }
    }

    private sealed class Tally
    {
        private readonly List<long> _failed = [];
        private long _failedCount;
        private double _errorSum;
        private long _errorMax;
        private long _errorCount;

        public long Attempted;
        public long Packets;
        public long Bytes;
        public long Last;

        public void AddError(long ticks)
        {
            _errorSum += ticks;
            _errorMax = Math.Max(_errorMax, ticks);
            _errorCount++;
        }

        public void Refuse(long frameNumber)
        {
            _failedCount++;
            if (_failed.Count < MaxListedFailures)
                _failed.Add(frameNumber);
        }

        public ReplayResult Result(long origin, bool interrupted)
        {
            double microsecondsPerTick = 1e6 / Stopwatch.Frequency;
            var elapsed = Packets > 0 ? Stopwatch.GetElapsedTime(origin, Last) : TimeSpan.Zero;
            double mean = _errorCount > 0 ? _errorSum / _errorCount * microsecondsPerTick : 0;
            return new ReplayResult(Packets, Bytes, elapsed, mean, _errorMax * microsecondsPerTick, _failedCount, _failed, interrupted);
        }
    }
}
