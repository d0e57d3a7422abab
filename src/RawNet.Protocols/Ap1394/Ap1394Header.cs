using System.Buffers.Binary;

namespace RawNet.Protocols.Ap1394;

/// <summary>
/// A view over the header Apple's IP-over-IEEE 1394 capture writes before each packet (LINKTYPE_APPLE_IP_OVER_IEEE1394,
/// 138): the destination and source EUI-64s, then an EtherType.
/// <code>
/// +-------------------------------+-------------------------------+---------------+
/// | destination EUI-64 (8)        | source EUI-64 (8)             | EtherType (2) |
/// +-------------------------------+-------------------------------+---------------+
/// </code>
/// </summary>
public readonly ref struct Ap1394Header
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Destination = 0;
        public const int Source = 8;
        public const int EtherType = 16;
    }

    /// <summary>Length of an EUI-64.</summary>
    public const int AddressLength = 8;

    /// <summary>Bytes tshark reads before it adds any field: both addresses (it sets the address columns first).</summary>
    public const int AddressesLength = 16;

    /// <summary>Length of the whole header.</summary>
    public const int Length = 18;

    /// <summary>The EtherType of Reverse ARP, which tshark reads with ARP's dissector.</summary>
    public const ushort ReverseArp = 0x8035;

    private readonly ReadOnlySpan<byte> _bytes;

    private Ap1394Header(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds a whole header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out Ap1394Header header)
    {
        header = bytes.Length >= Length ? new Ap1394Header(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>The destination EUI-64.</summary>
    public ReadOnlySpan<byte> Destination => _bytes.Slice(Field.Destination, AddressLength);

    /// <summary>The source EUI-64.</summary>
    public ReadOnlySpan<byte> Source => _bytes.Slice(Field.Source, AddressLength);

    /// <summary>The EtherType of what follows.</summary>
    public ushort EtherType => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.EtherType..]);
}
