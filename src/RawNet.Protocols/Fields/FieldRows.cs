using System.Collections.Frozen;

namespace RawNet.Protocols.Fields;

/// <summary>
/// The parts of a field table built from its rows of (definition, what its reader reads), with plain loops. LINQ over
/// these tuple types is not in the precompiled image: compiled at the start of every `-T fields` or display filter run
/// (some 170 methods, one set per value type), it cost about 60 ms of CPU there (docs/performance.md).
/// </summary>
public static class FieldRows
{
    /// <summary>The definitions of <paramref name="rows"/>, in order.</summary>
    public static FieldDefinition[] Fields<T>(ReadOnlySpan<(FieldDefinition Field, T Value)> rows)
    {
        var fields = new FieldDefinition[rows.Length];
        for (int i = 0; i < rows.Length; i++)
            fields[i] = rows[i].Field;
        return fields;
    }

    /// <summary>What each definition of one or more tables reads (a definition listed twice keeps its last value).</summary>
    public static FrozenDictionary<FieldDefinition, T> Values<T>(params ReadOnlySpan<(FieldDefinition Field, T Value)[]> tables)
    {
        var values = new Dictionary<FieldDefinition, T>();
        foreach (var table in tables)
        {
            foreach (var (field, value) in table)
                values[field] = value;
        }
        return values.ToFrozenDictionary();
    }

    /// <summary>The definition that shows each value of <paramref name="rows"/> (a value listed twice keeps its last definition).</summary>
    public static FrozenDictionary<T, FieldDefinition> ByValue<T>(ReadOnlySpan<(FieldDefinition Field, T Value)> rows) where T : notnull
    {
        var byValue = new Dictionary<T, FieldDefinition>();
        foreach (var (field, value) in rows)
            byValue[value] = field;
        return byValue.ToFrozenDictionary();
    }

    /// <summary>
    /// <paramref name="items"/> grouped by name (an item whose name is null left out), each group's values in the items'
    /// order, for lookups by Wireshark name.
    /// </summary>
    public static FrozenDictionary<string, TValue[]> GroupByName<TItem, TValue>(ReadOnlySpan<TItem> items, Func<TItem, string?> name, Func<TItem, TValue> value)
    {
        var groups = new Dictionary<string, List<TValue>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (name(item) is not { } key)
                continue;
            if (!groups.TryGetValue(key, out var group))
                groups.Add(key, group = []);
            group.Add(value(item));
        }
        var byName = new Dictionary<string, TValue[]>(groups.Count, StringComparer.Ordinal);
        foreach (var (key, group) in groups)
            byName.Add(key, [.. group]);
        return byName.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
