namespace RawNet.Capture.Sources.AfPacket;

internal static partial class Interop
{
    internal static class Libraries
    {
        /// <summary>The C library; the runtime maps "libc" to glibc's real soname.</summary>
        internal const string Libc = "libc";
    }

    /// <summary>The errno values the back end tells apart.</summary>
    internal static class Errno
    {
        internal const int EPERM = 1;
        internal const int EINTR = 4;
        internal const int ENXIO = 6;
        internal const int EAGAIN = 11;
        internal const int EACCES = 13;
        internal const int ENODEV = 19;
        internal const int ENETDOWN = 100;
    }
}
