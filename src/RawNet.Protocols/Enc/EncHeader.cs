using System.Buffers.Binary;

namespace RawNet.Protocols.Enc;

/// <summary>
/// A view over the header OpenBSD's enc(4) IPsec interface writes before each packet (LINKTYPE_ENC, 109): 12 bytes, the
/// address family and flags in the logging host's byte order, the SPI in network byte order. Both oracles read the family
/// as little-endian (their host's order) and, when that has any of its upper 16 bits set, read the family and the flags as
/// big-endian instead (<see cref="IsBigEndian"/>).
/// <code>
/// +-----------------------------------+
/// | address family (4, host order)    |
/// | SPI (4, network order)            |
/// | flags (4, host order)             |
/// +-----------------------------------+
/// </code>
/// </summary>
public readonly ref struct EncHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Family = 0;
        public const int Spi = 4;
        public const int Flags = 8;
    }

    /// <summary>Length of the header.</summary>
    public const int Length = 12;

    /// <summary>Bytes tshark reads (family and SPI) before it adds any field.</summary>
    public const int FamilyAndSpiLength = 8;

    /// <summary>Flag: the payload was encrypted (M_CONF).</summary>
    public const uint Confidential = 0x0400;

    /// <summary>Flag: the payload was authenticated (M_AUTH).</summary>
    public const uint Authentic = 0x0800;

    /// <summary>Flag: the payload was compressed.</summary>
    public const uint Compressed = 0x1000;

    /// <summary>Flag: the header was authenticated (AH).</summary>
    public const uint HeaderAuthentic = 0x2000;

    private readonly ReadOnlySpan<byte> _bytes;

    private EncHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds a whole header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out EncHeader header)
    {
        header = bytes.Length >= Length ? new EncHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>True when the family and flags of the header starting <paramref name="bytes"/> (at least 4 bytes) are read big-endian.</summary>
    public static bool IsBigEndian(ReadOnlySpan<byte> bytes) => (BinaryPrimitives.ReadUInt32LittleEndian(bytes) & 0xFFFF0000) != 0;

    /// <summary>The address family (BSD numbers, <see cref="Loopback.LoopbackHeader"/>'s), in the byte order the oracles read it.</summary>
    public uint Family => Read(Field.Family);

    /// <summary>The security parameter index.</summary>
    public uint Spi => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.Spi..]);

    /// <summary>The flags, in the byte order of the family.</summary>
    public uint Flags => Read(Field.Flags);

    private uint Read(int offset) => IsBigEndian(_bytes)
        ? BinaryPrimitives.ReadUInt32BigEndian(_bytes[offset..])
        : BinaryPrimitives.ReadUInt32LittleEndian(_bytes[offset..]);
}
