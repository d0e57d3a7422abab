namespace RawNet.Protocols.Tunnels;

/// <summary>
/// Generic Routing Encapsulation (RFC 2784 with the key and sequence number of RFC 2890, the routing of RFC 1701 and
/// the enhanced header of PPTP, RFC 2637).
/// <code>
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |C|R|K|S|s|Recur|A| Flags | Ver |         Protocol Type         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |      Checksum (optional)      |       Offset (optional)       |   C or R
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |   Key (optional; PPTP: payload length and call ID)            |   K
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                 Sequence Number (Optional)                    |   S
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |          Acknowledgment Number (enhanced GRE only)            |   A
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |  Source Route Entries: address family, SRE offset, SRE length, routing information ... up to a NULL SRE   |   R
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// </summary>
public static class GreHeader
{
    /// <summary>Byte offsets of the fixed fields.</summary>
    public static class Field
    {
        public const int FlagsAndVersion = 0;
        public const int Protocol = 2;
        /// <summary>Where the optional fields start.</summary>
        public const int Optional = 4;
    }

    /// <summary>Length without optional fields.</summary>
    public const int MinLength = 4;

    public const ushort ChecksumPresent = 0x8000;
    public const ushort RoutingPresent = 0x4000;
    public const ushort KeyPresent = 0x2000;
    public const ushort SequencePresent = 0x1000;
    public const ushort StrictSourceRoute = 0x0800;
    public const ushort RecursionMask = 0x0700;
    /// <summary>PPTP's A bit: an acknowledgment number follows the sequence number (enhanced GRE only).</summary>
    public const ushort AcknowledgmentPresent = 0x0080;
    /// <summary>The reserved flags of RFC 2784's header, and of the enhanced header, whose A bit is one of them.</summary>
    public const ushort ReservedMask = 0x00F8;
    public const ushort EnhancedReservedMask = 0x0078;
    public const ushort VersionMask = 0x0007;
    /// <summary>The protocol type of PPP (PPTP's payload).</summary>
    public const ushort PppProtocol = 0x880B;
    /// <summary>A Source Route Entry's address family, SRE offset and SRE length.</summary>
    public const int SreHeaderLength = 4;

    /// <summary>
    /// tshark's reading of the enhanced GRE header (RFC 2637): PPP in any version but 0 splits the key into payload
    /// length and call ID and has the A bit place an acknowledgment number.
    /// </summary>
    public static bool IsEnhanced(ushort flags, ushort protocol) => protocol == PppProtocol && (flags & VersionMask) != 0;

    /// <summary>Header length for the given flags word and protocol type, the Source Route Entries not counted.</summary>
    public static int LengthOf(ushort flags, ushort protocol) => RoutingOffset(flags, protocol);

    /// <summary>Offset of the key field for the given flags word.</summary>
    public static int KeyOffset(ushort flags) => Field.Optional + ((flags & (ChecksumPresent | RoutingPresent)) != 0 ? 4 : 0);

    /// <summary>Offset of the sequence number field for the given flags word.</summary>
    public static int SequenceOffset(ushort flags) => KeyOffset(flags) + ((flags & KeyPresent) != 0 ? 4 : 0);

    /// <summary>Offset of the acknowledgment number (enhanced GRE with the A bit).</summary>
    public static int AcknowledgmentOffset(ushort flags) => SequenceOffset(flags) + ((flags & SequencePresent) != 0 ? 4 : 0);

    /// <summary>True when the header carries an acknowledgment number as tshark reads it.</summary>
    public static bool HasAcknowledgment(ushort flags, ushort protocol) => (flags & AcknowledgmentPresent) != 0 && IsEnhanced(flags, protocol);

    /// <summary>Where the Source Route Entries start (the R bit), or the payload when there are none.</summary>
    public static int RoutingOffset(ushort flags, ushort protocol) =>
        AcknowledgmentOffset(flags) + (HasAcknowledgment(flags, protocol) ? 4 : 0);

    /// <summary>
    /// The header's length as tshark reads it from <paramref name="header"/>'s captured bytes (flags and protocol
    /// present): true with the offset after the NULL SRE (or the fixed fields without routing); false with the end of
    /// the first read the bytes cut (which the caller compares with the packet's reported length).
    /// </summary>
    public static bool TryMeasure(ReadOnlySpan<byte> header, out int length)
    {
        ushort flags = (ushort)(header[0] << 8 | header[1]);
        ushort protocol = (ushort)(header[2] << 8 | header[3]);
        length = LengthOf(flags, protocol);
        if (length > header.Length)
            return false;
        if ((flags & RoutingPresent) == 0)
            return true;
        var walker = new RouteWalker(header, length);
        while (walker.MoveNext(out _))
        {
        }
        length = walker.End;
        return walker.Ended;
    }

    /// <summary>
    /// Walks the Source Route Entries as tshark does: each entry's address family, offset and length, then its routing
    /// information, until the NULL SRE (family and length 0) or the first read past the bytes. Each step takes at least
    /// four bytes, so the walk ends within a quarter of the header's length.
    /// </summary>
    public ref struct RouteWalker
    {
        private readonly ReadOnlySpan<byte> _header;
        private int _at;
        private bool _stopped;

        public RouteWalker(ReadOnlySpan<byte> header, int start)
        {
            _header = header;
            _at = start;
        }

        /// <summary>True once the NULL SRE was read.</summary>
        public bool Ended { get; private set; }

        /// <summary>After the walk: the offset after the NULL SRE, or the end of the first read past the bytes.</summary>
        public int End { get; private set; }

        /// <summary>
        /// The next entry that starts within the bytes (<see cref="Sre.At"/>); its head may be cut (<see cref="Sre.HeadBytes"/>).
        /// False when the walk is over.
        /// </summary>
        public bool MoveNext(out Sre entry)
        {
            entry = default;
            if (_stopped)
                return false;
            int at = _at, left = _header.Length - at;
            if (left <= 0)
            {
                _stopped = true;
                End = at + 2;
                return false;
            }
            int head = Math.Min(left, SreHeaderLength);
            entry = new Sre(at, head, head >= 2 ? (ushort)(_header[at] << 8 | _header[at + 1]) : (ushort)0,
                head >= 3 ? _header[at + 2] : (byte)0, head >= 4 ? _header[at + 3] : (byte)0);
            if (head < SreHeaderLength)
            {
                // tshark reads the family, then the offset, then the length: the first of them cut ends the walk.
                _stopped = true;
                End = at + (head < 2 ? 2 : head + 1);
                return true;
            }
            if (entry.IsNull)
            {
                _stopped = true;
                Ended = true;
                End = at + SreHeaderLength;
                return true;
            }
            _at = at + SreHeaderLength + entry.Length;
            if (_at > _header.Length)
            {
                _stopped = true;
                End = _at;
            }
            return true;
        }
    }

    /// <summary>One Source Route Entry: where it starts, how many of its four head bytes were captured, and its head's fields.</summary>
    public readonly record struct Sre(int At, int HeadBytes, ushort Family, byte SreOffset, byte Length)
    {
        /// <summary>The NULL SRE that ends the list (tshark's test: family and length 0).</summary>
        public bool IsNull => HeadBytes == SreHeaderLength && Family == 0 && Length == 0;

        /// <summary>Where its routing information starts.</summary>
        public int Information => At + SreHeaderLength;
    }
}

/// <summary>ERSPAN headers (draft-foschiano-erspan): type II is 8 bytes, type III 12 plus an optional 8-byte subheader.</summary>
public static class ErspanHeader
{
    /// <summary>The header length from its first bytes (version nibble; type III's O flag in byte 11).</summary>
    public static int LengthOf(ReadOnlySpan<byte> header) => (header[0] >> 4) switch
    {
        1 => 8,
        2 => header.Length >= 12 && (header[11] & 1) != 0 ? 20 : 12,
        _ => 0,
    };
}
