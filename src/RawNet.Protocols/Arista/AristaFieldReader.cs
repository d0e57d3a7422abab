using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Arista;

/// <summary>
/// Reads the Arista header's fields that depend on its subtype and version
/// (<see cref="ComputedField.AristaVersion"/> to <see cref="ComputedField.AristaTrailer"/>), as tshark 4.0 adds them: each
/// only when all its bytes are captured, the timestamp's marker once the version is there.
/// </summary>
public static class AristaFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.AristaVersion and <= ComputedField.AristaTrailer;

    /// <summary>Reads <paramref name="computed"/> of the Arista layer at <paramref name="index"/>, whose bytes are in <paramref name="buffer"/>.</summary>
    public static bool TryRead(ComputedField computed, DecodedPacket packet, int index, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
    {
        value = default;
        ref readonly Layer layer = ref packet[index];
        var header = buffer.Slice(layer.Offset, layer.HeaderLength);
        if (occurrence != 0 || header.Length < AristaHeader.SubTypeLength)
            return false;
        int at = layer.Offset;
        bool timestamp = BinaryPrimitives.ReadUInt16BigEndian(header) == AristaHeader.TimestampSubType;
        if (!timestamp)
        {
            // tshark reads an unknown subtype as followed by the EtherType.
            const int type = AristaHeader.Field.UnknownSubTypeEtherType;
            if (computed == ComputedField.AristaEtherType && header.Length >= type + AristaHeader.EtherTypeLength)
            {
                value = new FieldValue(BinaryPrimitives.ReadUInt16BigEndian(header[type..]), at + type, AristaHeader.EtherTypeLength);
                return true;
            }
            return computed == ComputedField.AristaTrailer && EtherTypeTrailer.TryRead(packet, index, buffer, out value);
        }
        if (header.Length < AristaHeader.FixedLength)
            return false;
        ushort version = BinaryPrimitives.ReadUInt16BigEndian(header[AristaHeader.Field.Version..]);
        int length = AristaHeader.TimestampLength(version);
        bool wide = length == AristaHeader.Timestamp64Length;
        const int ts = AristaHeader.Field.Timestamp;
        int nanoseconds = ts + (wide ? 4 : 2);
        switch (computed)
        {
            case ComputedField.AristaVersion:
                value = new FieldValue(version, at + AristaHeader.Field.Version, 2);
                return true;
            case ComputedField.AristaUnknownVersion when length == 0:
                value = new FieldValue(1, at + AristaHeader.Field.Version, 2);
                return true;
            case ComputedField.AristaTimestamp64 when wide:
            case ComputedField.AristaTimestamp48 when length == AristaHeader.Timestamp48Length:
                value = new FieldValue(1, at + ts, length);
                return true;
            case ComputedField.AristaSeconds64 when wide && header.Length >= ts + 4:
                value = new FieldValue(BinaryPrimitives.ReadUInt32BigEndian(header[ts..]), at + ts, 4);
                return true;
            case ComputedField.AristaSeconds48 when length == AristaHeader.Timestamp48Length && header.Length >= ts + 2:
                value = new FieldValue(BinaryPrimitives.ReadUInt16BigEndian(header[ts..]), at + ts, 2);
                return true;
            case ComputedField.AristaNanoseconds64 when wide && header.Length >= nanoseconds + 4:
            case ComputedField.AristaNanoseconds48 when length == AristaHeader.Timestamp48Length && header.Length >= nanoseconds + 4:
                value = new FieldValue(BinaryPrimitives.ReadUInt32BigEndian(header[nanoseconds..]), at + nanoseconds, 4);
                return true;
            case ComputedField.AristaEtherType when length != 0 && header.Length >= ts + length + AristaHeader.EtherTypeLength:
                value = new FieldValue(BinaryPrimitives.ReadUInt16BigEndian(header[(ts + length)..]), at + ts + length, AristaHeader.EtherTypeLength);
                return true;
            case ComputedField.AristaTrailer when length != 0:
                return EtherTypeTrailer.TryRead(packet, index, buffer, out value);
            default:
                return false;
        }
    }
}
