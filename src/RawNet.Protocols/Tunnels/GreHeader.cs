namespace RawNet.Protocols.Tunnels;

/// <summary>
/// Generic Routing Encapsulation (RFC 2784 with the key and sequence number of RFC 2890).
/// <code>
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |C|R|K|S| Reserved0       | Ver |         Protocol Type         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |      Checksum (optional)      |       Reserved1 (Optional)    |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                         Key (optional)                        |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                 Sequence Number (Optional)                    |
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
    public const ushort VersionMask = 0x0007;

    /// <summary>Header length for the given flags word (routing, which RawNet does not walk, is not counted).</summary>
    public static int LengthOf(ushort flags) => MinLength
        + ((flags & (ChecksumPresent | RoutingPresent)) != 0 ? 4 : 0)
        + ((flags & KeyPresent) != 0 ? 4 : 0)
        + ((flags & SequencePresent) != 0 ? 4 : 0);

    /// <summary>Offset of the key field for the given flags word.</summary>
    public static int KeyOffset(ushort flags) => Field.Optional + ((flags & (ChecksumPresent | RoutingPresent)) != 0 ? 4 : 0);

    /// <summary>Offset of the sequence number field for the given flags word.</summary>
    public static int SequenceOffset(ushort flags) => KeyOffset(flags) + ((flags & KeyPresent) != 0 ? 4 : 0);
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
