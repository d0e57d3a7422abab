using RawNet.Protocols.Decoding;

namespace RawNet.Protocols.Udp;

/// <summary>
/// What tshark's UDP heuristic dissectors do with a payload no port claims. They run in turn, and WireGuard's (on by
/// default) reads the message type and reserved bytes, 4 bytes, before it can refuse the payload: when the capture kept
/// 1 to 3 of at least 4, that read fails and the payload is WireGuard's ("wg" in frame.protocols, marked cut short,
/// no data.data). RawNet keeps such a payload as its bytes, marked with <see cref="ClaimedByWireGuard"/>.
/// </summary>
public static class UdpHeuristics
{
    /// <summary>Bytes of a payload WireGuard's heuristic reads before it can refuse it.</summary>
    public const int WireGuardReads = 4;

    /// <summary>The payload layer's <see cref="Layer.Detail"/> when WireGuard's heuristic read past the captured bytes.</summary>
    public const byte ClaimedByWireGuard = 1;

    /// <summary>tshark's protocol name for what claimed it.</summary>
    public const string WireGuardName = "wg";

    /// <summary>Whether WireGuard's heuristic reads past the captured bytes of a payload of this length.</summary>
    public static bool WireGuardReadsPastCapture(int captured, int length) => captured is > 0 and < WireGuardReads && length >= WireGuardReads;

    /// <summary>Whether <paramref name="layer"/> is a payload WireGuard's heuristic claimed.</summary>
    public static bool IsClaimedByWireGuard(in Layer layer) => layer.Kind == LayerKind.Payload && layer.Detail == ClaimedByWireGuard;
}
