using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Nbns;

/// <summary>
/// The NBNS field table (Wireshark "nbns"), in <see cref="NbnsValue"/>'s order, every field read by
/// <see cref="NbnsFieldReader"/> (<see cref="ComputedField.Nbns"/>) from the items <see cref="NbnsWalk"/> lists: each
/// occurs once per question, record or entry that carries it, in message order, as <c>tshark -T fields</c> lists them;
/// the tree lists them in the walk's order, without the Info column's reads (<see cref="FieldWalkItems{TWalk, TValue}"/>).
/// </summary>
public readonly struct NbnsFields : IFieldWalk<NbnsValue>
{
    private static readonly FieldValueTable<NbnsValue> Table = new(
    [
        (D("nbns.id", "Transaction ID", FieldKind.Hex, 4), NbnsValue.Id),
        (D("nbns.flags", "Flags", FieldKind.Hex, 4), NbnsValue.Flags),
        (D("nbns.flags.response", "Response", FieldKind.Boolean), NbnsValue.Response),
        (D("nbns.flags.opcode", "Opcode", FieldKind.Decimal), NbnsValue.Opcode),
        (D("nbns.flags.authoritative", "Authoritative", FieldKind.Boolean), NbnsValue.Authoritative),
        (D("nbns.flags.truncated", "Truncated", FieldKind.Boolean), NbnsValue.Truncated),
        (D("nbns.flags.recdesired", "Recursion desired", FieldKind.Boolean), NbnsValue.RecursionDesired),
        (D("nbns.flags.recavail", "Recursion available", FieldKind.Boolean), NbnsValue.RecursionAvailable),
        (D("nbns.flags.broadcast", "Broadcast", FieldKind.Boolean), NbnsValue.Broadcast),
        (D("nbns.flags.rcode", "Reply code", FieldKind.Decimal), NbnsValue.Rcode),
        (D("nbns.count.queries", "Questions", FieldKind.Decimal), NbnsValue.Questions),
        (D("nbns.count.answers", "Answer RRs", FieldKind.Decimal), NbnsValue.Answers),
        (D("nbns.count.auth_rr", "Authority RRs", FieldKind.Decimal), NbnsValue.AuthorityRecords),
        (D("nbns.count.add_rr", "Additional RRs", FieldKind.Decimal), NbnsValue.AdditionalRecords),
        (D("nbns.name", "Name", FieldKind.BuiltText), NbnsValue.Name),
        (D("nbns.type", "Type", FieldKind.Decimal), NbnsValue.Type),
        (D("nbns.class", "Class", FieldKind.Decimal), NbnsValue.Class),
        (D("nbns.ttl", "Time to live", FieldKind.Decimal), NbnsValue.Ttl),
        (D("nbns.data_length", "Data length", FieldKind.Decimal), NbnsValue.DataLength),
        (D("nbns.nb_flags", "Name flags", FieldKind.Hex, 4), NbnsValue.NbFlags),
        (D("nbns.nb_flags.group", "Name type", FieldKind.Boolean), NbnsValue.NbGroup),
        (D("nbns.nb_flags.ont", "ONT", FieldKind.Decimal), NbnsValue.NbOnt),
        (D("nbns.addr", "Addr", FieldKind.Ipv4Address), NbnsValue.Address),
        (D("nbns.number_of_names", "Number of names", FieldKind.Decimal), NbnsValue.NumberOfNames),
        (D("nbns.netbios_name", "Name", FieldKind.BuiltText), NbnsValue.NetbiosName),
        (D("nbns.name_flags", "Name flags", FieldKind.Hex, 4), NbnsValue.NameFlags),
        (D("nbns.name_flags.group", "Name type", FieldKind.Boolean), NbnsValue.NameGroup),
        (D("nbns.name_flags.ont", "ONT", FieldKind.Decimal), NbnsValue.NameOnt),
        (D("nbns.name_flags.drg", "Name is being deregistered", FieldKind.Boolean), NbnsValue.NameDeregistering),
        (D("nbns.name_flags.cnf", "Name is in conflict", FieldKind.Boolean), NbnsValue.NameConflict),
        (D("nbns.name_flags.act", "Name is active", FieldKind.Boolean), NbnsValue.NameActive),
        (D("nbns.name_flags.prm", "Permanent node name", FieldKind.Boolean), NbnsValue.NamePermanent),
        (D("nbns.unit_id", "Unit ID", FieldKind.MacAddress), NbnsValue.UnitId),
        (D("nbns.jumpers", "Jumpers", FieldKind.Hex, 2), NbnsValue.Jumpers),
        (D("nbns.test_result", "Test result", FieldKind.Hex, 2), NbnsValue.TestResult),
        (D("nbns.version_number", "Version number", FieldKind.Hex, 4), NbnsValue.VersionNumber),
        (D("nbns.period_of_statistics", "Period of statistics", FieldKind.Hex, 4), NbnsValue.StatisticsPeriod),
        (D("nbns.num_crcs", "Number of CRCs", FieldKind.Decimal), NbnsValue.Crcs),
        (D("nbns.num_alignment_errors", "Number of alignment errors", FieldKind.Decimal), NbnsValue.AlignmentErrors),
        (D("nbns.num_collisions", "Number of collisions", FieldKind.Decimal), NbnsValue.Collisions),
        (D("nbns.num_send_aborts", "Number of send aborts", FieldKind.Decimal), NbnsValue.SendAborts),
        (D("nbns.num_good_sends", "Number of good sends", FieldKind.Decimal), NbnsValue.GoodSends),
        (D("nbns.num_good_receives", "Number of good receives", FieldKind.Decimal), NbnsValue.GoodReceives),
        (D("nbns.numretransmits", "Number of retransmits", FieldKind.Decimal), NbnsValue.Retransmits),
        (D("nbns.num_no_resource_conditions", "Number of no resource conditions", FieldKind.Decimal), NbnsValue.NoResourceConditions),
        (D("nbns.numcommand_blocks", "Number of command blocks", FieldKind.Decimal), NbnsValue.CommandBlocks),
        (D("nbns.numpending_sessions", "Number of pending sessions", FieldKind.Decimal), NbnsValue.PendingSessions),
        (D("nbns.max_num_pending_sessions", "Max number of pending sessions", FieldKind.Decimal), NbnsValue.MaxPendingSessions),
        (D("nbns.max_total_sessions_possible", "Max total sessions possible", FieldKind.Decimal), NbnsValue.MaxTotalSessions),
        (D("nbns.session_data_packet_size", "Session data packet size", FieldKind.Decimal), NbnsValue.SessionDataPacketSize),
        (D("nbns.data", "Data", FieldKind.Bytes), NbnsValue.Data),
    ]);

    /// <summary>The definitions, in tshark's tree order.</summary>
    public static FieldDefinition[] All => Table.All;

    /// <summary>Which value a field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out NbnsValue value) => Table.TryGetValue(field, out value);

    /// <inheritdoc/>
    public static void Walk<TVisitor>(ReadOnlySpan<byte> bytes, int reported, ref TVisitor visitor)
        where TVisitor : struct, IItemVisitor<NbnsValue>, allows ref struct => NbnsWalk.Run(bytes, reported, columns: false, ref visitor, out _);

    /// <inheritdoc/>
    public static FieldDefinition? FieldOf(NbnsValue which) => which < NbnsValue.IncompleteEntry ? All[(int)which] : null;

    /// <summary>
    /// The header's items at the top, the flags' bits below the flags; each question's and record's items below it, a flags
    /// word's bits below the word.
    /// </summary>
    public static int DepthOf(in WalkItem<NbnsValue> item)
    {
        // a WACK record's data is a flags word as the header's is: past the header, it and its bits stand below the record
        bool inRecord = item.Offset >= NbnsHeader.Length;
        return item.Which switch
        {
            >= NbnsValue.Id and <= NbnsValue.Flags or >= NbnsValue.Questions and <= NbnsValue.AdditionalRecords => inRecord ? 1 : 0,
            >= NbnsValue.Response and <= NbnsValue.Rcode => inRecord ? 2 : 1,
            NbnsValue.NbGroup or NbnsValue.NbOnt or >= NbnsValue.NameGroup and <= NbnsValue.NamePermanent => 2,
            _ => 1,
        };
    }

    /// <inheritdoc/>
    public static FieldValue ValueOf(in WalkItem<NbnsValue> item, int layerOffset, int reported) =>
        new(NbnsFieldReader.Pack(item.Which, item.Number, layerOffset, reported), layerOffset + item.Offset, item.Length);

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Nbns, kind, ComputedField.Nbns, hexDigits);
}

/// <summary>Reads NBNS's fields (<see cref="ComputedField.Nbns"/>): occurrence N of a field is the N-th item of its value in <see cref="NbnsWalk"/>'s order.</summary>
public static class NbnsFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Nbns;

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the message's captured bytes
    /// <paramref name="message"/>, of which the datagram declares <paramref name="reported"/>; offsets are made absolute
    /// with <paramref name="layerOffset"/>. The walk is tshark's tree without the Info column's reads (tshark -T fields).
    /// </summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> message, int reported, int layerOffset, int occurrence, out FieldValue value) =>
        FieldWalk.TryRead<NbnsFields, NbnsValue>(field, message, reported, layerOffset, occurrence, out value);

    /// <summary>
    /// The number of a value as its field shows it: for a name, where the message and the name start, how long the message
    /// is and which name it is, for <see cref="TryFormat"/> to read it again.
    /// </summary>
    internal static ulong Pack(NbnsValue which, ulong number, int layerOffset, int reported) => which switch
    {
        // (a table name needs no message length: its record's name length takes that place)
        NbnsValue.Name or NbnsValue.NetbiosName => (uint)Math.Min(layerOffset, 0xFFFFFF) | (number & 0xFFFF) << 24
            | (which == NbnsValue.NetbiosName ? number >> 24 & 0xFFFF : (ulong)(uint)Math.Min(reported, 0xFFFF)) << 40 | (number >> 16 & 0xFF) << 56,
        _ => number,
    };

    /// <summary>Writes a name value (nbns.name, nbns.netbios_name) as tshark does, reading the name again from <paramref name="buffer"/>.</summary>
    public static bool TryFormat(in FieldValue value, ReadOnlySpan<byte> buffer, Span<char> destination, out int written)
    {
        written = 0;
        int layerOffset = (int)(value.Number & 0xFFFFFF);
        int start = (int)(value.Number >> 24 & 0xFFFF);
        int reported = (int)(value.Number >> 40 & 0xFFFF);
        var part = (NbnsNamePart)(value.Number >> 56);
        if ((uint)layerOffset > (uint)buffer.Length)
            return false;
        var message = buffer.Slice(layerOffset, Math.Min(buffer.Length - layerOffset, reported));
        if (part == NbnsNamePart.Table)
        {
            // tshark writes a table name into a buffer the size of its record's name: reported is that size here
            message = buffer[layerOffset..];
            return start + NbnsName.NetbiosLength <= message.Length
                && NbnsName.TryWriteNetbios(message.Slice(start, NbnsName.NetbiosLength), destination, out written, reported);
        }
        return NbnsName.TryFormat(message, reported, start, part == NbnsNamePart.NbRecord, destination, out written, out _);
    }
}
