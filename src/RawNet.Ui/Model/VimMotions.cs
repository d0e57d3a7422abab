namespace RawNet.Ui.Model;

/// <summary>
/// The vim-style state of the packet list's keys: a count typed before a motion (<c>10j</c>, <c>25G</c>), a mark being
/// set or followed (<c>ma</c>, <c>'a</c>: frames remembered under letters), and the <c>:N</c> line that goes to packet
/// N. Plain state; <see cref="Input.KeyHandler"/> feeds it keys and asks it for counts.
/// </summary>
public sealed class VimMotions
{
    private const int MaxCount = 99_999_999;
    private readonly Dictionary<char, int> _marks = [];

    /// <summary>The count typed so far (0: none).</summary>
    public int Count { get; private set; }

    /// <summary>'m' while waiting for the letter of a mark to set, '\'' (or '`') for one to go to, else '\0'.</summary>
    public char PendingMark { get; private set; }

    /// <summary>The packet number being typed after ':', or null when the line is not open.</summary>
    public string? GoToDraft { get; private set; }

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
    public void BeginGoTo()
    {
        Count = 0;
        GoToDraft = "";
    }

    /// <summary>A key on the ':' line: digits are typed, Backspace erases, Enter returns the packet number (0: none), Esc closes it.</summary>
    public int? GoToKey(ConsoleKeyInfo key)
    {
        var draft = GoToDraft ?? "";
        switch (key.Key)
        {
            case ConsoleKey.Enter:
                GoToDraft = null;
                return long.TryParse(draft, out long number) && number is > 0 and <= int.MaxValue ? (int)number : 0;
            case ConsoleKey.Escape:
                GoToDraft = null;
                return null;
            case ConsoleKey.Backspace:
                GoToDraft = draft.Length > 0 ? draft[..^1] : draft;
                return null;
        }
        if (char.IsAsciiDigit(key.KeyChar) && draft.Length < 10)
            GoToDraft = draft + key.KeyChar;
        return null;
    }

    /// <summary>Forgets a pending count or mark (another key came).</summary>
    public void Cancel()
    {
        Count = 0;
        PendingMark = '\0';
    }
}
