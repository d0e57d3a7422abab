using System.Buffers.Binary;

namespace RawNet.Protocols.Icmp;

/// <summary>
/// An ICMPv4 message header to build (RFC 792); the view is <see cref="IcmpHeader"/>. What follows it (echo data, or
/// the quoted IP header and 8 bytes of an error) is whatever was built inside it.
/// </summary>
public record struct IcmpSpec
{
    /// <summary>An echo request with identifier and sequence 0.</summary>
    public IcmpSpec()
    {
    }

    public byte Type { get; init; } = (byte)IcmpType.EchoRequest;
    public byte Code { get; init; }

    /// <summary>The checksum; null computes it over the message.</summary>
    public ushort? Checksum { get; init; }

    /// <summary>Bytes 4–7: identifier and sequence number for echo, next-hop MTU in the low 16 bits for "fragmentation needed", else unused.</summary>
    public uint RestOfHeader { get; init; }

    /// <summary>An echo request or reply.</summary>
    public static IcmpSpec Echo(bool request, ushort identifier, ushort sequence) => new()
    {
        Type = (byte)(request ? IcmpType.EchoRequest : IcmpType.EchoReply),
        RestOfHeader = (uint)identifier << 16 | sequence,
    };

    /// <summary>An error message (destination unreachable, time exceeded, ...); build the quoted packet inside it.</summary>
    public static IcmpSpec Error(IcmpType type, byte code, ushort nextHopMtu = 0) => new() { Type = (byte)type, Code = code, RestOfHeader = nextHopMtu };

    /// <summary>Writes the header into the first <see cref="IcmpHeader.HeaderLength"/> bytes of <paramref name="header"/>, checksum pinned or 0.</summary>
    public readonly void Emit(Span<byte> header) => Emit(header, Type, Code, Checksum ?? 0, RestOfHeader);

    /// <summary>Writes the 8 bytes ICMPv4 and ICMPv6 share.</summary>
    internal static void Emit(Span<byte> header, byte type, byte code, ushort checksum, uint restOfHeader)
    {
        header[IcmpHeader.Field.Type] = type;
        header[IcmpHeader.Field.Code] = code;
        BinaryPrimitives.WriteUInt16BigEndian(header[IcmpHeader.Field.Checksum..], checksum);
        BinaryPrimitives.WriteUInt32BigEndian(header[IcmpHeader.Field.RestOfHeader..], restOfHeader);
    }
}
