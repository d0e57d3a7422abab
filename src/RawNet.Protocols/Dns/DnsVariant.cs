namespace RawNet.Protocols.Dns;

/// <summary>
/// Which use of the DNS message format a DNS layer is: it decides the protocol tshark names it by, how the message is
/// framed and how some bits read. Kept in the layer's <see cref="Decoding.Layer.Detail"/>.
/// </summary>
public enum DnsVariant : byte
{
    /// <summary>DNS over UDP (RFC 1035; tshark "dns").</summary>
    Unicast,
    /// <summary>Multicast DNS on UDP 5353 (RFC 6762; tshark "mdns"): a class's top bit is the QU or cache-flush bit.</summary>
    Multicast,
    /// <summary>
    /// Link-Local Multicast Name Resolution on UDP 5355 (RFC 4795; tshark "llmnr"): the header's flag bits are C (conflict),
    /// TC and T (tentative).
    /// </summary>
    LinkLocal,
    /// <summary>DNS over TCP on port 53 or 5353 (RFC 1035 4.2.2; tshark "dns"): each message follows a two-byte length (dns.length).</summary>
    Stream,
}

/// <summary>
/// What a DNS layer's <see cref="Decoding.Layer.Detail"/> says: its <see cref="DnsVariant"/>, whether it runs past its
/// segment, and whether it is a later message of one call of tshark's DNS dissector over TCP.
/// </summary>
public static class DnsLayerDetails
{
    private const byte PastSegmentBit = 0x80;
    private const byte LaterInCallBit = 0x40;

    /// <summary>
    /// The detail byte of a layer of <paramref name="variant"/>; <paramref name="pastSegment"/> for a message over TCP
    /// longer than the rest of its segment, read from a segment the capture cut (tshark cannot put it together, and reads
    /// it as far as it goes); <paramref name="laterInCall"/> for a message over TCP after the first that one call of the
    /// dissector reads (see <see cref="LaterInCall"/>).
    /// </summary>
    public static byte Of(DnsVariant variant, bool pastSegment = false, bool laterInCall = false) =>
        (byte)((byte)variant | (pastSegment ? PastSegmentBit : 0) | (laterInCall ? LaterInCallBit : 0));

    /// <summary>The variant a detail byte says.</summary>
    public static DnsVariant Variant(byte detail) => (DnsVariant)(detail & ~(PastSegmentBit | LaterInCallBit));

    /// <summary>True when a detail byte says the message runs past its segment.</summary>
    public static bool PastSegment(byte detail) => (detail & PastSegmentBit) != 0;

    /// <summary>
    /// True for a message over TCP that the same call of tshark's DNS dissector read after another: tcp_dissect_pdus reads
    /// every whole message of what TCP hands it in a loop that calls no dissector, so frame.protocols names "dns" once per
    /// call (the bytes of a segment, and before them a message put together from earlier segments), not per message.
    /// </summary>
    public static bool LaterInCall(byte detail) => (detail & LaterInCallBit) != 0;
}

/// <summary>The ports DNS is decoded on, as tshark 4.0's defaults and tcpdump's.</summary>
public static class DnsPorts
{
    /// <summary>DNS (RFC 1035), over UDP and TCP.</summary>
    public const ushort Dns = 53;

    /// <summary>Multicast DNS (RFC 6762); tshark also reads DNS over TCP on it.</summary>
    public const ushort Multicast = 5353;

    /// <summary>LLMNR (RFC 4795), which tshark decodes on UDP only.</summary>
    public const ushort LinkLocal = 5355;

    /// <summary>The length before each message over TCP.</summary>
    public const int StreamLengthSize = 2;

    /// <summary>True when either port is one tcpdump prints DNS for (53 and 5353; it prints LLMNR as plain UDP).</summary>
    public static bool Carries(ushort sourcePort, ushort destinationPort) =>
        sourcePort is Dns or Multicast || destinationPort is Dns or Multicast;

    /// <summary>True for multicast DNS (tshark's "mdns": the class's top bit is a flag).</summary>
    public static bool IsMulticast(ushort sourcePort, ushort destinationPort) =>
        (sourcePort == Multicast || destinationPort == Multicast) && sourcePort != Dns && destinationPort != Dns;

    /// <summary>True when a TCP segment between these ports carries DNS messages after their lengths (tshark's dns.tcp.port: 53, 5353).</summary>
    public static bool CarriesStream(ushort sourcePort, ushort destinationPort) =>
        sourcePort is Dns or Multicast || destinationPort is Dns or Multicast;

    /// <summary>
    /// Which DNS a UDP datagram on <paramref name="port"/> (53, 5353 or 5355) carries. Between two of them tshark tries
    /// the lower port first (<c>PacketDecoder.DecodeOnUdpPort</c>), so 53 beats 5353 and 5355, and 5353 beats 5355.
    /// </summary>
    public static DnsVariant VariantOf(ushort port) => port switch
    {
        Multicast => DnsVariant.Multicast,
        LinkLocal => DnsVariant.LinkLocal,
        _ => DnsVariant.Unicast,
    };
}
