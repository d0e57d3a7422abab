using RawNet.Protocols.Fields;

namespace RawNet.Output.Fields;

/// <summary>The fields a user asked for by Wireshark name (<c>-e NAME</c>), resolved once against the field catalog.</summary>
public sealed class FieldSelection
{
    private FieldSelection(string[] names, FieldDefinition[][] definitions)
    {
        Names = names;
        Definitions = definitions;
    }

    /// <summary>True when a selected field is computed by the conversation tracker (tcp.stream, tcp.seq, tcp.analysis.*, frame.time_relative...).</summary>
    public bool UsesAnalysis => Definitions.Any(d => d.Any(f => f.Computed == ComputedField.Analysis));

    /// <summary>The requested names, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>For each requested name, every definition with that name (one per layer kind that has it).</summary>
    internal FieldDefinition[][] Definitions { get; }

    /// <summary>Resolves <paramref name="names"/>; false with the first unknown name when one is not in the catalog.</summary>
    public static bool TryCreate(IReadOnlyList<string> names, out FieldSelection selection, out string? unknown)
    {
        var definitions = new FieldDefinition[names.Count][];
        for (int i = 0; i < names.Count; i++)
        {
            if (!FieldCatalog.TryFind(names[i], out definitions[i]))
            {
                selection = null!;
                unknown = names[i];
                return false;
            }
        }
        selection = new FieldSelection(names.ToArray(), definitions);
        unknown = null;
        return true;
    }
}
