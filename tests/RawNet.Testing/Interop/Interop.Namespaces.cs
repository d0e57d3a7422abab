using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace RawNet.Testing;

internal static partial class Interop
{
    internal static partial class Namespaces
    {
        internal const int CloneNewNet = 0x40000000;    // CLONE_NEWNET

        // int setns(int fd, int nstype);
        [LibraryImport(Libraries.Libc, EntryPoint = "setns", SetLastError = true)]
        internal static partial int SetNs(SafeFileHandle fd, int nsType);
    }

    internal static partial class Signals
    {
        internal const int Interrupt = 2;   // SIGINT
        internal const int KillSignal = 9;  // SIGKILL

        // int kill(pid_t pid, int sig);
        [LibraryImport(Libraries.Libc, EntryPoint = "kill", SetLastError = true)]
        internal static partial int Kill(int pid, int signal);
    }
}
