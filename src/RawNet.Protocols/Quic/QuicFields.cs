using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Quic;

/// <summary>
/// The QUIC field table (Wireshark "quic", tshark 4.0), in <see cref="QuicValue"/>'s order, every field read by
/// <see cref="QuicFieldReader"/> (<see cref="ComputedField.Quic"/>) from the items <see cref="QuicWalk"/> lists; a
/// coalesced datagram shows each packet's fields as further occurrences; a decrypted Initial's frames follow its payload
/// (numbers only: their offsets are the ciphertext's, where the plaintext came from). Not here: quic.connection.number
/// (tshark counts connections across the capture), quic.frame, the reason phrase of a CONNECTION_CLOSE, and the expert items.
/// </summary>
public static class QuicFields
{
    private static readonly FieldValueTable<QuicValue> Table = new(
    [
        (D("quic.packet_length", "Packet Length", FieldKind.Decimal), QuicValue.PacketLength),
        (D("quic.header_form", "Header Form", FieldKind.Decimal), QuicValue.HeaderForm),
        (D("quic.fixed_bit", "Fixed Bit", FieldKind.Boolean), QuicValue.FixedBit),
        (D("quic.long.packet_type", "Packet Type", FieldKind.Decimal), QuicValue.LongPacketType),
        (D("quic.long.packet_type_v2", "Packet Type", FieldKind.Decimal), QuicValue.LongPacketTypeV2),
        (D("quic.long.reserved", "Reserved", FieldKind.Decimal), QuicValue.LongReserved),
        (D("quic.packet_number_length", "Packet Number Length", FieldKind.Decimal), QuicValue.PacketNumberLength),
        (D("quic.version", "Version", FieldKind.Hex, 8), QuicValue.Version),
        (D("quic.dcil", "Destination Connection ID Length", FieldKind.Decimal), QuicValue.Dcil),
        (D("quic.dcid", "Destination Connection ID", FieldKind.Bytes), QuicValue.Dcid),
        (D("quic.scil", "Source Connection ID Length", FieldKind.Decimal), QuicValue.Scil),
        (D("quic.scid", "Source Connection ID", FieldKind.Bytes), QuicValue.Scid),
        (D("quic.token_length", "Token Length", FieldKind.Decimal), QuicValue.TokenLength),
        (D("quic.token", "Token", FieldKind.Bytes), QuicValue.Token),
        (D("quic.length", "Length", FieldKind.Decimal), QuicValue.Length),
        (D("quic.packet_number", "Packet Number", FieldKind.Decimal), QuicValue.PacketNumber),
        (D("quic.payload", "Payload", FieldKind.Bytes), QuicValue.Payload),
        (D("quic.vn.unused", "Unused", FieldKind.Hex, 2), QuicValue.VnUnused),
        (D("quic.supported_version", "Supported Version", FieldKind.Hex, 8), QuicValue.SupportedVersion),
        (D("quic.short", "QUIC Short Header", FieldKind.Marker), QuicValue.Short),
        (D("quic.spin_bit", "Spin Bit", FieldKind.Boolean), QuicValue.SpinBit),
        (D("quic.remaining_payload", "Remaining Payload", FieldKind.Bytes), QuicValue.RemainingPayload),
        (D("quic.retry_token", "Retry Token", FieldKind.Bytes), QuicValue.RetryToken),
        (D("quic.retry_integrity_tag", "Retry Integrity Tag", FieldKind.Bytes), QuicValue.RetryIntegrityTag),
        (D("quic.frame_type", "Frame Type", FieldKind.Decimal), QuicValue.FrameType),
        (D("quic.padding_length", "Padding Length", FieldKind.Decimal), QuicValue.PaddingLength),
        (D("quic.ack.largest_acknowledged", "Largest Acknowledged", FieldKind.Decimal), QuicValue.AckLargest),
        (D("quic.ack.ack_delay", "ACK Delay", FieldKind.Decimal), QuicValue.AckDelay),
        (D("quic.ack.ack_range_count", "ACK Range Count", FieldKind.Decimal), QuicValue.AckRangeCount),
        (D("quic.ack.first_ack_range", "First ACK Range", FieldKind.Decimal), QuicValue.AckFirstRange),
        (D("quic.ack.gap", "Gap", FieldKind.Decimal), QuicValue.AckGap),
        (D("quic.ack.ack_range", "ACK Range", FieldKind.Decimal), QuicValue.AckRange),
        (D("quic.ack.ect0_count", "ECT(0) Count", FieldKind.Decimal), QuicValue.AckEct0),
        (D("quic.ack.ect1_count", "ECT(1) Count", FieldKind.Decimal), QuicValue.AckEct1),
        (D("quic.ack.ecn_ce_count", "ECN-CE Count", FieldKind.Decimal), QuicValue.AckEcnCe),
        (D("quic.crypto.offset", "Offset", FieldKind.Decimal), QuicValue.CryptoOffset),
        (D("quic.crypto.length", "Length", FieldKind.Decimal), QuicValue.CryptoLength),
        (D("quic.crypto.crypto_data", "Crypto Data", FieldKind.Marker), QuicValue.CryptoData),
        (D("quic.cc.error_code", "Error code", FieldKind.Decimal), QuicValue.CcErrorCode),
        (D("quic.cc.error_code.app", "Application Error code", FieldKind.Decimal), QuicValue.CcErrorCodeApp),
        (D("quic.cc.frame_type", "Frame Type", FieldKind.Decimal), QuicValue.CcFrameType),
        (D("quic.cc.reason_phrase.length", "Reason phrase Length", FieldKind.Decimal), QuicValue.CcReasonLength),
    ]);

    /// <summary>The definitions, in tshark's tree order.</summary>
    public static FieldDefinition[] All => Table.All;

    /// <summary>The field of <paramref name="which"/> (a field value, not a column step).</summary>
    public static FieldDefinition FieldOf(QuicValue which) => Table.All[(int)which];

    /// <summary>Which value a field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out QuicValue value) => Table.TryGetValue(field, out value);

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Quic, kind, ComputedField.Quic, hexDigits);
}

/// <summary>Reads QUIC's fields (<see cref="ComputedField.Quic"/>): occurrence N of a field is the N-th item of its value in <see cref="QuicWalk"/>'s order.</summary>
public static class QuicFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Quic;

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the datagram's captured bytes
    /// <paramref name="datagram"/>, of which UDP declares <paramref name="reported"/>, whose connection tshark knew as
    /// <paramref name="connection"/>; offsets are made absolute with <paramref name="layerOffset"/>.
    /// </summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> datagram, int reported, int layerOffset, QuicConnection connection, int occurrence, out FieldValue value)
    {
        value = default;
        if (!QuicFields.TryGetValue(field, out var which))
            return false;
        var finder = new Finder(which, occurrence);
        QuicWalk.Run(datagram, reported, connection, ref finder, out _);
        if (!finder.Found)
            return false;
        value = new FieldValue(finder.Number, layerOffset + finder.Offset, finder.Length);
        return true;
    }

    private struct Finder(QuicValue which, int occurrence) : IQuicVisitor
    {
        private int _left = occurrence;
        public bool Found;
        public int Offset, Length;
        public ulong Number;

        public bool Item(QuicValue item, int offset, int length, ulong number)
        {
            if (item != which || _left-- > 0)
                return true;
            (Found, Offset, Length, Number) = (true, offset, length, number);
            return false;
        }
    }
}

/// <summary>
/// Every item of a QUIC layer in tshark's tree order (<see cref="QuicWalk"/>'s, column steps left out): a short header's
/// bits below its "QUIC Short Header" item. Allocates nothing; each step walks the datagram again up to the item.
/// </summary>
public ref struct QuicItems
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _reported;
    private readonly int _layerOffset;
    private readonly QuicConnection _connection;
    private int _index;

    /// <param name="bytes">The captured bytes of the datagram.</param>
    /// <param name="reported">How many bytes UDP declares.</param>
    /// <param name="layerOffset">The layer's offset in its buffer.</param>
    /// <param name="connection">What tshark knew of the datagram's connection.</param>
    public QuicItems(ReadOnlySpan<byte> bytes, int reported, int layerOffset, QuicConnection connection = default)
    {
        _connection = connection;
        _bytes = bytes;
        _reported = reported;
        _layerOffset = layerOffset;
        Field = QuicFields.FieldOf(QuicValue.PacketLength);
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
        QuicWalk.Run(_bytes, _reported, _connection, ref finder, out _);
        if (!finder.Found)
            return false;
        _index = finder.Next;
        Field = QuicFields.FieldOf(finder.Which);
        Value = new FieldValue(finder.Number, _layerOffset + finder.Offset, finder.Length);
        Depth = finder.InShort && finder.Which is QuicValue.HeaderForm or QuicValue.FixedBit or QuicValue.SpinBit or QuicValue.Dcid ? 1 : 0;
        return true;
    }

    // the index counts every item, column steps too, so the next search starts after the one found
    private struct Nth(int index) : IQuicVisitor
    {
        private int _seen;
        public bool Found, InShort;
        public QuicValue Which;
        public int Offset, Length, Next;
        public ulong Number;

        public bool Item(QuicValue which, int offset, int length, ulong number)
        {
            InShort = which == QuicValue.Short || (InShort && which != QuicValue.PacketLength);
            if (_seen++ < index || which >= QuicValue.InfoTitle)
                return true;
            (Found, Which, Offset, Length, Number, Next) = (true, which, offset, length, number, _seen);
            return false;
        }
    }
}
