using System.Diagnostics;
using RawNet.Testing;
using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.EndToEnd;

/// <summary>
/// A program running in a detached tmux session of a fixed size, on a tmux server of its own (its own socket), so the
/// test sees exactly what a user's terminal would show; disposing kills the session.
/// </summary>
internal sealed class TmuxSession : IDisposable
{
    private readonly string _tmux;
    private readonly string _socket;
    private readonly string _name;

    /// <summary>
    /// Starts <paramref name="command"/> with <paramref name="environment"/> added; XDG_CONFIG_HOME is
    /// <see cref="ConfigHome"/> (a fresh directory, so no developer's ui.conf changes what a test sees) and NO_COLOR is
    /// empty (unset, as far as the UI is concerned) and the lab panel reads labs from an empty directory unless
    /// <paramref name="environment"/> says otherwise.
    /// </summary>
    public TmuxSession(string command, int width = 120, int height = 40, IReadOnlyDictionary<string, string>? environment = null, string? configHome = null)
    {
        _tmux = ExternalTool.Require("tmux", "tmux");
        _socket = $"rawnet-ui-test-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40];
        _name = "ui";
        if (configHome is null)
        {
            ConfigHome = _ownConfigHome = NewConfigHome();
        }
        else
            ConfigHome = configHome;
        // No lab another test runs on this machine reaches the screen (the lab panel's own test names the real root).
        var variables = new Dictionary<string, string>
        {
            ["XDG_CONFIG_HOME"] = ConfigHome,
            ["NO_COLOR"] = "",
            [LabTransferPanel.RunRootVariable] = Path.Combine(ConfigHome, "no-labs"),
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            variables[name] = value;
        var arguments = new List<string> { "new-session", "-d", "-s", _name, "-x", width.ToString(), "-y", height.ToString() };
        foreach (var (name, value) in variables)
            arguments.AddRange(["-e", $"{name}={value}"]);
        arguments.Add(command);
        Tmux([.. arguments]);
    }

    /// <summary>The XDG_CONFIG_HOME the program sees (its ui.conf is rawnet/ui.conf under it).</summary>
    public string ConfigHome { get; }

    private readonly string? _ownConfigHome;

    /// <summary>
    /// A fresh config directory that rawnet can read and write whoever it runs as: run by root it gives root up to
    /// nobody, which must still reach the directory.
    /// </summary>
    public static string NewConfigHome()
    {
        var directory = Directory.CreateTempSubdirectory("rawnet-ui-config-").FullName;
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(directory, (UnixFileMode)0x1FF);
        return directory;
    }

    /// <summary>The text on screen now.</summary>
    public string Screen() => Tmux("capture-pane", "-p", "-t", _name);

    /// <summary>The pane's text with its colours and attributes as SGR escape sequences (tmux capture-pane -e).</summary>
    public string ColoredScreen() => Tmux("capture-pane", "-p", "-e", "-t", _name);

    /// <summary>Sends tmux key names (<c>j</c>, <c>Enter</c>, <c>Tab</c>, <c>Escape</c>).</summary>
    public void Keys(params string[] keys) => Tmux(["send-keys", "-t", _name, .. keys]);

    /// <summary>Changes the terminal's size, as a user resizing the window.</summary>
    public void Resize(int width, int height) => Tmux("resize-window", "-t", _name, "-x", width.ToString(), "-y", height.ToString());

    /// <summary>Types <paramref name="text"/> literally.</summary>
    public void Type(string text) => Tmux("send-keys", "-t", _name, "-l", text);

    /// <summary>
    /// Sends the SGR mouse report a terminal sends for <paramref name="button"/> (0 left; 32 added for a drag, 64 and 65
    /// the wheel) at the 0-based cell (<paramref name="column"/>, <paramref name="row"/>): typed literally, tmux passes
    /// the bytes to the program as they are (send-keys -M only replays a mouse event tmux itself received).
    /// </summary>
    public void Mouse(int button, int column, int row, bool release = false) =>
        Type($"\e[<{button};{column + 1};{row + 1}{(release ? 'm' : 'M')}");

    /// <summary>A left click (press and release) on the 0-based cell (<paramref name="column"/>, <paramref name="row"/>).</summary>
    public void Click(int column, int row)
    {
        Mouse(0, column, row);
        Mouse(0, column, row, release: true);
    }

    /// <summary>A double click on the 0-based cell: both clicks' reports in one write, as quick as a terminal sends them.</summary>
    public void DoubleClick(int column, int row)
    {
        string press = $"\e[<0;{column + 1};{row + 1}M", release = $"\e[<0;{column + 1};{row + 1}m";
        Type(press + release + press + release);
    }

    /// <summary>A tmux format expanded for the pane, such as <c>#{mouse_sgr_flag}</c> (1 while the program has SGR mouse mode on).</summary>
    public string Format(string format) => Tmux("display-message", "-p", "-t", _name, format).Trim();

    /// <summary>Lets programs in the pane set tmux's clipboard by OSC 52 (set-clipboard on): each copy becomes a paste buffer.</summary>
    public void AcceptClipboard() => Tmux("set-option", "-s", "set-clipboard", "on");

    /// <summary>The newest paste buffer (what a program last copied by OSC 52).</summary>
    public string PasteBuffer() => Tmux("show-buffer");

    /// <summary>Polls the screen until it contains <paramref name="text"/>; fails with the last screen after <paramref name="seconds"/>.</summary>
    public string WaitFor(string text, double seconds = 30) =>
        WaitUntil(screen => screen.Contains(text, StringComparison.Ordinal), $"'{text}'", seconds);

    /// <summary>
    /// Polls the screen until <paramref name="shows"/> holds for it (<paramref name="what"/> says what for the failure);
    /// fails with the last screen after <paramref name="seconds"/>.
    /// </summary>
    public string WaitUntil(Func<string, bool> shows, string what, double seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        string screen;
        do
        {
            screen = Screen();
            if (shows(screen))
                return screen;
            Thread.Sleep(50);
        }
        while (clock.Elapsed.TotalSeconds < seconds);
        Assert.Fail($"{what} did not appear within {seconds} s; the screen was:\n{screen}");
        return screen;
    }

    private string Tmux(params string[] arguments)
    {
        var (code, stdout, stderr) = ExternalTool.Run(_tmux, ["-L", _socket, .. arguments], TimeSpan.FromSeconds(20));
        Assert.True(code == 0, $"tmux {string.Join(' ', arguments)}: exit {code}: {stderr}");
        return stdout;
    }

    public void Dispose()
    {
        try
        {
            ExternalTool.Run(_tmux, ["-L", _socket, "kill-session", "-t", _name], TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
        }
        if (_ownConfigHome is not null && Directory.Exists(_ownConfigHome))
            Directory.Delete(_ownConfigHome, recursive: true);
    }
}
