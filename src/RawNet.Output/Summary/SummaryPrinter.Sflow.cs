using System.Buffers.Binary;

namespace RawNet.Output.Summary;

// tcpdump's sFlow printer (print-sflow.c: sflow_print), on UDP port 6343: v5 only.
public sealed partial class SummaryPrinter
{
    private const string SflowCut = " [|sflow]";

    /// <summary>
    /// tcpdump's sFlow line: "sFlowv5, IPv4 agent A, agent-id N, length L" (IPv6 for any address type but 1); with -v
    /// the sequence, uptime and sample count, then per sample and record tcpdump's lines. Another version is "not
    /// supported", a datagram shorter than its header "(invalid)", one the capture cut " [|sflow]" where a read fails.
    /// <paramref name="d"/> is the UDP payload's captured bytes, <paramref name="length"/> its length as UDP declares it.
    /// </summary>
    private void AppendSflow(ReadOnlySpan<byte> d, int length)
    {
        var line = _line;
        if (d.Length < 8)
        {
            line.Append(SflowCut);
            return;
        }
        uint ipVersion = SflowU32(d, 4);
        if (length < 28 && ipVersion == 1 || length < 40 && ipVersion == 2)
        {
            line.Append("sFlowv");
            line.Append((ulong)SflowU32(d, 0));
            line.Append(" [length ");
            line.Append(length);
            line.Append(" < 28] (invalid)");
            return;
        }
        if (d.Length < 28)
        {
            line.Append(SflowCut);
            return;
        }
        uint version = SflowU32(d, 0);
        if (version != 5)
        {
            line.Append("sFlow version ");
            line.Append((ulong)version);
            line.Append(" packet not supported");
            return;
        }
        bool v4 = ipVersion == 1;
        int after = v4 ? 12 : 24;
        if (!_verbose)
        {
            AppendSflowAgent(d, v4);
            line.Append(", length ");
            line.Append(length);
            return;
        }
        if (d.Length < after + 16)
        {
            line.Append(SflowCut);
            return;
        }
        AppendSflowAgent(d, v4);
        line.Append(", seqnum ");
        line.Append((ulong)SflowU32(d, after + 4));
        line.Append(", uptime ");
        line.Append((ulong)SflowU32(d, after + 8));
        line.Append(", samples ");
        uint samples = SflowU32(d, after + 12);
        line.Append((ulong)samples);
        line.Append(", length ");
        line.Append(length);
        int at = after + 16;
        long left = length - at;
        if (left < 0)
        {
            line.Append(" (invalid)");
            return;
        }
        // Every sample takes at least 8 bytes of the datagram: the walk is bounded by its length.
        while (samples > 0 && left > 0)
        {
            if (d.Length < at + 8)
            {
                line.Append(SflowCut);
                return;
            }
            uint type = SflowU32(d, at) & 0xFFF;
            uint sampleLength = SflowU32(d, at + 4);
            if (left < 8)
            {
                AppendSflowInvalid(d, at, left);
                return;
            }
            at += 8;
            left -= 8;
            line.Append("\n\t");
            line.Append(type switch { 1 => "flow sample", 2 => "counter sample", 3 => "expanded flow sample", 4 => "expanded counter sample", _ => "Unknown" });
            line.Append(" (");
            line.Append((ulong)type);
            line.Append("), length ");
            line.Append((ulong)sampleLength);
            line.Append(',');
            if (type == 0 || sampleLength == 0)
                return;
            if (left < sampleLength)
            {
                AppendSflowInvalid(d, at, left);
                return;
            }
            if (d.Length < at + (long)sampleLength)
            {
                line.Append(SflowCut);
                return;
            }
            int result = type switch
            {
                1 => AppendSflowFlowSample(d, at, (int)left, expanded: false),
                2 => AppendSflowCounterSample(d, at, (int)left, expanded: false),
                3 => AppendSflowFlowSample(d, at, (int)left, expanded: true),
                4 => AppendSflowCounterSample(d, at, (int)left, expanded: true),
                _ => SflowUnknown(d, at, (int)sampleLength, "\n\t    "),
            };
            if (result == SflowCutShort)
            {
                line.Append(SflowCut);
                return;
            }
            if (result == SflowInvalid)
            {
                AppendSflowInvalid(d, at, left);
                return;
            }
            at += (int)sampleLength;
            left -= sampleLength;
            samples--;
        }
    }

    private const int SflowFine = 0, SflowInvalid = 1, SflowCutShort = 2;

    /// <summary>Whether <paramref name="size"/> bytes at <paramref name="at"/> are left of the datagram (else invalid) and captured (else cut).</summary>
    private static int SflowCheck(ReadOnlySpan<byte> d, int at, long left, int size) =>
        left < size ? SflowInvalid : d.Length < at + size ? SflowCutShort : SflowFine;

    private int SflowUnknown(ReadOnlySpan<byte> d, int at, int count, string prefix)
    {
        AppendUnknownData(d, at, count, prefix);
        return SflowFine;
    }

    private void AppendSflowAgent(ReadOnlySpan<byte> d, bool v4)
    {
        var line = _line;
        line.Append("sFlowv5, ");
        line.Append(v4 ? "IPv4" : "IPv6");
        line.Append(" agent ");
        if (v4)
            line.AppendIpv4(d.Slice(8, 4));
        else
            line.AppendIpv6(d.Slice(8, 16));
        line.Append(", agent-id ");
        line.Append((ulong)SflowU32(d, v4 ? 12 : 24));
    }

    /// <summary>tcpdump's "invalid" exit: " (invalid)", then " [|sflow]" when the rest of the datagram was not captured.</summary>
    private void AppendSflowInvalid(ReadOnlySpan<byte> d, int at, long left)
    {
        _line.Append(" (invalid)");
        if (d.Length < at + left)
            _line.Append(SflowCut);
    }

    private int AppendSflowFlowSample(ReadOnlySpan<byte> d, int at, int left, bool expanded)
    {
        int size = expanded ? 44 : 32;
        if (SflowCheck(d, at, left, size) is not SflowFine and var check)
            return check;
        uint records = SflowU32(d, at + size - 4);
        AppendSflowSource(d, at, expanded);
        int rest = expanded ? at + 12 : at + 8;
        AppendSflowWords(d, rest, [", rate ", ", pool ", ", drops "]);
        if (!expanded)
            AppendSflowWords(d, at + 20, [", input ", " output ", " records "]);
        else
            AppendSflowWords(d, at + size - 4, [", records "]);
        return AppendSflowRecords(d, at + size, left - size, records, counters: false);
    }

    private int AppendSflowCounterSample(ReadOnlySpan<byte> d, int at, int left, bool expanded)
    {
        int size = expanded ? 16 : 12;
        if (SflowCheck(d, at, left, size) is not SflowFine and var check)
            return check;
        uint records = SflowU32(d, at + size - 4);
        AppendSflowSource(d, at, expanded);
        AppendSflowWords(d, at + size - 4, [", records "]);
        return AppendSflowRecords(d, at + size, left - size, records, counters: true);
    }

    /// <summary>A sample's " seqnum N, type N, idx N": an expanded sample's type and index are words, another's a byte and 24 bits.</summary>
    private void AppendSflowSource(ReadOnlySpan<byte> d, int at, bool expanded)
    {
        var line = _line;
        line.Append(" seqnum ");
        line.Append((ulong)SflowU32(d, at));
        line.Append(", type ");
        line.Append(expanded ? (ulong)SflowU32(d, at + 4) : d[at + 4]);
        line.Append(", idx ");
        line.Append(expanded ? (ulong)SflowU32(d, at + 8) : SflowU32(d, at + 4) & 0xFFFFFF);
    }

    /// <summary>
    /// tcpdump's record walk: each record's header and line, the record checked against what is left of the datagram
    /// (not of the sample), then stepped over by its length. Bounded: every record takes at least 8 bytes.
    /// </summary>
    private int AppendSflowRecords(ReadOnlySpan<byte> d, int at, int left, uint records, bool counters)
    {
        var line = _line;
        while (records > 0)
        {
            if (SflowCheck(d, at, left, 8) is not SflowFine and var check8)
                return check8;
            uint word = SflowU32(d, at);
            uint format = word & 0xFFF;
            // tcpdump takes a counters record's enterprise from the top 12 bits, a flow record's from the top 20.
            uint enterprise = counters ? word >> 20 : word >> 12;
            uint recordLength = SflowU32(d, at + 4);
            line.Append("\n\t    enterprise ");
            line.Append((ulong)enterprise);
            line.Append(counters ? ", " : " ");
            line.Append(enterprise != 0 ? "Unknown" : counters ? SflowCounterName(format) : SflowFlowName(format));
            line.Append(" (");
            line.Append((ulong)format);
            line.Append(") length ");
            line.Append((ulong)recordLength);
            at += 8;
            left -= 8;
            if (left < recordLength)
                return SflowInvalid;
            if (enterprise == 0)
            {
                int result = counters ? AppendSflowCounters(d, at, left, format, (int)recordLength) : AppendSflowFlowRecord(d, at, left, format, (int)recordLength);
                if (result != SflowFine)
                    return result;
            }
            at += (int)recordLength;
            left -= (int)recordLength;
            records--;
        }
        return SflowFine;
    }

    private int AppendSflowFlowRecord(ReadOnlySpan<byte> d, int at, int left, uint format, int recordLength)
    {
        var line = _line;
        switch (format)
        {
            case 1:
                if (SflowCheck(d, at, left, 16) is not SflowFine and var check16)
                    return check16;
                uint protocol = SflowU32(d, at);
                line.Append("\n\t      protocol ");
                line.Append(protocol switch { 1 => "Ethernet", 11 => "IPv4", 12 => "IPv6", _ => "Unknown" });
                line.Append(" (");
                line.Append((ulong)protocol);
                line.Append(')');
                AppendSflowWords(d, at + 4, [", length ", ", stripped bytes ", ", header_size "]);
                return SflowFine;
            case 1001:
                if (SflowCheck(d, at, left, 16) is not SflowFine and var checkSwitch)
                    return checkSwitch;
                AppendSflowWords(d, at, ["\n\t      src vlan ", ", src pri ", ", dst vlan ", ", dst pri "]);
                return SflowFine;
            case 2:
                if (SflowCheck(d, at, left, 24) is not SflowFine and var check24)
                    return check24;
                line.Append("\n\t      frame len ");
                line.Append((ulong)SflowU32(d, at));
                line.Append(", type ");
                line.Append((ulong)SflowU32(d, at + 20));
                return SflowFine;
            case 3 or 4 or (>= 1002 and <= 1012):
                return SflowFine;
            default:
                AppendUnknownData(d, at, recordLength, "\n\t\t");
                return SflowFine;
        }
    }

    private int AppendSflowCounters(ReadOnlySpan<byte> d, int at, int left, uint format, int recordLength)
    {
        var line = _line;
        switch (format)
        {
            case 1:
                if (SflowCheck(d, at, left, 88) is not SflowFine and var check88)
                    return check88;
                uint direction = SflowU32(d, at + 16), status = SflowU32(d, at + 20);
                line.Append("\n\t      ifindex ");
                line.Append((ulong)SflowU32(d, at));
                line.Append(", iftype ");
                line.Append((ulong)SflowU32(d, at + 4));
                line.Append(", ifspeed ");
                line.Append(SflowU64(d, at + 8));
                line.Append(", ifdirection ");
                line.Append((ulong)direction);
                line.Append(direction switch { 0 => " (unknown)", 1 => " (full-duplex)", 2 => " (half-duplex)", 3 => " (in)", 4 => " (out)", _ => " (Unknown)" });
                line.Append("\n\t      ifstatus ");
                line.Append((ulong)status);
                line.Append((status & 1) != 0 ? ", adminstatus: up" : ", adminstatus: down");
                line.Append((status >> 1 & 1) != 0 ? ", operstatus: up" : ", operstatus: down");
                AppendSflowTraffic(d, at + 24, "\n\t      In octets ");
                line.Append("\n\t      In errors ");
                line.Append((ulong)SflowU32(d, at + 48));
                line.Append(", unknown protos ");
                line.Append((ulong)SflowU32(d, at + 52));
                AppendSflowTraffic(d, at + 56, "\n\t      Out octets ");
                line.Append("\n\t      Out errors ");
                line.Append((ulong)SflowU32(d, at + 80));
                line.Append(", promisc mode ");
                line.Append((ulong)SflowU32(d, at + 84));
                return SflowFine;
            case 2:
                if (SflowCheck(d, at, left, 52) is not SflowFine and var check52)
                    return check52;
                AppendSflowWords(d, at, ["\n\t      align errors ", ", fcs errors ", ", single collision ", ", multiple collision ", ", test error ",
                    "\n\t      deferred ", ", late collision ", ", excessive collision ", ", mac trans error ",
                    "\n\t      carrier error ", ", frames too long ", ", mac receive errors ", ", symbol errors "]);
                return SflowFine;
            case 3:
                return SflowFine;
            case 5:
                if (SflowCheck(d, at, left, 28) is not SflowFine and var check28)
                    return check28;
                line.Append("\n\t      vlan_id ");
                line.Append((ulong)SflowU32(d, at));
                line.Append(", octets ");
                line.Append(SflowU64(d, at + 4));
                AppendSflowWords(d, at + 12, [", unicast_pkt ", ", multicast_pkt ", ", broadcast_pkt ", ", discards "]);
                return SflowFine;
            case 1001:
                if (SflowCheck(d, at, left, 28) is not SflowFine and var checkProcessor)
                    return checkProcessor;
                AppendSflowWords(d, at, ["\n\t      5sec ", ", 1min ", ", 5min "]);
                line.Append(", total_mem ");
                line.Append(SflowU64(d, at + 12));
                line.Append(", total_mem ");
                line.Append(SflowU64(d, at + 20));
                return SflowFine;
            default:
                // 100BaseVG's counters are not printed (RawNet's captures hold none): their bytes are dumped like an unknown's.
                AppendUnknownData(d, at, recordLength, "\n\t\t");
                return SflowFine;
        }
    }

    /// <summary>The generic counters' octets (8 bytes) and four packet counts in tcpdump's words.</summary>
    private void AppendSflowTraffic(ReadOnlySpan<byte> d, int at, string octets)
    {
        _line.Append(octets);
        _line.Append(SflowU64(d, at));
        AppendSflowWords(d, at + 8, [", unicast pkts ", ", multicast pkts ", ", broadcast pkts ", ", discards "]);
    }

    private void AppendSflowWords(ReadOnlySpan<byte> d, int at, ReadOnlySpan<string> labels)
    {
        foreach (var label in labels)
        {
            _line.Append(label);
            _line.Append((ulong)SflowU32(d, at));
            at += 4;
        }
    }

    private static string SflowFlowName(uint format) => format switch
    {
        1 => "Raw packet",
        2 => "Ethernet frame",
        3 => "IPv4 Data",
        4 => "IPv6 Data",
        1001 => "Extended Switch data",
        1002 => "Extended Router data",
        1003 => "Extended Gateway data",
        1004 => "Extended User data",
        1005 => "Extended URL data",
        1006 => "Extended MPLS data",
        1007 => "Extended NAT data",
        1008 => "Extended MPLS tunnel",
        1009 => "Extended MPLS VC",
        1010 => "Extended MPLS FEC",
        1011 => "Extended MPLS LVP FEC",
        1012 => "Extended VLAN Tunnel",
        _ => "Unknown",
    };

    private static string SflowCounterName(uint format) => format switch
    {
        1 => "Generic counter",
        2 => "Ethernet counter",
        3 => "Token ring counter",
        4 => "100 BaseVG counter",
        5 => "Vlan counter",
        1001 => "Processor counter",
        _ => "Unknown",
    };

    private static uint SflowU32(ReadOnlySpan<byte> d, int at) => BinaryPrimitives.ReadUInt32BigEndian(d[at..]);

    private static ulong SflowU64(ReadOnlySpan<byte> d, int at) => BinaryPrimitives.ReadUInt64BigEndian(d[at..]);
}
