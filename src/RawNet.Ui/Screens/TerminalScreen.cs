namespace RawNet.Ui.Screens;

/// <summary>
/// The terminal while the UI runs: the alternate screen with the cursor hidden, restored exactly once however the UI
/// ends (q, Ctrl-C, SIGTERM or an exception).
/// </summary>
public sealed class TerminalScreen : IDisposable
{
    private readonly TextWriter _out;
    private int _restored;

    /// <summary>Switches to the alternate screen.</summary>
    public TerminalScreen(TextWriter output)
    {
        _out = output;
        Write("\e[?1049h\e[?25l\e[2J");
    }

    /// <summary>Writes one whole frame (see <see cref="ScreenText.AppendFrame"/>).</summary>
    public void Write(string text)
    {
        _out.Write(text);
        _out.Flush();
    }

    /// <summary>Writes one whole frame from the buffer it was drawn into (no string made of it).</summary>
    public void Write(System.Text.StringBuilder frame)
    {
        _out.Write(frame);
        _out.Flush();
    }

    /// <summary>Shows the cursor and leaves the alternate screen.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _restored, 1) == 1)
            return;
        try
        {
            Write("\e[0m\e[?25h\e[?1049l");
        }
        catch (IOException)
        {
            // The terminal has gone: nothing to restore.
        }
    }
}
