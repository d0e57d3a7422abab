using System.Buffers.Binary;

namespace RawNet.Protocols.Juniper;

/// <summary>Which of tshark's cookie fields a Juniper PIC's cookie shows as.</summary>
public enum JuniperCookieKind : byte
{
    /// <summary>No cookie field.</summary>
    None,
    /// <summary>juniper.atm1.cookie: 32 bits.</summary>
    Atm1,
    /// <summary>juniper.atm2.cookie: 64 bits.</summary>
    Atm2,
    /// <summary>juniper.mlpic.cookie: an ML PIC's 16 bits.</summary>
    MlPic,
    /// <summary>juniper.lspic.cookie: an LS PIC's 32 bits (its first byte 0x54).</summary>
    LsPic,
    /// <summary>juniper.aspic.cookie: an AS PIC's 64 bits (its first byte 0x40 or 0x47).</summary>
    AsPic,
}

/// <summary>
/// What tshark 4.0 reads after the Juniper header of the PIC link types (packet-juniper.c: dissect_juniper_mlppp,
/// _mlfr, _ggsn, _atm with ATM1 and ATM2, _svcs), in its order: the cookie or the PIC's header, the fields it adds, and
/// the payload type and offset it hands on. Every value is read from the captured bytes; a read past them ends the walk
/// with <see cref="Needed"/> set and the fields added before it kept (tshark's exception). -1 marks a field not added.
/// </summary>
public readonly record struct JuniperTail
{
    /// <summary>Where the bytes a read past the capture needed end, or 0 when every read was captured.</summary>
    public int Needed { get; init; }
    public JuniperCookieKind Cookie { get; init; }
    public int CookieOffset { get; init; }
    public ulong CookieValue { get; init; }
    /// <summary>juniper.cookie_len (MLPPP and MLFR only), generated at <see cref="CookieLengthOffset"/>.</summary>
    public int CookieLength { get; init; }
    public int CookieLengthOffset { get; init; }
    /// <summary>juniper.proto (GGSN's little-endian protocol, the services PIC's IPv4 inbound), 2 bytes at <see cref="ProtoOffset"/>.</summary>
    public int Proto { get; init; }
    public int ProtoOffset { get; init; }
    /// <summary>juniper.vlan (GGSN), 2 little-endian bytes after the protocol.</summary>
    public int Vlan { get; init; }
    /// <summary>juniper.encap_type (the ATM guess: 0 PPP VC-MUX, 1 Cisco NLPID, 2 IP VC-MUX).</summary>
    public int Encap { get; init; }
    public int EncapOffset { get; init; }
    public int EncapLength { get; init; }
    /// <summary>The payload type tshark hands on (16 bits; <see cref="JuniperHeader.PayloadType.Unknown"/> when the ATM guess failed).</summary>
    public int Type { get; init; }
    /// <summary>Where the payload starts (and the generated payload type sits).</summary>
    public int Payload { get; init; }

    /// <summary>Byte 3 of the frame, which tshark reads as flags whether or not the magic is there.</summary>
    private const int FlagsAt = 3;

    /// <summary>
    /// tshark's reading of <paramref name="bytes"/> (the captured frame) after the header, which ended at
    /// <paramref name="start"/> (0 without the magic), for <paramref name="link"/> (one <see cref="JuniperHeader.HasTail"/> is true of).
    /// </summary>
    public static JuniperTail Read(JuniperLink link, ReadOnlySpan<byte> bytes, int start)
    {
        byte flags = bytes.Length > FlagsAt ? bytes[FlagsAt] : (byte)0;
        var none = new JuniperTail { CookieLength = -1, Proto = -1, Vlan = -1, Encap = -1, Type = -1 };
        return link switch
        {
            JuniperLink.Ggsn => Ggsn(none, bytes, start),
            JuniperLink.Services => Services(none, bytes, start, flags),
            JuniperLink.Atm1 or JuniperLink.Atm2 => Atm(none, bytes, start, flags, link == JuniperLink.Atm1),
            JuniperLink.Mlppp => Mlppp(none, bytes, start, flags),
            _ => Mlfr(none, bytes, start, flags),
        };
    }

    private static JuniperTail Ggsn(JuniperTail t, ReadOnlySpan<byte> b, int o)
    {
        if (b.Length < o + 2)
            return t with { Needed = o + 2 };
        t = t with { Proto = BinaryPrimitives.ReadUInt16LittleEndian(b[o..]), ProtoOffset = o };
        if (b.Length < o + 4)
            return t with { Needed = o + 4 };
        return t with { Vlan = BinaryPrimitives.ReadUInt16LittleEndian(b[(o + 2)..]), Type = t.Proto, Payload = o + 4 };
    }

    private static JuniperTail Services(JuniperTail t, ReadOnlySpan<byte> b, int o, byte flags)
    {
        if ((flags & JuniperHeader.Flags.In) == 0)
            return t with { Type = JuniperHeader.PayloadType.Ipv4, Payload = o + 12 };
        // The protocol is a constant tshark shows without reading it: shown even where nothing was captured.
        return t with { Proto = JuniperHeader.PayloadType.Ipv4, ProtoOffset = o, Type = JuniperHeader.PayloadType.Ipv4, Payload = o + 16 };
    }

    private static JuniperTail Atm(JuniperTail t, ReadOnlySpan<byte> b, int o, byte flags, bool atm1)
    {
        // Both the 32- and the 64-bit cookie are read before either is shown, ATM1's too.
        if (b.Length < o + 8)
            return t with { Needed = o + 8 };
        uint cookie1 = BinaryPrimitives.ReadUInt32BigEndian(b[o..]);
        ulong cookie2 = BinaryPrimitives.ReadUInt64BigEndian(b[o..]);
        bool oam = atm1 ? cookie1 >> 24 == 0x80 : (cookie2 & 0x70) != 0;
        t = t with { Cookie = atm1 ? JuniperCookieKind.Atm1 : JuniperCookieKind.Atm2, CookieOffset = o, CookieValue = atm1 ? cookie1 : cookie2 };
        // tshark skips only 4 bytes of ATM2's cookie under the no-L2 flag, which it reaches only without the magic.
        o += atm1 || (flags & JuniperHeader.Flags.NoL2) != 0 ? 4 : 8;
        if (oam)
            return t with { Type = JuniperHeader.PayloadType.Oam, Payload = o };
        if (b.Length < o + 3)
            return t with { Needed = o + 3 };
        int first3 = b[o] << 16 | b[o + 1] << 8 | b[o + 2];
        if (first3 == 0xFEFE03)
            return t with { Type = JuniperHeader.PayloadType.Llc, Payload = o };
        if (first3 == 0xAAAA03)
            return t with { Type = JuniperHeader.PayloadType.LlcSnap, Payload = o };
        if (!atm1 && (flags & JuniperHeader.Flags.In) == 0 && (cookie1 & 0x3F) != 0)
            return t with { Type = JuniperHeader.PayloadType.Ethernet, Payload = o };
        if (!atm1 && IsPppGuess(BinaryPrimitives.ReadUInt16BigEndian(b[o..])))
            return t with { Encap = 0, EncapOffset = o, Type = JuniperHeader.PayloadType.Ppp, Payload = o };
        if (b[o] == 0x03)
            return t with { Encap = 1, EncapOffset = o, EncapLength = 1, Type = JuniperHeader.PayloadType.Iso, Payload = o + 1 };
        int ip = IpGuess(b[o]);
        if (ip != 0)
            return t with { Encap = 2, EncapOffset = o, Type = ip, Payload = o };
        return t with { Type = JuniperHeader.PayloadType.Unknown, Payload = o };
    }

    private static JuniperTail Mlppp(JuniperTail t, ReadOnlySpan<byte> b, int o, byte flags)
    {
        if (!TryServiceCookie(ref t, b, o, flags, mlppp: true, out int proto, out int length))
            return t;
        // No cookie the service PICs write: guess from what follows.
        if (length == 0 && BinaryPrimitives.ReadUInt16BigEndian(b[o..]) == 0xFF03)
        {
            proto = JuniperHeader.PayloadType.Ppp;
            o += 2;
        }
        if (length == 0 && IsPppGuess(BinaryPrimitives.ReadUInt16BigEndian(b[(o + 2)..])))
        {
            proto = JuniperHeader.PayloadType.Ppp;
            length = 2;
            t = t with { Cookie = JuniperCookieKind.MlPic, CookieOffset = o, CookieValue = BinaryPrimitives.ReadUInt16BigEndian(b[o..]) };
        }
        if (length == 0 && IsPppGuess(BinaryPrimitives.ReadUInt16BigEndian(b[o..])))
            proto = JuniperHeader.PayloadType.Ppp;
        return t with { CookieLength = length, CookieLengthOffset = o, Type = proto, Payload = o + length };
    }

    private static JuniperTail Mlfr(JuniperTail t, ReadOnlySpan<byte> b, int o, byte flags)
    {
        if (!TryServiceCookie(ref t, b, o, flags, mlppp: false, out int proto, out int length))
            return t;
        o += length;
        if (b.Length < o + 2)
            return t with { Needed = o + 2 };
        ushort ml = BinaryPrimitives.ReadUInt16BigEndian(b[o..]);
        const byte ui = 0x03;
        if (length == 8 && proto == 0 && b[o] == ui)
        {
            o += 1;
            proto = JuniperHeader.PayloadType.Iso;
        }
        if (length == 4 && BinaryPrimitives.ReadUInt16BigEndian(b[o..]) is ui or ui << 8)
            o += 2;
        if (length == 4)
        {
            if (b.Length < o + 1)
                return t with { Needed = o + 1 };
            if (b[o] == ui)
                o += 1;
        }
        if (length == 0 && BinaryPrimitives.ReadUInt16BigEndian(b[(o + 2)..]) == (ui << 8 | 0x08))
        {
            length = 2;
            t = t with { Cookie = JuniperCookieKind.MlPic, CookieOffset = o, CookieValue = ml };
            o += 3;
            proto = JuniperHeader.PayloadType.Q933;
        }
        if (length == 0 && BinaryPrimitives.ReadUInt16BigEndian(b[(o + 2)..]) is ui or ui << 8)
        {
            length = 2;
            t = t with { Cookie = JuniperCookieKind.MlPic, CookieOffset = o, CookieValue = ml };
            o += 4;
            proto = JuniperHeader.PayloadType.Iso;
        }
        if (length == 0 && b[o + 2] == ui)
        {
            length = 2;
            t = t with { Cookie = JuniperCookieKind.MlPic, CookieOffset = o, CookieValue = ml };
            o += 3;
            proto = JuniperHeader.PayloadType.Iso;
        }
        return t with { CookieLength = length, CookieLengthOffset = o, Type = proto, Payload = o };
    }

    /// <summary>
    /// The 8 bytes MLPPP and MLFR read first: the AS or LS cookie tshark finds there (its field added to
    /// <paramref name="t"/>), its length (0 for neither) and the protocol it names; false when they were not captured.
    /// </summary>
    private static bool TryServiceCookie(ref JuniperTail t, ReadOnlySpan<byte> b, int o, byte flags, bool mlppp, out int proto, out int length)
    {
        proto = length = 0;
        if (b.Length < o + 8)
        {
            t = t with { Needed = o + 8 };
            return false;
        }
        ulong cookie = BinaryPrimitives.ReadUInt64BigEndian(b[o..]);
        proto = ServiceCookieProto(cookie, mlppp, flags);
        length = ServiceCookieLength(cookie);
        if (length == AsCookieLength)
            t = t with { Cookie = JuniperCookieKind.AsPic, CookieOffset = o, CookieValue = cookie };
        else if (length == LsCookieLength)
            t = t with { Cookie = JuniperCookieKind.LsPic, CookieOffset = o, CookieValue = BinaryPrimitives.ReadUInt32BigEndian(b[o..]) };
        return true;
    }

    private const int AsCookieLength = 8, LsCookieLength = 4;

    /// <summary>An LS PIC's cookie starts with 0x54, an AS PIC's with 0x40 or 0x47 (tshark's juniper_svc_cookie_len).</summary>
    private static int ServiceCookieLength(ulong cookie) => (cookie >> 56) switch
    {
        0x54 => LsCookieLength,
        0x40 or 0x47 => AsCookieLength,
        _ => 0,
    };

    /// <summary>
    /// tshark's juniper_svc_cookie_proto: an LS cookie means PPP (MLPPP) or OSI (MLFR); an AS cookie's byte 5 names IPv4,
    /// IPv6, MPLS or OSI, IPv4 read as PPP on MLPPP when inbound unless byte 4's direction bits are both set, and as
    /// nothing on MLFR when they are.
    /// </summary>
    private static int ServiceCookieProto(ulong cookie, bool mlppp, byte flags)
    {
        int id = (int)(cookie >> 56);
        int l3 = (int)(cookie >> 16) & 0xF0;
        int direction = (int)(cookie >> 24) & 0x3;
        if (id == 0x54)
            return mlppp ? JuniperHeader.PayloadType.Ppp : JuniperHeader.PayloadType.Iso;
        if (id is not (0x40 or 0x47))
            return 0;
        return l3 switch
        {
            0x00 when mlppp => (flags & JuniperHeader.Flags.In) != 0 && direction != 3 ? JuniperHeader.PayloadType.Ppp : JuniperHeader.PayloadType.Ipv4,
            0x00 => direction == 3 ? 0 : JuniperHeader.PayloadType.Ipv4,
            0x10 => JuniperHeader.PayloadType.Ipv6,
            0x20 => JuniperHeader.PayloadType.Mpls,
            0x30 => JuniperHeader.PayloadType.Iso,
            _ => 0,
        };
    }

    /// <summary>The PPP protocols Juniper's PICs carry (tshark's and tcpdump's ppp_heuristic_guess).</summary>
    public static bool IsPppGuess(ushort protocol) => protocol is 0x0021 or 0x0023 or 0x0281 or 0x0283 or 0x8021 or 0x8023
        or 0x8281 or 0xC021 or 0xC023 or 0xC223 or 0x003D or 0x0057 or 0x8057;

    /// <summary>tshark's ip_heuristic_guess: IPv4 (2) for a first byte 0x45 to 0x4f, IPv6 (6) for 0x60 to 0x6f, else 0.</summary>
    public static int IpGuess(byte first) => first switch
    {
        >= 0x45 and <= 0x4F => JuniperHeader.PayloadType.Ipv4,
        >= 0x60 and <= 0x6F => JuniperHeader.PayloadType.Ipv6,
        _ => 0,
    };
}
