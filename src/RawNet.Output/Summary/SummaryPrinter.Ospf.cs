using System.Buffers.Binary;
using RawNet.Protocols.Ospf;

namespace RawNet.Output.Summary;

public sealed partial class SummaryPrinter
{
    // --- OSPF ---

    /// <summary>
    /// tcpdump's ospf_print (over IPv4) and ospf6_print (over IPv6), their first line: "OSPFv2, Hello, length 44", the
    /// length the IP payload's (less an MD5 digest's 16 bytes over IPv4), "unknown LS-type 9" or "unknown packet type (9)"
    /// for other types; " [|ospf2]" or " [|ospf3]" when the bytes it reads first (IPv4: the authentication type at 14,
    /// IPv6: the type) were not captured. With -v over IPv4 the lines of ospf_print and ospf_decode_v2 follow
    /// (<see cref="AppendOspfVerbose"/>), over IPv6 ospf6_print's (<see cref="AppendOspf6Verbose"/>).
    /// </summary>
    private void AppendOspf(ReadOnlySpan<byte> bytes, int length, bool v6)
    {
        var line = _line;
        uint printed = (uint)length;
        if (!v6)
        {
            if (bytes.Length < OspfHeader.Field.AuthType + 2)
            {
                line.Append(" [|ospf2]");
                return;
            }
            if (BinaryPrimitives.ReadUInt16BigEndian(bytes[OspfHeader.Field.AuthType..]) == OspfHeader.AuthCrypt)
            {
                // tcpdump strips the digest from the length and from the captured bytes before anything else.
                printed -= 16;
                bytes = bytes[..Math.Max(0, bytes.Length - 16)];
                if (bytes.Length < 2)
                {
                    line.Append(" [|ospf2]");
                    return;
                }
            }
        }
        else if (bytes.Length < 2)
        {
            line.Append(" [|ospf3]");
            return;
        }
        byte type = bytes[OspfHeader.Field.Type];
        line.Append("OSPFv");
        line.Append((ulong)bytes[OspfHeader.Field.Version]);
        line.Append(", ");
        switch (type)
        {
            case OspfHeader.TypeHello: line.Append("Hello"); break;
            case OspfHeader.TypeDbDescription: line.Append("Database Description"); break;
            case OspfHeader.TypeLsRequest: line.Append("LS-Request"); break;
            case OspfHeader.TypeLsUpdate: line.Append("LS-Update"); break;
            case OspfHeader.TypeLsAck: line.Append("LS-Ack"); break;
            default:
                line.Append(v6 ? "unknown packet type (" : "unknown LS-type ");
                line.Append((ulong)type);
                if (v6)
                    line.Append(')');
                break;
        }
        line.Append(", length ");
        line.Append((ulong)printed);
        if (!_verbose || type is < OspfHeader.TypeHello or > OspfHeader.TypeLsAck)
            return;
        if (v6 ? !AppendOspf6Verbose(bytes, printed) : !AppendOspfVerbose(bytes, printed))
            line.Append(v6 ? " [|ospf3]" : " [|ospf2]");
    }

    private static readonly string[] Ospf6OptionNames = ["V6", "External", "Deprecated", "NSSA", "Router", "Demand Circuit", "AFs Support", "LLS", "Authentication Trailer"];
    private static readonly string[] Ospf6DdFlagNames = ["Init", "More", "Master", "IPv6 MTU"];

    private void Ospf6Options(uint options) =>
        OspfBits(options, [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x100, 0x200, 0x400], Ospf6OptionNames, "none");

    /// <summary>
    /// ospf6_print's -v lines: " [len N]" (and nothing more) for a packet length past the IP payload's, the router, area and
    /// instance, then ospf6_decode_v3's at -v (a hello's or DB description's options, timers and routers; nothing for the
    /// other types) and the LLS and authentication trailers after the packet. False where a read ran past the captured bytes.
    /// </summary>
    private bool AppendOspf6Verbose(ReadOnlySpan<byte> bytes, uint length)
    {
        var line = _line;
        if (!OspfHas(bytes, 0, 4))
            return false;
        uint ospfLength = OspfU16(bytes, OspfHeader.Field.PacketLength);
        if (ospfLength > length)
        {
            line.Append(" [len ");
            line.Append((ulong)ospfLength);
            line.Append(']');
            return true;
        }
        if (!AppendOspfRouterAndArea(bytes))
            return false;
        if (!OspfHas(bytes, OspfHeader.Field.InstanceId, 1))
            return false;
        if (bytes[OspfHeader.Field.InstanceId] != 0)
        {
            line.Append(", Instance ");
            line.Append((ulong)bytes[OspfHeader.Field.InstanceId]);
        }
        if (bytes[OspfHeader.Field.Version] != 3)
            return true;
        const int body = OspfHeader.V3Length;
        bool lls = false;
        switch (bytes[OspfHeader.Field.Type])
        {
            case OspfHeader.TypeHello:
            {
                if (!OspfHas(bytes, body + 4, 4))
                    return false;
                uint options = OspfU32(bytes, body + 4);
                line.Append("\n\tOptions [");
                Ospf6Options(options);
                line.Append(']');
                if (!OspfHas(bytes, body, 12))
                    return false;
                line.Append("\n\t  Hello Timer ");
                line.Append((ulong)OspfU16(bytes, body + 8));
                line.Append("s, Dead Timer ");
                line.Append((ulong)OspfU16(bytes, body + 10));
                line.Append("s, Interface-ID ");
                OspfAddress(bytes, body);
                line.Append(", Priority ");
                line.Append((ulong)bytes[body + 4]);
                if (!AppendOspfDesignatedRouters(bytes, body + 12))
                    return false;
                lls = (options & 0x200) != 0;
                break;
            }
            case OspfHeader.TypeDbDescription:
            {
                if (!OspfHas(bytes, body, 4))
                    return false;
                uint options = OspfU32(bytes, body);
                line.Append("\n\tOptions [");
                Ospf6Options(options);
                line.Append(']');
                if (!OspfHas(bytes, body + 7, 1))
                    return false;
                line.Append(", DD Flags [");
                OspfBits(bytes[body + 7], [0x04, 0x02, 0x01, 0x10], Ospf6DdFlagNames, "none");
                line.Append(']');
                if (!OspfHas(bytes, body, 12))
                    return false;
                line.Append(", MTU ");
                line.Append((ulong)OspfU16(bytes, body + 4));
                line.Append(", DD-Sequence ");
                line.AppendHex(OspfU32(bytes, body + 8), 8);
                lls = (options & 0x200) != 0;
                break;
            }
        }
        return AppendOspf6Trailer(bytes, ospfLength, length - ospfLength, lls);
    }

    /// <summary>ospf6_decode_v3_trailer: the LLS block (with the L option) and the authentication trailer in the <paramref name="length"/> bytes after the packet.</summary>
    private bool AppendOspf6Trailer(ReadOnlySpan<byte> bytes, long at, uint length, bool lls)
    {
        var line = _line;
        if (lls && length != 0)
        {
            if (length < 4 || !OspfHas(bytes, at, 2))
                return false;
            line.Append("\n\tLLS Checksum ");
            line.AppendHex(OspfU16(bytes, at), 4);
            if (!OspfHas(bytes, at + 2, 2))
                return false;
            uint llsLength = OspfU16(bytes, at + 2);
            line.Append(", Data Length ");
            line.Append((ulong)llsLength);
            if (llsLength < 4 || llsLength > length || !OspfHas(bytes, at, (int)llsLength))
                return false;
            at += llsLength;
            length -= llsLength;
        }
        if (length == 0)
            return true;
        if (length < 16 || !OspfHas(bytes, at, 2))
            return false;
        uint type = OspfU16(bytes, at);
        line.Append("\n\tAuthentication Type ");
        if (type == 1)
        {
            line.Append("HMAC");
        }
        else
        {
            line.Append("unknown (");
            line.AppendHex(type, 4);
            line.Append(')');
        }
        if (!OspfHas(bytes, at + 2, 2))
            return false;
        uint authLength = OspfU16(bytes, at + 2);
        line.Append(", Length ");
        line.Append((ulong)authLength);
        if (authLength < 16 || authLength > length || !OspfHas(bytes, at + 6, 2))
            return false;
        line.Append(", SAID ");
        line.Append((ulong)OspfU16(bytes, at + 6));
        if (!OspfHas(bytes, at + 8, 4))
            return false;
        line.Append(", CSN ");
        line.AppendHex(OspfU32(bytes, at + 8), 8);
        if (!OspfHas(bytes, at + 12, 4))
            return false;
        line.Append(':');
        line.AppendHexDigits(OspfU32(bytes, at + 12), 8);
        return OspfHas(bytes, at, (int)authLength);
    }

    /// <summary>"Router-ID 192.0.2.1, Area 0.0.0.1" (", Backbone Area" for area 0), as both of tcpdump's printers write it.</summary>
    private bool AppendOspfRouterAndArea(ReadOnlySpan<byte> bytes)
    {
        var line = _line;
        if (!OspfHas(bytes, OspfHeader.Field.RouterId, 4))
            return false;
        line.Append("\n\tRouter-ID ");
        OspfAddress(bytes, OspfHeader.Field.RouterId);
        if (!OspfHas(bytes, OspfHeader.Field.AreaId, 4))
            return false;
        if (OspfU32(bytes, OspfHeader.Field.AreaId) == 0)
        {
            line.Append(", Backbone Area");
            return true;
        }
        line.Append(", Area ");
        return OspfAddress(bytes, OspfHeader.Field.AreaId);
    }

    /// <summary>A hello's designated and backup designated routers at <paramref name="at"/>, each only when not 0.0.0.0; false where a read failed.</summary>
    private bool AppendOspfDesignatedRouters(ReadOnlySpan<byte> bytes, long at)
    {
        var line = _line;
        if (!OspfHas(bytes, at, 4))
            return false;
        if (OspfU32(bytes, at) != 0)
        {
            line.Append("\n\t  Designated Router ");
            OspfAddress(bytes, at);
        }
        if (!OspfHas(bytes, at + 4, 4))
            return false;
        if (OspfU32(bytes, at + 4) != 0)
        {
            line.Append(", Backup Designated Router ");
            OspfAddress(bytes, at + 4);
        }
        return true;
    }

    private static bool OspfHas(ReadOnlySpan<byte> bytes, long at, int length) => at >= 0 && at + length <= bytes.Length;

    private static uint OspfU16(ReadOnlySpan<byte> bytes, long at) => BinaryPrimitives.ReadUInt16BigEndian(bytes[(int)at..]);

    private static uint OspfU32(ReadOnlySpan<byte> bytes, long at) => BinaryPrimitives.ReadUInt32BigEndian(bytes[(int)at..]);

    /// <summary>Appends the address at <paramref name="at"/>; false when it was not captured (tcpdump's GET fails).</summary>
    private bool OspfAddress(ReadOnlySpan<byte> bytes, long at)
    {
        if (!OspfHas(bytes, at, 4))
            return false;
        _line.AppendIpv4(bytes.Slice((int)at, 4));
        return true;
    }

    /// <summary>tcpdump's bittok2str: the names of the bits set, in the table's order, joined by ", "; the default for none.</summary>
    private void OspfBits(uint value, ReadOnlySpan<uint> bits, string[] names, string none)
    {
        var line = _line;
        bool any = false;
        for (int i = 0; i < bits.Length; i++)
        {
            if ((value & bits[i]) == 0)
                continue;
            if (any)
                line.Append(", ");
            line.Append(names[i]);
            any = true;
        }
        if (!any)
            line.Append(none);
    }

    private static readonly string[] OspfOptionNames = ["MultiTopology", "External", "Multicast", "NSSA", "LLS", "Demand Circuit", "Opaque", "Up/Down"];
    private static readonly string[] OspfRouterFlagNames = ["ABR", "ASBR", "Virtual", "Wildcard", "Nt", "Host"];
    private static readonly string[] OspfDdFlagNames = ["Init", "More", "Master", "OOBResync"];
    private static readonly string[] OspfLlsOptionNames = ["LSDB resync", "Restart"];

    private void OspfOptions(uint options) => OspfBits(options, [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80], OspfOptionNames, "none");

    private static string OspfLsaName(uint type) => type switch
    {
        1 => "Router", 2 => "Network", 3 => "Summary", 4 => "ASBR Summary", 5 => "External", 6 => "Multicast Group", 7 => "NSSA",
        9 => "Link Local Opaque", 10 => "Area Local Opaque", 11 => "Domain Wide Opaque", _ => "unknown",
    };

    /// <summary>"\n\t    Mask 255.255.255.0" from <paramref name="at"/>; false when it was not captured.</summary>
    private bool AppendOspfMask(ReadOnlySpan<byte> bytes, long at)
    {
        if (!OspfHas(bytes, at, 4))
            return false;
        _line.Append("\n\t    Mask ");
        return OspfAddress(bytes, at);
    }

    /// <summary>A summary or external LSA's metric word at <paramref name="at"/>: its topology (bits 24-30) written; false when not captured.</summary>
    private bool AppendOspfMetricTopology(ReadOnlySpan<byte> bytes, long at, out uint word)
    {
        word = 0;
        if (!OspfHas(bytes, at, 4))
            return false;
        word = OspfU32(bytes, at);
        AppendOspfTopology((word & 0x7f000000) >> 24);
        return true;
    }

    /// <summary>"\n\t\ttopology default (0)": the topology's name in tcpdump's table (draft-ietf-ospf-mt) and number.</summary>
    private void AppendOspfTopology(uint topology)
    {
        var line = _line;
        line.Append("\n\t\ttopology ");
        line.Append(topology switch { 0 => "default", 1 => "multicast", 2 => "management", _ => "Unknown" });
        line.Append(" (");
        line.Append((ulong)topology);
        line.Append(')');
    }

    /// <summary>
    /// ospf_print's -v lines over IPv4 (<paramref name="bytes"/> without an MD5 digest, <paramref name="length"/> the length it
    /// printed): " [len N]", the router, area and authentication, then ospf_decode_v2's and the LLS block's. False where a
    /// read ran past the captured bytes (the caller appends " [|ospf2]").
    /// </summary>
    private bool AppendOspfVerbose(ReadOnlySpan<byte> bytes, uint length)
    {
        var line = _line;
        if (!OspfHas(bytes, OspfHeader.Field.PacketLength, 2))
            return false;
        uint ospfLength = OspfU16(bytes, OspfHeader.Field.PacketLength);
        if (length != ospfLength)
        {
            line.Append(" [len ");
            line.Append((ulong)ospfLength);
            line.Append(']');
        }
        long dataEnd = length > ospfLength ? ospfLength : length;
        if (!AppendOspfRouterAndArea(bytes))
            return false;
        if (!OspfHas(bytes, OspfHeader.Field.AuthData, 8))
            return false;
        uint auth = OspfU16(bytes, OspfHeader.Field.AuthType);
        line.Append(", Authentication Type: ");
        line.Append(auth switch { OspfHeader.AuthNone => "none", OspfHeader.AuthSimple => "simple", OspfHeader.AuthCrypt => "MD5", _ => "unknown" });
        line.Append(" (");
        line.Append((ulong)auth);
        line.Append(')');
        switch (auth)
        {
            case OspfHeader.AuthNone:
                break;
            case OspfHeader.AuthSimple:
                line.Append("\n\tSimple text password: ");
                AppendOspfPassword(bytes.Slice(OspfHeader.Field.AuthData, 8));
                break;
            case OspfHeader.AuthCrypt:
                line.Append("\n\tKey-ID: ");
                line.Append((ulong)bytes[18]);
                line.Append(", Auth-Length: ");
                line.Append((ulong)bytes[19]);
                line.Append(", Crypto Sequence Number: ");
                line.AppendHex(OspfU32(bytes, 20), 8);
                break;
            default:
                return true;
        }
        if (bytes[OspfHeader.Field.Version] != 2)
        {
            line.Append(" ospf [version ");
            line.Append((ulong)bytes[OspfHeader.Field.Version]);
            line.Append(']');
            return true;
        }
        if (!AppendOspfV2(bytes, dataEnd))
            return false;
        return length <= ospfLength || AppendOspfLls(bytes, length, ospfLength);
    }

    /// <summary>nd_printjnp over the 8 password bytes: up to a NUL, "M-" before a byte with the top bit, "^X" for a control character.</summary>
    private void AppendOspfPassword(ReadOnlySpan<byte> password)
    {
        var line = _line;
        foreach (byte b in password)
        {
            if (b == 0)
                return;
            int c = b;
            if (c >= 0x80)
            {
                line.Append("M-");
                c &= 0x7f;
            }
            if (c < 0x20 || c == 0x7f)
            {
                line.Append('^');
                c ^= 0x40;
            }
            line.Append((char)c);
        }
    }

    /// <summary>ospf_decode_v2: a hello, DB description, LS requests, LS update or LS ack.</summary>
    private bool AppendOspfV2(ReadOnlySpan<byte> bytes, long dataEnd)
    {
        var line = _line;
        const int body = OspfHeader.V2Length;
        switch (bytes[OspfHeader.Field.Type])
        {
            case OspfHeader.TypeHello:
            {
                if (!OspfHas(bytes, body + 6, 1))
                    return false;
                line.Append("\n\tOptions [");
                OspfOptions(bytes[body + 6]);
                line.Append(']');
                if (!OspfHas(bytes, body, 12))
                    return false;
                line.Append("\n\t  Hello Timer ");
                line.Append((ulong)OspfU16(bytes, body + 4));
                line.Append("s, Dead Timer ");
                line.Append((ulong)OspfU32(bytes, body + 8));
                line.Append("s, Mask ");
                OspfAddress(bytes, body);
                line.Append(", Priority ");
                line.Append((ulong)bytes[body + 7]);
                if (!AppendOspfDesignatedRouters(bytes, body + 12))
                    return false;
                long at = body + 20;
                if (at < dataEnd)
                    line.Append("\n\t  Neighbor List:");
                for (; at < dataEnd; at += 4)
                {
                    if (!OspfHas(bytes, at, 4))
                        return false;
                    line.Append("\n\t    ");
                    OspfAddress(bytes, at);
                }
                return true;
            }
            case OspfHeader.TypeDbDescription:
            {
                if (!OspfHas(bytes, body + 2, 1))
                    return false;
                line.Append("\n\tOptions [");
                OspfOptions(bytes[body + 2]);
                line.Append(']');
                if (!OspfHas(bytes, body + 3, 1))
                    return false;
                line.Append(", DD Flags [");
                OspfBits(bytes[body + 3], [0x04, 0x02, 0x01, 0x08], OspfDdFlagNames, "none");
                line.Append(']');
                if (!OspfHas(bytes, body, 2))
                    return false;
                if (OspfU16(bytes, body) != 0)
                {
                    line.Append(", MTU: ");
                    line.Append((ulong)OspfU16(bytes, body));
                }
                if (!OspfHas(bytes, body + 4, 4))
                    return false;
                line.Append(", Sequence: ");
                line.AppendHex(OspfU32(bytes, body + 4), 8);
                for (long at = body + 8; at < dataEnd; at += 20)
                {
                    int shown = AppendOspfLsaHeader(bytes, at);
                    if (shown == -2)
                        return false;
                    if (shown < 0)
                        break;
                }
                return true;
            }
            case OspfHeader.TypeLsRequest:
                for (long at = body; at < dataEnd; at += 12)
                {
                    if (!OspfHas(bytes, at, 12))
                        return false;
                    uint type = OspfU32(bytes, at);
                    line.Append("\n\t  Advertising Router: ");
                    OspfAddress(bytes, at + 8);
                    line.Append(", ");
                    line.Append(OspfLsaName(type));
                    line.Append(" LSA (");
                    line.Append((ulong)type);
                    line.Append(')');
                    if (type is 9 or 10 or 11)
                    {
                        line.Append(", Opaque-Type: ");
                        line.Append(OspfOpaqueName(bytes[(int)at + 4]));
                        line.Append(" LSA (");
                        line.Append((ulong)bytes[(int)at + 4]);
                        line.Append("), Opaque-ID: ");
                        line.Append((ulong)(OspfU32(bytes, at + 4) & 0xffffff));
                    }
                    else
                    {
                        line.Append(", LSA-ID: ");
                        OspfAddress(bytes, at + 4);
                    }
                }
                return true;
            case OspfHeader.TypeLsUpdate:
            {
                if (!OspfHas(bytes, body, 4))
                    return false;
                uint count = OspfU32(bytes, body);
                line.Append(", ");
                line.Append((ulong)count);
                line.Append(count == 1 ? " LSA" : " LSAs");
                long at = body + 4;
                // Every LSA moves at least its 20-byte header on or ends the walk: bounded by the captured bytes.
                for (ulong n = 1; n <= count; n++)
                {
                    line.Append("\n\t  LSA #");
                    line.Append(n);
                    at = AppendOspfLsa(bytes, at);
                    if (at < 0)
                        return false;
                }
                return true;
            }
            default:
                // tcpdump's LS ack reads headers until one has a bogus length or runs past the captured bytes.
                for (long at = body; ; at += 20)
                {
                    int shown = AppendOspfLsaHeader(bytes, at);
                    if (shown == -2)
                        return false;
                    if (shown < 0)
                        return true;
                }
        }
    }

    private static string OspfOpaqueName(byte type) => type switch
    {
        1 => "Traffic Engineering", 3 => "Graceful restart", 4 => "Router Information", 7 => "Extended Prefix", 8 => "Extended Link",
        _ => "unknown",
    };

    /// <summary>ospf_print_lshdr: the LSA's length (-1 when below the header's 20, after "Bogus length"; -2 when a read failed).</summary>
    private int AppendOspfLsaHeader(ReadOnlySpan<byte> bytes, long at)
    {
        var line = _line;
        if (!OspfHas(bytes, at + 18, 2))
            return -2;
        int length = (int)OspfU16(bytes, at + 18);
        if (length < 20)
        {
            line.Append("\n\t    Bogus length ");
            line.Append((ulong)length);
            line.Append(" < header (20)");
            return -1;
        }
        if (!OspfHas(bytes, at, 20))
            return -2;
        line.Append("\n\t  Advertising Router ");
        OspfAddress(bytes, at + 8);
        line.Append(", seq ");
        line.AppendHex(OspfU32(bytes, at + 12), 8);
        line.Append(", age ");
        line.Append((ulong)OspfU16(bytes, at));
        line.Append("s, length ");
        line.Append((ulong)(length - 20));
        byte type = bytes[(int)at + 3];
        line.Append("\n\t    ");
        line.Append(OspfLsaName(type));
        line.Append(" LSA (");
        line.Append((ulong)type);
        if (type is 9 or 10 or 11)
        {
            line.Append("), Opaque-Type ");
            line.Append(OspfOpaqueName(bytes[(int)at + 4]));
            line.Append(" LSA (");
            line.Append((ulong)bytes[(int)at + 4]);
            line.Append("), Opaque-ID ");
            line.Append((ulong)(OspfU32(bytes, at + 4) & 0xffffff));
        }
        else
        {
            line.Append("), LSA-ID: ");
            OspfAddress(bytes, at + 4);
        }
        line.Append("\n\t    Options: [");
        OspfOptions(bytes[(int)at + 2]);
        line.Append(']');
        return length;
    }

    /// <summary>ospf_print_lsa: the header, then the body of a router, network, summary, ASBR summary, external or NSSA LSA; the offset after it, or -1 when a read failed or the length was bogus.</summary>
    private long AppendOspfLsa(ReadOnlySpan<byte> bytes, long at)
    {
        var line = _line;
        int length = AppendOspfLsaHeader(bytes, at);
        if (length < 0)
            return -1;
        long end = at + length, body = at + 20;
        switch (bytes[(int)at + 3])
        {
            case 1:
            {
                if (!OspfHas(bytes, body, 1))
                    return -1;
                line.Append("\n\t    Router LSA Options: [");
                OspfBits(bytes[(int)body], [0x01, 0x02, 0x04, 0x08, 0x10, 0x80], OspfRouterFlagNames, "none");
                line.Append(']');
                if (!OspfHas(bytes, body + 2, 2))
                    return -1;
                uint links = OspfU16(bytes, body + 2);
                long link = body + 4;
                if (!OspfHas(bytes, link, 12))
                    return -1;
                for (uint i = links; i != 0; i--)
                {
                    if (!OspfHas(bytes, link, 12))
                        return -1;
                    byte linkType = bytes[(int)link + 8];
                    line.Append(linkType switch
                    {
                        4 => "\n\t      Virtual Link: Neighbor Router-ID: ",
                        1 => "\n\t      Neighbor Router-ID: ",
                        2 => "\n\t      Neighbor Network-ID: ",
                        3 => "\n\t      Stub Network: ",
                        _ => "\n\t      Unknown Router Link Type (",
                    });
                    if (linkType is < 1 or > 4)
                    {
                        line.Append((ulong)linkType);
                        line.Append(')');
                        return end;
                    }
                    OspfAddress(bytes, link);
                    line.Append(linkType == 3 ? ", Mask: " : ", Interface Address: ");
                    OspfAddress(bytes, link + 4);
                    int metrics = bytes[(int)link + 9] + 1;
                    for (int m = 0; m < metrics; m++)
                    {
                        long metric = link + 8 + 4 * m;
                        if (!OspfHas(bytes, metric, 4))
                            return -1;
                        uint topology = m == 0 ? 0u : bytes[(int)metric];
                        AppendOspfTopology(topology);
                        line.Append(", metric ");
                        line.Append((ulong)OspfU16(bytes, metric + 2));
                    }
                    link += 12 + 4L * bytes[(int)link + 9];
                }
                return end;
            }
            case 2:
                if (!AppendOspfMask(bytes, body))
                    return -1;
                line.Append("\n\t    Connected Routers:");
                for (long router = body + 4; router < end; router += 4)
                {
                    if (!OspfHas(bytes, router, 4))
                        return -1;
                    line.Append("\n\t      ");
                    OspfAddress(bytes, router);
                }
                return end;
            case 3:
            case 4:
            {
                if (bytes[(int)at + 3] == 3 && !AppendOspfMask(bytes, body))
                    return -1;
                if (!OspfHas(bytes, body + 4, 4))
                    return -1;
                for (long metric = body + 4; metric < end; metric += 4)
                {
                    if (!AppendOspfMetricTopology(bytes, metric, out uint word))
                        return -1;
                    line.Append(" metric ");
                    line.Append((ulong)(word & 0xffffff));
                }
                return end;
            }
            case 5:
            case 7:
            {
                if (!AppendOspfMask(bytes, body))
                    return -1;
                if (!OspfHas(bytes, body + 4, 4))
                    return -1;
                for (long metric = body + 4; metric < end; metric += 12)
                {
                    if (!AppendOspfMetricTopology(bytes, metric, out uint word))
                        return -1;
                    line.Append(", type ");
                    line.Append((word & 0x80000000) != 0 ? "2" : "1");
                    line.Append(", metric");
                    if ((word & 0xffffff) == 0xffffff)
                    {
                        line.Append(" infinite");
                    }
                    else
                    {
                        line.Append(' ');
                        line.Append((ulong)(word & 0xffffff));
                    }
                    if (!OspfHas(bytes, metric + 4, 4))
                        return -1;
                    if (OspfU32(bytes, metric + 4) != 0)
                    {
                        line.Append(", forward ");
                        OspfAddress(bytes, metric + 4);
                    }
                    if (!OspfHas(bytes, metric + 8, 4))
                        return -1;
                    if (OspfU32(bytes, metric + 8) != 0)
                    {
                        line.Append(", tag ");
                        OspfAddress(bytes, metric + 8);
                    }
                }
                return end;
            }
            default:
                // Group membership and opaque LSAs (tcpdump words or dumps their bodies) are not printed.
                return end;
        }
    }

    /// <summary>ospf_decode_lls: after a hello or DB description with the L option, the LLS block past the packet (and its digest).</summary>
    private bool AppendOspfLls(ReadOnlySpan<byte> bytes, uint length, uint ospfLength)
    {
        var line = _line;
        byte type = bytes[OspfHeader.Field.Type];
        int optionsAt = type == OspfHeader.TypeHello ? OspfHeader.V2Length + 6 : type == OspfHeader.TypeDbDescription ? OspfHeader.V2Length + 2 : -1;
        if (optionsAt < 0)
            return true;
        if (!OspfHas(bytes, optionsAt, 1))
            return false;
        if ((bytes[optionsAt] & 0x10) == 0)
            return true;
        long at = ospfLength, end = length;
        if (OspfU16(bytes, OspfHeader.Field.AuthType) == OspfHeader.AuthCrypt)
        {
            at += bytes[19];
        }
        if (at >= length)
        {
            line.Append("\n\t[LLS truncated]");
            return true;
        }
        if (!OspfHas(bytes, at, 2))
            return false;
        line.Append("\n\t  LLS: checksum: ");
        line.AppendHex(OspfU16(bytes, at), 4);
        if (!OspfHas(bytes, at + 2, 2))
            return false;
        line.Append(", length: ");
        line.Append((ulong)OspfU16(bytes, at + 2));
        for (at += 4; at < end;)
        {
            if (!OspfHas(bytes, at, 2))
                return false;
            uint tlv = OspfU16(bytes, at);
            line.Append("\n\t    ");
            line.Append(tlv switch { 1 => "Extended Options", 2 => "MD5 Authentication", _ => "Unknown TLV" });
            line.Append(" (");
            line.Append((ulong)tlv);
            line.Append(')');
            if (!OspfHas(bytes, at + 2, 2))
                return false;
            uint tlvLength = OspfU16(bytes, at + 2);
            line.Append(", length: ");
            line.Append((ulong)tlvLength);
            at += 4;
            if (tlv == 1)
            {
                if (tlvLength != 4)
                {
                    line.Append(" [should be 4]");
                    tlvLength = 4;
                }
                if (!OspfHas(bytes, at, 4))
                    return false;
                line.Append("\n\t      Options: ");
                line.AppendHex(OspfU32(bytes, at), 8);
                line.Append(" [");
                OspfBits(OspfU32(bytes, at), [0x1, 0x2], OspfLlsOptionNames, "?");
                line.Append(']');
            }
            else if (tlv == 2)
            {
                if (tlvLength != 20)
                {
                    line.Append(" [should be 20]");
                    tlvLength = 20;
                }
                if (!OspfHas(bytes, at, 4))
                    return false;
                line.Append("\n\t      Sequence number: ");
                line.AppendHex(OspfU32(bytes, at), 8);
            }
            at += tlvLength;
        }
        return true;
    }
}
