using System.Buffers.Binary;

namespace RawNet.Protocols.Ieee80211;

/// <summary>An 802.11 frame's type (frame control bits 2-3).</summary>
public enum Ieee80211FrameType : byte
{
    Management = 0,
    Control = 1,
    Data = 2,
    Extension = 3,
}

/// <summary>What an address field of an 802.11 header stands for, as tshark names it (wlan.da, wlan.sa, wlan.bssid, wlan.staa).</summary>
public enum Ieee80211AddressRole : byte
{
    Transmitter,
    Destination,
    Source,
    Bssid,
    Station,
}

/// <summary>
/// A view over an IEEE 802.11 MAC header (IEEE 802.11-2020 9.2.3), as far as RawNet reads it: frame control, duration,
/// up to four addresses as the ToDS/FromDS bits place them, sequence control, QoS control and HT control. Multi-byte
/// fields are little-endian.
/// <code>
/// +----+----+--------+----------+----------+----------+--------+----------+------+---------+
/// | FC (2)  |duration| addr1 (6)| addr2 (6)| addr3 (6)| seq (2)| addr4 (6)| QoS  | HT (4)  |
/// |type flag|  (2)   |          |          |          |        | ToDS+    | (2)  | QoS and |
/// |         |        |          |          |          |        | FromDS   |      | Order   |
/// +----+----+--------+----------+----------+----------+--------+----------+------+---------+
/// </code>
/// Control frames stop after addr1 (CTS, ACK) or addr2; management frames have no addr4 and no QoS.
/// </summary>
public readonly ref struct Ieee80211Header
{
    /// <summary>Byte offsets of the fields every header places alike.</summary>
    public static class Field
    {
        public const int TypeAndSubtype = 0;
        public const int Flags = 1;
        public const int Duration = 2;
        public const int Address1 = 4;
        public const int Address2 = 10;
        public const int Address3 = 16;
        public const int SequenceControl = 22;
        public const int Address4 = 24;
    }

    /// <summary>Bits of the frame control's flags byte.</summary>
    public static class FlagBits
    {
        public const byte ToDs = 0x01;
        public const byte FromDs = 0x02;
        public const byte MoreFragments = 0x04;
        public const byte Protected = 0x40;
        public const byte Order = 0x80;
    }

    /// <summary>Length of the frame control field: what must be there to know the rest of the header's length.</summary>
    public const int FrameControlLength = 2;

    /// <summary>Length of a management or data header without addr4, QoS and HT control.</summary>
    public const int BasicLength = 24;

    /// <summary>Length of the QoS control field.</summary>
    public const int QosLength = 2;

    /// <summary>Length of the HT control field.</summary>
    public const int HtControlLength = 4;

    /// <summary>Length of the frame check sequence at the end of a frame.</summary>
    public const int FcsLength = 4;

    /// <summary>The QoS control bit that says the body is an A-MSDU, not one MSDU.</summary>
    public const byte AmsduPresent = 0x80;

    /// <summary>The QoS control bit that ends a service period (in frames from an access point).</summary>
    public const byte EndOfServicePeriod = 0x10;

    /// <summary>The WEP IV and key ID that start a protected body, and the ICV that ends a WEP one.</summary>
    public const int WepIvLength = 4, WepIcvLength = 4;

    /// <summary>The CCMP or TKIP header that starts a protected body whose key ID byte has the Extended IV bit.</summary>
    public const int ExtendedIvLength = 8;

    /// <summary>The Extended IV bit of the key ID byte (the fourth byte of a protected body).</summary>
    public const byte ExtendedIv = 0x20;

    private readonly ReadOnlySpan<byte> _bytes;

    private Ieee80211Header(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds the frame control field.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out Ieee80211Header header)
    {
        header = bytes.Length >= FrameControlLength ? new Ieee80211Header(bytes) : default;
        return bytes.Length >= FrameControlLength;
    }

    /// <summary>The protocol version (frame control bits 0-1): 0 is the MAC header described here.</summary>
    public int Version => _bytes[Field.TypeAndSubtype] & 0x3;

    /// <summary>The frame's type.</summary>
    public Ieee80211FrameType Type => (Ieee80211FrameType)((_bytes[Field.TypeAndSubtype] >> 2) & 0x3);

    /// <summary>The subtype (frame control bits 4-7).</summary>
    public int Subtype => _bytes[Field.TypeAndSubtype] >> 4;

    /// <summary>The flags byte of the frame control field.</summary>
    public byte Flags => _bytes[Field.Flags];

    /// <summary>The DS bits: 0 none, 1 ToDS, 2 FromDS, 3 both (four addresses).</summary>
    public int DsBits => Flags & (FlagBits.ToDs | FlagBits.FromDs);

    /// <summary>True for a PS-Poll, whose duration field is an association ID instead.</summary>
    public bool IsPsPoll => Type == Ieee80211FrameType.Control && Subtype == 10;

    /// <summary>
    /// Whether <paramref name="bytes"/> (a header) has a duration field as tshark shows it: a PS-Poll's is an association
    /// ID when its top two bits are set, and tshark reads it by its value then.
    /// </summary>
    public static bool HasDurationField(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= Field.Duration + 2 && TryRead(bytes, out var header) && (!header.IsPsPoll || (BinaryPrimitives.ReadUInt16LittleEndian(bytes[Field.Duration..]) & 0xC000) != 0xC000);

    /// <summary>True when more fragments of the same MSDU or MMPDU follow.</summary>
    public bool HasMoreFragments => (Flags & FlagBits.MoreFragments) != 0;

    /// <summary>True when the body is encrypted.</summary>
    public bool IsProtected => (Flags & FlagBits.Protected) != 0;

    /// <summary>True for a data frame of a QoS subtype (subtype bit 3).</summary>
    public bool HasQos => Type == Ieee80211FrameType.Data && (Subtype & 0x8) != 0;

    /// <summary>True for a data frame of a subtype that carries no body ("Null", subtype bit 2).</summary>
    public bool HasNoBody => Type == Ieee80211FrameType.Data && (Subtype & 0x4) != 0;

    /// <summary>True when the header ends in an HT control field: a QoS data or a management frame with the Order bit.</summary>
    public bool HasHtControl => (Flags & FlagBits.Order) != 0 && (HasQos || Type == Ieee80211FrameType.Management);

    /// <summary>Offset of the QoS control field (valid when <see cref="HasQos"/>).</summary>
    public int QosOffset => DsBits == 3 ? Field.Address4 + 6 : BasicLength;

    /// <summary>The header's length as its frame control says (for the extension type, as far as tshark reads it: the receiver address).</summary>
    public int Length => Type switch
    {
        Ieee80211FrameType.Management => BasicLength + (HasHtControl ? HtControlLength : 0),
        Ieee80211FrameType.Control => ControlLength(Subtype),
        Ieee80211FrameType.Data => QosOffset + (HasQos ? QosLength : 0) + (HasHtControl ? HtControlLength : 0),
        _ => Field.Address2,
    };

    /// <summary>
    /// The offset of the address tshark names <paramref name="role"/> in a data or management frame, or -1 when the
    /// header has none (a data frame with both DS bits has no BSSID).
    /// </summary>
    public int AddressOf(Ieee80211AddressRole role)
    {
        if (Type == Ieee80211FrameType.Control)
        {
            // CF-End names its second address the BSSID, PS-Poll its first; the others name the second the transmitter.
            bool cfEnd = Subtype is 14 or 15;
            return role switch
            {
                Ieee80211AddressRole.Transmitter when !cfEnd && Length > Field.Address2 => Field.Address2,
                Ieee80211AddressRole.Bssid when cfEnd => Field.Address2,
                Ieee80211AddressRole.Bssid when IsPsPoll => Field.Address1,
                _ => -1,
            };
        }
        if (role == Ieee80211AddressRole.Transmitter)
            return Type == Ieee80211FrameType.Extension ? -1 : Field.Address2;
        if (Type == Ieee80211FrameType.Management)
        {
            return role switch
            {
                Ieee80211AddressRole.Destination => Field.Address1,
                Ieee80211AddressRole.Source => Field.Address2,
                Ieee80211AddressRole.Bssid => Field.Address3,
                _ => -1,
            };
        }
        if (Type != Ieee80211FrameType.Data)
            return -1;
        return (DsBits, role) switch
        {
            (0, Ieee80211AddressRole.Destination) => Field.Address1,
            (0, Ieee80211AddressRole.Source) => Field.Address2,
            (0, Ieee80211AddressRole.Bssid) => Field.Address3,
            (1, Ieee80211AddressRole.Destination) => Field.Address3,
            (1, Ieee80211AddressRole.Source) => Field.Address2,
            (1, Ieee80211AddressRole.Bssid) => Field.Address1,
            (1, Ieee80211AddressRole.Station) => Field.Address2,
            (2, Ieee80211AddressRole.Destination) => Field.Address1,
            (2, Ieee80211AddressRole.Source) => Field.Address3,
            (2, Ieee80211AddressRole.Bssid) => Field.Address2,
            (2, Ieee80211AddressRole.Station) => Field.Address1,
            (3, Ieee80211AddressRole.Destination) => Field.Address3,
            (3, Ieee80211AddressRole.Source) => Field.Address4,
            _ => -1,
        };
    }

    /// <summary>The control frame header lengths: CTS and ACK carry one address, the rest two (tshark's table).</summary>
    private static int ControlLength(int subtype) => subtype switch
    {
        12 or 13 => Field.Address2,
        _ => Field.Address3,
    };

    /// <summary>
    /// How much of the header tshark needs before it shows the addresses after the first (and all the header's fields,
    /// when the frame has no FCS to bound it): through sequence control, or for a control frame its whole header.
    /// </summary>
    public int AddressesNeed => Type == Ieee80211FrameType.Control ? Length : Math.Min(Length, Field.SequenceControl + 2);

    /// <summary>The header's length without the HT control field: what tshark needs before it shows any field of a frame without an FCS.</summary>
    public int LengthBeforeHtControl => Length - (HasHtControl ? HtControlLength : 0);

    /// <summary>The sequence control word (little-endian), which the caller knows is there.</summary>
    public ushort SequenceControl => BinaryPrimitives.ReadUInt16LittleEndian(_bytes[Field.SequenceControl..]);
}
