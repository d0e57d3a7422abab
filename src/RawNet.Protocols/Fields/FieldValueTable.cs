using System.Collections.Frozen;

namespace RawNet.Protocols.Fields;

/// <summary>
/// A field table whose fields one reader serves, each standing for a value of <typeparamref name="TValue"/>: the
/// definitions in tshark's tree order, and which value a definition shows (a lookup that allocates nothing).
/// </summary>
public sealed class FieldValueTable<TValue> where TValue : struct, Enum
{
    private readonly FrozenDictionary<FieldDefinition, TValue> _values;

    /// <summary>Builds the table from its rows, in order.</summary>
    public FieldValueTable((FieldDefinition Field, TValue Value)[] rows)
    {
        All = FieldRows.Fields(rows);
        _values = FieldRows.Values(rows);
    }

    /// <summary>The definitions, in tshark's tree order.</summary>
    public FieldDefinition[] All { get; }

    /// <summary>Which value a field of this table shows; false for a field of another table.</summary>
    public bool TryGetValue(FieldDefinition field, out TValue value) => _values.TryGetValue(field, out value);
}
