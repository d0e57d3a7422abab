using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ppp;

/// <summary>Reads the PPP fields (<see cref="ComputedField.PppAddress"/> to <see cref="ComputedField.PppProtocol"/>) where the layer's layout puts them.</summary>
public static class PppFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.PppAddress and <= ComputedField.PppProtocol;

    /// <summary>
    /// Reads <paramref name="computed"/> from the header's captured bytes <paramref name="header"/>, which start at
    /// <paramref name="layerOffset"/> in their buffer and are laid out as <paramref name="detail"/> says
    /// (<see cref="PppLayout.ToDetail"/>); false when the field is not there or was not captured.
    /// </summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, byte detail, int occurrence, out FieldValue value)
    {
        value = default;
        var layout = PppLayout.FromDetail(detail);
        if (occurrence != 0)
            return false;
        switch (computed)
        {
            case ComputedField.PppDirection:
                // tshark adds it once it has read past address and control: a frame cut before then has none.
                if (!layout.HasDirection || header.Length < Math.Max(layout.ProtocolOffset, layout.AddressOffset + 1))
                    return false;
                value = new FieldValue(header[0] == 0 ? 1UL : 0UL, layerOffset, 1);
                return true;
            case ComputedField.PppAddress:
                return layout.HasAddressAndControl && !layout.DirectionForAddress && Byte(header, layout.AddressOffset, layerOffset, out value);
            case ComputedField.PppControl:
                return layout.HasAddressAndControl && Byte(header, layout.ControlOffset, layerOffset, out value);
            case ComputedField.PppProtocol:
                if (!PppHeader.TryRead(header, layout, out var ppp))
                    return false;
                value = new FieldValue((ulong)ppp.Protocol, layerOffset + layout.ProtocolOffset, layout.ProtocolLength);
                return true;
            default:
                return false;
        }
    }

    private static bool Byte(ReadOnlySpan<byte> header, int at, int layerOffset, out FieldValue value)
    {
        value = header.Length > at ? new FieldValue(header[at], layerOffset + at, 1) : default;
        return header.Length > at;
    }
}
