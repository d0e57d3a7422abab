using System.Buffers.Binary;

namespace RawNet.Protocols.Tunnels;

/// <summary>
/// The Geneve header (RFC 8926) on UDP port 6081; what its protocol type names (an EtherType) follows the options.
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |Ver|  Opt Len  |O|C|    Rsvd.  |          Protocol Type        |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |        Virtual Network Identifier (VNI)       |    Reserved   |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                    Variable-Length Options                    |
/// </code>
/// </summary>
public static class GeneveHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int VersionAndOptionsLength = 0;
        public const int Flags = 1;
        public const int Protocol = 2;
        public const int NetworkIdentifier = 4;
        public const int Reserved = 7;
        public const int Options = 8;
    }

    /// <summary>Length of the fixed part.</summary>
    public const int FixedLength = 8;

    /// <summary>The only version tshark knows; another is marked but decoded alike.</summary>
    public const int KnownVersion = 0;

    public const byte OamFlag = 0x80;
    public const byte CriticalFlag = 0x40;
    public const byte ReservedFlags = 0x3F;

    /// <summary>The version, the first byte's two high bits.</summary>
    public static int Version(byte first) => first >> 6;

    /// <summary>The options' length in bytes: the first byte's low six bits count 4-byte words.</summary>
    public static int OptionsLength(byte first) => (first & 0x3F) * 4;

    /// <summary>The whole header's length, the options included.</summary>
    public static int LengthOf(byte first) => FixedLength + OptionsLength(first);

    /// <summary>Option class and type, packed as tshark keys its named options (class &lt;&lt; 8 | type).</summary>
    public const int GcpVirtualNetworkId = 0x013201, GcpEndpointId = 0x013202, GcpProfileId = 0x013203;

    /// <summary>Length of an option's header (class, type, flags and length).</summary>
    public const int OptionHeaderLength = 4;

    /// <summary>The critical bit of an option's type.</summary>
    public const byte OptionCritical = 0x80;

    /// <summary>
    /// Walks the options as tshark 4.0 does: each option takes 4 bytes plus its length's words; the walk stops at an
    /// option whose length runs past the options' declared length (tshark's "past end of options" mark) or at one whose
    /// header was not captured. At most 63 options fit in the 252 bytes the length can declare, so the walk is bounded.
    /// </summary>
    public ref struct OptionWalker
    {
        private readonly ReadOnlySpan<byte> _options;
        private int _at;
        private int _left;

        /// <param name="header">The header's captured bytes from its first byte.</param>
        public OptionWalker(ReadOnlySpan<byte> header)
        {
            _options = header.Length > Field.Options ? header[Field.Options..] : default;
            _left = header.Length >= 1 ? OptionsLength(header[0]) : 0;
            _at = 0;
            InvalidAt = -1;
        }

        /// <summary>Offset (from the header's start) of the option whose length runs past the options, or -1.</summary>
        public int InvalidAt { get; private set; }

        /// <summary>
        /// The next option: its offset from the header's start and its whole length; false at the end, at an invalid one
        /// (see <see cref="InvalidAt"/>) or where the capture ends inside an option's header.
        /// </summary>
        public bool MoveNext(out int offset, out int length)
        {
            offset = Field.Options + _at;
            length = 0;
            if (_left <= 0 || _at + OptionHeaderLength > _options.Length)
                return false;
            length = OptionHeaderLength + (_options[_at + 3] & 0x1F) * 4;
            if (length > _left)
            {
                InvalidAt = offset;
                _left = 0;
                return false;
            }
            _at += length;
            _left -= length;
            return true;
        }
    }

    /// <summary>The option's class and type as one key (class &lt;&lt; 8 | type).</summary>
    public static int OptionKey(ReadOnlySpan<byte> option) => BinaryPrimitives.ReadUInt16BigEndian(option) << 8 | option[2];
}
