namespace RawNet.Capture.LibPcap;

/// <summary>
/// The system's libpcap (Npcap on Windows), as SharpPcap loads it: whether it is there and its version. Every entry
/// point of this folder calls <see cref="EnsureAvailable"/> first, so a machine without it gets one
/// <see cref="LibPcapUnavailableException"/> instead of SharpPcap's <see cref="DllNotFoundException"/> from deep inside.
/// </summary>
public static class PcapLibrary
{
    private static readonly Lazy<string?> s_version = new(LoadVersion, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether libpcap loaded; false on a machine without the <c>libpcap0.8</c> package (or Npcap).</summary>
    public static bool IsAvailable => s_version.Value is not null;

    /// <summary>pcap_lib_version's text, e.g. <c>libpcap version 1.10.3 (with TPACKET_V3)</c>.</summary>
    public static string Version
    {
        get
        {
            EnsureAvailable();
            return s_version.Value!;
        }
    }

    /// <summary>Throws <see cref="LibPcapUnavailableException"/> unless libpcap loaded.</summary>
    internal static void EnsureAvailable()
    {
        if (!IsAvailable)
            throw new LibPcapUnavailableException();
    }

    private static string? LoadVersion()
    {
        try
        {
            // SharpPcap resolves its "wpcap" imports to libpcap's sonames (or wpcap.dll) on the first call. When none
            // loads it does not throw here: Version becomes an apology and LibpcapVersion 0.0.
            return SharpPcap.Pcap.LibpcapVersion > new Version(0, 0) ? SharpPcap.Pcap.Version : null;
        }
        catch (Exception e) when (IsMissingLibrary(e))
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="e"/> is the runtime failing to load libpcap (directly, or inside a type initializer).</summary>
    internal static bool IsMissingLibrary(Exception e) => e switch
    {
        DllNotFoundException or EntryPointNotFoundException => true,
        TypeInitializationException { InnerException: { } inner } => IsMissingLibrary(inner),
        _ => false,
    };
}
