using System.Buffers.Binary;

namespace RawNet.Protocols.Ebhscr;

/// <summary>
/// A view over Elektrobit's High Speed Capture and Replay header (LINKTYPE_EBHSCR, 279), 32 bytes, big-endian:
/// <code>
/// +--------+-----------------+---------------------+--------------------+
/// | major  | slot(2)|chan(6) | version(4)|status(12)| payload length (4) |
/// +--------+-----------------+---------------------+--------------------+
/// | start timestamp (8)      | stop timestamp (8)  | major-specific (8) |
/// +--------------------------+---------------------+--------------------+
/// </code>
/// then the payload the major number names (0x50 an Ethernet frame, with its FCS unless the major-specific header's
/// "FCS unavailable" bit is set).
/// </summary>
public readonly ref struct EbhscrHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Major = 0;
        public const int SlotChannel = 1;
        public const int VersionStatus = 2;
        public const int Length = 4;
        public const int StartTimestamp = 8;
        public const int StopTimestamp = 16;
        public const int MajorHeader = 24;
    }

    /// <summary>The header's length.</summary>
    public const int Length = 32;

    /// <summary>The major number of an Ethernet frame.</summary>
    public const byte MajorEthernet = 0x50;

    /// <summary>The major-specific header's "FCS unavailable" bit of an Ethernet frame.</summary>
    public const ulong FcsUnavailable = 0x0000000400000000;

    /// <summary>The major-specific header's "link up" bit of an Ethernet frame.</summary>
    public const ulong LinkUp = 0x0000000100000000;

    private readonly ReadOnlySpan<byte> _bytes;

    private EbhscrHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds the whole header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out EbhscrHeader header)
    {
        header = bytes.Length >= Length ? new EbhscrHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>The major number: what the payload is.</summary>
    public byte Major => _bytes[Field.Major];

    /// <summary>The slot (top 2 bits of byte 1).</summary>
    public byte Slot => (byte)(_bytes[Field.SlotChannel] >> 6);

    /// <summary>The channel (low 6 bits of byte 1).</summary>
    public byte Channel => (byte)(_bytes[Field.SlotChannel] & 0x3F);

    /// <summary>The version (top 4 bits of bytes 2 and 3).</summary>
    public byte Version => (byte)(_bytes[Field.VersionStatus] >> 4);

    /// <summary>The status (low 12 bits of bytes 2 and 3), whose bits the major number defines.</summary>
    public ushort Status => (ushort)(BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.VersionStatus..]) & 0x0FFF);

    /// <summary>The payload length the header declares (tshark reads the payload by the captured bytes instead).</summary>
    public uint PayloadLength => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.Length..]);

    /// <summary>The major-specific header.</summary>
    public ulong MajorHeader => BinaryPrimitives.ReadUInt64BigEndian(_bytes[Field.MajorHeader..]);

    /// <summary>
    /// Whether tshark 4.0 reads this major number as its own (user-defined 0x43 to 0x4F, CAN, NMEA, time state, LIN, DIO,
    /// FlexRay), with fields and payloads RawNet does not decode; Ethernet and unknown numbers are RawNet's.
    /// </summary>
    public static bool IsOtherKnownMajor(byte major) => major is >= 0x43 and <= 0x4F or 0x51 or 0x52 or 0x53 or 0x55 or 0x56 or 0x57;

    /// <summary>tshark's name of an Ethernet speed code, read from bits 28 to 31 of the major-specific header for the Info column.</summary>
    public static string SpeedName(int code) => code switch
    {
        0 => "Speed 10M",
        1 => "Speed 100M",
        2 => "Speed 1000M",
        3 => "Speed 2.5G",
        4 => "Speed 5G",
        5 => "Speed 10G",
        6 => "Speed 25G",
        7 => "Speed 40G",
        8 => "Speed 100G",
        15 => "Speed unknown. This value can be used when the speed could not be detected.",
        _ => "Reserved",
    };
}
