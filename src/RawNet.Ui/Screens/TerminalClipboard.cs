using System.Text;

namespace RawNet.Ui.Screens;

/// <summary>
/// Hands text copied in the UI to the clipboard: through the terminal by OSC 52 (which reaches the local clipboard over
/// SSH and through tmux with set-clipboard on), and to a file as well, for terminals that ignore OSC 52.
/// </summary>
/// <remarks>
/// The file is $RAWNET_CLIPBOARD_FILE when set, else clipboard.txt in a rawnet directory only this user may enter
/// (0700) under $XDG_RUNTIME_DIR, else under $XDG_CACHE_HOME (~/.cache); the file is 0600: copied packet bytes are as
/// private as the capture.
/// </remarks>
public static class TerminalClipboard
{
    /// <summary>The most text sent by OSC 52: terminals drop longer sequences (xterm and tmux cap them near 100 KB encoded).</summary>
    public const int MaxOsc52Bytes = 74_000;

    /// <summary>The OSC 52 sequence that sets the clipboard to <paramref name="text"/>, or "" when it is too long to send.</summary>
    public static string Sequence(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return bytes.Length > MaxOsc52Bytes ? "" : $"\e]52;c;{Convert.ToBase64String(bytes)}\a";
    }

    /// <summary>Sends <paramref name="text"/> to <paramref name="terminal"/> and the fallback file; returns the status line saying where it went.</summary>
    public static string Copy(string text, TerminalScreen terminal)
    {
        string sequence = Sequence(text);
        if (sequence.Length > 0)
            terminal.Write(sequence);
        string? file = WriteFallback(text, out string? problem);
        int bytes = Encoding.UTF8.GetByteCount(text);
        string what = $"Copied {bytes} byte{(bytes == 1 ? "" : "s")}";
        return (sequence.Length > 0, file) switch
        {
            (true, not null) => $"{what} (OSC 52; also in {file})",
            (true, null) => $"{what} (OSC 52; no file: {problem})",
            (false, not null) => $"{what} to {file} (too long for OSC 52)",
            _ => $"Nothing copied: too long for OSC 52, and {problem}",
        };
    }

    /// <summary>Writes <paramref name="text"/> to the fallback file; its path, or null with the reason.</summary>
    public static string? WriteFallback(string text, out string? problem)
    {
        problem = null;
        try
        {
            string path = FallbackPath();
            var directory = Path.GetDirectoryName(path)!;
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(path, text);
                return path;
            }
            if (!Directory.Exists(directory))
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            using (var file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            {
                file.Write(Encoding.UTF8.GetBytes(text));
            }
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = e.Message;
            return null;
        }
    }

    private static string FallbackPath()
    {
        if (Environment.GetEnvironmentVariable("RAWNET_CLIPBOARD_FILE") is { Length: > 0 } chosen)
            return chosen;
        string? runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        string parent = runtime is { Length: > 0 } && Directory.Exists(runtime) ? runtime
            : Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(parent, "rawnet", "clipboard.txt");
    }
}
