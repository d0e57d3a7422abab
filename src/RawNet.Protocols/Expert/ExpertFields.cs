using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Expert;

/// <summary>
/// tshark's fields of expert items, read from the items an <see cref="ExpertFinder"/> kept in a packet's analysis
/// (<see cref="PacketAnalysis.Expert"/>): <c>_ws.expert</c> (the item's line), its message, severity and group (Wireshark's
/// PI_ numbers, as <c>-T fields</c> prints them), one occurrence per item in tshark's order; <c>_ws.malformed</c>, which
/// tshark adds for its malformed exception ("[Malformed Packet: TCP]") and, hidden, with every item of the Malformed
/// group (shown as its name, "_ws.malformed"); <c>_ws.malformed.expert</c>, the exception's item; and <c>_ws.short</c>,
/// "[Packet size limited during capture: TCP truncated]" for a dissection that ran into the capture's end. Absent until a
/// finder looked at the packet (<see cref="ConversationTracker.Expert"/>). The fields hang off the frame and stay out of
/// the layer trees, where tshark shows them inside the protocol that added them.
/// </summary>
public static class ExpertFields
{
    public static readonly FieldDefinition Expert = FieldDefinition.Tracked("_ws.expert", "Expert Info", LayerKind.Frame, FieldKind.BuiltText, AnalysisValue.Expert, inTree: false);
    public static readonly FieldDefinition Message = FieldDefinition.Tracked("_ws.expert.message", "Message", LayerKind.Frame, FieldKind.BuiltText, AnalysisValue.Expert, inTree: false);
    public static readonly FieldDefinition Severity = FieldDefinition.Tracked("_ws.expert.severity", "Severity level", LayerKind.Frame, FieldKind.Decimal, AnalysisValue.Expert, inTree: false);
    public static readonly FieldDefinition Group = FieldDefinition.Tracked("_ws.expert.group", "Group", LayerKind.Frame, FieldKind.Decimal, AnalysisValue.Expert, inTree: false);
    public static readonly FieldDefinition Malformed = FieldDefinition.Tracked("_ws.malformed", "Malformed Packet", LayerKind.Frame, FieldKind.BuiltText, AnalysisValue.Expert, inTree: false);
    public static readonly FieldDefinition MalformedExpert = FieldDefinition.Tracked("_ws.malformed.expert", "Malformed Packet (Exception occurred)", LayerKind.Frame, FieldKind.Marker, AnalysisValue.Expert, inTree: false);

    /// <summary>tshark's "[Packet size limited during capture: TCP truncated]": the protocol whose dissection ran into the capture's end (<see cref="PacketAnalysis.ShortIn"/>).</summary>
    public static readonly FieldDefinition Short = FieldDefinition.Tracked("_ws.short", "Short Frame", LayerKind.Frame, FieldKind.BuiltText, AnalysisValue.Expert, inTree: false);

    /// <summary>
    /// Expert items read under their own field names (<see cref="ExpertPlacement.FieldName"/>), as <c>-T fields -e
    /// ip.bogus_ip_version</c> prints them: "1" for each of the packet's items of that name. An item's name added here is
    /// all it takes; names another table serves (tcp.analysis.*, tcp.connection.*, read without a finder) stay out.
    /// </summary>
    public static readonly FieldDefinition[] Named =
    [
        .. new[]
        {
            "eth.len.past_end", "eth.src_not_group", "ip.bogus_ip_version", "ip.bogus_header_length", "ip.opt.len.invalid", "ip.nop",
            "ip.opt.ptr.before_address", "ip.opt.ptr.middle_address", "ip.subopt_too_long",
            "ipv6.bogus_ipv6_version", "ipv6.invalid_header", "ipv6.plen_zero", "ipv6.opt.jumbo.prohibited", "udp.length.bad_zero",
            "ipv6.opt.jumbo.missing", "ipv6.opt.jumbo.truncated", "ipv6.opt.header_mismatch", "ipv6.opt.invalid_len", "ipv6.opt.unknown_data.expert",
            "quic.retransmission", "quic.overlap",
        }.Select(name => FieldDefinition.Tracked(name, name, LayerKind.Frame, FieldKind.Marker, AnalysisValue.Expert, mask: NamedItem, inTree: false)),
    ];

    /// <summary>The mask that marks a field of <see cref="Named"/>.</summary>
    private const ulong NamedItem = 1;

    /// <summary>Every expert field.</summary>
    public static readonly FieldDefinition[] All = [Expert, Message, Severity, Group, Malformed, MalformedExpert, Short, .. Named];

    /// <summary>How <see cref="Short"/>'s text starts; the protocol and <see cref="ShortSuffix"/> follow.</summary>
    public const string ShortPrefix = "[Packet size limited during capture: ";

    /// <summary>How <see cref="Short"/>'s text ends.</summary>
    public const string ShortSuffix = " truncated]";

    /// <summary>Characters enough for any of these fields' texts.</summary>
    public const int MaxLength = ExpertItems.MaxSummaryLength + 64;

    /// <summary>True for a field of this table (what needs an <see cref="ExpertFinder"/> behind the tracker).</summary>
    public static bool Contains(FieldDefinition field) => field.Analysis == AnalysisValue.Expert;

    /// <summary>A <c>_ws.malformed</c> value's number: the exception's item, "[Malformed Packet: PROTO]".</summary>
    private const ulong ExceptionItem = 1;

    /// <summary>Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from <paramref name="analysis"/>.</summary>
    public static bool TryRead(FieldDefinition field, PacketAnalysis analysis, int occurrence, out FieldValue value)
    {
        value = default;
        if (!analysis.HasExpert || occurrence < 0)
            return false;
        var items = analysis.Expert;
        if (ReferenceEquals(field, MalformedExpert))
            return occurrence == 0 && analysis.MalformedIn is not null && Number(1, out value);
        if (ReferenceEquals(field, Short))
            return occurrence == 0 && analysis.ShortIn is not null && Number(0, out value);
        if (ReferenceEquals(field, Malformed))
            return TryReadMalformed(analysis, occurrence, out value);
        if (field.Mask == NamedItem)
            return TryReadNamed(field.Name, items, occurrence, out value);
        if (occurrence >= items.Length)
            return false;
        var finding = items[occurrence];
        if (ReferenceEquals(field, Severity))
            return Number(ExpertItems.SeverityCode(ExpertItems.Severity(finding.Item)), out value);
        if (ReferenceEquals(field, Group))
            return Number(ExpertItems.GroupCode(ExpertItems.Group(finding.Item)), out value);
        // the line and the message are written from the item when shown
        return Number((ulong)occurrence, out value);
    }

    /// <summary>
    /// <c>_ws.malformed</c>'s occurrences in tree order: one hidden item for each item of the Malformed group, and before
    /// the exception's own item the "[Malformed Packet: PROTO]" it hangs under.
    /// </summary>
    private static bool TryReadMalformed(PacketAnalysis analysis, int occurrence, out FieldValue value)
    {
        value = default;
        int seen = 0;
        var items = analysis.Expert;
        for (int i = 0; i < items.Length; i++)
        {
            if (ExpertItems.Group(items[i].Item) != ExpertGroup.Malformed)
                continue;
            bool exception = i == items.Length - 1 && analysis.MalformedIn is not null;
            if (exception && seen++ == occurrence)
                return Number(ExceptionItem, out value);
            if (seen++ == occurrence)
                return Number(0, out value);
        }
        return false;
    }

    /// <summary>Occurrence <paramref name="occurrence"/> of the items named <paramref name="name"/>: 1, as tshark prints an expert field.</summary>
    private static bool TryReadNamed(string name, ReadOnlySpan<ExpertFinding> items, int occurrence, out FieldValue value)
    {
        value = default;
        int seen = 0;
        foreach (var finding in items)
        {
            if (string.Equals(ExpertPlacement.FieldName(finding.Item), name, StringComparison.Ordinal) && seen++ == occurrence)
                return Number(1, out value);
        }
        return false;
    }

    /// <summary>
    /// Writes the text of a <see cref="FieldKind.BuiltText"/> field of this table; false when it does not fit. An item that
    /// quotes the packet's bytes (<see cref="ExpertItems.Quotes"/>) reads them from <paramref name="packet"/>'s layer in
    /// <paramref name="frame"/>.
    /// </summary>
    public static bool TryFormat(FieldDefinition field, in FieldValue value, DecodedPacket packet, ReadOnlySpan<byte> frame, Span<char> destination, out int written)
    {
        var analysis = packet.Analysis;
        written = 0;
        if (ReferenceEquals(field, Short))
            return TryConcat(destination, ShortPrefix, analysis.ShortIn ?? "", ShortSuffix, out written);
        if (ReferenceEquals(field, Malformed))
        {
            return value.Number == ExceptionItem
                ? TryConcat(destination, "[Malformed Packet: ", analysis.MalformedIn ?? "", "]", out written)
                : TryConcat(destination, Malformed.Name, "", "", out written);
        }
        if (value.Number >= (ulong)analysis.ExpertCount)
            return false;
        var finding = analysis.Expert[(int)value.Number];
        if (!ExpertItems.Quotes(finding.Item))
        {
            return ReferenceEquals(field, Expert)
                ? ExpertItems.TryWriteLine(finding, destination, out written)
                : ExpertItems.TryWriteSummary(finding, destination, out written);
        }
        // text from the packet: -T fields writes a string's tab, CR, LF, backspace and form feed as escapes (SIP's header
        // name holds them raw; HTTP's line went through format_text already)
        Span<char> text = stackalloc char[MaxLength];
        var quoted = ExpertItems.Quoted(packet, frame, finding);
        bool fits = ReferenceEquals(field, Expert)
            ? ExpertItems.TryWriteLine(finding, quoted, text, out int length)
            : ExpertItems.TryWriteSummary(finding, quoted, text, out length);
        if (!fits)
            return false;
        foreach (char c in text[..length])
        {
            if (!FieldText.TryAppendEscaped(c, destination, ref written))
                return false;
        }
        return true;
    }

    private static bool TryConcat(Span<char> destination, string first, string second, string third, out int written)
    {
        written = first.Length + second.Length + third.Length;
        if (destination.Length < written)
            return false;
        first.CopyTo(destination);
        second.CopyTo(destination[first.Length..]);
        third.CopyTo(destination[(first.Length + second.Length)..]);
        return true;
    }

    private static bool Number(ulong number, out FieldValue value)
    {
        value = new FieldValue(number, 0, 0);
        return true;
    }
}
