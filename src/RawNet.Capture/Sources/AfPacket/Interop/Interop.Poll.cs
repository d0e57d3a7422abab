using System.Runtime.InteropServices;

namespace RawNet.Capture.Sources.AfPacket;

internal static partial class Interop
{
    /// <summary>Waiting: poll(2) and the eventfd(2) that <see cref="AfPacketCaptureSource.Stop"/> signals.</summary>
    internal static unsafe partial class Poll
    {
        internal const short PollIn = 0x001;        // POLLIN
        internal const short PollErr = 0x008;       // POLLERR
        internal const short PollHup = 0x010;       // POLLHUP
        internal const short PollNval = 0x020;      // POLLNVAL
        internal const int EfdCloexec = 0x80000;    // EFD_CLOEXEC
        internal const int EfdNonblock = 0x800;     // EFD_NONBLOCK

        /// <summary>struct pollfd (8 bytes).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct PollFd
        {
            internal int Fd;
            internal short Events;
            internal short ReturnedEvents;
        }

        // int poll(struct pollfd *fds, nfds_t nfds, int timeout);
        [LibraryImport(Libraries.Libc, EntryPoint = "poll", SetLastError = true)]
        internal static partial int PollFds(PollFd* fds, nuint count, int timeoutMilliseconds);

        /// <summary>struct timespec.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct TimeSpec
        {
            internal long Seconds;
            internal long Nanoseconds;
        }

        // int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *tmo_p, const sigset_t *sigmask);
        [LibraryImport(Libraries.Libc, EntryPoint = "ppoll", SetLastError = true)]
        internal static partial int PollFdsPrecise(PollFd* fds, nuint count, TimeSpec* timeout, void* signalMask);

        // int eventfd(unsigned int initval, int flags);
        [LibraryImport(Libraries.Libc, EntryPoint = "eventfd", SetLastError = true)]
        internal static partial int EventFd(uint initialValue, int flags);

        // int eventfd_write(int fd, eventfd_t value);
        [LibraryImport(Libraries.Libc, EntryPoint = "eventfd_write", SetLastError = true)]
        internal static partial int EventFdWrite(SafeEventFdHandle fd, ulong value);
    }
}
