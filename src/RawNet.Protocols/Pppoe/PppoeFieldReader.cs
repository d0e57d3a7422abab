using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Pppoe;

/// <summary>Reads the PPP protocol field after a PPPoE session header (<see cref="ComputedField.PppoeProtocol"/>): one byte or two.</summary>
public static class PppoeFieldReader
{
    /// <summary>True for the computed field this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.PppoeProtocol;

    /// <summary>
    /// Reads the protocol from the layer's captured bytes <paramref name="header"/>, which start at
    /// <paramref name="layerOffset"/>; false when the decoder found the layer cut (<paramref name="complete"/> false).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> header, int layerOffset, bool complete, int occurrence, out FieldValue value)
    {
        value = default;
        if (occurrence != 0 || !complete || !PppoeSessionHeader.TryRead(header, out var pppoe))
            return false;
        value = new FieldValue((ulong)pppoe.Protocol, layerOffset + PppoeSessionHeader.Field.PppProtocol, pppoe.ProtocolLength);
        return true;
    }
}
