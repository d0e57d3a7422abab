using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using RawNet.Files;
using RawNet.Protocols;

namespace RawNet.Ui.Model;

/// <summary>
/// Where every frame of a capture file lies: its data's byte offset, lengths, timestamp and link type, in parallel
/// arrays (25 bytes a frame, no decoded packets), so a million-frame file opens in a few tens of megabytes and any frame
/// can be re-read by offset for display.
/// </summary>
/// <remarks>
/// <see cref="Follow"/> indexes a pcap file that is still being written (a live capture's temporary file):
/// <see cref="Refresh"/> adds the records appended since, and only complete ones, so a record the writer has half
/// flushed is picked up on a later call.
/// </remarks>
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

    // Following a growing pcap file (see Follow): the pcap file and record header lengths, and what its header said.
    private const int PcapFileHeaderLength = 24;
    private const int PcapRecordHeaderLength = 16;
    private const int AppendBufferLength = 1 << 20;
    private bool _following;
    private byte[]? _pcapHeader;
    private byte[]? _appendBuffer;
    private bool _bigEndian;
    private long _nanosecondsPerUnit;
    private LinkType _pcapLinkType;

    private CaptureIndex(string path, SafeFileHandle handle, long fileLength)
    {
        Path = path;
        _handle = handle;
        FileLength = fileLength;
    }

    /// <summary>The file indexed.</summary>
    public string Path { get; }

    /// <summary>The bytes of the file indexed so far (the whole file, or for <see cref="Follow"/> up to the last complete record).</summary>
    public long FileLength { get; private set; }

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

    /// <summary>
    /// Opens a pcap file that another thread or process is still appending to, indexing nothing yet: call
    /// <see cref="Refresh"/> to add the records written so far, and again later for more.
    /// </summary>
    public static CaptureIndex Follow(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new CaptureIndex(path, handle, 0) { Format = CaptureFileFormat.Pcap, _following = true };
    }

    /// <summary>
    /// Adds the complete pcap records appended since the last call (a <see cref="Follow"/> index only) and returns how
    /// many. Never reads a record whose bytes are not all there yet. A file that is not a pcap, or a record longer than
    /// any capture allows, sets <see cref="Damage"/> and stops the index there.
    /// </summary>
    public int Refresh()
    {
        if (!_following)
            throw new InvalidOperationException("Only an index opened with Follow grows.");
        if (Damage is not null)
            return 0;
        int before = Count;
        long end = RandomAccess.GetLength(_handle);
        if (_pcapHeader is null)
        {
            if (end < PcapFileHeaderLength)
                return 0;
            var header = new byte[PcapFileHeaderLength];
            RandomAccess.Read(_handle, header, 0);
            if (!TryReadPcapHeader(header))
                return 0;
            FileLength = PcapFileHeaderLength;
        }
        // Large enough for the longest record a capture allows, so each read makes progress or finds the file's end.
        _appendBuffer ??= new byte[AppendBufferLength];
        while (FileLength + PcapRecordHeaderLength <= end)
        {
            int read = RandomAccess.Read(_handle, _appendBuffer, FileLength);
            int used = 0;
            while (used + PcapRecordHeaderLength <= read)
            {
                var record = _appendBuffer.AsSpan(used, PcapRecordHeaderLength);
                uint captured = ReadUInt32(record[8..]);
                if (captured > CaptureFileReader.MaxCapturedLength)
                {
                    Damage = $"{Path}: packet {Count + 1}: captured length {captured} is larger than the maximum of {CaptureFileReader.MaxCapturedLength}";
                    FileLength += used;
                    return Count - before;
                }
                if (used + PcapRecordHeaderLength + captured > read)
                    break;
                long seconds = ReadUInt32(record), fraction = ReadUInt32(record[4..]);
                uint original = ReadUInt32(record[12..]);
                Add(FileLength + used + PcapRecordHeaderLength, new FrameMetadata(seconds * 1_000_000_000L + fraction * _nanosecondsPerUnit,
                    (int)captured, (int)Math.Min(original, int.MaxValue), _pcapLinkType));
                used += PcapRecordHeaderLength + (int)captured;
            }
            FileLength += used;
            // A short read is the end of what has been written; a half record there waits for the next call.
            if (used == 0 || read < _appendBuffer.Length)
                break;
        }
        return Count - before;
    }

    private uint ReadUInt32(ReadOnlySpan<byte> bytes) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    /// <summary>The pcap file header (libpcap's file format: magic, version, snap length, link type).</summary>
    private bool TryReadPcapHeader(byte[] header)
    {
        uint magic = BinaryPrimitives.ReadUInt32BigEndian(header);
        (bool? bigEndian, long unit) = magic switch
        {
            0xA1B2C3D4 => (true, 1000L),
            0xA1B23C4D => (true, 1L),
            0xD4C3B2A1 => (false, 1000L),
            0x4D3CB2A1 => (false, 1L),
            _ => ((bool?)null, 0L),
        };
        if (bigEndian is null)
        {
            Damage = $"{Path}: not a pcap file (a live capture's file is always pcap)";
            return false;
        }
        _bigEndian = bigEndian.Value;
        _nanosecondsPerUnit = unit;
        // The upper 16 bits carry FCS length and reserved flags, not the link type.
        _pcapLinkType = (LinkType)(ushort)ReadUInt32(header.AsSpan(20));
        _pcapHeader = header;
        return true;
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

    /// <summary>
    /// Frames to add room for when the arrays are full at a frame starting at byte <paramref name="offset"/>. A growing
    /// (followed) file grows by half each time. A file read whole says how many frames are left, near enough (the
    /// frames so far are a sample of the rest): room for them all at once (and 2% more), instead of growing by half
    /// again and again, which left up to a third of the arrays unused and every old copy as garbage at the peak (on
    /// 1 M packets, a fifth of the UI's memory). Bounded by half again as many frames as a file of this length can hold
    /// and by 64 times those seen, so that a file of small frames first and large ones later over-reserves little.
    /// </summary>
    private int GrowthAt(long offset)
    {
        int byHalf = Math.Max(1024, Count / 2);
        if (_following || Count < 1024 || offset <= 0)
            return byHalf;
        double expected = (double)Count * FileLength / offset * 1.02 + 1024;
        double atMost = Math.Min(FileLength / (double)(PcapRecordHeaderLength + 1), Count * 64.0);
        return (int)Math.Clamp(Math.Min(expected, atMost) - Count, 1024, int.MaxValue - Count);
    }

    private void Add(long offset, in FrameMetadata metadata)
    {
        if (Count == _offsets.Length)
        {
            int size = checked(Count + GrowthAt(offset));
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
