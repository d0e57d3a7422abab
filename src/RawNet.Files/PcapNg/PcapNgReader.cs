using System.Buffers.Binary;
using System.Runtime.InteropServices;
using RawNet.Protocols;

namespace RawNet.Files.PcapNg;

/// <summary>Reads pcapng files: sections of either byte order, several interfaces with their own link type, resolution and offset, and enhanced, simple and obsolete packet blocks.</summary>
/// <remarks>
/// <code>
/// every block:  | block type | total length | body ... | total length |   (lengths equal, multiple of 4, at least 12)
/// EPB body:     | interface id | ts high | ts low | captured len | original len | data, padded to 4 | options |
/// </code>
/// Blocks of unknown type are skipped. Interface ids restart at 0 in every section. Custom blocks are not frames here,
/// but tshark numbers them as frames ("PCAPNG Custom Block N"), so they count in <see cref="CaptureFileReader.RecordNumber"/>.
/// </remarks>
internal sealed class PcapNgReader : CaptureFileReader
{
    /// <summary>Bound on any block, so a damaged length cannot make the reader buffer gigabytes.</summary>
    internal const int MaxBlockLength = 16 * 1024 * 1024;
    /// <summary>Bound on interfaces per section, which keeps per-file state small however many IDBs a hostile file holds.</summary>
    internal const int MaxInterfacesPerSection = 65536;
    internal const uint ByteOrderMagic = 0x1A2B3C4D;

    internal const int BlockHeaderLength = 8;
    internal const int BlockTrailerLength = 4;

    /// <summary>Offsets shared by all blocks and within each block type's fixed fields.</summary>
    internal static class Field
    {
        public const int Type = 0;
        public const int TotalLength = 4;
        public const int Body = 8;

        public const int SectionByteOrderMagic = 8;
        public const int SectionVersionMajor = 12;
        public const int SectionVersionMinor = 14;
        public const int SectionLength = 16;
        public const int SectionOptions = 24;

        public const int InterfaceLinkType = 8;
        public const int InterfaceSnapLength = 12;
        public const int InterfaceOptions = 16;

        public const int PacketInterfaceId = 8;
        public const int PacketTimestampHigh = 12;
        public const int PacketTimestampLow = 16;
        public const int PacketCapturedLength = 20;
        public const int PacketOriginalLength = 24;
        public const int PacketData = 28;

        public const int SimpleOriginalLength = 8;
        public const int SimpleData = 12;
    }

    internal const int MinSectionHeaderLength = Field.SectionOptions + BlockTrailerLength;
    internal const int MinInterfaceLength = Field.InterfaceOptions + BlockTrailerLength;
    internal const int MinPacketLength = Field.PacketData + BlockTrailerLength;
    internal const int MinSimplePacketLength = Field.SimpleData + BlockTrailerLength;

    /// <summary>What a section's interface description block says, in the form the packet path needs.</summary>
    private readonly record struct Interface(LinkType LinkType, uint SnapLength, ulong UnitsPerSecond, long OffsetNanoseconds, CaptureInterface Info);

    /// <summary>The smallest custom block: a header, the Private Enterprise Number and the trailer.</summary>
    internal const int MinCustomLength = BlockHeaderLength + 4 + BlockTrailerLength;

    private readonly List<Interface> _interfaces = [];
    private readonly HashSet<LinkType> _linkTypesSeen = [];
    private bool _bigEndian;
    private bool _snapshotLengthKnown;
    private int _section;

    internal PcapNgReader(ReadWindow window, string fileName)
        : base(window, fileName)
    {
        // Read the section header and interfaces up front so LinkTypes is known before the first frame.
        AdvanceToPacketBlock(out _);
    }

    /// <inheritdoc/>
    public override CaptureFileFormat Format => CaptureFileFormat.PcapNg;

    /// <inheritdoc/>
    public override bool TryReadNext(out CapturedFrame frame)
    {
        var length = AdvanceToPacketBlock(out var type);
        if (length == 0)
        {
            frame = default;
            return false;
        }
        var window = Window;
        var block = window.Peek(length);
        frame = type == BlockType.SimplePacket
            ? ReadSimplePacket(block, window.Position)
            : ReadPacket(block, window.Position, type);
        window.Advance(length);
        PacketNumber++;
        return true;
    }

    /// <summary>Consumes section headers, interfaces and unknown blocks; stops before a validated packet block and returns its length, or 0 at a clean end of file.</summary>
    private int AdvanceToPacketBlock(out BlockType type)
    {
        var window = Window;
        while (true)
        {
            if (!window.TryEnsure(BlockHeaderLength))
            {
                if (window.Available == 0)
                {
                    type = default;
                    return 0;
                }
                throw Damage(window.Position, $"block header cut short at end of file ({window.Available} of {BlockHeaderLength} bytes)");
            }
            type = (BlockType)ByteOrder.ReadUInt32(window.Peek(BlockHeaderLength), _bigEndian);
            if (type == BlockType.SectionHeader)
            {
                ReadSectionHeader();
                continue;
            }
            var length = EnsureBlock();
            switch (type)
            {
                case BlockType.EnhancedPacket:
                case BlockType.SimplePacket:
                case BlockType.ObsoletePacket:
                    return length;
                case BlockType.InterfaceDescription:
                    ReadInterface(window.Peek(length), window.Position);
                    break;
                case BlockType.CustomCopyable:
                case BlockType.CustomNotCopyable:
                    if (length < MinCustomLength)
                        throw Damage(window.Position, $"custom block of {length} bytes is too short for its Private Enterprise Number ({MinCustomLength} bytes)");
                    UnshownRecords++;
                    break;
            }
            window.Advance(length);
        }
    }

    /// <summary>Checks the block's total length, buffers the whole block and checks its trailing copy of the length.</summary>
    private int EnsureBlock()
    {
        var window = Window;
        var offset = window.Position;
        var length = ByteOrder.ReadUInt32(window.Peek(BlockHeaderLength)[Field.TotalLength..], _bigEndian);
        if (length < BlockHeaderLength + BlockTrailerLength)
            throw Damage(offset, $"block total length {length} is smaller than the minimum of {BlockHeaderLength + BlockTrailerLength}");
        if (length % 4 != 0)
            throw Damage(offset, $"block total length {length} is not a multiple of 4");
        if (length > MaxBlockLength)
            throw Damage(offset, $"block total length {length} is larger than the maximum of {MaxBlockLength}");
        if (!window.TryEnsure((int)length))
            throw Damage(offset, $"block of {length} bytes cut short at end of file ({window.Available} bytes left)");
        var trailer = ByteOrder.ReadUInt32(window.Peek((int)length)[^BlockTrailerLength..], _bigEndian);
        if (trailer != length)
            throw Damage(offset, $"block total length {length} disagrees with the trailing copy {trailer}");
        return (int)length;
    }

    private void ReadSectionHeader()
    {
        var window = Window;
        var offset = window.Position;
        if (!window.TryEnsure(Field.SectionByteOrderMagic + 4))
            throw Damage(offset, $"section header block cut short at end of file ({window.Available} bytes left)");
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(window.Peek(Field.SectionByteOrderMagic + 4)[Field.SectionByteOrderMagic..]);
        if (magic == ByteOrderMagic)
            _bigEndian = false;
        else if (magic == BinaryPrimitives.ReverseEndianness(ByteOrderMagic))
            _bigEndian = true;
        else
            throw Damage(offset, $"section header byte-order magic 0x{BinaryPrimitives.ReverseEndianness(magic):X8} is not 0x{ByteOrderMagic:X8} in either byte order");

        var length = EnsureBlock();
        if (length < MinSectionHeaderLength)
            throw Damage(offset, $"section header block of {length} bytes is shorter than its fixed fields ({MinSectionHeaderLength} bytes)");
        var block = window.Peek(length);
        var major = ByteOrder.ReadUInt16(block[Field.SectionVersionMajor..], _bigEndian);
        if (major != 1)
        {
            var minor = ByteOrder.ReadUInt16(block[Field.SectionVersionMinor..], _bigEndian);
            throw Damage(offset, $"unsupported pcapng version {major}.{minor} (expected 1.x)");
        }
        _interfaces.Clear();
        _section++;
        window.Advance(length);
    }

    private void ReadInterface(ReadOnlySpan<byte> block, long offset)
    {
        if (block.Length < MinInterfaceLength)
            throw Damage(offset, $"interface description block of {block.Length} bytes is shorter than its fixed fields ({MinInterfaceLength} bytes)");
        if (_interfaces.Count >= MaxInterfacesPerSection)
            throw Damage(offset, $"more than {MaxInterfacesPerSection} interfaces in one section");
        var linkType = (LinkType)ByteOrder.ReadUInt16(block[Field.InterfaceLinkType..], _bigEndian);
        var snapLength = ByteOrder.ReadUInt32(block[Field.InterfaceSnapLength..], _bigEndian);

        ulong unitsPerSecond = 1_000_000; // the default when if_tsresol is absent
        long offsetSeconds = 0;
        string? name = null, description = null;
        var options = block[Field.InterfaceOptions..^BlockTrailerLength];
        while (TryReadOption(ref options, offset, out var code, out var value))
        {
            if (code == OptionCode.TimestampResolution)
            {
                if (value.Length != 1)
                    throw Damage(offset, $"if_tsresol option is {value.Length} bytes long, not 1");
                unitsPerSecond = UnitsPerSecond(value[0], offset);
            }
            else if (code == OptionCode.TimestampOffset)
            {
                if (value.Length != 8)
                    throw Damage(offset, $"if_tsoffset option is {value.Length} bytes long, not 8");
                offsetSeconds = (long)ByteOrder.ReadUInt64(value, _bigEndian);
            }
            else if (code == OptionCode.InterfaceName)
                name ??= Text(value);
            else if (code == OptionCode.InterfaceDescription)
                description ??= Text(value);
        }
        var info = new CaptureInterface(_interfaces.Count, name ?? description ?? CaptureInterface.UnknownName, description);

        _interfaces.Add(new Interface(linkType, snapLength, unitsPerSecond, unchecked(offsetSeconds * 1_000_000_000L), info));
        if (_linkTypesSeen.Add(linkType))
            NoteLinkType(linkType);
        if (!_snapshotLengthKnown)
        {
            _snapshotLengthKnown = true;
            SnapshotLength = (int)Math.Min(snapLength, int.MaxValue);
        }
    }

    /// <summary>A string option's UTF-8 text, up to a NUL some writers count in the length.</summary>
    private static string Text(ReadOnlySpan<byte> value)
    {
        var end = value.IndexOf((byte)0);
        return System.Text.Encoding.UTF8.GetString(end >= 0 ? value[..end] : value);
    }

    /// <summary>Decodes if_tsresol: the high bit picks base 2 over base 10, the rest is the negative exponent.</summary>
    private ulong UnitsPerSecond(byte resolution, long offset)
    {
        var exponent = resolution & 0x7F;
        if ((resolution & 0x80) != 0)
        {
            return exponent <= 63
                ? 1UL << exponent
                : throw Damage(offset, $"if_tsresol 2^-{exponent} is finer than this reader supports (2^-63)");
        }
        if (exponent > 19)
            throw Damage(offset, $"if_tsresol 10^-{exponent} is finer than this reader supports (10^-19)");
        ulong units = 1;
        for (var i = 0; i < exponent; i++)
            units *= 10;
        return units;
    }

    private CapturedFrame ReadPacket(ReadOnlySpan<byte> block, long offset, BlockType type)
    {
        if (block.Length < MinPacketLength)
            throw Damage(offset, $"{Describe(type)} of {block.Length} bytes is shorter than its fixed fields ({MinPacketLength} bytes)");
        var bigEndian = _bigEndian;
        // The obsolete packet block has a 16-bit interface id followed by a 16-bit drop count.
        var interfaceId = type == BlockType.EnhancedPacket
            ? ByteOrder.ReadUInt32(block[Field.PacketInterfaceId..], bigEndian)
            : ByteOrder.ReadUInt16(block[Field.PacketInterfaceId..], bigEndian);
        if (interfaceId >= (uint)_interfaces.Count)
            throw Damage(offset, $"packet refers to interface {interfaceId}, but the section defines {_interfaces.Count}");
        ref readonly var description = ref CollectionsMarshal.AsSpan(_interfaces)[(int)interfaceId];

        var timestamp = ((ulong)ByteOrder.ReadUInt32(block[Field.PacketTimestampHigh..], bigEndian) << 32)
            | ByteOrder.ReadUInt32(block[Field.PacketTimestampLow..], bigEndian);
        var captured = ByteOrder.ReadUInt32(block[Field.PacketCapturedLength..], bigEndian);
        var original = ByteOrder.ReadUInt32(block[Field.PacketOriginalLength..], bigEndian);
        if (captured > MaxCapturedLength)
            throw Damage(offset, $"captured length {captured} is larger than the maximum of {MaxCapturedLength}");
        var optionsStart = Field.PacketData + Pad4((int)captured);
        if (optionsStart + BlockTrailerLength > block.Length)
            throw Damage(offset, $"captured length {captured} overruns the {block.Length}-byte {Describe(type)}");

        uint? flags = optionsStart + BlockTrailerLength < block.Length
            ? ReadFlags(block[optionsStart..^BlockTrailerLength], offset, type)
            : null;
        var direction = (flags & 0b11) switch
        {
            1 => PacketDirection.Inbound,
            2 => PacketDirection.Outbound,
            _ => PacketDirection.Unknown,
        };

        var metadata = new FrameMetadata(
            ToNanoseconds(timestamp, description),
            (int)captured,
            (int)Math.Min(original, int.MaxValue),
            description.LinkType,
            (int)interfaceId,
            direction,
            description.Info,
            _section,
            flags);
        return new CapturedFrame(metadata, block.Slice(Field.PacketData, (int)captured));
    }

    private CapturedFrame ReadSimplePacket(ReadOnlySpan<byte> block, long offset)
    {
        if (block.Length < MinSimplePacketLength)
            throw Damage(offset, $"simple packet block of {block.Length} bytes is shorter than its fixed fields ({MinSimplePacketLength} bytes)");
        if (_interfaces.Count == 0)
            throw Damage(offset, "simple packet block, but the section defines no interface");
        var description = _interfaces[0];
        var original = ByteOrder.ReadUInt32(block[Field.SimpleOriginalLength..], _bigEndian);
        // The block stores no captured length: it is the original length cut to interface 0's snaplen (0 = no limit).
        var captured = description.SnapLength != 0 ? Math.Min(original, description.SnapLength) : original;
        if (captured > MaxCapturedLength)
            throw Damage(offset, $"captured length {captured} is larger than the maximum of {MaxCapturedLength}");
        if (Field.SimpleData + Pad4((int)captured) + BlockTrailerLength > block.Length)
            throw Damage(offset, $"captured length {captured} overruns the {block.Length}-byte simple packet block");
        var metadata = new FrameMetadata(
            description.OffsetNanoseconds,
            (int)captured,
            (int)Math.Min(original, int.MaxValue),
            description.LinkType,
            Interface: description.Info,
            SectionNumber: _section);
        return new CapturedFrame(metadata, block.Slice(Field.SimpleData, (int)captured));
    }

    /// <summary>The first epb_flags option's word; one of another length is damage, as tshark says ("packet block flags option length N is not 4").</summary>
    private uint? ReadFlags(ReadOnlySpan<byte> options, long offset, BlockType type)
    {
        while (TryReadOption(ref options, offset, out var code, out var value))
        {
            if (code == OptionCode.PacketFlags)
            {
                return value.Length == 4
                    ? ByteOrder.ReadUInt32(value, _bigEndian)
                    : throw Damage(offset, $"{Describe(type)} flags option is {value.Length} bytes long, not 4");
            }
        }
        return null;
    }

    /// <summary>Takes the next option off <paramref name="options"/>; false at opt_endofopt or the end of the block.</summary>
    private bool TryReadOption(ref ReadOnlySpan<byte> options, long offset, out ushort code, out ReadOnlySpan<byte> value)
    {
        value = default;
        code = OptionCode.EndOfOptions;
        if (options.Length < 4)
            return false;
        code = ByteOrder.ReadUInt16(options, _bigEndian);
        if (code == OptionCode.EndOfOptions)
            return false;
        var length = ByteOrder.ReadUInt16(options[2..], _bigEndian);
        var padded = Pad4(length);
        if (4 + padded > options.Length)
            throw Damage(offset, $"option {code} of {length} bytes overruns its block");
        value = options.Slice(4, length);
        options = options[(4 + padded)..];
        return true;
    }

    private static long ToNanoseconds(ulong units, in Interface description)
    {
        unchecked
        {
            var perSecond = description.UnitsPerSecond;
            long nanoseconds;
            if (perSecond == 1_000_000)
                nanoseconds = (long)(units * 1000);
            else if (perSecond == 1_000_000_000)
                nanoseconds = (long)units;
            else
            {
                var seconds = units / perSecond;
                var fraction = units % perSecond;
                nanoseconds = (long)(seconds * 1_000_000_000UL + (ulong)((UInt128)fraction * 1_000_000_000UL / perSecond));
            }
            return nanoseconds + description.OffsetNanoseconds;
        }
    }

    internal static int Pad4(int length) => (length + 3) & ~3;

    private static string Describe(BlockType type) =>
        type == BlockType.EnhancedPacket ? "enhanced packet block" : "obsolete packet block";
}
