using System.Runtime.InteropServices;
using UsersInterop = RawNet.Capture.Sources.AfPacket.Interop.Users;

namespace RawNet.Capture.Sources;

/// <summary>Giving up root once the capture socket is open, like <c>tcpdump -Z user</c>: the open socket keeps working.</summary>
public static unsafe class Privileges
{
    private const int CapNetRaw = 13;

    /// <summary>Whether this process holds CAP_NET_RAW in its effective set (root normally does), read from /proc/self/status.</summary>
    public static bool HoldsCapNetRaw()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("CapEff:", StringComparison.Ordinal)
                    && ulong.TryParse(line.AsSpan(7).Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out ulong caps))
                    return (caps & (1UL << CapNetRaw)) != 0;
            }
        }
        catch (IOException)
        {
        }
        return false;
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

    /// <summary>
    /// Switches the whole process to <paramref name="user"/>: its supplementary groups (initgroups), then its group,
    /// then its user id. Throws <see cref="ArgumentException"/> when the user does not exist and
    /// <see cref="UnauthorizedAccessException"/> when a switch is refused; after a failure the process may have changed groups only.
    /// </summary>
    public static void DropTo(string user)
    {
        var ids = LookUp(user) ?? throw new ArgumentException($"no such user {user}", nameof(user));
        // Groups before the user id: once the uid is no longer 0 the group changes are refused.
        if (UsersInterop.InitGroups(user, ids.Gid) != 0)
            throw Refused("initgroups", user);
        if (UsersInterop.SetGid(ids.Gid) != 0)
            throw Refused("setgid", user);
        if (UsersInterop.SetUid(ids.Uid) != 0)
            throw Refused("setuid", user);
    }

    private static UnauthorizedAccessException Refused(string call, string user) =>
        new($"cannot switch to user {user}: {call}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
}
