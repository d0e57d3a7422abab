using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using RawNet.Files.Pcap;
using RawNet.Files.PcapNg;

namespace RawNet.Files;

/// <summary>
/// Where the whole records of a pcap or pcapng file end, walking record (block) headers from a known record boundary:
/// the length to cut a file back to when its writer was killed in the middle of a write.
/// </summary>
/// <remarks>
/// Only lengths are read, never packets; the walk stops at the first record the file does not hold whole. A pcapng file is
/// read in its first section's byte order (the files RawNet writes have one section).
/// </remarks>
public static class WholeRecords
{
    /// <summary>
    /// The end of the last whole record at or after <paramref name="from"/> (the end of a record, or of the file header),
    /// or <paramref name="from"/> when none follows whole; the file's length when it ends on a whole record.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static long End(SafeFileHandle file, long from)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        long length = RandomAccess.GetLength(file);
        Span<byte> header = stackalloc byte[PcapNgReader.Field.SectionByteOrderMagic + 4];
        if (RandomAccess.Read(file, header, 0) < header.Length)
            return Math.Min(from, length);
        uint magic = BinaryPrimitives.ReadUInt32BigEndian(header);
        return magic switch
        {
            PcapReader.MicrosecondMagic or PcapReader.NanosecondMagic => PcapEnd(file, Math.Max(from, PcapReader.FileHeaderLength), length, bigEndian: true),
            PcapReader.MicrosecondMagicSwapped or PcapReader.NanosecondMagicSwapped => PcapEnd(file, Math.Max(from, PcapReader.FileHeaderLength), length, bigEndian: false),
            _ => PcapNgEnd(file, from, length,
                bigEndian: BinaryPrimitives.ReadUInt32BigEndian(header[PcapNgReader.Field.SectionByteOrderMagic..]) == PcapNgReader.ByteOrderMagic),
        };
    }

    private static long PcapEnd(SafeFileHandle file, long position, long length, bool bigEndian)
    {
        Span<byte> record = stackalloc byte[PcapReader.RecordHeaderLength];
        while (position + record.Length <= length && RandomAccess.Read(file, record, position) == record.Length)
        {
            var field = record[PcapReader.RecordField.CapturedLength..];
            long captured = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(field) : BinaryPrimitives.ReadUInt32LittleEndian(field);
            if (position + record.Length + captured > length)
                break;
            position += record.Length + captured;
        }
        return position;
    }

    private static long PcapNgEnd(SafeFileHandle file, long position, long length, bool bigEndian)
    {
        Span<byte> block = stackalloc byte[PcapNgReader.BlockHeaderLength];
        while (position + block.Length <= length && RandomAccess.Read(file, block, position) == block.Length)
        {
            var field = block[PcapNgReader.Field.TotalLength..];
            long total = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(field) : BinaryPrimitives.ReadUInt32LittleEndian(field);
            if (total < PcapNgReader.BlockHeaderLength + PcapNgReader.BlockTrailerLength || total % 4 != 0 || position + total > length)
                break;
            position += total;
        }
        return position;
    }
}
