using System.Runtime.CompilerServices;

// The missing-libpcap test builds its own LibPcapLoader over names that do not exist.
[assembly: InternalsVisibleTo("RawNet.Capture.Tests")]
