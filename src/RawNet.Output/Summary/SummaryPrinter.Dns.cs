using System.Buffers.Binary;
using RawNet.Protocols.Dns;

namespace RawNet.Output.Summary;

public sealed partial class SummaryPrinter
{
    // --- DNS: tcpdump 4.99's domain_print, as its -n and -v lines word a message (not -vv's sections) ---

    // Where a read ran past the captured bytes. tcpdump's checked reads jump out of the whole printer then and end the
    // line with " [|domain]"; these printers return Jumped up the chain for that. Absent is tcpdump's NULL: a part that
    // could not be read, which each caller handles as tcpdump does.
    private const int Absent = -1;
    private const int Jumped = -2;

    private const int MaxDomainNameLength = 255; // tcpdump's MAXCDNAME

    private static readonly string[] DnsOpcodes =
    [
        "", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
        " op8", " updateA", " updateD", " updateDA", " updateM", " updateMA", " zoneInit", " zoneRef",
    ];

    // As tcpdump has them, the two entries without a leading space included.
    private static readonly string[] DnsRcodes =
    [
        "", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused", " YXDomain", " YXRRSet",
        " NXRRSet", " NotAuth", " NotZone", " Resp11", " Resp12", " Resp13", " Resp14", " NoChange",
        " BadVers", "Resp17", " Resp18", " Resp19", " Resp20", "Resp21", " Resp22", " BadCookie",
    ];

    /// <summary>
    /// tcpdump's domain_print over TCP (RFC 1035 4.2.2): a 2-byte length, which must be the rest of the segment, then the
    /// message. tcpdump does not reassemble, so a message split over segments is "invalid" in each.
    /// </summary>
    private void AppendDnsOverTcp(ReadOnlySpan<byte> payload, int length)
    {
        var line = _line;
        if (length < 2)
        {
            line.Append(" [DNS over TCP: length ");
            line.Append(length);
            line.Append(" < 2] (invalid)");
            return;
        }
        length -= 2;
        if (payload.Length < 2)
        {
            DnsTruncated();
            return;
        }
        int prefix = BinaryPrimitives.ReadUInt16BigEndian(payload);
        if (prefix != length)
        {
            line.Append(" [prefix length(");
            line.Append(prefix);
            line.Append(") != length(");
            line.Append(length);
            line.Append(")] (invalid)");
            return;
        }
        line.Append(' ');
        AppendDns(payload[2..], length, multicast: false);
    }

    /// <summary>tcpdump's domain_print for a message over UDP: <paramref name="message"/> is what was captured of it, <paramref name="length"/> its length.</summary>
    private void AppendDns(ReadOnlySpan<byte> message, int length, bool multicast)
    {
        var line = _line;
        if (length < DnsHeader.Length)
        {
            line.Append("domain [length ");
            line.Append(length);
            line.Append(" < 12] (invalid)");
            return;
        }
        if (!DnsHeader.TryRead(message, out var header))
        {
            line.Append(" [|domain]");
            return;
        }
        ushort flags = header.Flags;
        int questions = header.QuestionCount, answers = header.AnswerCount, authority = header.AuthorityCount, additional = header.AdditionalCount;
        int at;
        if (header.IsResponse)
        {
            line.Append(header.Id);
            line.Append(DnsOpcodes[header.Opcode]);
            int rcode = ExtendedRcode(message, header);
            if (rcode < DnsRcodes.Length)
                line.Append(DnsRcodes[rcode]);
            else
            {
                line.Append(" Resp");
                line.Append(rcode & 0xFFF);
            }
            if ((flags & DnsHeader.Flag.Authoritative) != 0)
                line.Append('*');
            if ((flags & DnsHeader.Flag.RecursionAvailable) == 0)
                line.Append('-');
            if ((flags & DnsHeader.Flag.Truncated) != 0)
                line.Append('|');
            if ((flags & DnsHeader.Flag.AuthenticatedData) != 0)
                line.Append('$');
            if (questions != 1)
                Counted(questions, 'q');
            at = DnsHeader.Length;
            for (int i = 0; i < questions; i++)
            {
                if (i != 0)
                    line.Append(',');
                at = SkipName(message, at);
                if (at < 0)
                {
                    DnsTruncated();
                    return;
                }
                at += 4;
            }
            line.Append(' ');
            line.Append(answers);
            line.Append('/');
            line.Append(authority);
            line.Append('/');
            line.Append(additional);
            if (!AppendSection(message, at, answers, multicast, records: true))
                return;
        }
        else
        {
            line.Append(header.Id);
            line.Append(DnsOpcodes[header.Opcode]);
            if ((flags & DnsHeader.Flag.RecursionDesired) != 0)
                line.Append('+');
            if ((flags & DnsHeader.Flag.CheckingDisabled) != 0)
                line.Append('%');
            if ((flags & 0x6CF) != 0)
            {
                line.Append(" [b2&3=");
                line.AppendHex(flags, 0);
                line.Append(']');
            }
            if (header.Opcode == 1)
            {
                if (questions != 0)
                    Counted(questions, 'q');
                if (answers != 1)
                    Counted(answers, 'a');
            }
            else
            {
                if (answers != 0)
                    Counted(answers, 'a');
                if (questions != 1)
                    Counted(questions, 'q');
            }
            if (authority != 0)
                Counted(authority, 'n');
            if (additional != 0)
            {
                line.Append(" [");
                line.Append(additional);
                line.Append("au]");
            }
            if (!AppendSection(message, DnsHeader.Length, questions, multicast, records: false))
                return;
        }
        line.Append(" (");
        line.Append(length);
        line.Append(')');
    }

    /// <summary>
    /// tcpdump's loop over a section: the first entry, then more while the capture lasts (records separated by commas);
    /// false, with " [|domain]" written, when one could not be read or the capture ended before the count.
    /// </summary>
    private bool AppendSection(ReadOnlySpan<byte> message, int at, int count, bool multicast, bool records)
    {
        for (bool first = true; count > 0 && (first || at < message.Length); first = false, count--)
        {
            if (records && !first)
                _line.Append(',');
            at = records ? AppendRecord(message, at, multicast) : AppendQuestion(message, at, multicast);
            if (at < 0)
                break;
        }
        if (count == 0)
            return true;
        DnsTruncated();
        return false;
    }

    private void Counted(int count, char what)
    {
        _line.Append(" [");
        _line.Append(count);
        _line.Append(what);
        _line.Append(']');
    }

    private void DnsTruncated() => _line.Append(" [|domain]");

    /// <summary>The RCODE with the high bits of an OPT record's extended RCODE, found as tcpdump looks for it (its first OPT among the additional records).</summary>
    private static int ExtendedRcode(ReadOnlySpan<byte> m, DnsHeader header)
    {
        int rcode = header.Rcode;
        int at = DnsHeader.Length;
        for (int i = 0; i < header.QuestionCount; i++)
        {
            if ((at = SkipName(m, at)) < 0)
                return rcode;
            at += 4;
            if (at >= m.Length)
                return rcode;
        }
        for (int i = 0; i < header.AnswerCount + header.AuthorityCount; i++)
        {
            if ((at = SkipName(m, at)) < 0)
                return rcode;
            at += 8;
            if (at + 2 > m.Length)
                return rcode;
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(m[at..]);
            if (at >= m.Length)
                return rcode;
        }
        for (int i = 0; i < header.AdditionalCount; i++)
        {
            if ((at = SkipName(m, at)) < 0 || at + 2 > m.Length)
                return rcode;
            int type = BinaryPrimitives.ReadUInt16BigEndian(m[at..]);
            at += 4;
            if (at + 1 > m.Length)
                return rcode;
            if (type == (int)DnsRecordType.OPT)
                return rcode | m[at] << 4;
            at += 4;
            if (at + 2 > m.Length)
                return rcode;
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(m[at..]);
            if (at >= m.Length)
                return rcode;
        }
        return rcode;
    }

    /// <summary>tcpdump's ns_nskip: the offset after the name at <paramref name="at"/> (after its first pointer), or <see cref="Absent"/>.</summary>
    private static int SkipName(ReadOnlySpan<byte> m, int at)
    {
        if ((uint)at >= (uint)m.Length)
            return Absent;
        int i = m[at++];
        while (i != 0)
        {
            switch (i & 0xC0)
            {
                case 0xC0:
                    return at + 1;
                case 0x40:
                {
                    if ((i & 0x3F) != 1 || at >= m.Length)
                        return Absent;
                    int bits = m[at++];
                    at += ((bits == 0 ? 256 : bits) + 7) / 8;
                    break;
                }
                case 0x80:
                    return Absent;
                default:
                    at += i;
                    break;
            }
            if ((uint)at >= (uint)m.Length)
                return Absent;
            i = m[at++];
        }
        return at;
    }

    /// <summary>tcpdump's labellen: a label's length as the name walk steps over it, or <see cref="Absent"/> (with its complaint printed).</summary>
    private int LabelLength(ReadOnlySpan<byte> m, int at)
    {
        if ((uint)at >= (uint)m.Length)
            return Absent;
        int i = m[at];
        switch (i & 0xC0)
        {
            case 0x40:
            {
                int element = i & 0x3F;
                if (element != 1)
                {
                    _line.Append("<ELT ");
                    _line.Append(element);
                    _line.Append('>');
                    return Absent;
                }
                if (at + 1 >= m.Length)
                    return Absent;
                int bits = m[at + 1] == 0 ? 256 : m[at + 1];
                return (bits + 7) / 8 + 1;
            }
            case 0x80:
                _line.Append("<BAD LABEL TYPE>");
                return Absent;
            default:
                return i;
        }
    }

    /// <summary>
    /// tcpdump's fqdn_print: the name at <paramref name="at"/>, each pointer required to point before the last one (else
    /// "&lt;BAD PTR&gt;"), at most 255 characters shown; returns the offset after the name in place, or Absent/Jumped.
    /// </summary>
    private int AppendDomainName(ReadOnlySpan<byte> m, int at)
    {
        var line = _line;
        int l = LabelLength(m, at);
        if (l == Absent || at >= m.Length)
            return Absent;
        int maxOffset = at;
        int i = m[at++];
        int rest = Absent;
        bool compressed = false;
        int nameChars = 0;
        if ((i & 0xC0) != 0xC0)
            rest = at + l;
        if (i == 0)
        {
            line.Append('.');
            return rest;
        }
        while (i != 0 && at < m.Length)
        {
            switch (i & 0xC0)
            {
                case 0xC0:
                {
                    if (!compressed)
                    {
                        rest = at + 1;
                        compressed = true;
                    }
                    if (at >= m.Length)
                        return Absent;
                    int offset = ((i << 8) | m[at]) & 0x3FFF;
                    if (offset >= maxOffset)
                    {
                        line.Append("<BAD PTR>");
                        return Absent;
                    }
                    maxOffset = offset;
                    at = offset;
                    if (at >= m.Length)
                        return Absent;
                    i = m[at];
                    if ((l = LabelLength(m, at)) == Absent)
                        return Absent;
                    at++;
                    continue;
                }
                case 0x40:
                {
                    if ((i & 0x3F) != 1)
                    {
                        line.Append("<ELT ");
                        line.Append(i & 0x3F);
                        line.Append('>');
                        return Absent;
                    }
                    if (AppendBitLabel(m, at) == Jumped)
                        return Jumped;
                    break;
                }
                case 0x80:
                    line.Append("<BAD LABEL TYPE>");
                    return Absent;
                default:
                    if (nameChars + l <= MaxDomainNameLength)
                    {
                        if (AppendCharacters(m, at, l))
                            return Absent;
                    }
                    else if (nameChars < MaxDomainNameLength && AppendCharacters(m, at, MaxDomainNameLength - nameChars))
                        return Absent;
                    nameChars += l;
                    break;
            }
            at += l;
            if (nameChars <= MaxDomainNameLength)
                line.Append('.');
            nameChars++;
            if ((uint)at >= (uint)m.Length)
                return Absent;
            i = m[at];
            if ((l = LabelLength(m, at)) == Absent)
                return Absent;
            at++;
            if (!compressed)
                rest += l + 1;
        }
        if (nameChars > MaxDomainNameLength)
            line.Append("<DOMAIN NAME TOO LONG>");
        return rest;
    }

    /// <summary>tcpdump's nd_printn: <paramref name="count"/> bytes as fn_print_char shows them; true when the capture ended first.</summary>
    private bool AppendCharacters(ReadOnlySpan<byte> m, int at, int count)
    {
        for (; count > 0; count--, at++)
        {
            if (at >= m.Length)
                return true;
            AppendPrintable(m[at]);
        }
        return false;
    }

    /// <summary>tcpdump's blabel_print for a bit-string label (RFC 2673) at <paramref name="at"/> (its count byte).</summary>
    private int AppendBitLabel(ReadOnlySpan<byte> m, int at)
    {
        if (at >= m.Length)
            return Absent;
        int bits = m[at] == 0 ? 256 : m[at];
        int limit = at + 1 + (bits + 3) / 4;
        _line.Append("\\[x");
        int b = bits, p = at + 1;
        for (; p < limit && b > 7; b -= 8, p++)
        {
            if (p >= m.Length)
                return Jumped;
            _line.AppendHexDigits(m[p], 2);
        }
        if (b > 4)
        {
            if (p >= m.Length)
                return Jumped;
            _line.AppendHexDigits((ulong)(m[p] & (0xFF << (8 - b)) & 0xFF), 2);
        }
        else if (b > 0)
        {
            if (p >= m.Length)
                return Jumped;
            _line.AppendHexDigits((ulong)((m[p] >> 4) & 0x0F & (0x0F << (4 - b))), 1);
        }
        _line.Append('/');
        _line.Append(bits);
        _line.Append(']');
        return limit;
    }

    /// <summary>tcpdump's ns_qprint: " TYPE[ CLASS][ (QU|QM)]? name"; the offset after the question, or Absent/Jumped.</summary>
    private int AppendQuestion(ReadOnlySpan<byte> m, int at, bool multicast)
    {
        var line = _line;
        int start = at;
        at = SkipName(m, at);
        if (at < 0 || at + 4 > m.Length)
            return Absent;
        int type = BinaryPrimitives.ReadUInt16BigEndian(m[at..]);
        int rawClass = BinaryPrimitives.ReadUInt16BigEndian(m[(at + 2)..]);
        line.Append(' ');
        AppendDnsType(type);
        int @class = multicast ? rawClass & 0x7FFF : rawClass;
        if (@class != 1)
        {
            line.Append(' ');
            AppendDnsClass(@class);
        }
        if (multicast)
            line.Append((rawClass & 0x8000) != 0 ? " (QU)" : " (QM)");
        line.Append("? ");
        int end = AppendDomainName(m, start);
        return end < 0 ? end : end + 4;
    }

    /// <summary>tcpdump's ns_rprint (as -n and -v print it); the offset after the record (the end of the capture when its fixed part is cut), or Absent/Jumped.</summary>
    private int AppendRecord(ReadOnlySpan<byte> m, int at, bool multicast)
    {
        var line = _line;
        if (_verbose)
        {
            line.Append(' ');
            if ((at = AppendDomainName(m, at)) < 0)
                return at;
        }
        else
            at = SkipName(m, at);
        if (at < 0 || at + 10 > m.Length)
            return m.Length;
        var type = (DnsRecordType)BinaryPrimitives.ReadUInt16BigEndian(m[at..]);
        int rawClass = BinaryPrimitives.ReadUInt16BigEndian(m[(at + 2)..]);
        int @class = multicast ? rawClass & 0x7FFF : rawClass;
        if (@class != 1 && type != DnsRecordType.OPT)
        {
            line.Append(' ');
            AppendDnsClass(@class);
        }
        if (multicast && (rawClass & 0x8000) != 0)
            line.Append(" (Cache flush)");
        int optFlags = type == DnsRecordType.OPT ? BinaryPrimitives.ReadUInt16BigEndian(m[(at + 6)..]) : 0;
        int length = BinaryPrimitives.ReadUInt16BigEndian(m[(at + 8)..]);
        at += 10;
        int end = at + length;
        line.Append(' ');
        AppendDnsType((int)type);
        if (end > m.Length)
            return Absent;
        switch (type)
        {
            case DnsRecordType.A:
                if (at + 4 > m.Length)
                    return Absent;
                line.Append(' ');
                line.AppendIpv4(m.Slice(at, 4));
                break;
            case DnsRecordType.NS:
            case DnsRecordType.CNAME:
            case DnsRecordType.PTR:
            case (DnsRecordType)39: // DNAME
            {
                int name = AppendDataName(m, at, 0);
                if (name < 0)
                    return name;
                break;
            }
            case DnsRecordType.SOA:
            {
                if (!_verbose)
                    break;
                line.Append(' ');
                if ((at = AppendDomainName(m, at)) < 0)
                    return at;
                line.Append(' ');
                if ((at = AppendDomainName(m, at)) < 0)
                    return at;
                if (at + 20 > m.Length)
                    return Absent;
                for (int i = 0; i < 5; i++, at += 4)
                {
                    line.Append(' ');
                    line.Append((ulong)BinaryPrimitives.ReadUInt32BigEndian(m[at..]));
                }
                break;
            }
            case DnsRecordType.MX:
            {
                int name = AppendDataName(m, at, 2);
                if (name < 0)
                    return name;
                line.Append(' ');
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(m[at..]));
                break;
            }
            case DnsRecordType.TXT:
                while (at < end)
                {
                    line.Append(" \"");
                    if (at >= m.Length)
                        return Absent;
                    int count = m[at++];
                    if (AppendCharacters(m, at, count))
                        return Absent;
                    at += count;
                    line.Append('"');
                }
                break;
            case DnsRecordType.SRV:
            {
                int name = AppendDataName(m, at, 6);
                if (name < 0)
                    return name;
                line.Append(':');
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(m[(at + 4)..]));
                line.Append(' ');
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(m[at..]));
                line.Append(' ');
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(m[(at + 2)..]));
                break;
            }
            case DnsRecordType.AAAA:
                if (at + 16 > m.Length)
                    return Absent;
                line.Append(' ');
                line.AppendIpv6(m.Slice(at, 16));
                break;
            case DnsRecordType.OPT:
                line.Append(" UDPsize=");
                line.Append(@class);
                if ((optFlags & 0x8000) != 0)
                    line.Append(" DO");
                if (at < end)
                {
                    line.Append(" [");
                    while (at < end)
                    {
                        if ((at = AppendEdnsOption(m, at)) < 0)
                            return at;
                        if (at < end)
                            line.Append(',');
                    }
                    line.Append(']');
                }
                break;
            case (DnsRecordType)104: // UNSPECA: one long string
                if (AppendCharacters(m, at, length))
                    return Absent;
                break;
        }
        return end;
    }

    /// <summary>" name": the name after <paramref name="skip"/> fixed bytes of record data (MX's preference, SRV's numbers); Absent when those are not captured.</summary>
    private int AppendDataName(ReadOnlySpan<byte> m, int at, int skip)
    {
        _line.Append(' ');
        return at + skip > m.Length ? Absent : AppendDomainName(m, at + skip);
    }

    /// <summary>tcpdump's eopt_print: one EDNS option as "NAME data"; the offset after it, or Absent.</summary>
    private int AppendEdnsOption(ReadOnlySpan<byte> m, int at)
    {
        var line = _line;
        if (at + 2 > m.Length)
            return Absent;
        int option = BinaryPrimitives.ReadUInt16BigEndian(m[at..]);
        at += 2;
        string? name = option switch
        {
            1 => "LLQ", 2 => "UL", 3 => "NSID", 5 => "DAU", 6 => "DHU", 7 => "N3U", 8 => "ECS", 9 => "EXPIRE", 10 => "COOKIE",
            11 => "KEEPALIVE", 12 => "PADDING", 13 => "CHAIN", 14 => "KEY-TAG", 16 => "CLIENT-TAG", 17 => "SERVER-TAG", _ => null,
        };
        if (name is null)
        {
            line.Append("Opt");
            line.Append(option);
        }
        else
            line.Append(name);
        if (at + 2 > m.Length)
            return Absent;
        int length = BinaryPrimitives.ReadUInt16BigEndian(m[at..]);
        at += 2;
        if (at + length > m.Length)
            return Absent;
        var data = m.Slice(at, length);
        if (length > 0)
        {
            line.Append(' ');
            switch (option)
            {
                case 8:
                    AppendClientSubnet(data);
                    break;
                case 10:
                    if (length < 8 || (length > 8 && length < 16) || length > 40)
                        line.Append(" (invalid)");
                    else
                    {
                        for (int i = 0; i < length; i++)
                        {
                            if (i == 8)
                                line.Append(' ');
                            line.AppendHexDigits(data[i], 2);
                        }
                    }
                    break;
                case 11:
                    if (length != 2)
                        line.Append(" (invalid)");
                    else
                    {
                        // "%0.1f sec" of tenths of a second.
                        int tenths = BinaryPrimitives.ReadUInt16BigEndian(data);
                        line.Append(tenths / 10);
                        line.Append('.');
                        line.Append(tenths % 10);
                        line.Append(" sec");
                    }
                    break;
                case 9:
                    if (length != 4)
                        line.Append(" (invalid)");
                    else
                    {
                        line.Append((ulong)BinaryPrimitives.ReadUInt32BigEndian(data));
                        line.Append(" sec");
                    }
                    break;
                case 12:
                    line.Append('(');
                    line.Append(length);
                    line.Append(')');
                    break;
                case 14:
                    if (length % 2 != 0)
                        line.Append(" (invalid)");
                    else
                    {
                        for (int i = 0; i < length; i += 2)
                        {
                            if (i > 0)
                                line.Append(' ');
                            line.Append(BinaryPrimitives.ReadUInt16BigEndian(data[i..]));
                        }
                    }
                    break;
                case 5:
                case 6:
                case 7:
                    for (int i = 0; i < length; i++)
                    {
                        if (i > 0)
                            line.Append(' ');
                        AppendAlgorithm(option, data[i]);
                    }
                    break;
                default:
                    foreach (byte b in data)
                        line.AppendHexDigits(b, 2);
                    break;
            }
        }
        return at + length;
    }

    /// <summary>tcpdump's print_eopt_ecs: "address/source/scope", or " (invalid)".</summary>
    private void AppendClientSubnet(ReadOnlySpan<byte> data)
    {
        var line = _line;
        if (data.Length < 4)
        {
            line.Append(" (invalid)");
            return;
        }
        int family = BinaryPrimitives.ReadUInt16BigEndian(data);
        int source = data[2], scope = data[3];
        int bits = family switch { 1 => 32, 2 => 128, _ => 0 };
        if (bits == 0 || data.Length - 4 > bits / 8 || source > bits || scope > bits || (source + 7) / 8 != data.Length - 4)
        {
            line.Append(" (invalid)");
            return;
        }
        Span<byte> address = stackalloc byte[16];
        address.Clear();
        data[4..].CopyTo(address);
        if (family == 1)
            line.AppendIpv4(address[..4]);
        else
            line.AppendIpv6(address);
        line.Append('/');
        line.Append(source);
        line.Append('/');
        line.Append(scope);
    }

    private void AppendAlgorithm(int option, byte algorithm)
    {
        string? name = option switch
        {
            5 => algorithm switch
            {
                0 => "DELETE", 1 => "RSAMD5", 2 => "DH", 3 => "DS", 5 => "RSASHA1", 6 => "DSA-NSEC3-SHA1", 7 => "RSASHA1-NSEC3-SHA1",
                8 => "RSASHA256", 10 => "RSASHA512", 12 => "ECC-GOST", 13 => "ECDSAP256SHA256", 14 => "ECDSAP384SHA384",
                15 => "ED25519", 16 => "ED448", 252 => "INDIRECT", 253 => "PRIVATEDNS", 254 => "PRIVATEOID", _ => null,
            },
            6 => algorithm switch { 1 => "SHA-1", 2 => "SHA-256", 3 => "GOST_R_34.11-94", 4 => "SHA-384", _ => null },
            _ => algorithm == 1 ? "SHA-1" : null,
        };
        if (name is not null)
        {
            _line.Append(name);
            return;
        }
        _line.Append("Alg_");
        _line.Append(algorithm);
    }

    /// <summary>tcpdump's ns_type2str name of a record type, or "TypeN".</summary>
    private void AppendDnsType(int type)
    {
        string? name = type switch
        {
            1 => "A", 2 => "NS", 3 => "MD", 4 => "MF", 5 => "CNAME", 6 => "SOA", 7 => "MB", 8 => "MG", 9 => "MR", 10 => "NULL",
            11 => "WKS", 12 => "PTR", 13 => "HINFO", 14 => "MINFO", 15 => "MX", 16 => "TXT", 17 => "RP", 18 => "AFSDB",
            19 => "X25", 20 => "ISDN", 21 => "RT", 22 => "NSAP", 23 => "NSAP_PTR", 24 => "SIG", 25 => "KEY", 26 => "PX",
            27 => "GPOS", 28 => "AAAA", 29 => "LOC", 30 => "NXT", 31 => "EID", 32 => "NIMLOC", 33 => "SRV", 34 => "ATMA",
            35 => "NAPTR", 36 => "KX", 37 => "CERT", 38 => "A6", 39 => "DNAME", 40 => "SINK", 41 => "OPT", 42 => "APL",
            43 => "DS", 44 => "SSHFP", 45 => "IPSECKEY", 46 => "RRSIG", 47 => "NSEC", 48 => "DNSKEY", 99 => "SPF",
            100 => "UINFO", 101 => "UID", 102 => "GID", 103 => "UNSPEC", 104 => "UNSPECA", 249 => "TKEY", 250 => "TSIG",
            251 => "IXFR", 252 => "AXFR", 253 => "MAILB", 254 => "MAILA", 255 => "ANY", 256 => "URI",
            _ => null,
        };
        if (name is not null)
        {
            _line.Append(name);
            return;
        }
        _line.Append("Type");
        _line.Append(type);
    }

    /// <summary>tcpdump's ns_class2str name of a class, or "(Class N)".</summary>
    private void AppendDnsClass(int @class)
    {
        string? name = @class switch { 1 => "IN", 3 => "CHAOS", 4 => "HS", 255 => "ANY", _ => null };
        if (name is not null)
        {
            _line.Append(name);
            return;
        }
        _line.Append("(Class ");
        _line.Append(@class);
        _line.Append(')');
    }
}
