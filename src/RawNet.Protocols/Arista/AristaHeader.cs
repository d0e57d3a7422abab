using System.Buffers.Binary;

namespace RawNet.Protocols.Arista;

/// <summary>
/// A view over Arista's vendor-specific header (EtherType 0xD28B): a subtype, then for the timestamp subtype a version
/// that says the timescale and the format, a 64-bit (seconds, nanoseconds) or 48-bit (16-bit seconds, nanoseconds)
/// timestamp, then the original EtherType and what it names. tshark 4.0 reads a subtype other than the timestamp's as
/// followed directly by the EtherType, and stops after a timestamp version it does not know.
/// <code>
/// +-------------------------------+-------------------------------+
/// |        subtype (0x0001)       | timescale (8) | fmt(4) | hw(4)|
/// +-------------------------------+-------------------------------+
/// |      timestamp: 64 bits (32 s + 32 ns) or 48 bits (16 s + 32 ns)      ...
/// +-------------------------------+
/// |       original EtherType      |
/// +-------------------------------+
/// </code>
/// </summary>
public readonly ref struct AristaHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int SubType = 0;
        public const int Version = 2;
        public const int Timestamp = 4;
        /// <summary>Where an unknown subtype's EtherType is (tshark reads it right after the subtype).</summary>
        public const int UnknownSubTypeEtherType = 2;
    }

    /// <summary>The timestamp subtype.</summary>
    public const ushort TimestampSubType = 1;

    /// <summary>The versions tshark 4.0 knows: 64-bit and 48-bit, each in TAI and in UTC.</summary>
    public const ushort Tai64 = 0x0010, Tai48 = 0x0020, Utc64 = 0x0110, Utc48 = 0x0120;

    /// <summary>Lengths: the subtype and version, the two timestamps, an EtherType.</summary>
    public const int SubTypeLength = 2, FixedLength = 4, Timestamp64Length = 8, Timestamp48Length = 6, EtherTypeLength = 2;

    private readonly ReadOnlySpan<byte> _bytes;

    private AristaHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if the whole header its subtype and version announce is there.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out AristaHeader header)
    {
        bool whole = bytes.Length >= SubTypeLength && bytes.Length >= LengthOf(bytes);
        header = whole ? new AristaHeader(bytes) : default;
        return whole;
    }

    /// <summary>
    /// The header's length as tshark reads it, EtherType included, from its first bytes (the subtype's two bytes when
    /// fewer are there): 16 or 14 for a known timestamp version, 4 for an unknown one (no EtherType) and for an unknown subtype.
    /// </summary>
    public static int LengthOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < SubTypeLength || BinaryPrimitives.ReadUInt16BigEndian(bytes) != TimestampSubType)
            return FixedLength;
        if (bytes.Length < FixedLength)
            return FixedLength;
        return FixedLength + TimestampLength(BinaryPrimitives.ReadUInt16BigEndian(bytes[Field.Version..])) + EtherTypeLengthOf(bytes);
    }

    /// <summary>The timestamp's length for a version tshark knows, else 0.</summary>
    public static int TimestampLength(ushort version) => version switch
    {
        Tai64 or Utc64 => Timestamp64Length,
        Tai48 or Utc48 => Timestamp48Length,
        _ => 0,
    };

    /// <summary>True for a version tshark 4.0 knows.</summary>
    public static bool IsKnownVersion(ushort version) => TimestampLength(version) != 0;

    private static int EtherTypeLengthOf(ReadOnlySpan<byte> bytes) =>
        IsKnownVersion(BinaryPrimitives.ReadUInt16BigEndian(bytes[Field.Version..])) ? EtherTypeLength : 0;

    /// <summary>The subtype.</summary>
    public ushort SubType => BinaryPrimitives.ReadUInt16BigEndian(_bytes);

    /// <summary>True for the timestamp subtype.</summary>
    public bool IsTimestamp => SubType == TimestampSubType;

    /// <summary>The timestamp version (meaningful for the timestamp subtype).</summary>
    public ushort Version => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Version..]);

    /// <summary>True when an EtherType follows: an unknown subtype, or a timestamp version tshark knows.</summary>
    public bool HasEtherType => !IsTimestamp || IsKnownVersion(Version);

    /// <summary>The header's length, the EtherType included.</summary>
    public int HeaderLength => LengthOf(_bytes);

    /// <summary>The offset of the EtherType (when <see cref="HasEtherType"/>).</summary>
    public int EtherTypeOffset => IsTimestamp ? HeaderLength - EtherTypeLength : Field.UnknownSubTypeEtherType;

    /// <summary>The EtherType of what follows (when <see cref="HasEtherType"/>).</summary>
    public ushort EtherType => BinaryPrimitives.ReadUInt16BigEndian(_bytes[EtherTypeOffset..]);
}
