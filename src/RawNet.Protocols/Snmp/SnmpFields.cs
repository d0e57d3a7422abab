using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Snmp;

/// <summary>
/// The SNMP field table (Wireshark "snmp"), in <see cref="SnmpValue"/>'s order, every field read by
/// <see cref="SnmpFieldReader"/> (<see cref="ComputedField.Snmp"/>) from the items <see cref="SnmpWalk"/> lists: each
/// occurs once per element that carries it, in message order, as <c>tshark -T fields</c> lists them.
/// </summary>
public static class SnmpFields
{
    private static readonly FieldValueTable<SnmpValue> Table = new(
    [
        (D("snmp.version", "version", FieldKind.SignedDecimal), SnmpValue.Version),
        (D("snmp.community", "community", FieldKind.Text), SnmpValue.Community),
        (D("snmp.msgVersion", "msgVersion", FieldKind.SignedDecimal), SnmpValue.MsgVersion),
        (D("snmp.msgID", "msgID", FieldKind.Decimal), SnmpValue.MsgId),
        (D("snmp.msgMaxSize", "msgMaxSize", FieldKind.Decimal), SnmpValue.MsgMaxSize),
        (D("snmp.msgFlags", "msgFlags", FieldKind.Bytes), SnmpValue.MsgFlags),
        (D("snmp.v3.flags.report", "Reportable", FieldKind.Boolean), SnmpValue.FlagReport),
        (D("snmp.v3.flags.crypt", "Encrypted", FieldKind.Boolean), SnmpValue.FlagCrypt),
        (D("snmp.v3.flags.auth", "Authenticated", FieldKind.Boolean), SnmpValue.FlagAuth),
        (D("snmp.msgSecurityModel", "msgSecurityModel", FieldKind.Decimal), SnmpValue.MsgSecurityModel),
        (D("snmp.msgAuthoritativeEngineID", "msgAuthoritativeEngineID", FieldKind.Bytes), SnmpValue.EngineId),
        (D("snmp.msgAuthoritativeEngineBoots", "msgAuthoritativeEngineBoots", FieldKind.Decimal), SnmpValue.EngineBoots),
        (D("snmp.msgAuthoritativeEngineTime", "msgAuthoritativeEngineTime", FieldKind.Decimal), SnmpValue.EngineTime),
        (D("snmp.msgUserName", "msgUserName", FieldKind.Text), SnmpValue.UserName),
        (D("snmp.msgAuthenticationParameters", "msgAuthenticationParameters", FieldKind.Bytes), SnmpValue.AuthParameters),
        (D("snmp.msgPrivacyParameters", "msgPrivacyParameters", FieldKind.Bytes), SnmpValue.PrivParameters),
        (D("snmp.msgData", "msgData", FieldKind.Decimal), SnmpValue.MsgData),
        (D("snmp.encryptedPDU", "encryptedPDU", FieldKind.Bytes), SnmpValue.EncryptedPdu),
        (D("snmp.contextEngineID", "contextEngineID", FieldKind.Bytes), SnmpValue.ContextEngineId),
        (D("snmp.contextName", "contextName", FieldKind.Text), SnmpValue.ContextName),
        (D("snmp.data", "data", FieldKind.Decimal), SnmpValue.Data),
        (D("snmp.request_id", "request-id", FieldKind.SignedDecimal), SnmpValue.RequestId),
        (D("snmp.error_status", "error-status", FieldKind.SignedDecimal), SnmpValue.ErrorStatus),
        (D("snmp.error_index", "error-index", FieldKind.SignedDecimal), SnmpValue.ErrorIndex),
        (D("snmp.non_repeaters", "non-repeaters", FieldKind.Decimal), SnmpValue.NonRepeaters),
        (D("snmp.max_repetitions", "max-repetitions", FieldKind.Decimal), SnmpValue.MaxRepetitions),
        (D("snmp.enterprise", "enterprise", FieldKind.BuiltText), SnmpValue.Enterprise),
        (D("snmp.agent_addr", "agent-addr", FieldKind.Ipv4Address), SnmpValue.AgentAddr),
        (D("snmp.generic_trap", "generic-trap", FieldKind.SignedDecimal), SnmpValue.GenericTrap),
        (D("snmp.specific_trap", "specific-trap", FieldKind.SignedDecimal), SnmpValue.SpecificTrap),
        (D("snmp.time_stamp", "time-stamp", FieldKind.Decimal), SnmpValue.TimeStamp),
        (D("snmp.variable_bindings", "variable-bindings", FieldKind.Decimal), SnmpValue.VariableBindings),
        (D("snmp.name", "Object Name", FieldKind.BuiltText), SnmpValue.Name),
        (D("snmp.value.int", "Value (Integer32)", FieldKind.SignedDecimal), SnmpValue.ValueInt),
        (D("snmp.value.octets", "Value (OctetString)", FieldKind.Bytes), SnmpValue.ValueOctets),
        (D("snmp.value.oid", "Value (OID)", FieldKind.BuiltText), SnmpValue.ValueOid),
        (D("snmp.value.null", "Value (Null)", FieldKind.Marker), SnmpValue.ValueNull),
        (D("snmp.value.ipv4", "Value (IpAddress)", FieldKind.Ipv4Address), SnmpValue.ValueIpv4),
        (D("snmp.value.ipv6", "Value (IpAddress)", FieldKind.Ipv6Address), SnmpValue.ValueIpv6),
        (D("snmp.value.addr", "Value (IpAddress)", FieldKind.Bytes), SnmpValue.ValueAddr),
        (D("snmp.value.u32", "Value (Unsigned32)", FieldKind.SignedDecimal), SnmpValue.ValueU32),
        (D("snmp.value.g32", "Value (Gauge32)", FieldKind.SignedDecimal), SnmpValue.ValueG32),
        (D("snmp.value.unk", "Value (Unknown)", FieldKind.Bytes), SnmpValue.ValueUnknown),
        (D("snmp.value.counter", "Value (Counter32)", FieldKind.Decimal), SnmpValue.ValueCounter),
        (D("snmp.value.nsap", "Value (NSAP)", FieldKind.Decimal), SnmpValue.ValueNsap),
        (D("snmp.value.timeticks", "Value (Timeticks)", FieldKind.Decimal), SnmpValue.ValueTimeticks),
        (D("snmp.value.opaque", "Value (Opaque)", FieldKind.Bytes), SnmpValue.ValueOpaque),
        (D("snmp.noSuchObject", "noSuchObject", FieldKind.Marker), SnmpValue.NoSuchObject),
        (D("snmp.noSuchInstance", "noSuchInstance", FieldKind.Marker), SnmpValue.NoSuchInstance),
        (D("snmp.endOfMibView", "endOfMibView", FieldKind.Marker), SnmpValue.EndOfMibView),
    ]);

    /// <summary>The definitions, in tshark's tree order.</summary>
    public static FieldDefinition[] All => Table.All;

    /// <summary>Which value a field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out SnmpValue value) => Table.TryGetValue(field, out value);

    private static FieldDefinition D(string name, string label, FieldKind kind) =>
        FieldDefinition.Derived(name, label, LayerKind.Snmp, kind, ComputedField.Snmp);
}

/// <summary>Reads SNMP's fields (<see cref="ComputedField.Snmp"/>): occurrence N of a field is the N-th item of its value in <see cref="SnmpWalk"/>'s order.</summary>
public static class SnmpFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Snmp;

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the message's captured bytes
    /// <paramref name="message"/>, of which the datagram declares <paramref name="reported"/>; offsets are made absolute
    /// with <paramref name="layerOffset"/>.
    /// </summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> message, int reported, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (!SnmpFields.TryGetValue(field, out var which))
            return false;
        var finder = new Finder(which, occurrence);
        SnmpWalk.Run(message, reported, ref finder, out _, out _);
        if (!finder.Found)
            return false;
        value = new FieldValue(finder.Number, layerOffset + finder.Offset, finder.Length);
        return true;
    }

    /// <summary>Characters enough for an OID value (snmp.name, snmp.value.oid, snmp.enterprise).</summary>
    public static int MaxFormattedLength(in FieldValue value) => SnmpOid.MaxFormattedLength(value.Length);

    /// <summary>Writes an OID value in dotted decimal, reading its bytes again from <paramref name="buffer"/>.</summary>
    public static bool TryFormat(in FieldValue value, ReadOnlySpan<byte> buffer, Span<char> destination, out int written)
    {
        written = 0;
        return (uint)value.Offset <= (uint)buffer.Length && (uint)value.Length <= (uint)(buffer.Length - value.Offset)
            && SnmpOid.TryFormat(buffer.Slice(value.Offset, value.Length), destination, out written);
    }

    private struct Finder(SnmpValue which, int occurrence) : ISnmpVisitor
    {
        private int _left = occurrence;
        public bool Found;
        public int Offset, Length;
        public ulong Number;

        public bool Item(SnmpValue item, int offset, int length, ulong number)
        {
            if (item != which || _left-- > 0)
                return true;
            (Found, Offset, Length, Number) = (true, offset, length, number);
            return false;
        }
    }
}
