using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.GprsLlc;

/// <summary>Which value of an SNDCP header a field of <see cref="SndcpFields"/> shows.</summary>
public enum SndcpValue : byte
{
    Nsapi, Spare, First, Type, More, NsapiBits, Dcomp, Pcomp, Segment, Npdu, Payload,
}

/// <summary>
/// The SNDCP field table (Wireshark "sndcp", tshark 4.0), in its tree's order. tshark 4.0's sndcp.nsapi shows the
/// whole address byte; sndcp.npdu is a byte for SN-DATA, 12 bits for SN-UNITDATA; sndcp.payload is a fragment's bytes.
/// Read by <see cref="SndcpFieldReader"/> (<see cref="ComputedField.Sndcp"/>).
/// </summary>
public static class SndcpFields
{
    private static readonly FieldValueTable<SndcpValue> Table = new(
    [
        (F("sndcp.nsapi", "NSAPI", FieldKind.Decimal), SndcpValue.Nsapi),
        (F("sndcp.x", "Spare bit", FieldKind.Boolean), SndcpValue.Spare),
        (F("sndcp.f", "First segment indicator bit", FieldKind.Boolean), SndcpValue.First),
        (F("sndcp.t", "Type", FieldKind.Boolean), SndcpValue.Type),
        (F("sndcp.m", "More bit", FieldKind.Boolean), SndcpValue.More),
        (F("sndcp.nsapib", "NSAPI", FieldKind.Decimal), SndcpValue.NsapiBits),
        (F("sndcp.dcomp", "DCOMP", FieldKind.Decimal), SndcpValue.Dcomp),
        (F("sndcp.pcomp", "PCOMP", FieldKind.Decimal), SndcpValue.Pcomp),
        (F("sndcp.segment", "Segment", FieldKind.Decimal), SndcpValue.Segment),
        (F("sndcp.npdu", "N-PDU", FieldKind.Decimal), SndcpValue.Npdu),
        (F("sndcp.payload", "Payload", FieldKind.Bytes), SndcpValue.Payload),
    ]);

    public static readonly FieldDefinition[] All = Table.All;

    /// <summary>Which value a field of this table shows; false for a field of another table.</summary>
    public static bool TryGetValue(FieldDefinition field, out SndcpValue value) => Table.TryGetValue(field, out value);

    private static FieldDefinition F(string name, string label, FieldKind kind) =>
        FieldDefinition.Derived(name, label, LayerKind.Sndcp, kind, ComputedField.Sndcp);
}
