using System.Runtime.InteropServices;

namespace RawNet.Cli;

internal static partial class Interop
{
    /// <summary>File descriptors handed to a program rawnet starts: &lt;fcntl.h&gt;.</summary>
    internal static partial class Descriptors
    {
        private const int FDupFd = 0;           // F_DUPFD: a copy without FD_CLOEXEC, so it survives execve

        // int fcntl(int fd, int cmd, ... /* int arg */);
        [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
        private static partial int Fcntl(int fd, int command, int argument);

        /// <summary>A copy of <paramref name="fd"/> numbered 3 or above that a started program inherits; -1 on failure.</summary>
        internal static int DuplicateForChild(int fd) => Fcntl(fd, FDupFd, 3);

        // int close(int fd);
        [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
        internal static partial int Close(int fd);
    }
}
