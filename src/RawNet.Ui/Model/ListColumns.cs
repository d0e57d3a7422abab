using RawNet.Output;
using RawNet.Output.Fields;
using RawNet.Protocols.Decoding;

namespace RawNet.Ui.Model;

/// <summary>What a packet-list column shows: one of Wireshark's default columns, or a field (a custom column).</summary>
public enum ListColumnKind : byte
{
    Number,
    Time,
    Source,
    Destination,
    Protocol,
    Length,
    Info,
    /// <summary>Any field by its Wireshark name (or a <c>_ws.col.*</c> text column), as <c>-T fields -e NAME</c> prints it.</summary>
    Field,
}

/// <summary>
/// The packet list's columns, in order, as <c>--columns</c> and the config file's <c>columns</c> write them: Wireshark's
/// default columns by their titles (<c>No.</c>, <c>Time</c>, <c>Source</c>, <c>Destination</c>, <c>Protocol</c>,
/// <c>Length</c>, <c>Info</c>) and any field by its Wireshark name (<c>tcp.window_size</c>, <c>ip.ttl</c>), separated
/// by commas. A field column shows what <c>rawnet read -T fields -e NAME</c> prints for the packet.
/// </summary>
public sealed class ListColumns
{
    /// <summary>Wireshark's default columns.</summary>
    public const string DefaultText = "No.,Time,Source,Destination,Protocol,Length,Info";

    /// <summary>The most columns a list takes.</summary>
    public const int MaxColumns = 16;

    private readonly TextLine _value = new();

    private ListColumns(ListColumnKind[] kinds, string[] titles, int[] fieldIndex, FieldSelection? fields)
    {
        Kinds = kinds;
        Titles = titles;
        FieldIndex = fieldIndex;
        Fields = fields;
    }

    /// <summary>Wireshark's default columns, no field column.</summary>
    public static ListColumns Default { get; } = Parse(DefaultText);

    /// <summary>Each column's kind, in order.</summary>
    public IReadOnlyList<ListColumnKind> Kinds { get; }

    /// <summary>Each column's title (a field column's is the field's name).</summary>
    public IReadOnlyList<string> Titles { get; }

    /// <summary>For a field column, its place in <see cref="PacketRow.Fields"/>; -1 for the others.</summary>
    public IReadOnlyList<int> FieldIndex { get; }

    /// <summary>The field columns' fields, in order, or null when there is none.</summary>
    public FieldSelection? Fields { get; }

    /// <summary>The columns <paramref name="text"/> names; false with the reason when a name is neither a column title nor a field.</summary>
    public static bool TryParse(string text, out ListColumns columns, out string? problem)
    {
        columns = Default;
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            problem = "no column named";
            return false;
        }
        if (names.Length > MaxColumns)
        {
            problem = $"more than {MaxColumns} columns";
            return false;
        }
        var kinds = new ListColumnKind[names.Length];
        var titles = new string[names.Length];
        var fieldIndex = new int[names.Length];
        var fieldNames = new List<string>();
        for (int i = 0; i < names.Length; i++)
        {
            kinds[i] = names[i].ToLowerInvariant() switch
            {
                "no." or "no" => ListColumnKind.Number,
                "time" => ListColumnKind.Time,
                "source" => ListColumnKind.Source,
                "destination" => ListColumnKind.Destination,
                "protocol" => ListColumnKind.Protocol,
                "length" => ListColumnKind.Length,
                "info" => ListColumnKind.Info,
                _ => ListColumnKind.Field,
            };
            titles[i] = kinds[i] == ListColumnKind.Field ? names[i] : DefaultTitle(kinds[i]);
            fieldIndex[i] = kinds[i] == ListColumnKind.Field ? fieldNames.Count : -1;
            if (kinds[i] == ListColumnKind.Field)
                fieldNames.Add(names[i]);
        }
        FieldSelection? fields = null;
        if (fieldNames.Count > 0 && !FieldSelection.TryCreate(fieldNames, out fields, out string? unknown))
        {
            problem = $"'{unknown}' is neither a column ({DefaultText.Replace(",", ", ", StringComparison.Ordinal)}) nor a field (see rawnet read -T fields)";
            return false;
        }
        columns = new ListColumns(kinds, titles, fieldIndex, fields);
        problem = null;
        return true;
    }

    private static ListColumns Parse(string text) =>
        TryParse(text, out var columns, out string? problem) ? columns : throw new InvalidOperationException(problem);

    private static string DefaultTitle(ListColumnKind kind) => kind switch
    {
        ListColumnKind.Number => "No.",
        ListColumnKind.Time => "Time",
        ListColumnKind.Source => "Source",
        ListColumnKind.Destination => "Destination",
        ListColumnKind.Protocol => "Protocol",
        ListColumnKind.Length => "Length",
        _ => "Info",
    };

    /// <summary>The columns as <see cref="TryParse"/> reads them.</summary>
    public override string ToString() => string.Join(',', Titles);

    /// <summary>
    /// The field columns' text for <paramref name="packet"/> (decoded from <paramref name="frame"/>, its analysis
    /// restored), or null when there is no field column; built once per row, when the row is first drawn.
    /// </summary>
    public string[]? FieldTexts(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (Fields is not { } fields)
            return null;
        var texts = new string[fields.Names.Count];
        for (int i = 0; i < texts.Length; i++)
        {
            _value.Clear();
            FieldsPrinter.AppendValue(fields, i, _value, packet, frame);
            texts[i] = _value.Text.ToString();
        }
        return texts;
    }
}
