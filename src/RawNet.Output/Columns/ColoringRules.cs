using RawNet.Output.Filters;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Columns;

/// <summary>A colour as Wireshark's colouring rules store it: 16 bits a channel.</summary>
/// <param name="Red">Red, 0 to 65535.</param>
/// <param name="Green">Green, 0 to 65535.</param>
/// <param name="Blue">Blue, 0 to 65535.</param>
public readonly record struct RgbColor(ushort Red, ushort Green, ushort Blue)
{
    /// <summary>The colour with 8 bits a channel (the high byte of each), as terminals take it.</summary>
    public (byte Red, byte Green, byte Blue) To8Bit() => ((byte)(Red >> 8), (byte)(Green >> 8), (byte)(Blue >> 8));
}

/// <summary>How a colouring rule decides whether a packet matches.</summary>
public enum ColoringTest : byte
{
    /// <summary>RawNet's display filter (<see cref="ColoringRule.Filter"/>).</summary>
    Filter,
    /// <summary>Some IPv4, TCP or UDP checksum RawNet verified is bad (one left to the NIC is not an error).</summary>
    ChecksumError,
    /// <summary>The rule needs protocols RawNet does not decode: it never matches (<see cref="ColoringRule.NeverReason"/> says which).</summary>
    Never,
}

/// <summary>
/// One of Wireshark's default colouring rules: its name, Wireshark's filter text, the colours, and how RawNet evaluates it.
/// </summary>
public sealed class ColoringRule
{
    /// <summary>A rule of the user's: rows that <paramref name="filter"/> matches get these colours.</summary>
    public ColoringRule(string name, DisplayFilter filter, RgbColor background, RgbColor foreground)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Name = name;
        WiresharkFilter = filter.Text;
        Background = background;
        Foreground = foreground;
        Test = ColoringTest.Filter;
        Filter = filter;
    }

    internal ColoringRule(string name, string wiresharkFilter, RgbColor background, RgbColor foreground, ColoringTest test, string? filter = null, string? neverReason = null)
    {
        Name = name;
        WiresharkFilter = wiresharkFilter;
        Background = background;
        Foreground = foreground;
        Test = test;
        if (filter is not null)
        {
            if (!DisplayFilter.TryParse(filter, out var compiled, out var error))
                throw new InvalidOperationException($"colouring rule '{name}': {error}");
            Filter = compiled;
        }
        NeverReason = neverReason;
    }

    /// <summary>The rule's name, as Wireshark's (frame.coloring_rule.name).</summary>
    public string Name { get; }

    /// <summary>Wireshark's own filter for the rule, for reference: RawNet evaluates <see cref="Filter"/> or <see cref="Test"/>.</summary>
    public string WiresharkFilter { get; }

    /// <summary>The row's background.</summary>
    public RgbColor Background { get; }

    /// <summary>The row's text colour.</summary>
    public RgbColor Foreground { get; }

    /// <summary>How RawNet decides whether a packet matches.</summary>
    public ColoringTest Test { get; }

    /// <summary>RawNet's filter for the rule, when <see cref="Test"/> is <see cref="ColoringTest.Filter"/>.</summary>
    public DisplayFilter? Filter { get; }

    /// <summary>
    /// Why the rule never matches in RawNet, when <see cref="Test"/> is <see cref="ColoringTest.Never"/>; for a
    /// <see cref="ColoringTest.Filter"/> rule, the part of Wireshark's filter RawNet's cannot match (protocols it does not decode).
    /// </summary>
    public string? NeverReason { get; }

    /// <summary>True when <paramref name="packet"/>, decoded from <paramref name="frame"/>, matches the rule; allocates nothing.</summary>
    public bool Matches(DecodedPacket packet, ReadOnlySpan<byte> frame) => Test switch
    {
        ColoringTest.Filter => Filter!.Matches(packet, frame),
        ColoringTest.ChecksumError => HasBadChecksum(packet),
        _ => false,
    };

    private static bool HasBadChecksum(DecodedPacket packet)
    {
        foreach (ref readonly var layer in packet.Layers)
        {
            if (layer.Checksum == ChecksumStatus.Bad && layer.Kind is LayerKind.Ipv4 or LayerKind.Tcp or LayerKind.Udp or LayerKind.Cdp)
                return true;
        }
        return false;
    }
}

/// <summary>
/// Wireshark's default colouring rules (its colorfilters file), in its order: the first rule a packet matches colours
/// its row, as <c>tshark --color -T fields -e frame.coloring_rule.name</c> names it. Each rule is evaluated with
/// RawNet's display-filter engine where its fields are RawNet's; "Checksum Errors" reads RawNet's checksum verdicts (as
/// tshark with checksum verification on; an offloaded checksum is not an error); rules that need protocols RawNet does
/// not decode never match.
/// </summary>
public static class ColoringRules
{
    private static readonly RgbColor Ink = new(4718, 10030, 11796);
    private static readonly RgbColor Cream = new(65535, 64764, 40092);

    /// <summary>The default rules, in Wireshark's order.</summary>
    public static IReadOnlyList<ColoringRule> Default { get; } =
    [
        new("Bad TCP", "tcp.analysis.flags && !tcp.analysis.window_update && !tcp.analysis.keep_alive && !tcp.analysis.keep_alive_ack",
            Ink, new(63479, 34695, 34695), ColoringTest.Filter,
            "tcp.analysis.flags && !tcp.analysis.window_update && !tcp.analysis.keep_alive && !tcp.analysis.keep_alive_ack"),
        new("HSRP State Change", "hsrp.state != 8 && hsrp.state != 16", Ink, Cream, ColoringTest.Never,
            neverReason: "RawNet does not decode HSRP"),
        new("Spanning Tree Topology  Change", "stp.type == 0x80", Ink, Cream, ColoringTest.Never,
            neverReason: "RawNet does not decode the spanning tree protocol (802.3 LLC frames)"),
        new("OSPF State Change", "ospf.msg != 1", Ink, Cream, ColoringTest.Filter, "ospf.msg != 1"),
        new("ICMP errors", "icmp.type in { 3..5, 11 } || icmpv6.type in { 1..4 }", Ink, new(47031, 63479, 29812), ColoringTest.Filter,
            "icmp.type in { 3..5, 11 } || icmpv6.type in { 1..4 }"),
        new("ARP", "arp", new(64250, 61680, 55255), Ink, ColoringTest.Filter, "arp"),
        new("ICMP", "icmp || icmpv6", new(64764, 57568, 65535), Ink, ColoringTest.Filter, "icmp || icmpv6"),
        new("TCP RST", "tcp.flags.reset eq 1", new(42148, 0, 0), Cream, ColoringTest.Filter, "tcp.flags.reset eq 1"),
        new("SCTP ABORT", "sctp.chunk_type eq ABORT", new(42148, 0, 0), Cream, ColoringTest.Never,
            neverReason: "RawNet does not decode SCTP"),
        // PIM, OSPF, VRRP and CARP are not decoded; they are told apart by their IP protocol numbers (103, 89, 112).
        new("TTL low or unexpected",
            "(ip.dst != 224.0.0.0/4 && ip.ttl < 5 && !pim && !ospf) || (ip.dst == 224.0.0.0/24 && ip.dst != 224.0.0.251 && ip.ttl != 1 && !(vrrp || carp))",
            new(42148, 0, 0), new(60652, 61680, 60395), ColoringTest.Filter,
            "(ip.dst != 224.0.0.0/4 && ip.ttl < 5 && !(ip.proto == 103) && !(ip.proto == 89))"
            + " || (ip.dst == 224.0.0.0/24 && ip.dst != 224.0.0.251 && ip.ttl != 1 && !(ip.proto == 112))"),
        new("Checksum Errors",
            "eth.fcs.status==\"Bad\" || ip.checksum.status==\"Bad\" || tcp.checksum.status==\"Bad\" || udp.checksum.status==\"Bad\" || sctp.checksum.status==\"Bad\" || mstp.checksum.status==\"Bad\" || cdp.checksum.status==\"Bad\" || edp.checksum.status==\"Bad\" || wlan.fcs.status==\"Bad\" || stt.checksum.status==\"Bad\"",
            Ink, new(63479, 34695, 34695), ColoringTest.ChecksumError),
        new("SMB", "smb || nbss || nbns || netbios", new(65278, 65535, 53456), Ink, ColoringTest.Never,
            neverReason: "RawNet does not decode SMB or NetBIOS"),
        new("HTTP", "http || tcp.port == 80 || http2", new(58596, 65535, 51143), Ink, ColoringTest.Filter, "tcp.port == 80"),
        new("DCERPC", "dcerpc", new(51199, 38706, 65533), Ink, ColoringTest.Never,
            neverReason: "RawNet does not decode DCE/RPC"),
        new("Routing", "hsrp || eigrp || ospf || bgp || cdp || vrrp || carp || gvrp || igmp || ismp", new(65534, 62325, 54808), Ink,
            ColoringTest.Filter, "gvrp || igmp || ospf || cdp",
            neverReason: "of its protocols RawNet decodes GVRP, IGMP, OSPF and CDP alone: HSRP, EIGRP, BGP, VRRP, CARP and ISMP never match"),
        new("TCP SYN/FIN", "tcp.flags & 0x02 || tcp.flags.fin == 1", new(41026, 41026, 41026), Ink, ColoringTest.Filter,
            "tcp.flags & 0x02 || tcp.flags.fin == 1"),
        new("TCP", "tcp", new(59345, 58980, 65535), Ink, ColoringTest.Filter, "tcp"),
        new("UDP", "udp", new(56026, 61166, 65535), Ink, ColoringTest.Filter, "udp"),
        new("Broadcast", "eth[0] & 1", new(65535, 65535, 65535), new(47802, 48573, 46774), ColoringTest.Filter, "eth[0] & 1"),
        new("System Event", "systemd_journal || sysdig", new(59110, 59110, 59110), new(11565, 28527, 39578), ColoringTest.Never,
            neverReason: "RawNet does not read systemd journal or sysdig events"),
    ];

    /// <summary>
    /// The first of <paramref name="first"/> (the user's rules) that <paramref name="packet"/> matches, else the first of
    /// <see cref="Default"/>, or null; allocates nothing.
    /// </summary>
    public static ColoringRule? Match(IReadOnlyList<ColoringRule> first, DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        ArgumentNullException.ThrowIfNull(first);
        for (int i = 0; i < first.Count; i++)
        {
            if (first[i].Matches(packet, frame))
                return first[i];
        }
        return Match(packet, frame);
    }

    /// <summary>The first rule <paramref name="packet"/> (decoded from <paramref name="frame"/>) matches, or null; allocates nothing.</summary>
    public static ColoringRule? Match(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        var rules = Default;
        for (int i = 0; i < rules.Count; i++)
        {
            if (rules[i].Matches(packet, frame))
                return rules[i];
        }
        return null;
    }
}
