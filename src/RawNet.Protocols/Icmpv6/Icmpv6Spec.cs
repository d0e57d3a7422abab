using RawNet.Protocols.Icmp;

namespace RawNet.Protocols.Icmpv6;

/// <summary>
/// An ICMPv6 message header to build (RFC 4443), the same shape as ICMPv4's (<see cref="IcmpHeader"/>). The checksum
/// covers the IPv6 pseudo-header, so <see cref="Crafting.PacketBuilder"/> computes it when the IPv6 header is prepended.
/// </summary>
public record struct Icmpv6Spec
{
    /// <summary>An echo request with identifier and sequence 0.</summary>
    public Icmpv6Spec()
    {
    }

    public byte Type { get; init; } = (byte)Icmpv6Type.EchoRequest;
    public byte Code { get; init; }

    /// <summary>The checksum; null computes it over the IPv6 pseudo-header and the message.</summary>
    public ushort? Checksum { get; init; }

    /// <summary>Bytes 4–7: identifier and sequence for echo, the MTU for "packet too big", the pointer for "parameter problem", else unused.</summary>
    public uint RestOfHeader { get; init; }

    /// <summary>An echo request or reply.</summary>
    public static Icmpv6Spec Echo(bool request, ushort identifier, ushort sequence) => new()
    {
        Type = (byte)(request ? Icmpv6Type.EchoRequest : Icmpv6Type.EchoReply),
        RestOfHeader = (uint)identifier << 16 | sequence,
    };

    /// <summary>An error message; build the quoted packet inside it. <paramref name="value"/> is the MTU of "packet too big".</summary>
    public static Icmpv6Spec Error(Icmpv6Type type, byte code, uint value = 0) => new() { Type = (byte)type, Code = code, RestOfHeader = value };

    /// <summary>Writes the header into the first <see cref="IcmpHeader.HeaderLength"/> bytes of <paramref name="header"/>, checksum pinned or 0.</summary>
    public readonly void Emit(Span<byte> header) => IcmpSpec.Emit(header, Type, Code, Checksum ?? 0, RestOfHeader);
}
