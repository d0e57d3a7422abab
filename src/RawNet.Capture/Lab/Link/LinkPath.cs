using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RawNet.Capture.Ring;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Files;
using RawNet.Protocols;
using static RawNet.Capture.Sources.AfPacket.Interop.PacketSend;

namespace RawNet.Capture.Lab.Link;

/// <summary>
/// One direction of the lab link, run by one thread: frames come in through a TPACKET_V3 ring on one side, get their
/// fate from the direction's dice in arrival order, wait in a delay line (a <see cref="PacketRing"/> whose record
/// timestamps are departure times, kept in order) and leave by an AF_PACKET socket on the other side. A frame that
/// needs no waiting leaves straight from the kernel's ring, without a copy.
/// </summary>
internal sealed unsafe class LinkPath
{
    /// <summary>Frames handled between two looks at the delay line, so a burst cannot starve frames that are due.</summary>
    private const int ReceiveBatch = 64;

    /// <summary>How long an idle path waits for frames before it looks at its stop flag again.</summary>
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(100);

    /// <summary>How often the kernel's drop count of the receive ring is read into the counters.</summary>
    private static readonly long StatisticsInterval = System.Diagnostics.Stopwatch.Frequency / 10;

    /// <summary>Flag in a delay-line record's interface id: send the frame twice.</summary>
    private const int DuplicateFlag = 1;

    private const int EthernetHeaderLength = 14;

    /// <summary>Frames sent with one system call at most.</summary>
    private const int SendBatch = 64;

    /// <summary>Room per frame in the send batch: the largest frame the largest MTU allows, with an 802.1Q tag.</summary>
    private const int SlotLength = LinkSettings.MaxMtu + 14 + 4;

    /// <summary>Sends refused with ENOBUFS are retried this often (yielding between) before the frame counts as a send failure.</summary>
    private const int FullQueueRetries = 1000;

    private readonly AfPacketCaptureSource _incoming;
    private readonly SafePacketSocketHandle _outgoing;
    private readonly LinkDirection _direction;
    private readonly LinkStatusBoard _board;
    private readonly PacketRing _delayLine;
    private readonly RingConsumer _delayReader;
    private readonly long[] _transmitEnds = new long[LinkImpairment.MaxQueueFrames];
    private readonly byte[] _corrupted = new byte[LinkSettings.MaxMtu + 64];

    /// <summary>Frames to send, copied into fixed slots and sent with one sendmmsg(2) per batch: a system call per frame was the send side's cost.</summary>
    private readonly byte[] _outgoingFrames = GC.AllocateArray<byte>(SendBatch * SlotLength, pinned: true);
    private readonly Interop.PacketSend.IoVec[] _outgoingVectors = GC.AllocateArray<Interop.PacketSend.IoVec>(SendBatch, pinned: true);
    private readonly Interop.PacketSend.MMsgHdr[] _outgoingMessages = GC.AllocateArray<Interop.PacketSend.MMsgHdr>(SendBatch, pinned: true);
    private int _outgoingCount;
    private LinkSettings _settings;
    private LinkRandom _random;
    private ulong _seed;
    private int _queueHead;
    private int _queueCount;
    private long _linkFreeAt;
    private long _lastDeparture;
    private long _enqueued;
    private long _dequeued;
    private long _cutOnArrival;
    private volatile bool _stopped;

    internal LinkPath(AfPacketCaptureSource incoming, SafePacketSocketHandle outgoing, LinkDirection direction, LinkStatusBoard board,
        LinkSettings settings, int delayLineBytes)
    {
        _incoming = incoming;
        _outgoing = outgoing;
        _direction = direction;
        _board = board;
        _settings = settings;
        _seed = settings.Seed;
        _random = new LinkRandom(settings.Seed, direction);
        _delayLine = new PacketRing(delayLineBytes, RingPolicy.Lossy);
        _delayReader = _delayLine.AddConsumer("departures");
        var frames = (byte*)Unsafe.AsPointer(ref _outgoingFrames[0]);
        var vectors = (Interop.PacketSend.IoVec*)Unsafe.AsPointer(ref _outgoingVectors[0]);
        for (var i = 0; i < SendBatch; i++)
        {
            vectors[i].Base = frames + i * SlotLength;
            _outgoingMessages[i].Iov = vectors + i;
            _outgoingMessages[i].IovLength = 1;
        }
    }

    /// <summary>The settings the next frame is handled with; a new seed restarts the dice.</summary>
    internal LinkSettings Settings
    {
        get => Volatile.Read(ref _settings);
        set => Volatile.Write(ref _settings, value);
    }

    /// <summary>Asks <see cref="Run"/> to return soon.</summary>
    internal void Stop()
    {
        _stopped = true;
        _incoming.Stop();
    }

    /// <summary>Forwards until <see cref="Stop"/>.</summary>
    internal void Run()
    {
        ref var counters = ref _board.Counters(_direction);
        RingRecord head = default;
        var holding = false;
        var nextStatistics = 0L;
        while (!_stopped)
        {
            var now = LinkClock.Now();
            if (System.Diagnostics.Stopwatch.GetTimestamp() >= nextStatistics)
            {
                counters.DroppedOnArrival = _incoming.GetStatistics().DroppedByKernel + _cutOnArrival;
                nextStatistics = System.Diagnostics.Stopwatch.GetTimestamp() + StatisticsInterval;
            }
            while (holding || _enqueued != _dequeued && _delayReader.TryRead(out head))
            {
                holding = true;
                if (head.TimestampNanoseconds > now)
                    break;
                Send(head.Data, head.InterfaceId == DuplicateFlag, ref counters);
                _dequeued++;
                holding = false;
            }
            if (!holding)
                _delayReader.Release();
            counters.InFlight = _enqueued - _dequeued;
            var wait = holding ? TimeSpan.FromTicks(Math.Max(0, (head.TimestampNanoseconds - now) / 100)) : IdleWait;
            // Nothing may wait in the batch while the thread sleeps.
            Flush(ref counters);
            if (!_incoming.TryNext(wait, out var frame))
                continue;
            var handled = 0;
            do
                Handle(frame, ref counters);
            while (++handled < ReceiveBatch && _incoming.TryNext(TimeSpan.Zero, out frame));
        }
    }

    private void Handle(in CapturedFrame frame, ref LinkCounters counters)
    {
        var settings = Settings;
        if (settings.Seed != _seed)
        {
            _seed = settings.Seed;
            _random = new LinkRandom(_seed, _direction);
        }
        var link = settings.For(_direction);
        counters.Received++;
        if (frame.Data.Length < frame.Metadata.OriginalLength)
        {
            // Cut by the receive ring (longer than a block: a 64 KiB GSO packet from an end whose offloads someone turned
            // back on): never forwarded shorter than it came; lost on arrival, before the dice, like a frame the ring
            // had no room for.
            _cutOnArrival++;
            return;
        }
        // Every frame draws the same dice in the same order whatever the settings, so a given seed decides the fate of
        // the nth frame the same way in every run, and changing one setting does not move the others' choices.
        var lossDraw = _random.NextPercent();
        var duplicateDraw = _random.NextPercent();
        var corruptDraw = _random.NextPercent();
        var reorderDraw = _random.NextPercent();
        var jitterDraw = _random.NextPercent();
        var bitDraw = _random.Next();
        if (lossDraw < link.LossPercent)
        {
            counters.DroppedByLoss++;
            return;
        }
        var data = frame.Data;
        var duplicate = duplicateDraw < link.DuplicatePercent;
        if (corruptDraw < link.CorruptPercent && data.Length > EthernetHeaderLength)
        {
            // After the Ethernet header, so the frame still reaches its destination and shows up there as damaged.
            data.CopyTo(_corrupted);
            var bit = EthernetHeaderLength * 8 + (long)(bitDraw % (ulong)((data.Length - EthernetHeaderLength) * 8));
            _corrupted[bit / 8] ^= (byte)(1 << (int)(bit % 8));
            data = _corrupted.AsSpan(0, data.Length);
            counters.Corrupted++;
        }
        var lineEmpty = _enqueued == _dequeued;
        if (lineEmpty && link.DelayNanoseconds == 0 && link.JitterNanoseconds == 0 && link.RateBitsPerSecond == 0)
        {
            Send(data, duplicate, ref counters);
            return;
        }
        if (!lineEmpty && reorderDraw < link.ReorderPercent)
        {
            // netem's reordering: this frame skips the queue and the delay, and so overtakes every frame still held.
            counters.Reordered++;
            Send(data, duplicate, ref counters);
            return;
        }
        var now = LinkClock.Now();
        // The kernel's arrival stamp, not the time this thread got to the frame: the ring hands frames over in blocks.
        var arrival = frame.Metadata.TimestampNanoseconds;
        var transmitted = arrival;
        if (link.RateBitsPerSecond > 0)
        {
            while (_queueCount > 0 && _transmitEnds[_queueHead] <= now)
            {
                _queueHead = _queueHead + 1 == _transmitEnds.Length ? 0 : _queueHead + 1;
                _queueCount--;
            }
            if (_queueCount >= link.QueueFrames)
            {
                counters.DroppedByQueue++;
                return;
            }
            transmitted = Math.Max(arrival, _linkFreeAt) + data.Length * 8_000_000_000L / link.RateBitsPerSecond;
            _linkFreeAt = transmitted;
            _transmitEnds[(_queueHead + _queueCount) % _transmitEnds.Length] = transmitted;
            _queueCount++;
            counters.QueueDepth = _queueCount;
            counters.QueueDepthMax = Math.Max(counters.QueueDepthMax, _queueCount);
        }
        // Uniform jitter in ±jitter, as netem without a distribution table; never before arrival, never before the frame ahead.
        var jitter = (long)((jitterDraw / 50.0 - 1.0) * link.JitterNanoseconds);
        var departure = Math.Max(Math.Max(arrival, transmitted + link.DelayNanoseconds + jitter), _lastDeparture);
        _lastDeparture = departure;
        if (lineEmpty && departure <= now)
        {
            Send(data, duplicate, ref counters);
            return;
        }
        var metadata = new FrameMetadata(departure, data.Length, data.Length, LinkType.Ethernet, duplicate ? DuplicateFlag : 0);
        if (!_delayLine.TryWrite(metadata, data))
        {
            counters.DroppedByQueue++;
            return;
        }
        _enqueued++;
    }

    private void Send(ReadOnlySpan<byte> data, bool duplicate, ref LinkCounters counters)
    {
        Queue(data, ref counters);
        if (!duplicate)
            return;
        counters.Duplicated++;
        Queue(data, ref counters);
    }

    private void Queue(ReadOnlySpan<byte> data, ref LinkCounters counters)
    {
        data.CopyTo(_outgoingFrames.AsSpan(_outgoingCount * SlotLength, SlotLength));
        _outgoingVectors[_outgoingCount].Length = (nuint)data.Length;
        if (++_outgoingCount == SendBatch)
            Flush(ref counters);
    }

    /// <summary>Sends the batch in order; a frame the kernel refuses (after retries while its queue is full) is counted and skipped.</summary>
    private void Flush(ref LinkCounters counters)
    {
        var messages = (Interop.PacketSend.MMsgHdr*)Unsafe.AsPointer(ref _outgoingMessages[0]);
        var sent = 0;
        var retries = 0;
        while (sent < _outgoingCount)
        {
            var n = Interop.PacketSend.SendMany(_outgoing, messages + sent, (uint)(_outgoingCount - sent), 0);
            if (n > 0)
            {
                sent += n;
                counters.Forwarded += n;
                retries = 0;
                continue;
            }
            if (Marshal.GetLastPInvokeError() == ENOBUFS && ++retries < FullQueueRetries)
            {
                Thread.Yield();
                continue;
            }
            counters.SendFailures++;
            sent++;
            retries = 0;
        }
        _outgoingCount = 0;
    }
}

/// <summary>The clock of the kernel's packet timestamps (CLOCK_REALTIME) in nanoseconds since 1970.</summary>
internal static class LinkClock
{
    internal static long Now() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
}
