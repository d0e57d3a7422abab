using RawNet.Capture.Bpf;
using RawNet.Capture.LibPcap;
using RawNet.Files;
using RawNet.Protocols;
using RawNet.Testing;

namespace RawNet.Capture.Tests.Bpf;

/// <summary>Our interpreter against libpcap's pcap_offline_filter, frame by frame, over the peer corpus.</summary>
public sealed class BpfLibPcapAgreementTests
{
    private static readonly string[] ExpressionTable =
    [
        "tcp",
        "udp",
        "icmp",
        "udp port 53",
        "host 192.168.1.3",
        "tcp port 80 and host 10.0.0.1",
        "ip6",
        "icmp6",
        "arp",
        "vlan",
        "vlan and tcp",
        "tcp[tcpflags] & tcp-syn != 0",
        "tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn",
        "ip[6:2] & 0x1fff != 0",
        "len > 1000",
        "len <= 64",
        "ether broadcast",
        "ether multicast",
        "net 10.0.0.0/8",
        "src net 192.168.0.0/16 and dst portrange 1-1024",
        "portrange 1-1024",
        "ip proto 47",
        "not ip",
        "greater 500",
        "less 100",
        "ip6 and tcp",
        "ip multicast",
        "tcp[((tcp[12:1] & 0xf0) >> 2):4] = 0x47455420",
        "ip[2:2] / 4 > 100 or ip[8] % 3 = 0",
        "(ip[0] << 2) & 0x3c > 20 or udp[4:2] * 2 - 16 > 200",
        "-ip[0] != 0 and ip[1] ^ 0xff > 3",
        "len - 14 > 100 and (ether[12:2] | 0x0100) = 0x0900",
        "pppoes",
        "mpls",
        "ip6 and (udp dst port 547 or icmp6)",
    ];

    private static readonly int[] Cuts = [int.MaxValue, 0, 1, 13, 14, 17, 23, 33, 34, 37, 40, 47, 53, 54, 60];

    public static TheoryData<string> Expressions() => new(ExpressionTable);

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Verdicts_equal_pcap_offline_filter_on_every_corpus_frame(string expression)
    {
        if (!PcapLibrary.IsAvailable)
            Assert.Skip("libpcap is not available (apt-get install libpcap0.8)");
        var files = TestPaths.PeerCorpusFiles().ToList();
        if (files.Count == 0)
            Assert.Skip("the peer corpus is not beside the repository: " + TestPaths.PeerCorpus);

        var frames = 0;
        var accepted = 0;
        var mismatches = new List<string>();
        foreach (var optimize in new[] { true, false })
        {
            var programs = new Dictionary<LinkType, (BpfProgram Ours, SharpPcap.LibPcap.BpfProgram Libpcap)?>();
            foreach (var path in files)
            {
                using var reader = CaptureFileReader.Open(path);
                while (reader.TryReadNext(out var frame))
                {
                    var linkType = frame.Metadata.LinkType;
                    if (!programs.TryGetValue(linkType, out var pair))
                        programs[linkType] = pair = TryCompilePair(expression, linkType, optimize);
                    if (pair is not var (program, native))
                        continue;
                    var wireLength = frame.Metadata.OriginalLength;
                    frames++;
                    if (program.Run(frame.Data, wireLength) != 0)
                        accepted++;
                    // The whole frame, then snaplen-cut prefixes that end inside the link, network and transport headers.
                    foreach (var cut in Cuts)
                    {
                        var data = frame.Data[..Math.Min(cut, frame.Data.Length)];
                        var ours = program.Run(data, wireLength) != 0;
                        var theirs = LibPcapAccepts(native, data, wireLength);
                        if (ours != theirs && mismatches.Count < 20)
                            mismatches.Add($"{Path.GetFileName(path)} #{reader.PacketNumber} ({linkType}, optimize {optimize}, caplen {data.Length}): ours {ours}, libpcap {theirs}");
                    }
                }
            }
            foreach (var compiled in programs.Values)
                compiled?.Libpcap.Dispose();
        }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        Assert.True(frames > 0, $"\"{expression}\" compiled for none of the corpus's link types");
        TestContext.Current.TestOutputHelper?.WriteLine($"{expression}: {frames} verdicts, {accepted} accepted");
        Assert.True(accepted < frames, $"\"{expression}\" accepted all {frames} frames");
    }

    [Fact]
    public void Most_expressions_compile_for_every_corpus_link_type()
    {
        if (!PcapLibrary.IsAvailable)
            Assert.Skip("libpcap is not available (apt-get install libpcap0.8)");
        var linkTypes = new HashSet<LinkType>();
        foreach (var path in TestPaths.PeerCorpusFiles())
        {
            using var reader = CaptureFileReader.Open(path);
            linkTypes.UnionWith(reader.LinkTypes);
        }
        if (linkTypes.Count == 0)
            Assert.Skip("the peer corpus is not beside the repository: " + TestPaths.PeerCorpus);

        var expressions = ExpressionTable;
        // Every expression compiles for Ethernet, the corpus's main link type.
        foreach (var expression in expressions)
            Assert.True(TryCompile(expression, LinkType.Ethernet, optimize: true) is not null, expression);

        var combos = 0;
        var compiled = 0;
        foreach (var linkType in linkTypes)
        {
            foreach (var expression in expressions)
            {
                combos++;
                if (TryCompile(expression, linkType, optimize: true) is not null)
                    compiled++;
            }
        }
        Assert.True(compiled * 2 > combos, $"only {compiled} of {combos} expression/link-type pairs compiled");
    }

    /// <summary>
    /// libpcap's own program (SharpPcap's handle, run by pcap_offline_filter) and ours, copied from the same compile:
    /// the two interpreters judge the very same instructions. Null where ours refuses it or libpcap cannot compile it.
    /// </summary>
    private static (BpfProgram, SharpPcap.LibPcap.BpfProgram)? TryCompilePair(string expression, LinkType linkType, bool optimize)
    {
        if (TryCompile(expression, linkType, optimize) is not { } ours)
            return null;
        return (ours, PcapFilterCompiler.CompileNative(expression, linkType, optimize));
    }

    /// <summary>pcap_offline_filter's verdict on a frame of <paramref name="wireLength"/> bytes whose captured part is <paramref name="data"/>.</summary>
    private static unsafe bool LibPcapAccepts(SharpPcap.LibPcap.BpfProgram program, ReadOnlySpan<byte> data, int wireLength)
    {
        var header = new SharpPcap.LibPcap.PcapHeader(0, 0, (uint)wireLength, (uint)data.Length).MarshalToIntPtr(SharpPcap.TimestampResolution.Microsecond);
        try
        {
            fixed (byte* bytes = data)
                return program.Matches(header, (nint)bytes);
        }
        finally
        {
            System.Runtime.InteropServices.Marshal.FreeHGlobal(header);
        }
    }

    private static BpfProgram? TryCompile(string expression, LinkType linkType, bool optimize)
    {
        try
        {
            return BpfProgram.Compile(expression, linkType, optimize: optimize);
        }
        catch (BpfCompileException)
        {
            return null; // e.g. "vlan" on raw IP
        }
    }
}
