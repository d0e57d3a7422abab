using System.Text.Json;
using RawNet.Cli.Tests.Injection;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Layers;

/// <summary>
/// <c>rawnet layers --experiment ...</c> across a <see cref="NetworkLab"/> of the test's own, with tcpdump capturing on
/// the listener's veth at the same time: the JSON's packets are the frames tcpdump saw, and what the experiment says of
/// them (segment sizes, fragment offsets, RST flags, checksums, ports) is what tshark reads in tcpdump's file.
/// </summary>
[LongRunning]
public sealed class LayersTransportTests
{
    private const string Payload = "hello, layers";

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, "")]
    [InlineData(false, "--nodelay")]
    [InlineData(true, "--nodelay")]
    [InlineData(false, "--cork")]
    [InlineData(true, "--cork")]
    public void Writes_over_tcp_are_one_byte_stream_the_late_reader_gets_in_one_recv_and_cork_sends_one_segment(bool ipv6, string option)
    {
        using var run = Run(ipv6, ["--writes", "4", .. option.Length > 0 ? new[] { option } : []]);
        var sends = run.Calls("sends");
        Assert.Equal(Enumerable.Repeat(Payload.Length, 4), sends.Select(s => s.Bytes));
        // The listener read only after the client had shut down: one recv() returns the whole stream, boundaries gone.
        var receive = Assert.Single(run.Calls("receives"));
        Assert.Equal(string.Concat(Enumerable.Repeat(Payload, 4)), receive.Text);

        var segments = run.Tshark("tcp.len > 0", "tcp.len", "ip.src", "ipv6.src").Select(r => int.Parse(r[0])).ToList();
        Assert.Equal(4 * Payload.Length, segments.Sum());
        if (option == "--cork")
            Assert.Equal([4 * Payload.Length], segments);
        else
            Assert.InRange(segments.Count, 1, 4);
        Assert.Contains($"{segments.Count} TCP segment", run.Finding(0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Writes_over_udp_keep_every_boundary_one_datagram_and_one_recvfrom_per_send(bool ipv6)
    {
        using var run = Run(ipv6, ["--writes", "5", "--udp"]);
        Assert.Equal(5, run.Calls("sends").Count);
        var datagrams = run.Tshark("udp", "udp.length");
        Assert.Equal(Enumerable.Repeat((8 + Payload.Length).ToString(), 5), datagrams.Select(r => r[0]));
        var receives = run.Calls("receives");
        Assert.Equal(5, receives.Count);
        Assert.All(receives, r => Assert.Equal(Payload, r.Text));
    }

    [Theory]
    [InlineData(false, 20000)]
    [InlineData(true, 20000)]
    [InlineData(false, 65536)]
    public void Segment_cuts_one_large_send_into_segments_no_larger_than_the_mss_the_syn_announced(bool ipv6, int size)
    {
        using var run = Run(ipv6, ["--experiment", "segment", "--size", size.ToString()]);
        string src = ipv6 ? "ipv6.src" : "ip.src";
        var syn = Assert.Single(run.Tshark("tcp.flags.syn == 1 && tcp.flags.ack == 0", "tcp.options.mss_val", "frame.len"));
        int announced = int.Parse(syn[0]);
        Assert.Equal(1500 - (ipv6 ? 40 : 20) - 20, announced);
        var data = run.Tshark($"tcp.len > 0 && {src} == {run.SenderAddress}", "tcp.len", "frame.len");
        // Timestamps take 12 bytes of every segment: no segment carries more than the MSS less them.
        Assert.All(data, r => Assert.InRange(int.Parse(r[0]), 1, announced - 12));
        Assert.All(data, r => Assert.InRange(int.Parse(r[1]), 1, 1514));
        Assert.Equal(size, data.Sum(r => int.Parse(r[0])));
        Assert.Equal((size + announced - 13) / (announced - 12), data.Count);
        Assert.Equal(size, run.Calls("receives").Sum(r => r.Bytes));
        Assert.Contains($"largest segment {announced - 12} bytes", run.Finding(1));
    }

    [Theory]
    [InlineData(false, 4000)]
    [InlineData(true, 4000)]
    [InlineData(false, 65507)]
    [InlineData(true, 30000)]
    public void Fragment_sends_one_large_datagram_as_fragments_that_the_listener_reassembles(bool ipv6, int size)
    {
        using var run = Run(ipv6, ["--experiment", "fragment", "--size", size.ToString()]);
        var rows = ipv6
            ? run.Tshark("ipv6.fraghdr", "ipv6.fraghdr.offset", "ipv6.fraghdr.more", "frame.len", "ipv6.fraghdr.ident")
            : run.Tshark("ip.flags.mf == 1 || ip.frag_offset > 0", "ip.frag_offset", "ip.flags.mf", "frame.len", "ip.id");
        // Per fragment the IP payload: 1480 (IPv4) or 1448 (IPv6: 40 fixed header and 8 of fragment header) but the last.
        int step = ipv6 ? 1448 : 1480;
        int count = (size + 8 + step - 1) / step;
        // tshark gives the offset field as it is on the wire, in units of 8 bytes.
        Assert.Equal(Enumerable.Range(0, count).Select(i => (i * step / 8).ToString()), rows.Select(r => r[0]));
        Assert.Equal(Enumerable.Range(0, count).Select(i => i < count - 1 ? "1" : "0"), rows.Select(r => r[1] is "True" or "1" ? "1" : "0"));
        Assert.All(rows, r => Assert.InRange(int.Parse(r[2]), 60, 1514));
        Assert.Single(rows.Select(r => r[3]).Distinct());
        Assert.Equal(size, Assert.Single(run.Calls("receives")).Bytes);
        // The report's fragment lines say the same offsets.
        var lines = run.Findings.Where(f => f.StartsWith("fragment id", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"offset {i * step,5} ({i * step / 8} x 8)"),
            lines.Select(l => l[l.IndexOf("offset", StringComparison.Ordinal)..(l.IndexOf(')') + 1)]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rst_a_raw_syn_to_a_closed_port_gets_the_kernels_rst_ack_with_ack_seq_plus_one(bool ipv6)
    {
        using var run = Run(ipv6, ["--experiment", "rst"]);
        var rows = run.Tshark("tcp", "tcp.flags.syn", "tcp.flags.reset", "tcp.flags.ack", "tcp.seq", "tcp.ack");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["1", "0", "0"], rows[0][..3].Select(Bit));
        Assert.Equal(["0", "1", "1"], rows[1][..3].Select(Bit));
        Assert.Equal("0", rows[1][3]);
        Assert.Equal((uint.Parse(rows[0][3]) + 1).ToString(), rows[1][4]);
        Assert.Equal(["sender", "listener"], run.Froms);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Handshake_by_hand_is_reset_by_the_senders_kernel_and_completes_from_an_address_no_one_owns_and_behind_a_firewall_rule(bool ipv6)
    {
        using var run = Run(ipv6, ["--experiment", "handshake"]);
        string src = ipv6 ? "ipv6.src" : "ip.src", dst = ipv6 ? "ipv6.dst" : "ip.dst";
        var rows = run.Tshark("tcp", src, dst, "tcp.flags.syn", "tcp.flags.ack", "tcp.flags.reset", "tcp.len");
        string sender = run.SenderAddress, listener = run.ListenerAddress, unowned = run.Lab.Ipv6Or4(ipv6, 3);
        string Flags(string[] r) => (Bit(r[2]) == "1" ? "S" : "") + (Bit(r[3]) == "1" ? "A" : "") + (Bit(r[4]) == "1" ? "R" : "") + (r[5] != "0" ? "D" : "");
        var seen = rows.Select(r => (r[0], r[1], Flags(r))).ToList();
        // With nft (CI installs nftables), step 3: the sender's own address, its kernel's RST dropped by a rule, so the
        // handshake by hand completes; no RST from the kernel reaches the wire, only the one RawNet sends at the end.
        bool nft = new[] { "/usr/sbin/nft", "/sbin/nft", "/usr/bin/nft" }.Any(File.Exists);
        List<(string, string, string)> expected =
        [
            (sender, listener, "S"), (listener, sender, "SA"), (sender, listener, "R"),
            (unowned, listener, "S"), (listener, unowned, "SA"), (unowned, listener, "A"), (unowned, listener, "AD"), (listener, unowned, "A"), (unowned, listener, "R"),
        ];
        if (nft)
            expected.AddRange([(sender, listener, "S"), (listener, sender, "SA"), (sender, listener, "A"), (sender, listener, "AD"), (listener, sender, "A"), (sender, listener, "R")]);
        Assert.Equal(expected, seen);
        var receives = run.Calls("receives");
        Assert.Equal(nft ? 2 : 1, receives.Count);
        Assert.All(receives, r => Assert.Equal(Payload, r.Text));
        Assert.Contains("1. the listener's accept() returned nothing", run.Findings);
        if (nft)
        {
            Assert.Contains(run.Findings, f => f.StartsWith("3. SYN, SYN-ACK, ACK: the listener's accept() returned a connection from ", StringComparison.Ordinal));
            // The rule is gone again.
            Assert.DoesNotContain("rawnet_handshake", run.Lab.RunIn(run.Lab.A.Namespace, "nft", "list", "ruleset").StdOut, StringComparison.Ordinal);
        }
        else
            Assert.Contains(run.Findings, f => f.StartsWith("3. the other way out, a firewall rule", StringComparison.Ordinal));
        // The neighbour entry for the unowned address is gone again.
        Assert.Equal("", run.Lab.RunIn(run.Lab.B.Namespace, "ip", "neigh", "show", unowned).StdOut.Trim());
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Checksum_walk_ends_at_the_value_tshark_reads_and_scapy_recomputes(bool ipv6, bool udp)
    {
        using var run = Run(ipv6, ["--experiment", "checksum", .. udp ? new[] { "--udp" } : []]);
        var walk = run.Root.GetProperty("checksum");
        string protocol = udp ? "udp" : "tcp";
        Assert.Equal(protocol, walk.GetProperty("protocol").GetString());
        Assert.True(walk.GetProperty("matches").GetBoolean());
        string computed = walk.GetProperty("computed").GetString()!;
        // The pseudo-header is 12 bytes (IPv4) or 40 (IPv6): 6 or 20 words, and the last word's sum is the final sum.
        var words = walk.GetProperty("words").EnumerateArray().ToList();
        Assert.Equal(ipv6 ? 20 : 6, words.Count(w => w.GetProperty("part").GetString() == "pseudo-header"));
        Assert.Equal(walk.GetProperty("sum").GetString(), words[^1].GetProperty("sum").GetString());

        var rows = run.Tshark($"{protocol} && data.len == {Payload.Length}", $"{protocol}.checksum", $"{protocol}.checksum.status", "frame.number");
        var row = Assert.Single(rows);
        Assert.Equal(computed, row[0]);
        Assert.Equal("1", row[1]);
        var frame = run.DumpedFrame(int.Parse(row[2]));
        Assert.Equal(computed, Scapy(frame, protocol.ToUpperInvariant()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Demux_udp_gives_both_clients_to_one_socket_tcp_a_socket_per_four_tuple(bool ipv6)
    {
        using var run = Run(ipv6, ["--experiment", "demux"]);
        var udp = run.Tshark("udp", "udp.srcport", "udp.dstport");
        Assert.Equal(2, udp.Count);
        Assert.Single(udp.Select(r => r[1]).Distinct());
        Assert.NotEqual(udp[0][0], udp[1][0]);
        var receives = run.Calls("receives");
        var udpReceives = receives.Where(r => r.Socket.StartsWith("udp socket", StringComparison.Ordinal)).ToList();
        Assert.Single(udpReceives.Select(r => r.Socket).Distinct());
        Assert.Equal(udp.Select(r => r[0]), udpReceives.Select(r => r.Peer!.Split(':')[^1]));

        var syns = run.Tshark("tcp.flags.syn == 1 && tcp.flags.ack == 0", "tcp.srcport", "tcp.dstport", "tcp.stream");
        Assert.Equal(2, syns.Count);
        Assert.Equal(udp[0][1], Assert.Single(syns.Select(r => r[1]).Distinct()));
        Assert.Equal(2, syns.Select(r => r[2]).Distinct().Count());
        var tcpReceives = receives.Where(r => r.Socket.StartsWith("tcp connection", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, tcpReceives.Select(r => r.Socket).Distinct().Count());
        Assert.Equal(syns.Select(r => r[0]).Order(), tcpReceives.Select(r => r.Peer!.Split(':')[^1]).Order());
        Assert.Equal(["tcp client 1", "tcp client 2"], tcpReceives.Select(r => r.Text));
    }

    [Theory]
    [InlineData(false, true, "hi")]
    [InlineData(true, true, "hi")]
    [InlineData(false, false, Payload)]
    [InlineData(true, false, Payload)]
    public void Wire_adds_up_the_layers_pads_to_60_and_counts_preamble_fcs_and_gap_and_the_diagrams_hold_tsharks_values(bool ipv6, bool udp, string payload)
    {
        using var run = Run(ipv6, ["--experiment", "wire", "--payload", payload, .. udp ? new[] { "--udp" } : []]);
        var wire = run.Root.GetProperty("wire");
        string protocol = udp ? "udp" : "tcp";
        var row = Assert.Single(run.Tshark($"{protocol} && data.len == {payload.Length}", "frame.len", "frame.number"));
        int length = int.Parse(row[0]);
        var frame = run.DumpedFrame(int.Parse(row[1]));
        Assert.Equal(length, wire.GetProperty("captured").GetInt32());
        var sequence = wire.GetProperty("sequence").EnumerateArray().ToList();
        Assert.Equal(length, sequence.Where(s => s.GetProperty("captured").GetBoolean()).Sum(s => s.GetProperty("bytes").GetInt32()));
        Assert.Equal(["eth", ipv6 ? "ipv6" : "ip", protocol, "data"], sequence.Where(s => s.GetProperty("captured").GetBoolean()).Select(s => s.GetProperty("name").GetString()));
        int padding = Math.Max(0, 60 - length);
        Assert.Equal(padding, wire.GetProperty("padding").GetInt32());
        Assert.Equal(7 + 1 + length + padding + 4 + 12, wire.GetProperty("onTheWire").GetInt32());
        if (udp && !ipv6)
            Assert.Equal(84, wire.GetProperty("onTheWire").GetInt32());
        // zlib's CRC-32 over the padded frame is the FCS.
        var (code, crc, stderr) = ExternalTool.Run("/usr/bin/python3", ["-c", $"import zlib; print('0x%08x' % zlib.crc32(bytes.fromhex('{frame}') + bytes({padding})))"]);
        Assert.True(code == 0, stderr);
        Assert.Equal(crc.Trim(), wire.GetProperty("fcs").GetString());

        var diagrams = run.Root.GetProperty("diagrams").EnumerateArray()
            .ToDictionary(d => d.GetProperty("layer").GetString()!, d => string.Join('\n', d.GetProperty("lines").EnumerateArray().Select(l => l.GetString())));
        string ip = ipv6 ? "ipv6" : "ip";
        var expected = ipv6
            ? new[] { ("ipv6.plen", "Payload Length="), ("ipv6.hlim", "Hop Limit="), ("ipv6.src", "Source Address = "), ("ipv6.dst", "Destination Address = ") }
            : [("ip.len", "Total Length="), ("ip.id", "Identification="), ("ip.ttl", "TTL="), ("ip.checksum", "Header Checksum="), ("ip.src", "Source Address="), ("ip.dst", "Destination Address=")];
        var transport = udp
            ? new[] { ("udp.srcport", "Source Port="), ("udp.dstport", "Destination Port="), ("udp.length", "Length="), ("udp.checksum", "Checksum=") }
            : [("tcp.srcport", "Source Port="), ("tcp.dstport", "Destination Port="), ("tcp.seq", "Sequence Number="), ("tcp.ack", "Acknowledgment Number="),
                ("tcp.window_size_value", "Window="), ("tcp.checksum", "Checksum="), ("tcp.hdr_len", "")];
        var values = run.Tshark($"frame.number == {row[1]}", [.. expected.Select(e => e.Item1), .. transport.Select(t => t.Item1)])[0];
        for (int i = 0; i < expected.Length; i++)
            Assert.Contains(expected[i].Item2 + values[i], diagrams[ip]);
        for (int i = 0; i < transport.Length; i++)
        {
            if (transport[i].Item1 == "tcp.hdr_len")
                Assert.Contains($"DOff={int.Parse(values[expected.Length + i]) / 4}", diagrams["tcp"]);
            else
                Assert.Contains(transport[i].Item2 + values[expected.Length + i], diagrams[protocol]);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void On_a_namespaces_loopback_the_text_report_marks_the_listeners_rst_and_cork_sends_one_segment(bool ipv6)
    {
        using var lab = NetworkLab.Create();
        string[] v6 = ipv6 ? ["--ipv6"] : [];
        var (code, stdout, stderr) = NetworkLab.RunInNamespace(lab.A.Namespace, () => InProcessRawNet.Run(["layers", "--experiment", "rst", .. v6]));
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.Equal($"rawnet layers --experiment rst: {(ipv6 ? "IPv6" : "IPv4")}, captured on lo (loopback)", lines[0]);
        string address = ipv6 ? "::1" : @"127\.0\.0\.1";
        var syn = Assert.Single(lines, l => l.StartsWith("   1 > ", StringComparison.Ordinal));
        var seq = System.Text.RegularExpressions.Regex.Match(syn, $@"IP6? {address}\.\d+ > {address}\.\d+: Flags \[S\], seq (\d+),");
        Assert.True(seq.Success, syn);
        var rst = Assert.Single(lines, l => l.StartsWith("   2 < ", StringComparison.Ordinal));
        Assert.Contains($"Flags [R.], seq 0, ack {uint.Parse(seq.Groups[1].Value) + 1},", rst);
        Assert.Contains("what it shows:", lines);

        (code, stdout, stderr) = NetworkLab.RunInNamespace(lab.A.Namespace, () => InProcessRawNet.Run(["layers", "--writes", "3", "--cork", .. v6]));
        Assert.True(code == 0, stderr);
        Assert.Contains("  3 send() calls of 3 x 13 bytes -> 1 TCP segment with data on the wire (39 bytes) -> 1 recv() call returning 39 bytes\n", stdout);
    }

    [Theory]
    [InlineData("--experiment segment", 1, "rawnet: layers: segment needs the lab (--lab, after rawnet lab up): loopback's MTU is 65536, so nothing is cut; the lab's link has a 1500-byte MTU")]
    [InlineData("--nodelay", 2, "rawnet: layers: --nodelay, --cork, --udp and --size go with a transport experiment (--experiment NAME, or --writes N)")]
    [InlineData("--writes 3 --size 10", 2, "rawnet: layers: --size is for the segment and fragment experiments")]
    [InlineData("--experiment rst --udp", 2, "rawnet: layers: --udp is for the writes, checksum and wire experiments")]
    [InlineData("--writes 3 --udp --cork", 2, "rawnet: layers: --nodelay and --cork are for the writes experiment over TCP")]
    [InlineData("--writes 65", 2, "rawnet: layers: --writes: 1 to 64 (it is 65)")]
    [InlineData("--experiment fragment --size 70000 --lab-network a,b,c,d,198.18.0,2001:db8:", 1, "rawnet: layers: --size must be 1 to 65507 for fragment (it is 70000)")]
    public void Options_out_of_place_are_refused_in_one_line(string arguments, int exitCode, string message)
    {
        var (code, stdout, stderr) = InProcessRawNet.Run(["layers", .. arguments.Split(' ')]);
        Assert.Equal(exitCode, code);
        Assert.Equal("", stdout);
        Assert.Equal(message, stderr.Trim());
    }

    private static string Bit(string value) => value is "True" or "1" ? "1" : "0";

    /// <summary>The checksum scapy computes for the frame's TCP or UDP layer, its field deleted first.</summary>
    private static string Scapy(string hex, string layer)
    {
        const string Python = "/usr/bin/python3";
        if (!File.Exists(Python) || ExternalTool.Run(Python, ["-c", "import scapy.all"]).ExitCode != 0)
            Assert.Skip($"scapy is not importable by {Python} (apt-get install python3-scapy)");
        var script = $"from scapy.all import Ether, {layer}\np = Ether(bytes.fromhex('{hex}'))\ndel p[{layer}].chksum\nprint('0x%04x' % Ether(bytes(p))[{layer}].chksum)\n";
        var (code, stdout, stderr) = ExternalTool.Run(Python, ["-c", script]);
        Assert.True(code == 0, stderr);
        return stdout.Trim();
    }

    /// <summary>An Ethernet frame's source MAC, from its hex.</summary>
    private static string SourceMac(string frameHex) => frameHex.Length >= 24 ? frameHex[12..24] : frameHex;

    /// <summary>Runs the experiment with tcpdump capturing on the listener's veth meanwhile; the JSON and the file.</summary>
    private static TransportRun Run(bool ipv6, string[] arguments)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var lab = NetworkLab.Create();
        var path = Path.Combine(Path.GetTempPath(), $"rn-transport-{lab.Id}.pcap");
        try
        {
            (int ExitCode, string StdOut, string StdErr) result;
            using (var tcpdump = lab.StartTcpdump(lab.B, path, "tcp or udp or (ip6 and ip6[6] = 44)"))
            {
                result = InProcessRawNet.Run(["layers", "--json", .. arguments, .. ipv6 ? new[] { "--ipv6" } : [], "--lab-network", LayersCommandTests.LabSpec(lab)]);
                Thread.Sleep(300);
                tcpdump.Stop();
            }
            Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
            var json = JsonDocument.Parse(result.StdOut);
            var run = new TransportRun(lab, path, tshark, ipv6, json);
            // Every frame of the report is a frame tcpdump saw, and tcpdump saw nothing else of it; each direction's
            // frames in the same order. Across directions two sockets on one interface may differ: a frame leaving
            // and one arriving at the same moment are handed to each packet socket from two CPUs, in either order
            // (a CI run saw the listener's ACK and the sender's next segment swapped).
            var dumped = DecodedFrame.ReadAll(path).Select(f => Convert.ToHexStringLower(f.Bytes)).ToList();
            Assert.Equal(dumped.Order(StringComparer.Ordinal), run.Packets.Order(StringComparer.Ordinal));
            foreach (var source in dumped.Select(SourceMac).Distinct())
                Assert.Equal(dumped.Where(f => SourceMac(f) == source), run.Packets.Where(f => SourceMac(f) == source));
            return run;
        }
        catch
        {
            File.Delete(path);
            lab.Dispose();
            throw;
        }
    }

    private sealed record Call(string Socket, string? Peer, int Bytes, string? Text);

    private sealed class TransportRun(NetworkLab lab, string path, string tshark, bool ipv6, JsonDocument json) : IDisposable
    {
        public NetworkLab Lab => lab;

        public JsonElement Root => json.RootElement;

        public List<string> Packets => Root.GetProperty("packets").EnumerateArray().Select(p => p.GetProperty("hex").GetString()!).ToList();

        /// <summary>Frame <paramref name="number"/> of tcpdump's file (the one tshark numbered), as hex.</summary>
        public string DumpedFrame(int number) => Convert.ToHexStringLower(DecodedFrame.ReadAll(path)[number - 1].Bytes);

        public List<string> Froms => Root.GetProperty("packets").EnumerateArray().Select(p => p.GetProperty("from").GetString()!).ToList();

        public List<string> Findings => Root.GetProperty("findings").EnumerateArray().Select(f => f.GetString()!).ToList();

        public string SenderAddress => (ipv6 ? lab.A.Ipv6 : lab.A.Ipv4).ToString();

        public string ListenerAddress => (ipv6 ? lab.B.Ipv6 : lab.B.Ipv4).ToString();

        public string Finding(int index) => Findings[index];

        public List<Call> Calls(string name) => Root.GetProperty(name).EnumerateArray().Select(c => new Call(c.GetProperty("socket").GetString()!,
            c.TryGetProperty("peer", out var peer) ? peer.GetString() : null, c.GetProperty("bytes").GetInt32(),
            c.TryGetProperty("text", out var text) ? text.GetString() : null)).ToList();

        /// <summary>tshark's fields of the frames of tcpdump's file that match <paramref name="filter"/>, absolute sequence numbers.</summary>
        public List<string[]> Tshark(string filter, params string[] fields)
        {
            var arguments = new List<string> { "-n", "-r", path, "-o", "tcp.relative_sequence_numbers:FALSE", "-o", "tcp.check_checksum:TRUE",
                "-o", "udp.check_checksum:TRUE", "-Y", filter, "-T", "fields" };
            foreach (var field in fields)
                arguments.AddRange(["-e", field]);
            var (code, stdout, stderr) = ExternalTool.Run(tshark, arguments);
            Assert.True(code == 0, stderr);
            return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split('\t')).ToList();
        }

        public void Dispose()
        {
            json.Dispose();
            File.Delete(path);
            lab.Dispose();
        }
    }
}

internal static class NetworkLabAddresses
{
    /// <summary>Host <paramref name="host"/> of the lab's IPv6 or IPv4 subnet, as tshark prints it.</summary>
    public static string Ipv6Or4(this NetworkLab lab, bool ipv6, int host) => ipv6 ? $"2001:db8:{lab.Subnet:x}::{host}" : $"198.18.{lab.Subnet}.{host}";
}
