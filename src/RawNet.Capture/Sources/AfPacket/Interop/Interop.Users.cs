using System.Runtime.InteropServices;

namespace RawNet.Capture.Sources.AfPacket;

internal static partial class Interop
{
    /// <summary>Giving up root after the socket is open (<see cref="Privileges"/>): &lt;pwd.h&gt;, &lt;grp.h&gt;, &lt;unistd.h&gt;.</summary>
    internal static unsafe partial class Users
    {
        /// <summary>struct passwd (glibc, 64-bit: 48 bytes).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct Passwd
        {
            internal byte* Name;        // pw_name
            internal byte* Password;    // pw_passwd
            internal uint Uid;          // pw_uid
            internal uint Gid;          // pw_gid
            internal byte* Gecos;       // pw_gecos
            internal byte* Directory;   // pw_dir
            internal byte* Shell;       // pw_shell
        }

        // int getpwnam_r(const char *name, struct passwd *pwd, char *buf, size_t buflen, struct passwd **result);
        [LibraryImport(Libraries.Libc, EntryPoint = "getpwnam_r", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int GetPwNamR(string name, Passwd* entry, byte* buffer, nuint bufferLength, Passwd** result);

        // int initgroups(const char *user, gid_t group);
        [LibraryImport(Libraries.Libc, EntryPoint = "initgroups", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int InitGroups(string user, uint group);

        // int setgid(gid_t gid);
        [LibraryImport(Libraries.Libc, EntryPoint = "setgid", SetLastError = true)]
        internal static partial int SetGid(uint gid);

        // int setuid(uid_t uid);
        [LibraryImport(Libraries.Libc, EntryPoint = "setuid", SetLastError = true)]
        internal static partial int SetUid(uint uid);

        // uid_t geteuid(void);
        [LibraryImport(Libraries.Libc, EntryPoint = "geteuid")]
        internal static partial uint GetEuid();
    }
}
