using System.Runtime.InteropServices;

namespace RawNet.Capture.Sources.AfPacket;

internal static partial class Interop
{
    /// <summary>Sending on an AF_PACKET socket: send(2), and the errno values replay tells apart.</summary>
    internal static unsafe partial class PacketSend
    {
        internal const int ENOBUFS = 105;
        internal const int EMSGSIZE = 90;

        // ssize_t send(int sockfd, const void *buf, size_t len, int flags);
        [LibraryImport(Libraries.Libc, EntryPoint = "send", SetLastError = true)]
        internal static partial nint Send(SafePacketSocketHandle fd, byte* buffer, nuint length, int flags);
    }
}
