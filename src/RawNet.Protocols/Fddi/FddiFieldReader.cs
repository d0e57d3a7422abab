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
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, byte detail, int occurrence, out FieldValue value)
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
        // A bridged frame's address is shown as sent, then (hidden) bit-swapped; LINKTYPE_FDDI's bit-swapped both times.
        bool asSent = (detail & FddiLayerDetail.AsSent) != 0 && occurrence % 2 == 0;
        value = new FieldValue(asSent ? 0 : FieldValue.BitReversedMac, layerOffset + at, 6);
        return true;
    }
}

/// <summary>What an FDDI layer's <see cref="Decoding.Layer.Detail"/> says.</summary>
public static class FddiLayerDetail
{
    /// <summary>A frame bridged behind SNAP, which tshark's "fddi" dissector reads without swapping the addresses' bits.</summary>
    public const byte AsSent = 0x01;
}
