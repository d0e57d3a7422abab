using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Output.Filters;

/// <summary>
/// Walks every occurrence of a field name in a packet, layer by layer (the order <c>-T fields</c> prints them), without
/// allocating: <c>while (o.MoveNext()) use(o.Definition, o.Value, o.Buffer)</c>.
/// </summary>
internal ref struct FieldOccurrences
{
    private readonly DecodedPacket _packet;
    private readonly ReadOnlySpan<byte> _frame;
    private readonly FieldDefinition[] _definitions;
    private readonly UInt128 _layerMask;
    private int _layer;
    private int _definition;
    private int _occurrence;

    /// <summary>Starts before the first occurrence of <paramref name="definitions"/> in <paramref name="packet"/>.</summary>
    /// <param name="packet">The decoded packet.</param>
    /// <param name="frame">The bytes it was decoded from.</param>
    /// <param name="definitions">Every definition of the field's name.</param>
    /// <param name="layerMask">The layer kinds that hold the field (<see cref="FilterNode.MaskOf"/>): other layers are skipped at once.</param>
    public FieldOccurrences(DecodedPacket packet, ReadOnlySpan<byte> frame, FieldDefinition[] definitions, UInt128 layerMask)
    {
        _layerMask = layerMask;
        _packet = packet;
        _frame = frame;
        _definitions = definitions;
    }

    /// <summary>The definition the current occurrence was read with.</summary>
    public FieldDefinition Definition { get; private set; } = null!;

    /// <summary>The current occurrence.</summary>
    public FieldValue Value { get; private set; }

    /// <summary>The buffer of the current occurrence's layer (frame or reassembled datagram), for address fields.</summary>
    public ReadOnlySpan<byte> Buffer { get; private set; }

    /// <summary>Advances to the next occurrence; false when there are no more.</summary>
    public bool MoveNext()
    {
        var layers = _packet.Layers;
        while (_layer < layers.Length)
        {
            if (_definition >= _definitions.Length || (_layerMask & FilterNode.Bit(layers[_layer].Kind)) == 0)
            {
                _layer++;
                _definition = 0;
                continue;
            }
            var definition = _definitions[_definition];
            if (definition.Layer == layers[_layer].Kind
                && FieldReader.TryRead(definition, _packet, _layer, _frame, _occurrence, out var value))
            {
                _occurrence++;
                Definition = definition;
                Value = value;
                Buffer = _packet.BufferOf(layers[_layer], _frame);
                return true;
            }
            _definition++;
            _occurrence = 0;
        }
        return false;
    }
}
