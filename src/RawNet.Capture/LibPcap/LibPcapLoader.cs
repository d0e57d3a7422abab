using System.Runtime.InteropServices;

namespace RawNet.Capture.LibPcap;

/// <summary>
/// Finds libpcap under one of its sonames on first use. Nothing loads when types are merely touched, so a machine
/// without libpcap loses only the features that need it, each with a <see cref="LibPcapUnavailableException"/>.
/// </summary>
internal sealed class LibPcapLoader
{
    /// <summary>Upstream's soname, Debian's historical soname, and the development symlink.</summary>
    internal static readonly string[] DefaultCandidates = ["libpcap.so.1", "libpcap.so.0.8", "libpcap.so"];

    private static readonly Lazy<LibPcapLoader> s_default = new(() => new LibPcapLoader(DefaultCandidates, registerResolver: true));

    private readonly string[] _candidates;
    private readonly bool _registerResolver;
    private readonly Lazy<nint> _handle;

    /// <summary>A loader over other names; tests use it to see what happens when none of them exists.</summary>
    internal LibPcapLoader(string[] candidates, bool registerResolver = false)
    {
        _candidates = candidates;
        _registerResolver = registerResolver;
        _handle = new Lazy<nint>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The loader every <c>[LibraryImport]</c> of this assembly resolves <see cref="Interop.Libraries.LibPcap"/> through.</summary>
    internal static LibPcapLoader Default => s_default.Value;

    /// <summary>The names tried, in order.</summary>
    internal IReadOnlyList<string> Candidates => _candidates;

    /// <summary>Whether one of the names loaded.</summary>
    internal bool IsAvailable => _handle.Value != 0;

    /// <summary>Throws <see cref="LibPcapUnavailableException"/> unless libpcap loaded.</summary>
    internal void EnsureAvailable()
    {
        if (!IsAvailable)
            throw new LibPcapUnavailableException(_candidates);
    }

    private nint Load()
    {
        nint handle = 0;
        foreach (var name in _candidates)
        {
            if (NativeLibrary.TryLoad(name, out handle))
                break;
        }
        if (handle != 0 && _registerResolver)
        {
            try
            {
                NativeLibrary.SetDllImportResolver(typeof(LibPcapLoader).Assembly, Resolve);
            }
            catch (InvalidOperationException)
            {
                // Another part of this assembly set the one resolver allowed; it must then map "libpcap" itself.
            }
        }
        return handle;
    }

    private static nint Resolve(string libraryName, System.Reflection.Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Interop.Libraries.LibPcap ? s_default.Value._handle.Value : 0;
}
