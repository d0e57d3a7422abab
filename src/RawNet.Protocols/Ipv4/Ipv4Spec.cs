using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using RawNet.Protocols.Checksums;

namespace RawNet.Protocols.Ipv4;

/// <summary>
/// An IPv4 header to build (RFC 791); the view is <see cref="Ipv4Header"/>. The nullable fields are filled by
/// <see cref="Crafting.PacketBuilder"/> unless pinned: a pinned wrong value is kept on purpose.
/// </summary>
public record struct Ipv4Spec
{
    /// <summary>A header from 0.0.0.0 to 0.0.0.0 with TTL 64 and everything else zero or filled.</summary>
    public Ipv4Spec()
    {
    }

    /// <summary>The version nibble; anything but 4 makes a malformed header on purpose.</summary>
    public byte Version { get; init; } = 4;

    /// <summary>Header length in 32-bit words (IHL); null fills it from the options.</summary>
    public byte? HeaderLengthWords { get; init; }

    /// <summary>The DSCP/ECN byte ("type of service").</summary>
    public byte DifferentiatedServices { get; init; }

    /// <summary>Total length of header and payload; null fills it.</summary>
    public ushort? TotalLength { get; init; }

    public ushort Identification { get; init; }

    /// <summary>The flag bits as they sit in the flags/fragment word: <see cref="Ipv4Header.DontFragment"/>, <see cref="Ipv4Header.MoreFragments"/>, <see cref="Ipv4Header.ReservedFlag"/>.</summary>
    public ushort Flags { get; init; }

    /// <summary>Fragment offset in 8-byte units (13 bits).</summary>
    public ushort FragmentOffset { get; init; }

    public byte TimeToLive { get; init; } = 64;

    /// <summary>The protocol number; null fills it from the layer inside (0 over raw data, as scapy does).</summary>
    public IpProtocol? Protocol { get; init; }

    /// <summary>The header checksum; null computes it.</summary>
    public ushort? Checksum { get; init; }

    public IPAddress Source { get; init; } = IPAddress.Any;
    public IPAddress Destination { get; init; } = IPAddress.Any;

    /// <summary>Option bytes as they go on the wire; padded with zeros (end of options) to a multiple of 4.</summary>
    public ReadOnlyMemory<byte> Options { get; init; }

    /// <summary>The bytes the header occupies: 20 plus the padded options.</summary>
    public readonly int HeaderLength => Ipv4Header.MinLength + (Options.Length + 3) / 4 * 4;

    /// <summary>Writes the header into the first <see cref="HeaderLength"/> bytes of <paramref name="header"/>, its checksum included.</summary>
    public readonly void Emit(Span<byte> header, ushort totalLength, IpProtocol protocol)
    {
        if (FragmentOffset > 0x1FFF || (Flags & 0x1FFF) != 0 || Options.Length > 40)
            throw new ArgumentOutOfRangeException(nameof(header), "IPv4 fragment offset is 13 bits, flags the top 3 and options at most 40 bytes");
        int length = HeaderLength;
        header[0] = (byte)(Version << 4 | (HeaderLengthWords ?? length / 4) & 0x0F);
        header[Ipv4Header.Field.DifferentiatedServices] = DifferentiatedServices;
        BinaryPrimitives.WriteUInt16BigEndian(header[Ipv4Header.Field.TotalLength..], totalLength);
        BinaryPrimitives.WriteUInt16BigEndian(header[Ipv4Header.Field.Identification..], Identification);
        BinaryPrimitives.WriteUInt16BigEndian(header[Ipv4Header.Field.FlagsAndFragmentOffset..], (ushort)(Flags | FragmentOffset));
        header[Ipv4Header.Field.TimeToLive] = TimeToLive;
        header[Ipv4Header.Field.Protocol] = (byte)protocol;
        BinaryPrimitives.WriteUInt16BigEndian(header[Ipv4Header.Field.Checksum..], 0);
        IpAddressBytes.Write(Source, header.Slice(Ipv4Header.Field.Source, 4));
        IpAddressBytes.Write(Destination, header.Slice(Ipv4Header.Field.Destination, 4));
        var options = header[Ipv4Header.Field.Options..length];
        options.Clear();
        Options.Span.CopyTo(options);
        ushort checksum = Checksum ?? InternetChecksum.Compute(header[..length]);
        BinaryPrimitives.WriteUInt16BigEndian(header[Ipv4Header.Field.Checksum..], checksum);
    }
}

/// <summary>Writes IP addresses as their network-order bytes.</summary>
public static class IpAddressBytes
{
    /// <summary>Writes <paramref name="address"/> into <paramref name="destination"/>: 4 bytes for IPv4, 16 for IPv6.</summary>
    public static void Write(IPAddress address, Span<byte> destination)
    {
        int expected = destination.Length;
        var family = expected == 4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
        if (address.AddressFamily != family || !address.TryWriteBytes(destination, out int written) || written != expected)
            throw new ArgumentException($"{address} is not an {(expected == 4 ? "IPv4" : "IPv6")} address", nameof(address));
    }
}
