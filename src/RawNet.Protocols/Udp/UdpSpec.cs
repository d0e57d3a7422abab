using System.Buffers.Binary;

namespace RawNet.Protocols.Udp;

/// <summary>
/// A UDP header to build (RFC 768); the view is <see cref="UdpHeader"/>. The checksum needs the enclosing IP header's
/// pseudo-header, so <see cref="Crafting.PacketBuilder"/> computes it when that header is prepended.
/// </summary>
public record struct UdpSpec
{
    public ushort SourcePort { get; init; }
    public ushort DestinationPort { get; init; }

    /// <summary>Length of header and data; null fills it.</summary>
    public ushort? Length { get; init; }

    /// <summary>The checksum; null computes it (0 is sent as 0xFFFF). Pin 0 for "no checksum" over IPv4.</summary>
    public ushort? Checksum { get; init; }

    /// <summary>Writes the header into the first <see cref="UdpHeader.HeaderLength"/> bytes of <paramref name="header"/>, checksum pinned or 0.</summary>
    public readonly void Emit(Span<byte> header, ushort length)
    {
        BinaryPrimitives.WriteUInt16BigEndian(header[UdpHeader.Field.SourcePort..], SourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(header[UdpHeader.Field.DestinationPort..], DestinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(header[UdpHeader.Field.Length..], length);
        BinaryPrimitives.WriteUInt16BigEndian(header[UdpHeader.Field.Checksum..], Checksum ?? 0);
    }
}
