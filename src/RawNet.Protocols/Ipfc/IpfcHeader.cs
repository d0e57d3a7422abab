namespace RawNet.Protocols.Ipfc;

/// <summary>
/// A view over RFC 2625's Network_Header, which LINKTYPE_IP_OVER_FC (122) frames start with: the destination and source
/// 64-bit network addresses (Fibre Channel world wide names), then LLC/SNAP. RFC 2625 3.3 puts an IEEE 48-bit MAC
/// address in each address's low 48 bits, under a 4-bit NAA of 0001 and 12 zero bits; tcpdump prints those MACs.
/// <code>
/// +-----------------------------------+-----------------------------------+
/// | destination address (8)          | source address (8)                |
/// | NAA(4) zero(12) MAC (48)          | NAA(4) zero(12) MAC (48)          |
/// +-----------------------------------+-----------------------------------+
/// </code>
/// </summary>
public readonly ref struct IpfcHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Destination = 0;
        public const int Source = 8;
    }

    /// <summary>Length of a network address.</summary>
    public const int AddressLength = 8;

    /// <summary>Where the MAC address starts within a network address.</summary>
    public const int MacOffset = 2;

    /// <summary>Length of the whole header.</summary>
    public const int Length = 16;

    private readonly ReadOnlySpan<byte> _bytes;

    private IpfcHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds a whole header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out IpfcHeader header)
    {
        header = bytes.Length >= Length ? new IpfcHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>The destination network address.</summary>
    public ReadOnlySpan<byte> Destination => _bytes.Slice(Field.Destination, AddressLength);

    /// <summary>The source network address.</summary>
    public ReadOnlySpan<byte> Source => _bytes.Slice(Field.Source, AddressLength);

    /// <summary>The MAC address in the destination's low 48 bits.</summary>
    public ReadOnlySpan<byte> DestinationMac => _bytes.Slice(Field.Destination + MacOffset, 6);

    /// <summary>The MAC address in the source's low 48 bits.</summary>
    public ReadOnlySpan<byte> SourceMac => _bytes.Slice(Field.Source + MacOffset, 6);
}
