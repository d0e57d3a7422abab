namespace RawNet.Capture.LibPcap;

/// <summary>libpcap could not be loaded; the message says what to install on this operating system.</summary>
public sealed class LibPcapUnavailableException : Exception
{
    /// <summary>The Debian/Ubuntu package that installs libpcap's shared library.</summary>
    public const string DebianPackage = "libpcap0.8";

    /// <summary>The message for this operating system.</summary>
    public LibPcapUnavailableException()
        : base(MessageFor(OperatingSystem.IsWindows(), OperatingSystem.IsMacOS()))
    {
    }

    /// <summary>What is missing and how to install it: Npcap on Windows, the system's libpcap on macOS, the Debian package elsewhere.</summary>
    internal static string MessageFor(bool windows, bool macOS) =>
        windows ? "libpcap is not available (wpcap.dll not found); install Npcap (https://npcap.com) in WinPcap-compatible mode"
        : macOS ? "libpcap is not available (libpcap.dylib not found); it is part of macOS: check the system's /usr/lib"
        : $"libpcap is not available (tried libpcap.so, libpcap.so.0, libpcap.so.0.8, libpcap.so.1); install it with: apt-get install {DebianPackage}";
}
