using RawNet.Output.Columns;
using RawNet.Protocols.Fields;

namespace RawNet.Ui.Model;

/// <summary>
/// The columns screen's state: the packet list's columns by name, a cursor, and the field being added with its
/// completions (Wireshark's column titles and every field name RawNet knows that start with what is typed).
/// </summary>
public sealed class ColumnEditor
{
    /// <summary>The most completions listed under the field being typed.</summary>
    public const int MaxCandidates = 200;

    private static readonly string[] Titles = ListColumns.DefaultText.Split(',');
    private readonly List<string> _names;

    /// <summary>Starts from the columns shown now.</summary>
    public ColumnEditor(ListColumns current)
    {
        ArgumentNullException.ThrowIfNull(current);
        _names = [.. current.Titles];
    }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The column under the cursor.</summary>
    public int Cursor { get; private set; }

    /// <summary>True while a column name is being typed.</summary>
    public bool Adding { get; private set; }

    /// <summary>The name being typed.</summary>
    public string Draft { get; private set; } = "";

    /// <summary>Names that start with <see cref="Draft"/> (at most <see cref="MaxCandidates"/>), shortest first.</summary>
    public IReadOnlyList<string> Candidates { get; private set; } = [];

    /// <summary>Why the last change was refused, or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>True once a column was added, removed or moved.</summary>
    public bool Changed { get; private set; }

    /// <summary>The columns as the packet list takes them.</summary>
    public ListColumns Columns => ListColumns.TryParse(string.Join(',', _names), out var columns, out _) ? columns : ListColumns.Default;

    /// <summary>Moves the cursor.</summary>
    public void Move(int delta) => Cursor = Math.Clamp(Cursor + delta, 0, _names.Count - 1);

    /// <summary>Moves the column under the cursor left (up the list) or right, the cursor with it.</summary>
    public bool MoveColumn(int delta)
    {
        int to = Cursor + delta;
        if (to < 0 || to >= _names.Count)
            return false;
        (_names[Cursor], _names[to]) = (_names[to], _names[Cursor]);
        Cursor = to;
        Changed = true;
        return true;
    }

    /// <summary>Removes the column under the cursor (not the last one left).</summary>
    public bool Remove()
    {
        if (_names.Count == 1)
        {
            Problem = "The list keeps at least one column";
            return false;
        }
        _names.RemoveAt(Cursor);
        Cursor = Math.Min(Cursor, _names.Count - 1);
        Changed = true;
        Problem = null;
        return true;
    }

    /// <summary>a: starts typing a column to add after the cursor.</summary>
    public void BeginAdd()
    {
        Adding = true;
        EditDraft("");
    }

    /// <summary>Replaces the name being typed and finds its completions.</summary>
    public void EditDraft(string draft)
    {
        Draft = draft;
        Problem = null;
        var matches = new List<string>();
        foreach (var title in Titles)
        {
            if (title.StartsWith(draft, StringComparison.OrdinalIgnoreCase))
                matches.Add(title);
        }
        foreach (var name in FieldCatalog.Names.Concat(PacketColumns.Names))
        {
            if (matches.Count >= MaxCandidates)
                break;
            if (name.StartsWith(draft, StringComparison.Ordinal))
                matches.Add(name);
        }
        Candidates = [.. matches.OrderBy(m => m.Length).ThenBy(m => m, StringComparer.Ordinal)];
    }

    /// <summary>Tab: completes the draft as far as every completion agrees (to the name itself when there is one).</summary>
    public void Complete()
    {
        if (Candidates.Count == 0)
            return;
        string common = Candidates[0];
        foreach (var candidate in Candidates)
        {
            int length = 0;
            while (length < common.Length && length < candidate.Length && char.ToLowerInvariant(common[length]) == char.ToLowerInvariant(candidate[length]))
                length++;
            common = common[..length];
        }
        if (common.Length > Draft.Length)
            EditDraft(Candidates.Count == 1 ? Candidates[0] : common);
    }

    /// <summary>Enter: adds the draft after the cursor when it names a column or a field; else says why and keeps it.</summary>
    public bool CommitAdd()
    {
        string name = Draft.Trim();
        if (!ListColumns.TryParse(name, out var single, out string? problem) || single.Titles.Count != 1)
        {
            Problem = problem ?? "one name at a time";
            return false;
        }
        _names.Insert(Cursor + 1, single.Titles[0]);
        Cursor++;
        Adding = false;
        Changed = true;
        return true;
    }

    /// <summary>Esc while typing: nothing added.</summary>
    public void CancelAdd()
    {
        Adding = false;
        Problem = null;
    }
}
