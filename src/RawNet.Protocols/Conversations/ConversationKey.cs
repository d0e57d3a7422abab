using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace RawNet.Protocols.Conversations;

/// <summary>
/// The two endpoints of a conversation (address and port each), in a canonical order so that both directions of it
/// give the same key: a fixed-size, hashable value, no strings. IPv4 and IPv6 keys never collide (the family is part of it).
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly struct ConversationKey : IEquatable<ConversationKey>
{
    /// <summary>The lower endpoint's address (an IPv4 address in the low 32 bits).</summary>
    public readonly UInt128 AddressA;
    /// <summary>The higher endpoint's address.</summary>
    public readonly UInt128 AddressB;
    public readonly ushort PortA;
    public readonly ushort PortB;
    /// <summary>4 or 6.</summary>
    public readonly byte Family;

    private ConversationKey(UInt128 addressA, ushort portA, UInt128 addressB, ushort portB, byte family)
    {
        AddressA = addressA;
        AddressB = addressB;
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
        byte family = source.Length == 4 ? (byte)4 : (byte)6;
        UInt128 s = Read(source), d = Read(destination);
        fromA = s < d || (s == d && sourcePort <= destinationPort);
        return fromA
            ? new ConversationKey(s, sourcePort, d, destinationPort, family)
            : new ConversationKey(d, destinationPort, s, sourcePort, family);
    }

    private static UInt128 Read(ReadOnlySpan<byte> address) =>
        address.Length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(address) : BinaryPrimitives.ReadUInt128BigEndian(address);

    /// <inheritdoc />
    public bool Equals(ConversationKey other) =>
        AddressA == other.AddressA && AddressB == other.AddressB && PortA == other.PortA && PortB == other.PortB && Family == other.Family;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ConversationKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // A multiply-xorshift mix of the whole key: cheap, and it spreads consecutive ports and addresses over the table.
        ulong h = (ulong)AddressA ^ (ulong)(AddressA >> 64) * 0x9E3779B97F4A7C15UL;
        h = (h ^ (ulong)AddressB ^ (ulong)(AddressB >> 64) * 0xC2B2AE3D27D4EB4FUL) * 0x9E3779B97F4A7C15UL;
        h ^= ((ulong)PortA << 24 | (ulong)PortB << 8 | Family) * 0x165667B19E3779F9UL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        return (int)h;
    }
}
