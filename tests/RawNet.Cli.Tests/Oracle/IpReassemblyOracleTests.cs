using System.Text.RegularExpressions;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tshark 4.0 (one pass, default preferences) is the oracle for IP reassembly's fields and subtree: on every packet of
/// the bundled and peer captures that hold IPv4 or IPv6 fragments, <c>-T fields</c> gives the same <c>ip.fragment*</c>,
/// <c>ipv6.fragment*</c> and <c>*.reassembled.*</c> values (every occurrence, in tshark's order), <c>-V</c> the same
/// "[N IPv4 Fragments (B bytes): ...]" subtree line for line, and <c>-Y</c> on them picks the same frames.
/// captures/ip-fragment-cases.pcap (captures/make-captures.py) holds what the others lack: out-of-order fragments,
/// overlaps with the same and other bytes, repeated and second last fragments, fragments past the end, empty and cut ones.
/// </summary>
public sealed partial class IpReassemblyOracleTests
{
    public static readonly string[] Fields =
    [
        "frame.number", "ip.fragments", "ip.fragment", "ip.fragment.overlap", "ip.fragment.overlap.conflict", "ip.fragment.multipletails",
        "ip.fragment.toolongfragment", "ip.fragment.error", "ip.fragment.count", "ip.reassembled_in", "ip.reassembled.length",
        "ip.reassembled.data", "ipv6.fraghdr.reserved_octet", "ipv6.fraghdr.reserved_bits", "ipv6.fragments", "ipv6.fragment",
        "ipv6.fragment.overlap", "ipv6.fragment.overlap.conflict", "ipv6.fragment.multipletails", "ipv6.fragment.toolongfragment",
        "ipv6.fragment.error", "ipv6.fragment.count", "ipv6.reassembled.in", "ipv6.reassembled.length", "ipv6.reassembled.data",
    ];

    /// <summary>
    /// The captures with IP fragments: those where <c>tshark -Y "ip.flags.mf == 1 || ip.frag_offset > 0 || ipv6.fraghdr"</c>
    /// finds a frame, bundled (relative to captures/) and peer ("peer/" and the name).
    /// </summary>
    public static TheoryData<string> FragmentedCaptures() =>
        ["ip-fragments.pcap", "nested-fragments.pcap", "ip-fragment-cases.pcap", "peer/udp-ip-fragmented.pcap"];

    private static string PathOf(string name) =>
        name.StartsWith("peer/", StringComparison.Ordinal) ? Path.Combine(TestPaths.PeerCorpus, name["peer/".Length..]) : Path.Combine(TestPaths.Captures, name);

    [Theory]
    [MemberData(nameof(FragmentedCaptures))]
    public void Reassembly_fields_are_tshark_s(string name) => TsharkComparison.AssertSameFields(Existing(name), Fields, 1);

    [Theory]
    [InlineData("ip-fragment-cases.pcap", "ip.fragment == 3 || ipv6.fragment.count > 3")]
    [InlineData("ip-fragment-cases.pcap", "ip.fragment.overlap.conflict || ipv6.fragment.error")]
    [InlineData("ip-fragment-cases.pcap", "ipv6.fragments && !ip.fragments")]
    [InlineData("ip-fragment-cases.pcap", "ip.reassembled.length < 100 || ipv6.fragment.multipletails")]
    [InlineData("nested-fragments.pcap", "ip.fragment == 2")]
    public void Filters_on_them_pick_tshark_s_frames(string name, string filter) =>
        TsharkComparison.AssertSameFields(Existing(name), ["frame.number", "ip.fragment", "ipv6.fragment"], 1, filter);

    [Theory]
    [MemberData(nameof(FragmentedCaptures))]
    public void The_tree_shows_tshark_s_fragments_subtree(string name)
    {
        string path = Existing(name);
        var tshark = ExternalTool.Require("tshark", "tshark");
        var theirs = ExternalTool.Run(tshark, ["-n", "-r", path, "-V"]);
        Assert.True(theirs.ExitCode == 0, theirs.StdErr);
        var ours = InProcessRawNet.Run(["read", path, "-V"]);
        Assert.True(ours.ExitCode == 0, ours.StdErr);
        var want = Subtrees(theirs.StdOut);
        var got = Subtrees(ours.StdOut);
        Assert.Equal(want.Count, got.Count);
        Assert.Contains(want, frame => frame.Count > 0);
        for (int i = 0; i < want.Count; i++)
            Assert.True(want[i].SequenceEqual(got[i]), $"frame {i + 1}:\ntshark:\n{string.Join("\n", want[i])}\nrawnet:\n{string.Join("\n", got[i])}");
    }

    private static string Existing(string name)
    {
        string path = PathOf(name);
        if (!File.Exists(path))
            Assert.Skip($"{path} is not there");
        return path;
    }

    /// <summary>Per frame, the lines of each "[N IPv4/IPv6 Fragments ...]" item and the lines indented under it.</summary>
    private static List<List<string>> Subtrees(string tree)
    {
        var frames = new List<List<string>>();
        List<string>? current = null;
        int depth = -1;
        foreach (var line in tree.Split('\n'))
        {
            if (FrameLine().IsMatch(line))
            {
                current = [];
                frames.Add(current);
                depth = -1;
                continue;
            }
            if (current is null)
                continue;
            int indent = line.Length - line.TrimStart(' ').Length;
            if (depth >= 0 && indent > depth && line.Trim().Length > 0)
            {
                current.Add(line.TrimEnd());
                continue;
            }
            depth = -1;
            if (FragmentsLine().IsMatch(line))
            {
                depth = indent;
                current.Add(line.TrimEnd());
            }
        }
        return frames;
    }

    [GeneratedRegex(@"^Frame \d+: ")]
    private static partial Regex FrameLine();

    [GeneratedRegex(@"^ *\[\d+ IPv[46] Fragments? \(\d+ bytes?\): ")]
    private static partial Regex FragmentsLine();
}
