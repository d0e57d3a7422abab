using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ethernet;

/// <summary>What an Ethernet layer's <see cref="Layer.Detail"/> says.</summary>
public static class EthernetLayerDetail
{
    /// <summary>The frame ends in its FCS (a bridged frame of PID 0x0001): the layer's last 4 bytes.</summary>
    public const byte FcsAtEnd = 0x01;
}

/// <summary>
/// <c>eth.addr</c>: the destination, then the source address; tshark adds Ethernet's fields only for a whole header. And
/// <c>eth.fcs</c>, the FCS of a frame that keeps one, when the capture holds it: tshark reads it after the layers above,
/// and a cut there has already stopped it.
/// </summary>
internal static class EthernetFieldReader
{
    public static bool TryRead(ComputedField computed, in Layer layer, ReadOnlySpan<byte> buffer, ReadOnlySpan<byte> header, int occurrence, out FieldValue value)
    {
        value = default;
        switch (computed)
        {
            case ComputedField.EthernetAddresses:
                return header.Length >= EthernetHeader.Length
                    && FieldValues.Pair(occurrence, header, EthernetHeader.Field.Destination, EthernetHeader.Field.Source, 6, layer.Offset, out value);
            case ComputedField.EthernetFcs:
            {
                int at = layer.Offset + layer.Extent - EthernetHeader.FcsLength;
                if (occurrence != 0 || (layer.Detail & EthernetLayerDetail.FcsAtEnd) == 0 || at + EthernetHeader.FcsLength > buffer.Length)
                    return false;
                value = new FieldValue(BinaryPrimitives.ReadUInt32BigEndian(buffer[at..]), at, EthernetHeader.FcsLength);
                return true;
            }
            default:
                return false;
        }
    }
}
