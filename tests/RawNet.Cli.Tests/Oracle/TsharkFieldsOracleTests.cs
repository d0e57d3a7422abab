using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tshark is the oracle for decoding: for every capture of the shared peer corpus and of captures/, the real
/// <c>rawnet read -T fields</c> must print byte for byte what <c>tshark -n -r FILE -T fields</c> prints for the issue's
/// field list, on every packet whose link type RawNet decodes: tunnels (GRE, ERSPAN, VXLAN, Teredo), ICMP quotes and
/// IP-in-IP included. Packets of link types RawNet does not decode (802.11) are checked on the frame fields only, and no
/// file may crash.
/// </summary>
public sealed class TsharkFieldsOracleTests
{
    /// <summary>The fields the issue names.</summary>
    public static readonly string[] Fields =
    [
        "frame.number", "frame.time_epoch", "frame.len", "frame.cap_len", "eth.src", "eth.dst", "eth.type", "vlan.id", "arp.opcode",
        "ip.version", "ip.hdr_len", "ip.dsfield", "ip.len", "ip.id", "ip.flags", "ip.frag_offset", "ip.ttl", "ip.proto", "ip.checksum",
        "ip.src", "ip.dst", "ipv6.tclass", "ipv6.flow", "ipv6.plen", "ipv6.nxt", "ipv6.hlim", "ipv6.src", "ipv6.dst", "tcp.srcport",
        "tcp.dstport", "tcp.seq_raw", "tcp.ack_raw", "tcp.hdr_len", "tcp.flags", "tcp.window_size_value", "tcp.checksum",
        "tcp.urgent_pointer", "tcp.len", "tcp.options.mss_val", "tcp.options.wscale.shift", "tcp.options.timestamp.tsval",
        "tcp.options.timestamp.tsecr", "udp.srcport", "udp.dstport", "udp.length", "udp.checksum", "icmp.type", "icmp.code",
        "icmp.checksum", "icmpv6.type", "icmpv6.code", "icmpv6.checksum",
    ];

    private const int FrameFieldCount = 4;

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var name in TestPaths.PeerCorpusNames(TestPaths.PeerCorpusFiles()))
            data.Add(name);
        return data;
    }

    public static TheoryData<string> BundledFiles()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(TestPaths.Captures))
        {
            foreach (var file in Directory.GetFiles(TestPaths.Captures).Where(f => f.EndsWith(".pcap") || f.EndsWith(".pcapng")).Order())
                data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void PeerCorpusFieldsEqualTshark(string name)
    {
        TestPaths.SkipUnlessPeerCorpus();
        CompareWithTshark(Path.Combine(TestPaths.PeerCorpus, name));
    }

    [Theory]
    [MemberData(nameof(BundledFiles))]
    public void BundledCaptureFieldsEqualTshark(string name) => CompareWithTshark(Path.Combine(TestPaths.Captures, name));

    [Fact]
    public void PeerCorpusIsPresent()
    {
        if (!Directory.Exists(TestPaths.PeerCorpus))
            Assert.Skip($"the shared corpus is not at {TestPaths.PeerCorpus}");
        Assert.Equal(79, TestPaths.PeerCorpusFiles().Count());
    }

    private static void CompareWithTshark(string path) => TsharkComparison.AssertSameFields(path, Fields, FrameFieldCount);
}
