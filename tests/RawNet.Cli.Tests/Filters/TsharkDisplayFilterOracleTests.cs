using RawNet.Files;
using RawNet.Files.PcapNg;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Filters;

/// <summary>
/// tshark is the oracle for display filters: every frame RawNet decodes from the shared peer corpus and captures/ is
/// copied into one pcapng (one interface per link type), and for each expression the frame numbers
/// <c>rawnet read -Y EXPR</c> selects must be the ones <c>tshark -n -r FILE -Y EXPR</c> selects: every frame, tunnels and
/// ICMP quotes included.
/// </summary>
public sealed class TsharkDisplayFilterOracleTests
{
    public static TheoryData<string> Expressions() =>
    [
        "tcp", "udp", "!arp", "arp", "ip", "ipv6", "icmp", "icmpv6", "eth", "vlan", "frame",
        "udp && ip.src == 10.0.0.0/8", "tcp.port == 80", "tcp.port == 443 || udp.port == 53", "tcp.srcport == 0x50",
        "ipv6 && tcp.flags.syn == 1", "tcp.flags.syn == 1 and tcp.flags.ack == 0", "tcp.flags.reset == True", "tcp.flags == 0x018",
        "tcp.options.mss_val", "tcp.options.mss_val >= 1400", "tcp.options.wscale.shift > 5", "tcp.options.timestamp.tsval",
        "ip.ttl > 100", "ip.ttl le 64", "frame.len >= 1000", "frame.len < 60", "frame.cap_len < 100",
        "ip.flags.df == 1 or icmp", "ip.flags.mf == 1", "ip.frag_offset > 0", "ip.dsfield != 0",
        "eth.src == 00:23:4d:5b:f8:8b", "eth.dst == ff:ff:ff:ff:ff:ff", "eth.addr == ff-ff-ff-ff-ff-ff", "eth.type == 0x86dd",
        "tcp.len > 0 and !(tcp.srcport == 80)", "vlan.id == 100", "vlan.priority > 0", "ipv6.nxt == 58", "ipv6.nxt == 0", "ipv6.hlim == 255",
        "ipv6.addr == fe80::/10", "ipv6.dst == ff02::1", "ipv6.src != ::", "udp.length < 50", "udp.checksum == 0",
        "ip.addr != 192.168.1.3", "ip.addr == 192.168.0.0/16", "ip.src == 192.168.1.1", "ip.dst > 200.0.0.0", "ip.proto ~= 6",
        "icmp.type == 8", "icmpv6.type == 135", "arp.opcode == 2", "ip.id == 0 && ip", "tcp.window_size_value < 1000",
        "frame.time_epoch > 1300000000", "frame.number <= 100",
        "frame.cap_len < frame.len", "ip.src == ip.dst", "ip.src != ip.dst", "ipv6.src > ipv6.dst", "tcp.srcport < tcp.dstport",
        "udp.srcport == udp.dstport", "eth.src == eth.dst", "tcp.port == udp.port",
        "tcp.port in {80, 443, 8080}", "ip.proto not in {6, 17}", "udp.port in {53, 67..68, 123}",
        "ip.addr in {10.0.0.0/8, 192.168.0.0/16}", "ipv6.src in {fe80::..fe80::ffff:ffff:ffff:ffff}", "eth.dst in {ff:ff:ff:ff:ff:ff}",
        "tcp.flags & 0x12 == 0x12", "tcp.flags & 0x04", "ip.flags & 0x2", "!(tcp.flags & 0x10)",
    ];

    private static readonly Lazy<Combined> Capture = new(Combined.Build);

    [Theory]
    [MemberData(nameof(Expressions))]
    public void SelectsTheFramesTsharkSelects(string expression)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var combined = Capture.Value;
        if (combined.Frames == 0)
            Assert.Skip("no capture files found");
        var expected = Numbers(ExternalTool.Run(tshark, ["-n", "-r", combined.Path, "-Y", expression, "-T", "fields", "-e", "frame.number"]), "tshark");
        var actual = Numbers(RawNetProcess.Run(["read", combined.Path, "-Y", expression, "-T", "fields", "-e", "frame.number"]), "rawnet");
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count + extra.Count == 0,
            $"'{expression}' over {combined.Frames} frames: tshark {expected.Count}, rawnet {actual.Count}\n" +
            string.Join("\n", missing.Take(10).Select(n => "only tshark: " + combined.Origin(n)).Concat(extra.Take(10).Select(n => "only rawnet: " + combined.Origin(n)))));
    }

    [Fact]
    public void TheCombinedCaptureCoversTheCorpus()
    {
        ExternalTool.Require("tshark", "tshark");
        var combined = Capture.Value;
        if (!Directory.Exists(TestPaths.PeerCorpus))
            Assert.Skip($"the shared corpus is not at {TestPaths.PeerCorpus}");
        Assert.True(combined.Files >= 50, $"only {combined.Files} files have frames RawNet decodes");
    }

    private static HashSet<long> Numbers((int ExitCode, string StdOut, string StdErr) run, string who)
    {
        Assert.True(run.ExitCode == 0, $"{who} exited {run.ExitCode}: {run.StdErr}");
        return run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToHashSet();
    }

    /// <summary>The decodable frames of every corpus file in one pcapng, and where each came from.</summary>
    private sealed class Combined
    {
        private readonly List<(string File, long Number)> _origins = [];

        public string Path { get; private set; } = "";
        public int Files { get; private set; }
        public long Frames => _origins.Count;
        public string Origin(long number) => $"frame {number} = {_origins[(int)number - 1].File} frame {_origins[(int)number - 1].Number}";

        public static Combined Build()
        {
            var combined = new Combined();
            var directory = Directory.CreateTempSubdirectory("rawnet-filter-oracle-");
            combined.Path = System.IO.Path.Combine(directory.FullName, "corpus.pcapng");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => directory.Delete(recursive: true);
            var files = TestPaths.PeerCorpusFiles().Concat(Directory.Exists(TestPaths.Captures)
                ? Directory.GetFiles(TestPaths.Captures).Where(f => f.EndsWith(".pcap") || f.EndsWith(".pcapng")).Order(StringComparer.Ordinal)
                : []);
            using (var writer = PcapNgWriter.Create(combined.Path))
            {
                var interfaces = new Dictionary<LinkType, int>();
                foreach (var file in files)
                {
                    int before = combined._origins.Count;
                    try
                    {
                        using var reader = CaptureFileReader.Open(file);
                        long number = 0;
                        while (reader.TryReadNext(out var frame))
                        {
                            number++;
                            var metadata = frame.Metadata;
                            if (!PacketDecoder.DecodesLinkType(metadata.LinkType))
                                continue;
                            if (!interfaces.TryGetValue(metadata.LinkType, out int id))
                                interfaces.Add(metadata.LinkType, id = writer.AddInterface(metadata.LinkType));
                            writer.Write(metadata with { InterfaceId = id, Direction = PacketDirection.Unknown }, frame.Data);
                            combined._origins.Add((System.IO.Path.GetFileName(file), number));
                        }
                    }
                    catch (CaptureFileException)
                    {
                        // a damaged file contributes the frames before the damage
                    }
                    if (combined._origins.Count > before)
                        combined.Files++;
                }
            }
            return combined;
        }
    }
}
