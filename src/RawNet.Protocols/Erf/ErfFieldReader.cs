using System.Buffers.Binary;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Erf;

/// <summary>
/// Reads the ERF fields whose place moves with the extension headers (<see cref="ComputedField.ErfExtensionType"/> to
/// <see cref="ComputedField.ErfEthernetPad"/>): occurrence N of a type is the Nth extension header (tshark shows the
/// first 16), of the unknown data the Nth of those with a type tshark has no fields for; the Ethernet offset and pad
/// are the two bytes after the last extension header.
/// </summary>
public static class ErfFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.ErfExtensionType and <= ComputedField.ErfEthernetPad;

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="computed"/> in the layer's header.</summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (!ErfHeader.TryRead(header, out var erf))
            return false;
        int end = ErfHeader.PseudoHeaderLength(header, out int extensions);
        if (computed is ComputedField.ErfEthernetOffset or ComputedField.ErfEthernetPad)
        {
            if (occurrence != 0 || !ErfHeader.IsEthernet(erf.Type) || end > header.Length)
                return false;
            int at = end - ErfHeader.EthernetSubheaderLength + (computed == ComputedField.ErfEthernetPad ? 1 : 0);
            value = new FieldValue(header[at], layerOffset + at, 1);
            return true;
        }
        int shown = Math.Min(extensions, ErfHeader.MaxShownExtensions);
        int seen = 0;
        for (int i = 0; i < shown; i++)
        {
            int at = ErfHeader.Length + i * ErfHeader.ExtensionLength;
            if (at + ErfHeader.ExtensionLength > header.Length)
                return false;
            byte type = (byte)(header[at] & ErfHeader.TypeMask);
            if (computed == ComputedField.ErfExtensionData && ErfHeader.IsKnownExtension(type))
                continue;
            if (seen++ != occurrence)
                continue;
            value = computed == ComputedField.ErfExtensionType
                ? new FieldValue(type, layerOffset + at, 1)
                : new FieldValue(BinaryPrimitives.ReadUInt64BigEndian(header[at..]), layerOffset + at, ErfHeader.ExtensionLength);
            return true;
        }
        return false;
    }
}
