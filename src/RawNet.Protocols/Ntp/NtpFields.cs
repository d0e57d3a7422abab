using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ntp;

/// <summary>
/// The NTP field table (Wireshark "ntp", with its control and private messages' "ntp.ctrl" and "ntp.priv" fields), in
/// <see cref="NtpValue"/>'s order, every field read by <see cref="NtpFieldReader"/> (<see cref="ComputedField.Ntp"/>)
/// from the items <see cref="NtpWalk"/> lists. tshark 4.0 registers precision and poll as unsigned bytes and the
/// reference ID as bytes; the timestamps are absolute UTC times, "NULL" for zero.
/// </summary>
public static class NtpFields
{
    private static readonly FieldValueTable<NtpValue> Table = new(
    [
        (D("ntp.flags", "Flags", FieldKind.Hex, 2), NtpValue.Flags),
        (D("ntp.flags.li", "Leap Indicator", FieldKind.Decimal), NtpValue.Leap),
        (D("ntp.flags.vn", "Version number", FieldKind.Decimal), NtpValue.Version),
        (D("ntp.flags.mode", "Mode", FieldKind.Decimal), NtpValue.Mode),
        (D("ntp.stratum", "Peer Clock Stratum", FieldKind.Decimal), NtpValue.Stratum),
        (D("ntp.ppoll", "Peer Polling Interval", FieldKind.Decimal), NtpValue.Poll),
        (D("ntp.precision", "Peer Clock Precision", FieldKind.Decimal), NtpValue.Precision),
        (D("ntp.rootdelay", "Root Delay", FieldKind.Decimal), NtpValue.RootDelay),
        (D("ntp.rootdispersion", "Root Dispersion", FieldKind.Decimal), NtpValue.RootDispersion),
        (D("ntp.refid", "Reference ID", FieldKind.Bytes), NtpValue.ReferenceId),
        (D("ntp.reftime", "Reference Timestamp", FieldKind.BuiltText), NtpValue.ReferenceTime),
        (D("ntp.org", "Origin Timestamp", FieldKind.BuiltText), NtpValue.OriginTime),
        (D("ntp.rec", "Receive Timestamp", FieldKind.BuiltText), NtpValue.ReceiveTime),
        (D("ntp.xmt", "Transmit Timestamp", FieldKind.BuiltText), NtpValue.TransmitTime),
        (D("ntp.ext", "Extension", FieldKind.Marker), NtpValue.Extension),
        (D("ntp.ext.type", "Field Type", FieldKind.Hex, 4), NtpValue.ExtensionType),
        (D("ntp.ext.length", "Length", FieldKind.Decimal), NtpValue.ExtensionLength),
        (D("ntp.ext.value", "Value", FieldKind.Bytes), NtpValue.ExtensionValue),
        (D("ntp.keyid", "Key ID", FieldKind.Bytes), NtpValue.KeyId),
        (D("ntp.mac", "Message Authentication Code", FieldKind.Bytes), NtpValue.Mac),
        (D("ntp.ctrl.flags2", "Flags 2", FieldKind.Hex, 2), NtpValue.ControlFlags2),
        (D("ntp.ctrl.flags2.r", "Response bit", FieldKind.Decimal), NtpValue.ControlResponse),
        (D("ntp.ctrl.flags2.error", "Error bit", FieldKind.Decimal), NtpValue.ControlError),
        (D("ntp.ctrl.flags2.more", "More bit", FieldKind.Decimal), NtpValue.ControlMore),
        (D("ntp.ctrl.flags2.opcode", "Opcode", FieldKind.Decimal), NtpValue.ControlOpcode),
        (D("ntp.ctrl.sequence", "Sequence", FieldKind.Decimal), NtpValue.ControlSequence),
        (D("ntp.ctrl.status", "Status", FieldKind.Hex, 4), NtpValue.ControlStatus),
        (D("ntp.ctrl.associd", "AssociationID", FieldKind.Decimal), NtpValue.ControlAssociation),
        (D("ntp.ctrl.offset", "Offset", FieldKind.Decimal), NtpValue.ControlOffset),
        (D("ntp.ctrl.count", "Count", FieldKind.Decimal), NtpValue.ControlCount),
        (D("ntp.priv.flags.r", "Response bit", FieldKind.Decimal), NtpValue.PrivateResponse),
        (D("ntp.priv.flags.more", "More bit", FieldKind.Decimal), NtpValue.PrivateMore),
        (D("ntp.priv.auth_seq", "Auth, sequence", FieldKind.Decimal), NtpValue.PrivateAuthSequence),
        (D("ntp.priv.auth", "Auth bit", FieldKind.Decimal), NtpValue.PrivateAuth),
        (D("ntp.priv.seq", "Sequence number", FieldKind.Decimal), NtpValue.PrivateSequence),
        (D("ntp.priv.impl", "Implementation", FieldKind.Decimal), NtpValue.PrivateImplementation),
        (D("ntp.priv.reqcode", "Request code", FieldKind.Decimal), NtpValue.PrivateRequestCode),
        (D("ntp.ctrl.data", "Data", FieldKind.Marker), NtpValue.ControlData),
        (D("ntp.ctrl.item", "Item", FieldKind.Marker), NtpValue.ControlItem),
        (D("ntp.padding", "Padding", FieldKind.Bytes), NtpValue.Padding),
        (D("ntp.key_index", "KeyIndex", FieldKind.Decimal), NtpValue.KeyIndex),
        (D("ntp.key_signature", "Signature", FieldKind.Bytes), NtpValue.KeySignature),
        (D("ntp.priv.numitems", "Number of data items", FieldKind.Decimal), NtpValue.PrivateItemCount),
        (D("ntp.priv.itemsize", "Size of data item", FieldKind.Decimal), NtpValue.PrivateItemSize),
        (D("ntp.priv.tstamp", "Authentication timestamp", FieldKind.BuiltText), NtpValue.PrivateTimestamp),
    ]);

    /// <summary>The definitions, in tshark's tree order.</summary>
    public static FieldDefinition[] All => Table.All;

    /// <summary>The field of <paramref name="which"/>.</summary>
    public static FieldDefinition FieldOf(NtpValue which) => Table.All[(int)which];

    /// <summary>Which value a field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out NtpValue value) => Table.TryGetValue(field, out value);

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Ntp, kind, ComputedField.Ntp, hexDigits);
}

/// <summary>Reads NTP's fields (<see cref="ComputedField.Ntp"/>): occurrence N of a field is the N-th item of its value in <see cref="NtpWalk"/>'s order.</summary>
public static class NtpFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Ntp;

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the message's captured bytes
    /// <paramref name="message"/>, of which the datagram declares <paramref name="reported"/>; offsets are made absolute
    /// with <paramref name="layerOffset"/>.
    /// </summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> message, int reported, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (!NtpFields.TryGetValue(field, out var which))
            return false;
        var finder = new Finder(which, occurrence);
        NtpWalk.Run(message, reported, ref finder, out _);
        if (!finder.Found)
            return false;
        value = new FieldValue(finder.Number, layerOffset + finder.Offset, finder.Length);
        return true;
    }

    /// <summary>
    /// Writes an NTP timestamp (the value's number) as tshark 4.0 writes ntp.reftime and the others: "NULL" for its zero,
    /// else the UTC time "Mon dd, yyyy hh:mm:ss.nnnnnnnnn UTC".
    /// </summary>
    public static bool TryFormatTime(in FieldValue value, Span<char> destination, out int written)
    {
        var (seconds, nanoseconds) = NtpMessage.TimeOf(value.Number);
        if (seconds == 0 && nanoseconds == 0)
        {
            written = 0;
            if (!"NULL".TryCopyTo(destination))
                return false;
            written = 4;
            return true;
        }
        return FrameFieldReader.TryFormatTime(seconds * 1_000_000_000L + nanoseconds, destination, out written, inUtc: true);
    }

    private struct Finder(NtpValue which, int occurrence) : INtpVisitor
    {
        private int _left = occurrence;
        public bool Found;
        public int Offset, Length;
        public ulong Number;

        public bool Item(NtpValue item, int offset, int length, ulong number)
        {
            if (item != which || _left-- > 0)
                return true;
            (Found, Offset, Length, Number) = (true, offset, length, number);
            return false;
        }
    }
}
