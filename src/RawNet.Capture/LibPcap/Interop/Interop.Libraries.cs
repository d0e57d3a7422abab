namespace RawNet.Capture.LibPcap;

internal static partial class Interop
{
    internal static class Libraries
    {
        /// <summary>The name every import uses; <see cref="LibPcapLoader"/> maps it to the first of libpcap's sonames that loads.</summary>
        internal const string LibPcap = "libpcap";
    }
}
