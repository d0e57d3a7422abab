using System.Buffers.Binary;
using System.Text;
using RawNet.Protocols;
using Field = RawNet.Files.PcapNg.PcapNgReader.Field;

namespace RawNet.Files.PcapNg;

/// <summary>Writes a little-endian pcapng file: one section header, interfaces added with <see cref="AddInterface"/>, then enhanced packet blocks.</summary>
public sealed class PcapNgWriter : IDisposable
{
    private const int OptionHeaderLength = 4;
    private const int EndOfOptionsLength = 4;
    private const int PacketFlagsOptionLength = OptionHeaderLength + 4;
    private const int ResolutionOptionLength = OptionHeaderLength + 4;

    private readonly WriteBuffer _output;
    private readonly List<(LinkType LinkType, long NanosecondsPerUnit)> _interfaces = [];

    /// <summary>
    /// Writes the section header block (with an optional shb_comment, and an optional custom string option of a
    /// Private Enterprise Number, <paramref name="customOption"/>) to <paramref name="stream"/>.
    /// </summary>
    public PcapNgWriter(Stream stream, string? sectionComment = null, bool leaveOpen = false, (uint EnterpriseNumber, string Value)? customOption = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _output = new WriteBuffer(stream, leaveOpen);

        var optionsLength = StringOptionLength(ApplicationName) + StringOptionLength(sectionComment) + EndOfOptionsLength
            + (customOption is { } custom ? OptionHeaderLength + PcapNgReader.Pad4(4 + Encoding.UTF8.GetByteCount(custom.Value)) : 0);
        var block = BeginBlock(BlockType.SectionHeader, Field.SectionOptions + optionsLength);
        BinaryPrimitives.WriteUInt32LittleEndian(block[Field.SectionByteOrderMagic..], PcapNgReader.ByteOrderMagic);
        BinaryPrimitives.WriteUInt16LittleEndian(block[Field.SectionVersionMajor..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(block[Field.SectionVersionMinor..], 0);
        BinaryPrimitives.WriteInt64LittleEndian(block[Field.SectionLength..], -1); // unknown: the file is streamed
        var options = block[Field.SectionOptions..];
        options = WriteStringOption(options, OptionCode.UserApplication, ApplicationName);
        options = WriteStringOption(options, OptionCode.Comment, sectionComment);
        if (customOption is { } option)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(options[OptionHeaderLength..], option.EnterpriseNumber);
            var length = 4 + Encoding.UTF8.GetBytes(option.Value, options[(OptionHeaderLength + 4)..]);
            WriteOptionHeader(options, OptionCode.CustomString, (ushort)length);
            options.Slice(OptionHeaderLength + length, PcapNgReader.Pad4(length) - length).Clear();
            options = options[(OptionHeaderLength + PcapNgReader.Pad4(length))..];
        }
        WriteEndOfOptions(options);
        EndBlock(block);
    }

    /// <summary>
    /// Appends a custom block (type 0x00000BAD: copyable, so editors keep it) carrying <paramref name="data"/> under
    /// <paramref name="enterpriseNumber"/>; readers that do not know it skip it (tshark among them).
    /// </summary>
    /// <exception cref="IOException">A write failed (now or before).</exception>
    public void WriteCustomBlock(uint enterpriseNumber, ReadOnlySpan<byte> data)
    {
        var padded = PcapNgReader.Pad4(data.Length);
        if (padded > PcapNgReader.MaxBlockLength - 64)
            throw new ArgumentException($"a custom block of {data.Length} bytes is larger than a reader accepts", nameof(data));
        var block = BeginBlock(BlockType.CustomCopyable, Field.TotalLength + 4 + 4 + padded);
        BinaryPrimitives.WriteUInt32LittleEndian(block[(Field.TotalLength + 4)..], enterpriseNumber);
        data.CopyTo(block[(Field.TotalLength + 8)..]);
        block.Slice(Field.TotalLength + 8 + data.Length, padded - data.Length).Clear();
        EndBlock(block);
    }

    /// <summary>Creates (or truncates) the file at <paramref name="path"/> and writes its section header.</summary>
    public static PcapNgWriter Create(string path, string? sectionComment = null) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0), sectionComment);

    private const string ApplicationName = "RawNet";

    /// <summary>How many interfaces have been added; frames name one by its 0-based <see cref="FrameMetadata.InterfaceId"/>.</summary>
    public int InterfaceCount => _interfaces.Count;

    /// <summary>Writes an interface description block and returns the new interface's id.</summary>
    /// <param name="linkType">The link type of every frame written on this interface.</param>
    /// <param name="snapshotLength">The interface's snaplen; 0 means no limit.</param>
    /// <param name="precision">Timestamp unit, stored as if_tsresol 6 or 9.</param>
    /// <param name="name">Optional if_name.</param>
    public int AddInterface(LinkType linkType, int snapshotLength = CaptureFileReader.MaxCapturedLength,
        TimestampPrecision precision = TimestampPrecision.Nanoseconds, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(snapshotLength);
        var optionsLength = StringOptionLength(name) + ResolutionOptionLength + EndOfOptionsLength;
        var block = BeginBlock(BlockType.InterfaceDescription, Field.InterfaceOptions + optionsLength);
        BinaryPrimitives.WriteUInt16LittleEndian(block[Field.InterfaceLinkType..], (ushort)linkType);
        BinaryPrimitives.WriteUInt16LittleEndian(block[(Field.InterfaceLinkType + 2)..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(block[Field.InterfaceSnapLength..], (uint)snapshotLength);
        var options = block[Field.InterfaceOptions..];
        options = WriteStringOption(options, OptionCode.InterfaceName, name);
        WriteOptionHeader(options, OptionCode.TimestampResolution, 1);
        options[OptionHeaderLength..ResolutionOptionLength].Clear();
        options[OptionHeaderLength] = precision == TimestampPrecision.Nanoseconds ? (byte)9 : (byte)6;
        WriteEndOfOptions(options[ResolutionOptionLength..]);
        EndBlock(block);

        _interfaces.Add((linkType, precision == TimestampPrecision.Nanoseconds ? 1 : 1000));
        return _interfaces.Count - 1;
    }

    /// <summary>Appends an enhanced packet block on interface <see cref="FrameMetadata.InterfaceId"/>, with epb_flags when the direction is known and an optional opt_comment.</summary>
    /// <exception cref="IOException">A write failed (now or before): the file was cut back to its last whole block and is never written again.</exception>
    public void Write(in FrameMetadata metadata, ReadOnlySpan<byte> data, string? comment = null)
    {
        if ((uint)metadata.InterfaceId >= (uint)_interfaces.Count)
            throw new ArgumentException($"interface {metadata.InterfaceId} has not been added (the file has {_interfaces.Count})", nameof(metadata));
        var (linkType, nanosecondsPerUnit) = _interfaces[metadata.InterfaceId];
        if (metadata.LinkType != linkType)
            throw new ArgumentException($"frame link type {metadata.LinkType} differs from interface {metadata.InterfaceId}'s {linkType}", nameof(metadata));
        ArgumentOutOfRangeException.ThrowIfNegative(metadata.TimestampNanoseconds, nameof(metadata));
        ArgumentOutOfRangeException.ThrowIfNegative(metadata.OriginalLength, nameof(metadata));

        var hasFlags = metadata.Direction != PacketDirection.Unknown;
        var optionsLength = (hasFlags ? PacketFlagsOptionLength : 0) + StringOptionLength(comment);
        if (optionsLength > 0)
            optionsLength += EndOfOptionsLength;
        var paddedData = PcapNgReader.Pad4(data.Length);
        var block = BeginBlock(BlockType.EnhancedPacket, Field.PacketData + paddedData + optionsLength);

        var timestamp = (ulong)(metadata.TimestampNanoseconds / nanosecondsPerUnit);
        BinaryPrimitives.WriteUInt32LittleEndian(block[Field.PacketInterfaceId..], (uint)metadata.InterfaceId);
        BinaryPrimitives.WriteUInt32LittleEndian(block[Field.PacketTimestampHigh..], (uint)(timestamp >> 32));
        BinaryPrimitives.WriteUInt32LittleEndian(block[Field.PacketTimestampLow..], (uint)timestamp);
        BinaryPrimitives.WriteUInt32LittleEndian(block[Field.PacketCapturedLength..], (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(block[Field.PacketOriginalLength..], (uint)metadata.OriginalLength);
        data.CopyTo(block[Field.PacketData..]);
        block.Slice(Field.PacketData + data.Length, paddedData - data.Length).Clear();

        if (optionsLength > 0)
        {
            var options = block[(Field.PacketData + paddedData)..];
            if (hasFlags)
            {
                WriteOptionHeader(options, OptionCode.PacketFlags, 4);
                BinaryPrimitives.WriteUInt32LittleEndian(options[OptionHeaderLength..],
                    metadata.Direction == PacketDirection.Inbound ? 1u : 2u);
                options = options[PacketFlagsOptionLength..];
            }
            options = WriteStringOption(options, OptionCode.Comment, comment);
            WriteEndOfOptions(options);
        }
        _output.Advance(block.Length, packet: true);
    }

    /// <summary>Enhanced packet blocks that reached the stream whole; after a failed write, exactly those the file keeps.</summary>
    public long PacketsWritten => _output.PacketsWritten;

    /// <summary>Where the file's whole blocks end (the file's length between writes; a write stopped part-way leaves more).</summary>
    public long WholeRecordsEnd => _output.WholeRecordsEnd;

    /// <summary>Called with <see cref="WholeRecordsEnd"/> after each write that reached the stream whole, and after a failed write was cut back to its last whole block.</summary>
    public Action<long>? Written { get => _output.Written; set => _output.Written = value; }

    /// <summary>Writes buffered blocks to the stream and flushes it.</summary>
    /// <exception cref="IOException">A write failed (now or before): the file was cut back to its last whole block and is never written again.</exception>
    public void Flush() => _output.Flush();

    /// <summary>Flushes (unless a write failed before) and closes the stream unless it was opened with leaveOpen.</summary>
    public void Dispose() => _output.Dispose();

    /// <summary>Reserves a block of <paramref name="bodyEnd"/> bytes plus trailer and writes its type and both lengths.</summary>
    private Span<byte> BeginBlock(BlockType type, int bodyEnd)
    {
        var length = bodyEnd + PcapNgReader.BlockTrailerLength;
        var block = _output.GetSpan(length);
        BinaryPrimitives.WriteUInt32LittleEndian(block[Field.Type..], (uint)type);
        BinaryPrimitives.WriteUInt32LittleEndian(block[Field.TotalLength..], (uint)length);
        BinaryPrimitives.WriteUInt32LittleEndian(block[^PcapNgReader.BlockTrailerLength..], (uint)length);
        return block;
    }

    private void EndBlock(Span<byte> block) => _output.Advance(block.Length);

    private static int StringOptionLength(string? value)
    {
        if (value is null)
            return 0;
        var length = Encoding.UTF8.GetByteCount(value);
        if (length > ushort.MaxValue)
            throw new ArgumentException($"a {length}-byte option does not fit; pcapng options hold at most {ushort.MaxValue} bytes", nameof(value));
        return OptionHeaderLength + PcapNgReader.Pad4(length);
    }

    /// <summary>Writes a UTF-8 option (nothing when <paramref name="value"/> is null) and returns the space after it.</summary>
    private static Span<byte> WriteStringOption(Span<byte> destination, ushort code, string? value)
    {
        if (value is null)
            return destination;
        var length = Encoding.UTF8.GetBytes(value, destination[OptionHeaderLength..]);
        WriteOptionHeader(destination, code, (ushort)length);
        var padded = PcapNgReader.Pad4(length);
        destination.Slice(OptionHeaderLength + length, padded - length).Clear();
        return destination[(OptionHeaderLength + padded)..];
    }

    private static void WriteOptionHeader(Span<byte> destination, ushort code, ushort length)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, code);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], length);
    }

    private static void WriteEndOfOptions(Span<byte> destination) => destination[..EndOfOptionsLength].Clear();
}
