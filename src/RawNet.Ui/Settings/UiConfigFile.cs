using System.Text;
using RawNet.Ui.Model;

namespace RawNet.Ui.Settings;

/// <summary>
/// Where <c>ui.conf</c> lives, reading it whatever it holds, and writing the layout back into it without touching the
/// user's other lines.
/// </summary>
public static class UiConfigFile
{
    /// <summary>The file's path under the XDG config directory.</summary>
    public const string RelativePath = "rawnet/ui.conf";

    /// <summary>
    /// The config file: <c>$XDG_CONFIG_HOME/rawnet/ui.conf</c> when XDG_CONFIG_HOME is an absolute path (the XDG base
    /// directory rules ignore a relative one); else, when rawnet was started as root by sudo, the invoking user's
    /// <c>~/.config/rawnet/ui.conf</c> (SUDO_USER's home in the password database: sudo usually sets HOME to root's,
    /// and the UI gives root up to that user anyway); else <c>$HOME/.config/rawnet/ui.conf</c>. Null when no home is known.
    /// </summary>
    public static string? Locate(Func<string, string?> environment, bool startedAsRoot, Func<string, string?> homeOf)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(homeOf);
        string? xdg = environment("XDG_CONFIG_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, RelativePath);
        string? home = null;
        if (startedAsRoot && environment("SUDO_USER") is { Length: > 0 } user && user != "root")
            home = homeOf(user);
        home ??= environment("HOME");
        return string.IsNullOrEmpty(home) || !Path.IsPathRooted(home) ? null : Path.Combine(home, ".config", RelativePath);
    }

    /// <summary>
    /// The settings in <paramref name="path"/>: none when there is no file; when it cannot be read, is a directory, is
    /// too big (a symlink to /dev/zero reads as that) or is not UTF-8, one problem and no settings.
    /// </summary>
    public static UiConfig Read(string? path)
    {
        if (path is null)
            return new UiConfig();
        if (Directory.Exists(path))
            return UiConfig.Failed(Display(path), "is a directory; defaults used");
        // No existence check first: a file that exists but cannot be reached (a directory without x for this user) must
        // be reported, not taken for a missing one.
        if (TryReadBytes(path, out var bytes, out string? problem))
            return UiConfig.Parse(bytes, Display(path));
        return problem is null ? new UiConfig() : UiConfig.Failed(Display(path), problem + "; defaults used");
    }

    /// <summary>The settings the keys change, as <see cref="Save"/> writes them: the layout's, and the columns when <paramref name="columns"/> is given.</summary>
    public static List<(string Key, string Value)> Settings(PaneLayout? layout, ListColumns? columns)
    {
        var settings = new List<(string, string)>();
        if (layout is not null)
        {
            settings.Add(("layout", PaneLayout.Name(layout.Kind)));
            settings.Add(("panes", layout.SharesText));
            settings.Add(("details-width", layout.DetailsWidthText));
        }
        if (columns is not null)
            settings.Add(("columns", columns.ToString()));
        return settings;
    }

    /// <summary>
    /// Writes <paramref name="settings"/> into <paramref name="path"/>: each one's line replaced where it is (later
    /// copies dropped), added at the end when missing, every other line kept as it was; the directory is created (mode
    /// 0700) when missing. The file is replaced at once (written beside it, then renamed), so a crash never leaves half of
    /// it; a file that is not a settings file is left alone. Returns why it was not saved, or null.
    /// </summary>
    public static string? Save(string path, IEnumerable<(string Key, string Value)> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string name = Display(path);
        try
        {
            var lines = new List<string>();
            if (File.Exists(path))
            {
                if (!TryReadBytes(path, out var bytes, out string? problem))
                    return $"{name}: {problem ?? "gone while saving"}; settings not saved";
                string text;
                try
                {
                    text = Strict.GetString(bytes);
                }
                catch (DecoderFallbackException)
                {
                    return $"{name}: not UTF-8 text; settings not saved";
                }
                lines.AddRange(text.Split('\n'));
                if (lines.Count > 0 && lines[^1].Length == 0)
                    lines.RemoveAt(lines.Count - 1);
            }
            else
            {
                string directory = Path.GetDirectoryName(path)!;
                if (OperatingSystem.IsWindows())
                    Directory.CreateDirectory(directory);
                else
                    Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                lines.Add("# rawnet ui settings (see docs/user-guide.md, \"Themes, layout and the config file\")");
            }
            foreach (var (key, value) in settings)
                Set(lines, key, value);
            string temporary = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{name}: settings not saved ({e.Message})";
        }
    }

    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    /// <summary>At most <see cref="UiConfig.MaxBytes"/> bytes of the file: false with the problem when it is bigger or cannot be read, or with none when there is no such file.</summary>
    private static bool TryReadBytes(string path, out byte[] bytes, out string? problem)
    {
        bytes = [];
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            // One byte more than allowed tells a file that is too big without reading a huge one (or /dev/zero) whole.
            var buffer = new byte[UiConfig.MaxBytes + 1];
            int length = 0, read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
                length += read;
            if (length > UiConfig.MaxBytes)
            {
                problem = $"larger than {UiConfig.MaxBytes / 1024} KiB: not a settings file";
                return false;
            }
            bytes = buffer[..length];
            problem = null;
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = null;
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            problem = $"cannot be read by user {Environment.UserName} (permission denied)";
            return false;
        }
        catch (IOException e)
        {
            problem = $"cannot be read ({e.Message})";
            return false;
        }
    }

    /// <summary>Replaces the first <c>key = ...</c> line with <paramref name="value"/> (dropping later ones), or appends one.</summary>
    private static void Set(List<string> lines, string key, string value)
    {
        bool done = false;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith('#') || equals <= 0 || !line[..equals].Trim().Equals(key, StringComparison.OrdinalIgnoreCase))
                continue;
            if (done)
                lines.RemoveAt(i--);
            else
            {
                lines[i] = $"{key} = {value}";
                done = true;
            }
        }
        if (!done)
            lines.Add($"{key} = {value}");
    }

    /// <summary>The path as messages show it: the home directory as ~.</summary>
    public static string Display(string path)
    {
        string? home = Environment.GetEnvironmentVariable("HOME");
        return !string.IsNullOrEmpty(home) && path.StartsWith(home + "/", StringComparison.Ordinal) ? "~" + path[home.Length..] : path;
    }
}
