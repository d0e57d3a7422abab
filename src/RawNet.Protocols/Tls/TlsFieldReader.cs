using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Tls;

/// <summary>
/// Reads the fields of <see cref="TlsFields"/> (<see cref="ComputedField.Tls"/>): occurrence N of a field is the Nth
/// record or message of the layer's <see cref="TlsRecordWalk"/> that shows it. One walk per read, bounded by the layer.
/// </summary>
public static class TlsFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Tls;

    /// <summary>Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> of the layer, whose offsets refer to <paramref name="buffer"/>.</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
    {
        value = default;
        if (!TlsFields.TryGetValue(field, out var which) || occurrence < 0)
            return false;
        var walk = TlsLayerDetail.Walk(in layer, buffer);
        int seen = 0;
        int origin = Math.Min(layer.Offset, buffer.Length);
        var bytes = buffer[origin..Math.Min(buffer.Length, origin + layer.HeaderLength)];
        if (which >= TlsValue.HelloVersion)
            return TryReadHello(which, ref walk, bytes, origin, occurrence, out value);
        while (walk.MoveNext())
        {
            if (!Shows(which, ref walk) || seen++ != occurrence)
                continue;
            int at = origin + walk.Offset;
            value = which switch
            {
                TlsValue.ContentType or TlsValue.OpaqueType => new FieldValue(walk.Type, at, 1),
                TlsValue.RecordVersion => new FieldValue(walk.Value, at + 1, 2),
                TlsValue.RecordLength => new FieldValue((ulong)walk.Length, at + 3, 2),
                TlsValue.HandshakeType => new FieldValue(walk.Type, at, 1),
                TlsValue.HandshakeLength => new FieldValue((ulong)walk.Length, at + 1, 3),
                TlsValue.AppData => new FieldValue(0, at, walk.Length),
                TlsValue.AlertLevel => new FieldValue(walk.Type, at, 1),
                _ => new FieldValue(walk.Value, at + 1, 1),
            };
            return true;
        }
        return false;
    }

    /// <summary>Occurrence <paramref name="occurrence"/> of a hello field, over every whole Client or Server Hello of the layer in order.</summary>
    private static bool TryReadHello(TlsValue which, ref TlsRecordWalk walk, ReadOnlySpan<byte> bytes, int origin, int occurrence, out FieldValue value)
    {
        value = default;
        var item = (TlsHelloItem)(which - TlsValue.HelloVersion);
        int seen = 0;
        while (walk.MoveNext())
        {
            if (walk.Item != TlsItem.Handshake || walk.Fragment || walk.Type is not (1 or 2))
                continue;
            int body = walk.Offset + 4;
            var hello = new TlsHelloWalk(bytes.Slice(body, walk.Length), walk.Type == 1);
            while (hello.MoveNext())
            {
                if (hello.Item != item || seen++ != occurrence)
                    continue;
                value = new FieldValue(hello.Value, origin + body + hello.Offset, hello.Length);
                return true;
            }
        }
        return false;
    }

    private static bool Shows(TlsValue which, ref TlsRecordWalk walk) => which switch
    {
        TlsValue.ContentType => walk.Item == TlsItem.Record && !walk.Opaque,
        TlsValue.OpaqueType => walk.Item == TlsItem.Record && walk.Opaque,
        TlsValue.RecordVersion or TlsValue.RecordLength => walk.Item == TlsItem.Record,
        TlsValue.HandshakeType or TlsValue.HandshakeLength => walk.Item == TlsItem.Handshake,
        TlsValue.AppData => walk.Item == TlsItem.ApplicationData,
        _ => walk.Item == TlsItem.Alert,
    };
}
