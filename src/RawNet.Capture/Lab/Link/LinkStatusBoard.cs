using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace RawNet.Capture.Lab.Link;

/// <summary>One direction's counters as the forwarder publishes them; each field has one writer, the direction's thread.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct LinkCounters
{
    /// <summary>Frames read from the incoming side.</summary>
    public long Received;

    /// <summary>Frames sent out of the other side, duplicates included: what a capture there sees.</summary>
    public long Forwarded;

    /// <summary>Frames dropped by the loss setting.</summary>
    public long DroppedByLoss;

    /// <summary>Frames dropped because the queue before the transmitter was full (or the delay line's memory).</summary>
    public long DroppedByQueue;

    /// <summary>Frames sent ahead of at least one frame that arrived before them.</summary>
    public long Reordered;

    /// <summary>Extra copies sent.</summary>
    public long Duplicated;

    /// <summary>Frames sent with one bit flipped.</summary>
    public long Corrupted;

    /// <summary>Frames waiting for the transmitter at the last arrival.</summary>
    public long QueueDepth;

    /// <summary>The most frames that ever waited for the transmitter.</summary>
    public long QueueDepthMax;

    /// <summary>Frames held by the link now (waiting for the transmitter or for their delay).</summary>
    public long InFlight;

    /// <summary>Frames the kernel refused to send (counted, not retried forever).</summary>
    public long SendFailures;

    /// <summary>Frames the kernel dropped before the forwarder read them: its receive ring was full (the forwarder fell behind).</summary>
    public long DroppedOnArrival;

    /// <summary>Each counter with the name <c>lab status</c> shows it under, in the order it shows them.</summary>
    public static IReadOnlyList<(string Name, Func<LinkCounters, long> Value)> Named { get; } =
    [
        ("dropped on arrival", c => c.DroppedOnArrival),
        ("received", c => c.Received),
        ("forwarded", c => c.Forwarded),
        ("dropped by loss", c => c.DroppedByLoss),
        ("dropped by queue", c => c.DroppedByQueue),
        ("reordered", c => c.Reordered),
        ("duplicated", c => c.Duplicated),
        ("corrupted", c => c.Corrupted),
        ("queue now", c => c.QueueDepth),
        ("queue max", c => c.QueueDepthMax),
        ("in flight", c => c.InFlight),
        ("send failures", c => c.SendFailures),
    ];

    /// <summary>The counters that count what happened to frames (not the queue's state), for a before-and-after difference.</summary>
    public static IReadOnlySet<string> Events { get; } = new HashSet<string> { "forwarded", "dropped by loss", "dropped by queue", "reordered", "duplicated", "corrupted" };
}

/// <summary>
/// The forwarder's published state: a 4 KiB file mapped by the forwarder (writing) and by <c>lab status</c> (reading):
/// a magic number, the forwarder's pid, how many settings it has applied, whether it forwards, then one
/// <see cref="LinkCounters"/> per direction. A file rather than a socket: reading it needs no answer from the
/// forwarder, so a hung forwarder still shows its last counters.
/// </summary>
public sealed unsafe class LinkStatusBoard : IDisposable
{
    private const long Magic = 0x31304B4E494C4E52;  // "RNLINK01"
    private const int Size = 4096;
    private const int CountersOffset = 64;

    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;

    private LinkStatusBoard(MemoryMappedFile file, MemoryMappedViewAccessor view)
    {
        _file = file;
        _view = view;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _base = pointer + view.PointerOffset;
    }

    /// <summary>Creates (or empties) the board at <paramref name="path"/> for forwarder <paramref name="pid"/>.</summary>
    public static LinkStatusBoard Create(string path, int pid)
    {
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite))
            stream.SetLength(Size);
        var board = Map(path, MemoryMappedFileAccess.ReadWrite);
        board.Word(1) = pid;
        Volatile.Write(ref board.Word(0), Magic);
        return board;
    }

    /// <summary>Opens an existing board read-only; null when it is missing or not a board.</summary>
    public static LinkStatusBoard? TryOpen(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length < Size)
            return null;
        var board = Map(path, MemoryMappedFileAccess.Read);
        if (Volatile.Read(ref board.Word(0)) != Magic)
        {
            board.Dispose();
            return null;
        }
        return board;
    }

    private static LinkStatusBoard Map(string path, MemoryMappedFileAccess access)
    {
        var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, Size, access);
        return new LinkStatusBoard(file, file.CreateViewAccessor(0, Size, access));
    }

    private ref long Word(int index) => ref *(long*)(_base + index * sizeof(long));

    /// <summary>The forwarder's process id.</summary>
    public int Pid => (int)Volatile.Read(ref Word(1));

    /// <summary>How many settings the forwarder has applied, its first included.</summary>
    public long SettingsApplied
    {
        get => Volatile.Read(ref Word(2));
        set => Volatile.Write(ref Word(2), value);
    }

    /// <summary>Whether the forwarder has both sides open and forwards.</summary>
    public bool Forwarding
    {
        get => Volatile.Read(ref Word(3)) != 0;
        set => Volatile.Write(ref Word(3), value ? 1 : 0);
    }

    /// <summary>The counters of <paramref name="direction"/>, in place.</summary>
    public ref LinkCounters Counters(LinkDirection direction) =>
        ref *(LinkCounters*)(_base + CountersOffset + (int)direction * 128);

    /// <summary>A copy of <paramref name="direction"/>'s counters, each field read once.</summary>
    public LinkCounters Snapshot(LinkDirection direction)
    {
        ref var live = ref Counters(direction);
        return new LinkCounters
        {
            Received = Volatile.Read(ref live.Received),
            Forwarded = Volatile.Read(ref live.Forwarded),
            DroppedByLoss = Volatile.Read(ref live.DroppedByLoss),
            DroppedByQueue = Volatile.Read(ref live.DroppedByQueue),
            Reordered = Volatile.Read(ref live.Reordered),
            Duplicated = Volatile.Read(ref live.Duplicated),
            Corrupted = Volatile.Read(ref live.Corrupted),
            QueueDepth = Volatile.Read(ref live.QueueDepth),
            QueueDepthMax = Volatile.Read(ref live.QueueDepthMax),
            InFlight = Volatile.Read(ref live.InFlight),
            SendFailures = Volatile.Read(ref live.SendFailures),
            DroppedOnArrival = Volatile.Read(ref live.DroppedOnArrival),
        };
    }

    /// <summary>Unmaps the board.</summary>
    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
