using System.Buffers.Binary;

namespace RawNet.Protocols.Pflog;

/// <summary>
/// A view over the header pf writes before each packet it logs (LINKTYPE_PFLOG, 117: OpenBSD, FreeBSD, NetBSD, macOS).
/// Its first byte is the header's own length, without the padding to a multiple of 4 after which the packet starts.
/// Three layouts share the first 44 bytes: OpenBSD 3.4's (length 45: the direction at 44, 3 bytes of padding), 3.8's
/// (length 61, also FreeBSD's and macOS's: user and process IDs at 44, the direction at 60, 3 bytes of padding) and
/// 4.9's (length 100: the direction, a rewritten flag, 2 bytes of padding, the original addresses and ports). The rule
/// numbers are in network byte order; the IDs in the logging host's, which tshark reads as its own (little-endian here).
/// <code>
/// +--------+--------+--------+--------+
/// | length | af     | action | reason |
/// +--------+--------+--------+--------+
/// | interface name (16)               |
/// | ruleset name (16)                 |
/// | rule number (4)                   |
/// | subrule number (4)                |
/// +-----------------------------------+  length 45: direction (1), padding (3)
/// | uid, pid, rule uid, rule pid (16) |
/// +--------+--------+-----------------+  length 61: direction (1), padding (3)
/// | dir    | rewr.  | padding (2)     |
/// +--------+--------+-----------------+
/// | source address (16)               |
/// | destination address (16)          |
/// | source port (2) | dest. port (2)  |  length 100
/// +-----------------+-----------------+
/// </code>
/// </summary>
public readonly ref struct PflogHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Length = 0;
        public const int Family = 1;
        public const int Action = 2;
        public const int Reason = 3;
        public const int InterfaceName = 4;
        public const int Ruleset = 20;
        public const int RuleNumber = 36;
        public const int SubruleNumber = 40;
        /// <summary>The direction of OpenBSD 3.4's layout, where the IDs are not.</summary>
        public const int OldDirection = 44;
        /// <summary>The padding of OpenBSD 3.4's layout.</summary>
        public const int OldPadding = 45;
        public const int Uid = 44;
        public const int Pid = 48;
        public const int RuleUid = 52;
        public const int RulePid = 56;
        public const int Direction = 60;
        /// <summary>The padding of the 3.8 layout.</summary>
        public const int IdsPadding = 61;
        public const int Rewritten = 61;
        /// <summary>The padding of the 4.9 layout.</summary>
        public const int FullPadding = 62;
        public const int SourceAddress = 64;
        public const int DestinationAddress = 80;
        public const int SourcePort = 96;
        public const int DestinationPort = 98;
    }

    /// <summary>The shortest length the header may declare (OpenBSD 3.4's); tshark and tcpdump call a shorter one invalid.</summary>
    public const int MinLength = 45;

    /// <summary>The declared length from which the header has the user and process IDs (OpenBSD 3.8).</summary>
    public const int IdsLength = 61;

    /// <summary>The declared length from which the header has the addresses and ports (OpenBSD 4.9).</summary>
    public const int FullLength = 100;

    /// <summary>Bytes of the interface and ruleset names.</summary>
    public const int NameLength = 16;

    /// <summary>Bytes of a padding of OpenBSD 3.4's and 3.8's layouts.</summary>
    public const int OldPaddingLength = 3;

    /// <summary>Bytes of the padding of the 4.9 layout.</summary>
    public const int FullPaddingLength = 2;

    /// <summary>The subrule number pf writes when the rule is in no anchor.</summary>
    public const uint NoSubrule = uint.MaxValue;

    private readonly ReadOnlySpan<byte> _bytes;

    private PflogHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds every field of the layout its length byte names (<see cref="FieldsLength"/>).</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out PflogHeader header)
    {
        bool ok = bytes.Length >= 1 && bytes.Length >= FieldsLength(bytes[Field.Length]);
        header = ok ? new PflogHeader(bytes) : default;
        return ok;
    }

    /// <summary>
    /// The bytes tshark reads as fields for a declared length: 48 (OpenBSD 3.4's layout, and any length below it), 64 (from
    /// 61) or 100 (from 100), whatever the length says beyond that.
    /// </summary>
    public static int FieldsLength(byte declared) => declared >= FullLength ? FullLength : declared >= IdsLength ? Field.Direction + 4 : Field.OldDirection + 4;

    /// <summary>Where the packet starts for a declared length, for tshark and tcpdump alike: the length rounded up to a multiple of 4.</summary>
    public static int PayloadStart(byte declared) => (declared + 3) & ~3;

    /// <summary>The declared length (without padding).</summary>
    public byte Length => _bytes[Field.Length];

    /// <summary>The address family of the packet (BSD numbers: <see cref="Loopback.LoopbackHeader.Inet"/>, <see cref="Loopback.LoopbackHeader.IsBsdInet6"/>).</summary>
    public byte Family => _bytes[Field.Family];

    /// <summary>What pf did (pass, block, ...).</summary>
    public byte Action => _bytes[Field.Action];

    /// <summary>Why the packet was logged.</summary>
    public byte Reason => _bytes[Field.Reason];

    /// <summary>The interface name's 16 bytes, NUL-padded.</summary>
    public ReadOnlySpan<byte> InterfaceName => _bytes.Slice(Field.InterfaceName, NameLength);

    /// <summary>The anchor's ruleset name's 16 bytes, NUL-padded.</summary>
    public ReadOnlySpan<byte> Ruleset => _bytes.Slice(Field.Ruleset, NameLength);

    /// <summary>The number of the rule that matched.</summary>
    public uint RuleNumber => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.RuleNumber..]);

    /// <summary>The number of the rule in the anchor, or <see cref="NoSubrule"/>.</summary>
    public uint SubruleNumber => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.SubruleNumber..]);

    /// <summary>The direction where tshark reads it for the declared length: at 44 below 61, else at 60.</summary>
    public byte Direction => _bytes[Length >= IdsLength ? Field.Direction : Field.OldDirection];
}
