namespace RawNet.Capture.LibPcap;

/// <summary>libpcap could not be loaded; the message names the library files tried and the Debian package that provides them.</summary>
public sealed class LibPcapUnavailableException : Exception
{
    /// <summary>The Debian/Ubuntu package that installs libpcap's shared library.</summary>
    public const string DebianPackage = "libpcap0.8";

    /// <summary>Names the sonames that failed to load.</summary>
    public LibPcapUnavailableException(IReadOnlyList<string> triedNames)
        : base($"libpcap is not available (tried {string.Join(", ", triedNames)}); install it with: apt-get install {DebianPackage}")
    {
        TriedNames = triedNames;
    }

    /// <summary>The library names that were tried, in order.</summary>
    public IReadOnlyList<string> TriedNames { get; }
}
