using System.Buffers.Binary;
using RawNet.Protocols.Dhcp;

namespace RawNet.Output.Summary;

public sealed partial class SummaryPrinter
{
    // --- BOOTP/DHCP: tcpdump 4.99's bootp_print ---

    /// <summary>
    /// tcpdump's bootp_print line: "BOOTP/DHCP, Request from MAC, length N" (the client's address only for an Ethernet
    /// request), "Reply" or "unknown (0x03)"; a read past the captured bytes ends the line with " [|bootp]".
    /// </summary>
    private void AppendBootp(ReadOnlySpan<byte> payload, int length)
    {
        var line = _line;
        if (payload.IsEmpty)
        {
            line.Append(" [|bootp]");
            return;
        }
        byte op = payload[DhcpMessage.Field.Op];
        line.Append("BOOTP/DHCP, ");
        if (op == DhcpMessage.BootRequest)
            line.Append("Request");
        else if (op == DhcpMessage.BootReply)
            line.Append("Reply");
        else
        {
            line.Append("unknown (0x");
            line.AppendHexDigits(op, 2);
            line.Append(')');
        }
        if (payload.Length <= DhcpMessage.Field.HardwareLength)
        {
            line.Append(" [|bootp]");
            return;
        }
        if (payload[DhcpMessage.Field.HardwareType] == 1 && payload[DhcpMessage.Field.HardwareLength] == 6 && op == DhcpMessage.BootRequest)
        {
            if (payload.Length < DhcpMessage.Field.ClientHardware + 6)
            {
                line.Append(" [|bootp]");
                return;
            }
            line.Append(" from ");
            line.AppendMac(payload.Slice(DhcpMessage.Field.ClientHardware, 6));
        }
        line.Append(", length ");
        line.Append((ulong)length);
        if (_verbose)
            AppendBootpVerbose(payload, length);
    }

    private void BootpTruncated() => _line.Append(" [|bootp]");

    /// <summary>
    /// What bootp_print adds with -v: the header's unusual values (htype, hlen, hops, xid, secs, the flags), a line per
    /// address that is set, the client's MAC, the server and file names, then the vendor area: RFC 1048 options
    /// (<see cref="AppendRfc1048"/>) or a CMU or unknown vendor word.
    /// </summary>
    private void AppendBootpVerbose(ReadOnlySpan<byte> m, int length)
    {
        var line = _line;
        _ = length;
        if (m.Length < DhcpMessage.Field.Flags)
        {
            BootpTruncated();
            return;
        }
        byte htype = m[DhcpMessage.Field.HardwareType], hlen = m[DhcpMessage.Field.HardwareLength];
        if (htype != 1)
        {
            line.Append(", htype ");
            line.Append((ulong)htype);
        }
        if (htype != 1 || hlen != 6)
        {
            line.Append(", hlen ");
            line.Append((ulong)hlen);
        }
        if (m[DhcpMessage.Field.Hops] != 0)
        {
            line.Append(", hops ");
            line.Append((ulong)m[DhcpMessage.Field.Hops]);
        }
        uint xid = BinaryPrimitives.ReadUInt32BigEndian(m[DhcpMessage.Field.TransactionId..]);
        if (xid != 0)
        {
            line.Append(", xid 0x");
            line.AppendHexDigits(xid, 1);
        }
        ushort secs = BinaryPrimitives.ReadUInt16BigEndian(m[DhcpMessage.Field.Seconds..]);
        if (secs != 0)
        {
            line.Append(", secs ");
            line.Append((ulong)secs);
        }
        if (m.Length < DhcpMessage.Field.Flags + 2)
        {
            BootpTruncated();
            return;
        }
        line.Append((BinaryPrimitives.ReadUInt16BigEndian(m[DhcpMessage.Field.Flags..]) & DhcpMessage.BroadcastFlag) != 0 ? ", Flags [Broadcast]" : ", Flags [none]");
        if (!BootpAddress(m, DhcpMessage.Field.ClientIp, "Client-IP") || !BootpAddress(m, DhcpMessage.Field.YourIp, "Your-IP")
            || !BootpAddress(m, DhcpMessage.Field.ServerIp, "Server-IP") || !BootpAddress(m, DhcpMessage.Field.RelayIp, "Gateway-IP"))
            return;
        if (htype == 1 && hlen == 6)
        {
            if (m.Length < DhcpMessage.Field.ClientHardware + 6)
            {
                BootpTruncated();
                return;
            }
            line.Append("\n\t  Client-Ethernet-Address ");
            line.AppendMac(m.Slice(DhcpMessage.Field.ClientHardware, 6));
        }
        if (!BootpName(m, DhcpMessage.Field.ServerName, DhcpMessage.ServerNameLength, "sname") || !BootpName(m, DhcpMessage.Field.File, DhcpMessage.FileLength, "file"))
            return;
        if (m.Length < DhcpMessage.Field.Vendor + 4)
        {
            BootpTruncated();
            return;
        }
        uint vendor = BinaryPrimitives.ReadUInt32BigEndian(m[DhcpMessage.Field.Vendor..]);
        if (vendor == DhcpMessage.MagicCookie)
            AppendRfc1048(m);
        else if (vendor == CmuVendorMagic)
            AppendCmuVendor(m);
        else if (vendor != 0)
        {
            line.Append("\n\t  Vendor-#0x");
            line.AppendHexDigits(vendor, 1);
        }
    }

    /// <summary>CMU's vendor area magic ("CMU" and a zero).</summary>
    private const uint CmuVendorMagic = 0x434d5500;

    /// <summary>An address line of the header when the address is not 0.0.0.0; false (marked) when it was not captured.</summary>
    private bool BootpAddress(ReadOnlySpan<byte> m, int at, string label)
    {
        if (m.Length < at + 4)
        {
            BootpTruncated();
            return false;
        }
        if (BinaryPrimitives.ReadUInt32BigEndian(m[at..]) == 0)
            return true;
        _line.Append("\n\t  ");
        _line.Append(label);
        _line.Append(' ');
        _line.AppendIpv4(m.Slice(at, 4));
        return true;
    }

    /// <summary>sname or file when its first byte is set: quoted up to its first zero byte (nd_printztn).</summary>
    private bool BootpName(ReadOnlySpan<byte> m, int at, int size, string label)
    {
        if (m.Length <= at)
        {
            BootpTruncated();
            return false;
        }
        if (m[at] == 0)
            return true;
        _line.Append("\n\t  ");
        _line.Append(label);
        _line.Append(" \"");
        for (int i = at; i < at + size; i++)
        {
            if (i >= m.Length)
            {
                _line.Append('"');
                BootpTruncated();
                return false;
            }
            if (m[i] == 0)
                break;
            AppendPrintable(m[i]);
        }
        _line.Append('"');
        return true;
    }

    /// <summary>cmu_print: the CMU vendor area's addresses that are set.</summary>
    private void AppendCmuVendor(ReadOnlySpan<byte> m)
    {
        var line = _line;
        line.Append(" vend-cmu");
        int v = DhcpMessage.Field.Vendor;
        if (m.Length < v + 8)
        {
            BootpTruncated();
            return;
        }
        byte flags = m[v + 4];
        if ((flags & ~1) != 0)
        {
            line.Append(" F:0x");
            line.AppendHexDigits(flags, 1);
        }
        ReadOnlySpan<(int At, string Name)> fields =
        [
            (12, "DG"), (8, (flags & 1) != 0 ? "SM" : "SM*"), (16, "NS1"), (20, "NS2"), (24, "IEN1"), (28, "IEN2"), (32, "TS1"), (36, "TS2"),
        ];
        foreach (var (at, name) in fields)
        {
            if (m.Length < v + at + 4)
            {
                BootpTruncated();
                return;
            }
            if (BinaryPrimitives.ReadUInt32BigEndian(m[(v + at)..]) == 0)
                continue;
            line.Append(' ');
            line.Append(name);
            line.Append(':');
            line.AppendIpv4(m.Slice(v + at, 4));
        }
    }

    /// <summary>
    /// rfc1048_print: the cookie, then each option up to END as "Name (code), length n: value", its value in the format
    /// tcpdump's tag table gives it (addresses, numbers, strings, bytes, flags) or its own words (message type, parameter
    /// request list, client ID, relay agent information, overload, NetBIOS node type).
    /// </summary>
    private void AppendRfc1048(ReadOnlySpan<byte> m)
    {
        var line = _line;
        line.Append("\n\t  Vendor-rfc1048 Extensions\n\t    Magic Cookie 0x");
        line.AppendHexDigits(DhcpMessage.MagicCookie, 8);
        int at = DhcpMessage.Field.Vendor + 4;
        while (at < m.Length)
        {
            byte tag = m[at++];
            if (tag == DhcpMessage.Option.Pad)
                continue;
            if (tag == DhcpMessage.Option.End)
                return;
            if (at >= m.Length)
            {
                BootpTruncated();
                return;
            }
            int len = m[at++];
            string entry = BootpTagEntry(tag);
            char format = entry[0];
            line.Append("\n\t    ");
            line.Append(entry.AsSpan(1));
            line.Append(" (");
            line.Append((ulong)tag);
            line.Append("), length ");
            line.Append((ulong)len);
            if (len > 0)
                line.Append(": ");
            if (at + len > m.Length)
            {
                BootpTruncated();
                return;
            }
            var value = m.Slice(at, len);
            at += len;
            if (tag == DhcpMessage.Option.MessageType && len == 1)
            {
                AppendBootpMessageType(value[0]);
                continue;
            }
            if (tag == 55)
            {
                for (int i = 0; i < value.Length; i++)
                {
                    line.Append(i % 4 == 0 ? "\n\t      " : ", ");
                    line.Append(BootpTagEntry(value[i]).AsSpan(1));
                    line.Append(" (");
                    line.Append((ulong)value[i]);
                    line.Append(')');
                }
                continue;
            }
            if (format == '?')
                format = (len & 1) != 0 ? 'b' : (len & 2) != 0 ? 's' : 'l';
            int left = AppendBootpValue(format, tag, value);
            if (left > 0)
            {
                line.Append("\n\t  trailing data length ");
                line.Append((ulong)left);
            }
        }
    }

    private void AppendBootpMessageType(byte type)
    {
        string? name = type switch
        {
            1 => "Discover", 2 => "Offer", 3 => "Request", 4 => "Decline", 5 => "ACK", 6 => "NACK", 7 => "Release", 8 => "Inform",
            10 => "LeaseQuery", 11 => "LeaseUnassigned", 12 => "LeaseUnknown", 13 => "LeaseActive",
            _ => null,
        };
        if (name is not null)
        {
            _line.Append(name);
            return;
        }
        _line.Append("Unknown (");
        _line.Append((ulong)type);
        _line.Append(')');
    }

    /// <summary>Writes an option's value in <paramref name="format"/>; returns the bytes left over (tcpdump's "trailing data").</summary>
    private int AppendBootpValue(char format, byte tag, ReadOnlySpan<byte> value)
    {
        var line = _line;
        int len = value.Length, at = 0;
        bool first = true;
        switch (format)
        {
            case 'a':
                line.Append('"');
                foreach (byte b in value)
                    AppendPrintable(b);
                line.Append('"');
                return 0;
            case 'i' or 'l' or 'L':
                for (; len - at >= 4; at += 4, first = false)
                {
                    if (!first)
                        line.Append(',');
                    if (format == 'i')
                        line.AppendIpv4(value.Slice(at, 4));
                    else if (format == 'L')
                        line.Append((long)BinaryPrimitives.ReadInt32BigEndian(value[at..]));
                    else
                        line.Append((ulong)BinaryPrimitives.ReadUInt32BigEndian(value[at..]));
                }
                return len - at;
            case 'p':
                for (; len - at >= 8; at += 8, first = false)
                {
                    if (!first)
                        line.Append(',');
                    line.Append('(');
                    line.AppendIpv4(value.Slice(at, 4));
                    line.Append(':');
                    line.AppendIpv4(value.Slice(at + 4, 4));
                    line.Append(')');
                }
                return len - at;
            case 's':
                for (; len - at >= 2; at += 2, first = false)
                {
                    if (!first)
                        line.Append(',');
                    line.Append((ulong)BinaryPrimitives.ReadUInt16BigEndian(value[at..]));
                }
                return len - at;
            case 'B':
                for (; at < len; at++, first = false)
                {
                    if (!first)
                        line.Append(',');
                    if (value[at] == 0)
                        line.Append('N');
                    else if (value[at] == 1)
                        line.Append('Y');
                    else
                    {
                        line.Append((ulong)value[at]);
                        line.Append('?');
                    }
                }
                return 0;
            case '$':
                return AppendBootpSpecial(tag, value);
            default:
                for (; at < len; at++, first = false)
                {
                    if (!first)
                        line.Append(format == 'x' ? ':' : '.');
                    if (format == 'x')
                        line.AppendHexDigits(value[at], 2);
                    else
                        line.Append((ulong)value[at]);
                }
                return 0;
        }
    }

    /// <summary>The options tcpdump words itself ('$'); returns the bytes left over.</summary>
    private int AppendBootpSpecial(byte tag, ReadOnlySpan<byte> value)
    {
        var line = _line;
        switch (tag)
        {
            case 46 or 52 when value.IsEmpty:
                line.Append("ERROR: length < 1 bytes");
                return 0;
            case 46:
                AppendBootpWord(value[0] switch { 1 => "b-node", 2 => "p-node", 4 => "m-node", 8 => "h-node", _ => null }, value[0]);
                return value.Length - 1;
            case 52:
                AppendBootpWord(value[0] switch { 1 => "file", 2 => "sname", 3 => "file+sname", _ => null }, value[0]);
                return value.Length - 1;
            case 61:
                if (value.IsEmpty)
                {
                    line.Append("ERROR: length < 1 bytes");
                    return 0;
                }
                if (value[0] == 0)
                {
                    line.Append('"');
                    foreach (byte b in value[1..])
                        AppendPrintable(b);
                    line.Append('"');
                    return 0;
                }
                string? type = value[0] switch { 1 => "ether", 6 => "ieee802", 7 => "arcnet", 0xf => "frelay", 0x17 => "strip", 0x18 => "ieee1394", _ => null };
                if (type is null)
                {
                    line.Append("hardware-type ");
                    line.Append((ulong)value[0]);
                    line.Append(',');
                }
                else
                    line.Append(type);
                line.Append(' ');
                for (int i = 1; i < value.Length; i++)
                {
                    if (i > 1)
                        line.Append(':');
                    line.AppendHexDigits(value[i], 2);
                }
                return 0;
            case 82:
            {
                int at = 0;
                while (value.Length - at >= 2)
                {
                    byte sub = value[at], subLength = value[at + 1];
                    at += 2;
                    string name = sub switch { 1 => "Circuit-ID", 2 => "Remote-ID", 6 => "Subscriber-ID", _ => "Unknown" };
                    line.Append("\n\t      ");
                    line.Append(name);
                    line.Append(" SubOption ");
                    line.Append((ulong)sub);
                    line.Append(", length ");
                    line.Append((ulong)subLength);
                    if (subLength > value.Length - at)
                    {
                        line.Append(": length goes past end of option");
                        return 0;
                    }
                    line.Append(": ");
                    if (sub is 1 or 2 or 6)
                    {
                        foreach (byte b in value.Slice(at, subLength))
                            AppendPrintable(b);
                    }
                    else
                    {
                        // print_unknown_data: hex lines (not worded here; see docs/cli.md).
                        AppendBootpUnknownData(value.Slice(at, subLength));
                    }
                    at += subLength;
                }
                return value.Length - at;
            }
            default:
                line.Append("[unknown special tag ");
                line.Append((ulong)tag);
                line.Append(", size ");
                line.Append((ulong)value.Length);
                line.Append(']');
                return 0;
        }
    }

    /// <summary>tok2str with no format: the name, or "#" and the number.</summary>
    private void AppendBootpWord(string? name, byte number)
    {
        if (name is not null)
        {
            _line.Append(name);
            return;
        }
        _line.Append('#');
        _line.Append((ulong)number);
    }

    /// <summary>print_unknown_data's hex dump under "\n\t\t": offset, then up to 16 bytes as 4-digit groups.</summary>
    private void AppendBootpUnknownData(ReadOnlySpan<byte> data)
    {
        for (int row = 0; row < data.Length; row += 16)
        {
            _line.Append("\n\t\t0x");
            _line.AppendHexDigits((ulong)row, 4);
            _line.Append(": ");
            var part = data.Slice(row, Math.Min(16, data.Length - row));
            for (int i = 0; i < part.Length; i++)
            {
                if (i % 2 == 0)
                    _line.Append(' ');
                _line.AppendHexDigits(part[i], 2);
            }
        }
    }

    /// <summary>tcpdump's tag2str entry for an option: its format character, then its name ("iSubnet-Mask"); "?Unknown" for others.</summary>
    private static string BootpTagEntry(byte tag) => tag switch
    {
        0 => " PAD", 1 => "iSubnet-Mask", 2 => "LTime-Zone", 3 => "iDefault-Gateway", 4 => "iTime-Server", 5 => "iIEN-Name-Server",
        6 => "iDomain-Name-Server", 7 => "iLOG", 8 => "iCS", 9 => "iLPR-Server", 10 => "iIM", 11 => "iRL", 12 => "aHostname", 13 => "sBS",
        14 => "aDP", 15 => "aDomain-Name", 16 => "iSS", 17 => "aRP", 18 => "aEP", 19 => "BIPF", 20 => "BSRT", 21 => "pPF", 22 => "sRSZ",
        23 => "bTTL", 24 => "lMTU-Timeout", 25 => "sMTU-Table", 26 => "sMTU", 27 => "BLSN", 28 => "iBR", 29 => "BMD", 30 => "BMS",
        31 => "BRouter-Discovery", 32 => "iRSA", 33 => "pStatic-Route", 34 => "BUT", 35 => "lAT", 36 => "BIE", 37 => "bTT", 38 => "lKI",
        39 => "BKG", 40 => "aYD", 41 => "iYS", 42 => "iNTP", 43 => "bVendor-Option", 44 => "iNetbios-Name-Server", 45 => "iWDD",
        46 => "$Netbios-Node", 47 => "aNetbios-Scope", 48 => "iXFS", 49 => "iXDM", 50 => "iRequested-IP", 51 => "lLease-Time",
        52 => "$OO", 53 => " DHCP-Message", 54 => "iServer-ID", 55 => "bParameter-Request", 56 => "aMSG", 57 => "sMSZ", 58 => "lRN",
        59 => "lRB", 60 => "aVendor-Class", 61 => "$Client-ID", 64 => "sN+D", 65 => "iN+S",
        66 => "aTFTP", 67 => "aBF", 68 => "iMH", 69 => "iSMTP", 70 => "iPOP3", 71 => "iNNTP", 72 => "iWWW", 73 => "iFG", 74 => "iIRC",
        75 => "iSTS", 76 => "iSTDA", 77 => "$User-Class", 78 => "bSLP-DA", 79 => "bSLP-SCOPE", 80 => "aSLP-NA", 81 => "$FQDN",
        82 => "$Agent-Information", 83 => "bARMT", 84 => "bAMSK",
        88 => "aTZSTR", 89 => "bFQDNS", 90 => "bAUTH", 91 => "iVINES", 92 => "sRANK", 93 => "sARCH", 94 => "bNDI", 95 => "aLDAP",
        96 => "i6o4", 97 => "bGUID", 98 => "aUAP", 100 => "aPOSIX-TZ", 101 => "aTZ-Name", 110 => "bIPX", 112 => "iNI", 113 => "aNITAG",
        114 => "aURL", 115 => "bFAIL", 116 => "BNOAUTO", 117 => "sNSSEARCH", 118 => "iSUBNET", 121 => "$Classless-Static-Route",
        150 => "iTFTP-Server-Address", 161 => "aMUD-URL", 249 => "$Classless-Static-Route-Microsoft", 255 => " END",
        _ => "?Unknown",
    };
}
