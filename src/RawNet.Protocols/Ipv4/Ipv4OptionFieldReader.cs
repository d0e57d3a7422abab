using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ipv4;

/// <summary>
/// IPv4 options, walked as tshark's dissect_ip_tcp_options walks them over the header's declared options: EOL and NOP
/// are one byte, any other option its type, length and data; an option tshark does not know shows no field, and a
/// length too short or past the options stops the walk, as does EOL; options the capture cut show nothing (tshark 4.0 decodes an
/// option of the wrong size all the same). Each field's occurrence is the n-th option that has it.
/// </summary>
internal static class Ipv4OptionFieldReader
{
    /// <summary>What a field reads of an option: its <see cref="FieldDefinition.Offset"/> (<see cref="Protocol"/> plus the option's type for the per-option items).</summary>
    public const int Type = 0, Copy = 1, Class = 2, Number = 3, Length = 4, RouterAlert = 5, Pointer = 6, Overflow = 7, Flag = 8,
        TimeStamp = 9, TimeStampAddress = 10, RecordedRoute = 11, RecordedRouteHost = 12, EmptyRoute = 13, EmptyRouteHost = 14,
        SourceRoute = 15, SourceRouteHost = 16, SecurityLevel = 17, SecurityCompartments = 18, SecurityHandling = 19, SecurityTcc = 20,
        RouteDestination = 21, Protocol = 0x100;

    private const byte EndOfList = 0, NoOperation = 1, RouterAlertType = 148, SecurityType = 130, LooseRouteType = 131, TimeStampType = 68,
        RecordRouteType = 7, StrictRouteType = 137;

    /// <summary>The security levels RFC 791 names (tshark's secl_rfc791_vals); another level is RFC 1108's, read otherwise.</summary>
    private static ReadOnlySpan<ushort> Rfc791Levels =>
        [0x0000, 0xF135, 0x789A, 0xBC4D, 0x5E26, 0xAF13, 0xD788, 0x6BC5, 0x35E2, 0x9AF1, 0x4D78, 0x24BD, 0x135E, 0x89AF, 0xC4D6, 0xE26B];

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

    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value) =>
        TryRead(field.Offset, header, layerOffset, occurrence, out value);

    /// <summary>
    /// The <paramref name="occurrence"/>-th final destination a source route option names (its last slot, while its
    /// pointer has not passed its end), which tshark adds as ip.dst (and ip.addr, ip.dst_host, ip.host) in the option.
    /// </summary>
    public static bool TryReadRouteDestination(ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value) =>
        TryRead(RouteDestination, header, layerOffset, occurrence, out value);

    private static bool TryRead(int item, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (header.Length < 1 || header[0] >> 4 != 4 || occurrence < 0)
            return false;
        int end = (header[0] & 0x0F) * 4;
        // tshark shows no option at all when the capture cuts the options short
        if (end > header.Length)
            return false;
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
            if (known)
            {
                // an option holds at most 10 addresses or time stamps: the inner walk ends with them
                for (int index = 0; TryReadItem(item, type, header.Slice(at, size), wanted != 0, layerOffset + at, index, out var found); index++)
                {
                    if (seen++ == occurrence)
                    {
                        value = found;
                        return true;
                    }
                }
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

    /// <summary>The <paramref name="index"/>-th value of <paramref name="item"/> in one option (most items have one at most).</summary>
    private static bool TryReadItem(int item, byte type, ReadOnlySpan<byte> option, bool hasLength, int offset, int index, out FieldValue value)
    {
        value = default;
        switch (item)
        {
            case Pointer when type is RecordRouteType or LooseRouteType or StrictRouteType or TimeStampType:
                return index == 0 && option.Length > 2 && Found(option[2], offset + 2, 1, out value);
            case Overflow when type == TimeStampType:
                return index == 0 && option.Length > 3 && Found((ulong)(option[3] >> 4), offset + 3, 1, out value);
            case Flag when type == TimeStampType:
                return index == 0 && option.Length > 3 && Found(option[3] & 0x0FUL, offset + 3, 1, out value);
            case TimeStamp or TimeStampAddress when type == TimeStampType:
                return TryReadTimeStamp(option, item == TimeStampAddress, offset, index, out value);
            case >= RecordedRoute and <= SourceRouteHost when type is RecordRouteType or LooseRouteType or StrictRouteType:
                return TryReadRoute(option, type, (item - RecordedRoute) / 2, offset, index, out value);
            case RouteDestination when type is LooseRouteType or StrictRouteType:
                return TryReadRoute(option, type, DestinationSlot, offset, index, out value);
            case >= SecurityLevel and <= SecurityTcc when type == SecurityType:
                return index == 0 && TryReadSecurity(option, item, offset, out value);
            case >= Pointer and < Protocol:
                return false;
        }
        if (index != 0)
            return false;
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

    private static bool Found(ulong number, int offset, int length, out FieldValue value)
    {
        value = new FieldValue(number, offset, length);
        return true;
    }

    /// <summary>
    /// Time stamps as tshark's dissect_ipopt_timestamp reads them after the pointer and the overflow/flag byte: 8-byte
    /// address and time pairs for flags 1 and 3, else 4-byte times, until fewer bytes than one entry are left.
    /// </summary>
    private static bool TryReadTimeStamp(ReadOnlySpan<byte> option, bool address, int offset, int index, out FieldValue value)
    {
        value = default;
        if (option.Length < 5)
            return false;
        int flag = option[3] & 0x0F;
        bool withAddresses = flag is 1 or 3;
        int entry = withAddresses ? 8 : 4;
        if (address && !withAddresses)
            return false;
        int at = 4 + index * entry;
        if (index < 0 || at + entry > option.Length)
            return false;
        if (address)
            return Found(0, offset + at, 4, out value);
        int time = withAddresses ? at + 4 : at;
        return Found(BinaryPrimitives.ReadUInt32BigEndian(option[time..]), offset + time, 4, out value);
    }

    private const int DestinationSlot = 3;

    /// <summary>
    /// The addresses of a record route or source route option as tshark's dissect_ipopt_record_route and
    /// dissect_ipopt_route sort them by the pointer (<paramref name="kind"/>: 0 recorded, 1 empty, 2 source route or
    /// <see cref="DestinationSlot"/>): none when the pointer is before the first slot or inside one; a full option's are
    /// all recorded; a source route's last slot is the destination.
    /// </summary>
    private static bool TryReadRoute(ReadOnlySpan<byte> option, byte type, int kind, int offset, int index, out FieldValue value)
    {
        value = default;
        if (option.Length < 3)
            return false;
        int pointer = option[2];
        if (pointer < 4 || (pointer & 3) != 0)
            return false;
        bool sourceRoute = type != RecordRouteType;
        int seen = 0;
        for (int at = 3; at + 4 <= option.Length; at += 4)
        {
            int slot;
            if (pointer > option.Length)
                slot = 0;
            else if (sourceRoute && at == option.Length - 4)
                slot = DestinationSlot;
            else if (at + 1 < pointer)
                slot = 0;
            else
                slot = sourceRoute ? 2 : 1;
            if (slot == kind && seen++ == index)
                return Found(0, offset + at, 4, out value);
        }
        return false;
    }

    /// <summary>An RFC 791 security option (11 bytes, a level RFC 791 names): level, compartments, handling restrictions and TCC.</summary>
    private static bool TryReadSecurity(ReadOnlySpan<byte> option, int item, int offset, out FieldValue value)
    {
        value = default;
        if (option.Length != 11 || Rfc791Levels.IndexOf(BinaryPrimitives.ReadUInt16BigEndian(option[2..])) < 0)
            return false;
        return item switch
        {
            SecurityLevel => Found(BinaryPrimitives.ReadUInt16BigEndian(option[2..]), offset + 2, 2, out value),
            SecurityCompartments => Found(BinaryPrimitives.ReadUInt16BigEndian(option[4..]), offset + 4, 2, out value),
            SecurityHandling => Found(0, offset + 6, 2, out value),
            _ => Found(0, offset + 8, 3, out value),
        };
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
            Make("ip.opt.ptr", "Pointer", FieldKind.Decimal, Pointer),
            Make("ip.opt.overflow", "Overflow", FieldKind.Decimal, Overflow),
            Make("ip.opt.flag", "Flag", FieldKind.Hex, Flag, hexDigits: 2),
            Make("ip.opt.time_stamp_addr", "Address", FieldKind.Ipv4Address, TimeStampAddress),
            Make("ip.opt.time_stamp", "Time stamp", FieldKind.Decimal, TimeStamp),
            Make("ip.rec_rt", "Recorded Route", FieldKind.Ipv4Address, RecordedRoute),
            Make("ip.rec_rt_host", "Recorded Route Host", FieldKind.Ipv4Address, RecordedRouteHost, inTree: false),
            Make("ip.empty_rt", "Empty Route", FieldKind.Ipv4Address, EmptyRoute),
            Make("ip.empty_rt_host", "Empty Route Host", FieldKind.Ipv4Address, EmptyRouteHost, inTree: false),
            Make("ip.src_rt", "Source Route", FieldKind.Ipv4Address, SourceRoute),
            Make("ip.src_rt_host", "Source Route Host", FieldKind.Ipv4Address, SourceRouteHost, inTree: false),
            Make("ip.opt.sec_rfc791_sec", "Security", FieldKind.Hex, SecurityLevel, hexDigits: 4),
            Make("ip.opt.sec_rfc791_comp", "Compartments", FieldKind.Decimal, SecurityCompartments),
            Make("ip.opt.sec_rfc791_hr", "Handling Restrictions", FieldKind.Text, SecurityHandling),
            Make("ip.opt.sec_rfc791_tcc", "Transmission Control Code", FieldKind.Text, SecurityTcc),
        };
        foreach (var option in Known)
            fields.Add(Make("ip.options." + option.Name, "IP Option - " + option.Label, FieldKind.Bytes, Protocol + option.Type, inTree: false));
        return [.. fields];
    }

    private static FieldDefinition Make(string name, string label, FieldKind kind, int item, bool inTree = true, int hexDigits = 0) =>
        FieldDefinition.Item(name, label, LayerKind.Ipv4, kind, ComputedField.Ipv4Option, inTree: inTree, offset: item, hexDigits: hexDigits);
}
