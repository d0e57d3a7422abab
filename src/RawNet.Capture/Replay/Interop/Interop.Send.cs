using System.Runtime.InteropServices;

namespace RawNet.Capture.Sources.AfPacket;

internal static partial class Interop
{
    /// <summary>Sending on an AF_PACKET socket: send(2), and the errno values replay tells apart.</summary>
    internal static unsafe partial class PacketSend
    {
        internal const int ENOBUFS = 105;
        internal const int EMSGSIZE = 90;

        /// <summary>struct iovec (16 bytes).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct IoVec
        {
            internal byte* Base;        // iov_base
            internal nuint Length;      // iov_len
        }

        /// <summary>struct mmsghdr: a struct msghdr (56 bytes, padded), then msg_len (64 bytes in all).</summary>
        [StructLayout(LayoutKind.Explicit, Size = 64)]
        internal struct MMsgHdr
        {
            [FieldOffset(0)] internal void* Name;              // msg_name (unused: the socket is bound)
            [FieldOffset(8)] internal int NameLength;          // msg_namelen
            [FieldOffset(16)] internal IoVec* Iov;             // msg_iov
            [FieldOffset(24)] internal nuint IovLength;        // msg_iovlen
            [FieldOffset(32)] internal void* Control;          // msg_control
            [FieldOffset(40)] internal nuint ControlLength;    // msg_controllen
            [FieldOffset(48)] internal int Flags;              // msg_flags
            [FieldOffset(56)] internal uint Length;            // msg_len: bytes sent, filled by the kernel
        }

        // int sendmmsg(int sockfd, struct mmsghdr *msgvec, unsigned int vlen, int flags);
        [LibraryImport(Libraries.Libc, EntryPoint = "sendmmsg", SetLastError = true)]
        internal static partial int SendMany(SafePacketSocketHandle fd, MMsgHdr* messages, uint count, int flags);

        // ssize_t send(int sockfd, const void *buf, size_t len, int flags);
        [LibraryImport(Libraries.Libc, EntryPoint = "send", SetLastError = true)]
        internal static partial nint Send(SafePacketSocketHandle fd, byte* buffer, nuint length, int flags);
    }
}
