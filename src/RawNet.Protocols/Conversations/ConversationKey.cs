using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace RawNet.Protocols.Conversations;

/// <summary>
/// The two endpoints of a conversation (address and port each), in a canonical order so that both directions of it
/// give the same key: a fixed-size, hashable value, no strings. IPv4 and IPv6 keys never collide (the family is part of it).
/// </summary>
/// <remarks>
/// Addresses are held as 64-bit halves, not <see cref="UInt128"/>: ReadyToRun does not precompile methods that pass
/// 128-bit integers by value (their ABI is not fixed across runtime versions), so every lookup would wait for the JIT.
/// </remarks>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly struct ConversationKey : IEquatable<ConversationKey>
{
    // The lower endpoint's address (an IPv4 address in the low 32 bits of the low half), then the higher endpoint's.
    private readonly ulong _aHigh, _aLow, _bHigh, _bLow;

    /// <summary>The lower endpoint's port.</summary>
    public readonly ushort PortA;

    /// <summary>The higher endpoint's port.</summary>
    public readonly ushort PortB;

    /// <summary>4 or 6.</summary>
    public readonly byte Family;

    private ConversationKey(ulong aHigh, ulong aLow, ushort portA, ulong bHigh, ulong bLow, ushort portB, byte family)
    {
        _aHigh = aHigh;
        _aLow = aLow;
        _bHigh = bHigh;
        _bLow = bLow;
        PortA = portA;
        PortB = portB;
        Family = family;
    }

    /// <summary>
    /// The key of a packet from <paramref name="source"/>:<paramref name="sourcePort"/> to
    /// <paramref name="destination"/>:<paramref name="destinationPort"/> (addresses of 4 or 16 bytes);
    /// <paramref name="fromA"/> tells whether the source is the key's first endpoint.
    /// </summary>
    public static ConversationKey Of(ReadOnlySpan<byte> source, ushort sourcePort, ReadOnlySpan<byte> destination, ushort destinationPort, out bool fromA)
    {
        ulong sHigh, sLow, dHigh, dLow;
        byte family;
        if (source.Length == 4)
        {
            (sHigh, sLow, dHigh, dLow) = (0, BinaryPrimitives.ReadUInt32BigEndian(source), 0, BinaryPrimitives.ReadUInt32BigEndian(destination));
            family = 4;
        }
        else
        {
            sHigh = BinaryPrimitives.ReadUInt64BigEndian(source);
            sLow = BinaryPrimitives.ReadUInt64BigEndian(source[8..]);
            dHigh = BinaryPrimitives.ReadUInt64BigEndian(destination);
            dLow = BinaryPrimitives.ReadUInt64BigEndian(destination[8..]);
            family = 6;
        }
        fromA = sHigh != dHigh ? sHigh < dHigh : sLow != dLow ? sLow < dLow : sourcePort <= destinationPort;
        return fromA
            ? new ConversationKey(sHigh, sLow, sourcePort, dHigh, dLow, destinationPort, family)
            : new ConversationKey(dHigh, dLow, destinationPort, sHigh, sLow, sourcePort, family);
    }

    // What a ConversationTable stores of a key: IPv4 addresses whole in one word, IPv6 addresses as four.
    internal ulong AddressHighA => _aHigh;
    internal ulong AddressLowA => _aLow;
    internal ulong AddressHighB => _bHigh;
    internal ulong AddressLowB => _bLow;
    internal uint Ports => (uint)PortA << 16 | PortB;

    /// <summary>A key from the parts a table stored (the endpoints already in order).</summary>
    internal static ConversationKey FromParts(byte family, ulong aHigh, ulong aLow, ulong bHigh, ulong bLow, uint ports) =>
        new(aHigh, aLow, (ushort)(ports >> 16), bHigh, bLow, (ushort)ports, family);

    /// <inheritdoc />
    public bool Equals(ConversationKey other) =>
        _aLow == other._aLow && _bLow == other._bLow && _aHigh == other._aHigh && _bHigh == other._bHigh
        && PortA == other.PortA && PortB == other.PortB && Family == other.Family;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ConversationKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // A multiply-xorshift mix of the whole key: cheap, and it spreads consecutive ports and addresses over the table.
        ulong h = _aLow ^ _aHigh * 0x9E3779B97F4A7C15UL;
        h = (h ^ _bLow ^ _bHigh * 0xC2B2AE3D27D4EB4FUL) * 0x9E3779B97F4A7C15UL;
        h ^= ((ulong)PortA << 24 | (ulong)PortB << 8 | Family) * 0x165667B19E3779F9UL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        return (int)h;
    }
}
