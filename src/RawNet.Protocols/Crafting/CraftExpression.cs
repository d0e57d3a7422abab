using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using RawNet.Protocols.Arp;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.Icmp;
using RawNet.Protocols.Icmpv6;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Udp;
using RawNet.Protocols.Vlan;

namespace RawNet.Protocols.Crafting;

/// <summary>Why an expression was rejected, and the 1-based column of the word at fault.</summary>
/// <param name="Message">What is wrong, e.g. "unknown field 'tll' in ipv4".</param>
/// <param name="Column">1-based column in the expression.</param>
/// <param name="Hint">What would be accepted there, e.g. the layer's field names; null when the message says it all.</param>
public readonly record struct CraftError(string Message, int Column, string? Hint = null);

/// <summary>A parsed craft expression: the layer specs outermost first, the payload, and the link type of the frame.</summary>
public sealed class CraftPacket
{
    internal CraftPacket(IReadOnlyList<object> layers, byte[] payload)
    {
        Layers = layers;
        Payload = payload;
    }

    /// <summary>The specs (<see cref="EthernetSpec"/>, <see cref="Ipv4Spec"/>, <see cref="TcpSpec"/>, ...), outermost first.</summary>
    public IReadOnlyList<object> Layers { get; }

    /// <summary>The bytes after the last header.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Ethernet when the packet starts with eth, raw IP otherwise.</summary>
    public LinkType LinkType => Layers.Count > 0 && Layers[0] is EthernetSpec ? LinkType.Ethernet : LinkType.Raw;

    /// <summary>Builds the packet from the inside out into <paramref name="builder"/> (a new one when null) and returns it.</summary>
    public PacketBuilder Build(PacketBuilder? builder = null)
    {
        builder ??= new PacketBuilder();
        builder.SetPayload(Payload.Span);
        for (int i = Layers.Count - 1; i >= 0; i--)
        {
            switch (Layers[i])
            {
                case EthernetSpec s: builder.Prepend(s); break;
                case VlanSpec s: builder.Prepend(s); break;
                case ArpSpec s: builder.Prepend(s); break;
                case Ipv4Spec s: builder.Prepend(s); break;
                case Ipv6Spec s: builder.Prepend(s); break;
                case Ipv6HopByHopSpec s: builder.Prepend(s); break;
                case Ipv6DestinationOptionsSpec s: builder.Prepend(s); break;
                case Ipv6RoutingSpec s: builder.Prepend(s); break;
                case Ipv6FragmentSpec s: builder.Prepend(s); break;
                case TcpSpec s: builder.Prepend(s); break;
                case UdpSpec s: builder.Prepend(s); break;
                case IcmpSpec s: builder.Prepend(s); break;
                case Icmpv6Spec s: builder.Prepend(s); break;
                default: throw new InvalidOperationException($"not a layer spec: {Layers[i]}");
            }
        }
        return builder;
    }
}

/// <summary>
/// Parses the layered craft language, in the spirit of scapy:
/// <c>eth dst=02:00:00:00:00:02 / ipv4 dst=198.18.0.2 ttl=3 / tcp dport=80 flags=S mss=1460 / 'hello'</c>.
/// Unset fields take the defaults in docs/crafting.md; lengths and checksums are left for <see cref="PacketBuilder"/>
/// to fill unless given. No I/O.
/// </summary>
public static class CraftExpression
{
    /// <summary>Source MAC when eth src= is not given.</summary>
    public static readonly PhysicalAddress DefaultSourceMac = PhysicalAddress.Parse("02-00-00-00-00-01");
    /// <summary>Destination MAC when eth dst= is not given.</summary>
    public static readonly PhysicalAddress DefaultDestinationMac = PhysicalAddress.Parse("02-00-00-00-00-02");
    /// <summary>IPv4 source when not given (RFC 2544 benchmarking range).</summary>
    public static readonly IPAddress DefaultSourceIpv4 = IPAddress.Parse("198.18.0.1");
    /// <summary>IPv4 destination when not given.</summary>
    public static readonly IPAddress DefaultDestinationIpv4 = IPAddress.Parse("198.18.0.2");
    /// <summary>IPv6 source when not given (RFC 3849 documentation prefix).</summary>
    public static readonly IPAddress DefaultSourceIpv6 = IPAddress.Parse("2001:db8::1");
    /// <summary>IPv6 destination when not given.</summary>
    public static readonly IPAddress DefaultDestinationIpv6 = IPAddress.Parse("2001:db8::2");

    /// <summary>The layer keywords, in the order docs/crafting.md lists them.</summary>
    public static IReadOnlyList<string> Keywords { get; } =
        ["eth", "vlan", "arp", "ipv4", "ipv6", "hbh", "dstopt", "routing", "frag", "tcp", "udp", "icmp", "icmpv6"];

    /// <summary>Parses <paramref name="text"/>; false with the first error and its column when it is not a valid expression.</summary>
    public static bool TryParse(string text, out CraftPacket packet, out CraftError error)
    {
        try
        {
            packet = Parse(text);
            error = default;
            return true;
        }
        catch (CraftSyntaxException e)
        {
            packet = null!;
            error = new CraftError(e.Message, e.Column, e.Hint);
            return false;
        }
    }

    private sealed class CraftSyntaxException(string message, int column, string? hint = null) : Exception(message)
    {
        public int Column { get; } = column;
        public string? Hint { get; } = hint;
    }

    /// <summary>One whitespace-separated word: its text (quotes kept) and 0-based start.</summary>
    private readonly record struct Word(string Text, int Start)
    {
        public int Assign => Text.IndexOf('=');
        public string Key => Assign < 0 ? Text : Text[..Assign];
        public string Value => Assign < 0 ? "" : Text[(Assign + 1)..];
        public int ValueStart => Start + Assign + 1;
        public bool HasValue => Assign >= 0;
    }

    private static CraftPacket Parse(string text)
    {
        var segments = Split(text);
        var layers = new List<object>();
        var names = new List<string>();
        byte[] payload = [];
        for (int s = 0; s < segments.Count; s++)
        {
            var words = segments[s].Words;
            if (words.Count == 0)
                throw new CraftSyntaxException(s == 0 && segments.Count == 1 ? "empty expression" : "empty layer between '/'", segments[s].Start + 1);
            var first = words[0];
            if (IsPayload(first.Text))
            {
                if (words.Count > 1)
                    throw new CraftSyntaxException($"unexpected '{words[1].Text}' after the payload", words[1].Start + 1);
                if (s != segments.Count - 1)
                    throw new CraftSyntaxException("the payload must be the last layer", first.Start + 1);
                payload = ParsePayload(first);
                break;
            }
            string keyword = first.Text;
            CheckOrder(keyword, names, first);
            var fields = words.Skip(1).ToList();
            CheckDuplicates(fields, keyword);
            layers.Add(keyword switch
            {
                "eth" => Ethernet(fields),
                "vlan" => Vlan(fields),
                "arp" => Arp(fields),
                "ipv4" or "ip" => Ipv4(fields),
                "ipv6" => Ipv6(fields),
                "hbh" => HopByHop(fields),
                "dstopt" => DestinationOptions(fields),
                "routing" => Routing(fields),
                "frag" => Fragment(fields),
                "tcp" => Tcp(fields),
                "udp" => Udp(fields),
                "icmp" => Icmp(fields),
                "icmpv6" => Icmpv6(fields),
                _ => throw new CraftSyntaxException($"unknown layer '{keyword}'", first.Start + 1,
                    $"layers: {string.Join(' ', Keywords)}; a payload is 'text', \"text\" or hex:00ff"),
            });
            names.Add(keyword == "ip" ? "ipv4" : keyword);
        }
        return new CraftPacket(layers, payload);
    }

    private static void CheckOrder(string keyword, List<string> before, Word word)
    {
        string? previous = before.Count == 0 ? null : before[^1];
        bool afterIpv6 = previous is "ipv6" or "hbh" or "dstopt" or "routing" or "frag";
        bool afterIp = afterIpv6 || previous is "ipv4";
        string? problem = keyword switch
        {
            _ when previous is null && keyword is not ("eth" or "ipv4" or "ip" or "ipv6") && Keywords.Contains(keyword) =>
                "a packet starts with eth, ipv4 or ipv6",
            _ when previous is "tcp" or "udp" or "arp" => $"nothing but a payload can follow {previous}",
            "eth" when previous is not null => "eth must be the first layer",
            "vlan" or "arp" when previous is not ("eth" or "vlan") => $"{keyword} must follow eth or vlan",
            "ipv4" or "ip" or "ipv6" when previous is not (null or "eth" or "vlan" or "ipv4" or "ipv6" or "icmp" or "icmpv6") && !afterIpv6 =>
                $"{keyword} cannot follow {previous}",
            "hbh" or "dstopt" or "routing" or "frag" when !afterIpv6 => $"{keyword} must follow ipv6 or another IPv6 extension header",
            "tcp" or "udp" or "icmp" or "icmpv6" when !afterIp => $"{keyword} must follow ipv4, ipv6 or an IPv6 extension header",
            _ => null,
        };
        if (problem is not null)
            throw new CraftSyntaxException(problem, word.Start + 1);
    }

    private static void CheckDuplicates(List<Word> fields, string layer)
    {
        var seen = new HashSet<string>();
        foreach (var field in fields)
        {
            // Options a TCP header may carry several times keep their order and may repeat.
            if (layer == "tcp" && field.Key is "nop" or "eol" or "opt" or "sack")
                continue;
            if (!seen.Add(field.Key))
                throw new CraftSyntaxException($"field '{field.Key}' given twice in {layer}", field.Start + 1);
        }
    }

    private static EthernetSpec Ethernet(List<Word> fields)
    {
        var spec = new EthernetSpec { Source = DefaultSourceMac, Destination = DefaultDestinationMac };
        foreach (var f in fields)
        {
            spec = Key(f, "eth") switch
            {
                "src" => spec with { Source = Mac(f) },
                "dst" => spec with { Destination = Mac(f) },
                "type" => spec with { EtherType = (EtherType)Number(f, ushort.MaxValue) },
                _ => throw Unknown(f, "eth", "src dst type"),
            };
        }
        return spec;
    }

    private static VlanSpec Vlan(List<Word> fields)
    {
        var spec = new VlanSpec();
        foreach (var f in fields)
        {
            spec = Key(f, "vlan") switch
            {
                "id" or "vlan" => spec with { Id = (ushort)Number(f, 4095) },
                "prio" => spec with { Priority = (byte)Number(f, 7) },
                "dei" => spec with { DropEligible = Number(f, 1) == 1 },
                "type" => spec with { EtherType = (EtherType)Number(f, ushort.MaxValue) },
                _ => throw Unknown(f, "vlan", "id prio dei type"),
            };
        }
        return spec;
    }

    private static ArpSpec Arp(List<Word> fields)
    {
        var spec = new ArpSpec
        {
            SenderHardwareAddress = DefaultSourceMac,
            SenderProtocolAddress = DefaultSourceIpv4,
            TargetHardwareAddress = PhysicalAddress.Parse("00-00-00-00-00-00"),
            TargetProtocolAddress = DefaultDestinationIpv4,
        };
        foreach (var f in fields)
        {
            spec = Key(f, "arp") switch
            {
                "op" => spec with { Operation = (ArpOperation)Named(f, ushort.MaxValue, ("request", 1), ("who-has", 1), ("reply", 2), ("is-at", 2)) },
                "psrc" => spec with { SenderProtocolAddress = Address(f, AddressFamily.InterNetwork) },
                "pdst" => spec with { TargetProtocolAddress = Address(f, AddressFamily.InterNetwork) },
                "hwsrc" => spec with { SenderHardwareAddress = Mac(f) },
                "hwdst" => spec with { TargetHardwareAddress = Mac(f) },
                _ => throw Unknown(f, "arp", "op psrc pdst hwsrc hwdst"),
            };
        }
        return spec;
    }

    private static Ipv4Spec Ipv4(List<Word> fields)
    {
        var spec = new Ipv4Spec { Source = DefaultSourceIpv4, Destination = DefaultDestinationIpv4, Identification = 1 };
        foreach (var f in fields)
        {
            spec = Key(f, "ipv4") switch
            {
                "src" => spec with { Source = Address(f, AddressFamily.InterNetwork) },
                "dst" => spec with { Destination = Address(f, AddressFamily.InterNetwork) },
                "ttl" => spec with { TimeToLive = (byte)Number(f, byte.MaxValue) },
                "id" => spec with { Identification = (ushort)Number(f, ushort.MaxValue) },
                "tos" => spec with { DifferentiatedServices = (byte)Number(f, byte.MaxValue) },
                "flags" => spec with { Flags = Ipv4Flags(f) },
                "frag" => spec with { FragmentOffset = (ushort)Number(f, 0x1FFF) },
                "proto" => spec with { Protocol = (IpProtocol)Protocol(f) },
                "len" => spec with { TotalLength = (ushort)Number(f, ushort.MaxValue) },
                "chksum" => spec with { Checksum = (ushort)Number(f, ushort.MaxValue) },
                "ihl" => spec with { HeaderLengthWords = (byte)Number(f, 15) },
                "version" => spec with { Version = (byte)Number(f, 15) },
                "options" => spec with { Options = Hex(f, f.Value, f.ValueStart, 40) },
                _ => throw Unknown(f, "ipv4", "src dst ttl id tos flags frag proto len chksum ihl version options"),
            };
        }
        return spec;
    }

    private static Ipv6Spec Ipv6(List<Word> fields)
    {
        var spec = new Ipv6Spec { Source = DefaultSourceIpv6, Destination = DefaultDestinationIpv6 };
        foreach (var f in fields)
        {
            spec = Key(f, "ipv6") switch
            {
                "src" => spec with { Source = Address(f, AddressFamily.InterNetworkV6) },
                "dst" => spec with { Destination = Address(f, AddressFamily.InterNetworkV6) },
                "hlim" => spec with { HopLimit = (byte)Number(f, byte.MaxValue) },
                "tc" => spec with { TrafficClass = (byte)Number(f, byte.MaxValue) },
                "fl" => spec with { FlowLabel = (int)Number(f, 0xFFFFF) },
                "nh" => spec with { NextHeader = (IpProtocol)Protocol(f) },
                "plen" => spec with { PayloadLength = (ushort)Number(f, ushort.MaxValue) },
                _ => throw Unknown(f, "ipv6", "src dst hlim tc fl nh plen"),
            };
        }
        return spec;
    }

    private static Ipv6HopByHopSpec HopByHop(List<Word> fields)
    {
        var spec = new Ipv6HopByHopSpec();
        foreach (var f in fields)
        {
            spec = Key(f, "hbh") switch
            {
                "nh" => spec with { NextHeader = (IpProtocol)Protocol(f) },
                "options" => spec with { Options = Hex(f, f.Value, f.ValueStart, 2046) },
                _ => throw Unknown(f, "hbh", "nh options"),
            };
        }
        return spec;
    }

    private static Ipv6DestinationOptionsSpec DestinationOptions(List<Word> fields)
    {
        var spec = new Ipv6DestinationOptionsSpec();
        foreach (var f in fields)
        {
            spec = Key(f, "dstopt") switch
            {
                "nh" => spec with { NextHeader = (IpProtocol)Protocol(f) },
                "options" => spec with { Options = Hex(f, f.Value, f.ValueStart, 2046) },
                _ => throw Unknown(f, "dstopt", "nh options"),
            };
        }
        return spec;
    }

    private static Ipv6RoutingSpec Routing(List<Word> fields)
    {
        var spec = new Ipv6RoutingSpec();
        foreach (var f in fields)
        {
            spec = Key(f, "routing") switch
            {
                "nh" => spec with { NextHeader = (IpProtocol)Protocol(f) },
                "type" => spec with { RoutingType = (byte)Number(f, byte.MaxValue) },
                "segleft" => spec with { SegmentsLeft = (byte)Number(f, byte.MaxValue) },
                "addrs" => spec with { Addresses = f.Value.Split(',').Select((a, i) => Address(f, a, f.ValueStart + Offset(f.Value, ',', i), AddressFamily.InterNetworkV6)).ToArray() },
                _ => throw Unknown(f, "routing", "nh type segleft addrs"),
            };
        }
        return spec;
    }

    private static Ipv6FragmentSpec Fragment(List<Word> fields)
    {
        var spec = new Ipv6FragmentSpec();
        foreach (var f in fields)
        {
            spec = Key(f, "frag") switch
            {
                "nh" => spec with { NextHeader = (IpProtocol)Protocol(f) },
                "offset" => spec with { FragmentOffset = (ushort)Number(f, 0x1FFF) },
                "id" => spec with { Identification = (uint)Number(f, uint.MaxValue) },
                "m" => spec with { MoreFragments = Number(f, 1) == 1 },
                _ => throw Unknown(f, "frag", "nh offset id m"),
            };
        }
        return spec;
    }

    private static TcpSpec Tcp(List<Word> fields)
    {
        var spec = new TcpSpec { SourcePort = 20, DestinationPort = 80 };
        var options = new List<TcpOptionSpec>();
        foreach (var f in fields)
        {
            switch (f.Key)
            {
                case "nop" or "eol" or "sackok":
                    if (f.HasValue)
                        throw new CraftSyntaxException($"'{f.Key}' takes no value", f.Start + 1);
                    options.Add(f.Key switch
                    {
                        "nop" => TcpOptionSpec.NoOperation,
                        "eol" => TcpOptionSpec.EndOfOptionList,
                        _ => TcpOptionSpec.SackPermitted,
                    });
                    continue;
                case "mss":
                    options.Add(TcpOptionSpec.MaximumSegmentSize((ushort)Number(f, ushort.MaxValue)));
                    continue;
                case "wscale":
                    options.Add(TcpOptionSpec.WindowScale((byte)Number(f, byte.MaxValue)));
                    continue;
                case "ts":
                    var ts = Pair(f, ',');
                    options.Add(TcpOptionSpec.Timestamps(ts.First, ts.Second));
                    continue;
                case "sack":
                    var edges = f.Value.Split(',');
                    if (edges.Length > 4)
                        throw new CraftSyntaxException("a SACK option holds at most 4 blocks", f.ValueStart + 1);
                    var blocks = edges.Select((e, i) => Pair(f, e, f.ValueStart + Offset(f.Value, ',', i), '-')).ToArray();
                    options.Add(TcpOptionSpec.Sack(blocks));
                    continue;
                case "opt":
                    int colon = f.Value.IndexOf(':');
                    if (colon < 0)
                        throw new CraftSyntaxException("expected opt=KIND:HEX, e.g. opt=254:0102", f.ValueStart + 1);
                    byte kind = (byte)Number(f, f.Value[..colon], f.ValueStart, byte.MaxValue);
                    options.Add(TcpOptionSpec.Raw(kind, Hex(f, f.Value[(colon + 1)..], f.ValueStart + colon + 1, 38)));
                    continue;
            }
            spec = Key(f, "tcp") switch
            {
                "sport" => spec with { SourcePort = (ushort)Number(f, ushort.MaxValue) },
                "dport" => spec with { DestinationPort = (ushort)Number(f, ushort.MaxValue) },
                "seq" => spec with { SequenceNumber = (uint)Number(f, uint.MaxValue) },
                "ack" => spec with { AcknowledgmentNumber = (uint)Number(f, uint.MaxValue) },
                "flags" => spec with { Flags = TcpFlagLetters(f) },
                "window" => spec with { Window = (ushort)Number(f, ushort.MaxValue) },
                "urgptr" => spec with { UrgentPointer = (ushort)Number(f, ushort.MaxValue) },
                "dataofs" => spec with { DataOffsetWords = (byte)Number(f, 15) },
                "chksum" => spec with { Checksum = (ushort)Number(f, ushort.MaxValue) },
                _ => throw Unknown(f, "tcp", "sport dport seq ack flags window urgptr dataofs chksum mss wscale sackok ts sack nop eol opt"),
            };
        }
        if (options.Sum(o => o.Bytes.Length) > 40)
            throw new CraftSyntaxException("TCP options exceed 40 bytes", fields.Last().Start + 1);
        return spec with { Options = options };
    }

    private static UdpSpec Udp(List<Word> fields)
    {
        var spec = new UdpSpec { SourcePort = 53, DestinationPort = 53 };
        foreach (var f in fields)
        {
            spec = Key(f, "udp") switch
            {
                "sport" => spec with { SourcePort = (ushort)Number(f, ushort.MaxValue) },
                "dport" => spec with { DestinationPort = (ushort)Number(f, ushort.MaxValue) },
                "len" => spec with { Length = (ushort)Number(f, ushort.MaxValue) },
                "chksum" => spec with { Checksum = (ushort)Number(f, ushort.MaxValue) },
                _ => throw Unknown(f, "udp", "sport dport len chksum"),
            };
        }
        return spec;
    }

    private static IcmpSpec Icmp(List<Word> fields)
    {
        var spec = new IcmpSpec();
        uint id = 0, seq = 0;
        foreach (var f in fields)
        {
            switch (Key(f, "icmp"))
            {
                case "type":
                    spec = spec with
                    {
                        Type = (byte)Named(f, byte.MaxValue, ("echo-reply", 0), ("dest-unreach", 3), ("echo-request", 8), ("time-exceeded", 11), ("param-problem", 12)),
                    };
                    break;
                case "code": spec = spec with { Code = (byte)Number(f, byte.MaxValue) }; break;
                case "chksum": spec = spec with { Checksum = (ushort)Number(f, ushort.MaxValue) }; break;
                case "id": id = (uint)Number(f, ushort.MaxValue); break;
                case "seq" or "mtu": seq = (uint)Number(f, ushort.MaxValue); break;
                default: throw Unknown(f, "icmp", "type code id seq mtu chksum");
            }
        }
        return spec with { RestOfHeader = id << 16 | seq };
    }

    private static Icmpv6Spec Icmpv6(List<Word> fields)
    {
        var spec = new Icmpv6Spec();
        uint id = 0, seq = 0;
        uint? mtu = null;
        foreach (var f in fields)
        {
            switch (Key(f, "icmpv6"))
            {
                case "type":
                    spec = spec with
                    {
                        Type = (byte)Named(f, byte.MaxValue, ("dest-unreach", 1), ("packet-too-big", 2), ("time-exceeded", 3), ("param-problem", 4),
                            ("echo-request", 128), ("echo-reply", 129)),
                    };
                    break;
                case "code": spec = spec with { Code = (byte)Number(f, byte.MaxValue) }; break;
                case "chksum": spec = spec with { Checksum = (ushort)Number(f, ushort.MaxValue) }; break;
                case "id": id = (uint)Number(f, ushort.MaxValue); break;
                case "seq": seq = (uint)Number(f, ushort.MaxValue); break;
                case "mtu": mtu = (uint)Number(f, uint.MaxValue); break;
                default: throw Unknown(f, "icmpv6", "type code id seq mtu chksum");
            }
        }
        return spec with { RestOfHeader = mtu ?? (id << 16 | seq) };
    }

    private static string Key(Word f, string layer)
    {
        if (!f.HasValue)
        {
            throw new CraftSyntaxException(f.Text.Length > 0 && (IsPayload(f.Text))
                ? $"a payload is a layer of its own: put '/' before it"
                : $"expected FIELD=VALUE in {layer}, got '{f.Text}'", f.Start + 1);
        }
        if (f.Value.Length == 0)
            throw new CraftSyntaxException($"field '{f.Key}' in {layer} has no value", f.ValueStart + 1);
        return f.Key;
    }

    private static CraftSyntaxException Unknown(Word f, string layer, string known) =>
        new($"unknown field '{f.Key}' in {layer}", f.Start + 1, $"{layer} fields: {known}");

    private static int Offset(string value, char separator, int index)
    {
        int at = 0;
        for (int i = 0; i < index; i++)
            at = value.IndexOf(separator, at) + 1;
        return at;
    }

    private static ulong Number(Word f, ulong max) => Number(f, f.Value, f.ValueStart, max);

    private static ulong Number(Word f, string text, int start, ulong max)
    {
        bool ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (!ok)
            throw new CraftSyntaxException($"'{text}' is not a number (for {f.Key})", start + 1);
        if (value > max)
            throw new CraftSyntaxException($"{f.Key}={text} is out of range (0-{max})", start + 1);
        return value;
    }

    private static ulong Named(Word f, ulong max, params (string Name, ulong Value)[] names)
    {
        foreach (var (name, value) in names)
        {
            if (string.Equals(f.Value, name, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        if (f.Value.Length > 0 && !char.IsAsciiDigit(f.Value[0]))
            throw new CraftSyntaxException($"unknown {f.Key} '{f.Value}'", f.ValueStart + 1, $"{f.Key} is a number or one of {string.Join(" ", names.Select(n => n.Name))}");
        return Number(f, max);
    }

    private static byte Protocol(Word f) => (byte)Named(f, byte.MaxValue, ("hopopt", 0), ("icmp", 1), ("tcp", 6), ("udp", 17), ("ipv6", 41),
        ("routing", 43), ("frag", 44), ("icmpv6", 58), ("none", 59), ("dstopt", 60));

    private static (uint First, uint Second) Pair(Word f, char separator) => Pair(f, f.Value, f.ValueStart, separator);

    private static (uint First, uint Second) Pair(Word f, string text, int start, char separator)
    {
        int at = text.IndexOf(separator);
        if (at < 0)
            throw new CraftSyntaxException($"expected two numbers separated by '{separator}' for {f.Key}", start + 1);
        return ((uint)Number(f, text[..at], start, uint.MaxValue), (uint)Number(f, text[(at + 1)..], start + at + 1, uint.MaxValue));
    }

    private static ushort Ipv4Flags(Word f)
    {
        if (f.Value.Length > 0 && char.IsAsciiDigit(f.Value[0]))
            return (ushort)(Number(f, 7) << 13);
        ushort flags = 0;
        foreach (var name in f.Value.Split('|', '+', ','))
        {
            flags |= name.ToUpperInvariant() switch
            {
                "DF" => Ipv4Header.DontFragment,
                "MF" => Ipv4Header.MoreFragments,
                "RB" or "EVIL" => Ipv4Header.ReservedFlag,
                _ => throw new CraftSyntaxException($"unknown IPv4 flag '{name}'", f.ValueStart + 1, "IPv4 flags are DF, MF and RB, joined with '|' (e.g. flags=DF|MF), or a number"),
            };
        }
        return flags;
    }

    private static TcpFlags TcpFlagLetters(Word f)
    {
        if (char.IsAsciiDigit(f.Value[0]))
            return (TcpFlags)Number(f, 0xFFF);
        var flags = TcpFlags.None;
        for (int i = 0; i < f.Value.Length; i++)
        {
            flags |= char.ToUpperInvariant(f.Value[i]) switch
            {
                'F' => TcpFlags.Fin,
                'S' => TcpFlags.Syn,
                'R' => TcpFlags.Rst,
                'P' => TcpFlags.Psh,
                'A' => TcpFlags.Ack,
                'U' => TcpFlags.Urg,
                'E' => TcpFlags.Ece,
                'C' => TcpFlags.Cwr,
                'N' => TcpFlags.Ae,
                '.' => TcpFlags.None,
                _ => throw new CraftSyntaxException($"unknown TCP flag '{f.Value[i]}'", f.ValueStart + i + 1, "TCP flags are letters of FSRPAUECN (e.g. flags=SA), or a number"),
            };
        }
        return flags;
    }

    private static PhysicalAddress Mac(Word f)
    {
        var parts = f.Value.Split(':', '-');
        var bytes = new byte[6];
        bool ok = parts.Length == 6;
        for (int i = 0; ok && i < 6; i++)
            ok = parts[i].Length is 1 or 2 && byte.TryParse(parts[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]);
        if (!ok)
            throw new CraftSyntaxException($"'{f.Value}' is not a MAC address (like 02:00:00:00:00:01)", f.ValueStart + 1);
        return new PhysicalAddress(bytes);
    }

    private static IPAddress Address(Word f, AddressFamily family) => Address(f, f.Value, f.ValueStart, family);

    private static IPAddress Address(Word f, string text, int start, AddressFamily family)
    {
        if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != family
            || family == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3)
        {
            throw new CraftSyntaxException($"'{text}' is not an {(family == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address (for {f.Key})", start + 1);
        }
        return address;
    }

    private static byte[] Hex(Word f, string text, int start, int maxBytes)
    {
        if (text.StartsWith("hex:", StringComparison.Ordinal))
        {
            text = text[4..];
            start += 4;
        }
        if (text.Length % 2 != 0)
            throw new CraftSyntaxException($"odd number of hex digits for {f.Key}", start + 1);
        var bytes = new byte[text.Length / 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            if (!byte.TryParse(text.AsSpan(2 * i, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
                throw new CraftSyntaxException($"'{text.Substring(2 * i, 2)}' is not a hex byte (for {f.Key})", start + 2 * i + 1);
        }
        if (bytes.Length > maxBytes)
            throw new CraftSyntaxException($"{f.Key} is {bytes.Length} bytes, at most {maxBytes} fit", start + 1);
        return bytes;
    }

    private static bool IsPayload(string word) => word.StartsWith('\'') || word.StartsWith('"') || word.StartsWith("hex:", StringComparison.Ordinal);

    private static byte[] ParsePayload(Word word)
    {
        string text = word.Text;
        if (text.StartsWith("hex:", StringComparison.Ordinal))
            return Hex(word with { Text = "payload" }, text, word.Start, 65535);
        char quote = text[0];
        if (text.Length < 2 || text[^1] != quote)
            throw new CraftSyntaxException($"unterminated {quote}...{quote} payload", word.Start + 1);
        var bytes = new List<byte>();
        var body = text[1..^1];
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c != '\\')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }
            int column = word.Start + 2 + i;
            if (++i >= body.Length)
                throw new CraftSyntaxException("a '\\' at the end of the payload", column);
            switch (body[i])
            {
                case 'n': bytes.Add((byte)'\n'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case '0': bytes.Add(0); break;
                case '\\' or '\'' or '"': bytes.Add((byte)body[i]); break;
                case 'x' when i + 2 < body.Length + 0 && byte.TryParse(body.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte b):
                    bytes.Add(b);
                    i += 2;
                    break;
                default:
                    throw new CraftSyntaxException($"unknown escape '\\{body[i]}' (\\n \\r \\t \\0 \\\\ \\' \\\" \\xHH)", column);
            }
        }
        return bytes.ToArray();
    }

    private sealed record Segment(int Start, List<Word> Words);

    /// <summary>Splits on '/' and whitespace outside quotes, remembering where each word starts.</summary>
    private static List<Segment> Split(string text)
    {
        var segments = new List<Segment> { new(0, []) };
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '/')
            {
                segments.Add(new Segment(i + 1, []));
                i++;
                continue;
            }
            int start = i;
            char quote = '\0';
            while (i < text.Length)
            {
                c = text[i];
                if (quote != '\0')
                {
                    if (c == '\\')
                        i++;
                    else if (c == quote)
                        quote = '\0';
                }
                else if (c is '\'' or '"')
                    quote = c;
                else if (char.IsWhiteSpace(c) || c == '/')
                    break;
                i++;
            }
            if (quote != '\0')
                throw new CraftSyntaxException($"unterminated {quote}...{quote}", start + 1);
            segments[^1].Words.Add(new Word(text[start..Math.Min(i, text.Length)], start));
        }
        return segments;
    }
}
