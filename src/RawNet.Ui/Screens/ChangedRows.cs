using System.Text;

namespace RawNet.Ui.Screens;

/// <summary>
/// Cuts a frame from <see cref="ScreenText.AppendFrame"/> down to the rows that differ from the frame sent before, as
/// curses does: moving the selection by one row changes the two rows of the list, the details and the bytes, not the
/// title lines, the column header, the hints or the status bar, and the terminal (tmux, an SSH link) has that much less
/// to read and parse. Each row of a frame starts with its own cursor move and ends with its colours reset, so a row
/// can be sent alone.
/// </summary>
/// <remarks>
/// Anything else written to the terminal over the frame (the progress bar, a clear after a resize) makes the screen
/// unknown: <see cref="Forget"/> then sends the next frame whole.
/// </remarks>
internal sealed class ChangedRows
{
    private char[] _previous = [], _current = [];
    private int[] _previousStarts = [], _currentStarts = [];
    private int _previousRows = -1;
    private readonly StringBuilder _changes = new();

    /// <summary>The screen is no longer what the last frame drew: the next frame goes whole.</summary>
    public void Forget() => _previousRows = -1;

    /// <summary>What of <paramref name="frame"/> (of <paramref name="height"/> rows) the terminal needs, given the frame before.</summary>
    public StringBuilder Of(StringBuilder frame, int height)
    {
        int length = frame.Length;
        if (_current.Length < length)
            _current = new char[Math.Max(length, _current.Length * 2)];
        frame.CopyTo(0, _current, 0, length);
        if (_currentStarts.Length < height + 1)
            _currentStarts = new int[height + 1];
        int rows = FindRows(_current.AsSpan(0, length), height, _currentStarts);
        bool whole = rows == 0 || rows != _previousRows;
        _changes.Clear();
        if (whole)
            _changes.Append(_current, 0, length);
        else
        {
            _changes.Append(_current, 0, _currentStarts[0]);
            for (int row = 0; row < rows; row++)
            {
                var now = _current.AsSpan(_currentStarts[row], _currentStarts[row + 1] - _currentStarts[row]);
                var before = _previous.AsSpan(_previousStarts[row], _previousStarts[row + 1] - _previousStarts[row]);
                if (!now.SequenceEqual(before))
                    _changes.Append(now);
            }
        }
        (_previous, _current) = (_current, _previous);
        (_previousStarts, _currentStarts) = (_currentStarts, _previousStarts);
        _previousRows = rows;
        return _changes;
    }

    /// <summary>Where each row's cursor move (<c>ESC [ row ; 1 H</c>) starts, in order, and the frame's end after the last; how many rows were found.</summary>
    private static int FindRows(ReadOnlySpan<char> frame, int height, int[] starts)
    {
        Span<char> move = stackalloc char[16];
        int from = 0, rows = 0;
        for (; rows < height; rows++)
        {
            move[0] = '\e';
            move[1] = '[';
            (rows + 1).TryFormat(move[2..], out int digits, provider: System.Globalization.CultureInfo.InvariantCulture);
            move[2 + digits] = ';';
            move[3 + digits] = '1';
            move[4 + digits] = 'H';
            int at = frame[from..].IndexOf(move[..(5 + digits)]);
            if (at < 0)
                break;
            starts[rows] = from + at;
            from += at + 1;
        }
        starts[rows] = frame.Length;
        return rows;
    }
}
