namespace RawNet.Protocols.Tls;

/// <summary>The TCP ports tshark 4.0 hands to TLS with its default preferences (<c>tshark -G decodes</c>, tcp.port ... tls).</summary>
public static class TlsPorts
{
    /// <summary>HTTPS.</summary>
    public const ushort Https = 443;

    /// <summary>True for one of tshark's TLS ports.</summary>
    public static bool IsTls(ushort port) => port switch
    {
        324 or 443 or 465 or 636 or 802 or 853 or 993 or 995 or 1300 or 2221 or 2443 or 3249 or 3250 or 3251 or 3252 or 3496 or 5061 or 5671
            or 5684 or 5868 or 8883 or 11207 or 19999 or 27017 => true,
        _ => false,
    };

    /// <summary>True when a TCP segment between these ports goes to TLS.</summary>
    public static bool Carries(ushort sourcePort, ushort destinationPort) => IsTls(sourcePort) || IsTls(destinationPort);
}
