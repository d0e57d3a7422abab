using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace RawNet.Protocols.Conversations;

/// <summary>
/// The two endpoints of a conversation (address and port each), in a canonical order so that both directions of it
/// give the same key: a fixed-size, hashable value, no strings. Keys of different address families never collide (the
/// family is part of it). Used by the conversation tracker, by <c>rawnet stats</c>'s top conversations and by the
/// conversation and endpoint tables (which also key Ethernet addresses with it).
/// </summary>
/// <remarks>
/// Addresses are held as 64-bit halves, not <see cref="UInt128"/>: ReadyToRun does not precompile methods that pass
/// 128-bit integers by value (their ABI is not fixed across runtime versions), so every lookup would wait for the JIT.
/// </remarks>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly struct ConversationKey : IEquatable<ConversationKey>, IComparable<ConversationKey>
{
    /// <summary><see cref="Family"/> of IPv4 addresses (held in the low 32 bits).</summary>
    public const byte Ipv4 = 4;
    /// <summary><see cref="Family"/> of IPv6 addresses.</summary>
    public const byte Ipv6 = 6;
    /// <summary><see cref="Family"/> of Ethernet (MAC) addresses (held in the low 48 bits; ports are 0). Only the statistics tables use it.</summary>
    public const byte Ethernet = 1;
    /// <summary>
    /// <see cref="Family"/> of a Frame Relay circuit (its DLCI in the low 32 bits of the first address; the rest 0): the
    /// key tshark 4.0 gives every UDP datagram after a Frame Relay header (<see cref="OfCircuit"/>). Circuit kinds are
    /// numbered from here up, one family each.
    /// </summary>
    public const byte Dlci = 0x10;

    // The lower endpoint's address (an IPv4 address in the low 32 bits of the low half), then the higher endpoint's.
    private readonly ulong _aHigh, _aLow, _bHigh, _bLow;

    /// <summary>The lower endpoint's port.</summary>
    public readonly ushort PortA;

    /// <summary>The higher endpoint's port.</summary>
    public readonly ushort PortB;

    /// <summary><see cref="Ipv4"/>, <see cref="Ipv6"/> or <see cref="Ethernet"/>.</summary>
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

    /// <summary>
    /// The key of a packet between two addresses of <paramref name="family"/> given as numbers (first byte most
    /// significant); for the statistics tables, which are not precompiled-hot like the tracker's lookup.
    /// </summary>
    public static ConversationKey Of(byte family, UInt128 source, ushort sourcePort, UInt128 destination, ushort destinationPort, out bool fromA)
    {
        fromA = source < destination || (source == destination && sourcePort <= destinationPort);
        var (a, portA, b, portB) = fromA ? (source, sourcePort, destination, destinationPort) : (destination, destinationPort, source, sourcePort);
        return new ConversationKey((ulong)(a >> 64), (ulong)a, portA, (ulong)(b >> 64), (ulong)b, portB, family);
    }

    /// <summary>
    /// The key of a link-layer circuit of <paramref name="kind"/> (<see cref="Dlci"/>) numbered <paramref name="id"/>:
    /// one conversation for whatever crosses it, whichever addresses and ports (Wireshark's
    /// <c>conversation_create_endpoint_by_id</c>).
    /// </summary>
    public static ConversationKey OfCircuit(byte kind, uint id) => new(0, id, 0, 0, 0, 0, kind);

    /// <summary>Whether a key of <paramref name="family"/> fits in one 64-bit word (an IPv4 pair or a circuit's number).</summary>
    internal static bool FitsInWord(byte family) => family == Ipv4 || family >= Dlci;

    /// <summary>The lower endpoint's address as a number.</summary>
    public UInt128 AddressA => new(_aHigh, _aLow);

    /// <summary>The higher endpoint's address as a number.</summary>
    public UInt128 AddressB => new(_bHigh, _bLow);

    /// <summary>An address of 4, 6 or 16 bytes as a number, first byte most significant.</summary>
    public static UInt128 Read(ReadOnlySpan<byte> address) => address.Length switch
    {
        4 => BinaryPrimitives.ReadUInt32BigEndian(address),
        6 => (UInt128)BinaryPrimitives.ReadUInt32BigEndian(address) << 16 | BinaryPrimitives.ReadUInt16BigEndian(address[4..]),
        _ => BinaryPrimitives.ReadUInt128BigEndian(address),
    };

    /// <summary>Bytes of one address of <paramref name="family"/>.</summary>
    public static int AddressLength(byte family) => family switch { Ipv4 => 4, Ethernet => 6, _ => 16 };

    /// <summary>Writes <paramref name="address"/> of <paramref name="family"/> as its bytes into <paramref name="destination"/>; returns them.</summary>
    public static ReadOnlySpan<byte> Write(byte family, UInt128 address, Span<byte> destination)
    {
        Span<byte> all = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(all, address);
        int length = AddressLength(family);
        all[(16 - length)..].CopyTo(destination);
        return destination[..length];
    }

    /// <summary>Orders keys by family, then first endpoint, then second (a stable order for ties in reports).</summary>
    public int CompareTo(ConversationKey other) =>
        (Family, _aHigh, _aLow, PortA, _bHigh, _bLow, PortB).CompareTo((other.Family, other._aHigh, other._aLow, other.PortA, other._bHigh, other._bLow, other.PortB));

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
