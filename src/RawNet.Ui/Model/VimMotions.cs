namespace RawNet.Ui.Model;

/// <summary>
/// The vim-style state of the packet list's keys: a count typed before a motion (<c>10j</c>, <c>25G</c>), a mark being
/// set or followed (<c>ma</c>, <c>'a</c>: frames remembered under letters), and the <c>:N</c> line that goes to packet
/// N. Plain state; <see cref="Input.KeyHandler"/> feeds it keys and asks it for counts.
/// </summary>
public sealed class VimMotions
{
    private const int MaxCount = 99_999_999;
    private const int MaxCommandLength = 4096;
    private readonly Dictionary<char, int> _marks = [];

    /// <summary>The count typed so far (0: none).</summary>
    public int Count { get; private set; }

    /// <summary>'m' while waiting for the letter of a mark to set, '\'' (or '`') for one to go to, else '\0'.</summary>
    public char PendingMark { get; private set; }

    /// <summary>What is being typed after ':' (a packet number, or <c>w FILE</c>), or null when the line is not open.</summary>
    public string? CommandDraft { get; private set; }

    /// <summary>Whether <c>y</c> was typed and waits for what to copy.</summary>
    public bool PendingYank { get; private set; }

    /// <summary>Adds a digit to the count (a leading 0 is not a count, as in vim); false when <paramref name="c"/> is not taken as one.</summary>
    public bool TypeCountDigit(char c)
    {
        if (c is < '0' or > '9' || (c == '0' && Count == 0))
            return false;
        Count = (int)Math.Min(MaxCount, Count * 10L + (c - '0'));
        return true;
    }

    /// <summary>The count for a motion (1 without one), forgetting it.</summary>
    public int TakeCount()
    {
        int count = Math.Max(1, Count);
        Count = 0;
        return count;
    }

    /// <summary>The count as typed (0 without one), forgetting it: <c>G</c> with a count goes to that packet.</summary>
    public int TakeRawCount()
    {
        int count = Count;
        Count = 0;
        return count;
    }

    /// <summary>Starts waiting for a mark's letter after <c>m</c> (set) or <c>'</c>/<c>`</c> (go to).</summary>
    public void BeginMark(char kind)
    {
        Count = 0;
        PendingMark = kind;
    }

    /// <summary>
    /// The letter after <c>m</c> or <c>'</c>: sets the mark to <paramref name="frame"/>, or returns the frame it holds;
    /// -1 (and a message) otherwise.
    /// </summary>
    public int CompleteMark(char letter, int frame, out string message)
    {
        char kind = PendingMark;
        PendingMark = '\0';
        if (!char.IsAsciiLetter(letter))
        {
            message = $"Marks are letters: {kind}{letter} is none";
            return -1;
        }
        if (kind == 'm')
        {
            if (frame < 0)
            {
                message = "No packet to mark";
                return -1;
            }
            _marks[letter] = frame;
            message = $"Mark {letter}: packet {frame + 1}";
            return -1;
        }
        if (_marks.TryGetValue(letter, out int marked))
        {
            message = $"Mark {letter}: packet {marked + 1}";
            return marked;
        }
        message = $"No mark {letter} (set one with m{letter})";
        return -1;
    }

    /// <summary>Opens the ':' line.</summary>
    public void BeginCommand()
    {
        Count = 0;
        CommandDraft = "";
    }

    /// <summary>
    /// A key on the ':' line: printable characters are typed, Backspace erases, Enter returns the command typed (and closes
    /// the line), Esc closes it; null until Enter.
    /// </summary>
    public ExCommand? CommandKey(ConsoleKeyInfo key)
    {
        var draft = CommandDraft ?? "";
        switch (key.Key)
        {
            case ConsoleKey.Enter:
                CommandDraft = null;
                return ExCommand.Parse(draft);
            case ConsoleKey.Escape:
                CommandDraft = null;
                return null;
            case ConsoleKey.Backspace:
                CommandDraft = draft.Length > 0 ? draft[..^1] : draft;
                return null;
        }
        if (!char.IsControl(key.KeyChar) && draft.Length < MaxCommandLength)
            CommandDraft = draft + key.KeyChar;
        return null;
    }

    /// <summary>Starts waiting for what <c>y</c> copies (<c>yy</c> the row, <c>yf</c> the field, <c>yx</c> its bytes as hex, <c>yt</c> the tree).</summary>
    public void BeginYank()
    {
        Count = 0;
        PendingYank = true;
    }

    /// <summary>The key after <c>y</c>: what to copy, or null (Esc, or a key that names nothing).</summary>
    public CopyKind? CompleteYank(char c)
    {
        PendingYank = false;
        return c switch
        {
            'y' => CopyKind.Row,
            'f' => CopyKind.Field,
            'x' => CopyKind.Hex,
            't' => CopyKind.Tree,
            _ => null,
        };
    }

    /// <summary>Forgets a pending count or mark (another key came).</summary>
    public void Cancel()
    {
        Count = 0;
        PendingMark = '\0';
        PendingYank = false;
    }
}

/// <summary>What <c>y</c> copies.</summary>
public enum CopyKind
{
    /// <summary><c>yy</c>: the selected row's columns.</summary>
    Row,

    /// <summary><c>yf</c>: the value of the field under the tree cursor (the whole line for a heading).</summary>
    Field,

    /// <summary><c>yx</c>: the bytes highlighted (the field's, or the whole frame's) as a hex stream.</summary>
    Hex,

    /// <summary><c>yt</c>: the selected packet's whole tree, every layer open, as text.</summary>
    Tree,
}

/// <summary>A line typed after ':': <c>:N</c> goes to packet N, <c>:w FILE</c> (<c>:w! FILE</c> overwrites) saves the packets shown.</summary>
/// <param name="Packet">The packet to go to (1-based), or 0.</param>
/// <param name="SavePath">The file to save the packets shown in, or null.</param>
/// <param name="Overwrite">Whether <c>:w!</c> was typed.</param>
/// <param name="Problem">Why the line is not a command, or null.</param>
public sealed record ExCommand(int Packet, string? SavePath, bool Overwrite, string? Problem)
{
    /// <summary>Reads a typed line.</summary>
    public static ExCommand Parse(string line)
    {
        line = line.Trim();
        if (line.Length > 0 && line.All(char.IsAsciiDigit))
        {
            return long.TryParse(line, out long number) && number is > 0 and <= int.MaxValue
                ? new ExCommand((int)number, null, false, null)
                : new ExCommand(0, null, false, $"No packet {line}");
        }
        bool overwrite = line.StartsWith("w!", StringComparison.Ordinal);
        if (overwrite || line == "w" || line.StartsWith("w ", StringComparison.Ordinal))
        {
            string path = line[(overwrite ? 2 : 1)..].Trim();
            return path.Length == 0
                ? new ExCommand(0, null, overwrite, ":w needs a file name (:w FILE.pcapng saves the packets shown)")
                : new ExCommand(0, path, overwrite, null);
        }
        return new ExCommand(0, null, false,
            line.Length == 0 ? "Type a packet number or w FILE after ':'" : $"Not a command: :{line} (:N goes to packet N, :w FILE saves the packets shown)");
    }
}
