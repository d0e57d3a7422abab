using System.Buffers.Binary;

namespace RawNet.Protocols.Nflog;

/// <summary>NFLOG TLV types (linux/netfilter/nfnetlink_log.h, NFULA_*).</summary>
public enum NflogTlvType : ushort
{
    PacketHeader = 1,
    Mark = 2,
    Timestamp = 3,
    InterfaceIn = 4,
    InterfaceOut = 5,
    PhysicalInterfaceIn = 6,
    PhysicalInterfaceOut = 7,
    HardwareAddress = 8,
    Payload = 9,
    Prefix = 10,
    Uid = 11,
    Sequence = 12,
    GlobalSequence = 13,
    Gid = 14,
    HardwareType = 15,
    HardwareHeader = 16,
    HardwareHeaderLength = 17,
}

/// <summary>How a walk over NFLOG TLVs ended.</summary>
public enum NflogWalkEnd : byte
{
    /// <summary>Still walking, or fewer than 4 bytes of the packet left: tshark's loop ends there.</summary>
    Done,
    /// <summary>A TLV length below 4: tshark stops reading TLVs without a word.</summary>
    ShortLength,
    /// <summary>A TLV's header or bytes were cut by the capture.</summary>
    Truncated,
    /// <summary>A TLV's length runs past the end of the packet.</summary>
    Malformed,
}

/// <summary>
/// A view over the NFLOG header (LINKTYPE_NFLOG, 239): Linux netfilter's log message, a 4-byte header in network byte
/// order, then TLVs whose length and type are in the capturing host's byte order (little-endian, as tshark reads them
/// with its default host order), each padded to 4 bytes. NFULA_PAYLOAD holds the packet.
/// <code>
/// +---------+---------+-------------------+
/// | family  | version | resource ID (2)   |
/// +---------+---------+-------------------+
/// | length (2, LE)    | type (2, LE)      |  one TLV: the length counts these 4 bytes
/// | value ..., padded to 4 bytes          |
/// +---------------------------------------+
/// </code>
/// </summary>
public readonly ref struct NflogHeader
{
    /// <summary>Byte offsets of the header's fields.</summary>
    public static class Field
    {
        public const int Family = 0;
        public const int Version = 1;
        public const int ResourceId = 2;
    }

    /// <summary>Length of the header before the TLVs.</summary>
    public const int Length = 4;

    /// <summary>Length of a TLV's length and type.</summary>
    public const int TlvHeaderLength = 4;

    /// <summary>The bit of a TLV's type that says its value is nested (NLA_F_NESTED): not part of the type.</summary>
    public const ushort TypeMask = 0x7FFF;

    /// <summary>NFPROTO_IPV4.</summary>
    public const byte Ipv4 = 2;

    /// <summary>NFPROTO_IPV6.</summary>
    public const byte Ipv6 = 10;

    private readonly ReadOnlySpan<byte> _bytes;

    private NflogHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds a whole header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out NflogHeader header)
    {
        header = bytes.Length >= Length ? new NflogHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>The protocol family of the logged packet.</summary>
    public byte Family => _bytes[Field.Family];

    /// <summary>The header's version (0).</summary>
    public byte Version => _bytes[Field.Version];

    /// <summary>The resource ID (the NFLOG group).</summary>
    public ushort ResourceId => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.ResourceId..]);
}

/// <summary>
/// The TLVs after an NFLOG header as tshark walks them: while 4 bytes of the packet are left, a TLV whose length is at
/// least 4 and whose bytes were captured; the next one 4-byte aligned. Every TLV moves on by 4 bytes or more, so the
/// walk ends; <see cref="End"/> says how.
/// </summary>
public ref struct NflogTlvs
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _reported;
    private int _next;

    /// <summary>Walks the TLVs of a message whose first <paramref name="bytes"/> were captured, of <paramref name="reported"/> bytes.</summary>
    public NflogTlvs(ReadOnlySpan<byte> bytes, int reported)
    {
        _bytes = bytes;
        _reported = Math.Max(reported, bytes.Length);
        _next = NflogHeader.Length;
        End = NflogWalkEnd.Done;
    }

    /// <summary>Offset of the current TLV (of its length field).</summary>
    public int Offset { get; private set; }

    /// <summary>The current TLV's length, its 4-byte header included, padding not.</summary>
    public int TlvLength { get; private set; }

    /// <summary>The current TLV's type, without the nested bit.</summary>
    public NflogTlvType Type { get; private set; }

    /// <summary>Offset where the walk would read the next TLV: past the last one's padding.</summary>
    public readonly int Next => _next;

    /// <summary>How the walk ended, once <see cref="MoveNext"/> returned false.</summary>
    public NflogWalkEnd End { get; private set; }

    /// <summary>The current TLV's value: its bytes after the length and type.</summary>
    public readonly ReadOnlySpan<byte> Value => _bytes.Slice(Offset + NflogHeader.TlvHeaderLength, TlvLength - NflogHeader.TlvHeaderLength);

    /// <summary>Moves to the next TLV; false when there is none to read (see <see cref="End"/>).</summary>
    public bool MoveNext()
    {
        if (End != NflogWalkEnd.Done || _reported - _next < NflogHeader.TlvHeaderLength)
            return false;
        // tshark reads the length, gives up quietly on one below 4, and only then reads the type.
        if (_bytes.Length - _next < 2)
            return Stop(NflogWalkEnd.Truncated);
        int length = BinaryPrimitives.ReadUInt16LittleEndian(_bytes[_next..]);
        if (length < NflogHeader.TlvHeaderLength)
            return Stop(NflogWalkEnd.ShortLength);
        if (_bytes.Length - _next < NflogHeader.TlvHeaderLength)
            return Stop(NflogWalkEnd.Truncated);
        if (_bytes.Length - _next < length)
            return Stop(_reported - _next < length ? NflogWalkEnd.Malformed : NflogWalkEnd.Truncated);
        Offset = _next;
        TlvLength = length;
        Type = (NflogTlvType)(BinaryPrimitives.ReadUInt16LittleEndian(_bytes[(_next + 2)..]) & NflogHeader.TypeMask);
        _next += (length + 3) & ~3;
        return true;
    }

    private bool Stop(NflogWalkEnd end)
    {
        End = end;
        return false;
    }
}
