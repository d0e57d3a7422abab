namespace RawNet.Testing;

internal static partial class Interop
{
    internal static class Libraries
    {
        /// <summary>The C library; the runtime maps "libc" to glibc's real soname.</summary>
        internal const string Libc = "libc";
    }
}
