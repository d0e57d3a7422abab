using System.Buffers.Binary;

namespace RawNet.Protocols.Juniper;

/// <summary>Juniper extension TLV types (Wireshark's and tcpdump's EXT_TLV_ values).</summary>
public enum JuniperExtensionType : byte
{
    DeviceInterfaceIndex = 1,
    DeviceInterfaceName = 2,
    DeviceMediaType = 3,
    LogicalInterfaceIndex = 4,
    LogicalUnit = 5,
    LogicalInterfaceEncapsulation = 6,
    TtpDeviceMediaType = 7,
    TtpLogicalInterfaceEncapsulation = 8,
}

/// <summary>
/// Which Juniper link type a header came from (kept in its layer's <see cref="Decoding.Layer.Detail"/>): what follows the
/// header, and the names tshark and tcpdump give it.
/// </summary>
public enum JuniperLink : byte
{
    /// <summary>LINKTYPE_JUNIPER_ETHER (178): Ethernet.</summary>
    Ethernet,
    /// <summary>LINKTYPE_JUNIPER_PPPOE (167): Ethernet, from a PPPoE PIC.</summary>
    Pppoe,
    /// <summary>LINKTYPE_JUNIPER_PPP (179): PPP; tshark skips two bytes (address and control) and reads the protocol field.</summary>
    Ppp,
    /// <summary>LINKTYPE_JUNIPER_FRELAY (180): Frame Relay.</summary>
    FrameRelay,
    /// <summary>LINKTYPE_JUNIPER_CHDLC (181): Cisco HDLC.</summary>
    CiscoHdlc,
    /// <summary>LINKTYPE_JUNIPER_VP (183): 18 bytes tshark skips, then IPv4 (tcpdump has no printer).</summary>
    VoicePic,
    /// <summary>LINKTYPE_JUNIPER_MLPPP (130): an AS, LS or ML PIC's cookie (or none), then PPP or what an AS cookie names.</summary>
    Mlppp,
    /// <summary>LINKTYPE_JUNIPER_MLFR (131): an AS, LS or ML PIC's cookie (or none), then OSI, Q.933 or what an AS cookie names.</summary>
    Mlfr,
    /// <summary>LINKTYPE_JUNIPER_GGSN (133): a little-endian protocol and VLAN, then that protocol's packet.</summary>
    Ggsn,
    /// <summary>LINKTYPE_JUNIPER_ATM2 (135): an 8-byte cookie, then a payload tshark guesses (OAM, LLC, Ethernet, PPP, OSI, IP).</summary>
    Atm2,
    /// <summary>LINKTYPE_JUNIPER_SERVICES (136): 16 bytes inbound, 12 outbound, then IPv4.</summary>
    Services,
    /// <summary>LINKTYPE_JUNIPER_ATM1 (137): a 4-byte cookie, then a payload tshark guesses (OAM, LLC, OSI, IP).</summary>
    Atm1,
    /// <summary>LINKTYPE_JUNIPER_VN (184): no "MGC" header, a vRouter's TLVs (<see cref="JuniperVirtualNetwork"/>), then Ethernet.</summary>
    VirtualNetwork,
    /// <summary>LINKTYPE_JUNIPER_ST (200): the header, a secure tunnel's Ethernet, IPv4 and ESP headers (<see cref="JuniperSecureTunnel"/>), then IP.</summary>
    SecureTunnel,
}

/// <summary>How a walk over Juniper extension TLVs ended.</summary>
public enum JuniperWalkEnd : byte
{
    /// <summary>Still walking, or no more than a TLV header's worth of the total length left: tshark's loop ends there.</summary>
    Done,
    /// <summary>A TLV length of 0, or one past what is left of the total: tshark stops reading TLVs without a word.</summary>
    Stopped,
    /// <summary>A TLV's header or value lies past the captured bytes: tshark's exception, before the payload.</summary>
    Cut,
}

/// <summary>
/// A view over the header a Juniper router writes before each packet it captures (LINKTYPE_JUNIPER_ETHER, 178, and
/// the other LINKTYPE_JUNIPER_ types): the magic "MGC", a flags byte, and with the extension flag a 16-bit total length
/// and TLVs of interface meta-data (JUNOS 7.5 and later). With the no-L2 flag, the link header was stripped: a 32-bit
/// payload type in the router's (little-endian) order comes before the packet. tshark reads only that type's low byte
/// (it keeps it in an 8-bit variable), so IPv4 is 2 or 3 and IPv6 6 or 7.
/// <code>
/// +-----+-----+-----+-------+---------------------+
/// | 'M' | 'G' | 'C' | flags | total length (2)    |  the length and TLVs with flag 0x80 only
/// +-----+-----+-----+-------+---------------------+
/// | type | length | value (length bytes) ...      |  one TLV; below type 128 its value is little-endian
/// +---------------------------------------------+
/// | payload type (4, LE)                         |  with flag 0x02 (no link header) only
/// +---------------------------------------------+
/// </code>
/// </summary>
public readonly ref struct JuniperHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Magic = 0;
        public const int Flags = 3;
        public const int ExtensionLength = 4;
        public const int Extensions = 6;
    }

    /// <summary>Flag bits.</summary>
    public static class Flags
    {
        public const byte In = 0x01;
        public const byte NoL2 = 0x02;
        public const byte Extensions = 0x80;
    }

    /// <summary>"MGC".</summary>
    public const uint Magic = 0x4D4743;

    /// <summary>Length of the magic number and flags.</summary>
    public const int Length = 4;

    /// <summary>Length of the magic, flags and extension length.</summary>
    public const int ExtendedLength = 6;

    /// <summary>Length of an extension TLV's type and length.</summary>
    public const int TlvHeaderLength = 2;

    /// <summary>Length of the payload type before a packet whose link header was stripped.</summary>
    public const int PayloadTypeLength = 4;

    /// <summary>Juniper's payload types (JUNIPER_PROTO_) that tshark's juniper.proto table hands on.</summary>
    public static class PayloadType
    {
        public const byte Ipv4 = 2;
        public const byte MplsIpv4 = 3;
        public const byte Ipv4Mpls = 4;
        public const byte Mpls = 5;
        public const byte Ipv6 = 6;
        public const byte MplsIpv6 = 7;
        public const byte Ipv6Mpls = 8;
        public const byte ClnpMpls = 32;
        public const byte Ppp = 200;
        public const byte FrameRelay = 207;
        public const byte CiscoHdlc = 208;
        public const byte Ethernet = 204;
        public const byte Iso = 201;
        public const byte Llc = 202;
        public const byte LlcSnap = 203;
        public const byte Oam = 205;
        public const byte Q933 = 206;
        /// <summary>What tshark's ATM guess shows when it finds nothing ("Unknown"): more than a byte, so never a table entry.</summary>
        public const ushort Unknown = 0xFFFF;
    }

    /// <summary>tshark's payload types that name a protocol RawNet does not decode there (OSI, CLNP, OAM, Q.933).</summary>
    public static bool IsOtherKnownPayload(int type) => type is 10 or 33 or 201 or 205 or 206;

    /// <summary>The Juniper link type of <paramref name="linkType"/> (Ethernet for any other).</summary>
    public static JuniperLink LinkOf(LinkType linkType) => linkType switch
    {
        LinkType.JuniperPppoe => JuniperLink.Pppoe,
        LinkType.JuniperPpp => JuniperLink.Ppp,
        LinkType.JuniperFrameRelay => JuniperLink.FrameRelay,
        LinkType.JuniperChdlc => JuniperLink.CiscoHdlc,
        LinkType.JuniperVp => JuniperLink.VoicePic,
        LinkType.JuniperMlppp => JuniperLink.Mlppp,
        LinkType.JuniperMlfr => JuniperLink.Mlfr,
        LinkType.JuniperGgsn => JuniperLink.Ggsn,
        LinkType.JuniperAtm2 => JuniperLink.Atm2,
        LinkType.JuniperServices => JuniperLink.Services,
        LinkType.JuniperAtm1 => JuniperLink.Atm1,
        LinkType.JuniperVn => JuniperLink.VirtualNetwork,
        LinkType.JuniperSt => JuniperLink.SecureTunnel,
        _ => JuniperLink.Ethernet,
    };

    /// <summary>tshark's Protocol column for a Juniper header of <paramref name="link"/>.</summary>
    public static string ProtocolName(JuniperLink link) => link switch
    {
        JuniperLink.Pppoe => "Juniper PPPoE",
        JuniperLink.Ppp => "Juniper PPP",
        JuniperLink.FrameRelay => "Juniper Frame-Relay",
        JuniperLink.CiscoHdlc => "Juniper C-HDLC",
        JuniperLink.VoicePic => "Juniper Voice PIC",
        JuniperLink.Mlppp => "Juniper MLPPP",
        JuniperLink.Mlfr => "Juniper MLFR",
        JuniperLink.Ggsn => "Juniper GGSN",
        JuniperLink.Atm2 => "Juniper ATM2",
        JuniperLink.Services => "Juniper Services",
        JuniperLink.Atm1 => "Juniper ATM1",
        JuniperLink.VirtualNetwork => "Juniper Virtual Network Information",
        JuniperLink.SecureTunnel => "Juniper Secure Tunnel Information",
        _ => "Juniper Ethernet",
    };

    /// <summary>tshark's text for the header's subtree (its Protocol column, but for the PICs that name it otherwise).</summary>
    public static string TreeName(JuniperLink link) => link switch
    {
        JuniperLink.Pppoe => "Juniper PPPoE PIC",
        JuniperLink.Mlfr => "Juniper Multi-Link Frame-Relay (FRF.15)",
        JuniperLink.Atm2 => "Juniper ATM2 PIC",
        JuniperLink.Services => "Juniper Services cookie",
        JuniperLink.Atm1 => "Juniper ATM1 PIC",
        _ => ProtocolName(link),
    };

    /// <summary>True for the link types whose header a cookie or a PIC's own header follows (<see cref="JuniperTail"/>).</summary>
    public static bool HasTail(JuniperLink link) => link is >= JuniperLink.Mlppp and <= JuniperLink.Atm1;

    /// <summary>True for the link types that start with the "MGC" header (all but VN).</summary>
    public static bool HasCommonHeader(JuniperLink link) => link != JuniperLink.VirtualNetwork;

    /// <summary>
    /// True when tshark shows the "MGC" header's fields of a layer of <paramref name="link"/> whose captured bytes are
    /// <paramref name="header"/>: not on VN, and on the secure tunnel only once its 70-byte subtree was captured.
    /// </summary>
    public static bool ShowsCommonHeader(JuniperLink link, ReadOnlySpan<byte> header) =>
        HasCommonHeader(link) && (link != JuniperLink.SecureTunnel || header.Length >= JuniperSecureTunnel.MinLength);

    /// <summary>tcpdump's name for the link type's printer, in "[|name]" when it runs out of bytes.</summary>
    public static string TcpdumpName(JuniperLink link) => link switch
    {
        JuniperLink.Pppoe => "juniper_pppoe",
        JuniperLink.Ppp => "juniper_ppp",
        JuniperLink.FrameRelay => "juniper_frelay",
        JuniperLink.CiscoHdlc => "juniper_chdlc",
        JuniperLink.Mlppp => "juniper_mlppp",
        JuniperLink.Mlfr => "juniper_mlfr",
        JuniperLink.Ggsn => "juniper_ggsn",
        JuniperLink.Atm2 => "juniper_atm2",
        JuniperLink.Services => "juniper_services",
        JuniperLink.Atm1 => "juniper_atm1",
        _ => "juniper_ether",
    };

    /// <summary>The payload type tshark shows for what follows a header of <paramref name="link"/> that has its link header.</summary>
    public static byte PayloadOf(JuniperLink link) => link switch
    {
        JuniperLink.Ppp => PayloadType.Ppp,
        JuniperLink.FrameRelay => PayloadType.FrameRelay,
        JuniperLink.CiscoHdlc => PayloadType.CiscoHdlc,
        JuniperLink.VoicePic => PayloadType.Ipv4,
        _ => PayloadType.Ethernet,
    };

    /// <summary>
    /// The payload type tshark's juniper.proto table is handed for a frame of <paramref name="link"/> whose captured bytes
    /// are <paramref name="bytes"/> (the stripped link header's type, the link's own, or the one a PIC's cookie or guess
    /// names, as the decoder finds it); -1 when the bytes end before it.
    /// </summary>
    public static int HandedPayloadType(JuniperLink link, ReadOnlySpan<byte> bytes)
    {
        if (!HasCommonHeader(link))
            return PayloadType.Ethernet;
        bool magic = HasMagic(bytes);
        int start = magic ? TsharkHeaderLength(bytes) : 0;
        if (magic && (bytes[Field.Flags] & Flags.NoL2) != 0)
            return start < bytes.Length ? bytes[start] : -1;
        if (link == JuniperLink.SecureTunnel)
            return magic ? JuniperSecureTunnel.Read(bytes, start).Type : -1;
        return HasTail(link) ? JuniperTail.Read(link, bytes, start).Type : PayloadOf(link);
    }

    /// <summary>The bytes tshark skips between the header and the payload for <paramref name="link"/>.</summary>
    public static int SkipOf(JuniperLink link) => link switch
    {
        JuniperLink.Ppp => PppSkip,
        JuniperLink.VoicePic => VoicePicSkip,
        _ => 0,
    };

    /// <summary>PPP's address and control, which tshark skips before PPP's protocol field.</summary>
    public const int PppSkip = 2;

    /// <summary>The Voice PIC's bytes before IPv4 ("an 18-byte empty header" to tshark).</summary>
    public const int VoicePicSkip = 18;

    private readonly ReadOnlySpan<byte> _bytes;

    private JuniperHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds the magic number and flags.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out JuniperHeader header)
    {
        header = bytes.Length >= Length ? new JuniperHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>True when <paramref name="bytes"/> starts with the magic and flags, and the magic is "MGC".</summary>
    public static bool HasMagic(ReadOnlySpan<byte> bytes) => bytes.Length >= Length && ReadMagic(bytes) == Magic;

    /// <summary>True when <paramref name="bytes"/> has the magic, and flags that announce extensions.</summary>
    public static bool HasExtensions(ReadOnlySpan<byte> bytes) => HasMagic(bytes) && (bytes[Field.Flags] & Flags.Extensions) != 0;

    private static uint ReadMagic(ReadOnlySpan<byte> bytes) => (uint)bytes[0] << 16 | BinaryPrimitives.ReadUInt16BigEndian(bytes[1..]);

    /// <summary>The magic number's 24 bits.</summary>
    public uint MagicNumber => ReadMagic(_bytes);

    /// <summary>True when the magic number is "MGC".</summary>
    public bool IsJuniper => MagicNumber == Magic;

    /// <summary>The flags byte.</summary>
    public byte FlagBits => _bytes[Field.Flags];

    /// <summary>True when the packet was received, false when sent.</summary>
    public bool Inbound => (FlagBits & Flags.In) != 0;

    /// <summary>True when the link header was stripped (a payload type follows the header instead).</summary>
    public bool NoL2 => (FlagBits & Flags.NoL2) != 0;

    /// <summary>True when the extension length and TLVs follow the flags.</summary>
    public bool Extended => (FlagBits & Flags.Extensions) != 0;

    /// <summary>
    /// The offset of what follows the header (the Ethernet frame, or the payload type) as tshark computes it, once the
    /// extension length is there: 4, or 6 plus the extension length, in 16 bits (tshark's hdr_len wraps).
    /// </summary>
    public static int TsharkHeaderLength(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= ExtendedLength && (bytes[Field.Flags] & Flags.Extensions) != 0
            ? (ushort)(ExtendedLength + BinaryPrimitives.ReadUInt16BigEndian(bytes[Field.ExtensionLength..]))
            : Length;

    /// <summary>The extensions' total length, when <see cref="Extended"/> and 6 bytes are there.</summary>
    public static ushort ExtensionLength(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadUInt16BigEndian(bytes[Field.ExtensionLength..]);

    /// <summary>
    /// An extension's value as tshark and tcpdump read it: 1 to 4 bytes, little-endian below type 128 and big-endian
    /// from it; any other size is -1 (0xffffffff as tshark's unsigned field shows it).
    /// </summary>
    public static uint ExtensionValue(byte type, ReadOnlySpan<byte> value)
    {
        bool little = type < 128;
        return value.Length switch
        {
            1 => value[0],
            2 => little ? BinaryPrimitives.ReadUInt16LittleEndian(value) : BinaryPrimitives.ReadUInt16BigEndian(value),
            3 => little ? (uint)(value[0] | value[1] << 8 | value[2] << 16) : (uint)(value[0] << 16 | value[1] << 8 | value[2]),
            4 => little ? BinaryPrimitives.ReadUInt32LittleEndian(value) : BinaryPrimitives.ReadUInt32BigEndian(value),
            _ => uint.MaxValue,
        };
    }
}

/// <summary>
/// The extension TLVs after a Juniper header as tshark 4.0 walks them (dissect_juniper_header): while more than a TLV
/// header's worth of the total length is left, a TLV whose length is neither 0 nor more than what is left, its bytes
/// captured. <see cref="End"/> says how the walk ended; each TLV moves on by 3 bytes or more and the total only shrinks,
/// so the walk ends, and a caller bounds it further by counting.
/// </summary>
public ref struct JuniperExtensions
{
    private readonly ReadOnlySpan<byte> _bytes;
    private int _left;
    private int _next;

    /// <summary>Walks the TLVs of the captured <paramref name="bytes"/> of a frame that has the extension length.</summary>
    public JuniperExtensions(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        _left = bytes.Length >= JuniperHeader.ExtendedLength ? JuniperHeader.ExtensionLength(bytes) : 0;
        _next = JuniperHeader.Field.Extensions;
        End = JuniperWalkEnd.Done;
    }

    /// <summary>Offset of the current TLV (of its type byte).</summary>
    public int Offset { get; private set; }

    /// <summary>The current TLV's type.</summary>
    public byte Type { get; private set; }

    /// <summary>The current TLV's value length.</summary>
    public int ValueLength { get; private set; }

    /// <summary>Offset where the walk reads the next TLV; where it needed bytes the capture did not keep, once it was cut.</summary>
    public readonly int Next => _next;

    /// <summary>How the walk ended, once <see cref="MoveNext"/> returned false.</summary>
    public JuniperWalkEnd End { get; private set; }

    /// <summary>The current TLV's value.</summary>
    public readonly ReadOnlySpan<byte> Value => _bytes.Slice(Offset + JuniperHeader.TlvHeaderLength, ValueLength);

    /// <summary>The current TLV's value as tshark reads it (<see cref="JuniperHeader.ExtensionValue"/>).</summary>
    public readonly uint Number => JuniperHeader.ExtensionValue(Type, Value);

    /// <summary>Moves to the next TLV; false when there is none to read (see <see cref="End"/>).</summary>
    public bool MoveNext()
    {
        if (End != JuniperWalkEnd.Done || _left <= JuniperHeader.TlvHeaderLength)
            return false;
        // tshark reads the type and the length, gives up quietly on a length of 0 or one past the total, then adds the
        // TLV's subtree over its bytes, which must have been captured.
        if (_bytes.Length - _next < JuniperHeader.TlvHeaderLength)
            return Stop(JuniperWalkEnd.Cut, Math.Min(_next, _bytes.Length));
        int length = _bytes[_next + 1];
        if (length == 0 || length > _left - JuniperHeader.TlvHeaderLength)
            return Stop(JuniperWalkEnd.Stopped, _next);
        if (_bytes.Length - _next < JuniperHeader.TlvHeaderLength + length)
            return Stop(JuniperWalkEnd.Cut, _next);
        Offset = _next;
        Type = _bytes[_next];
        ValueLength = length;
        _next += JuniperHeader.TlvHeaderLength + length;
        _left -= JuniperHeader.TlvHeaderLength + length;
        return true;
    }

    /// <summary>
    /// Where the bytes a cut walk needed end: one past the first byte of a TLV header the capture lost, or the end of the
    /// TLV whose value it lost (past the packet's end, tshark's exception says malformed; else the capture cut it).
    /// </summary>
    public readonly int NeededEnd => End != JuniperWalkEnd.Cut ? _next
        : _bytes.Length - _next < JuniperHeader.TlvHeaderLength ? _bytes.Length + 1
        : _next + JuniperHeader.TlvHeaderLength + _bytes[_next + 1];

    private bool Stop(JuniperWalkEnd end, int at)
    {
        End = end;
        _next = at;
        return false;
    }
}
