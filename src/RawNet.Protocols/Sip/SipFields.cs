using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Sip;

/// <summary>
/// The SIP field table (Wireshark "sip", with the "sdp" fields of an SDP body), in <see cref="SipValue"/>'s order, every
/// field read by <see cref="SipFieldReader"/> (<see cref="ComputedField.Sip"/>) from the items <see cref="SipWalk"/>
/// lists, which the tree lists in the walk's order (<see cref="FieldWalkItems{TWalk, TValue}"/>). Header values are the text after the colon and its blanks, to the line's end (trailing blanks kept, as tshark
/// keeps them); a compact form's header ("f", "i", ...) is its full name's field.
/// </summary>
public readonly struct SipFields : IFieldWalk<SipValue>
{
    private static readonly FieldValueTable<SipValue> Table = new(
    [
        (D("sip.Request-Line", "Request-Line", FieldKind.Text), SipValue.RequestLine),
        (D("sip.Method", "Method", FieldKind.Text), SipValue.Method),
        (D("sip.r-uri", "Request-URI", FieldKind.Text), SipValue.RequestUri),
        (D("sip.Status-Line", "Status-Line", FieldKind.Text), SipValue.StatusLine),
        (D("sip.Status-Code", "Status-Code", FieldKind.Decimal), SipValue.StatusCode),
        (D("sip.resend", "Resent Packet", FieldKind.Boolean), SipValue.Resend),
        (D("", "Message Header", FieldKind.Marker), SipValue.MessageHeader),
        .. Headers(),
        (D("sip.CSeq.seq", "Sequence Number", FieldKind.Decimal), SipValue.CSeqSequence),
        (D("sip.CSeq.method", "Method", FieldKind.Text), SipValue.CSeqMethod),
        (FieldDefinition.Item("", "Header line", LayerKind.Sip, FieldKind.Text, ComputedField.Sip, TreeForm.Line), SipValue.OtherHeader),
        (D("", "Message Body", FieldKind.Marker), SipValue.MessageBody),
        (D("sdp.version", "Session Description Protocol Version (v)", FieldKind.Text), SipValue.SdpVersion),
        (D("sdp.owner", "Owner/Creator, Session Id (o)", FieldKind.Text), SipValue.SdpOwner),
        (D("sdp.session_name", "Session Name (s)", FieldKind.Text), SipValue.SdpSessionName),
        (D("sdp.session_attr", "Session Attribute (a)", FieldKind.Text), SipValue.SdpSessionAttribute),
        (D("sdp.connection_info", "Connection Information (c)", FieldKind.Text), SipValue.SdpConnection),
        (D("sdp.time", "Time Description, active time (t)", FieldKind.Text), SipValue.SdpTime),
        (D("sdp.media", "Media Description, name and address (m)", FieldKind.Text), SipValue.SdpMedia),
        (D("sdp.media_attr", "Media Attribute (a)", FieldKind.Text), SipValue.SdpMediaAttribute),
    ]);

    /// <summary>The definitions, in tshark's tree order.</summary>
    public static FieldDefinition[] All => Table.All;

    /// <summary>The field of <paramref name="which"/>.</summary>
    public static FieldDefinition FieldOf(SipValue which) => Table.All[(int)which];

    /// <summary>Which value a field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out SipValue value) => Table.TryGetValue(field, out value);

    /// <inheritdoc/>
    public static void Walk<TVisitor>(ReadOnlySpan<byte> bytes, int reported, ref TVisitor visitor)
        where TVisitor : struct, IItemVisitor<SipValue>, allows ref struct => SipWalk.Run(bytes, reported, ref visitor);

    /// <summary>
    /// The start line, "Message Header" and "Message Body" at the top; the start line's parts, each header line and SDP's
    /// lines below them, CSeq's parts below its line.
    /// </summary>
    public static int DepthOf(in WalkItem<SipValue> item) => item.Which switch
    {
        SipValue.RequestLine or SipValue.StatusLine or SipValue.MessageHeader or SipValue.MessageBody => 0,
        SipValue.CSeqSequence or SipValue.CSeqMethod => 2,
        _ => 1,
    };

    /// <summary>A field per header with one ("sip." and its full name), in <see cref="SipHeader"/>'s order.</summary>
    private static IEnumerable<(FieldDefinition, SipValue)> Headers()
    {
        for (var header = SipHeader.From; header <= SipNames.Last; header++)
        {
            string name = SipNames.FullName(header);
            yield return (D("sip." + name, name, SipNames.IsNumeric(header) ? FieldKind.Decimal : FieldKind.Text), SipWalk.ValueOf(header));
        }
    }

    private static FieldDefinition D(string name, string label, FieldKind kind) =>
        FieldDefinition.Derived(name, label, LayerKind.Sip, kind, ComputedField.Sip);
}

/// <summary>Reads SIP's fields (<see cref="ComputedField.Sip"/>): occurrence N of a field is the N-th item of its value in <see cref="SipWalk"/>'s order.</summary>
public static class SipFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Sip;

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the message's captured bytes
    /// <paramref name="message"/>, of which the datagram declares <paramref name="reported"/>; offsets are made absolute
    /// with <paramref name="layerOffset"/>.
    /// </summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> message, int reported, int layerOffset, int occurrence, out FieldValue value) =>
        FieldWalk.TryRead<SipFields, SipValue>(field, message, reported, layerOffset, occurrence, out value);
}
