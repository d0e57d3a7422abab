using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.GprsLlc;

/// <summary>
/// Reads the sndcp fields (<see cref="ComputedField.Sndcp"/>) from the header bytes captured: each field once tshark read
/// its byte, sndcp.payload for a fragment (<see cref="SndcpLayerDetail.Fragment"/>) over the bytes captured after the header.
/// </summary>
public static class SndcpFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Sndcp;

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="field"/> in the sndcp layer over <paramref name="bytes"/> (the captured bytes from the layer on).</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> bytes, int occurrence, out FieldValue value)
    {
        value = default;
        if (occurrence != 0 || !SndcpFields.TryGetValue(field, out var which) || layer.HeaderLength < 1)
            return false;
        byte address = bytes[0];
        bool first = (address & SndcpHeader.FirstBit) != 0, unack = (address & SndcpHeader.TypeBit) != 0;
        int at = layer.Offset, have = layer.HeaderLength, numbers = first ? 2 : 1;
        (bool present, int offset, int size, ulong number) = which switch
        {
            SndcpValue.Nsapi => (true, 0, 1, address),
            SndcpValue.Spare => (true, 0, 1, (ulong)(address >> 7)),
            SndcpValue.First => (true, 0, 1, first ? 1UL : 0),
            SndcpValue.Type => (true, 0, 1, unack ? 1UL : 0),
            SndcpValue.More => (true, 0, 1, (ulong)((address >> 4) & 1)),
            SndcpValue.NsapiBits => (true, 0, 1, (ulong)(address & 0x0F)),
            SndcpValue.Dcomp => (first && have > 1, 1, 1, have > 1 ? (ulong)(bytes[1] >> 4) : 0),
            SndcpValue.Pcomp => (first && have > 1, 1, 1, have > 1 ? (ulong)(bytes[1] & 0x0F) : 0),
            SndcpValue.Segment => (unack && have >= numbers + 2, numbers, 2,
                unack && have >= numbers + 2 ? (ulong)(bytes[numbers] >> 4) : 0),
            SndcpValue.Npdu when unack => (have >= numbers + 2, numbers, 2,
                have >= numbers + 2 ? (ulong)(BinaryPrimitives.ReadUInt16BigEndian(bytes[numbers..]) & 0x0FFF) : 0),
            SndcpValue.Npdu => (first && have > 2, 2, 1, first && have > 2 ? bytes[2] : 0UL),
            _ => (layer.Detail == SndcpLayerDetail.Fragment && bytes.Length > have, have, bytes.Length - have, 0UL),
        };
        if (!present)
            return false;
        value = new FieldValue(number, at + offset, size);
        return true;
    }
}

/// <summary>What the decoder keeps in an sndcp layer's <see cref="Layer.Detail"/>.</summary>
public static class SndcpLayerDetail
{
    /// <summary>A segment tshark could not reassemble: its bytes after the header are sndcp.payload.</summary>
    public const byte Fragment = 1;
}
