using System.Buffers;
using System.Text;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Output.Filters;

/// <summary>
/// Walks the bytes of every occurrence of a filter operand, sliced when the filter slices it:
/// <c>while (o.MoveNext()) use(o.Current)</c>. An occurrence of a byte field or an address is its bytes in the packet; of
/// a string field (a DNS name, a TXT string), the UTF-8 of its text as tshark holds it (escapes and all), written into
/// the caller's scratch spans; of a protocol, <see cref="ProtocolBytes"/>. A slice reaching outside the bytes (those the
/// capture kept) is empty, as in tshark 4.0: it equals <c>""</c> and differs from everything else.
/// Slices joining several ranges, and strings longer than the scratch spans (an HTTP header of 12,000 bytes), are written
/// into pooled arrays, given back by <see cref="Dispose"/>; nothing else allocates.
/// </summary>
internal ref struct ByteOccurrences
{
    private FieldOccurrences _fields;
    private readonly DecodedPacket _packet;
    private readonly ReadOnlySpan<byte> _frame;
    private readonly UInt128 _layerMask;
    private readonly string? _protocol;
    private readonly bool _toLayerEnd;
    private readonly SliceRange[][]? _slices;
    private readonly Span<char> _chars;
    private readonly Span<byte> _text;
    private int _layer;
    private byte[]? _joined;
    private char[]? _longChars;
    private byte[]? _longText;

    /// <summary>Starts before the first occurrence.</summary>
    /// <param name="packet">The decoded packet.</param>
    /// <param name="frame">The bytes it was decoded from.</param>
    /// <param name="protocol">The protocol's name, or null for a field.</param>
    /// <param name="definitions">The field's definitions (unused for a protocol).</param>
    /// <param name="layerMask">The layer kinds of the field or protocol.</param>
    /// <param name="toLayerEnd">For a protocol: its bytes to the layer's end (what contains and matches search), not its item.</param>
    /// <param name="slices">The slices to apply, in order; null for none.</param>
    /// <param name="chars">Room for a string field's text (<see cref="FieldFormatter.MaxLength"/>).</param>
    /// <param name="text">Room for that text's UTF-8 (three bytes a character).</param>
    public ByteOccurrences(DecodedPacket packet, ReadOnlySpan<byte> frame, string? protocol, FieldDefinition[]? definitions, UInt128 layerMask, bool toLayerEnd,
        SliceRange[][]? slices, Span<char> chars, Span<byte> text)
    {
        _packet = packet;
        _frame = frame;
        _layerMask = layerMask;
        _protocol = protocol;
        _toLayerEnd = toLayerEnd;
        _slices = slices;
        _chars = chars;
        _text = text;
        _fields = new FieldOccurrences(packet, frame, protocol is null ? definitions ?? [] : [], layerMask);
    }

    /// <summary>The current occurrence's bytes: valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<byte> Current { get; private set; }

    /// <summary>Advances to the next occurrence that has bytes; false when there are no more.</summary>
    public bool MoveNext()
    {
        while (true)
        {
            ReadOnlySpan<byte> bytes;
            if (_protocol is not null)
            {
                if (!NextLayer(out bytes))
                    return false;
            }
            else
            {
                if (!_fields.MoveNext())
                    return false;
                if (!TryBytes(_fields.Definition, _fields.Value, _fields.Buffer, out bytes))
                    continue;
            }
            Current = _slices is null ? bytes : Slice(bytes);
            return true;
        }
    }

    /// <summary>Gives back the array a joined slice used.</summary>
    public void Dispose()
    {
        if (_joined is not null)
            ArrayPool<byte>.Shared.Return(_joined);
        _joined = null;
        if (_longChars is not null)
            ArrayPool<char>.Shared.Return(_longChars);
        _longChars = null;
        if (_longText is not null)
            ArrayPool<byte>.Shared.Return(_longText);
        _longText = null;
    }

    /// <summary>A pooled array of at least <paramref name="length"/> for a string longer than the caller's scratch, kept until <see cref="Dispose"/>.</summary>
    private static T[] Rent<T>(ref T[]? array, int length)
    {
        if (array is null || array.Length < length)
        {
            if (array is not null)
                ArrayPool<T>.Shared.Return(array);
            array = ArrayPool<T>.Shared.Rent(length);
        }
        return array;
    }

    private bool NextLayer(out ReadOnlySpan<byte> bytes)
    {
        var layers = _packet.Layers;
        while (_layer < layers.Length)
        {
            int l = _layer++;
            if (DisplayFilter.IsProtocol(_layerMask, _protocol!, _packet, l, _frame)
                && ProtocolBytes.TryGet(_packet, l, _frame, _toLayerEnd, out bytes))
                return true;
        }
        bytes = default;
        return false;
    }

    private bool TryBytes(FieldDefinition field, FieldValue value, ReadOnlySpan<byte> buffer, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        int length = field.Kind switch
        {
            FieldKind.MacAddress => 6,
            FieldKind.Ipv4Address => 4,
            FieldKind.Ipv6Address => 16,
            _ => value.Length,
        };
        switch (field.Kind)
        {
            case FieldKind.DnsName:
            case FieldKind.Text:
            case FieldKind.HttpText:
            case FieldKind.BuiltText:
            {
                int room = FieldFormatter.RoomFor(field, value);
                var chars = room <= _chars.Length ? _chars : Rent(ref _longChars, room).AsSpan();
                if (!FieldFormatter.TryFormat(field, value, buffer, chars, out int written, _packet))
                    return false;
                int utf8 = Encoding.UTF8.GetMaxByteCount(written);
                var text = utf8 <= _text.Length ? _text : Rent(ref _longText, utf8).AsSpan();
                bytes = text[..Encoding.UTF8.GetBytes(chars[..written], text)];
                return true;
            }
            case FieldKind.MacAddress when FieldFormatter.IsRewrittenMac(value):
                if (value.Offset < 0 || value.Offset > buffer.Length - length || _text.Length < length)
                    return false;
                bytes = FieldFormatter.MacBytes(value, buffer, _text);
                return true;
            case FieldKind.Bytes:
            case FieldKind.MacAddress:
            case FieldKind.Ipv4Address:
            case FieldKind.Ipv6Address:
                if (value.Offset < 0 || length < 0 || value.Offset > buffer.Length - length)
                    return false;
                bytes = buffer.Slice(value.Offset, length);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Applies the slices in turn to <paramref name="bytes"/>; a range reaching outside them makes the result empty.</summary>
    private ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> bytes)
    {
        foreach (var ranges in _slices!)
        {
            if (ranges.Length == 1)
            {
                if (!ranges[0].TryLocate(bytes.Length, out int offset, out int count))
                    return default;
                bytes = bytes.Slice(offset, count);
                continue;
            }
            int total = 0;
            foreach (var range in ranges)
            {
                if (!range.TryLocate(bytes.Length, out _, out int count))
                    return default;
                total += count;
            }
            var joined = ArrayPool<byte>.Shared.Rent(total);
            int at = 0;
            foreach (var range in ranges)
            {
                range.TryLocate(bytes.Length, out int offset, out int count);
                bytes.Slice(offset, count).CopyTo(joined.AsSpan(at));
                at += count;
            }
            // The bytes just copied may lie in the previous joined array: give that back only now.
            Dispose();
            _joined = joined;
            bytes = joined.AsSpan(0, total);
        }
        return bytes;
    }
}
