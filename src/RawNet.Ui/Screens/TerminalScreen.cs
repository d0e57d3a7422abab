namespace RawNet.Ui.Screens;

/// <summary>
/// The terminal while the UI runs: the alternate screen with the cursor hidden and SGR mouse reports on (xterm modes
/// 1000 clicks, 1002 drags, 1006 the SGR encoding), restored exactly once however the UI ends (q, Ctrl-C, SIGTERM,
/// SIGHUP or an exception, even one on another thread).
/// </summary>
public sealed class TerminalScreen : IDisposable
{
    private readonly TextWriter _out;
    private int _restored;

    /// <summary>Turns mouse reports on: clicks, drags with a button held, in the SGR encoding (no limit at column 223).</summary>
    public const string MouseOn = "\e[?1000h\e[?1002h\e[?1006h";

    /// <summary>Turns mouse reports off again, in the reverse order.</summary>
    public const string MouseOff = "\e[?1006l\e[?1002l\e[?1000l";

    /// <summary>Switches to the alternate screen and turns mouse reports on.</summary>
    public TerminalScreen(TextWriter output)
    {
        _out = output;
        Write("\e[?1049h\e[?25l" + MouseOn + "\e[2J");
        // A crash on another thread ends the process without the caller's finally: the shell must not get mouse reports.
        AppDomain.CurrentDomain.UnhandledException += Restore;
    }

    private void Restore(object? sender, UnhandledExceptionEventArgs e) => Dispose();

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

    /// <summary>Turns mouse reports off, shows the cursor and leaves the alternate screen.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _restored, 1) == 1)
            return;
        AppDomain.CurrentDomain.UnhandledException -= Restore;
        try
        {
            Write(MouseOff + "\e[0m\e[?25h\e[?1049l");
        }
        catch (IOException)
        {
            // The terminal has gone: nothing to restore.
        }
    }
}
