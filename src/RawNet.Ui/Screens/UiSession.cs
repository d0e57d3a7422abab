using System.Diagnostics;
using System.Runtime.InteropServices;
using RawNet.Ui.Input;
using RawNet.Ui.Model;
using RawNet.Ui.Widgets;

namespace RawNet.Ui.Screens;

/// <summary>
/// Runs the terminal UI: indexes the file behind a progress bar, then draws the screen and applies keys until q, on the
/// alternate screen; the terminal is restored on every way out.
/// </summary>
public static class UiSession
{
    private const int FallbackWidth = 120;
    private const int FallbackHeight = 40;

    /// <summary>Runs until the user quits; returns the exit code. <paramref name="stdout"/> is the terminal.</summary>
    /// <exception cref="RawNet.Files.CaptureFileException">The file is not a capture.</exception>
    public static int Run(UiOptions options, TextWriter stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        // Not a capture at all: say so before taking over the terminal.
        using (RawNet.Files.CaptureFileReader.Open(options.Path))
        {
        }
        using var terminal = new TerminalScreen(stdout);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => terminal.Dispose());
        bool scripted = options.ExitAfterFirstDraw || options.Script is not null;
        if (!scripted)
            Console.TreatControlCAsInput = true;
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => terminal.Dispose());
        try
        {
            var lastDraw = Stopwatch.StartNew();
            var progress = new Progress(terminal, Path.GetFileName(options.Path));
            using var index = CaptureIndex.Build(options.Path, progress);
            var view = new CaptureView(new PacketSource(index), options.Path);
            if (options.Hint is not null && view.Status.Length == 0)
                view.Status = options.Hint;
            var (width, height) = Size();
            Draw(terminal, view, width, height);
            if (options.ExitAfterFirstDraw)
            {
                stderr.WriteLine($"first-draw-ms {clock.Elapsed.TotalMilliseconds:0.0} packets {index.Count}");
                return 0;
            }
            if (options.Script is not null)
            {
                foreach (char c in options.Script)
                {
                    var keyClock = Stopwatch.StartNew();
                    if (!KeyHandler.Apply(view, KeyMap.FromChar(c), progress))
                        break;
                    Draw(terminal, view, width, height);
                    stderr.WriteLine($"key {Printable(c)} ms {keyClock.Elapsed.TotalMilliseconds:0.0}");
                }
                return 0;
            }
            var keys = new KeyReader();
            while (true)
            {
                bool dirty = false;
                if (keys.TryRead(TimeSpan.FromMilliseconds(100), out var key))
                {
                    if (!KeyHandler.Apply(view, key, progress))
                        return 0;
                    dirty = true;
                    // Apply keys that arrived together (a held arrow key) before drawing once.
                    while (keys.TryRead(TimeSpan.Zero, out key))
                    {
                        if (!KeyHandler.Apply(view, key, progress))
                            return 0;
                    }
                }
                var size = Size();
                if (size != (width, height))
                {
                    (width, height) = size;
                    terminal.Write("\e[2J");
                    dirty = true;
                }
                if (dirty)
                    Draw(terminal, view, width, height);
            }
        }
        finally
        {
            terminal.Dispose();
            if (!scripted)
                Console.TreatControlCAsInput = false;
        }
    }

    private static string Printable(char c) => c switch { '\n' or '\r' => "Enter", '\t' => "Tab", '\e' => "Esc", _ => c.ToString() };

    private static void Draw(TerminalScreen terminal, CaptureView view, int width, int height) =>
        terminal.Write(ScreenText.Frame(MainScreen.Compose(view, height), width, height));

    /// <summary>The terminal's size, or 120x40 when there is no terminal (benchmarks writing to a file).</summary>
    private static (int Width, int Height) Size()
    {
        try
        {
            int width = Console.WindowWidth, height = Console.WindowHeight;
            if (width > 0 && height > 0)
                return (width, height);
        }
        catch (IOException)
        {
        }
        catch (PlatformNotSupportedException)
        {
        }
        return (FallbackWidth, FallbackHeight);
    }

    /// <summary>Draws the progress bar at most every 100 ms while a file is read through.</summary>
    private sealed class Progress(TerminalScreen terminal, string name) : IProgress<IndexProgress>
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();

        public void Report(IndexProgress value)
        {
            if (_since.ElapsedMilliseconds < 100)
                return;
            _since.Restart();
            var (width, _) = Size();
            terminal.Write("\e[1;1H" + ScreenText.Lines(new ProgressBar($"Reading {name}", value), width, 1, ansi: true)[0] + "\e[0m\e[K");
        }
    }
}
