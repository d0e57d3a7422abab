using System.Buffers.Binary;
using RawNet.Files.PcapNg;

namespace RawNet.Ui.Model;

/// <summary>
/// Walks a pcapng file's block headers and yields the file offset of each packet's data, in the order
/// <see cref="RawNet.Files.CaptureFileReader"/> returns the frames; the reader validates the blocks, this only locates them.
/// </summary>
/// <remarks>The reader does not expose where a frame's bytes lie in the file, and random access needs exactly that.</remarks>
internal sealed class PcapNgPacketBlocks : IDisposable
{
    // Block layout (draft-ietf-opsawg-pcapng section 4): type, total length, body; the byte-order magic opens a section
    // header's body; enhanced and obsolete packet blocks carry 20 bytes of fields before the data, simple ones 4.
    private const int HeaderLength = 8;
    private const int ByteOrderMagicOffset = 8;
    private const uint ByteOrderMagic = 0x1A2B3C4D;
    private const int PacketDataOffset = 28;
    private const int SimpleDataOffset = 12;

    private readonly BufferedStream _stream;
    private readonly byte[] _header = new byte[12];
    private long _position;
    private bool _bigEndian;

    public PcapNgPacketBlocks(string path)
    {
        _stream = new BufferedStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan), 1 << 16);
    }

    /// <summary>The offset of the next packet block's data; false at the end or at damage (the reader reports damage).</summary>
    public bool TryNextPacketData(out long dataOffset)
    {
        while (true)
        {
            _stream.Position = _position;
            if (_stream.ReadAtLeast(_header, _header.Length, throwOnEndOfStream: false) < _header.Length)
            {
                dataOffset = 0;
                return false;
            }
            uint rawType = BinaryPrimitives.ReadUInt32LittleEndian(_header);
            if (rawType == (uint)BlockType.SectionHeader)
                _bigEndian = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(ByteOrderMagicOffset)) == ByteOrderMagic;
            var type = (BlockType)(_bigEndian ? BinaryPrimitives.ReverseEndianness(rawType) : rawType);
            uint length = _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(4)) : BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(4));
            if (length < HeaderLength + 4)
            {
                dataOffset = 0;
                return false;
            }
            long start = _position;
            _position += length;
            switch (type)
            {
                case BlockType.EnhancedPacket or BlockType.ObsoletePacket:
                    dataOffset = start + PacketDataOffset;
                    return true;
                case BlockType.SimplePacket:
                    dataOffset = start + SimpleDataOffset;
                    return true;
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
