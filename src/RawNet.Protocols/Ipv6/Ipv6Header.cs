using System.Buffers.Binary;

namespace RawNet.Protocols.Ipv6;

/// <summary>
/// A view over the fixed IPv6 header (RFC 8200).
/// <code>
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |Version| Traffic Class |           Flow Label                  |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |         Payload Length        |  Next Header  |   Hop Limit   |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                     Source Address (16)                       |
/// |                  Destination Address (16)                     |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// </summary>
public readonly ref struct Ipv6Header
{
    /// <summary>Byte offsets of the header's fields.</summary>
    public static class Field
    {
        public const int VersionClassFlow = 0;
        public const int PayloadLength = 4;
        public const int NextHeader = 6;
        public const int HopLimit = 7;
        public const int Source = 8;
        public const int Destination = 24;
    }

    /// <summary>Length of the fixed header.</summary>
    public const int Length = 40;

    private readonly ReadOnlySpan<byte> _bytes;

    private Ipv6Header(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> (the header on) if it holds the whole fixed header, <see cref="Length"/> bytes.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out Ipv6Header header)
    {
        bool whole = bytes.Length >= Length;
        header = whole ? new Ipv6Header(bytes) : default;
        return whole;
    }

    private uint First => BinaryPrimitives.ReadUInt32BigEndian(_bytes);

    public int Version => (int)(First >> 28);
    public byte TrafficClass => (byte)(First >> 20);
    public int FlowLabel => (int)(First & 0xFFFFF);
    public ushort PayloadLength => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.PayloadLength..]);
    public IpProtocol NextHeader => (IpProtocol)_bytes[Field.NextHeader];
    public byte HopLimit => _bytes[Field.HopLimit];
    public ReadOnlySpan<byte> Source => _bytes.Slice(Field.Source, 16);
    public ReadOnlySpan<byte> Destination => _bytes.Slice(Field.Destination, 16);

    /// <summary>The Jumbo Payload option's type (RFC 2675).</summary>
    public const byte JumboPayloadOption = 0xC2;

    /// <summary>
    /// The jumbogram's payload length (RFC 2675) when the header this view wraps, with a payload length of 0, is followed
    /// by a Hop-by-Hop header (<paramref name="hopByHop"/>, the bytes after the fixed header) whose options hold a Jumbo
    /// Payload option of length 4 above 65,535, as tshark 4.0 looks for it: the options in turn, Pad1 skipped, while six
    /// bytes from an option's type are captured; the first Jumbo option of length 4 decides. Null otherwise (tshark then
    /// takes the payload as empty: "Jumbo Payload option missing").
    /// </summary>
    public uint? JumboPayloadLength(ReadOnlySpan<byte> hopByHop)
    {
        if (PayloadLength != 0 || NextHeader != IpProtocol.Ipv6HopByHop || hopByHop.Length < 2)
            return null;
        int end = (hopByHop[Ipv6ExtensionHeader.Field.Length] + 1) * 8;
        for (int at = 2; at < end && at + 6 <= hopByHop.Length;)
        {
            byte type = hopByHop[at++];
            if (type == 0)
                continue;
            byte length = hopByHop[at++];
            if (type == JumboPayloadOption && length == 4)
            {
                uint jumbo = BinaryPrimitives.ReadUInt32BigEndian(hopByHop[at..]);
                return jumbo > ushort.MaxValue ? jumbo : null;
            }
            at += length;
        }
        return null;
    }
}

/// <summary>
/// The generic shape of IPv6 extension headers: next header, then a length. The one place that knows how each kind
/// counts its length.
/// </summary>
public static class Ipv6ExtensionHeader
{
    /// <summary>Byte offsets common to extension headers.</summary>
    public static class Field
    {
        public const int NextHeader = 0;
        public const int Length = 1;
        /// <summary>Fragment header: offset (13 bits), reserved, M flag.</summary>
        public const int FragmentOffsetAndFlags = 2;
        /// <summary>Fragment header: identification.</summary>
        public const int FragmentIdentification = 4;
        /// <summary>Routing header: routing type.</summary>
        public const int RoutingType = 2;
        /// <summary>Routing header: segments left.</summary>
        public const int SegmentsLeft = 3;
    }

    /// <summary>Length of a fragment header.</summary>
    public const int FragmentHeaderLength = 8;

    /// <summary>
    /// Where a routing header names the packet's final destination, relative to the header, when segments are left
    /// (type 0 and 2: the last address; segment routing, type 4: segment list[0]); -1 when the destination field already
    /// holds it or the header is too short.
    /// </summary>
    public static int FinalDestinationOffset(ReadOnlySpan<byte> routingHeader)
    {
        const int addresses = 8;
        if (routingHeader.Length < addresses + 16 || routingHeader[Field.SegmentsLeft] == 0)
            return -1;
        return routingHeader[Field.RoutingType] switch
        {
            0 => addresses + ((routingHeader.Length - addresses) / 16 - 1) * 16,
            2 or 4 => addresses,
            _ => -1,
        };
    }

    /// <summary>True for the next-header values RawNet walks as IPv6 extension headers.</summary>
    public static bool IsExtension(IpProtocol protocol) => protocol is IpProtocol.Ipv6HopByHop or IpProtocol.Ipv6Routing
        or IpProtocol.Ipv6Fragment or IpProtocol.Ipv6DestinationOptions or IpProtocol.AuthenticationHeader;

    /// <summary>The byte length of the extension header of kind <paramref name="protocol"/> whose first two bytes are given.</summary>
    public static int LengthOf(IpProtocol protocol, ReadOnlySpan<byte> firstTwoBytes) => protocol switch
    {
        IpProtocol.Ipv6Fragment => FragmentHeaderLength,
        // AH counts 4-byte words minus 2 (RFC 4302); the others count 8-byte units beyond the first (RFC 8200).
        IpProtocol.AuthenticationHeader => (firstTwoBytes[1] + 2) * 4,
        _ => (firstTwoBytes[1] + 1) * 8,
    };
}
