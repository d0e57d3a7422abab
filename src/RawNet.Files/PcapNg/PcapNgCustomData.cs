using System.Buffers.Binary;
using System.Text;

namespace RawNet.Files.PcapNg;

/// <summary>
/// Finds what one Private Enterprise Number keeps in a pcapng file: the custom string options of its first section
/// header, and the data of its custom blocks (0x00000BAD, 0x40000BAD), by walking block headers and reading only those
/// blocks. Damage ends the walk with one line naming the offset; memory is bounded by the caller's limit.
/// </summary>
public static class PcapNgCustomData
{
    private const int SectionFixedLength = 24;
    private const ushort CustomStringCopyable = OptionCode.CustomString;
    private const ushort CustomStringNotCopyable = 19372;

    /// <summary>
    /// The custom string options of <paramref name="enterpriseNumber"/> in the file's first section header; empty for
    /// a pcap file, another enterprise's options, or a header that cannot be read.
    /// </summary>
    public static IReadOnlyList<string> SectionOptions(string path, uint enterpriseNumber)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096);
            Span<byte> header = stackalloc byte[12];
            if (file.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12 || BinaryPrimitives.ReadUInt32LittleEndian(header) != (uint)BlockType.SectionHeader)
                return [];
            bool big = ByteOrderOf(header[8..]) is not { } order ? throw new InvalidDataException() : order;
            uint length = ByteOrder.ReadUInt32(header[4..], big);
            if (length < SectionFixedLength + 4 || length > PcapNgReader.MaxBlockLength || length % 4 != 0)
                return [];
            var block = new byte[length];
            header.CopyTo(block);
            if (file.ReadAtLeast(block.AsSpan(12), (int)length - 12, throwOnEndOfStream: false) < length - 12)
                return [];
            var values = new List<string>();
            var options = block.AsSpan(SectionFixedLength, (int)length - SectionFixedLength - 4);
            while (options.Length >= 4)
            {
                ushort code = ByteOrder.ReadUInt16(options, big);
                int size = ByteOrder.ReadUInt16(options[2..], big);
                if (code == OptionCode.EndOfOptions || 4 + size > options.Length)
                    break;
                var value = options.Slice(4, size);
                if (code is CustomStringCopyable or CustomStringNotCopyable && size >= 4 && ByteOrder.ReadUInt32(value, big) == enterpriseNumber)
                    values.Add(Encoding.UTF8.GetString(value[4..]));
                options = options[Math.Min(options.Length, 4 + PcapNgReader.Pad4(size))..];
            }
            return values;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return [];
        }
    }

    /// <summary>
    /// The data (after the enterprise number) of every custom block of <paramref name="enterpriseNumber"/>, in file
    /// order, up to <paramref name="maxBytes"/> in all; <paramref name="damage"/> is the one line that says why the
    /// walk stopped early (a cut or damaged block, the limit), or null.
    /// </summary>
    public static IReadOnlyList<byte[]> Blocks(string path, uint enterpriseNumber, long maxBytes, out string? damage)
    {
        damage = null;
        var found = new List<byte[]>();
        long kept = 0;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        Span<byte> header = stackalloc byte[12];
        bool big = false;
        while (true)
        {
            long offset = file.Position;
            int got = file.ReadAtLeast(header, 12, throwOnEndOfStream: false);
            if (got == 0)
                return found;
            if (got < 8)
            {
                damage = $"{path}: block header cut short at offset {offset}";
                return found;
            }
            var type = (BlockType)BinaryPrimitives.ReadUInt32LittleEndian(header);
            // Not pcapng at all (a pcap file): it has no custom blocks.
            if (offset == 0 && type != BlockType.SectionHeader)
                return found;
            if (type == BlockType.SectionHeader)
            {
                if (got < 12 || ByteOrderOf(header[8..]) is not { } order)
                {
                    damage = $"{path}: section header at offset {offset} has no byte-order magic";
                    return found;
                }
                big = order;
            }
            else
                type = (BlockType)ByteOrder.ReadUInt32(header, big);
            uint length = ByteOrder.ReadUInt32(header[4..], big);
            if (length < 12 || length % 4 != 0 || length > PcapNgReader.MaxBlockLength || offset + length > file.Length)
            {
                damage = $"{path}: block at offset {offset} has a total length of {length}, which the file cannot hold";
                return found;
            }
            if (type is BlockType.CustomCopyable or BlockType.CustomNotCopyable && length >= 16
                && ByteOrder.ReadUInt32(header[8..], big) == enterpriseNumber)
            {
                if (kept + length > maxBytes)
                {
                    damage = $"{path}: more custom data than {maxBytes / (1 << 20)} MiB; the rest is not read";
                    return found;
                }
                var data = new byte[length - 16];
                file.Position = offset + 12;
                file.ReadExactly(data);
                found.Add(data);
                kept += length;
            }
            file.Position = offset + length;
        }
    }

    /// <summary>False for little-endian, true for big-endian, null when <paramref name="magic"/> is neither.</summary>
    private static bool? ByteOrderOf(ReadOnlySpan<byte> magic) =>
        BinaryPrimitives.ReadUInt32LittleEndian(magic) == PcapNgReader.ByteOrderMagic ? false
        : BinaryPrimitives.ReadUInt32BigEndian(magic) == PcapNgReader.ByteOrderMagic ? true
        : null;
}
