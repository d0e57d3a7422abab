namespace RawNet.Ui.Model;

/// <summary>One interface on the interfaces screen: its name and what <c>rawnet interfaces</c> says about it.</summary>
/// <param name="Name">The name to capture on.</param>
/// <param name="Details">Flags and addresses, e.g. "[Up, Running] 198.18.1.1/24".</param>
public sealed record InterfaceEntry(string Name, string Details);

/// <summary>
/// The interfaces screen: the interfaces to choose from, a cursor, the capture filter (checked as it is typed by
/// compiling it), and, while a capture runs, a first row that stops it. Without the right to capture it carries the
/// reason and the fix instead of letting a start fail.
/// </summary>
/// <param name="entries">The interfaces, in <c>rawnet interfaces</c> order.</param>
/// <param name="checkFilter">Compiles a capture filter for the interface named; returns the error, or null when it compiles.</param>
/// <param name="privilegeProblem">Why this process cannot capture and how to fix it, or null when it can.</param>
/// <param name="capturing">The interface a capture runs on now, or null.</param>
/// <param name="filter">The capture filter to start with (the running capture's), or null.</param>
public sealed class InterfacePicker(IReadOnlyList<InterfaceEntry> entries, Func<string, string, string?> checkFilter,
    string? privilegeProblem, string? capturing, string? filter)
{
    /// <summary>The interfaces.</summary>
    public IReadOnlyList<InterfaceEntry> Entries { get; } = entries;

    /// <summary>Why capturing is not possible (run as root or setcap), or null.</summary>
    public string? PrivilegeProblem { get; } = privilegeProblem;

    /// <summary>The interface being captured on, or null: then row 0 is "stop".</summary>
    public string? Capturing { get; } = capturing;

    /// <summary>The highlighted row (0 is the stop row while capturing).</summary>
    public int Cursor { get; private set; }

    /// <summary>The capture filter (tcpdump syntax); empty for none.</summary>
    public string Filter { get; private set; } = filter ?? "";

    /// <summary>True while the filter field has the keyboard.</summary>
    public bool EditingFilter { get; private set; }

    /// <summary>Why the filter does not compile for the highlighted interface, or null.</summary>
    public string? FilterError { get; private set; }

    /// <summary>The answer to the last Enter (e.g. the privilege problem), or null.</summary>
    public string? Message { get; set; }

    /// <summary>Rows: the stop row while capturing, then one per interface.</summary>
    public int RowCount => Entries.Count + (Capturing is null ? 0 : 1);

    /// <summary>True when the cursor is on the stop row.</summary>
    public bool OnStopRow => Capturing is not null && Cursor == 0;

    /// <summary>The interface under the cursor, or null (the stop row, or no interfaces).</summary>
    public InterfaceEntry? Selected
    {
        get
        {
            int at = Cursor - (Capturing is null ? 0 : 1);
            return at >= 0 && at < Entries.Count ? Entries[at] : null;
        }
    }

    /// <summary>Moves the cursor by <paramref name="delta"/> rows, within the list.</summary>
    public void Move(int delta)
    {
        Cursor = Math.Clamp(Cursor + delta, 0, Math.Max(0, RowCount - 1));
        Check();
    }

    /// <summary>Opens the filter field.</summary>
    public void BeginFilter()
    {
        EditingFilter = true;
        Check();
    }

    /// <summary>Replaces the filter text (one key typed or erased) and compiles it at once.</summary>
    public void EditFilter(string text)
    {
        Filter = text;
        Check();
    }

    /// <summary>Closes the filter field (the text stays; Enter on an interface starts with it).</summary>
    public void EndFilter() => EditingFilter = false;

    /// <summary>
    /// Enter on an interface: true when a capture can start with it and the filter; otherwise <see cref="Message"/> says
    /// why not (no right to capture, a filter that does not compile).
    /// </summary>
    public bool CanStart()
    {
        if (Selected is null)
            return false;
        if (PrivilegeProblem is not null)
        {
            Message = PrivilegeProblem;
            return false;
        }
        Check();
        if (FilterError is not null)
        {
            Message = FilterError;
            return false;
        }
        return true;
    }

    private void Check() =>
        FilterError = Filter.Trim().Length == 0 || Selected is not { } entry ? null : checkFilter(entry.Name, Filter);
}
