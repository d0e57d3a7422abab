using RawNet.Protocols;

namespace RawNet.Files.Pcap;

/// <summary>Reads classic pcap files of either byte order, with microsecond or nanosecond timestamps.</summary>
/// <remarks>
/// <code>
/// file header (24 bytes)                      record header (16 bytes), then captured bytes
/// +------------------+--------+--------+      +-----------------+-----------------------+
/// | magic            | major  | minor  |      | seconds         | micro/nanoseconds     |
/// | thiszone         | sigfigs         |      | captured length | original length       |
/// | snaplen          | link type + FCS bits |  +-----------------+-----------------------+
/// </code>
/// A captured length above the header's snaplen is accepted (Wireshark reads such files; old Solaris writers made them),
/// but never above <see cref="CaptureFileReader.MaxCapturedLength"/>.
/// </remarks>
internal sealed class PcapReader : CaptureFileReader
{
    /// <summary>Magic of a microsecond file, as read in the file's own byte order.</summary>
    internal const uint MicrosecondMagic = 0xA1B2C3D4;
    /// <summary>Magic of a nanosecond file, as read in the file's own byte order.</summary>
    internal const uint NanosecondMagic = 0xA1B23C4D;
    internal const uint MicrosecondMagicSwapped = 0xD4C3B2A1;
    internal const uint NanosecondMagicSwapped = 0x4D3CB2A1;

    internal const int FileHeaderLength = 24;
    internal const int RecordHeaderLength = 16;

    /// <summary>Offsets in the file header.</summary>
    internal static class FileField
    {
        public const int Magic = 0;
        public const int VersionMajor = 4;
        public const int VersionMinor = 6;
        public const int SnapLength = 16;
        public const int LinkType = 20;
    }

    /// <summary>Offsets in a record header.</summary>
    internal static class RecordField
    {
        public const int Seconds = 0;
        public const int Fraction = 4;
        public const int CapturedLength = 8;
        public const int OriginalLength = 12;
    }

    private readonly bool _bigEndian;
    private readonly long _nanosecondsPerFractionUnit;
    private readonly LinkType _linkType;
    private readonly ErfInterfaces? _erfInterfaces;

    internal PcapReader(ReadWindow window, string fileName)
        : base(window, fileName)
    {
        if (!window.TryEnsure(FileHeaderLength))
            throw Damage(0, $"pcap file header cut short at end of file ({window.Available} of {FileHeaderLength} bytes)");
        var header = window.Peek(FileHeaderLength);
        var magic = ByteOrder.ReadUInt32(header, bigEndian: true);
        _bigEndian = magic is MicrosecondMagic or NanosecondMagic;
        _nanosecondsPerFractionUnit = magic is NanosecondMagic or NanosecondMagicSwapped ? 1 : 1000;
        Precision = _nanosecondsPerFractionUnit == 1 ? TimestampPrecision.Nanoseconds : TimestampPrecision.Microseconds;
        var major = ByteOrder.ReadUInt16(header[FileField.VersionMajor..], _bigEndian);
        if (major != 2)
        {
            var minor = ByteOrder.ReadUInt16(header[FileField.VersionMinor..], _bigEndian);
            throw Damage(0, $"unsupported pcap version {major}.{minor} (expected 2.x)");
        }
        SnapshotLength = (int)Math.Min(ByteOrder.ReadUInt32(header[FileField.SnapLength..], _bigEndian), int.MaxValue);
        // The upper 16 bits carry FCS length and reserved flags, not the link type.
        _linkType = (LinkType)(ushort)ByteOrder.ReadUInt32(header[FileField.LinkType..], _bigEndian);
        NoteLinkType(_linkType);
        if (_linkType == LinkType.Erf)
            _erfInterfaces = new ErfInterfaces();
        window.Advance(FileHeaderLength);
    }

    /// <inheritdoc/>
    public override CaptureFileFormat Format => CaptureFileFormat.Pcap;

    /// <summary>Whether the file's timestamps are in microseconds or nanoseconds.</summary>
    public TimestampPrecision Precision { get; }

    /// <inheritdoc/>
    public override bool TryReadNext(out CapturedFrame frame)
    {
        var window = Window;
        if (!window.TryEnsure(RecordHeaderLength))
        {
            if (window.Available == 0)
            {
                frame = default;
                return false;
            }
            throw Damage(window.Position, $"record header cut short at end of file ({window.Available} of {RecordHeaderLength} bytes)");
        }
        var header = window.Peek(RecordHeaderLength);
        var bigEndian = _bigEndian;
        var seconds = ByteOrder.ReadUInt32(header[RecordField.Seconds..], bigEndian);
        var fraction = ByteOrder.ReadUInt32(header[RecordField.Fraction..], bigEndian);
        var captured = ByteOrder.ReadUInt32(header[RecordField.CapturedLength..], bigEndian);
        var original = ByteOrder.ReadUInt32(header[RecordField.OriginalLength..], bigEndian);
        if (captured > MaxCapturedLength)
            throw Damage(window.Position, $"captured length {captured} is larger than the maximum of {MaxCapturedLength}");
        var recordLength = RecordHeaderLength + (int)captured;
        if (!window.TryEnsure(recordLength))
            throw Damage(window.Position, $"packet data cut short at end of file ({window.Available - RecordHeaderLength} of {captured} bytes)");

        var data = window.Peek(recordLength)[RecordHeaderLength..];
        var metadata = new FrameMetadata(
            seconds * 1_000_000_000L + fraction * _nanosecondsPerFractionUnit,
            (int)captured,
            (int)Math.Min(original, int.MaxValue),
            _linkType,
            Interface: _erfInterfaces?.Of(data));
        frame = new CapturedFrame(metadata, data);
        window.Advance(recordLength);
        PacketNumber++;
        return true;
    }
}
