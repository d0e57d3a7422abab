using System.Numerics;
using RawNet.Files;
using RawNet.Protocols;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tcp;

namespace RawNet.Ui.Model;

/// <summary>
/// The conversation analysis of every frame of a <see cref="CaptureIndex"/>, computed once in file order on a thread of
/// its own (as tshark computes it in one pass) and kept compactly, so that the UI can show any packet's streams,
/// relative numbers and TCP analysis at random: a frame's record is a few bytes (<see cref="PacketAnalysisCodec"/>)
/// in large chunks that never move, found from a checkpoint every <see cref="CheckpointEvery"/> frames. Also counts the
/// analysis flags (the status bar's expert counts) and marks the frames with a "Bad TCP" flag for jumping between them.
/// </summary>
/// <remarks>
/// A file's frames are read by a sequential reader of their own; a live capture's growing index is followed frame by
/// frame as it grows. Readers on other threads see only frames below <see cref="AnalyzedCount"/>, which are complete and
/// never change.
/// </remarks>
public sealed class CaptureAnalysis : IDisposable
{
    /// <summary>Frames between two checkpoints; restoring a frame decodes at most this many records.</summary>
    public const int CheckpointEvery = 16;

    private const int ChunkSize = 1 << 20;

    private readonly CaptureIndex _index;
    private readonly bool _following;
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private readonly PacketAnalysis _scratch = new();
    private readonly object _wait = new();
    private byte[][] _chunks = new byte[16][];
    private int _chunkCount;
    private long[] _checkpoints = new long[1024];
    private ulong[] _bad = new ulong[64];
    private readonly long[] _flagCounts = new long[16];
    private long _written;
    private int _count;
    private volatile bool _finished;

    private CaptureAnalysis(CaptureIndex index, bool following)
    {
        _index = index;
        _following = following;
        _thread = new Thread(Run) { IsBackground = true, Name = "rawnet analysis", Priority = ThreadPriority.BelowNormal };
    }

    /// <summary>Starts analysing a file's index (every frame, once).</summary>
    public static CaptureAnalysis Start(CaptureIndex index) => Started(new CaptureAnalysis(index, following: false));

    /// <summary>Starts following a live capture's growing index (<see cref="CaptureIndex.Follow"/>) until disposed.</summary>
    public static CaptureAnalysis Follow(CaptureIndex index) => Started(new CaptureAnalysis(index, following: true));

    /// <summary>An analysis of a file's index that has not started yet (for tests of what the screen shows before it arrives); <see cref="Begin"/> starts it.</summary>
    internal static CaptureAnalysis Unstarted(CaptureIndex index) => new(index, following: false);

    /// <summary>Starts an analysis made by <see cref="Unstarted"/>.</summary>
    internal void Begin() => _thread.Start();

    private static CaptureAnalysis Started(CaptureAnalysis analysis)
    {
        analysis._thread.Start();
        return analysis;
    }

    /// <summary>Frames analysed so far, from the first; their records can be restored.</summary>
    public int AnalyzedCount => Volatile.Read(ref _count);

    /// <summary>True once every frame of a file was analysed (or the analysis stopped at damage or on disposal).</summary>
    public bool Finished => _finished;

    /// <summary>Bytes the records and checkpoints hold.</summary>
    public long AllocatedBytes => Interlocked.Read(ref _written) + (long)_checkpoints.Length * sizeof(long) + (long)_bad.Length * sizeof(ulong);

    /// <summary>How many segments carry <paramref name="flag"/> among the frames analysed so far.</summary>
    public long Count(TcpAnalysisFlags flag) => Interlocked.Read(ref _flagCounts[BitOperations.TrailingZeroCount((uint)flag)]);

    /// <summary>Segments with a flag of <paramref name="severity"/> among the frames analysed so far (a segment with two counts twice).</summary>
    public long Count(ExpertSeverity severity)
    {
        long total = 0;
        for (int bit = 0; bit < 16; bit++)
        {
            if (((TcpAnalysisFlags)(1 << bit)).Severity() == severity)
                total += Interlocked.Read(ref _flagCounts[bit]);
        }
        return total;
    }

    /// <summary>Waits until frame <paramref name="frame"/> (0-based) is analysed; false when the analysis ended before it.</summary>
    public bool WaitFor(int frame, CancellationToken cancellation = default)
    {
        while (AnalyzedCount <= frame)
        {
            if (_finished || cancellation.IsCancellationRequested)
                return AnalyzedCount > frame;
            lock (_wait)
            {
                if (AnalyzedCount <= frame && !_finished)
                    Monitor.Wait(_wait, 50);
            }
        }
        return true;
    }

    /// <summary>
    /// Puts frame <paramref name="frame"/>'s transport records into <paramref name="into"/> (its frame times are the
    /// caller's); false when the frame is not analysed yet.
    /// </summary>
    public bool TryRestore(int frame, PacketAnalysis into)
    {
        if (frame < 0 || frame >= AnalyzedCount)
            return false;
        long offset = Volatile.Read(ref _checkpoints)[frame / CheckpointEvery];
        var chunks = Volatile.Read(ref _chunks);
        for (int skip = frame % CheckpointEvery; ; skip--)
        {
            var record = chunks[(int)(offset / ChunkSize)].AsSpan((int)(offset % ChunkSize));
            into.Clear();
            int length = PacketAnalysisCodec.Decode(record, (uint)(frame - skip + 1), into);
            if (skip == 0)
                return true;
            offset = NextOffset(offset, length);
        }
    }

    /// <summary>The next frame after <paramref name="frame"/> (or before it, going back) with a "Bad TCP" analysis flag, or -1.</summary>
    public int NextBad(int frame, bool forward)
    {
        var bad = Volatile.Read(ref _bad);
        int count = AnalyzedCount;
        for (int f = forward ? frame + 1 : Math.Min(frame, count) - 1; f >= 0 && f < count; f += forward ? 1 : -1)
        {
            int word = f >> 6;
            if (bad[word] == 0)
            {
                // Skip the rest of an empty word at once.
                f = forward ? (word << 6) + 63 : word << 6;
                continue;
            }
            if ((bad[word] & (1UL << (f & 63))) != 0)
                return f;
        }
        return -1;
    }

    /// <summary>Stops the analysis.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _stop.Cancel();
        if (_thread.ThreadState != ThreadState.Unstarted)
            _thread.Join();
        _stop.Dispose();
    }

    private bool _disposed;

    private void Run()
    {
        // The UI decodes one frame at a time: HTTP is what each segment holds alone (no messages put together from
        // several), as its rows show it; the stored records keep no reassembled bytes.
        var tracker = new ConversationTracker(http: false);
        var decoder = new PacketDecoder(new DecoderOptions(Defragment: true, VerifyChecksums: false));
        var packet = new DecodedPacket();
        var record = new byte[PacketAnalysisCodec.MaxLength];
        try
        {
            if (_following)
                FollowIndex(tracker, decoder, packet, record);
            else
                ReadFile(tracker, decoder, packet, record);
        }
        catch (Exception e) when (e is IOException or CaptureFileException or UnauthorizedAccessException or OperationCanceledException)
        {
            // The index keeps its own account of damage; the analysis simply ends where reading did.
        }
        finally
        {
            _finished = true;
            lock (_wait)
                Monitor.PulseAll(_wait);
        }
    }

    private void ReadFile(ConversationTracker tracker, PacketDecoder decoder, DecodedPacket packet, byte[] record)
    {
        using var reader = CaptureFileReader.Open(_index.Path);
        int total = _index.Count;
        for (int i = 0; i < total && reader.TryReadNext(out var frame); i++)
        {
            if ((i & 1023) == 0)
                _stop.Token.ThrowIfCancellationRequested();
            Analyze(tracker, decoder, packet, record, frame.Data, frame.Metadata, i);
        }
    }

    private void FollowIndex(ConversationTracker tracker, PacketDecoder decoder, DecodedPacket packet, byte[] record)
    {
        var buffer = new byte[2048];
        while (!_stop.IsCancellationRequested)
        {
            int available = _index.Count;
            if (_count == available)
            {
                _stop.Token.WaitHandle.WaitOne(10);
                continue;
            }
            for (int i = _count; i < available; i++)
            {
                int length = _index.ReadFrame(i, ref buffer);
                var metadata = _index.MetadataOf(i);
                if (length < metadata.CapturedLength)
                    metadata = metadata with { CapturedLength = length };
                Analyze(tracker, decoder, packet, record, buffer.AsSpan(0, length), metadata, i);
            }
        }
    }

    private void Analyze(ConversationTracker tracker, PacketDecoder decoder, DecodedPacket packet, byte[] record,
        ReadOnlySpan<byte> frame, in Protocols.FrameMetadata metadata, int index)
    {
        decoder.Decode(frame, metadata, index + 1, packet);
        tracker.Analyze(packet, frame);
        int length = PacketAnalysisCodec.Encode(packet.Analysis, (uint)(index + 1), record);
        Append(record.AsSpan(0, length), index);
        TcpAnalysisFlags flags = 0;
        foreach (ref readonly var t in packet.Analysis.Transports)
        {
            if (t.HasTcp && (t.Tcp.Items & TcpAnalysisItems.Analysis) != 0)
                flags |= t.Tcp.Flags;
        }
        if (flags != 0)
            Note(flags, index);
        Volatile.Write(ref _count, index + 1);
        if ((index & 255) == 0)
        {
            lock (_wait)
                Monitor.PulseAll(_wait);
        }
    }

    private void Append(ReadOnlySpan<byte> bytes, int index)
    {
        long at = _written;
        // A record never spans two chunks: start a new one when the last cannot hold the longest record.
        if (at + PacketAnalysisCodec.MaxLength > (long)_chunkCount * ChunkSize)
        {
            at = (long)_chunkCount * ChunkSize;
            if (_chunkCount == _chunks.Length)
            {
                var grown = new byte[_chunks.Length * 2][];
                Array.Copy(_chunks, grown, _chunkCount);
                Volatile.Write(ref _chunks, grown);
            }
            _chunks[_chunkCount++] = new byte[ChunkSize];
        }
        if (index % CheckpointEvery == 0)
        {
            int slot = index / CheckpointEvery;
            if (slot == _checkpoints.Length)
            {
                var grown = new long[_checkpoints.Length * 2];
                Array.Copy(_checkpoints, grown, slot);
                Volatile.Write(ref _checkpoints, grown);
            }
            _checkpoints[slot] = at;
        }
        bytes.CopyTo(_chunks[(int)(at / ChunkSize)].AsSpan((int)(at % ChunkSize)));
        Interlocked.Exchange(ref _written, at + bytes.Length);
    }

    /// <summary>Where the record after the one at <paramref name="offset"/> (of <paramref name="length"/> bytes) starts.</summary>
    private static long NextOffset(long offset, int length)
    {
        long next = offset + length;
        long chunkEnd = (offset / ChunkSize + 1) * ChunkSize;
        return next + PacketAnalysisCodec.MaxLength > chunkEnd ? chunkEnd : next;
    }

    private void Note(TcpAnalysisFlags flags, int index)
    {
        for (uint bits = (uint)flags; bits != 0; bits &= bits - 1)
            Interlocked.Increment(ref _flagCounts[BitOperations.TrailingZeroCount(bits)]);
        if (!flags.IsBadTcp())
            return;
        int word = index >> 6;
        if (word >= _bad.Length)
        {
            var grown = new ulong[Math.Max(_bad.Length * 2, word + 1)];
            Array.Copy(_bad, grown, _bad.Length);
            Volatile.Write(ref _bad, grown);
        }
        _bad[word] |= 1UL << (index & 63);
    }
}
