using System.CommandLine;
using RawNet.Capture.Sources;

namespace RawNet.Cli.Commands;

/// <summary>
/// -Z/--user and --keep-root, for the commands that capture (capture, ui): once the capture is open, a root rawnet
/// becomes the user who ran sudo, or the -Z user, or nobody, as Debian's tcpdump does; nothing that parses packets runs as root.
/// </summary>
public sealed class PrivilegeOptions
{
    private readonly Option<string> _user = new("-Z", "--user") { Description = $"Once the capture is open, switch from root to this user (default: the user who ran sudo, else {Privileges.DefaultUser}); -Z root keeps root.", HelpName = "USER" };
    private readonly Option<bool> _keepRoot = new("--keep-root") { Description = "Stay root after opening the capture (the same as -Z root)." };
    private readonly bool _ownProcess;

    /// <summary>
    /// Creates the options; <paramref name="ownProcess"/> is false for a host running the command line in its own process
    /// (the tests), which then changes identity only when -Z names a user.
    /// </summary>
    public PrivilegeOptions(bool ownProcess) => _ownProcess = ownProcess;

    /// <summary>Adds -Z/--user and --keep-root to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(_user);
        command.Add(_keepRoot);
    }

    /// <summary>
    /// Gives root up as the options say (see <see cref="Privileges.GiveUpRoot"/>), keeping CAP_NET_RAW when
    /// <paramref name="keepNetRaw"/>; null on success (or when there is nothing to give up), else the one-line message.
    /// Call it on the main thread.
    /// </summary>
    public string? GiveUpRoot(ParseResult parse, bool keepNetRaw) =>
        GiveUpRoot(parse.GetValue(_user), parse.GetValue(_keepRoot), keepNetRaw);

    /// <summary>The same with the options' values given: -Z <paramref name="user"/> (or null), --keep-root <paramref name="keepRoot"/>.</summary>
    public string? GiveUpRoot(string? user, bool keepRoot, bool keepNetRaw)
    {
        if (keepRoot || (user is null && !_ownProcess))
            return null;
        try
        {
            var account = Privileges.Target(user, Environment.GetEnvironmentVariable("SUDO_UID"), Environment.GetEnvironmentVariable("SUDO_GID"));
            if (account is not null)
                Privileges.GiveUpRoot(account, keepNetRaw);
            return null;
        }
        catch (ArgumentException)
        {
            return $"-Z {user ?? Privileges.DefaultUser}: no such user (-Z root or --keep-root stays root)";
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return e.Message;
        }
    }
}
