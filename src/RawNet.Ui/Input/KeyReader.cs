using System.Collections.Concurrent;
using System.Diagnostics;

namespace RawNet.Ui.Input;

/// <summary>
/// Reads keys and mouse reports on a background thread (Console.ReadKey, not echoed; <see cref="SgrMouseParser"/> picks
/// the reports out) so the screen loop can also watch for resizes.
/// </summary>
public sealed class KeyReader
{
    /// <summary>How long the rest of a begun report may take to arrive (a terminal writes a report at once; a pty may split it).</summary>
    private static readonly TimeSpan RestOfReport = TimeSpan.FromMilliseconds(50);

    private readonly BlockingCollection<InputEvent> _events = new(64);
    private readonly SgrMouseParser _parser = new();
    private readonly InputEvent[] _parsed = new InputEvent[SgrMouseParser.MaxEventsPerFeed];

    /// <summary>Starts the reading thread.</summary>
    public KeyReader()
    {
        var thread = new Thread(Read) { IsBackground = true, Name = "rawnet ui keys" };
        thread.Start();
    }

    private void Read()
    {
        try
        {
            while (true)
            {
                Add(_parser.Feed(Console.ReadKey(intercept: true), _parsed));
                // An ESC or a '[' alone is a key at once, as before; the rest of a report gets a moment.
                while (_parser.Pending)
                {
                    if (!Available(_parser.PendingKeyAlone ? TimeSpan.Zero : RestOfReport))
                    {
                        Add(_parser.Flush(_parsed));
                        break;
                    }
                    Add(_parser.Feed(Console.ReadKey(intercept: true), _parsed));
                }
            }
        }
        catch (InvalidOperationException)
        {
            // No terminal to read from.
        }
        catch (IOException)
        {
        }
    }

    private void Add(int count)
    {
        for (int i = 0; i < count; i++)
            _events.Add(_parsed[i]);
    }

    private static bool Available(TimeSpan within)
    {
        long start = Stopwatch.GetTimestamp();
        while (!Console.KeyAvailable)
        {
            if (Stopwatch.GetElapsedTime(start) >= within)
                return false;
            Thread.Sleep(2);
        }
        return true;
    }

    /// <summary>The next key or mouse report within <paramref name="timeout"/>, or false.</summary>
    public bool TryRead(TimeSpan timeout, out InputEvent input) => _events.TryTake(out input, timeout);
}
