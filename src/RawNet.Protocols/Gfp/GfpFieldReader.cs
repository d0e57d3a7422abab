using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Gfp;

/// <summary>
/// Reads the gfp fields (<see cref="ComputedField.GfpPli"/> to <see cref="ComputedField.GfpFcsBad"/>) from the frame,
/// read again as tshark reads it (<see cref="GfpFrame.Read"/>, the layer's extent the frame on the wire): each field once
/// tshark got to it, the type's bits only for the PTIs it names, the extension header's for a linear frame.
/// </summary>
public static class GfpFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.GfpPli and <= ComputedField.GfpFcsBad;

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="computed"/> in the gfp layer over <paramref name="frame"/> (the captured bytes from the layer on).</summary>
    public static bool TryRead(ComputedField computed, in Layer layer, ReadOnlySpan<byte> frame, int occurrence, out FieldValue value)
    {
        value = default;
        if (occurrence != 0)
            return false;
        var gfp = GfpFrame.Read(frame, layer.Extent);
        int at = layer.Offset;
        switch (computed)
        {
            case ComputedField.GfpPli:
                if (gfp.Reach < GfpReach.Pli)
                    return false;
                value = new FieldValue(BinaryPrimitives.ReadUInt16BigEndian(frame), at, 2);
                return true;
            case ComputedField.GfpCoreHec or ComputedField.GfpCoreHecStatus:
                return gfp.Reach >= GfpReach.Core && Hec(computed == ComputedField.GfpCoreHecStatus, frame, GfpHeader.Field.Pli, at, out value);
            case ComputedField.GfpTypeHec or ComputedField.GfpTypeHecStatus:
                return gfp.Reach >= GfpReach.Type && gfp.HeaderLength >= GfpHeader.Length && Hec(computed == ComputedField.GfpTypeHecStatus, frame, GfpHeader.Field.Type, at, out value);
            case ComputedField.GfpType or ComputedField.GfpPti or ComputedField.GfpPfi or ComputedField.GfpExi or ComputedField.GfpUpi:
            {
                if (gfp.Reach < GfpReach.Type || gfp.HeaderLength < GfpHeader.Length || !GfpHeader.TryRead(frame, out var header) || !GfpFrame.ShowsType(header.PayloadType))
                    return false;
                ulong bits = computed switch
                {
                    ComputedField.GfpType => header.Type,
                    ComputedField.GfpPti => header.PayloadType,
                    ComputedField.GfpPfi => header.HasFcs ? 1UL : 0UL,
                    ComputedField.GfpExi => header.Extension,
                    _ => header.UserPayload,
                };
                value = new FieldValue(bits, at + GfpHeader.Field.Type, 2);
                return true;
            }
            case ComputedField.GfpChannelId:
                if (gfp.Reach < GfpReach.ChannelId || gfp.HeaderLength < GfpHeader.Length || !IsLinear(frame))
                    return false;
                value = new FieldValue(frame[GfpHeader.Field.ChannelId], at + GfpHeader.Field.ChannelId, 1);
                return true;
            case ComputedField.GfpExtensionHec or ComputedField.GfpExtensionHecStatus:
                return gfp.Reach >= GfpReach.Headers && gfp.HeaderLength == GfpHeader.ExtendedLength
                    && Hec(computed == ComputedField.GfpExtensionHecStatus, frame, GfpHeader.Field.ChannelId, at, out value);
            case ComputedField.GfpFcs:
                if (gfp.FcsAt < 0)
                    return false;
                value = new FieldValue(BinaryPrimitives.ReadUInt32BigEndian(frame[gfp.FcsAt..]), at + gfp.FcsAt, GfpHeader.FcsLength);
                return true;
            case ComputedField.GfpFcsGood or ComputedField.GfpFcsBad:
                if (gfp.FcsAt < 0)
                    return false;
                value = new FieldValue(gfp.FcsGood == (computed == ComputedField.GfpFcsGood) ? 1UL : 0UL, at + gfp.FcsAt, GfpHeader.FcsLength);
                return true;
            default:
                return false;
        }
    }

    private static bool IsLinear(ReadOnlySpan<byte> frame) =>
        GfpHeader.TryRead(frame, out var header) && header.Extension == GfpHeader.ExtensionLinear;

    /// <summary>The HEC after the two bytes at <paramref name="covered"/>, or its status (1 good, 0 bad, as tshark's checksum status).</summary>
    private static bool Hec(bool status, ReadOnlySpan<byte> frame, int covered, int at, out FieldValue value)
    {
        int hecAt = covered + 2;
        value = status
            ? new FieldValue(GfpHeader.HecGood(frame, covered) ? 1UL : 0UL, at + hecAt, 2)
            : new FieldValue(BinaryPrimitives.ReadUInt16BigEndian(frame[hecAt..]), at + hecAt, 2);
        return true;
    }
}
