using System.Runtime.InteropServices;

namespace RawNet.Capture.Sources.AfPacket;

internal static partial class Interop
{
    /// <summary>Keeping one capability across the switch of user (<see cref="Privileges"/>): &lt;sys/prctl.h&gt;, &lt;sys/capability.h&gt;, &lt;grp.h&gt;.</summary>
    internal static unsafe partial class Capabilities
    {
        internal const int NetRaw = 13;                 // CAP_NET_RAW
        internal const int SetKeepCaps = 8;             // PR_SET_KEEPCAPS: the permitted set survives setuid away from 0
        internal const int BoundingSetDrop = 24;        // PR_CAPBSET_DROP
        internal const int SetNoNewPrivileges = 38;     // PR_SET_NO_NEW_PRIVS: execve never grants anything again
        internal const uint Version3 = 0x20080522;      // _LINUX_CAPABILITY_VERSION_3: two 32-bit words per set

        /// <summary>struct __user_cap_header_struct.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct Header
        {
            internal uint Version;
            internal int Pid;                           // 0: the calling thread
        }

        /// <summary>struct __user_cap_data_struct (one of two words).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct Data
        {
            internal uint Effective;
            internal uint Permitted;
            internal uint Inheritable;
        }

        // int prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5);
        [LibraryImport(Libraries.Libc, EntryPoint = "prctl", SetLastError = true)]
        internal static partial int Prctl(int option, nuint argument2, nuint argument3, nuint argument4, nuint argument5);

        // int capget(cap_user_header_t hdrp, cap_user_data_t datap);
        [LibraryImport(Libraries.Libc, EntryPoint = "capget", SetLastError = true)]
        internal static partial int CapGet(Header* header, Data* data);

        // int capset(cap_user_header_t hdrp, const cap_user_data_t datap);
        [LibraryImport(Libraries.Libc, EntryPoint = "capset", SetLastError = true)]
        internal static partial int CapSet(Header* header, Data* data);

        // int setgroups(size_t size, const gid_t *list);
        [LibraryImport(Libraries.Libc, EntryPoint = "setgroups", SetLastError = true)]
        internal static partial int SetGroups(nuint size, uint* list);

        // pid_t gettid(void);
        [LibraryImport(Libraries.Libc, EntryPoint = "gettid")]
        internal static partial int GetTid();

        // pid_t getpid(void);
        [LibraryImport(Libraries.Libc, EntryPoint = "getpid")]
        internal static partial int GetPid();

        // int getpwuid_r(uid_t uid, struct passwd *pwd, char *buf, size_t buflen, struct passwd **result);
        [LibraryImport(Libraries.Libc, EntryPoint = "getpwuid_r")]
        internal static partial int GetPwUidR(uint uid, Users.Passwd* entry, byte* buffer, nuint bufferLength, Users.Passwd** result);
    }
}
