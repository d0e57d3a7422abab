using System.Globalization;

namespace RawNet.Testing;

/// <summary>One thread's identity as /proc/PID/task/TID/status shows it: user and group ids (real, effective, saved, filesystem), groups, capability sets, no_new_privs.</summary>
public sealed record ThreadCredentials(int Tid, uint[] Uids, uint[] Gids, uint[] Groups, ulong Inheritable, ulong Permitted, ulong Effective, ulong Bounding, ulong Ambient, bool NoNewPrivileges);

/// <summary>What the kernel says about a running process's identity, thread by thread (capabilities are per thread on Linux).</summary>
public static class ProcessCredentials
{
    /// <summary>CAP_NET_RAW's bit in the capability masks.</summary>
    public const ulong NetRaw = 1UL << 13;

    /// <summary>The main thread's credentials (what /proc/PID/status shows).</summary>
    public static ThreadCredentials Main(int pid) => Parse(pid, File.ReadAllLines($"/proc/{pid}/status"));

    /// <summary>Every thread's credentials; threads that end while being read are left out.</summary>
    public static IReadOnlyList<ThreadCredentials> Threads(int pid)
    {
        var threads = new List<ThreadCredentials>();
        foreach (var task in Directory.GetDirectories($"/proc/{pid}/task"))
        {
            try
            {
                threads.Add(Parse(int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture), File.ReadAllLines(Path.Combine(task, "status"))));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return threads;
    }

    /// <summary>The pid of the first process whose command line contains every one of <paramref name="parts"/>, or null.</summary>
    public static int? Find(params string[] parts)
    {
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out int pid) || pid == Environment.ProcessId)
                continue;
            try
            {
                var arguments = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                if (parts.All(part => arguments.Contains(part)))
                    return pid;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return null;
    }

    private static ThreadCredentials Parse(int tid, string[] lines)
    {
        string Field(string name) => lines.First(line => line.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();
        uint[] Ids(string name) => Field(name).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries).Select(id => uint.Parse(id, CultureInfo.InvariantCulture)).ToArray();
        ulong Mask(string name) => ulong.Parse(Field(name), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new ThreadCredentials(tid, Ids("Uid"), Ids("Gid"), Ids("Groups"), Mask("CapInh"), Mask("CapPrm"), Mask("CapEff"), Mask("CapBnd"), Mask("CapAmb"), Field("NoNewPrivs") == "1");
    }
}
