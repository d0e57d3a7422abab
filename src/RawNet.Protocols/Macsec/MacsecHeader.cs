using System.Buffers.Binary;

namespace RawNet.Protocols.Macsec;

/// <summary>
/// A view over an IEEE 802.1AE MACsec security tag (SecTAG), after the 0x88E5 EtherType: the TCI and association number,
/// the short length, the packet number and, when the SC bit is set, the secure channel identifier. The secure data
/// follows it and a 16-byte ICV ends the frame; in a frame neither encrypted nor changed (E and C clear) the secure data
/// is the user data: an EtherType and what it names.
/// <code>
/// +----------------+----------------+-----------------------------------+
/// | TCI (6) AN (2) | 00 + SL (6)    |          Packet Number (32)       |
/// +----------------+----------------+-----------------------------------+
/// |            Secure Channel Identifier (64, when SC is set)           |
/// +---------------------------------------------------------------------+
/// </code>
/// </summary>
public readonly ref struct MacsecHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int TciAn = 0;
        public const int ShortLength = 1;
        public const int PacketNumber = 2;
        public const int SystemIdentifier = 6;
        public const int PortIdentifier = 12;
    }

    /// <summary>Bits of the TCI/AN byte.</summary>
    public static class Mask
    {
        public const byte Tci = 0xFC;
        public const byte Version = 0x80;
        public const byte EndStation = 0x40;
        public const byte SecureChannel = 0x20;
        public const byte SingleCopyBroadcast = 0x10;
        public const byte Encrypted = 0x08;
        public const byte Changed = 0x04;
        public const byte AssociationNumber = 0x03;
        public const byte ShortLength = 0x3F;
    }

    /// <summary>Length of the SecTAG without and with the SCI.</summary>
    public const int Length = 6, SciLength = 14;

    /// <summary>Length of the integrity check value that ends the frame (the default cipher suite's).</summary>
    public const int IcvLength = 16;

    /// <summary>Length of the EtherType at the start of unmodified secure data.</summary>
    public const int EtherTypeLength = 2;

    private readonly ReadOnlySpan<byte> _bytes;

    private MacsecHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if the whole SecTAG (with the SCI its TCI announces) is there.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out MacsecHeader header)
    {
        bool whole = bytes.Length >= 1 && bytes.Length >= LengthOf(bytes[Field.TciAn]);
        header = whole ? new MacsecHeader(bytes) : default;
        return whole;
    }

    /// <summary>The SecTAG's length for a TCI/AN byte: 14 with the SCI, else 6.</summary>
    public static int LengthOf(byte tciAn) => (tciAn & Mask.SecureChannel) != 0 ? SciLength : Length;

    /// <summary>The TCI/AN byte.</summary>
    public byte TciAn => _bytes[Field.TciAn];

    /// <summary>The SecTAG's length.</summary>
    public int HeaderLength => LengthOf(TciAn);

    /// <summary>True when the SCI is present (the SC bit).</summary>
    public bool HasSci => (TciAn & Mask.SecureChannel) != 0;

    /// <summary>True for version 0, the only one there is (tshark and tcpdump reject the rest).</summary>
    public bool IsVersionZero => (TciAn & Mask.Version) == 0;

    /// <summary>True when the secure data is not the user data as sent: encrypted (E) or changed (C).</summary>
    public bool IsConfidential => (TciAn & (Mask.Encrypted | Mask.Changed)) != 0;

    /// <summary>The association number (2 bits).</summary>
    public int AssociationNumber => TciAn & Mask.AssociationNumber;

    /// <summary>The short length byte as sent (its top two bits should be 0): the secure data's length when below 48, else 0.</summary>
    public byte ShortLength => _bytes[Field.ShortLength];

    /// <summary>The packet number.</summary>
    public uint PacketNumber => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.PacketNumber..]);

    /// <summary>The SCI as one 64-bit number (valid with <see cref="HasSci"/>).</summary>
    public ulong Sci => BinaryPrimitives.ReadUInt64BigEndian(_bytes[Field.SystemIdentifier..]);

    /// <summary>
    /// True for a SecTAG tshark 4.0 takes as MACsec: version 0, with more captured after its start than the SecTAG and an
    /// ICV (<paramref name="captured"/>); anything else it leaves as data.
    /// </summary>
    public static bool IsDissectable(ReadOnlySpan<byte> captured) =>
        captured.Length >= 1 && (captured[Field.TciAn] & Mask.Version) == 0 && captured.Length > LengthOf(captured[Field.TciAn]) + IcvLength;

    /// <summary>
    /// Where encrypted or changed secure data ends, from the SecTAG's start, as tshark 4.0 finds it: all but the ICV of
    /// the <paramref name="captured"/> bytes (it reads neither the short length nor the reported length).
    /// </summary>
    public int SecureDataEnd(int captured) => captured - IcvLength;
}
