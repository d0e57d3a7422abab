using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RawNet.Protocols;

namespace RawNet.Capture.Ring;

/// <summary>
/// The 24-byte header in front of every record in the arena; the data follows, padded to 8 bytes.
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |        captured length (-1: wrap padding, skip to lap start)  |
/// |                        original length                        |
/// |                 timestamp (ns since the Unix epoch)           |
/// |                                                               |
/// |                          interface id                         |
/// |           link type           |   direction   |   reserved    |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// The captured length comes first so that a wrap marker fits in the 8 bytes that are
/// always left before the end of the arena (positions and capacity are multiples of 8).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Length)]
internal struct RecordHeader
{
    /// <summary>Bytes of header in front of each record's data.</summary>
    public const int Length = 24;

    /// <summary>Captured length that marks the rest of the lap as padding.</summary>
    public const int WrapMarker = -1;

    /// <summary>Byte offsets of the header fields.</summary>
    public static class Field
    {
        public const int CapturedLength = 0;
        public const int OriginalLength = 4;
        public const int TimestampNanoseconds = 8;
        public const int InterfaceId = 16;
        public const int LinkType = 20;
        public const int Direction = 22;
    }

    [FieldOffset(Field.CapturedLength)] public int CapturedLength;
    [FieldOffset(Field.OriginalLength)] public int OriginalLength;
    [FieldOffset(Field.TimestampNanoseconds)] public long TimestampNanoseconds;
    [FieldOffset(Field.InterfaceId)] public int InterfaceId;
    [FieldOffset(Field.LinkType)] public ushort LinkType;
    [FieldOffset(Field.Direction)] public byte Direction;

    /// <summary>Arena bytes taken by a record with <paramref name="dataLength"/> bytes of data.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RecordLength(int dataLength) => (dataLength + Length + 7) & ~7; // Length is a multiple of 8

    /// <summary>
    /// Writes the header at <paramref name="record"/> (8-byte aligned) as three 8-byte stores instead of six
    /// field stores: the producer's per-record cost is mostly stores. The reserved byte is written as zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Write(byte* record, in FrameMetadata metadata, int capturedLength)
    {
        if (!BitConverter.IsLittleEndian)
        {
            WriteFields(ref Unsafe.AsRef<RecordHeader>(record), metadata, capturedLength);
            return;
        }
        ulong* words = (ulong*)record;
        words[0] = (uint)capturedLength | (ulong)(uint)metadata.OriginalLength << 32;
        words[1] = (ulong)metadata.TimestampNanoseconds;
        words[2] = (uint)metadata.InterfaceId | (ulong)(ushort)metadata.LinkType << 32 | (ulong)(byte)metadata.Direction << 48;
    }

    private static void WriteFields(ref RecordHeader header, in FrameMetadata metadata, int capturedLength)
    {
        header = default;
        header.CapturedLength = capturedLength;
        header.OriginalLength = metadata.OriginalLength;
        header.TimestampNanoseconds = metadata.TimestampNanoseconds;
        header.InterfaceId = metadata.InterfaceId;
        header.LinkType = (ushort)metadata.LinkType;
        header.Direction = (byte)metadata.Direction;
    }
}
