using RawNet.Protocols.Decoding;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tshark is the oracle for <c>rawnet follow</c> (issue 11): for every TCP and UDP stream of a capture, in ascii, hex
/// and raw, standard output must be byte for byte what <c>tshark -r FILE -q -z follow,PROTO,FORMAT,STREAM</c> (4.0,
/// default preferences) prints. Captures: every bundled and teaching capture; a representative part of the peer corpus
/// (below); the crafted cases and seeded random streams of tests/oracle/make-follow-cases.py (gaps acknowledged or
/// never filled, overlapping resends, out of order, a 2^31 sequence jump, snaplen cuts, a first sender on port 0, UDP
/// lengths, IPv6 across the sequence wrap, port reuse). One tshark run per capture follows every stream in every format.
/// </summary>
public sealed class TsharkFollowOracleTests(FollowCases cases) : IClassFixture<FollowCases>
{
    /// <summary>
    /// The peer captures checked, chosen to cover each way a stream reaches the follower while keeping the class under a
    /// minute (a tshark run costs up to a second on a loaded machine): Linux cooked v1 and v2, a VLAN tag, two long TCP
    /// conversations, IPv6, TCP and UDP in one file, six UDP streams, a reassembled UDP datagram, VXLAN (its outer UDP
    /// and inner TCP), Teredo (inner addresses, outer ports), GRE over IPv6, a TSO frame (IP length 0), trailers and extra
    /// bytes after the payload, PPPoE, BSD loopback, a bogus IP length, DHCP. Left out: the 802.11 captures (a link type
    /// RawNet does not decode, issue 13) and single-packet captures of the same kinds as these (gre_custom_protocol,
    /// gre_nvgre, ipv6_rtcp1/2, ipv6_rtp, l2tp, tcp, udp_dns_request_response, vxlan_custom_port, wol).
    /// </summary>
    public static readonly string[] PeerSubset =
    [
        "LinuxCookedCapture.pcap", "LinuxCookedCapturev2.pcap", "802.1q_vlan_ipv4_tcp.pcap", "db2_select.pcap", "drda_db2.pcap",
        "ipv6_http.pcap", "test_stream.pcap", "udp.pcap", "udp-ip-fragmented.pcap", "vxlan.pcap", "teredo.pcap", "gre_ipv6.pcap",
        "ipv4_tso_frame.pcap", "tcp_with_extra_bytes.pcap", "udpPacketWithEthernetTrailers.pcap", "PPPoEPPP.pcap",
        "linktype_null_capture.pcap", "ip_packet_bogus_length.pcap", "dhcp.pcap",
    ];

    private static readonly string[] Formats = ["ascii", "hex", "raw"];

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in FollowCases.Crafted)
            data.Add(name);
        for (int seed = 1; seed <= FollowCases.RandomCaptures; seed++)
            data.Add($"random-{seed}.pcap");
        return data;
    }

    /// <summary>The bundled and teaching captures that cannot join the combined one (<see cref="CombinedCapture.CombinableFrames"/>).</summary>
    public static TheoryData<string> BundledAlone()
    {
        var data = new TheoryData<string>();
        foreach (var name in TsharkAnalysisOracleTests.CaptureFiles().Select(row => row.Data).Where(name => !CombinedCapture.Combinable(Path.Combine(TestPaths.Captures, name))))
            data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(BundledAlone))]
    public void Bundled_and_teaching_captures_follow_as_tshark(string name) => CompareEveryStream(Path.Combine(TestPaths.Captures, name));

    /// <summary>
    /// The other bundled and teaching captures as one combined capture (<see cref="CombinedCapture"/>): every stream of
    /// all of them in one tshark run instead of one a capture. Streams that meet again in another file (the same
    /// addresses and ports) are followed as tshark joins them.
    /// </summary>
    [Fact]
    public void Bundled_and_teaching_captures_combined_follow_as_tshark()
    {
        var files = TsharkAnalysisOracleTests.CaptureFiles().Select(row => Path.Combine(TestPaths.Captures, row.Data)).Where(CombinedCapture.Combinable).ToList();
        var combined = CombinedCapture.Write("follow-bundled", files, _ => true);
        Assert.True(combined.Files == files.Count && combined.Files >= 20, $"{combined.Files} of {files.Count} captures combined");
        CompareEveryStream(combined.Path);
    }

    /// <summary>The peer captures of <see cref="PeerSubset"/>, combined as <see cref="Bundled_and_teaching_captures_combined_follow_as_tshark"/>'s are; any that cannot join, alone.</summary>
    [Fact]
    public void Peer_captures_follow_as_tshark()
    {
        TestPaths.SkipUnlessPeerCorpus();
        var files = PeerSubset.Select(name => Path.Combine(TestPaths.PeerCorpus, name)).ToList();
        var together = files.Where(CombinedCapture.Combinable).ToList();
        CompareEveryStream(CombinedCapture.Write("follow-peer", together, _ => true).Path);
        foreach (var alone in files.Except(together))
            CompareEveryStream(alone);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Crafted_and_random_streams_follow_as_tshark(string name) => CompareEveryStream(Path.Combine(cases.Folder, name));

    [Fact]
    public void A_stream_that_does_not_exist_prints_tsharks_empty_block_and_one_line()
    {
        var path = Path.Combine(TestPaths.Captures, "tcp-handshake-ipv4.pcap");
        var tshark = ExternalTool.Require("tshark", "tshark");
        var expected = ExternalTool.Run(tshark, ["-r", path, "-q", "-z", "follow,tcp,ascii,7"]);
        var (code, stdout, stderr) = InProcessRawNet.Run("follow", path, "tcp", "7");
        Assert.Equal(expected.StdOut, stdout);
        Assert.Equal(ExitCode.BadInput, code);
        Assert.Equal($"rawnet: follow: {path} has no TCP stream 7 (its TCP streams are numbered 0 to 0)\n", stderr);
    }

    [Fact]
    public void What_tshark_leaves_out_without_a_word_is_said_on_standard_error()
    {
        var (_, _, jump) = InProcessRawNet.Run("follow", Path.Combine(cases.Folder, "follow-sequence-jump.pcap"), "tcp", "0");
        Assert.Contains("frame 5: 6 bytes of Node 0's data outside its sequence numbers (before its start, or 2 GiB or more ahead), not shown", jump);
        var (_, _, cut) = InProcessRawNet.Run("follow", Path.Combine(cases.Folder, "follow-snaplen.pcap"), "tcp", "0");
        Assert.Contains("rawnet: follow: frame 4: 6 bytes of Node 0's data not captured (the capture kept only the start of the packet)\n", cut);
        var (_, _, gap) = InProcessRawNet.Run("follow", Path.Combine(cases.Folder, "follow-gap-never-filled.pcap"), "tcp", "0");
        Assert.Equal("rawnet: follow: Node 0: 16 bytes from frame 6 on never shown: the 10 bytes before them are not in the capture and nothing acknowledged past them\n", gap);
        var (code, _, acked) = InProcessRawNet.Run("follow", Path.Combine(cases.Folder, "follow-gap-acknowledged.pcap"), "tcp", "0");
        Assert.Equal("", acked); // tshark marks that gap itself
        Assert.Equal(ExitCode.Success, code);
    }

    /// <summary>Follows every TCP and UDP stream of <paramref name="path"/> in every format, with tshark and with rawnet.</summary>
    private static void CompareEveryStream(string path)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        if (CaptureLinkTypes.Of(path).Any(type => !PacketDecoder.DecodesLinkType(type)))
            Assert.Skip($"{Path.GetFileName(path)} has frames of a link type RawNet does not decode");
        var follows = new List<(string Protocol, int Stream, string Format)>();
        foreach (var protocol in new[] { "tcp", "udp" })
        {
            for (int stream = 0; stream < StreamCount(path, protocol); stream++)
            {
                foreach (var format in Formats)
                    follows.Add((protocol, stream, format));
            }
        }
        if (follows.Count == 0)
            return;
        var arguments = new List<string> { "-r", path, "-q" };
        foreach (var (protocol, stream, format) in follows)
            arguments.AddRange(["-z", $"follow,{protocol},{format},{stream}"]);
        var run = ExternalTool.Run(tshark, arguments);
        Assert.True(run.ExitCode == 0, $"tshark failed on {path}: {run.StdErr}");
        var blocks = Blocks(run.StdOut);
        var mismatches = new List<string>();
        foreach (var (protocol, stream, format) in follows)
        {
            Assert.True(blocks.TryGetValue($"{protocol},{format},{stream}", out var expected), $"tshark printed no block for {protocol} {stream} {format}");
            var (code, actual, stderr) = InProcessRawNet.Run("follow", path, protocol, stream.ToString(), "--format", format);
            if (code != ExitCode.Success || actual != expected)
                mismatches.Add($"{protocol} stream {stream} {format} (exit {code}, {stderr.Trim()}):\n--- tshark\n{expected}\n--- rawnet\n{actual}");
        }
        Assert.True(mismatches.Count == 0, $"{Path.GetFileName(path)}: {mismatches.Count} of {follows.Count} differ\n" + string.Join("\n", mismatches.Take(3)));
    }

    /// <summary>How many streams of <paramref name="protocol"/> the capture has, as rawnet read numbers them.</summary>
    private static int StreamCount(string path, string protocol)
    {
        var (code, stdout, stderr) = InProcessRawNet.Run("read", path, "-T", "fields", "-e", protocol + ".stream");
        Assert.True(code == 0, stderr);
        int count = 0;
        foreach (var value in stdout.Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries))
            count = Math.Max(count, int.Parse(value) + 1);
        return count;
    }

    /// <summary>tshark's output of several follows, one block each, keyed "proto,format,stream".</summary>
    private static Dictionary<string, string> Blocks(string output)
    {
        const string Start = "\n===================================================================\nFollow: ";
        var blocks = new Dictionary<string, string>();
        var starts = new List<int>();
        for (int at = output.IndexOf(Start, StringComparison.Ordinal); at >= 0; at = output.IndexOf(Start, at + 1, StringComparison.Ordinal))
            starts.Add(at);
        for (int i = 0; i < starts.Count; i++)
        {
            var block = output[starts[i]..(i + 1 < starts.Count ? starts[i + 1] : output.Length)];
            var lines = block.Split('\n');
            // lines[2] is "Follow: tcp,ascii", lines[3] "Filter: tcp.stream eq 0".
            var stream = lines[3][(lines[3].LastIndexOf(' ') + 1)..];
            blocks[lines[2]["Follow: ".Length..] + "," + stream] = block;
        }
        return blocks;
    }
}

/// <summary>The crafted and random captures of tests/oracle/make-follow-cases.py, made once for the class in a temporary folder.</summary>
public sealed class FollowCases : IDisposable
{
    /// <summary>Seeds of the random captures (1 to this).</summary>
    public const int RandomCaptures = 8;

    /// <summary>The crafted cases' files.</summary>
    public static readonly string[] Crafted =
    [
        "follow-gap-acknowledged.pcap", "follow-gap-never-filled.pcap", "follow-overlap.pcap", "follow-both-directions-lossy.pcap",
        "follow-sequence-jump.pcap", "follow-snaplen.pcap", "follow-port-zero.pcap", "follow-udp-lengths.pcap",
        "follow-ipv6-wrap.pcap", "follow-port-reuse.pcap",
    ];

    private readonly Lazy<string> _folder = new(Make);

    /// <summary>The folder holding them (made on first use; the test skips when python3-scapy is missing).</summary>
    public string Folder => _folder.Value;

    private static string Make()
    {
        var python = ExternalTool.Require("/usr/bin/python3", "python3-scapy");
        var folder = Path.Combine(Path.GetTempPath(), $"rawnet-follow-cases-{Environment.ProcessId}");
        var made = ExternalTool.Run(python, [Path.Combine(TestPaths.RepoRoot, "tests", "oracle", "make-follow-cases.py"), folder, RandomCaptures.ToString()]);
        if (made.ExitCode != 0 && made.StdErr.Contains("No module named 'scapy'"))
            Assert.Skip("python3-scapy is not installed (apt-get install python3-scapy)");
        Assert.True(made.ExitCode == 0, made.StdErr);
        return folder;
    }

    public void Dispose()
    {
        if (_folder.IsValueCreated && Directory.Exists(_folder.Value))
            Directory.Delete(_folder.Value, recursive: true);
    }
}
