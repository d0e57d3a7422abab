using RawNet.Protocols.Decoding;
using RawNet.Protocols.Igmp;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The columns of an IGMP message as tshark 4.0 writes them: "IGMPv1" to "IGMPv3" (or "IGMP" for a type no dissector
/// claims), and in Info the type's name, then what each version adds as it reads: ", general" or the group of a v2
/// message, a v3 query's group and sources, a v3 report's records ("/ Join group 239.1.1.1 for any sources"). The text
/// grows read by read (<see cref="IgmpWalk"/>), so a cut message shows what tshark wrote before its read failed.
/// </summary>
internal static class IgmpInfo
{
    /// <summary>The Protocol column of the IGMP layer at <paramref name="index"/>.</summary>
    public static string Protocol(in InfoSource source, int index) => (IgmpForm)source.Packet[index].Detail switch
    {
        IgmpForm.V1 => "IGMPv1",
        IgmpForm.V2 => "IGMPv2",
        IgmpForm.V3Query or IgmpForm.V3Report => "IGMPv3",
        IgmpForm.Rgmp => "RGMP",
        _ => "IGMP",
    };

    /// <summary>True for an IGMP layer whose first read (the type, or a short query's second byte) failed before any column was set.</summary>
    public static bool FailedBeforeColumns(in Layer layer) =>
        layer.Kind == LayerKind.Igmp && (IgmpForm)layer.Detail is IgmpForm.Unread or IgmpForm.QueryUnread;

    /// <summary>Writes the Info text; true when the message was cut short (tshark's read failed).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var bytes = source.Header(index);
        ref readonly Layer layer = ref source.Packet[index];
        var walk = new IgmpWalk(bytes, Math.Max(layer.Extent, bytes.Length), (IgmpForm)layer.Detail);
        bool cut = layer.Status != LayerStatus.Complete;
        if (walk.Form is IgmpForm.Other or IgmpForm.Unread or IgmpForm.QueryUnread)
            return cut;
        byte type = bytes[IgmpMessage.Field.Type];
        if (walk.Form == IgmpForm.Rgmp)
        {
            line.Append(type switch { 0xfc => "Leave", 0xfd => "Join", 0xfe => "Bye", _ => "Hello" });
            return cut;
        }
        line.Append(type switch
        {
            IgmpMessage.TypeQuery => "Membership Query",
            IgmpMessage.TypeV1Report or IgmpMessage.TypeV2Report or IgmpMessage.TypeV3Report => "Membership Report",
            IgmpMessage.TypeLeave => "Leave Group",
            _ => "Unknown Type:0x",
        });
        if (walk.Form == IgmpForm.Unknown)
        {
            line.AppendHexDigits(type, 2);
            return cut;
        }
        ulong recordType = 0, sources = 0;
        while (walk.Next(out var item))
        {
            switch (item.Value)
            {
                case IgmpValue.GroupAddress when walk.Form == IgmpForm.V3Report:
                    AppendRecord(line, bytes.Slice(item.Offset, 4), recordType, sources);
                    break;
                case IgmpValue.GroupAddress when walk.Form == IgmpForm.V2 || walk.Form == IgmpForm.V3Query:
                    AppendGroup(line, bytes.Slice(item.Offset, 4), walk.Form == IgmpForm.V3Query ? IgmpMessage.TypeQuery : type);
                    break;
                case IgmpValue.RecordType:
                    recordType = item.Number;
                    break;
                case IgmpValue.SourceCount:
                    sources = item.Number;
                    if (walk.Form == IgmpForm.V3Query && sources > 0)
                        line.Append(sources > 1 ? ", sources {" : ", source {");
                    break;
                case IgmpValue.SourceAddress:
                    line.AppendIpv4(bytes.Slice(item.Offset, 4));
                    line.Append(item.Number > 0 ? ", " : "}");
                    break;
                case IgmpValue.GroupRecordCount when item.Number == 0:
                    line.Append(" - General query");
                    break;
            }
        }
        // A source tshark named before its read failed: the separator before it is written, the address is not.
        return cut;
    }

    /// <summary>What a v2 message or v3 query adds once its group address was read.</summary>
    private static void AppendGroup(TextLine line, ReadOnlySpan<byte> group, byte type)
    {
        if (group.IndexOfAnyExcept((byte)0) < 0)
        {
            line.Append(", general");
            return;
        }
        line.Append(type switch
        {
            IgmpMessage.TypeLeave => " ",
            IgmpMessage.TypeQuery => ", specific for group ",
            _ => " group ",
        });
        line.AppendIpv4(group);
    }

    /// <summary>What a v3 report's group record adds once its address was read, up to its first source.</summary>
    private static void AppendRecord(TextLine line, ReadOnlySpan<byte> group, ulong recordType, ulong sources)
    {
        bool many = sources > 1;
        if (sources == 0)
        {
            line.Append(recordType switch
            {
                1 or 3 => " / Leave group ",
                2 or 4 => " / Join group ",
                _ => " / Group ",
            });
            line.AppendIpv4(group);
            line.Append(recordType switch
            {
                1 or 3 => "",
                2 or 4 => " for any sources",
                5 => ", ALLOW_NEW_SOURCES but no source specified (?)",
                6 => ", BLOCK_OLD_SOURCES but no source specified (?)",
                _ => ", unknown record type (?)",
            });
            return;
        }
        line.Append(recordType is >= 1 and <= 4 ? " / Join group " : " / Group ");
        line.AppendIpv4(group);
        line.Append(recordType switch
        {
            1 or 3 => many ? " for sources in {" : " for source {",
            2 or 4 => many ? ", for sources not in {" : ", for source not {",
            5 => many ? ", new sources {" : ", new source {",
            6 => many ? ", block sources {" : ", block source {",
            _ => ", unknown record type (?), sources {",
        });
    }
}
