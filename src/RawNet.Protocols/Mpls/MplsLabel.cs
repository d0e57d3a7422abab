using System.Buffers.Binary;

namespace RawNet.Protocols.Mpls;

/// <summary>What follows the bottom of an MPLS label stack, as tshark 4.0 guesses it by default.</summary>
public enum MplsPayload : byte
{
    /// <summary>Nothing RawNet decodes (tshark tries pseudowires for a first nibble of 0 or 1, and shows data otherwise).</summary>
    Unknown,
    Ipv4,
    Ipv6,
}

/// <summary>
/// A view over one MPLS label stack entry (RFC 3032 2.1; the traffic class of RFC 5462, which tshark 4.0 still names
/// "exp").
/// <code>
/// +-------------------------------------------+-----+-+---------------+
/// |                Label (20)                 | TC  |S|    TTL (8)    |
/// +-------------------------------------------+-----+-+---------------+
/// </code>
/// </summary>
public readonly ref struct MplsLabel
{
    /// <summary>Length of one stack entry.</summary>
    public const int Length = 4;

    /// <summary>The reserved OAM alert label (RFC 3429): what follows the bottom of a stack that ends in it is Y.1711 OAM, not a guessed payload.</summary>
    public const uint OamAlert = 14;

    /// <summary>Masks of the fields in the entry read as a big-endian 32-bit word.</summary>
    public static class Mask
    {
        public const uint Label = 0xFFFFF000;
        public const uint TrafficClass = 0x00000E00;
        public const uint BottomOfStack = 0x00000100;
        public const uint Ttl = 0x000000FF;
    }

    private readonly uint _entry;

    private MplsLabel(uint entry) => _entry = entry;

    /// <summary>Reads the entry at the start of <paramref name="bytes"/> if all four bytes are there.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out MplsLabel label)
    {
        label = bytes.Length >= Length ? new MplsLabel(BinaryPrimitives.ReadUInt32BigEndian(bytes)) : default;
        return bytes.Length >= Length;
    }

    /// <summary>The label value (20 bits).</summary>
    public uint Label => (_entry & Mask.Label) >> 12;

    /// <summary>The traffic class (3 bits; "exp" before RFC 5462).</summary>
    public int TrafficClass => (int)((_entry & Mask.TrafficClass) >> 9);

    /// <summary>True on the last entry of the stack.</summary>
    public bool BottomOfStack => (_entry & Mask.BottomOfStack) != 0;

    /// <summary>Time to live.</summary>
    public int Ttl => (int)(_entry & Mask.Ttl);

    /// <summary>
    /// tshark 4.0's default guess at what follows the bottom of the stack, from the first nibble of
    /// <paramref name="firstByte"/> whatever the label (it has no signalling to go by): 4 is IPv4, 6 is IPv6.
    /// </summary>
    public static MplsPayload GuessPayload(byte firstByte) => (firstByte >> 4) switch
    {
        4 => MplsPayload.Ipv4,
        6 => MplsPayload.Ipv6,
        _ => MplsPayload.Unknown,
    };
}
