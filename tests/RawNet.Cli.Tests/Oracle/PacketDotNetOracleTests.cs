using System.Globalization;
using System.Net.NetworkInformation;
using PacketDotNet;
using RawNet.Files;
using RawNet.Output;
using RawNet.Output.Fields;
using RawNet.Protocols.Decoding;
using RawNet.Testing;
using Xunit;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// A second decoder as an oracle (issue 13): PacketDotNet 1.4.8 parses every frame of every capture the tests use (the
/// bundled ones, also in subfolders, and the peer corpus); for each field both decoders give a value for, the values
/// must be equal. Where PacketDotNet throws, on the frame or on one property, it abstains: those are counted, not failed.
/// The first occurrence of a field is compared (PacketDotNet's layers are the outermost ones).
/// </summary>
public sealed class PacketDotNetOracleTests(ITestOutputHelper output)
{
    /// <summary>Our field, and how PacketDotNet gives it: a number or a text, or null when its packet lacks that layer.</summary>
    private static readonly (string Field, Func<Packet, object?> Theirs)[] Fields =
    [
        ("eth.src", p => Mac(p.Extract<EthernetPacket>()?.SourceHardwareAddress)),
        ("eth.dst", p => Mac(p.Extract<EthernetPacket>()?.DestinationHardwareAddress)),
        // PacketDotNet gives an 802.3 frame's length as its Type; below 0x0600 it is no EtherType (ours is eth.len there,
        // and the first eth.type an inner frame's, bridged behind LLC).
        ("eth.type", p => p.Extract<EthernetPacket>()?.Type is { } type && (ushort)type >= 0x0600 ? (ulong?)(ushort)type : null),
        ("vlan.id", p => (ulong?)Tag(p, EthernetType.VLanTaggedFrame)?.VlanIdentifier),
        ("vlan.priority", p => (ulong?)(int?)Tag(p, EthernetType.VLanTaggedFrame)?.PriorityControlPoint),
        ("ieee8021ad.id", p => (ulong?)Tag(p, EthernetType.ProviderBridging)?.VlanIdentifier),
        ("ieee8021ad.priority", p => (ulong?)(int?)Tag(p, EthernetType.ProviderBridging)?.PriorityControlPoint),
        ("arp.opcode", p => (ulong?)(int?)p.Extract<ArpPacket>()?.Operation),
        ("arp.src.hw_mac", p => Mac(p.Extract<ArpPacket>()?.SenderHardwareAddress)),
        ("arp.src.proto_ipv4", p => p.Extract<ArpPacket>()?.SenderProtocolAddress?.ToString()),
        ("arp.dst.hw_mac", p => Mac(p.Extract<ArpPacket>()?.TargetHardwareAddress)),
        ("arp.dst.proto_ipv4", p => p.Extract<ArpPacket>()?.TargetProtocolAddress?.ToString()),
        ("ip.version", p => (ulong?)(int?)p.Extract<IPv4Packet>()?.Version),
        ("ip.hdr_len", p => (ulong?)(p.Extract<IPv4Packet>()?.HeaderLength * 4)),
        ("ip.dsfield", p => (ulong?)p.Extract<IPv4Packet>()?.DifferentiatedServices),
        ("ip.len", p => (ulong?)p.Extract<IPv4Packet>()?.TotalLength),
        ("ip.id", p => (ulong?)p.Extract<IPv4Packet>()?.Id),
        ("ip.ttl", p => (ulong?)p.Extract<IPv4Packet>()?.TimeToLive),
        ("ip.proto", p => (ulong?)(int?)p.Extract<IPv4Packet>()?.Protocol),
        ("ip.checksum", p => (ulong?)p.Extract<IPv4Packet>()?.Checksum),
        ("ip.src", p => p.Extract<IPv4Packet>()?.SourceAddress?.ToString()),
        ("ip.dst", p => p.Extract<IPv4Packet>()?.DestinationAddress?.ToString()),
        ("ipv6.tclass", p => (ulong?)p.Extract<IPv6Packet>()?.TrafficClass),
        ("ipv6.flow", p => (ulong?)p.Extract<IPv6Packet>()?.FlowLabel),
        ("ipv6.plen", p => (ulong?)p.Extract<IPv6Packet>()?.PayloadLength),
        ("ipv6.nxt", p => (ulong?)(int?)p.Extract<IPv6Packet>()?.NextHeader),
        ("ipv6.hlim", p => (ulong?)p.Extract<IPv6Packet>()?.HopLimit),
        ("ipv6.src", p => p.Extract<IPv6Packet>()?.SourceAddress?.ToString()),
        ("ipv6.dst", p => p.Extract<IPv6Packet>()?.DestinationAddress?.ToString()),
        ("tcp.srcport", p => (ulong?)p.Extract<TcpPacket>()?.SourcePort),
        ("tcp.dstport", p => (ulong?)p.Extract<TcpPacket>()?.DestinationPort),
        ("tcp.seq_raw", p => (ulong?)p.Extract<TcpPacket>()?.SequenceNumber),
        ("tcp.ack_raw", p => (ulong?)p.Extract<TcpPacket>()?.AcknowledgmentNumber),
        ("tcp.hdr_len", p => (ulong?)(p.Extract<TcpPacket>()?.DataOffset * 4)),
        ("tcp.flags", p => (ulong?)p.Extract<TcpPacket>()?.Flags),
        ("tcp.window_size_value", p => (ulong?)p.Extract<TcpPacket>()?.WindowSize),
        ("tcp.checksum", p => (ulong?)p.Extract<TcpPacket>()?.Checksum),
        ("tcp.urgent_pointer", p => (ulong?)p.Extract<TcpPacket>()?.UrgentPointer),
        ("udp.srcport", p => (ulong?)p.Extract<UdpPacket>()?.SourcePort),
        ("udp.dstport", p => (ulong?)p.Extract<UdpPacket>()?.DestinationPort),
        ("udp.length", p => (ulong?)p.Extract<UdpPacket>()?.Length),
        ("udp.checksum", p => (ulong?)p.Extract<UdpPacket>()?.Checksum),
        ("icmp.type", p => (ulong?)((int?)p.Extract<IcmpV4Packet>()?.TypeCode >> 8)),
        ("icmp.code", p => (ulong?)((int?)p.Extract<IcmpV4Packet>()?.TypeCode & 0xFF)),
        ("icmp.checksum", p => (ulong?)p.Extract<IcmpV4Packet>()?.Checksum),
        // PacketDotNet reads bytes 4 to 7 as an identifier and sequence number whatever the type; they are only the
        // query messages' (an error's first occurrence is the quoted echo's, in RawNet and tshark).
        ("icmp.ident", p => p.Extract<IcmpV4Packet>() is { } icmp && IcmpHasIdent(icmp) ? (ulong?)icmp.Id : null),
        ("icmp.seq", p => p.Extract<IcmpV4Packet>() is { } icmp && IcmpHasIdent(icmp) ? (ulong?)icmp.Sequence : null),
        ("icmpv6.type", p => (ulong?)(int?)p.Extract<IcmpV6Packet>()?.Type),
        ("icmpv6.code", p => (ulong?)p.Extract<IcmpV6Packet>()?.Code),
        ("icmpv6.checksum", p => (ulong?)p.Extract<IcmpV6Packet>()?.Checksum),
    ];

    /// <summary>ICMP's query messages, which carry an identifier and a sequence number: echo, timestamp, information and address mask.</summary>
    private static bool IcmpHasIdent(IcmpV4Packet icmp) => ((int)icmp.TypeCode >> 8) is 0 or 8 or (>= 13 and <= 18);

    /// <summary>
    /// The first tag that follows the EtherType <paramref name="type"/>: PacketDotNet reads an 802.1ad service tag
    /// (0x88a8) as one more 802.1Q tag, where Wireshark and RawNet give it the ieee8021ad fields and keep vlan.* for 0x8100.
    /// </summary>
    private static Ieee8021QPacket? Tag(Packet packet, EthernetType type)
    {
        EthernetType before = default;
        for (var layer = packet; layer is not null; layer = layer.PayloadPacket)
        {
            if (layer is Ieee8021QPacket tag && before == type)
                return tag;
            if (layer is EthernetPacket ethernet)
                before = ethernet.Type;
            else if (layer is Ieee8021QPacket inner)
                before = inner.Type;
        }
        return null;
    }

    private static string? Mac(PhysicalAddress? address) =>
        address is null ? null : string.Join(':', address.GetAddressBytes().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    /// <summary>Every capture the tests read: the bundled ones (subfolders too) and the peer corpus.</summary>
    private static IEnumerable<string> Captures() =>
        Directory.GetFiles(TestPaths.Captures, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".pcap", StringComparison.Ordinal) || f.EndsWith(".pcapng", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Concat(TestPaths.PeerCorpusFiles());

    private sealed class Tally
    {
        public long Compared, Abstained, OursOnly, TheirsOnly;
    }

    [Fact]
    public void Every_field_both_decoders_give_agrees()
    {
        Assert.True(FieldSelection.TryCreate([.. Fields.Select(f => f.Field), CurrentRoute], out var selection, out var unknown), $"unknown field {unknown}");
        var decoder = new PacketDecoder(new DecoderOptions(Defragment: false));
        var packet = new DecodedPacket();
        var text = new TextLine();
        var tallies = Fields.Select(_ => new Tally()).ToArray();
        var disagreements = new List<string>();
        var onlyTheirs = new List<string>();
        long frames = 0, parsed = 0, refused = 0, unreadable = 0;
        foreach (var path in Captures())
        {
            CaptureFileReader reader;
            try
            {
                reader = CaptureFileReader.Open(path);
            }
            catch (Exception e) when (e is CaptureFileException or IOException)
            {
                unreadable++;   // the deliberately damaged captures
                continue;
            }
            using (reader)
            {
                int number = 0;
                while (true)
                {
                    CapturedFrame frame;
                    try
                    {
                        if (!reader.TryReadNext(out frame))
                            break;
                    }
                    catch (CaptureFileException)
                    {
                        break;
                    }
                    number++;
                    frames++;
                    if (!Enum.TryParse<LinkLayers>(frame.Metadata.LinkType.ToString(), ignoreCase: true, out var link))
                        continue;
                    var bytes = frame.Data.ToArray();
                    Packet theirs;
                    try
                    {
                        theirs = Packet.ParsePacket(link, bytes);
                    }
#pragma warning disable CA1031 // any exception of the other decoder is its abstention
                    catch (Exception)
#pragma warning restore CA1031
                    {
                        refused++;
                        continue;
                    }
                    // PacketDotNet's GRE skips only the checksum, key and sequence words: behind RFC 1701's routing
                    // (its offset word and source route entries) it reads the carried packet at the wrong place.
                    if (GreRoutingPresent(bytes, theirs))
                    {
                        refused++;
                        continue;
                    }
                    parsed++;
                    decoder.Decode(bytes, frame.Metadata, number, packet);
                    for (int i = 0; i < Fields.Length; i++)
                    {
                        text.Clear();
                        FieldsPrinter.AppendValue(selection, i, text, packet, bytes);
                        string ours = FirstOccurrence(text.Text);
                        if (Fields[i].Field == "ip.dst")
                        {
                            // PacketDotNet's destination is the header's field, which tshark (and we) call the current
                            // route where a source route names the final destination.
                            text.Clear();
                            FieldsPrinter.AppendValue(selection, Fields.Length, text, packet, bytes);
                            if (text.Text.Length > 0)
                                ours = FirstOccurrence(text.Text);
                        }
                        object? value;
                        try
                        {
                            value = Fields[i].Theirs(theirs);
                        }
#pragma warning disable CA1031
                        catch (Exception)
#pragma warning restore CA1031
                        {
                            tallies[i].Abstained++;
                            continue;
                        }
                        if (value is null || ours.Length == 0)
                        {
                            if (value is null && ours.Length > 0)
                                tallies[i].OursOnly++;
                            else if (value is not null && ours.Length == 0 && ++tallies[i].TheirsOnly <= 2)
                                onlyTheirs.Add($"{Path.GetFileName(path)} frame {number}: {Fields[i].Field} only PacketDotNet: {Show(value)}");
                            continue;
                        }
                        tallies[i].Compared++;
                        if (!Agree(ours, value))
                            disagreements.Add($"{Path.GetFileName(path)} frame {number}: {Fields[i].Field} ours {ours}, PacketDotNet {Show(value)}");
                    }
                }
            }
        }
        output.WriteLine($"{frames:N0} frames; PacketDotNet parsed {parsed:N0}, threw on {refused:N0}; {unreadable} captures unreadable (damaged on purpose)");
        for (int i = 0; i < Fields.Length; i++)
        {
            var t = tallies[i];
            output.WriteLine($"{Fields[i].Field,-22} compared {t.Compared,8:N0}  abstained {t.Abstained,6:N0}  only ours {t.OursOnly,6:N0}  only theirs {t.TheirsOnly,6:N0}");
        }
        foreach (var line in disagreements.Take(50).Concat(onlyTheirs))
            output.WriteLine(line);
        // The bundled and peer captures hold some 5,000 frames, nearly all Ethernet.
        Assert.True(parsed > 4_000, $"only {parsed} frames parsed");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements, first: {string.Join(" | ", disagreements.Take(10))}");
    }

    private const string CurrentRoute = "ip.cur_rt";

    /// <summary>Whether PacketDotNet found a GRE header with the routing bit set (or throws while looking: an abstention too).</summary>
    private static bool GreRoutingPresent(byte[] frame, Packet packet)
    {
        try
        {
            return packet.Extract<GrePacket>() is { } gre && gre.BytesSegment.Offset < frame.Length && (frame[gre.BytesSegment.Offset] & 0x40) != 0;
        }
#pragma warning disable CA1031 // any exception of the other decoder is its abstention
        catch (Exception)
#pragma warning restore CA1031
        {
            return true;
        }
    }

    private static string FirstOccurrence(ReadOnlySpan<char> value)
    {
        int comma = value.IndexOf(',');
        return (comma < 0 ? value : value[..comma]).ToString();
    }

    private static bool Agree(string ours, object theirs) => theirs switch
    {
        ulong number => TryNumber(ours, out ulong mine) && mine == number,
        // .NET writes an ISATAP address's last 32 bits dotted (fe80::5efe:192.0.2.1), tshark and RawNet in hex: the same address.
        string address => string.Equals(ours, address, StringComparison.OrdinalIgnoreCase)
            || System.Net.IPAddress.TryParse(ours, out var mine) && System.Net.IPAddress.TryParse(address, out var their) && mine.Equals(their),
        _ => false,
    };

    private static bool TryNumber(string text, out ulong number) =>
        text.StartsWith("0x", StringComparison.Ordinal)
            ? ulong.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out number)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);

    private static string Show(object value) => value is ulong n ? $"{n} (0x{n:x})" : value.ToString()!;
}
