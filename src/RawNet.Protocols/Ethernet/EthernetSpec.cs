using System.Buffers.Binary;
using System.Net.NetworkInformation;

namespace RawNet.Protocols.Ethernet;

/// <summary>An Ethernet II header to build (see <see cref="Crafting.PacketBuilder"/>); the view is <see cref="EthernetHeader"/>.</summary>
public record struct EthernetSpec
{
    /// <summary>A header from 00:00:00:00:00:00 to 00:00:00:00:00:00 whose EtherType follows the layer inside it.</summary>
    public EthernetSpec()
    {
    }

    public PhysicalAddress Destination { get; init; } = PhysicalAddress.None;
    public PhysicalAddress Source { get; init; } = PhysicalAddress.None;

    /// <summary>The EtherType; null fills it from the layer inside.</summary>
    public EtherType? EtherType { get; init; }

    /// <summary>Writes the header into the first <see cref="EthernetHeader.Length"/> bytes of <paramref name="header"/>.</summary>
    public readonly void Emit(Span<byte> header, EtherType etherType)
    {
        MacAddressBytes.Write(Destination, header.Slice(EthernetHeader.Field.Destination, 6));
        MacAddressBytes.Write(Source, header.Slice(EthernetHeader.Field.Source, 6));
        BinaryPrimitives.WriteUInt16BigEndian(header[EthernetHeader.Field.EtherType..], (ushort)etherType);
    }
}

/// <summary>Writes a MAC address as its 6 bytes (an empty address is all zeros).</summary>
public static class MacAddressBytes
{
    /// <summary>Writes <paramref name="address"/> into <paramref name="destination"/> (6 bytes).</summary>
    public static void Write(PhysicalAddress address, Span<byte> destination)
    {
        var bytes = address.GetAddressBytes();
        if (bytes.Length is not (0 or 6))
            throw new ArgumentException($"a MAC address has 6 bytes, not {bytes.Length}", nameof(address));
        destination[..6].Clear();
        bytes.CopyTo(destination);
    }
}
