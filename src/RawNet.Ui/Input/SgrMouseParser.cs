namespace RawNet.Ui.Input;

/// <summary>
/// Picks SGR mouse reports (<c>ESC [ &lt; b ; x ; y M</c> or <c>m</c>, xterm's mode 1006) out of the keys
/// <see cref="Console.ReadKey(bool)"/> returns. .NET does not know these sequences and hands them over one character
/// at a time (ESC, <c>[</c>, <c>&lt;</c>, digits...), so keys and reports interleave freely. A report split across two
/// reads comes in other shapes: a read that ends just after <c>ESC [</c> gives <c>[</c> alone (the ESC is lost), one
/// that ends just after <c>ESC [ &lt;</c> gives a key with no character, F7 with Shift and Control; both are taken as
/// the start of a report when the rest follows at once, and as what they are otherwise. A report cut short or garbled is dropped whole: none of its characters become
/// keys. Allocates nothing.
/// </summary>
public sealed class SgrMouseParser
{
    /// <summary>The most events one <see cref="Feed"/> can complete (ESC, <c>[</c> and the key after them).</summary>
    public const int MaxEventsPerFeed = 3;

    // Terminals are at most a few thousand cells across: a longer number is not a report.
    private const int MaxValue = 9999;

    private enum State : byte
    {
        Idle,
        Escape,
        // A '[' whose ESC .NET swallowed (the read ended after "ESC [").
        Bracket,
        EscapeBracket,
        Report,
        // A garbled report: its remaining parameter characters are dropped up to its final byte.
        Skip,
    }

    private static readonly ConsoleKeyInfo EscapeKey = new('\e', ConsoleKey.Escape, false, false, false);

    private State _state;
    private int _field;
    private bool _digits;
    private int _b, _x, _y;

    /// <summary>True while a sequence has begun: the caller waits a moment for the rest, then calls <see cref="Flush"/>.</summary>
    public bool Pending => _state != State.Idle;

    /// <summary>True when an ESC or a <c>[</c> is pending, a key of its own unless more follows at once.</summary>
    public bool PendingKeyAlone => _state is State.Escape or State.Bracket;

    /// <summary>What .NET returns for "ESC [ &lt;" read alone (it takes the three characters for a key it does not know).</summary>
    private static bool IsCutReportStart(ConsoleKeyInfo key) =>
        key.KeyChar == '\0' && key.Key == ConsoleKey.F7 && key.Modifiers == (ConsoleModifiers.Shift | ConsoleModifiers.Control);

    private static readonly ConsoleKeyInfo BracketKey = new('[', 0, false, false, false);

    /// <summary>Takes one key as Console.ReadKey returned it; writes what it completes into <paramref name="output"/> (room for <see cref="MaxEventsPerFeed"/>) and returns how many.</summary>
    public int Feed(ConsoleKeyInfo key, Span<InputEvent> output)
    {
        switch (_state)
        {
            case State.Idle:
                if (key.Key == ConsoleKey.Escape && key.KeyChar == '\e' && key.Modifiers == 0)
                {
                    _state = State.Escape;
                    return 0;
                }
                if (key.KeyChar == '[' && (key.Modifiers & ~ConsoleModifiers.Alt) == 0)
                {
                    _state = State.Bracket;
                    return 0;
                }
                if (IsCutReportStart(key))
                {
                    BeginReport();
                    return 0;
                }
                output[0] = InputEvent.Of(key);
                return 1;
            case State.Bracket or State.EscapeBracket:
                if (key.KeyChar == '<' && (key.Modifiers & ~ConsoleModifiers.Shift) == 0)
                {
                    BeginReport();
                    return 0;
                }
                // Not a report: the keys held back, then this one.
                int held = 0;
                if (_state == State.EscapeBracket)
                    output[held++] = InputEvent.Of(EscapeKey);
                output[held++] = InputEvent.Of(BracketKey);
                _state = State.Idle;
                return held + Feed(key, output[held..]);
            case State.Escape:
                if (key.KeyChar == '[' && key.Modifiers == 0)
                {
                    _state = State.EscapeBracket;
                    return 0;
                }
                _state = State.Idle;
                output[0] = InputEvent.Of(EscapeKey);
                return 1 + Feed(key, output[1..]);
            case State.Skip:
                return Skip(key, output);
            default:
                return Report(key, output);
        }
    }

    /// <summary>Drops parameter and intermediate characters (0x20-0x3F) until the final byte (0x40-0x7E), as a terminal ends any CSI sequence; an ESC or a control character ends the drop and counts.</summary>
    private int Skip(ConsoleKeyInfo key, Span<InputEvent> output)
    {
        char c = key.KeyChar;
        if (c is >= ' ' and <= '?' && key.Key != ConsoleKey.Escape)
        {
            _state = State.Skip;
            return 0;
        }
        _state = State.Idle;
        return c is >= '@' and <= '~' ? 0 : Feed(key, output);
    }

    private void BeginReport()
    {
        _state = State.Report;
        _field = 0;
        _digits = false;
        _b = _x = _y = 0;
    }

    private int Report(ConsoleKeyInfo key, Span<InputEvent> output)
    {
        char c = key.KeyChar;
        if (c is >= '0' and <= '9')
        {
            ref int value = ref _field == 0 ? ref _b : ref _field == 1 ? ref _x : ref _y;
            value = value * 10 + (c - '0');
            _digits = true;
            if (value > MaxValue)
                _state = State.Skip;
            return 0;
        }
        if (c == ';' && _digits && _field < 2 && key.Key != ConsoleKey.Escape)
        {
            _field++;
            _digits = false;
            return 0;
        }
        _state = State.Idle;
        if ((c == 'M' || c == 'm') && _field == 2 && _digits && TryDecode(c == 'M', out var mouse))
        {
            output[0] = InputEvent.Of(mouse);
            return 1;
        }
        // Garbage: the report is dropped up to its end; an ESC starts the next sequence.
        return Skip(key, output);
    }

    private bool TryDecode(bool down, out MouseEvent mouse)
    {
        mouse = default;
        if (_x == 0 || _y == 0)
            return false;
        int button = _b & 3;
        MouseAction action;
        if ((_b & 64) != 0)
        {
            // 64 and 65 are the wheel; 66 and 67 (sideways) and the extra buttons above 128 mean nothing here.
            if ((_b & 128) != 0 || button > 1 || !down)
                return false;
            action = button == 0 ? MouseAction.WheelUp : MouseAction.WheelDown;
        }
        else if ((_b & 128) != 0)
            return false;
        else if ((_b & 32) != 0)
        {
            // Motion: only with a button held (mode 1002); 3 is "no button" (mode 1003).
            if (button == 3 || !down)
                return false;
            action = MouseAction.Drag;
        }
        else
            action = down ? MouseAction.Press : MouseAction.Release;
        mouse = new MouseEvent(action, button, _x - 1, _y - 1);
        return true;
    }

    /// <summary>
    /// Nothing more came: a lone ESC is the Escape key, a lone <c>[</c> (or <c>ESC [</c>) the <c>[</c> key, a report cut
    /// short is dropped. Returns how many events it wrote (at most one).
    /// </summary>
    public int Flush(Span<InputEvent> output)
    {
        var state = _state;
        _state = State.Idle;
        switch (state)
        {
            case State.Escape:
                output[0] = InputEvent.Of(EscapeKey);
                return 1;
            case State.Bracket or State.EscapeBracket:
                output[0] = InputEvent.Of(BracketKey);
                return 1;
            default:
                return 0;
        }
    }
}
