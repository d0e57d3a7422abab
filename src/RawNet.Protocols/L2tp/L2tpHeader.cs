using System.Buffers.Binary;

namespace RawNet.Protocols.L2tp;

/// <summary>The UDP port L2TP is registered on (RFC 2661 8.1), where tshark and tcpdump look for it.</summary>
public static class L2tpPorts
{
    public const ushort L2tp = 1701;
}

/// <summary>
/// A view over an L2TPv2 header (RFC 2661 3.1): the flags and version, then the fields the flags say are there.
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |T|L|x|x|S|x|O|P|x|x|x|x|  Ver  |          Length (opt)         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |           Tunnel ID           |           Session ID          |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |             Ns (opt)          |             Nr (opt)          |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |      Offset Size (opt)        |    Offset pad... (opt)
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// A data message carries a PPP frame after the header; a control message (T set) carries AVPs up to its length.
/// </summary>
public readonly ref struct L2tpHeader
{
    /// <summary>The flag bits and the version of the first 16-bit word.</summary>
    public static class Flag
    {
        public const ushort Type = 0x8000;
        public const ushort Length = 0x4000;
        public const ushort Sequence = 0x0800;
        public const ushort Offset = 0x0200;
        public const ushort Priority = 0x0100;
        public const ushort VersionMask = 0x000F;
    }

    /// <summary>The version of L2TP (RFC 2661) this view reads.</summary>
    public const int Version2 = 2;

    /// <summary>The version of L2TPv3 (RFC 3931), whose header <see cref="L2tpv3Message"/> reads.</summary>
    public const int Version3 = 3;

    /// <summary>The bytes every header starts with (flags and version).</summary>
    public const int FlagsLength = 2;

    /// <summary>tshark's length of a control message that is its header alone, with length and sequence fields (a ZLB acknowledgement).</summary>
    public const int ZeroLengthBodyLength = 12;

    /// <summary>
    /// Whether tshark's L2TP over UDP takes a payload of <paramref name="length"/> bytes of which <paramref name="captured"/>
    /// were kept: it refuses one shorter than the flags, or whose version is neither 2 nor 3 (tshark then tries the
    /// datagram's other port), and one of which the capture kept a single byte (it checks the captured length first, so the
    /// heuristics, WireGuard's, get it); with nothing captured the datagram shows no protocol after UDP.
    /// </summary>
    public static bool IsTaken(ReadOnlySpan<byte> captured, int length) =>
        length >= FlagsLength && (captured.IsEmpty || captured.Length >= FlagsLength && (BinaryPrimitives.ReadUInt16BigEndian(captured) & Flag.VersionMask) is Version2 or Version3);

    private readonly ReadOnlySpan<byte> _bytes;

    private L2tpHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if the whole header, offset padding included, is there.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out L2tpHeader header)
    {
        header = default;
        if (bytes.Length < FlagsLength || LengthOf(bytes) > bytes.Length)
            return false;
        header = new L2tpHeader(bytes);
        return true;
    }

    /// <summary>The flags and version word.</summary>
    public ushort Flags => BinaryPrimitives.ReadUInt16BigEndian(_bytes);

    /// <summary>The version (4 bits).</summary>
    public int Version => Flags & Flag.VersionMask;

    /// <summary>True for a control message (the T bit).</summary>
    public bool IsControl => (Flags & Flag.Type) != 0;

    /// <summary>True when the length field is there (the L bit).</summary>
    public bool HasLength => (Flags & Flag.Length) != 0;

    /// <summary>The length field (the whole message's bytes), or 0 when there is none.</summary>
    public int MessageLength => HasLength ? BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Length..]) : 0;

    /// <summary>The tunnel ID.</summary>
    public ushort TunnelId => BinaryPrimitives.ReadUInt16BigEndian(_bytes[TunnelIdOffset(Flags)..]);

    /// <summary>The session ID.</summary>
    public ushort SessionId => BinaryPrimitives.ReadUInt16BigEndian(_bytes[(TunnelIdOffset(Flags) + 2)..]);

    /// <summary>The header's length, offset padding included.</summary>
    public int Length => LengthOf(_bytes);

    /// <summary>Byte offsets of the fields at fixed places.</summary>
    public static class Field
    {
        public const int Flags = 0;
        public const int Length = 2;
    }

    /// <summary>Where the tunnel ID lies: after the length field when there is one.</summary>
    public static int TunnelIdOffset(ushort flags) => (flags & Flag.Length) != 0 ? 4 : 2;

    /// <summary>Where Ns lies when the S bit is set.</summary>
    public static int SequenceOffset(ushort flags) => TunnelIdOffset(flags) + 4;

    /// <summary>Where the offset size lies when the O bit is set.</summary>
    public static int OffsetSizeOffset(ushort flags) => SequenceOffset(flags) + ((flags & Flag.Sequence) != 0 ? 4 : 0);

    /// <summary>The header's length without the offset padding.</summary>
    public static int FixedLength(ushort flags) => OffsetSizeOffset(flags) + ((flags & Flag.Offset) != 0 ? 2 : 0);

    /// <summary>
    /// The header's length, the offset padding included, from what of it <paramref name="bytes"/> holds: without the
    /// offset size's bytes the length up to and including them (more than is there), so a caller finds the header short.
    /// </summary>
    public static int LengthOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < FlagsLength)
            return FlagsLength;
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        int fixedLength = FixedLength(flags);
        if ((flags & Flag.Offset) == 0 || bytes.Length < fixedLength)
            return fixedLength;
        return fixedLength + BinaryPrimitives.ReadUInt16BigEndian(bytes[(fixedLength - 2)..]);
    }

    /// <summary>
    /// How many bytes tshark 4.0 reads before it adds L2TP's protocol item (the tunnel and session IDs for its Info
    /// column, and for a control message that is not a ZLB the AVP type and message type at the places a message
    /// without offset padding has them); a packet shorter than that shows no L2TP field at all.
    /// </summary>
    public static int ColumnReach(ReadOnlySpan<byte> bytes)
    {
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        int reach = TunnelIdOffset(flags) + 4;
        if ((flags & Flag.Type) == 0 || ((flags & Flag.Length) != 0 && bytes.Length >= 4 && BinaryPrimitives.ReadUInt16BigEndian(bytes[Field.Length..]) == ZeroLengthBodyLength))
            return reach;
        // tshark's place of the first AVP's type ignores the offset field.
        int type = SequenceOffset(flags) + ((flags & Flag.Sequence) != 0 ? 4 : 0) + 4;
        if (bytes.Length < type + 2)
            return type + 2;
        return BinaryPrimitives.ReadUInt16BigEndian(bytes[type..]) == 0 ? type + 4 : type + 2;
    }

    /// <summary>The message type tshark's Info column names, read as <see cref="ColumnReach"/> reads it; false when the AVP there is not a message type (or the message is a ZLB).</summary>
    public static bool TryColumnMessageType(ReadOnlySpan<byte> bytes, out ushort messageType)
    {
        messageType = 0;
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        int type = SequenceOffset(flags) + ((flags & Flag.Sequence) != 0 ? 4 : 0) + 4;
        if (bytes.Length < type + 4 || BinaryPrimitives.ReadUInt16BigEndian(bytes[type..]) != 0)
            return false;
        messageType = BinaryPrimitives.ReadUInt16BigEndian(bytes[(type + 2)..]);
        return true;
    }
}

/// <summary>
/// One attribute-value pair of a control message (RFC 2661 4.1): flags and length, vendor ID, attribute type, value.
/// <code>
/// |M|H| rsvd  |      Length       |           Vendor ID           |
/// |         Attribute Type        |        Attribute Value...
/// </code>
/// </summary>
public static class L2tpAvp
{
    /// <summary>The AVP header's length.</summary>
    public const int HeaderLength = 6;

    public const ushort MandatoryBit = 0x8000, HiddenBit = 0x4000, LengthMask = 0x03FF;

    /// <summary>The attribute type of the message type AVP, which every control message but a ZLB starts with.</summary>
    public const ushort MessageTypeAttribute = 0;

    /// <summary>L2TPv3's Local and Remote Session ID attributes (RFC 3931 5.4.3), which tshark's Info column adds ("LSID", "RSID").</summary>
    public const ushort LocalSessionIdAttribute = 63, RemoteSessionIdAttribute = 64;

    /// <summary>The Extended Vendor ID attribute (RFC 3931's 58), and where tshark 4.0's walk goes on after one: 8 bytes from its start.</summary>
    public const ushort ExtendedVendorIdAttribute = 58;
    public const int ExtendedVendorIdEnd = 8;

    /// <summary>
    /// Vendors whose AVPs tshark 4.0 reads with a dissector of their own (Cisco, the Broadband Forum, Ericsson,
    /// CableLabs), whose attribute type is not l2tp.avp.type: RawNet shows their common fields only.
    /// </summary>
    public static bool HasOwnDissector(ushort vendor) => vendor is 9 or 3561 or 193 or 4491;

    /// <summary>
    /// How far from the AVP's start tshark 4.0 reads for the value of an IETF attribute of <paramref name="type"/> in an
    /// AVP of <paramref name="length"/> bytes: its fixed size, which may run past a short AVP, or the AVP's end.
    /// </summary>
    public static int ValueReach(ushort type, int length) => HeaderLength + type switch
    {
        0 or 6 or 9 or 10 or 14 or 29 or 32 or 68 or 69 or 70 => 2,
        3 or 4 or 15 or 16 or 17 or 18 or 19 or 24 or 25 or 38 or 40 or 59 or 60 or 61 or 63 or 64 => 4,
        5 => 8,
        13 => 16,
        // The protocol version's revision byte follows its version whenever the AVP holds the version.
        2 => length > HeaderLength ? 2 : 0,
        // Result code, cause codes, call errors, ACCM, the PPP disconnect cause: each part only when the AVP holds it.
        1 or 12 or 34 or 35 or 46 => 0,
        _ => Math.Max(0, length - HeaderLength),
    };

    /// <summary>
    /// Walks the AVPs of a control message as tshark 4.0 does, from <paramref name="start"/> while before
    /// <paramref name="end"/> (the length field): the start of AVP number <paramref name="index"/>, whose header
    /// <paramref name="bytes"/> holds and whose length is at least 6; false when the walk stops before it.
    /// </summary>
    public static bool TryFind(ReadOnlySpan<byte> bytes, int start, int end, int index, out int at)
    {
        at = start;
        for (int i = 0; at < end && i <= 64; i++)
        {
            if (at + HeaderLength > bytes.Length)
                return false;
            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]) & LengthMask;
            if (length < HeaderLength)
                return false;
            if (i == index)
                return true;
            at += length;
        }
        return false;
    }
}
