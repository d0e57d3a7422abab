using System.Buffers.Binary;

namespace RawNet.Protocols.Docsis;

/// <summary>How far tshark 4.0's docsis dissector reads a frame before it ends or an exception stops it.</summary>
public enum DocsisReach : byte
{
    /// <summary>Fewer than 4 bytes: the reads of FC, MAC_PARM and LEN fail before any column or field.</summary>
    None,
    /// <summary>FC, MAC_PARM (or EHDR length) and LEN shown, the columns set; the extended header or HCS is cut short.</summary>
    Fields,
    /// <summary>The HCS read and checked.</summary>
    Hcs,
}

/// <summary>
/// A view over the DOCSIS MAC header (LINKTYPE_DOCSIS, 143) as tshark 4.0 reads it:
/// <code>
/// +------+----------------------+------------+----------------------+---------+
/// | FC   | MAC_PARM (EHDR len)  | LEN (SID)  | EHDR (MAC_PARM bytes | HCS     |
/// | (1)  | (1)                  | (2)        |  when EHDR_ON)       | (2)     |
/// +------+----------------------+------------+----------------------+---------+
/// FC: FC_TYPE (2 bits) | FC_PARM (5 bits) | EHDR_ON (1 bit)
/// </code>
/// The HCS is the X.25 CRC-16 of the header before it, stored least significant byte first.
/// The extended header is a list of sub-elements, each a type (high nibble) and length (low nibble) byte and its value.
/// </summary>
public readonly ref struct DocsisHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int FrameControl = 0;
        public const int MacParm = 1;
        public const int Length = 2;
        public const int ExtendedHeader = 4;
    }

    /// <summary>Bytes tshark reads before it sets a column or adds a field: FC, MAC_PARM and LEN.</summary>
    public const int FixedLength = 4;

    /// <summary>Length of a header with no extended header (FC to HCS).</summary>
    public const int MinimumLength = 6;

    /// <summary>FC_TYPE of a data PDU (Ethernet inside).</summary>
    public const byte TypePacket = 0;

    /// <summary>FC_TYPE reserved: tshark shows the rest as data.</summary>
    public const byte TypeReserved = 1;

    /// <summary>FC_TYPE of an isolation PDU, read as a data PDU.</summary>
    public const byte TypeIsolation = 2;

    /// <summary>FC_TYPE of MAC-specific headers (timing, management, request, fragmentation, concatenation).</summary>
    public const byte TypeMacSpecific = 3;

    private readonly ReadOnlySpan<byte> _bytes;

    private DocsisHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds FC, MAC_PARM and LEN.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out DocsisHeader header)
    {
        header = bytes.Length >= FixedLength ? new DocsisHeader(bytes) : default;
        return bytes.Length >= FixedLength;
    }

    /// <summary>FC_TYPE, the frame control's top two bits.</summary>
    public byte FrameType => (byte)(_bytes[Field.FrameControl] >> 6);

    /// <summary>FC_PARM, the frame control's next five bits.</summary>
    public byte FrameParameter => (byte)((_bytes[Field.FrameControl] >> 1) & 0x1F);

    /// <summary>EHDR_ON, the frame control's low bit.</summary>
    public bool HasExtendedHeader => (_bytes[Field.FrameControl] & 1) != 0;

    /// <summary>MAC_PARM: the extended header's length when <see cref="HasExtendedHeader"/>.</summary>
    public byte MacParm => _bytes[Field.MacParm];

    /// <summary>LEN (a SID in request frames).</summary>
    public ushort Length => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Length..]);

    /// <summary>The header's length, HCS included: 6, plus MAC_PARM with an extended header.</summary>
    public int HeaderLength => MinimumLength + (HasExtendedHeader ? MacParm : 0);

    /// <summary>tshark's PDU length, LEN less MAC_PARM and the HCS (MAC_PARM counted with or without an extended header).</summary>
    public int PduLength => Length - (MacParm + 2);
}
