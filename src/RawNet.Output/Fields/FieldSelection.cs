using RawNet.Output.Columns;
using RawNet.Protocols.Fields;

namespace RawNet.Output.Fields;

/// <summary>
/// The fields a user asked for by Wireshark name (<c>-e NAME</c>), resolved once against the field catalog, or against
/// the text columns tshark also prints as fields (<c>_ws.col.Info</c>, <see cref="PacketColumns"/>).
/// </summary>
public sealed class FieldSelection
{
    private FieldSelection(string[] names, FieldDefinition[][] definitions, PacketColumn?[] columns)
    {
        Names = names;
        Definitions = definitions;
        Columns = columns;
    }

    /// <summary>
    /// True when a selected field is computed by the conversation tracker (tcp.stream, tcp.seq, tcp.analysis.*,
    /// frame.time_relative...) or belongs to a layer it may rebuild (http.*), or is a text column (the Info column shows
    /// relative numbers and analysis tags, echo pairs, ARP duplicates and HTTP; the colouring rules test tcp.analysis.flags).
    /// </summary>
    public bool UsesAnalysis => Columns.Any(c => c is not null) || Definitions.Any(d => d.Any(f => f.NeedsAnalysis));

    /// <summary>True when a selected column depends on checksum verdicts (the colouring rule "Checksum Errors").</summary>
    public bool UsesChecksums => Columns.Any(c => c == PacketColumn.ColoringRuleName) || UsesExpert
        || Definitions.Any(d => d.Any(FieldCatalog.IsChecksumVerdict));

    /// <summary>True when an expert item's field is selected (_ws.expert, _ws.malformed: <see cref="ExpertAnalysis"/>); ICMP's bad checksums are among the items.</summary>
    public bool UsesExpert => Definitions.Any(d => d.Any(RawNet.Protocols.Conversations.AnalysisFieldReader.NeedsExpert));

    /// <summary>The requested names, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>For each requested name, every definition with that name (one per layer kind that has it); empty for a column.</summary>
    internal FieldDefinition[][] Definitions { get; }

    /// <summary>Every definition of requested field <paramref name="index"/> (one per layer kind that has it); empty for a text column.</summary>
    public IReadOnlyList<FieldDefinition> DefinitionsOf(int index) => Definitions[index];

    /// <summary>For each requested name, the text column it names, or null for a field.</summary>
    internal PacketColumn?[] Columns { get; }

    /// <summary>Resolves <paramref name="names"/>; false with the first unknown name when one is neither a field nor a column.</summary>
    public static bool TryCreate(IReadOnlyList<string> names, out FieldSelection selection, out string? unknown)
    {
        var definitions = new FieldDefinition[names.Count][];
        var columns = new PacketColumn?[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            if (FieldCatalog.TryFind(names[i], out definitions[i]))
                continue;
            definitions[i] = [];
            if (PacketColumns.TryFind(names[i], out var column))
            {
                columns[i] = column;
                continue;
            }
            selection = null!;
            unknown = names[i];
            return false;
        }
        selection = new FieldSelection(names.ToArray(), definitions, columns);
        unknown = null;
        return true;
    }
}
