using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Igmp;

namespace RawNet.Output.Summary;

public sealed partial class SummaryPrinter
{
    // --- IGMP ---

    /// <summary>True for the IGMP types tcpdump hands to printers RawNet does not have (DVMRP, PIMv1, mtrace's two).</summary>
    private static bool IsIgmpPrintedElsewhere(ReadOnlySpan<byte> bytes) => bytes.Length > 0 && bytes[0] is 0x13 or 0x14 or 0x1e or 0x1f;

    /// <summary>
    /// tcpdump's igmp_print: "igmp query v2 [max resp time 20]", "igmp v2 report 239.1.1.1", "igmp leave 239.1.1.1",
    /// "igmp query v3 [max resp time 1.0s] [gaddr 232.1.1.1, 1 source(s)]", "igmp v3 report, 2 group record(s)" (with -v
    /// each record), "igmp-51" for other types; " [|igmp]" where a read ran past the captured bytes, and with -v
    /// " bad igmp cksum 1234!" for a whole message whose checksum is wrong. <paramref name="length"/> is the IP payload's.
    /// </summary>
    private void AppendIgmp(ReadOnlySpan<byte> bytes, int length)
    {
        var line = _line;
        if (bytes.Length < 1 || !AppendIgmpMessage(bytes, length))
        {
            line.Append(" [|igmp]");
            return;
        }
        if (_verbose && length != 0 && bytes.Length >= length && InternetChecksum.Compute(bytes[..length]) != 0)
        {
            line.Append(" bad igmp cksum ");
            line.AppendHexDigits(BinaryPrimitives.ReadUInt16BigEndian(bytes[IgmpMessage.Field.Checksum..]), 0);
            line.Append('!');
        }
    }

    /// <summary>The words of one message; false where a read ran past the captured bytes (the words before it stay).</summary>
    private bool AppendIgmpMessage(ReadOnlySpan<byte> bytes, int length)
    {
        var line = _line;
        byte type = bytes[IgmpMessage.Field.Type];
        switch (type)
        {
            case IgmpMessage.TypeQuery:
                line.Append("igmp query");
                if (length >= IgmpMessage.V3QueryLength)
                    return AppendIgmpV3Query(bytes, length);
                if (bytes.Length < 2)
                    return false;
                byte code = bytes[IgmpMessage.Field.MaxResponse];
                if (code != 0)
                {
                    line.Append(" v2");
                    if (code != 100)
                    {
                        line.Append(" [max resp time ");
                        line.Append((ulong)code);
                        line.Append(']');
                    }
                }
                else
                    line.Append(" v1");
                if (bytes.Length < IgmpMessage.ShortLength)
                    return false;
                var group = bytes.Slice(IgmpMessage.Field.GroupAddress, 4);
                if (group.IndexOfAnyExcept((byte)0) >= 0)
                {
                    line.Append(" [gaddr ");
                    line.AppendIpv4(group);
                    line.Append(']');
                }
                AppendIgmpLength(length);
                return true;
            case IgmpMessage.TypeV1Report or IgmpMessage.TypeV2Report or IgmpMessage.TypeLeave:
                if (bytes.Length < IgmpMessage.ShortLength)
                    return false;
                line.Append(type switch { IgmpMessage.TypeV1Report => "igmp v1 report ", IgmpMessage.TypeV2Report => "igmp v2 report ", _ => "igmp leave " });
                line.AppendIpv4(bytes.Slice(IgmpMessage.Field.GroupAddress, 4));
                if (type == IgmpMessage.TypeV1Report)
                    AppendIgmpLength(length);
                return true;
            case IgmpMessage.TypeV3Report:
                line.Append("igmp v3 report");
                return AppendIgmpV3Report(bytes, length);
            default:
                line.Append("igmp-");
                line.Append((ulong)type);
                return true;
        }
    }

    private void AppendIgmpLength(int length)
    {
        if (length == IgmpMessage.ShortLength)
            return;
        _line.Append(" [len ");
        _line.Append(length);
        _line.Append(']');
    }

    /// <summary>tcpdump's print_igmpv3_query.</summary>
    private bool AppendIgmpV3Query(ReadOnlySpan<byte> bytes, int length)
    {
        var line = _line;
        line.Append(" v3");
        if (length < IgmpMessage.V3QueryLength || (length & 3) != 0)
        {
            line.Append(" [invalid len ");
            line.Append(length);
            line.Append(']');
            return true;
        }
        if (bytes.Length < 2)
            return false;
        byte code = bytes[IgmpMessage.Field.MaxResponse];
        if (code != 100)
        {
            uint tenths = IgmpMessage.V3MaxResponse(code);
            line.Append(" [max resp time ");
            if (tenths < 600)
            {
                line.Append((ulong)(tenths / 10));
                line.Append('.');
                line.Append((ulong)(tenths % 10));
                line.Append('s');
            }
            else
                AppendRelativeSeconds(tenths / 10);
            line.Append(']');
        }
        if (bytes.Length < IgmpMessage.ShortLength)
            return false;
        var group = bytes.Slice(IgmpMessage.Field.GroupAddress, 4);
        if (group.IndexOfAnyExcept((byte)0) < 0)
            return true;
        line.Append(" [gaddr ");
        line.AppendIpv4(group);
        if (bytes.Length < IgmpMessage.V3QueryLength)
            return false;
        int sources = IgmpMessage.U16Of(bytes, IgmpMessage.Field.SourceCount);
        if (sources > 0)
        {
            if (length < IgmpMessage.V3QueryLength + (sources << 2))
                line.Append(" [invalid number of sources]");
            else
            {
                line.Append(", ");
                line.Append(sources);
                line.Append(" source(s)");
            }
        }
        line.Append(']');
        return true;
    }

    /// <summary>tcpdump's unsigned_relts_print: "52m54s", "1h", "0s".</summary>
    private void AppendRelativeSeconds(uint seconds)
    {
        if (seconds == 0)
        {
            _line.Append("0s");
            return;
        }
        ReadOnlySpan<uint> units = [31536000, 604800, 86400, 3600, 60, 1];
        ReadOnlySpan<char> names = "ywdhms";
        for (int i = 0; i < units.Length && seconds > 0; i++)
        {
            if (seconds < units[i])
                continue;
            _line.Append((ulong)(seconds / units[i]));
            _line.Append(names[i]);
            seconds %= units[i];
        }
    }

    /// <summary>tcpdump's print_igmpv3_report: the number of group records, and with -v each record's group, type and number of sources.</summary>
    private bool AppendIgmpV3Report(ReadOnlySpan<byte> bytes, int length)
    {
        var line = _line;
        if (length < 16 || (length & 3) != 0)
        {
            line.Append(" [invalid len ");
            line.Append(length);
            line.Append(']');
            return true;
        }
        if (bytes.Length < IgmpMessage.Field.GroupRecords)
            return false;
        int records = IgmpMessage.U16Of(bytes, IgmpMessage.Field.GroupRecordCount);
        line.Append(", ");
        line.Append(records);
        line.Append(" group record(s)");
        if (!_verbose)
            return true;
        long group = IgmpMessage.Field.GroupRecords;
        for (int i = 0; i < records; i++)
        {
            if (length < group + 8)
            {
                line.Append(" [invalid number of groups]");
                return true;
            }
            if (bytes.Length < group + 8)
                return false;
            int at = (int)group;
            line.Append(" [gaddr ");
            line.AppendIpv4(bytes.Slice(at + IgmpMessage.RecordField.GroupAddress, 4));
            line.Append(' ');
            line.Append(bytes[at] switch
            {
                1 => "is_in",
                2 => "is_ex",
                3 => "to_in",
                4 => "to_ex",
                5 => "allow",
                6 => "block",
                _ => " [v3-report-#",
            });
            if (bytes[at] is 0 or > 6)
            {
                line.Append((ulong)bytes[at]);
                line.Append(']');
            }
            int sources = IgmpMessage.U16Of(bytes, at + IgmpMessage.RecordField.SourceCount);
            if (length < group + 8 + (sources << 2))
            {
                line.Append(" [invalid number of sources ");
                line.Append(sources);
                line.Append(']');
                return true;
            }
            line.Append(", ");
            line.Append(sources);
            line.Append(" source(s)]");
            group += 8 + (sources << 2);
        }
        return true;
    }
}
