using RawNet.Files;
using RawNet.Output;
using RawNet.Output.Columns;
using RawNet.Protocols;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tcp;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Columns;

/// <summary>
/// The Info and Protocol columns on the cases that are easy to get wrong; every expected text is what tshark 4.0.17 prints
/// for the same bytes (the oracle test checks them all again against tshark itself).
/// </summary>
public sealed class InfoColumnTests
{
    private sealed record Shown(string Protocol, string Info, string? ColoringRule);

    /// <summary>Crafts each expression, decodes and analyses them in order, cutting frame <paramref name="cut"/> to that many bytes.</summary>
    private static Shown[] Show(string[] expressions, int cutFrame = -1, int cut = 0, bool snaplen = true, Action<DecodedPacket>? edit = null)
    {
        var tracker = new ConversationTracker();
        var decoder = new PacketDecoder();
        var packet = new DecodedPacket();
        var line = new TextLine();
        var shown = new Shown[expressions.Length];
        for (int i = 0; i < expressions.Length; i++)
        {
            Assert.True(CraftExpression.TryParse(expressions[i], out var craft, out var error), $"{expressions[i]}: {error}");
            byte[] frame = craft.Build().ToArray();
            int wire = frame.Length;
            if (i == cutFrame)
            {
                frame = frame[..cut];
                wire = snaplen ? wire : cut;
            }
            var metadata = new FrameMetadata(1_700_000_000_000_000_000 + i * 1_000_000L, frame.Length, wire, craft.LinkType);
            decoder.Decode(frame, metadata, i + 1, packet);
            tracker.Analyze(packet, frame);
            edit?.Invoke(packet);
            line.Clear();
            InfoColumn.Append(line, packet, frame);
            shown[i] = new Shown(ProtocolColumn.Of(packet, frame), line.Text.ToString(), ColoringRules.Match(packet, frame)?.Name);
        }
        return shown;
    }

    private static Shown One(string expression, int cut = 0, bool snaplen = true, Action<DecodedPacket>? edit = null) =>
        Show([expression], cut > 0 ? 0 : -1, cut, snaplen, edit)[0];

    /// <summary>Decodes an Ethernet frame of raw bytes, of which the capture kept <paramref name="kept"/> (all when 0).</summary>
    private static Shown Raw(byte[] frame, int kept = 0)
    {
        var bytes = kept > 0 ? frame[..kept] : frame;
        var packet = new DecodedPacket();
        new PacketDecoder().Decode(bytes, new FrameMetadata(1_700_000_000_000_000_000, bytes.Length, frame.Length, LinkType.Ethernet), 1, packet);
        var line = new TextLine();
        InfoColumn.Append(line, packet, bytes);
        return new Shown(ProtocolColumn.Of(packet, bytes), line.Text.ToString(), null);
    }

    /// <summary>An 802.3 frame carrying <paramref name="llc"/> (hex), its length field <paramref name="length"/> or the LLC's, padded to 60 bytes.</summary>
    private static byte[] Dot3(string llc, int length = -1)
    {
        var payload = Convert.FromHexString(llc.Replace(" ", ""));
        var frame = new byte[Math.Max(60, 14 + payload.Length)];
        Convert.FromHexString("020000000002020000000001").CopyTo(frame, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), (ushort)(length >= 0 ? length : payload.Length));
        payload.CopyTo(frame, 14);
        return frame;
    }

    [Fact]
    public void Llc_shows_a_basic_format_xid_as_xid_and_its_own_text()
    {
        Assert.Equal(new Shown("XID", "Basic Format; Type 1 and Type 2 LLCs (Class II LLC); Window Size 1", null), Raw(Dot3("0e0e af 81 03 02")));
        Assert.Equal(new Shown("XID", "Basic Format; 0x1f; Window Size 127", null), Raw(Dot3("0e0f bf 81 1f ff")));
        // The 802.3 length ends before the window size; the capture ends before the types.
        Assert.Equal(new Shown("XID", "Basic Format; Type 1 LLC (Class I LLC)[Malformed Packet]", null), Raw(Dot3("0e0e af 81 01 00", length: 5)));
        Assert.Equal(new Shown("XID", "Basic Format[Packet size limited during capture]", null), Raw(Dot3("0e0e af 81 01 00"), kept: 18));
        // Not the basic format, or with SNAP: LLC's own text.
        Assert.Equal("LLC", Raw(Dot3("0e0e af 82 01 00")).Protocol);
        Assert.Equal("LLC", Raw(Dot3("aaaa af 000000 0800 81 01 00")).Protocol);
    }

    [Fact]
    public void Llc_names_the_snap_organisation_and_marks_a_frame_cut_in_its_padding()
    {
        Assert.Equal(new Shown("LLC", "U, func=UI; SNAP, OUI 0x00005A (SK), PID 0x0099", null), Raw(Dot3("aaaa03 00005a 0099 616263")));
        Assert.Equal(new Shown("LLC", "U, func=UI; SNAP, OUI 0xFCFCFC (Unknown), PID 0x0099", null), Raw(Dot3("aaaa03 fcfcfc 0099 616263")));
        // tshark reads the 802.3 trailer after LLC and finds it cut.
        Assert.Equal("U, func=UI; DSAP PROWAY (IEC955) Network Management and Initialization Individual, SSAP PROWAY (IEC955) Network Management " +
            "and Initialization Command[Packet size limited during capture]", Raw(Dot3("0e0e03 616263"), kept: 30).Info);
    }

    [Fact]
    public void Icmp_pads_the_type_to_twenty_characters_and_pairs_a_reply_with_its_request()
    {
        var shown = Show([
            "eth / ipv4 ttl=128 / icmp type=echo-request id=512 seq=27392 / 'abcdefgh'",
            "eth / ipv4 src=198.18.0.2 dst=198.18.0.1 ttl=47 / icmp type=echo-reply id=512 seq=27392 / 'abcdefgh'",
            "eth / ipv4 / icmp type=10",
        ]);
        Assert.Equal("Echo (ping) request  id=0x0200, seq=27392/107, ttl=128", shown[0].Info);
        Assert.Equal("Echo (ping) reply    id=0x0200, seq=27392/107, ttl=47 (request in 1)", shown[1].Info);
        Assert.Equal("Router solicitation ", shown[2].Info);
        Assert.Equal(("ICMP", "ICMP"), (shown[0].Protocol, shown[0].ColoringRule));
    }

    [Fact]
    public void Icmp_and_icmpv6_word_unknown_codes_each_their_own_way()
    {
        Assert.Equal("Time-to-live exceeded (Unknown code: 2)", One("eth / ipv4 / icmp type=11 code=2 / ipv4 / udp").Info);
        Assert.Equal("Destination Unreachable (Unknown)", One("eth / ipv6 / icmpv6 type=1 code=9 / ipv6 / udp").Info);
        Assert.Equal("Time Exceeded (Unknown (2))", One("eth / ipv6 / icmpv6 type=3 code=2 / ipv6 / udp").Info);
        Assert.Equal("Unknown (99)", One("eth / ipv6 / icmpv6 type=99").Info);
    }

    [Fact]
    public void Tcp_tags_stand_in_wiresharks_order_and_a_dup_ack_names_its_frame_and_number()
    {
        var shown = One("eth / ipv4 / tcp sport=9 dport=40600 flags=A seq=1 ack=4097 window=0", edit: packet =>
        {
            ref var tcp = ref packet.Analysis.Edit(0).Tcp;
            tcp.Items |= TcpAnalysisItems.Analysis | TcpAnalysisItems.DuplicateAck;
            tcp.Flags = TcpAnalysisFlags.ZeroWindowProbeAck | TcpAnalysisFlags.ZeroWindow | TcpAnalysisFlags.DuplicateAck | TcpAnalysisFlags.WindowUpdate;
            tcp.DuplicateAckFrame = 9;
            tcp.DuplicateAckNumber = 2;
        });
        Assert.Equal("[TCP ZeroWindowProbeAck] [TCP ZeroWindow] [TCP Dup ACK 9#2] [TCP Window Update] 9 → 40600 [ACK] Seq=1 Ack=1 Win=0 Len=0", shown.Info);
        // A window update is not "Bad TCP", whatever else the segment is.
        Assert.Equal("TCP", shown.ColoringRule);
    }

    [Fact]
    public void Tcp_prints_flags_in_bit_order_urgent_pointer_and_options()
    {
        Assert.Equal("40000 → 41234 [FIN, SYN, RST, PSH, ACK, URG, ECE, CWR] Seq=0 Ack=1 Win=8192 Urg=7 Len=0 MSS=1460 SACK_PERM WS=16384",
            One("eth / ipv4 / tcp sport=40000 dport=41234 flags=FSRPAUEC urgptr=7 mss=1460 sackok wscale=20").Info);
        // A first segment with no flags: tshark calls it a window update (its window differs from the flow's unset one).
        Assert.Equal("[TCP Window Update] 40000 → 41234 [<None>] Seq=1 Win=8192 Len=0", One("eth / ipv4 / tcp sport=40000 dport=41234 flags=0").Info);
    }

    [Fact]
    public void A_cut_header_stops_where_tsharks_dissector_stops_reading()
    {
        const string syn = "eth / ipv4 / tcp sport=40000 dport=41234 flags=S mss=1460 sackok ts=1,2";
        Assert.Equal(("IPv4", "[Packet size limited during capture]"), Pair(One(syn, cut: 14 + 20 + 3)));
        Assert.Equal(("TCP", "40000 → 41234[Packet size limited during capture]"), Pair(One(syn, cut: 14 + 20 + 15)));
        Assert.Equal(("TCP", "40000 → 41234 [SYN] Seq=0 Win=8192[Packet size limited during capture]"), Pair(One(syn, cut: 14 + 20 + 19)));
        Assert.Equal(("TCP", "40000 → 41234 [SYN] Seq=0 Win=8192 Len=0 MSS=1460 SACK_PERM[Packet size limited during capture]"),
            Pair(One(syn, cut: 14 + 20 + 26)));
        Assert.Equal(("Ethernet", "[Malformed Packet]"), Pair(One(syn, cut: 10, snaplen: false)));
    }

    [Fact]
    public void The_columns_of_the_link_layer_captures_allocate_nothing()
    {
        // Every frame of captures/link and captures/pseudo-link: the serial links, shim headers and pseudo-headers, cut and damaged.
        var frames = new List<(byte[] Data, FrameMetadata Metadata)>();
        foreach (var folder in new[] { "link", "pseudo-link" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Captures, folder), "*.pcap").Order(StringComparer.Ordinal))
            {
                using var reader = CaptureFileReader.Open(file);
                while (reader.TryReadNext(out var frame))
                    frames.Add((frame.Data.ToArray(), frame.Metadata));
            }
        }
        Assert.NotEmpty(frames);
        var decoder = new PacketDecoder();
        var packet = new DecodedPacket();
        var line = new TextLine();
        int characters = 0;
        void ShowAll()
        {
            foreach (var (data, metadata) in frames)
            {
                decoder.Decode(data, metadata, 1, packet);
                line.Clear();
                InfoColumn.Append(line, packet, data);
                characters += ProtocolColumn.Of(packet, data).Length + line.Length;
            }
        }
        // The first pass fills the caches of hex names and grows the line; the second, the reassemblers' slots, which are made
        // on first use and which datagrams left in progress by the first pass (fragments whose others come later in the
        // list) reach only then.
        ShowAll();
        ShowAll();
        long before = GC.GetAllocatedBytesForCurrentThread();
        ShowAll();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(characters > 0);
    }

    [Fact]
    public void A_udp_length_tshark_refuses_is_worded_as_tshark_words_it()
    {
        Assert.Equal("1 → 2 [BAD UDP LENGTH 4 < 8]", One("eth / ipv4 / udp sport=1 dport=2 len=4").Info);
        Assert.Equal("1 → 2 [BAD UDP LENGTH 200 > IP PAYLOAD LENGTH] Len=192[Malformed Packet]", One("eth / ipv4 / udp sport=1 dport=2 len=200").Info);
    }

    [Fact]
    public void An_ethertype_nothing_decodes_shows_in_hex_with_wiresharks_name_for_it_where_there_is_one()
    {
        Assert.Equal(("0x9999", "Ethernet II"), Pair(One("eth type=0x9999 / 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'")));
        Assert.Equal(("0x88b5", "Local Experimental Ethertype 1"), Pair(One("eth type=0x88b5 / 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'")));
        Assert.Equal(("0x9999", "PRI: 3  DEI: 0  ID: 5"), Pair(One("eth / vlan prio=3 id=5 type=0x9999 / 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'")));
    }

    [Fact]
    public void Ip_names_fragments_and_payloads_it_does_not_decode()
    {
        Assert.Equal(("IPv4", "Unknown (253)"), Pair(One("eth / ipv4 proto=253 / 'xxxxxxxxxx'")));
        Assert.Equal(("IPv4", "GGP (3)"), Pair(One("eth / ipv4 proto=3 / 'xxxxxxxxxx'")));
        Assert.Equal(("IPv4", "Fragmented IP protocol (proto=TCP 6, off=0, ID=004d)"), Pair(One("eth / ipv4 proto=tcp id=77 flags=MF / 'xxxxxxxxxxxxxxxx'")));
        Assert.Equal(("IPv6", "Unknown IP Protocol: Unassigned (144)"), Pair(One("eth / ipv6 nh=144 / 'xxxxxxxxxx'")));
        Assert.Equal(("IPv6", "IPv6 no next header"), Pair(One("eth / ipv6 nh=none")));
    }

    [Fact]
    public void Arp_words_probes_announcements_and_a_second_host_taking_an_address()
    {
        var shown = Show([
            "eth dst=ff:ff:ff:ff:ff:ff / arp psrc=0.0.0.0 pdst=198.18.0.9",
            "eth dst=ff:ff:ff:ff:ff:ff / arp psrc=198.18.0.1 pdst=198.18.0.1",
            "eth / arp op=reply hwsrc=02:00:00:00:00:02 psrc=10.0.0.2 hwdst=02:00:00:00:00:01 pdst=10.0.0.1",
            "eth dst=ff:ff:ff:ff:ff:ff / arp hwsrc=02:00:00:00:00:03 psrc=10.0.0.2 pdst=10.0.0.9",
        ]);
        Assert.Equal("Who has 198.18.0.9? (ARP Probe)", shown[0].Info);
        Assert.Equal("ARP Announcement for 198.18.0.1", shown[1].Info);
        Assert.Equal("10.0.0.2 is at 02:00:00:00:00:02", shown[2].Info);
        Assert.Equal("Who has 10.0.0.9? Tell 10.0.0.2 (duplicate use of 10.0.0.2 detected!)", shown[3].Info);
        Assert.Equal(("ARP", "ARP"), (shown[3].Protocol, shown[3].ColoringRule));
    }

    [Fact]
    public void Icmpv6_echo_shows_the_hop_limit_without_padding()
    {
        Assert.Equal("Echo (ping) request id=0x0001, seq=2, hop limit=64",
            One("eth / ipv6 / icmpv6 type=echo-request id=1 seq=2 / 'abc'").Info);
    }

    [Fact]
    public void The_coloring_table_is_wiresharks_in_its_order_and_says_why_a_rule_never_matches()
    {
        Assert.Equal(
            ["Bad TCP", "HSRP State Change", "Spanning Tree Topology  Change", "OSPF State Change", "ICMP errors", "ARP", "ICMP", "TCP RST",
             "SCTP ABORT", "TTL low or unexpected", "Checksum Errors", "SMB", "HTTP", "DCERPC", "Routing", "TCP SYN/FIN", "TCP", "UDP",
             "Broadcast", "System Event"],
            ColoringRules.Default.Select(r => r.Name));
        Assert.All(ColoringRules.Default.Where(r => r.Test == ColoringTest.Never), r => Assert.False(string.IsNullOrEmpty(r.NeverReason)));
        var bad = ColoringRules.Default[0];
        Assert.Equal((new RgbColor(4718, 10030, 11796), new RgbColor(63479, 34695, 34695)), (bad.Background, bad.Foreground));
    }

    [Fact]
    public void A_bad_checksum_is_a_checksum_error_but_one_left_to_the_nic_is_not()
    {
        Assert.Equal("Checksum Errors", One("eth / ipv4 / udp sport=50030 dport=9 chksum=0x1234 / 'x'").ColoringRule);
        Assert.Equal("TTL low or unexpected", One("eth / ipv4 ttl=3 / tcp sport=40001 dport=443").ColoringRule);
        Assert.Equal("Broadcast", One("eth dst=ff:ff:ff:ff:ff:ff type=0x9999 / 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'").ColoringRule);
        Assert.Null(One("eth type=0x9999 / 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'").ColoringRule);
    }

    private static (string, string) Pair(Shown shown) => (shown.Protocol, shown.Info);
}
