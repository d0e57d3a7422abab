using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Sip;

/// <summary>
/// The SIP field table (Wireshark "sip", with the "sdp" fields of an SDP body), in <see cref="SipValue"/>'s order, every
/// field read by <see cref="SipFieldReader"/> (<see cref="ComputedField.Sip"/>) from the items <see cref="SipWalk"/>
/// lists. Header values are the text after the colon and its blanks, to the line's end (trailing blanks kept, as tshark
/// keeps them); a compact form's header ("f", "i", ...) is its full name's field.
/// </summary>
public static class SipFields
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
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> message, int reported, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (!SipFields.TryGetValue(field, out var which))
            return false;
        var finder = new Finder(which, occurrence);
        SipWalk.Run(message, reported, ref finder);
        if (!finder.Found)
            return false;
        value = new FieldValue(finder.Number, layerOffset + finder.Offset, finder.Length);
        return true;
    }

    private struct Finder(SipValue which, int occurrence) : ISipVisitor
    {
        private int _left = occurrence;
        public bool Found;
        public int Offset, Length;
        public ulong Number;

        public bool Item(SipValue item, int offset, int length, ulong number, int depth)
        {
            if (item != which || _left-- > 0)
                return true;
            (Found, Offset, Length, Number) = (true, offset, length, number);
            return false;
        }
    }
}

/// <summary>
/// Every item of a SIP layer in tshark's tree order: the start line with its parts below it, "Message Header" with
/// each header line (CSeq's parts below it), "Message Body" with SDP's lines. Allocates nothing; each step walks the
/// message again up to the item.
/// </summary>
public ref struct SipItems
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _reported;
    private readonly int _layerOffset;
    private int _index;

    /// <param name="bytes">The captured bytes of the message.</param>
    /// <param name="reported">How many bytes the datagram or segment declares.</param>
    /// <param name="layerOffset">The layer's offset in its buffer.</param>
    public SipItems(ReadOnlySpan<byte> bytes, int reported, int layerOffset)
    {
        _bytes = bytes;
        _reported = reported;
        _layerOffset = layerOffset;
        Field = SipFields.FieldOf(SipValue.RequestLine);
    }

    /// <summary>The current item's field.</summary>
    public FieldDefinition Field { get; private set; }

    /// <summary>The current item's value.</summary>
    public FieldValue Value { get; private set; }

    /// <summary>How deep the current item lies below the layer's heading.</summary>
    public int Depth { get; private set; }

    /// <summary>Moves to the next item; false after the last.</summary>
    public bool MoveNext()
    {
        var finder = new Nth(_index);
        SipWalk.Run(_bytes, _reported, ref finder);
        if (!finder.Found)
            return false;
        _index++;
        Field = SipFields.FieldOf(finder.Which);
        Value = new FieldValue(finder.Number, _layerOffset + finder.Offset, finder.Length);
        Depth = finder.Depth;
        return true;
    }

    private struct Nth(int index) : ISipVisitor
    {
        private int _left = index;
        public bool Found;
        public SipValue Which;
        public int Offset, Length, Depth;
        public ulong Number;

        public bool Item(SipValue which, int offset, int length, ulong number, int depth)
        {
            if (_left-- > 0)
                return true;
            (Found, Which, Offset, Length, Number, Depth) = (true, which, offset, length, number, depth);
            return false;
        }
    }
}
