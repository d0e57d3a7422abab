using System.Collections.Concurrent;

namespace RawNet.Ui.Input;

/// <summary>Reads keys on a background thread (Console.ReadKey, not echoed) so the screen loop can also watch for resizes.</summary>
public sealed class KeyReader
{
    private readonly BlockingCollection<ConsoleKeyInfo> _keys = new(64);

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
                _keys.Add(Console.ReadKey(intercept: true));
        }
        catch (InvalidOperationException)
        {
            // No terminal to read from.
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The next key within <paramref name="timeout"/>, or false.</summary>
    public bool TryRead(TimeSpan timeout, out ConsoleKeyInfo key) => _keys.TryTake(out key, timeout);
}
