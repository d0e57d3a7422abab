using System.Runtime.InteropServices;

namespace RawNet.Testing;

internal static partial class Interop
{
    /// <summary>Just enough of AF_PACKET to send raw frames from a lab namespace (the sender is an oracle, kept apart from the back end under test).</summary>
    internal static unsafe partial class PacketSocket
    {
        internal const int AfPacket = 17;       // AF_PACKET
        internal const int SockRaw = 3;         // SOCK_RAW

        /// <summary>struct sockaddr_ll (20 bytes).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct SockaddrLl
        {
            internal ushort Family;
            internal ushort Protocol;
            internal int IfIndex;
            internal ushort HaType;
            internal byte PacketType;
            internal byte HaLength;
            internal fixed byte Address[8];
        }

        // int socket(int domain, int type, int protocol);
        [LibraryImport(Libraries.Libc, EntryPoint = "socket", SetLastError = true)]
        internal static partial int Socket(int domain, int type, int protocol);

        // int bind(int sockfd, const struct sockaddr *addr, socklen_t addrlen);
        [LibraryImport(Libraries.Libc, EntryPoint = "bind", SetLastError = true)]
        internal static partial int Bind(SafePacketSocketHandle fd, SockaddrLl* address, int addressLength);

        // ssize_t send(int sockfd, const void *buf, size_t len, int flags);
        [LibraryImport(Libraries.Libc, EntryPoint = "send", SetLastError = true)]
        internal static partial nint Send(SafePacketSocketHandle fd, byte* buffer, nuint length, int flags);

        // unsigned int if_nametoindex(const char *ifname);
        [LibraryImport(Libraries.Libc, EntryPoint = "if_nametoindex", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial uint IfNameToIndex(string name);

        // int close(int fd);
        [LibraryImport(Libraries.Libc, EntryPoint = "close", SetLastError = true)]
        internal static partial int Close(nint fd);
    }
}

/// <summary>Owns the file descriptor of the lab's sending AF_PACKET socket.</summary>
internal sealed class SafePacketSocketHandle : Microsoft.Win32.SafeHandles.SafeHandleMinusOneIsInvalid
{
    public SafePacketSocketHandle(int fd)
        : base(ownsHandle: true) => SetHandle(fd);

    protected override bool ReleaseHandle() => Interop.PacketSocket.Close(handle) == 0;
}
