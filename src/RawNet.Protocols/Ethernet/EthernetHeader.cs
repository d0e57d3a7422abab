using System.Buffers.Binary;

namespace RawNet.Protocols.Ethernet;

/// <summary>
/// A view over an Ethernet II header.
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                  Destination MAC (6 bytes)                    |
/// +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                               |                               |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+       Source MAC (6 bytes)    +
/// |                                                               |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |   EtherType / length (2)      |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// </summary>
public readonly ref struct EthernetHeader
{
    /// <summary>Byte offsets of the header's fields.</summary>
    public static class Field
    {
        public const int Destination = 0;
        public const int Source = 6;
        public const int EtherType = 12;
    }

    /// <summary>Length of the header.</summary>
    public const int Length = 14;

    /// <summary>Length of the frame check sequence, when a frame keeps it (a bridged frame of RFC 2684's PID 0x0001).</summary>
    public const int FcsLength = 4;

    /// <summary>EtherType values below this are 802.3 length fields.</summary>
    public const ushort MinEtherType = 0x0600;

    /// <summary>The largest 802.3 length: a type field up to this value counts the bytes that follow (LLC and its payload).</summary>
    public const ushort MaxLength = 1500;

    /// <summary>
    /// True when a type field is an 802.3 length, as tshark reads it: 1 to 1500 (0 it takes for an unknown EtherType;
    /// 1501 to 1535 are neither).
    /// </summary>
    public static bool IsLength(ushort typeOrLength) => typeOrLength is > 0 and <= MaxLength;

    /// <summary>The first two bytes of a Novell "raw" 802.3 frame, which carries IPX with no LLC header.</summary>
    public const ushort NovellRaw = 0xFFFF;

    private readonly ReadOnlySpan<byte> _bytes;

    private EthernetHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds a whole header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out EthernetHeader header)
    {
        header = bytes.Length >= Length ? new EthernetHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>Destination MAC address bytes.</summary>
    public ReadOnlySpan<byte> Destination => _bytes.Slice(Field.Destination, 6);

    /// <summary>Source MAC address bytes.</summary>
    public ReadOnlySpan<byte> Source => _bytes.Slice(Field.Source, 6);

    /// <summary>The EtherType (or 802.3 length when below 0x0600).</summary>
    public EtherType EtherType => (EtherType)BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.EtherType..]);
}
