using System.Buffers.Binary;
using System.Collections.Frozen;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Tunnels.GtpHeader.Field;

namespace RawNet.Protocols.Tunnels;

/// <summary>Which value of a GTP header a computed field of <see cref="GtpFields"/> shows.</summary>
public enum GtpValue : byte
{
    Sequence, NpduNumber, ExtensionNext, Extension, ExtensionLength,
}

/// <summary>
/// The GTPv1-U field table (Wireshark "gtp"), in tshark 4.0's tree order: the mandatory header at its offsets, then
/// the optional word's fields (each only when its flag is set, as tshark adds them) and the extension headers, read by
/// <see cref="GtpFieldReader"/>. tshark names the header's next-type byte and each extension header's alike
/// (gtp.ext_hdr.next). The signalling messages' information elements are not decoded.
/// </summary>
public static class GtpFields
{
    private static readonly (FieldDefinition Field, GtpValue Value)[] Computed =
    [
        (D("gtp.seq_number", "Sequence number", FieldKind.Hex, 4), GtpValue.Sequence),
        (D("gtp.npdu_number", "N-PDU Number", FieldKind.Hex, 2), GtpValue.NpduNumber),
        (D("gtp.ext_hdr.next", "Next extension header type", FieldKind.Hex, 2), GtpValue.ExtensionNext),
        (D("gtp.ext_hdr", "Extension header", FieldKind.Marker), GtpValue.Extension),
        (D("gtp.ext_hdr.length", "Extension Header Length", FieldKind.Decimal), GtpValue.ExtensionLength),
    ];

    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("gtp.flags", "Flags", LayerKind.Gtp, F.Flags, 1, FieldKind.Hex),
        FieldDefinition.Fixed("gtp.flags.version", "Version", LayerKind.Gtp, F.Flags, 1, FieldKind.Decimal, GtpHeader.VersionMask),
        FieldDefinition.Fixed("gtp.flags.payload", "Protocol type", LayerKind.Gtp, F.Flags, 1, FieldKind.Decimal, GtpHeader.PayloadMask),
        FieldDefinition.Fixed("gtp.flags.reserved", "Reserved", LayerKind.Gtp, F.Flags, 1, FieldKind.Decimal, GtpHeader.ReservedMask),
        FieldDefinition.Fixed("gtp.flags.e", "Is Next Extension Header present?", LayerKind.Gtp, F.Flags, 1, FieldKind.Boolean, GtpHeader.ExtensionFlag),
        FieldDefinition.Fixed("gtp.flags.s", "Is Sequence Number present?", LayerKind.Gtp, F.Flags, 1, FieldKind.Boolean, GtpHeader.SequenceFlag),
        FieldDefinition.Fixed("gtp.flags.pn", "Is N-PDU number present?", LayerKind.Gtp, F.Flags, 1, FieldKind.Boolean, GtpHeader.NpduFlag),
        FieldDefinition.Fixed("gtp.message", "Message Type", LayerKind.Gtp, F.Message, 1, FieldKind.Hex),
        FieldDefinition.Fixed("gtp.length", "Length", LayerKind.Gtp, F.Length, 2, FieldKind.Decimal),
        FieldDefinition.Fixed("gtp.teid", "TEID", LayerKind.Gtp, F.Teid, 4, FieldKind.Hex),
        .. FieldRows.Fields(Computed),
    ];

    private static readonly FrozenDictionary<FieldDefinition, GtpValue> Values = FieldRows.Values(Computed);

    /// <summary>Which value a computed field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out GtpValue value) => Values.TryGetValue(field, out value);

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Gtp, kind, ComputedField.Gtp, hexDigits);
}

/// <summary>
/// Reads GTP's computed fields (<see cref="ComputedField.Gtp"/>): the optional word's values behind their flags, then
/// per extension header (the walk bounded as <see cref="GtpHeader.TryMeasure(ReadOnlySpan{byte}, out int)"/> bounds it) its item, length and next type.
/// </summary>
public static class GtpFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Gtp;

    /// <summary>Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the header's captured bytes <paramref name="header"/>.</summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (!GtpFields.TryGetValue(field, out var which) || header.Length < GtpHeader.OptionalLength || !GtpHeader.HasOptional(header[0]))
            return false;
        byte flags = header[0];
        switch (which)
        {
            case GtpValue.Sequence:
                return (flags & GtpHeader.SequenceFlag) != 0
                    && FieldValues.Single(occurrence, BinaryPrimitives.ReadUInt16BigEndian(header[F.Sequence..]), layerOffset + F.Sequence, 2, out value);
            case GtpValue.NpduNumber:
                return (flags & GtpHeader.NpduFlag) != 0 && FieldValues.Single(occurrence, header[F.NpduNumber], layerOffset + F.NpduNumber, 1, out value);
        }
        if ((flags & GtpHeader.ExtensionFlag) == 0)
            return false;
        if (which == GtpValue.ExtensionNext && occurrence == 0)
            return FieldValues.Single(0, header[F.NextExtension], layerOffset + F.NextExtension, 1, out value);
        // The n-th extension header (the header's own next type counts as the first next type).
        int wanted = which == GtpValue.ExtensionNext ? occurrence - 1 : occurrence;
        int at = F.Extensions;
        byte next = header[F.NextExtension];
        for (int index = 0; next != 0 && index < GtpHeader.MaxExtensions && at < header.Length; index++)
        {
            int length = header[at] * 4;
            // A cut extension header still shows its item and length (tshark adds them before it reads on).
            if (index == wanted && which != GtpValue.ExtensionNext)
            {
                value = which == GtpValue.Extension
                    ? new FieldValue(1, layerOffset + at, Math.Min(Math.Max(length, 1), header.Length - at))
                    : new FieldValue(header[at], layerOffset + at, 1);
                return true;
            }
            if (length == 0 || at + length > header.Length)
                return false;
            if (index == wanted)
            {
                (ulong number, int offset, int size) = which switch
                {
                    GtpValue.Extension => (1UL, at, length),
                    GtpValue.ExtensionLength => (header[at], at, 1),
                    _ => (header[at + length - 1], at + length - 1, 1),
                };
                value = new FieldValue(number, layerOffset + offset, size);
                return true;
            }
            next = header[at + length - 1];
            at += length;
        }
        return false;
    }
}
