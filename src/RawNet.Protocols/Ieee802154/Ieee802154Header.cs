using System.Buffers.Binary;

namespace RawNet.Protocols.Ieee802154;

/// <summary>
/// A view over an IEEE 802.15.4 MAC header (LINKTYPE_IEEE802_15_4_WITHFCS 195, _NOFCS 230): the frame control field
/// (little-endian), the sequence number, then the PAN IDs and addresses the addressing modes and the PAN ID compression
/// bit say are there, as tshark 4.0's wpan places them.
/// <code>
/// +-----------+-----+-----------+-------------+-----------+-------------+---------+-----+
/// | FCF (2)   | seq | dst PAN   | dst address | src PAN   | src address | payload | FCS |
/// |           | (1) | (0 or 2)  | (0, 2, 8)   | (0 or 2)  | (0, 2, 8)   |         | (2) |
/// +-----------+-----+-----------+-------------+-----------+-------------+---------+-----+
/// </code>
/// </summary>
public readonly ref struct Ieee802154Header
{
    /// <summary>Byte offsets of the fixed fields.</summary>
    public static class Field
    {
        public const int FrameControl = 0;
        public const int SequenceNumber = 2;
    }

    /// <summary>Frame control bits.</summary>
    public const ushort FrameTypeMask = 0x0007, SecurityBit = 0x0008, PendingBit = 0x0010, AckRequestBit = 0x0020,
        PanIdCompressionBit = 0x0040, ReservedBit = 0x0080, SeqnoSuppressionBit = 0x0100, IePresentBit = 0x0200,
        DestinationModeMask = 0x0C00, VersionMask = 0x3000, SourceModeMask = 0xC000;

    /// <summary>Frame types.</summary>
    public const int TypeBeacon = 0, TypeData = 1, TypeAck = 2, TypeCommand = 3;

    /// <summary>Addressing modes.</summary>
    public const int ModeNone = 0, ModeReserved = 1, ModeShort = 2, ModeLong = 3;

    /// <summary>Length of the frame check sequence link type 195 carries.</summary>
    public const int FcsLength = 2;

    private readonly ReadOnlySpan<byte> _bytes;

    private Ieee802154Header(ReadOnlySpan<byte> bytes, int length, int dstPan, int dstAddress, int srcPan, int srcAddress)
    {
        _bytes = bytes;
        HeaderLength = length;
        DestinationPanAt = dstPan;
        DestinationAt = dstAddress;
        SourcePanAt = srcPan;
        SourceAt = srcAddress;
    }

    /// <summary>
    /// Reads the frame control field and lays out the header; false when fewer than 2 bytes are there. The layout is
    /// computed whatever the length: <see cref="HeaderLength"/> may be more than <paramref name="bytes"/> holds.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out Ieee802154Header header)
    {
        header = default;
        if (bytes.Length < 2)
            return false;
        ushort fcf = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
        int version = (fcf & VersionMask) >> 12;
        int at = (fcf & SeqnoSuppressionBit) != 0 && version == 2 ? 2 : 3;
        int dstMode = (fcf & DestinationModeMask) >> 10, srcMode = (fcf & SourceModeMask) >> 14;
        bool compressed = (fcf & PanIdCompressionBit) != 0;
        PanPresence(version, dstMode, srcMode, compressed, out bool dstPan, out bool srcPan);
        int dstPanAt = -1, dstAt = -1, srcPanAt = -1, srcAt = -1;
        if (dstPan)
        {
            dstPanAt = at;
            at += 2;
        }
        if (dstMode >= ModeShort)
        {
            dstAt = at;
            at += AddressLength(dstMode);
        }
        if (srcPan)
        {
            srcPanAt = at;
            at += 2;
        }
        if (srcMode >= ModeShort)
        {
            srcAt = at;
            at += AddressLength(srcMode);
        }
        header = new Ieee802154Header(bytes, at, dstPanAt, dstAt, srcPanAt, srcAt);
        return true;
    }

    /// <summary>Which PAN IDs a frame carries: 2003 and 2006 frames one per address, one only with compression; 2015 frames by its table (tcpdump's rules too).</summary>
    public static void PanPresence(int version, int dstMode, int srcMode, bool compressed, out bool dstPan, out bool srcPan)
    {
        if (version < 2)
        {
            dstPan = dstMode >= ModeShort;
            srcPan = srcMode >= ModeShort && !(compressed && dstPan);
            return;
        }
        bool dst = dstMode >= ModeShort, src = srcMode >= ModeShort;
        if (dst && src)
        {
            bool bothLong = dstMode == ModeLong && srcMode == ModeLong;
            dstPan = !(bothLong && compressed);
            srcPan = !compressed && !bothLong;
            return;
        }
        dstPan = dst ? !compressed : !src && compressed;
        srcPan = src && !dst && !compressed;
    }

    /// <summary>Bytes of an address of <paramref name="mode"/>.</summary>
    public static int AddressLength(int mode) => mode == ModeShort ? 2 : mode == ModeLong ? 8 : 0;

    /// <summary>The frame control field.</summary>
    public ushort FrameControl => BinaryPrimitives.ReadUInt16LittleEndian(_bytes);

    /// <summary>The frame type (bits 0-2).</summary>
    public int FrameType => FrameControl & FrameTypeMask;

    /// <summary>The frame version (bits 12-13).</summary>
    public int Version => (FrameControl & VersionMask) >> 12;

    /// <summary>The destination addressing mode.</summary>
    public int DestinationMode => (FrameControl & DestinationModeMask) >> 10;

    /// <summary>The source addressing mode.</summary>
    public int SourceMode => (FrameControl & SourceModeMask) >> 14;

    /// <summary>True when the security bit is set (an auxiliary security header follows the addresses).</summary>
    public bool SecurityEnabled => (FrameControl & SecurityBit) != 0;

    /// <summary>True when header information elements follow the addresses.</summary>
    public bool IePresent => (FrameControl & IePresentBit) != 0;

    /// <summary>True when the sequence number is there (not suppressed by a 2015 frame).</summary>
    public bool HasSequenceNumber => !((FrameControl & SeqnoSuppressionBit) != 0 && Version == 2);

    /// <summary>Bytes of the MAC header (may be more than were captured).</summary>
    public int HeaderLength { get; }

    /// <summary>Offset of the destination PAN ID, or -1.</summary>
    public int DestinationPanAt { get; }

    /// <summary>Offset of the destination address, or -1.</summary>
    public int DestinationAt { get; }

    /// <summary>Offset of the source PAN ID, or -1.</summary>
    public int SourcePanAt { get; }

    /// <summary>Offset of the source address, or -1.</summary>
    public int SourceAt { get; }

    /// <summary>
    /// The interface identifier an address derives for 6LoWPAN (RFC 4944 section 6, RFC 6282): a long address with its
    /// universal/local bit flipped, or a short one as 0000:00ff:fe00:XXXX (PAN ID not used, as tshark 4.0 does). Writes
    /// 8 bytes; false when the address is absent or not captured.
    /// </summary>
    public bool TryInterfaceId(bool source, Span<byte> iid)
    {
        int mode = source ? SourceMode : DestinationMode, at = source ? SourceAt : DestinationAt;
        if (at < 0 || at + AddressLength(mode) > _bytes.Length)
            return false;
        if (mode == ModeLong)
        {
            for (int i = 0; i < 8; i++)
                iid[i] = _bytes[at + 7 - i];
            iid[0] ^= 0x02;
            return true;
        }
        iid.Clear();
        iid[3] = 0xFF;
        iid[4] = 0xFE;
        iid[6] = _bytes[at + 1];
        iid[7] = _bytes[at];
        return true;
    }
}
