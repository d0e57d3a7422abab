using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Garp;

/// <summary>
/// Reads the fields of <see cref="GarpFields"/> (<see cref="ComputedField.Garp"/>) as tshark 4.0 adds them: the protocol ID
/// once its two bytes were captured, then occurrence N of an item of <see cref="GarpWalk"/>'s walk of the PDU (which
/// yields an item only once its bytes were captured, and stops where tshark's reading stops). A walk of the layer's bytes
/// ends at the PDU's length, so reading a field costs at most one pass over the PDU.
/// </summary>
public static class GarpFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Garp;

    /// <summary>Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the PDU's captured bytes <paramref name="header"/>.</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> header, int occurrence, out FieldValue value)
    {
        value = default;
        if (!GarpFields.TryGetValue(field, out var which) || occurrence < 0)
            return false;
        int reported = Math.Max(layer.Extent, header.Length);
        if (which == GarpValue.ProtocolId)
        {
            if (occurrence != 0 || header.Length < GarpPdu.HeaderLength || reported < GarpPdu.HeaderLength)
                return false;
            value = new FieldValue(BinaryPrimitives.ReadUInt16BigEndian(header), layer.Offset, GarpPdu.HeaderLength);
            return true;
        }
        var item = which switch
        {
            GarpValue.Type => GarpItem.Type,
            GarpValue.Length => GarpItem.Length,
            GarpValue.Event => GarpItem.Event,
            GarpValue.EndMark => GarpItem.EndMark,
            _ => GarpItem.Value,
        };
        bool gmrp = layer.Kind == LayerKind.Gmrp;
        var walk = new GarpWalk(header, reported, gmrp);
        int seen = 0;
        while (walk.MoveNext())
        {
            if (walk.Item != item || !ShowsValue(which, walk.MessageType, gmrp) || seen++ != occurrence)
                continue;
            // A MAC value is read from its bytes (a number there would name a rewritten MAC).
            value = new FieldValue(which == GarpValue.GroupMembership ? 0UL : (ulong)walk.Value, layer.Offset + walk.Offset, walk.Size);
            return true;
        }
        return false;
    }

    /// <summary>Whether a value item shows under this field: GMRP's value field is one per attribute type.</summary>
    private static bool ShowsValue(GarpValue which, byte messageType, bool gmrp) => which switch
    {
        GarpValue.GroupMembership => gmrp && messageType == GarpPdu.GmrpGroupMembership,
        GarpValue.ServiceRequirement => gmrp && messageType == GarpPdu.GmrpServiceRequirement,
        GarpValue.Value => !gmrp,
        _ => true,
    };
}
