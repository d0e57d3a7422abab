using System.Runtime.InteropServices;

namespace RawNet.Cli.Commands;

/// <summary>
/// Whether standard output is a pipe whose reader has gone (<c>rawnet capture | head</c>). .NET ignores SIGPIPE and its
/// console stream drops EPIPE silently, so a live capture would otherwise print into nothing for ever.
/// </summary>
internal static unsafe partial class StandardOutputPipe
{
    private const int StandardOutputFd = 1;
    private const short PollErr = 0x8;

    /// <summary>poll(2) reports POLLERR on the write end of a pipe that has no reader left.</summary>
    public static bool ReaderGone()
    {
        var entry = new PollFd { Fd = StandardOutputFd };
        return Poll(&entry, 1, 0) == 1 && (entry.Revents & PollErr) != 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    // int poll(struct pollfd *fds, nfds_t nfds, int timeout);
    [LibraryImport("libc", EntryPoint = "poll")]
    private static partial int Poll(PollFd* fds, nuint count, int timeout);
}
