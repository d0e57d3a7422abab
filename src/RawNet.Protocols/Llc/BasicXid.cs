namespace RawNet.Protocols.Llc;

/// <summary>
/// The information field of an LLC XID frame in the basic format (IEEE 802.2, 5.4.1.1.2): the format identifier 0x81,
/// the LLC types and classes the station supports, and its receive window size (k) in the high seven bits.
/// <code>
/// +--------+--------------+-------------------+
/// |  0x81  | types (5 b.) | window (7 b.) | 0 |
/// +--------+--------------+-------------------+
/// </code>
/// tshark decodes it as the protocol "basicxid" in an XID frame without SNAP whose information field starts with 0x81.
/// </summary>
public static class BasicXid
{
    /// <summary>Byte offsets of the fields in the information field.</summary>
    public static class Field
    {
        public const int Format = 0;
        public const int Types = 1;
        public const int WindowSize = 2;
    }

    /// <summary>The format identifier of the basic format.</summary>
    public const byte BasicFormat = 0x81;

    /// <summary>The bits of the types byte that name the LLC types.</summary>
    public const byte TypesMask = 0x1F;

    /// <summary>The unnumbered control field of an XID frame, poll/final bit cleared.</summary>
    public const byte XidControl = 0xAF;

    private const byte PollFinal = 0x10;

    /// <summary>True for an unnumbered XID control byte, poll/final bit either way.</summary>
    public static bool IsXid(byte control) => (control & ~PollFinal & 0xFF) == XidControl;

    /// <summary>The receive window size the third byte gives.</summary>
    public static int WindowSize(byte value) => value >> 1;

    /// <summary>Wireshark's name of the LLC types a types byte gives, or null for a combination it does not name.</summary>
    public static string? TypesName(byte value) => (value & TypesMask) switch
    {
        1 => "Type 1 LLC (Class I LLC)",
        2 => "Type 2 LLC",
        3 => "Type 1 and Type 2 LLCs (Class II LLC)",
        4 => "Type 3 LLC",
        5 => "Type 1 and Type 3 LLCs (Class III LLC)",
        6 => "Type 2 and Type 3 LLCs",
        7 => "Type 1 and Type 2 and Type 3 LLCs (Class IV LLC)",
        _ => null,
    };
}
