namespace RawNet.Protocols.Fields;

/// <summary>
/// Receives the items of a protocol's walk in tshark's order. One walk serves the decoder's status, the field reader, the
/// tree and the Info column; <typeparamref name="TValue"/> says which field, Info text or expert item an item is.
/// </summary>
public interface IItemVisitor<TValue> where TValue : struct, Enum
{
    /// <summary>One item: its bytes' offset and length in the layer and its number; false to stop the walk.</summary>
    bool Item(TValue which, int offset, int length, ulong number);
}

/// <summary>One item of a walk, as <see cref="IItemVisitor{TValue}.Item"/> received it (offset from the layer's start).</summary>
public readonly record struct WalkItem<TValue>(TValue Which, int Offset, int Length, ulong Number) where TValue : struct, Enum;

/// <summary>Takes every item and keeps none: the visitor of a walk run for its status alone.</summary>
public readonly struct DiscardItems<TValue> : IItemVisitor<TValue> where TValue : struct, Enum
{
    /// <inheritdoc/>
    public bool Item(TValue which, int offset, int length, ulong number) => true;
}

/// <summary>Stops a walk at its N-th item of one value (a field's occurrence) or of any value, and keeps that item.</summary>
public struct NthItem<TValue> : IItemVisitor<TValue> where TValue : struct, Enum
{
    private readonly TValue _value;
    private readonly bool _ofValue;
    private int _left;

    private NthItem(TValue value, bool ofValue, int n) => (_value, _ofValue, _left) = (value, ofValue, n);

    /// <summary>The item <paramref name="n"/> (from 0) of those of <paramref name="value"/>.</summary>
    public static NthItem<TValue> Of(TValue value, int n) => new(value, ofValue: true, n);

    /// <summary>The item <paramref name="n"/> (from 0) of the walk, whatever its value.</summary>
    public static NthItem<TValue> OfAny(int n) => new(default, ofValue: false, n);

    /// <summary>Whether the walk reached the item.</summary>
    public bool Found { get; private set; }

    /// <summary>The item, when <see cref="Found"/>.</summary>
    public WalkItem<TValue> Match { get; private set; }

    /// <inheritdoc/>
    public bool Item(TValue which, int offset, int length, ulong number)
    {
        if (_ofValue && !EqualityComparer<TValue>.Default.Equals(which, _value) || _left-- > 0)
            return true;
        (Found, Match) = (true, new WalkItem<TValue>(which, offset, length, number));
        return false;
    }
}

/// <summary>
/// A protocol whose fields are the items of one walk over its layer's bytes, each field's occurrences the items of its
/// value in the walk's order: what <see cref="FieldWalk"/> and <see cref="FieldWalkItems{TWalk, TValue}"/> need of it.
/// Implemented by the protocol's field table, a struct of static members (<c>CdpFields</c>, ...), so that the generic code
/// is compiled for each protocol and every call in it is a direct one.
/// </summary>
public interface IFieldWalk<TValue> where TValue : struct, Enum
{
    /// <summary>
    /// Walks the layer's captured <paramref name="bytes"/> (the packet declares <paramref name="reported"/>) as tshark's
    /// tree reads it, handing each item to <paramref name="visitor"/>.
    /// </summary>
    static abstract void Walk<TVisitor>(ReadOnlySpan<byte> bytes, int reported, ref TVisitor visitor)
        where TVisitor : struct, IItemVisitor<TValue>, allows ref struct;

    /// <summary>Which value a field of the protocol's table shows; false for any other field.</summary>
    static abstract bool TryGetValue(FieldDefinition field, out TValue which);

    /// <summary>The field items of <paramref name="which"/> show; null for an item that is no field (an Info text, an expert item).</summary>
    static abstract FieldDefinition? FieldOf(TValue which);

    /// <summary>How deep <paramref name="item"/>'s field lies in the tree below the layer's heading.</summary>
    static abstract int DepthOf(in WalkItem<TValue> item);

    /// <summary>
    /// The value <paramref name="item"/>'s field shows, its offset made absolute with <paramref name="layerOffset"/>: the
    /// item's number, unless the protocol's formatter needs more of the layer (<paramref name="reported"/> bytes).
    /// </summary>
    static virtual FieldValue ValueOf(in WalkItem<TValue> item, int layerOffset, int reported) =>
        new(item.Number, layerOffset + item.Offset, item.Length);
}

/// <summary>Reads the fields of a protocol whose fields are a walk's items (<see cref="IFieldWalk{TValue}"/>).</summary>
public static class FieldWalk
{
    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/>, the item of its value with that index in
    /// the walk over the layer's captured <paramref name="bytes"/> (the packet declares <paramref name="reported"/>);
    /// offsets are made absolute with <paramref name="layerOffset"/>. False for another protocol's field or a missing one.
    /// </summary>
    public static bool TryRead<TWalk, TValue>(FieldDefinition field, ReadOnlySpan<byte> bytes, int reported, int layerOffset, int occurrence,
        out FieldValue value)
        where TWalk : struct, IFieldWalk<TValue>
        where TValue : struct, Enum
    {
        value = default;
        if (!TWalk.TryGetValue(field, out var which))
            return false;
        var finder = NthItem<TValue>.Of(which, occurrence);
        TWalk.Walk(bytes, reported, ref finder);
        if (!finder.Found)
            return false;
        value = TWalk.ValueOf(finder.Match, layerOffset, reported);
        return true;
    }
}

/// <summary>
/// Every field of a layer in tshark's tree order, as its protocol's walk lists them (<see cref="IFieldWalk{TValue}"/>),
/// with how deep each lies. Allocates nothing; each step walks the layer again up to the item (these layers are short).
/// </summary>
/// <param name="bytes">The layer's captured bytes.</param>
/// <param name="reported">How many bytes the packet declares for the layer.</param>
/// <param name="layerOffset">The layer's offset in its buffer.</param>
public ref struct FieldWalkItems<TWalk, TValue>(ReadOnlySpan<byte> bytes, int reported, int layerOffset)
    where TWalk : struct, IFieldWalk<TValue>
    where TValue : struct, Enum
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _index;

    /// <summary>The current item's field (after <see cref="MoveNext"/> returned true).</summary>
    public FieldDefinition Field { get; private set; } = null!;

    /// <summary>The current item's value.</summary>
    public FieldValue Value { get; private set; }

    /// <summary>How deep the current item lies below the layer's heading.</summary>
    public int Depth { get; private set; }

    /// <summary>Moves to the next item that is a field; false after the last.</summary>
    public bool MoveNext()
    {
        while (true)
        {
            var finder = NthItem<TValue>.OfAny(_index);
            TWalk.Walk(_bytes, reported, ref finder);
            if (!finder.Found)
                return false;
            _index++;
            var item = finder.Match;
            if (TWalk.FieldOf(item.Which) is not { } field)
                continue;
            (Field, Value, Depth) = (field, TWalk.ValueOf(item, layerOffset, reported), TWalk.DepthOf(item));
            return true;
        }
    }
}
