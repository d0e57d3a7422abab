using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace RawNet.Capture.Injection;

/// <summary>Runs work inside a named network namespace (ip netns) on a thread of its own, so the process itself never moves.</summary>
public static partial class NetworkNamespace
{
    private const int CloneNewNet = 0x40000000;     // CLONE_NEWNET

    // int setns(int fd, int nstype);
    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(SafeFileHandle fd, int nsType);

    /// <summary>Where <c>ip netns</c> keeps the namespace named <paramref name="name"/>.</summary>
    public static string PathOf(string name) => Path.Combine("/var/run/netns", name);

    /// <summary>
    /// Runs <paramref name="action"/> on a new thread that joined namespace <paramref name="name"/> (setns(2)), or on
    /// the calling thread when <paramref name="name"/> is null; exceptions come back on the caller's thread.
    /// </summary>
    public static T Run<T>(string? name, Func<T> action)
    {
        if (name is null)
            return action();
        if (name.Contains('/') || !File.Exists(PathOf(name)))
            throw new SendFailure($"no network namespace {name} (ip netns list shows them; rawnet lab up creates rawnet-a and rawnet-b)");
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using (var fd = File.OpenHandle(PathOf(name)))
                {
                    if (SetNs(fd, CloneNewNet) != 0)
                    {
                        int errno = Marshal.GetLastPInvokeError();
                        throw new SendFailure(errno == 1
                            ? $"entering network namespace {name} needs root (CAP_SYS_ADMIN)"
                            : $"cannot enter network namespace {name}: {Marshal.GetPInvokeErrorMessage(errno)}");
                    }
                }
                result = action();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        })
        {
            IsBackground = true,
            Name = "netns " + name,
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
