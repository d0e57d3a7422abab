using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Macsec;

/// <summary>
/// Reads the MACsec fields that move with the SCI or depend on what follows the SecTAG
/// (<see cref="ComputedField.MacsecSystemIdentifier"/> to <see cref="ComputedField.MacsecIcv"/>), as tshark 4.0 adds
/// them.
/// </summary>
/// <remarks>
/// tshark 4.0 shows the ICV of encrypted or changed data where the secure data ends. For unmodified data it hands the
/// payload everything to the end of the frame and shows as "ICV" whatever the payload's protocol leaves over (only IPv4,
/// IPv6 and ARP bound themselves), after Ethernet's zero padding to 60 bytes, and nothing when the payload's dissection fails.
/// </remarks>
public static class MacsecFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.MacsecSystemIdentifier and <= ComputedField.MacsecIcv;

    /// <summary>Reads <paramref name="computed"/> of the MACsec layer at <paramref name="index"/>, whose bytes are in <paramref name="buffer"/>.</summary>
    public static bool TryRead(ComputedField computed, DecodedPacket packet, int index, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
    {
        value = default;
        ref readonly Layer layer = ref packet[index];
        var header = buffer.Slice(layer.Offset, layer.HeaderLength);
        if (occurrence != 0 || !MacsecHeader.TryRead(header, out var tag))
            return false;
        int at = layer.Offset;
        switch (computed)
        {
            case ComputedField.MacsecSystemIdentifier when tag.HasSci:
                value = new FieldValue(0, at + MacsecHeader.Field.SystemIdentifier, 6);
                return true;
            case ComputedField.MacsecPortIdentifier when tag.HasSci:
                value = new FieldValue(BinaryPrimitives.ReadUInt16BigEndian(header[MacsecHeader.Field.PortIdentifier..]), at + MacsecHeader.Field.PortIdentifier, 2);
                return true;
            case ComputedField.MacsecEtherType when !tag.IsConfidential && header.Length >= tag.HeaderLength + MacsecHeader.EtherTypeLength:
                value = new FieldValue(BinaryPrimitives.ReadUInt16BigEndian(header[tag.HeaderLength..]), at + tag.HeaderLength, MacsecHeader.EtherTypeLength);
                return true;
            case ComputedField.MacsecIcv:
                return TryReadIcv(packet, index, tag, buffer, out value);
            default:
                return false;
        }
    }

    private static bool TryReadIcv(DecodedPacket packet, int index, MacsecHeader tag, ReadOnlySpan<byte> buffer, out FieldValue value)
    {
        value = default;
        ref readonly Layer layer = ref packet[index];
        int reported = layer.Extent;
        int captured = Math.Min(buffer.Length - layer.Offset, reported);
        if (tag.IsConfidential)
        {
            int icv = tag.SecureDataEnd(captured);
            if (icv < tag.HeaderLength)
                return false;
            value = new FieldValue(0, layer.Offset + icv, MacsecHeader.IcvLength);
            return true;
        }
        return Ethernet.EtherTypeTrailer.TryRead(packet, index, buffer, out value);
    }
}
