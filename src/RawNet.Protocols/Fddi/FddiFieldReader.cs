using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Fddi.FddiHeader.Field;

namespace RawNet.Protocols.Fddi;

/// <summary>
/// Reads FDDI's addresses (<see cref="ComputedField.FddiDestination"/> to <see cref="ComputedField.FddiAddresses"/>) as
/// tshark 4.0 adds them on LINKTYPE_FDDI: bit-swapped (<see cref="FieldValue.BitReversedMac"/>), each address twice once
/// its six bytes are there, and fddi.addr as destination, destination, source, source.
/// </summary>
public static class FddiFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.FddiDestination and <= ComputedField.FddiAddresses;

    /// <summary>Reads <paramref name="computed"/> from the layer's captured header <paramref name="header"/>, which starts at <paramref name="layerOffset"/>.</summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        int at = computed switch
        {
            ComputedField.FddiDestination when occurrence < 2 => F.Destination,
            ComputedField.FddiSource when occurrence < 2 => F.Source,
            ComputedField.FddiAddresses when occurrence < 4 => occurrence < 2 ? F.Destination : F.Source,
            _ => -1,
        };
        if (at < 0 || at + 6 > header.Length)
            return false;
        value = new FieldValue(FieldValue.BitReversedMac, layerOffset + at, 6);
        return true;
    }
}
