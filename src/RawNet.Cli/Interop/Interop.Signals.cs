using System.Runtime.InteropServices;

namespace RawNet.Cli;

internal static partial class Interop
{
    /// <summary>Signal dispositions inherited from the parent: &lt;signal.h&gt;.</summary>
    internal static partial class Signals
    {
        internal const int SigInt = 2;               // SIGINT on Linux and macOS
        private static readonly nint SigDfl = 0;     // SIG_DFL
        private static readonly nint SigIgn = 1;     // SIG_IGN

        // glibc's and macOS's struct sigaction both start with the handler; the rest (mask, flags) is only received here,
        // into a buffer larger than either (152 bytes on glibc x86-64 and arm64).
        private const int SigactionBufferSize = 512;

        // int sigaction(int signum, const struct sigaction *act, struct sigaction *oldact);
        [LibraryImport("libc", EntryPoint = "sigaction", SetLastError = true)]
        private static partial int Sigaction(int signal, nint action, Span<byte> oldAction);

        // sighandler_t signal(int signum, sighandler_t handler);
        [LibraryImport("libc", EntryPoint = "signal", SetLastError = true)]
        private static partial nint Signal(int signal, nint handler);

        /// <summary>True when <paramref name="signal"/> is ignored (SIG_IGN), as a shell without job control leaves
        /// SIGINT for the commands it starts with <c>&amp;</c>.</summary>
        internal static bool IsIgnored(int signal)
        {
            Span<byte> old = stackalloc byte[SigactionBufferSize];
            return Sigaction(signal, 0, old) == 0 && MemoryMarshal.Read<nint>(old) == SigIgn;
        }

        /// <summary>Gives <paramref name="signal"/> its default disposition again; false if that failed.</summary>
        internal static bool RestoreDefault(int signal) => Signal(signal, SigDfl) != -1;
    }
}
