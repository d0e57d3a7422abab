using System.Runtime.InteropServices;
using CapabilitiesInterop = RawNet.Capture.Sources.AfPacket.Interop.Capabilities;
using UsersInterop = RawNet.Capture.Sources.AfPacket.Interop.Users;

namespace RawNet.Capture.Sources;

/// <summary>Giving up root once the capture socket is open, like <c>tcpdump -Z user</c>: the open socket keeps working; the UI keeps CAP_NET_RAW alone to open new ones.</summary>
public static unsafe class Privileges
{
    private const int CapNetRaw = 13;

    private const int CapSetGid = 6;
    private const int CapSetUid = 7;

    /// <summary>
    /// Whether this process runs as root now (its effective uid is 0; unlike Environment.IsPrivilegedProcess, never
    /// cached). Always false off Linux: giving root up is built on Linux's capabilities, so elsewhere (where capture
    /// goes through libpcap or Npcap) rawnet keeps the rights it was started with.
    /// </summary>
    public static bool IsRoot => OperatingSystem.IsLinux() && UsersInterop.GetEuid() == 0;

    /// <summary>Whether this process holds CAP_NET_RAW in its effective set (root normally does), read from /proc/self/status.</summary>
    public static bool HoldsCapNetRaw() => (EffectiveCapabilities() & (1UL << CapNetRaw)) != 0;

    /// <summary>The main thread's effective capabilities, from /proc/self/status (none when it cannot be read).</summary>
    private static ulong EffectiveCapabilities()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("CapEff:", StringComparison.Ordinal)
                    && ulong.TryParse(line.AsSpan(7).Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out ulong caps))
                    return caps;
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }

    /// <summary>The user and group ids of <paramref name="user"/> from the password database; null when there is no such user.</summary>
    public static (uint Uid, uint Gid)? LookUp(string user)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        UsersInterop.Passwd entry;
        UsersInterop.Passwd* result;
        var size = 1024;
        while (true)
        {
            var buffer = new byte[size];
            int error;
            fixed (byte* b = buffer)
                error = UsersInterop.GetPwNamR(user, &entry, b, (nuint)buffer.Length, &result);
            const int ERANGE = 34;
            if (error == ERANGE && size < 1 << 20)
            {
                size *= 4;
                continue;
            }
            if (error != 0)
                throw new IOException($"cannot look up user {user}: {Marshal.GetPInvokeErrorMessage(error)}");
            return result is null ? null : (entry.Uid, entry.Gid);
        }
    }

    /// <summary>The home directory of <paramref name="user"/> in the password database, or null when there is no such user (or no home).</summary>
    public static string? HomeOf(string user)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        UsersInterop.Passwd entry;
        UsersInterop.Passwd* result;
        var buffer = new byte[16384];
        fixed (byte* b = buffer)
        {
            if (UsersInterop.GetPwNamR(user, &entry, b, (nuint)buffer.Length, &result) != 0 || result is null || entry.Directory is null)
                return null;
            string? home = Marshal.PtrToStringUTF8((nint)entry.Directory);
            return string.IsNullOrEmpty(home) ? null : home;
        }
    }

    /// <summary>The user root becomes by default when no sudo invoked it and no user was named (as tcpdump's own "tcpdump" user).</summary>
    public const string DefaultUser = "nobody";

    /// <summary>
    /// Whom a root rawnet becomes once its capture is open, as Debian's tcpdump: <paramref name="requested"/> (-Z USER)
    /// when given, else the user who ran sudo (<paramref name="sudoUid"/>, <paramref name="sudoGid"/>: SUDO_UID and
    /// SUDO_GID), else <see cref="DefaultUser"/>. Null when root stays root (-Z root), when this process is not root, or
    /// when it is root without CAP_SETUID and CAP_SETGID and no user was named (it cannot switch).
    /// </summary>
    /// <exception cref="ArgumentException">The requested user (or nobody) does not exist.</exception>
    public static Account? Target(string? requested, string? sudoUid, string? sudoGid)
    {
        // Root without the right to change its ids (setpriv --bounding-set=-all) has nothing left to give up but its name.
        const ulong Switching = (1UL << CapSetUid) | (1UL << CapSetGid);
        if (!IsRoot || requested == "root")
            return null;
        if (requested is not null)
            return Find(requested) ?? throw new ArgumentException($"no such user {requested}", nameof(requested));
        if ((EffectiveCapabilities() & Switching) != Switching)
            return null;
        if (uint.TryParse(sudoUid, System.Globalization.CultureInfo.InvariantCulture, out uint uid) && uid != 0
            && uint.TryParse(sudoGid, System.Globalization.CultureInfo.InvariantCulture, out uint gid))
            return new Account(NameOf(uid), uid, gid);
        return Find(DefaultUser) ?? throw new ArgumentException($"no such user {DefaultUser}", nameof(requested));
    }

    private static Account? Find(string user) => LookUp(user) is { } ids ? new Account(user, ids.Uid, ids.Gid) : null;

    /// <summary>The name of <paramref name="uid"/> in the password database, or null (a uid with no name still works: its groups are then its gid alone).</summary>
    private static string? NameOf(uint uid)
    {
        UsersInterop.Passwd entry;
        UsersInterop.Passwd* result;
        var buffer = new byte[16384];
        fixed (byte* b = buffer)
        {
            if (CapabilitiesInterop.GetPwUidR(uid, &entry, b, (nuint)buffer.Length, &result) != 0 || result is null)
                return null;
            return Marshal.PtrToStringUTF8((nint)entry.Name);
        }
    }

    /// <summary>
    /// Switches the whole process to <paramref name="user"/>: its supplementary groups (initgroups), then its group,
    /// then its user id. Throws <see cref="ArgumentException"/> when the user does not exist and
    /// <see cref="UnauthorizedAccessException"/> when a switch is refused; after a failure the process may have changed groups only.
    /// </summary>
    public static void DropTo(string user)
    {
        var ids = LookUp(user) ?? throw new ArgumentException($"no such user {user}", nameof(user));
        SwitchIdentity(new Account(user, ids.Uid, ids.Gid));
    }

    /// <summary>
    /// Gives root up for good on the calling thread, which must be the process's main thread (the one
    /// /proc/PID/status describes, and whose capabilities the threads it starts later inherit): the capability bounding
    /// set keeps only CAP_NET_RAW (or nothing), then the process switches to <paramref name="account"/> (groups, group,
    /// user; glibc switches every thread), keeping CAP_NET_RAW effective and permitted on this thread when
    /// <paramref name="keepNetRaw"/> (the UI, to open new captures; PR_SET_KEEPCAPS then capset), and nothing else; and no
    /// program it runs can gain privileges again (PR_SET_NO_NEW_PRIVS). Threads that existed before keep the new
    /// identity and no capability at all.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">A step was refused (not root, or the calling thread is not the main thread).</exception>
    public static void GiveUpRoot(Account account, bool keepNetRaw)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (CapabilitiesInterop.GetTid() != CapabilitiesInterop.GetPid())
            throw new UnauthorizedAccessException("cannot give root up: capabilities are per thread and this is not the main thread");
        int last = LastCapability();
        for (int cap = 0; cap <= last; cap++)
        {
            if (cap == CapNetRaw && keepNetRaw)
                continue;
            if (CapabilitiesInterop.Prctl(CapabilitiesInterop.BoundingSetDrop, (nuint)cap, 0, 0, 0) != 0)
                throw Refused("PR_CAPBSET_DROP", account.Display);
        }
        if (keepNetRaw && CapabilitiesInterop.Prctl(CapabilitiesInterop.SetKeepCaps, 1, 0, 0, 0) != 0)
            throw Refused("PR_SET_KEEPCAPS", account.Display);
        SwitchIdentity(account);
        if (keepNetRaw)
        {
            CapabilitiesInterop.Prctl(CapabilitiesInterop.SetKeepCaps, 0, 0, 0, 0);
            KeepOnly(CapNetRaw, account.Display);
        }
        if (CapabilitiesInterop.Prctl(CapabilitiesInterop.SetNoNewPrivileges, 1, 0, 0, 0) != 0)
            throw Refused("PR_SET_NO_NEW_PRIVS", account.Display);
    }

    /// <summary>Sets this thread's effective and permitted sets to <paramref name="cap"/> alone, the inheritable set to nothing.</summary>
    private static void KeepOnly(int cap, string user)
    {
        var header = new CapabilitiesInterop.Header { Version = CapabilitiesInterop.Version3 };
        var data = stackalloc CapabilitiesInterop.Data[2];
        data[0] = default;
        data[1] = default;
        uint bit = 1u << (cap % 32);
        data[cap / 32].Effective = bit;
        data[cap / 32].Permitted = bit;
        if (CapabilitiesInterop.CapSet(&header, data) != 0)
            throw Refused("capset", user);
    }

    private static int LastCapability()
    {
        try
        {
            return int.Parse(File.ReadAllText("/proc/sys/kernel/cap_last_cap").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            // CAP_CHECKPOINT_RESTORE, the last one Linux 5.9 to 6.x know.
            return 40;
        }
    }

    private static void SwitchIdentity(Account account)
    {
        // Groups before the user id: once the uid is no longer 0 the group changes are refused.
        if (account.Name is { } name)
        {
            if (UsersInterop.InitGroups(name, account.Gid) != 0)
                throw Refused("initgroups", account.Display);
        }
        else
        {
            uint gid = account.Gid;
            if (CapabilitiesInterop.SetGroups(1, &gid) != 0)
                throw Refused("setgroups", account.Display);
        }
        if (UsersInterop.SetGid(account.Gid) != 0)
            throw Refused("setgid", account.Display);
        if (UsersInterop.SetUid(account.Uid) != 0)
            throw Refused("setuid", account.Display);
    }

    private static UnauthorizedAccessException Refused(string call, string user) =>
        new($"cannot switch to user {user}: {call}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
}

/// <summary>A user root switches to: its name (null for a uid the password database does not know), user and group ids.</summary>
public sealed record Account(string? Name, uint Uid, uint Gid)
{
    /// <summary>The name, or the uid when there is none.</summary>
    public string Display => Name ?? Uid.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
