using System.Buffers.Binary;

namespace RawNet.Protocols.Ipv4;

/// <summary>
/// A view over an IPv4 header (RFC 791).
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |Version|  IHL  |Type of Service|          Total Length         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |         Identification        |Flags|      Fragment Offset    |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |  Time to Live |    Protocol   |         Header Checksum       |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                       Source Address                          |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                    Destination Address                        |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                    Options                    |    Padding    |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// </summary>
public readonly ref struct Ipv4Header
{
    /// <summary>Byte offsets of the header's fields.</summary>
    public static class Field
    {
        public const int VersionAndHeaderLength = 0;
        public const int DifferentiatedServices = 1;
        public const int TotalLength = 2;
        public const int Identification = 4;
        public const int FlagsAndFragmentOffset = 6;
        public const int TimeToLive = 8;
        public const int Protocol = 9;
        public const int Checksum = 10;
        public const int Source = 12;
        public const int Destination = 16;
        public const int Options = 20;
    }

    /// <summary>Length of a header without options.</summary>
    public const int MinLength = 20;

    /// <summary>The "don't fragment" flag in the flags/fragment-offset word.</summary>
    public const ushort DontFragment = 0x4000;

    /// <summary>The "more fragments" flag in the flags/fragment-offset word.</summary>
    public const ushort MoreFragments = 0x2000;

    /// <summary>The reserved ("evil") bit in the flags/fragment-offset word.</summary>
    public const ushort ReservedFlag = 0x8000;

    private readonly ReadOnlySpan<byte> _bytes;

    private Ipv4Header(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>
    /// Wraps <paramref name="bytes"/> (the header on, options and more may follow) if it holds the <see cref="MinLength"/>
    /// bytes every property reads; the header length it declares is the caller's to check against what follows.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out Ipv4Header header)
    {
        bool whole = bytes.Length >= MinLength;
        header = whole ? new Ipv4Header(bytes) : default;
        return whole;
    }

    /// <summary>The version nibble (4 for a well-formed header).</summary>
    public int Version => _bytes[0] >> 4;

    /// <summary>Header length in bytes (IHL × 4).</summary>
    public int HeaderLength => (_bytes[0] & 0x0F) * 4;

    /// <summary>The differentiated services byte (DSCP and ECN).</summary>
    public byte DifferentiatedServices => _bytes[Field.DifferentiatedServices];

    /// <summary>Total length of the datagram (header and payload) as the header declares it.</summary>
    public ushort TotalLength => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.TotalLength..]);

    public ushort Identification => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Identification..]);

    /// <summary>Flags (top 3 bits) and fragment offset (13 bits, in 8-byte units).</summary>
    public ushort FlagsAndFragmentOffset => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.FlagsAndFragmentOffset..]);

    /// <summary>The fragment offset in bytes.</summary>
    public int FragmentOffsetBytes => (FlagsAndFragmentOffset & 0x1FFF) * 8;

    public bool HasMoreFragments => (FlagsAndFragmentOffset & MoreFragments) != 0;

    /// <summary>True for any fragment of a fragmented datagram (the first one included).</summary>
    public bool IsFragment => (FlagsAndFragmentOffset & (MoreFragments | 0x1FFF)) != 0;

    public byte TimeToLive => _bytes[Field.TimeToLive];
    public IpProtocol Protocol => (IpProtocol)_bytes[Field.Protocol];
    public ushort Checksum => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Checksum..]);
    public ReadOnlySpan<byte> Source => _bytes.Slice(Field.Source, 4);
    public ReadOnlySpan<byte> Destination => _bytes.Slice(Field.Destination, 4);

    /// <summary>No final destination: finding it would read past the bytes captured.</summary>
    public const int NoRouteFound = -1;

    /// <summary>
    /// Where the address the datagram is bound for lies in <paramref name="header"/>, as tshark's get_dst_offset (and
    /// tcpdump's ip_finddst) find it: the last slot of the first loose or strict source route option whose pointer is
    /// a multiple of 4 from 4 up to the option's length (a route not yet exhausted), else the header's destination
    /// field. The walk stops at EOL, at a length below 2 or past the options; <see cref="NoRouteFound"/> when it would
    /// read past the bytes captured (tshark throws there, before it adds the destination).
    /// </summary>
    public static int FinalDestinationOffset(ReadOnlySpan<byte> header)
    {
        if (header.Length < 1)
            return NoRouteFound;
        int end = (header[0] & 0x0F) * 4;
        for (int at = MinLength; at < end;)
        {
            if (at >= header.Length)
                return NoRouteFound;
            byte type = header[at];
            if (type is OptionEndOfList or OptionNoOperation)
            {
                if (type == OptionEndOfList)
                    break;
                at++;
                continue;
            }
            if (at + 1 >= end)
                break;
            if (at + 1 >= header.Length)
                return NoRouteFound;
            int length = header[at + 1];
            if (length < 2 || length > end - at)
                break;
            if (type is OptionLooseSourceRoute or OptionStrictSourceRoute)
            {
                if (at + 2 >= header.Length)
                    return NoRouteFound;
                int pointer = header[at + 2];
                if (pointer < 4 || (pointer & 3) != 0 || pointer > length)
                    break;
                return at + length - 4 + 4 <= header.Length ? at + length - 4 : NoRouteFound;
            }
            at += length;
        }
        return Field.Destination;
    }

    /// <summary>
    /// The address <see cref="FinalDestinationOffset"/> finds (the destination field where finding it ran past the
    /// capture): what tshark keys conversations and its Destination column by. <paramref name="header"/> holds the
    /// destination field.
    /// </summary>
    public static ReadOnlySpan<byte> FinalDestination(ReadOnlySpan<byte> header)
    {
        int at = FinalDestinationOffset(header);
        return header.Slice(at == NoRouteFound ? Field.Destination : at, 4);
    }

    /// <summary>
    /// The destination tcpdump's TCP and UDP checksums put in the pseudo-header (its ip_finddst): the last 4 bytes of the
    /// first loose or strict source route option of 7 bytes or more, whatever its pointer, else the destination field.
    /// The walk stops at EOL, at a length below 2 or past the options. <paramref name="header"/> holds the whole header.
    /// </summary>
    public static ReadOnlySpan<byte> PseudoHeaderDestination(ReadOnlySpan<byte> header)
    {
        int end = Math.Min(header.Length, (header[0] & 0x0F) * 4);
        for (int at = MinLength; at < end;)
        {
            byte type = header[at];
            if (type == OptionEndOfList)
                break;
            int length = 1;
            if (type != OptionNoOperation)
            {
                if (at + 1 >= end)
                    break;
                length = header[at + 1];
                if (length < 2)
                    break;
            }
            if (length > end - at)
                break;
            if (type is OptionLooseSourceRoute or OptionStrictSourceRoute && length >= 7)
                return header.Slice(at + length - 4, 4);
            at += length;
        }
        return header.Slice(Field.Destination, 4);
    }

    private const byte OptionEndOfList = 0, OptionNoOperation = 1, OptionRecordRoute = 7, OptionLooseSourceRoute = 131, OptionStrictSourceRoute = 137;

    /// <summary>The time stamp option's type (RFC 791).</summary>
    public const byte OptionTimeStamp = 68;

    /// <summary>True for the options that carry a pointer and a list of addresses: record route, loose and strict source route.</summary>
    public static bool IsRouteOption(byte type) => type is OptionRecordRoute or OptionLooseSourceRoute or OptionStrictSourceRoute;
}
