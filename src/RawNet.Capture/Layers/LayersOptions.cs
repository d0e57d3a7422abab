using RawNet.Capture.Lab;

namespace RawNet.Capture.Layers;

/// <summary>How to run a <see cref="LayersExperiment"/>.</summary>
/// <param name="Payload">The bytes every socket kind sends (at most <see cref="MaxPayload"/>).</param>
/// <param name="Ipv6">Use IPv6 (::1, or the lab's 2001:db8:: addresses) instead of IPv4.</param>
/// <param name="Lab">Run in this lab: send from its namespace A, listen and capture in namespace B on B's veth end; null for loopback.</param>
/// <param name="Timeout">How long to wait, per socket kind, for the listener and the capture to see everything.</param>
/// <param name="Kinds">The socket kinds to send through (the report has one entry per kind run, in <see cref="SocketKind"/> order); null or empty for all four.</param>
public sealed record LayersOptions(byte[] Payload, bool Ipv6 = false, TestNetwork? Lab = null, TimeSpan? Timeout = null, IReadOnlyCollection<SocketKind>? Kinds = null)
{
    /// <summary>The kinds this run sends through, in <see cref="SocketKind"/> order.</summary>
    public IReadOnlyList<SocketKind> KindsToRun => Enum.GetValues<SocketKind>().Where(k => Kinds is not { Count: > 0 } || Kinds.Contains(k)).ToArray();

    /// <summary>The largest payload: one frame of every kind on a 1500-byte MTU, whatever the headers.</summary>
    public const int MaxPayload = 1400;

    /// <summary>The wait per socket kind when <see cref="Timeout"/> is not given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);
}
