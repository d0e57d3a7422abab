using Microsoft.Win32.SafeHandles;
using RawNet.Files;
using RawNet.Protocols;

namespace RawNet.Ui.Model;

/// <summary>
/// Where every frame of a capture file lies: its data's byte offset, lengths, timestamp and link type, in parallel
/// arrays (25 bytes a frame, no decoded packets), so a million-frame file opens in a few tens of megabytes and any frame
/// can be re-read by offset for display.
/// </summary>
public sealed class CaptureIndex : IDisposable
{
    /// <summary>Bytes of index held per frame (offset 8, timestamp 8, captured 4, original 4, link type 1).</summary>
    public const int BytesPerFrame = 25;

    private readonly SafeFileHandle _handle;
    private readonly List<LinkType> _linkTypes = [];
    private long[] _offsets = new long[1024];
    private long[] _timestamps = new long[1024];
    private int[] _captured = new int[1024];
    private int[] _original = new int[1024];
    private byte[] _linkType = new byte[1024];

    private CaptureIndex(string path, SafeFileHandle handle, long fileLength)
    {
        Path = path;
        _handle = handle;
        FileLength = fileLength;
    }

    /// <summary>The file indexed.</summary>
    public string Path { get; }

    /// <summary>The file's length in bytes when it was indexed.</summary>
    public long FileLength { get; }

    /// <summary>Number of frames indexed.</summary>
    public int Count { get; private set; }

    /// <summary>pcap or pcapng.</summary>
    public CaptureFileFormat Format { get; private set; }

    /// <summary>The reader's one-line message when the file is damaged after <see cref="Count"/> good frames, else null.</summary>
    public string? Damage { get; private set; }

    /// <summary>Timestamp of the first frame (nanoseconds since the epoch), 0 when empty.</summary>
    public long FirstTimestamp => Count > 0 ? _timestamps[0] : 0;

    /// <summary>Reads <paramref name="path"/> once from start to end, reporting progress about every 64 Ki frames.</summary>
    /// <exception cref="CaptureFileException">The file is not a capture at all (damage later is kept in <see cref="Damage"/>).</exception>
    public static CaptureIndex Build(string path, IProgress<IndexProgress>? progress = null, CancellationToken cancellation = default)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        try
        {
            var index = new CaptureIndex(path, handle, RandomAccess.GetLength(handle));
            index.Fill(progress, cancellation);
            return index;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private void Fill(IProgress<IndexProgress>? progress, CancellationToken cancellation)
    {
        using var reader = CaptureFileReader.Open(Path);
        Format = reader.Format;
        using var blocks = Format == CaptureFileFormat.PcapNg ? new PcapNgPacketBlocks(Path) : null;
        // pcap: a 24-byte file header, then a 16-byte record header before each frame's data.
        long next = 24;
        try
        {
            while (reader.TryReadNext(out var frame))
            {
                long offset;
                if (blocks is null)
                {
                    offset = next + 16;
                    next = offset + frame.Metadata.CapturedLength;
                }
                else if (!blocks.TryNextPacketData(out offset))
                    break;
                Add(offset, frame.Metadata);
                if ((Count & 0xFFFF) == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                    progress?.Report(new IndexProgress(blocks is null ? next : offset, FileLength, Count));
                }
            }
        }
        catch (CaptureFileException e)
        {
            Damage = e.Message;
        }
        progress?.Report(new IndexProgress(FileLength, FileLength, Count));
    }

    private void Add(long offset, in FrameMetadata metadata)
    {
        if (Count == _offsets.Length)
        {
            int size = checked(Count + Math.Max(1024, Count / 2));
            Array.Resize(ref _offsets, size);
            Array.Resize(ref _timestamps, size);
            Array.Resize(ref _captured, size);
            Array.Resize(ref _original, size);
            Array.Resize(ref _linkType, size);
        }
        int link = _linkTypes.IndexOf(metadata.LinkType);
        if (link < 0)
        {
            link = _linkTypes.Count;
            _linkTypes.Add(metadata.LinkType);
        }
        _offsets[Count] = offset;
        _timestamps[Count] = metadata.TimestampNanoseconds;
        _captured[Count] = metadata.CapturedLength;
        _original[Count] = metadata.OriginalLength;
        _linkType[Count] = (byte)link;
        Count++;
    }

    /// <summary>Where frame <paramref name="index"/> (0-based) lies in the file.</summary>
    public long OffsetOf(int index) => _offsets[index];

    /// <summary>The metadata of frame <paramref name="index"/> (0-based; interface and direction are not kept).</summary>
    public FrameMetadata MetadataOf(int index) =>
        new(_timestamps[index], _captured[index], _original[index], _linkTypes[_linkType[index]]);

    /// <summary>Seconds since the first frame, as Wireshark's Time column shows by default.</summary>
    public double RelativeSeconds(int index) => (_timestamps[index] - FirstTimestamp) / 1e9;

    /// <summary>Re-reads frame <paramref name="index"/>'s bytes into <paramref name="buffer"/> (grown as needed); returns how many.</summary>
    public int ReadFrame(int index, ref byte[] buffer)
    {
        int length = _captured[index];
        if (buffer.Length < length)
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        int read = RandomAccess.Read(_handle, buffer.AsSpan(0, length), _offsets[index]);
        return read;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _handle.Dispose();
}
