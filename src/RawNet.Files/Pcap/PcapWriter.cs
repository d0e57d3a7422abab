using System.Buffers.Binary;
using RawNet.Protocols;

namespace RawNet.Files.Pcap;

/// <summary>Writes a classic little-endian pcap file with one link type, in microseconds or nanoseconds.</summary>
public sealed class PcapWriter : IDisposable
{
    private readonly WriteBuffer _output;
    private readonly long _nanosecondsPerUnit;

    /// <summary>Writes the file header to <paramref name="stream"/>; records follow with each <see cref="Write"/>.</summary>
    public PcapWriter(Stream stream, LinkType linkType, int snapshotLength = CaptureFileReader.MaxCapturedLength,
        TimestampPrecision precision = TimestampPrecision.Microseconds, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(snapshotLength);
        LinkType = linkType;
        Precision = precision;
        _nanosecondsPerUnit = precision == TimestampPrecision.Nanoseconds ? 1 : 1000;
        _output = new WriteBuffer(stream, leaveOpen);

        var header = _output.GetSpan(PcapReader.FileHeaderLength);
        header.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header[PcapReader.FileField.Magic..],
            precision == TimestampPrecision.Nanoseconds ? PcapReader.NanosecondMagic : PcapReader.MicrosecondMagic);
        BinaryPrimitives.WriteUInt16LittleEndian(header[PcapReader.FileField.VersionMajor..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[PcapReader.FileField.VersionMinor..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[PcapReader.FileField.SnapLength..], (uint)snapshotLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[PcapReader.FileField.LinkType..], (ushort)linkType);
        _output.Advance(PcapReader.FileHeaderLength);
    }

    /// <summary>Creates (or truncates) the file at <paramref name="path"/> and writes its header.</summary>
    public static PcapWriter Create(string path, LinkType linkType, int snapshotLength = CaptureFileReader.MaxCapturedLength,
        TimestampPrecision precision = TimestampPrecision.Microseconds) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0), linkType, snapshotLength, precision);

    /// <summary>The link type written in the file header.</summary>
    public LinkType LinkType { get; }

    /// <summary>The unit of the written timestamps; finer parts of a timestamp are truncated.</summary>
    public TimestampPrecision Precision { get; }

    /// <summary>Appends one record; the captured length is <paramref name="data"/>'s length and the link type must be the file's.</summary>
    /// <exception cref="IOException">A write failed (now or before): the file was cut back to its last whole record and is never written again.</exception>
    public void Write(in FrameMetadata metadata, ReadOnlySpan<byte> data)
    {
        if (metadata.LinkType != LinkType)
            throw new ArgumentException($"frame link type {metadata.LinkType} differs from the file's {LinkType}", nameof(metadata));
        ArgumentOutOfRangeException.ThrowIfNegative(metadata.OriginalLength, nameof(metadata));
        var seconds = Math.DivRem(metadata.TimestampNanoseconds, 1_000_000_000L, out var nanoseconds);
        if (metadata.TimestampNanoseconds < 0 || seconds > uint.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(metadata), "pcap timestamps must lie between 1970 and 2106");

        var record = _output.GetSpan(PcapReader.RecordHeaderLength + data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record[PcapReader.RecordField.Seconds..], (uint)seconds);
        BinaryPrimitives.WriteUInt32LittleEndian(record[PcapReader.RecordField.Fraction..], (uint)(nanoseconds / _nanosecondsPerUnit));
        BinaryPrimitives.WriteUInt32LittleEndian(record[PcapReader.RecordField.CapturedLength..], (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record[PcapReader.RecordField.OriginalLength..], (uint)metadata.OriginalLength);
        data.CopyTo(record[PcapReader.RecordHeaderLength..]);
        _output.Advance(record.Length, packet: true);
    }

    /// <summary>Records that reached the stream whole; after a failed write, exactly those the file keeps.</summary>
    public long PacketsWritten => _output.PacketsWritten;

    /// <summary>Where the file's whole records end (the file's length between writes; a write stopped part-way leaves more).</summary>
    public long WholeRecordsEnd => _output.WholeRecordsEnd;

    /// <summary>Called with <see cref="WholeRecordsEnd"/> after each write that reached the stream whole, and after a failed write was cut back to its last whole record.</summary>
    public Action<long>? Written { get => _output.Written; set => _output.Written = value; }

    /// <summary>Writes buffered records to the stream and flushes it.</summary>
    /// <exception cref="IOException">A write failed (now or before): the file was cut back to its last whole record and is never written again.</exception>
    public void Flush() => _output.Flush();

    /// <summary>Flushes (unless a write failed before) and closes the stream unless it was opened with leaveOpen.</summary>
    public void Dispose() => _output.Dispose();
}
