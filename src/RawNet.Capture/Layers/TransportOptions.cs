using RawNet.Capture.Lab;

namespace RawNet.Capture.Layers;

/// <summary>The transport experiments of <c>rawnet layers --experiment</c>: what TCP and UDP do with the bytes an application hands them.</summary>
public enum TransportExperimentKind : byte
{
    /// <summary>Several send() calls: TCP merges or splits them (Nagle, TCP_NODELAY, TCP_CORK), UDP keeps each datagram's boundary.</summary>
    Writes,
    /// <summary>One large TCP send on a 1500-byte MTU path: the kernel cuts it into segments of at most the MSS.</summary>
    Segment,
    /// <summary>One large UDP datagram on a 1500-byte MTU path: IPv4 fragments, or IPv6 fragments made at the source; one recv() gets it whole.</summary>
    Fragment,
    /// <summary>A TCP SYN built by hand (raw socket) to a port nobody listens on, and the listener kernel's RST.</summary>
    Rst,
    /// <summary>A handshake made by hand: the sender's own kernel resets it; sent from an address no socket owns, it completes.</summary>
    Handshake,
    /// <summary>The TCP or UDP checksum of a real packet, word by word: pseudo-header, header, payload, the one's-complement sum.</summary>
    Checksum,
    /// <summary>Two clients to one server port: UDP hands both to one socket, TCP gives each connection its own socket.</summary>
    Demux,
    /// <summary>One packet's bytes per layer, its headers as RFC diagrams with its values, and the frame as a wire carries it (preamble, padding, FCS, gap).</summary>
    Wire,
}

/// <summary>How to run a <see cref="TransportExperiment"/>.</summary>
/// <param name="Experiment">Which experiment.</param>
/// <param name="Payload">The bytes each write sends (writes, checksum, demux).</param>
/// <param name="Ipv6">Use IPv6 instead of IPv4.</param>
/// <param name="Lab">Send from the lab's namespace A to B, capturing on B's veth end; null for loopback (not for segment, fragment and handshake).</param>
/// <param name="Udp">UDP instead of TCP (writes, checksum, wire).</param>
/// <param name="Writes">How many send() calls (writes).</param>
/// <param name="NoDelay">TCP_NODELAY on the sending socket: Nagle's algorithm off (writes).</param>
/// <param name="Cork">TCP_CORK around the writes: nothing leaves until uncorked or a full segment is ready (writes).</param>
/// <param name="Size">Bytes of the one large send (segment, fragment).</param>
/// <param name="Timeout">How long each wait may take.</param>
public sealed record TransportOptions(TransportExperimentKind Experiment, byte[] Payload, bool Ipv6 = false, TestNetwork? Lab = null, bool Udp = false,
    int Writes = 3, bool NoDelay = false, bool Cork = false, int Size = 4000, TimeSpan? Timeout = null)
{
    /// <summary>The most send() calls of the writes experiment.</summary>
    public const int MaxWrites = 64;

    /// <summary>The largest TCP send of the segment experiment (64 KiB).</summary>
    public const int MaxSegmentSize = 65536;

    /// <summary>The largest UDP payload over IPv4 (65535 - 20 - 8); over IPv6 the same bound is kept.</summary>
    public const int MaxDatagramSize = 65507;

    /// <summary>The experiment's name on the command line and in JSON.</summary>
    public static string Name(TransportExperimentKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses an experiment's name.</summary>
    public static bool TryParse(string text, out TransportExperimentKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !text.Any(char.IsDigit);
}
