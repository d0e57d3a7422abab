using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Udp;

/// <summary>UDP's computed fields: <c>udp.port</c>, and <c>udp.payload</c> up to the datagram's own length.</summary>
internal static class UdpFieldReader
{
    public static bool TryRead(ComputedField computed, in Layer layer, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
    {
        value = default;
        var header = buffer.Slice(layer.Offset, layer.HeaderLength);
        switch (computed)
        {
            case ComputedField.Ports:
                // tshark reads both ports before it adds any of UDP's items.
                if (header.Length < UdpHeader.Field.DestinationPort + 2)
                    return false;
                return FieldValues.NumberPair(occurrence, header, UdpHeader.Field.SourcePort, UdpHeader.Field.DestinationPort, layer.Offset, out value);
            case ComputedField.UdpPayload:
            {
                if (occurrence != 0 || header.Length < UdpHeader.HeaderLength)
                    return false;
                int end = (int)Math.Min(buffer.Length, (long)layer.Offset + layer.Extent);
                int length = BinaryPrimitives.ReadUInt16BigEndian(header[UdpHeader.Field.Length..]);
                if (length >= UdpHeader.HeaderLength)
                    end = Math.Min(end, layer.Offset + length);
                int start = layer.Offset + UdpHeader.HeaderLength;
                if (end <= start)
                    return false;
                value = new FieldValue(0, start, end - start);
                return true;
            }
            default:
                return false;
        }
    }
}
