using System.Buffers.Binary;
using System.Net;
using RawNet.Protocols.Ipv4;

namespace RawNet.Protocols.Ipv6;

/// <summary>
/// A fixed IPv6 header to build (RFC 8200); the view is <see cref="Ipv6Header"/>. Extension headers are prepended as
/// their own layers (<see cref="Ipv6HopByHopSpec"/>, <see cref="Ipv6RoutingSpec"/>, ...).
/// </summary>
public record struct Ipv6Spec
{
    /// <summary>A header from :: to :: with hop limit 64.</summary>
    public Ipv6Spec()
    {
    }

    public byte TrafficClass { get; init; }

    /// <summary>Flow label (20 bits).</summary>
    public int FlowLabel { get; init; }

    /// <summary>Length of everything after the fixed header; null fills it.</summary>
    public ushort? PayloadLength { get; init; }

    /// <summary>The next header; null fills it from the layer inside (59, no next header, over raw data).</summary>
    public IpProtocol? NextHeader { get; init; }

    public byte HopLimit { get; init; } = 64;
    public IPAddress Source { get; init; } = IPAddress.IPv6Any;
    public IPAddress Destination { get; init; } = IPAddress.IPv6Any;

    /// <summary>Writes the header into the first <see cref="Ipv6Header.Length"/> bytes of <paramref name="header"/>.</summary>
    public readonly void Emit(Span<byte> header, ushort payloadLength, IpProtocol nextHeader)
    {
        if ((uint)FlowLabel > 0xFFFFF)
            throw new ArgumentOutOfRangeException(nameof(header), "the IPv6 flow label is 20 bits");
        BinaryPrimitives.WriteUInt32BigEndian(header, 6u << 28 | (uint)TrafficClass << 20 | (uint)FlowLabel);
        BinaryPrimitives.WriteUInt16BigEndian(header[Ipv6Header.Field.PayloadLength..], payloadLength);
        header[Ipv6Header.Field.NextHeader] = (byte)nextHeader;
        header[Ipv6Header.Field.HopLimit] = HopLimit;
        IpAddressBytes.Write(Source, header.Slice(Ipv6Header.Field.Source, 16));
        IpAddressBytes.Write(Destination, header.Slice(Ipv6Header.Field.Destination, 16));
    }
}

/// <summary>The hop-by-hop options header to build (RFC 8200 section 4.3).</summary>
public record struct Ipv6HopByHopSpec
{
    /// <summary>The next header; null fills it from the layer inside.</summary>
    public IpProtocol? NextHeader { get; init; }

    /// <summary>Option TLVs as they go on the wire; padded with Pad1/PadN to a multiple of 8 bytes with the first two.</summary>
    public ReadOnlyMemory<byte> Options { get; init; }

    /// <summary>The bytes the header occupies.</summary>
    public readonly int HeaderLength => Ipv6OptionsHeader.LengthFor(Options.Length);

    /// <summary>Writes the header into the first <see cref="HeaderLength"/> bytes of <paramref name="header"/>.</summary>
    public readonly void Emit(Span<byte> header, IpProtocol nextHeader) => Ipv6OptionsHeader.Emit(header, nextHeader, Options.Span);
}

/// <summary>The destination options header to build (RFC 8200 section 4.6).</summary>
public record struct Ipv6DestinationOptionsSpec
{
    /// <summary>The next header; null fills it from the layer inside.</summary>
    public IpProtocol? NextHeader { get; init; }

    /// <summary>Option TLVs as they go on the wire; padded with Pad1/PadN to a multiple of 8 bytes with the first two.</summary>
    public ReadOnlyMemory<byte> Options { get; init; }

    /// <summary>The bytes the header occupies.</summary>
    public readonly int HeaderLength => Ipv6OptionsHeader.LengthFor(Options.Length);

    /// <summary>Writes the header into the first <see cref="HeaderLength"/> bytes of <paramref name="header"/>.</summary>
    public readonly void Emit(Span<byte> header, IpProtocol nextHeader) => Ipv6OptionsHeader.Emit(header, nextHeader, Options.Span);
}

/// <summary>A routing header to build (RFC 8200 section 4.4): type, segments left, 4 reserved bytes, then addresses (type 0's layout).</summary>
public record struct Ipv6RoutingSpec
{
    /// <summary>An empty type 0 routing header.</summary>
    public Ipv6RoutingSpec()
    {
    }

    /// <summary>The next header; null fills it from the layer inside.</summary>
    public IpProtocol? NextHeader { get; init; }

    public byte RoutingType { get; init; }

    /// <summary>Segments left; null fills it with the number of addresses.</summary>
    public byte? SegmentsLeft { get; init; }

    /// <summary>The addresses to visit; the last one is the final destination the transport pseudo-header uses.</summary>
    public IReadOnlyList<IPAddress> Addresses { get; init; } = [];

    /// <summary>The bytes the header occupies.</summary>
    public readonly int HeaderLength => 8 + 16 * Addresses.Count;

    /// <summary>Writes the header into the first <see cref="HeaderLength"/> bytes of <paramref name="header"/>.</summary>
    public readonly void Emit(Span<byte> header, IpProtocol nextHeader)
    {
        if (Addresses.Count > 127)
            throw new ArgumentOutOfRangeException(nameof(header), "a routing header holds at most 127 addresses");
        header[Ipv6ExtensionHeader.Field.NextHeader] = (byte)nextHeader;
        header[Ipv6ExtensionHeader.Field.Length] = (byte)(2 * Addresses.Count);
        header[Ipv6ExtensionHeader.Field.RoutingType] = RoutingType;
        header[Ipv6ExtensionHeader.Field.SegmentsLeft] = SegmentsLeft ?? (byte)Addresses.Count;
        header.Slice(4, 4).Clear();
        for (int i = 0; i < Addresses.Count; i++)
            IpAddressBytes.Write(Addresses[i], header.Slice(8 + 16 * i, 16));
    }
}

/// <summary>A fragment header to build (RFC 8200 section 4.5).</summary>
public record struct Ipv6FragmentSpec
{
    /// <summary>The next header; null fills it from the layer inside.</summary>
    public IpProtocol? NextHeader { get; init; }

    /// <summary>Fragment offset in 8-byte units (13 bits).</summary>
    public ushort FragmentOffset { get; init; }

    /// <summary>The M flag: more fragments follow.</summary>
    public bool MoreFragments { get; init; }

    public uint Identification { get; init; }

    /// <summary>Writes the header into the first <see cref="Ipv6ExtensionHeader.FragmentHeaderLength"/> bytes of <paramref name="header"/>.</summary>
    public readonly void Emit(Span<byte> header, IpProtocol nextHeader)
    {
        if (FragmentOffset > 0x1FFF)
            throw new ArgumentOutOfRangeException(nameof(header), "the fragment offset is 13 bits");
        header[Ipv6ExtensionHeader.Field.NextHeader] = (byte)nextHeader;
        header[Ipv6ExtensionHeader.Field.Length] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(header[Ipv6ExtensionHeader.Field.FragmentOffsetAndFlags..],
            (ushort)(FragmentOffset << 3 | (MoreFragments ? 1 : 0)));
        BinaryPrimitives.WriteUInt32BigEndian(header[Ipv6ExtensionHeader.Field.FragmentIdentification..], Identification);
    }
}

/// <summary>The layout shared by the hop-by-hop and destination options headers.</summary>
internal static class Ipv6OptionsHeader
{
    public static int LengthFor(int optionsLength) => (2 + optionsLength + 7) / 8 * 8;

    public static void Emit(Span<byte> header, IpProtocol nextHeader, ReadOnlySpan<byte> options)
    {
        int length = LengthFor(options.Length);
        if (length > 2048)
            throw new ArgumentOutOfRangeException(nameof(options), "an options header is at most 2048 bytes");
        header[Ipv6ExtensionHeader.Field.NextHeader] = (byte)nextHeader;
        header[Ipv6ExtensionHeader.Field.Length] = (byte)(length / 8 - 1);
        options.CopyTo(header[2..]);
        // Pad1 for one byte, PadN otherwise (RFC 8200 section 4.2), as scapy and the kernel do.
        var pad = header[(2 + options.Length)..length];
        if (pad.Length == 1)
            pad[0] = 0;
        else if (pad.Length > 1)
        {
            pad[0] = 1;
            pad[1] = (byte)(pad.Length - 2);
            pad[2..].Clear();
        }
    }
}
