using RawNet.Protocols.Snmp;

namespace RawNet.Output.Summary;

// tcpdump 4.99's snmp_print (print-snmp.c, built without libsmi, -n): v1 and v2c as " C="comm" GetRequest(25)  .1.3.6...",
// v3 as " F=apr U="user" E=_80_00... C="ctx" ...", values after "=" in responses and traps, and its marks for BER it
// cannot read ("[len49<asnlen52]", "[!init SEQ]", "[P/A/Opaque]"...). tcpdump reads BER its own way (no indefinite
// lengths, 32-bit integers, one-byte high tags), so these reads follow its asn1_parse; OIDs are written from
// SnmpOid's arcs and integers from SnmpWalk's.
public sealed partial class SummaryPrinter
{
    /// <summary>tcpdump's BE_* element types.</summary>
    private enum SnmpBe : byte { Any, Null, Octet, Oid, Int, Uns, Str, Seq, InetAddr, Pdu, Uns64, NoSuchObject, NoSuchInstance, EndOfMibView }

    /// <summary>One element as tcpdump's asn1_parse leaves it: type, tag number, contents' offset and length, value.</summary>
    private struct SnmpElement
    {
        public SnmpBe Type;
        public int Id;
        public int Contents;
        public uint Length;
        public int Integer;
        public ulong Unsigned;
    }

    private static readonly string[] SnmpUniversalNames =
    [
        "U-0", "Boolean", "Integer", "Bitstring", "String", "Null", "ObjID", "ObjectDes",
        "U-8", "U-9", "U-10", "U-11", "U-12", "U-13", "U-14", "U-15", "Sequence", "Set",
    ];

    private static readonly string[] SnmpApplicationNames = ["IpAddress", "Counter", "Gauge", "TimeTicks", "Opaque", "C-5", "Counter64"];

    private static readonly string[] SnmpPduNames =
        ["GetRequest", "GetNextRequest", "GetResponse", "SetRequest", "Trap", "GetBulk", "Inform", "V2Trap", "Report"];

    private static readonly string[] SnmpErrorStatus =
    [
        "noError", "tooBig", "noSuchName", "badValue", "readOnly", "genErr", "noAccess", "wrongType", "wrongLength", "wrongEncoding",
        "wrongValue", "noCreation", "inconsistentValue", "resourceUnavailable", "commitFailed", "undoFailed", "authorizationError",
        "notWritable", "inconsistentName",
    ];

    private static readonly string[] SnmpGenericTraps =
        ["coldStart", "warmStart", "linkDown", "linkUp", "authenticationFailure", "egpNeighborLoss", "enterpriseSpecific"];

    private const int SnmpGetRequest = 0, SnmpGetNext = 1, SnmpSetRequest = 3, SnmpTrap = 4, SnmpGetBulk = 5, SnmpInform = 6, SnmpV2Trap = 7, SnmpReport = 8;

    /// <summary>tcpdump's snmp_print over the datagram's payload <paramref name="m"/> (captured bytes) of <paramref name="length"/> bytes.</summary>
    private void AppendSnmp(ReadOnlySpan<byte> m, int length)
    {
        var line = _line;
        _snmpJumped = false;
        line.Append(' ');
        uint whole = (uint)Math.Max(length, 0), len = whole;
        int p = 0;
        if (!SnmpDescend(m, ref p, ref len, "[!init SEQ]", out int count))
            return;
        if ((uint)count < whole)
            SnmpExtra(whole - (uint)count, "iSEQ");
        if ((count = SnmpParse(m, p, len, out var e)) < 0)
            return;
        if (e.Type != SnmpBe.Int)
        {
            line.Append("[version!=INT]");
            SnmpPrint(m, e);
            return;
        }
        int version = e.Integer;
        if (version is not (0 or 1 or 3))
        {
            line.Append("SNMP [version = ");
            line.Append((long)version);
            line.Append(']');
            return;
        }
        if (_verbose)
            line.Append(version == 0 ? "{ SNMPv1 " : version == 1 ? "{ SNMPv2c " : "{ SNMPv3 ");
        len -= (uint)count;
        p += count;
        bool done = version == 3 ? SnmpV3(m, p, len) : SnmpCommunity(m, p, len, version);
        if (_verbose && done)
            line.Append("} ");
    }

    /// <summary>"[N extra after WHAT]".</summary>
    private void SnmpExtra(uint extra, string what)
    {
        _line.Append('[');
        _line.Append((long)(int)extra);
        _line.Append(" extra after ");
        _line.Append(what);
        _line.Append(']');
    }

    /// <summary>tcpdump's truncation mark, which ends its printing (a checked read jumps out of the printer).</summary>
    private int SnmpTruncated()
    {
        _line.Append(" [|snmp]");
        _snmpJumped = true;
        return -1;
    }

    /// <summary>Set when a read ran past the captured bytes: tcpdump prints nothing more (not even -v's closing braces).</summary>
    private bool _snmpJumped;

    /// <summary>
    /// tcpdump's asn1_parse at <paramref name="p"/> with <paramref name="len"/> bytes of the datagram left: the element
    /// and the bytes it takes, or -1 after its mark.
    /// </summary>
    private int SnmpParse(ReadOnlySpan<byte> m, int p, uint len, out SnmpElement e)
    {
        var line = _line;
        e = default;
        if (len < 1)
        {
            line.Append("[nothing to parse]");
            return -1;
        }
        if (p >= m.Length)
            return SnmpTruncated();
        byte first = m[p];
        byte id = (byte)(first & 0x1F);
        int form = (first >> 5) & 1, cls = first >> 6;
        p++;
        len--;
        int hdr = 1;
        if (id == 0x1F)
        {
            id = 0;
            // bounded by the captured bytes: each byte read moves on
            while (true)
            {
                if (p >= m.Length)
                    return SnmpTruncated();
                if ((m[p] & 0x80) == 0)
                    break;
                if (len < 1)
                {
                    line.Append("[Xtagfield?]");
                    return -1;
                }
                id = (byte)(id << 7 | (m[p] & 0x7F));
                len--;
                hdr++;
                p++;
            }
            if (len < 1)
            {
                line.Append("[Xtagfield?]");
                return -1;
            }
            id = (byte)(id << 7 | m[p]);
            len--;
            hdr++;
            p++;
        }
        if (len < 1)
        {
            line.Append("[no asnlen]");
            return -1;
        }
        if (p >= m.Length)
            return SnmpTruncated();
        uint asnlen = m[p];
        p++;
        len--;
        hdr++;
        if ((asnlen & 0x80) != 0)
        {
            uint noct = asnlen % 0x80;
            asnlen = 0;
            if (len < noct)
            {
                line.Append("[asnlen? ");
                line.Append((long)(int)len);
                line.Append('<');
                line.Append((long)noct);
                line.Append(']');
                return -1;
            }
            if (p + noct > m.Length)
                return SnmpTruncated();
            for (; noct > 0; noct--, len--, hdr++)
                asnlen = asnlen << 8 | m[p++];
        }
        if (len < asnlen)
        {
            line.Append("[len");
            line.Append((long)(int)len);
            line.Append("<asnlen");
            line.Append((ulong)asnlen);
            line.Append(']');
            return -1;
        }
        int ids = cls switch { 0 => SnmpUniversalNames.Length, 1 => SnmpApplicationNames.Length, 2 => SnmpPduNames.Length, _ => 1 };
        if (id >= ids)
        {
            line.Append("[id?");
            line.Append(form == 0 ? 'P' : 'C');
            line.Append("/x/");
            line.Append((ulong)id);
            line.Append(']');
            return -1;
        }
        // tcpdump 4.99 checks the whole contents were captured once the tag is known to it
        if (p + (long)asnlen > m.Length)
            return SnmpTruncated();
        e.Type = SnmpBe.Any;
        e.Id = id;
        e.Contents = p;
        e.Length = asnlen;
        var contents = m.Slice(p, (int)asnlen);
        if (form == 0)
        {
            switch (cls)
            {
                case 0:
                    switch (id)
                    {
                        case 4:
                            e.Type = SnmpBe.Str;
                            break;
                        case 2:
                            e.Type = SnmpBe.Int;
                            if (asnlen == 0)
                            {
                                line.Append("[asnlen=0]");
                                return -1;
                            }
                            e.Integer = contents.Length >= 4 ? (int)(uint)SnmpWalk.UnsignedOf(contents) : (int)SnmpWalk.SignedOf(contents);
                            break;
                        case 6:
                            e.Type = SnmpBe.Oid;
                            break;
                        case 5:
                            e.Type = SnmpBe.Null;
                            break;
                        default:
                            e.Type = SnmpBe.Octet;
                            line.Append("[P/U/");
                            line.Append(SnmpUniversalNames[id]);
                            line.Append(']');
                            break;
                    }
                    break;
                case 1:
                    switch (id)
                    {
                        case 0:
                            e.Type = SnmpBe.InetAddr;
                            break;
                        case 1 or 2 or 3 or 6:
                            e.Type = id == 6 ? SnmpBe.Uns64 : SnmpBe.Uns;
                            ulong value = SnmpWalk.UnsignedOf(contents);
                            e.Unsigned = id == 6 ? value : (uint)value;
                            break;
                        default:
                            e.Type = SnmpBe.Octet;
                            line.Append("[P/A/");
                            line.Append(SnmpApplicationNames[id]);
                            line.Append(']');
                            break;
                    }
                    break;
                case 2:
                    e.Type = id switch { 0 => SnmpBe.NoSuchObject, 1 => SnmpBe.NoSuchInstance, 2 => SnmpBe.EndOfMibView, _ => SnmpBe.Any };
                    break;
                default:
                    line.Append("[P/x/P-0]");
                    e.Type = SnmpBe.Octet;
                    break;
            }
        }
        else
        {
            switch (cls)
            {
                case 0 when id == 16:
                    e.Type = SnmpBe.Seq;
                    break;
                case 0:
                    e.Type = SnmpBe.Octet;
                    line.Append("C/U/");
                    line.Append(SnmpUniversalNames[id]);
                    break;
                case 2:
                    e.Type = SnmpBe.Pdu;
                    break;
                default:
                    e.Type = SnmpBe.Octet;
                    line.Append("C/x/");
                    line.Append(cls == 1 ? SnmpApplicationNames[id] : "P-0");
                    break;
            }
        }
        return (int)asnlen + hdr;
    }

    /// <summary>tcpdump's asn1_print: the element's value; -1 after the truncation mark.</summary>
    private int SnmpPrint(ReadOnlySpan<byte> m, in SnmpElement e)
    {
        var line = _line;
        bool captured = e.Contents + (long)e.Length <= m.Length;
        switch (e.Type)
        {
            case SnmpBe.Octet:
                if (!captured)
                    return SnmpTruncated();
                foreach (byte b in m.Slice(e.Contents, (int)e.Length))
                {
                    line.Append('_');
                    line.AppendHexDigits(b, 2);
                }
                return 0;
            case SnmpBe.Null:
                return 0;
            case SnmpBe.Oid:
                {
                    var oid = m[Math.Min(e.Contents, m.Length)..][..(int)Math.Min(e.Length, (uint)Math.Max(0, m.Length - e.Contents))];
                    if (SnmpOid.HasArcs(oid))
                    {
                        var arcs = new SnmpOid.Arcs(oid);
                        while (arcs.MoveNext())
                        {
                            line.Append('.');
                            if (arcs.Index > 0)
                            {
                                line.Append((ulong)(uint)arcs.Current);
                                continue;
                            }
                            // tcpdump splits the first sub-identifier as a 32-bit int: its top arc o / 40 (at most 2), printed unsigned
                            ulong top = arcs.Current;
                            arcs.MoveNext();
                            int o = (int)(uint)(top * 40 + arcs.Current);
                            int s = Math.Min(o / 40, 2);
                            line.Append((ulong)(uint)s);
                            line.Append('.');
                            line.Append((ulong)(uint)(o - s * 40));
                        }
                    }
                    return captured ? 0 : SnmpTruncated();
                }
            case SnmpBe.Int:
                line.Append((long)e.Integer);
                return 0;
            case SnmpBe.Uns or SnmpBe.Uns64:
                line.Append(e.Unsigned);
                return 0;
            case SnmpBe.Str:
                return SnmpPrintString(m, e);
            case SnmpBe.Seq:
                line.Append("Seq(");
                line.Append((ulong)e.Length);
                line.Append(')');
                return 0;
            case SnmpBe.InetAddr:
                if (e.Length != 4)
                    line.Append("[inetaddr len!=4]");
                if (!captured)
                    return SnmpTruncated();
                for (int i = 0; i < e.Length; i++)
                {
                    if (i > 0)
                        line.Append('.');
                    line.Append((ulong)m[e.Contents + i]);
                }
                return 0;
            case SnmpBe.NoSuchObject:
                line.Append("[noSuchObject]");
                return 0;
            case SnmpBe.NoSuchInstance:
                line.Append("[noSuchInstance]");
                return 0;
            case SnmpBe.EndOfMibView:
                line.Append("[endOfMibView]");
                return 0;
            case SnmpBe.Pdu:
                line.Append(SnmpPduNames[e.Id]);
                line.Append('(');
                line.Append((ulong)e.Length);
                line.Append(')');
                return 0;
            default:
                line.Append("[BE_ANY!?]");
                return 0;
        }
    }

    /// <summary>A string: quoted when every byte is printable ASCII, else its bytes in hex joined by "_".</summary>
    private int SnmpPrintString(ReadOnlySpan<byte> m, in SnmpElement e)
    {
        if (e.Contents + (long)e.Length > m.Length)
            return SnmpTruncated();
        var bytes = m.Slice(e.Contents, (int)e.Length);
        var line = _line;
        bool printable = true;
        foreach (byte b in bytes)
            printable &= b is >= 0x20 and < 0x7F;
        if (printable)
        {
            line.Append('"');
            foreach (byte b in bytes)
                line.Append((char)b);
            line.Append('"');
            return 0;
        }
        for (int i = 0; i < bytes.Length; i++)
        {
            if (i > 0)
                line.Append('_');
            line.AppendHexDigits(bytes[i], 2);
        }
        return 0;
    }

    /// <summary>A mark for an element of the wrong type, then the element as tcpdump prints it.</summary>
    private void SnmpWrong(ReadOnlySpan<byte> m, in SnmpElement e, string mark)
    {
        _line.Append(mark);
        SnmpPrint(m, e);
    }

    /// <summary>Parses the next element into <paramref name="e"/>, wanting <paramref name="type"/>; false (after tcpdump's marks) when it is not.</summary>
    private bool SnmpNext(ReadOnlySpan<byte> m, ref int p, ref uint len, SnmpBe type, string mark, out SnmpElement e)
    {
        int count = SnmpParse(m, p, len, out e);
        if (count < 0)
            return false;
        if (e.Type != type)
        {
            SnmpWrong(m, e, mark);
            return false;
        }
        len -= (uint)count;
        p += count;
        return true;
    }

    /// <summary>
    /// Parses a SEQUENCE at <paramref name="p"/> and descends into it (<paramref name="p"/> and <paramref name="len"/> become
    /// its contents'); <paramref name="taken"/> the bytes it took. False (after tcpdump's <paramref name="mark"/> and the
    /// element) when it is something else.
    /// </summary>
    private bool SnmpDescend(ReadOnlySpan<byte> m, ref int p, ref uint len, string mark, out int taken)
    {
        taken = SnmpParse(m, p, len, out var e);
        if (taken < 0)
            return false;
        if (e.Type != SnmpBe.Seq)
        {
            SnmpWrong(m, e, mark);
            return false;
        }
        p = e.Contents;
        len = e.Length;
        return true;
    }

    /// <summary>-v's "R=1 ", "B=5 ", "T=123 ".</summary>
    private void SnmpVerboseNumber(string label, int value)
    {
        if (!_verbose)
            return;
        _line.Append(label);
        _line.Append((long)value);
        _line.Append(' ');
    }

    /// <summary>tcpdump's community_print (v1, v2c); true when it got to the end (for -v's closing brace).</summary>
    private bool SnmpCommunity(ReadOnlySpan<byte> m, int p, uint len, int version)
    {
        if (!SnmpNext(m, ref p, ref len, SnmpBe.Str, "[comm!=STR]", out var e))
            return !_snmpJumped;
        bool captured = e.Contents + (long)e.Length <= m.Length;
        if (!captured)
            return SnmpTruncated() == 0;
        if (!m.Slice(e.Contents, (int)e.Length).SequenceEqual("public"u8))
        {
            _line.Append("C=");
            if (SnmpPrintString(m, e) < 0)
                return false;
            _line.Append(' ');
        }
        SnmpPdu(m, p, len, version);
        return !_snmpJumped;
    }

    /// <summary>tcpdump's pdu_print.</summary>
    private void SnmpPdu(ReadOnlySpan<byte> m, int p, uint len, int version)
    {
        var line = _line;
        int count = SnmpParse(m, p, len, out var pdu);
        if (count < 0)
            return;
        if (pdu.Type != SnmpBe.Pdu)
        {
            line.Append("[no PDU]");
            return;
        }
        if ((uint)count < len)
            SnmpExtra(len - (uint)count, "PDU");
        if (_verbose)
            line.Append("{ ");
        SnmpPrint(m, pdu);
        line.Append(' ');
        int id = pdu.Id;
        if (version == 0 && id is SnmpGetBulk or SnmpInform or SnmpV2Trap or SnmpReport)
        {
            line.Append("[v2 PDU in v1 message]");
            return;
        }
        if (version == 1 && id == SnmpTrap)
        {
            line.Append("[v1 PDU in v2 message]");
            return;
        }
        if (id == SnmpTrap)
            SnmpTrapPdu(m, pdu.Contents, pdu.Length);
        else
            SnmpRequestPdu(m, id, pdu.Contents, pdu.Length);
        if (_verbose && !_snmpJumped)
            line.Append(" } ");
    }

    /// <summary>tcpdump's snmppdu_print: request ID (-v), error status and index (GetBulk's N and M), the bindings.</summary>
    private void SnmpRequestPdu(ReadOnlySpan<byte> m, int id, int p, uint len)
    {
        var line = _line;
        if (!SnmpNext(m, ref p, ref len, SnmpBe.Int, "[reqId!=INT]", out var e))
            return;
        SnmpVerboseNumber("R=", e.Integer);
        if (!SnmpNext(m, ref p, ref len, SnmpBe.Int, "[errorStatus!=INT]", out e))
            return;
        bool strict = id is SnmpGetRequest or SnmpGetNext or SnmpSetRequest or SnmpInform or SnmpV2Trap or SnmpReport;
        int error = 0;
        if (strict && e.Integer != 0)
        {
            line.Append("[errorStatus(");
            SnmpErrorName(e.Integer);
            line.Append(")!=0]");
        }
        else if (id == SnmpGetBulk)
        {
            line.Append(" N=");
            line.Append((long)e.Integer);
        }
        else if (e.Integer != 0)
        {
            line.Append(' ');
            SnmpErrorName(e.Integer);
            error = e.Integer;
        }
        if (!SnmpNext(m, ref p, ref len, SnmpBe.Int, "[errorIndex!=INT]", out e))
            return;
        if (strict && e.Integer != 0)
        {
            line.Append("[errorIndex(");
            line.Append((long)e.Integer);
            line.Append(")!=0]");
        }
        else if (id == SnmpGetBulk)
        {
            line.Append(" M=");
            line.Append((long)e.Integer);
        }
        else if (e.Integer != 0)
        {
            if (error == 0)
            {
                line.Append("[errorIndex(");
                line.Append((long)e.Integer);
                line.Append(") w/o errorStatus]");
            }
            else
            {
                line.Append('@');
                line.Append((long)e.Integer);
            }
        }
        else if (error != 0)
            line.Append("[errorIndex==0]");
        SnmpVarBinds(m, id, p, len);
    }

    private void SnmpErrorName(int status)
    {
        if (status >= 0 && status < SnmpErrorStatus.Length)
        {
            _line.Append(SnmpErrorStatus[status]);
            return;
        }
        _line.Append("err=");
        _line.Append((ulong)(uint)status);
    }

    /// <summary>tcpdump's trappdu_print (v1 traps).</summary>
    private void SnmpTrapPdu(ReadOnlySpan<byte> m, int p, uint len)
    {
        var line = _line;
        line.Append(' ');
        if (!SnmpNext(m, ref p, ref len, SnmpBe.Oid, "[enterprise!=OID]", out var e) || SnmpPrint(m, e) < 0)
            return;
        line.Append(' ');
        if (!SnmpNext(m, ref p, ref len, SnmpBe.InetAddr, "[agent-addr!=INETADDR]", out e) || SnmpPrint(m, e) < 0)
            return;
        if (!SnmpNext(m, ref p, ref len, SnmpBe.Int, "[generic-trap!=INT]", out e))
            return;
        int generic = e.Integer;
        line.Append(' ');
        if (generic >= 0 && generic < SnmpGenericTraps.Length)
            line.Append(SnmpGenericTraps[generic]);
        else
        {
            line.Append("gt=");
            line.Append((long)generic);
        }
        if (!SnmpNext(m, ref p, ref len, SnmpBe.Int, "[specific-trap!=INT]", out e))
            return;
        if (generic != 6)
        {
            if (e.Integer != 0)
            {
                line.Append("[specific-trap(");
                line.Append((long)e.Integer);
                line.Append(")!=0]");
            }
        }
        else
        {
            line.Append(" s=");
            line.Append((long)e.Integer);
        }
        line.Append(' ');
        if (!SnmpNext(m, ref p, ref len, SnmpBe.Uns, "[time-stamp!=TIMETICKS]", out e) || SnmpPrint(m, e) < 0)
            return;
        SnmpVarBinds(m, SnmpTrap, p, len);
    }

    /// <summary>tcpdump's varbind_print: " name" for reads, " name=value" for the others.</summary>
    private void SnmpVarBinds(ReadOnlySpan<byte> m, int id, int p, uint len)
    {
        var line = _line;
        uint whole = len;
        if (!SnmpDescend(m, ref p, ref len, "[!SEQ of varbind]", out int count))
            return;
        if ((uint)count < whole)
            SnmpExtra(whole - (uint)count, "SEQ of varbind");
        bool read = id is SnmpGetRequest or SnmpGetNext or SnmpGetBulk;
        // bounded: every binding takes at least its two header bytes
        while (len > 0)
        {
            line.Append(' ');
            int at = p;
            uint left = len;
            if (!SnmpDescend(m, ref p, ref len, "[!varbind]", out count))
                return;
            int next = at + count;
            uint rest = left - (uint)count;
            if (!SnmpNext(m, ref p, ref len, SnmpBe.Oid, "[objName!=OID]", out var e) || SnmpPrint(m, e) < 0)
                return;
            if (!read)
                line.Append('=');
            if (SnmpParse(m, p, len, out e) < 0)
                return;
            if (e.Type != SnmpBe.Null)
            {
                if (read)
                    line.Append("[objVal!=NULL]");
                if (SnmpPrint(m, e) < 0)
                    return;
            }
            len = rest;
            p = next;
        }
    }

    /// <summary>tcpdump's v3msg_print: the header's flags ("F=apr"), the USM parameters, the scoped PDU.</summary>
    private bool SnmpV3(ReadOnlySpan<byte> m, int p, uint len)
    {
        var line = _line;
        int start = p;
        uint whole = len;
        if (!SnmpDescend(m, ref p, ref len, "[!message]", out int count))
            return !_snmpJumped;
        if (_verbose)
            line.Append("{ ");
        if (!SnmpNext(m, ref p, ref len, SnmpBe.Int, "[msgID!=INT]", out var e) || !SnmpNext(m, ref p, ref len, SnmpBe.Int, "[msgMaxSize!=INT]", out e))
            return !_snmpJumped;
        if ((count = SnmpParse(m, p, len, out e)) < 0)
            return !_snmpJumped;
        if (e.Type != SnmpBe.Str)
        {
            SnmpWrong(m, e, "[msgFlags!=STR]");
            return !_snmpJumped;
        }
        if (e.Length != 1)
        {
            line.Append("[msgFlags size ");
            line.Append((long)(int)e.Length);
            line.Append(']');
            return true;
        }
        if (e.Contents >= m.Length)
            return SnmpTruncated() == 0;
        byte flags = m[e.Contents];
        if (flags is not (0x00 or 0x01 or 0x03 or 0x04 or 0x05 or 0x07))
        {
            line.Append("[msgFlags=0x");
            line.AppendHexDigits(flags, 2, uppercase: true);
            line.Append(']');
            return true;
        }
        len -= (uint)count;
        p += count;
        line.Append("F=");
        if ((flags & 1) != 0)
            line.Append('a');
        if ((flags & 2) != 0)
            line.Append('p');
        if ((flags & 4) != 0)
            line.Append('r');
        line.Append(' ');
        if ((count = SnmpParse(m, p, len, out e)) < 0)
            return !_snmpJumped;
        if (e.Type != SnmpBe.Int)
        {
            SnmpWrong(m, e, "[msgSecurityModel!=INT]");
            return !_snmpJumped;
        }
        int model = e.Integer;
        len -= (uint)count;
        p += count;
        if ((uint)count < len)
            SnmpExtra(len - (uint)count, "message SEQ");
        if (_verbose)
            line.Append("} ");
        if (model != 3)
        {
            line.Append("[security model ");
            line.Append((long)model);
            line.Append(']');
            return true;
        }
        if (_verbose)
            line.Append("{ USM ");
        len = whole - (uint)(p - start);
        if (!SnmpNext(m, ref p, ref len, SnmpBe.Str, "[msgSecurityParameters!=STR]", out e))
            return !_snmpJumped;
        SnmpUsm(m, e.Contents, e.Length);
        if (_snmpJumped)
            return false;
        if (_verbose)
            line.Append("} { ScopedPDU ");
        SnmpScopedPdu(m, p, len);
        if (_snmpJumped)
            return false;
        if (_verbose)
            line.Append("} ");
        return true;
    }

    /// <summary>tcpdump's usm_print: "U=user " (and -v's boots and time).</summary>
    private void SnmpUsm(ReadOnlySpan<byte> m, int p, uint len)
    {
        var line = _line;
        if (!SnmpDescend(m, ref p, ref len, "[!usm]", out _))
            return;
        if (!SnmpNext(m, ref p, ref len, SnmpBe.Str, "[msgAuthoritativeEngineID!=STR]", out var e)
            || !SnmpNext(m, ref p, ref len, SnmpBe.Int, "[msgAuthoritativeEngineBoots!=INT]", out e))
            return;
        SnmpVerboseNumber("B=", e.Integer);
        if (!SnmpNext(m, ref p, ref len, SnmpBe.Int, "[msgAuthoritativeEngineTime!=INT]", out e))
            return;
        SnmpVerboseNumber("T=", e.Integer);
        if (!SnmpNext(m, ref p, ref len, SnmpBe.Str, "[msgUserName!=STR]", out e))
            return;
        line.Append("U=");
        if (SnmpPrintString(m, e) < 0)
            return;
        line.Append(' ');
        if (!SnmpNext(m, ref p, ref len, SnmpBe.Str, "[msgAuthenticationParameters!=STR]", out e))
            return;
        int count2 = SnmpParse(m, p, len, out e);
        if (count2 < 0)
            return;
        if (e.Type != SnmpBe.Str)
        {
            SnmpWrong(m, e, "[msgPrivacyParameters!=STR]");
            return;
        }
        len -= (uint)count2;
        if ((uint)count2 < len)
            SnmpExtra(len - (uint)count2, "usm SEQ");
    }

    /// <summary>tcpdump's scopedpdu_print: "E=" and the context engine's bytes, "C=" and the context name, the PDU.</summary>
    private void SnmpScopedPdu(ReadOnlySpan<byte> m, int p, uint len)
    {
        var line = _line;
        if (!SnmpDescend(m, ref p, ref len, "[!scoped PDU]", out _))
            return;
        if (!SnmpNext(m, ref p, ref len, SnmpBe.Str, "[contextEngineID!=STR]", out var e))
            return;
        line.Append("E=");
        e.Type = SnmpBe.Octet;
        if (SnmpPrint(m, e) < 0)
            return;
        line.Append(' ');
        if (!SnmpNext(m, ref p, ref len, SnmpBe.Str, "[contextName!=STR]", out e))
            return;
        line.Append("C=");
        if (SnmpPrintString(m, e) < 0)
            return;
        line.Append(' ');
        SnmpPdu(m, p, len, 3);
    }
}
