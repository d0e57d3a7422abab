using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ipv4;

/// <summary>
/// IPv4 options, walked as tshark's dissect_ip_tcp_options walks them over the header's declared options: EOL and NOP
/// are one byte, any other option its type, length and data; an option tshark does not know shows no field, and a
/// length too short or past the options stops the walk, as does EOL or the end of the capture (tshark 4.0 decodes an
/// option of the wrong size all the same). Each field's occurrence is the n-th option that has it.
/// </summary>
internal static class Ipv4OptionFieldReader
{
    /// <summary>What a field reads of an option: its <see cref="FieldDefinition.Offset"/> (<see cref="Protocol"/> plus the option's type for the per-option items).</summary>
    public const int Type = 0, Copy = 1, Class = 2, Number = 3, Length = 4, RouterAlert = 5, Protocol = 0x100;

    private const byte EndOfList = 0, NoOperation = 1, RouterAlertType = 148;

    // tshark's option table: type, name, and the length it wants (0: one byte, no length; negative: at least that).
    private static readonly (byte Type, string Name, string Label, int Length)[] Known =
    [
        (EndOfList, "eol", "End of Options List (EOL)", 0), (NoOperation, "nop", "No-Operation (NOP)", 0),
        (130, "security", "Security", 11), (131, "route", "Loose Source Route", -3), (68, "timestamp", "Time Stamp", -4),
        (133, "ext_security", "Extended Security", -3), (134, "cipso", "Commercial Security", -10),
        (7, "record_route", "Record Route", -3), (136, "sid", "Stream ID", 4), (137, "source_route", "Strict Source Route", -3),
        (11, "mtu_probe", "MTU Probe", 4), (12, "mtu_reply", "MTU Reply", 4), (82, "traceroute", "Traceroute", 12),
        (RouterAlertType, "routeralert", "Router Alert", 4), (149, "sdb", "Selective Directed Broadcast", -6), (25, "qs", "Quick-Start", 8),
    ];

    public static bool Serves(ComputedField computed) => computed == ComputedField.Ipv4Option;

    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (header.Length < 1 || header[0] >> 4 != 4 || occurrence < 0)
            return false;
        int end = (header[0] & 0x0F) * 4;
        int seen = 0;
        // each option takes at least one byte: the walk is bounded by the header
        for (int at = Ipv4Header.MinLength; at < end;)
        {
            if (at >= header.Length)
                return false;
            byte type = header[at];
            int wanted = WantedLength(type, out bool known);
            int size = 1;
            if (wanted != 0)
            {
                if (at + 1 >= end || at + 1 >= header.Length)
                    return false;
                size = header[at + 1];
                // tshark 4.0 stops here, and still decodes an option of a size other than its own
                if (size < 2 || size > end - at)
                    return false;
                if (at + size > header.Length)
                    return false;
            }
            if (known && TryReadItem(field.Offset, type, header.Slice(at, size), wanted != 0, layerOffset + at, out var found) && seen++ == occurrence)
            {
                value = found;
                return true;
            }
            if (type == EndOfList)
                return false;
            at += size;
        }
        return false;
    }

    private static int WantedLength(byte type, out bool known)
    {
        foreach (var option in Known)
        {
            if (option.Type == type)
            {
                known = true;
                return option.Length;
            }
        }
        known = false;
        return -2;
    }

    private static bool TryReadItem(int item, byte type, ReadOnlySpan<byte> option, bool hasLength, int offset, out FieldValue value)
    {
        value = item switch
        {
            Type => new FieldValue(type, offset, 1),
            Copy => new FieldValue((ulong)(type >> 7), offset, 1),
            Class => new FieldValue((ulong)(type >> 5) & 3, offset, 1),
            Number => new FieldValue(type & 0x1FUL, offset, 1),
            Length when hasLength => new FieldValue((ulong)option.Length, offset + 1, 1),
            RouterAlert when type == RouterAlertType && option.Length >= 4 => new FieldValue(BinaryPrimitives.ReadUInt16BigEndian(option[2..]), offset + 2, 2),
            >= Protocol when item - Protocol == type => new FieldValue(0, offset, option.Length),
            _ => new FieldValue(0, -1, -1),
        };
        return value.Offset >= 0;
    }

    /// <summary>The option fields, and one "ip.options.NAME" item per option tshark knows (its bytes, as -T fields shows a protocol).</summary>
    public static FieldDefinition[] Fields()
    {
        var fields = new List<FieldDefinition>
        {
            Make("ip.opt.type", "Type", FieldKind.Decimal, Type),
            Make("ip.opt.type.copy", "Copy on fragmentation", FieldKind.Boolean, Copy),
            Make("ip.opt.type.class", "Class", FieldKind.Decimal, Class),
            Make("ip.opt.type.number", "Number", FieldKind.Decimal, Number),
            Make("ip.opt.len", "Length", FieldKind.Decimal, Length),
            Make("ip.opt.ra", "Router Alert", FieldKind.Decimal, RouterAlert),
        };
        foreach (var option in Known)
            fields.Add(Make("ip.options." + option.Name, "IP Option - " + option.Label, FieldKind.Bytes, Protocol + option.Type, inTree: false));
        return [.. fields];
    }

    private static FieldDefinition Make(string name, string label, FieldKind kind, int item, bool inTree = true) =>
        FieldDefinition.Item(name, label, LayerKind.Ipv4, kind, ComputedField.Ipv4Option, inTree: inTree, offset: item);
}
