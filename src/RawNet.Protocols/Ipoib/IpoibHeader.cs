using System.Buffers.Binary;

namespace RawNet.Protocols.Ipoib;

/// <summary>
/// A view over the header Linux writes before an IP-over-InfiniBand packet (LINKTYPE_IPOIB; RFC 4391 6): a 40-byte
/// pseudo-header with the InfiniBand global route header, then IPoIB's own 4 bytes, an EtherType and a reserved word.
/// When the pseudo-header's first two bytes are zero there was no global route header (a unicast packet): only the
/// destination address, in its last 20 bytes, is filled in.
/// <code>
///  0      4 bits  12 bits        20 bits
/// +------+-------+--------------------+  global route header (first two bytes not zero)
/// | ver  | class |  flow label        |
/// +------+-------+--------------------+
/// | byte | source QPN (3)             |
/// +------+----------------------------+
/// | source GID (16), destination GID (16)
/// +-----------------------------------+
///
/// +-----------------------------------+  no global route header (first two bytes zero)
/// | zero (20)                         |
/// | byte | destination QPN (3)        |
/// | destination GID (16)              |
/// +-----------------------------------+
///
/// +-----------------+-----------------+  IPoIB (RFC 4391 6)
/// | type (2)        | reserved (2)    |
/// +-----------------+-----------------+
/// </code>
/// </summary>
public readonly ref struct IpoibHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int VersionClassFlow = 0;
        public const int SourceQpn = 5;
        public const int SourceGid = 8;
        public const int DestinationAddress = 20;
        public const int DestinationQpn = 21;
        public const int DestinationGid = 24;
        public const int Type = 40;
        public const int Reserved = 42;
    }

    /// <summary>Masks of the fields that share bytes.</summary>
    public static class Mask
    {
        public const ulong Version = 0xF0;
        public const ulong TrafficClass = 0x0FF0;
        public const ulong FlowLabel = 0x000F_FFFF;
    }

    /// <summary>Length of the pseudo-header before IPoIB's own words.</summary>
    public const int PseudoHeaderLength = 40;

    /// <summary>Length of the whole header.</summary>
    public const int Length = 44;

    /// <summary>Bytes read to tell a global route header from a destination address alone.</summary>
    public const int KindLength = 2;

    /// <summary>The EtherType of Reverse ARP, which tshark reads with ARP's dissector.</summary>
    public const ushort ReverseArp = 0x8035;

    private readonly ReadOnlySpan<byte> _bytes;

    private IpoibHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds a whole header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out IpoibHeader header)
    {
        header = bytes.Length >= Length ? new IpoibHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>
    /// True when <paramref name="bytes"/> starts with a global route header; false for a destination address alone, or
    /// when fewer than <see cref="KindLength"/> bytes are there to tell.
    /// </summary>
    public static bool HasGlobalRoute(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= KindLength && BinaryPrimitives.ReadUInt16BigEndian(bytes) != 0;

    /// <summary>True when <paramref name="bytes"/> starts with a destination address alone (its first two bytes zero).</summary>
    public static bool HasDestinationOnly(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= KindLength && BinaryPrimitives.ReadUInt16BigEndian(bytes) == 0;

    /// <summary>True for a global route header, false for a destination address alone.</summary>
    public bool GlobalRoute => HasGlobalRoute(_bytes);

    /// <summary>The EtherType of what follows.</summary>
    public ushort Type => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Type..]);

    /// <summary>The reserved word.</summary>
    public ushort Reserved => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Reserved..]);

    /// <summary>The destination GID, in both forms.</summary>
    public ReadOnlySpan<byte> DestinationGid => _bytes.Slice(Field.DestinationGid, 16);
}
