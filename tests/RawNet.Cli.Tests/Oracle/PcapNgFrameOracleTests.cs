using RawNet.Files.PcapNg;
using RawNet.Protocols;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tshark is the oracle for the frame fields a capture file itself carries: the pcapng section, the interface's id, name
/// and description (pcapng interface blocks, and the ports wiretap makes for ERF records in a pcap), epb_flags and each
/// of its parts, and the point-to-point direction from epb_flags or a link type's pseudo-header. Compared with
/// <c>tshark -n -T fields</c> on every packet of the bundled pcapng captures, the ERF and PPP-with-direction captures,
/// the peer corpus and tests/oracle/make-pcapng-frame-cases.py's files. tshark shows each pcapng custom block as a frame
/// of its own; RawNet shows packets only but numbers them as tshark does, so tshark's lines are taken under
/// <c>-Y "not frame.cb_pen"</c> and every packet's frame.number must agree. What an FCS length in epb_flags does to
/// Ethernet's FCS, trailer and payload is compared on fcs-length.pcapng.
/// </summary>
[LongRunning]
public sealed class PcapNgFrameOracleTests
{
    internal static readonly string[] Fields =
    [
        "frame.number", "frame.section_number", "frame.interface_id", "frame.interface_name", "frame.interface_description",
        "frame.p2p_dir", "frame.packet_flags", "frame.packet_flags_direction", "frame.packet_flags_reception_type",
        "frame.packet_flags_fcs_length", "frame.packet_flags_reserved", "frame.packet_flags_crc_error",
        "frame.packet_flags_packet_too_error", "frame.packet_flags_packet_too_short_error",
        "frame.packet_flags_wrong_inter_frame_gap_error", "frame.packet_flags_unaligned_frame_error",
        "frame.packet_flags_start_frame_delimiter_error", "frame.packet_flags_preamble_error", "frame.packet_flags_symbol_error",
        "frame.cb_pen", "frame.cb_copy",
    ];

    /// <summary>
    /// What an FCS length in epb_flags does to the frame (tshark's Ethernet takes that many bytes off what the type or
    /// length field carries): frame.packet_flags_fcs_length 4 is eth.fcs, any other a shorter payload and a trailer.
    /// </summary>
    private static readonly string[] FcsLengthFields =
    [
        "frame.number", "frame.packet_flags_fcs_length", "frame.protocols", "eth.fcs", "eth.fcs.status", "eth.trailer",
        "eth.padding", "eth.len", "ip.len", "ipv6.plen", "udp.length", "_ws.expert.message", "_ws.col.Protocol", "_ws.col.Info",
    ];

    private const int Section = 1, Name = 3, Description = 4;

    private static readonly int CustomBlockPen = Array.IndexOf(Fields, "frame.cb_pen");

    public static TheoryData<string> Bundled()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Captures, "*.pcapng", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!Path.GetFileName(file).StartsWith("damaged-", StringComparison.Ordinal))
                data.Add(Path.GetRelativePath(TestPaths.Captures, file));
        }
        data.Add(Path.Combine("pseudo-link", "erf.pcap"));
        data.Add(Path.Combine("link", "ppp-dir.pcap"));
        return data;
    }

    [Theory]
    [MemberData(nameof(Bundled))]
    public void BundledFrameFieldsEqualTshark(string name) => AssertSameFrameFields(Path.Combine(TestPaths.Captures, name));

    [Theory]
    [MemberData(nameof(TsharkComparison.DecodedPeerFiles), MemberType = typeof(TsharkComparison))]
    public void PeerFrameFieldsEqualTshark(string name)
    {
        TestPaths.SkipUnlessPeerCorpus();
        AssertSameFrameFields(Path.Combine(TestPaths.PeerCorpus, name));
    }

    [Fact]
    public void FcsLengthsInEpbFlagsCutTheFrameAsTsharkDoes() =>
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, "pcapng", "fcs-length.pcapng"), FcsLengthFields, 1);

    [Fact]
    public void BundledCasesAreWhatTheScriptWrites() =>
        TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites("make-pcapng-frame-cases.py", "pcapng");

    /// <summary>
    /// tshark 4.0 looks a later section's interface up by its section-local id in the file's list of every interface, so
    /// it names the first section's; RawNet names the section's own (tshark's ids and everything else agree).
    /// </summary>
    [Fact]
    public void LaterSectionsNameTheirOwnInterfacesWhereTshark40NamesTheFirstSections()
    {
        var (tshark, ours) = Lines(Path.Combine(TestPaths.Captures, "pcapng", "frame-options.pcapng"));
        var later = tshark.Zip(ours).Where(pair => pair.First[Section] is "2" or "3").ToList();
        Assert.NotEmpty(later);
        Assert.Contains(later, pair => pair.First[Name] == "eth0" && pair.Second[Name] == "second section, big-endian");
        Assert.Contains(later, pair => pair.First[Name] == "eth0" && pair.Second[Name] == "third section" && pair.Second[Description] == "third section");
    }

    [Theory]
    [InlineData("damaged-flags-short.pcapng", 2)]
    [InlineData("damaged-flags-long.pcapng", 8)]
    public void AnEpbFlagsOptionNotFourBytesLongStopsTheFileAfterTheFramesBeforeItAsTsharkDoes(string name, int length)
    {
        var path = Path.Combine(TestPaths.Captures, "pcapng", name);
        var tshark = ExternalTool.Run(ExternalTool.Require("tshark", "tshark"), ["-n", "-r", path, "-T", "fields", "-e", "frame.number"]);
        Assert.Contains($"packet block flags option length {length} is not 4", tshark.StdErr, StringComparison.Ordinal);
        var ours = InProcessRawNet.Run("read", path, "-T", "fields", "-e", "frame.number");
        Assert.Equal(tshark.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries), ours.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.NotEqual(0, ours.ExitCode);
        Assert.Equal($"rawnet: {path}: packet 2 at byte offset 144: enhanced packet block flags option is {length} bytes long, not 4", ours.StdErr.Trim());
    }

    /// <summary>What RawNet's own pcapng writer puts in a file (interface names, directions) reads back as tshark reads it.</summary>
    [Fact]
    public void RawNetsOwnPcapNgWriterRoundTripsThroughTshark()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-frame-fields-{Environment.ProcessId}-{Guid.NewGuid():N}.pcapng");
        try
        {
            using (var writer = PcapNgWriter.Create(path))
            {
                writer.AddInterface(LinkType.Ethernet, name: "rn-a");
                writer.AddInterface(LinkType.Ethernet);
                var frame = Convert.FromHexString("0200000000020200000000010800450000210001000040113ab9c6120001c612000227100035000d0000" + "0102030405");
                foreach (var (direction, interfaceId) in new[] { (PacketDirection.Outbound, 0), (PacketDirection.Inbound, 0), (PacketDirection.Unknown, 1), (PacketDirection.Inbound, 1) })
                    writer.Write(new FrameMetadata(1_700_000_000_000_000_000L, frame.Length, frame.Length, LinkType.Ethernet, interfaceId, direction), frame);
                writer.WriteCustomBlock(32473, "between packets"u8);
                writer.Write(new FrameMetadata(1_700_000_000_000_000_001L, frame.Length, frame.Length, LinkType.Ethernet, 0, PacketDirection.Outbound), frame);
            }
            var (tshark, _) = Lines(path);
            Assert.Equal(5, tshark.Count);
            Assert.Equal("6", tshark[^1][0]);
            AssertSameFrameFields(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertSameFrameFields(string path)
    {
        var (tshark, ours) = Lines(path);
        Assert.Equal(tshark.Count, ours.Count);
        var mismatches = new List<string>();
        for (int i = 0; i < tshark.Count; i++)
        {
            for (int f = 0; f < Fields.Length; f++)
            {
                // later sections' names: LaterSectionsNameTheirOwnInterfacesWhereTshark40NamesTheFirstSections
                if (f is Name or Description && tshark[i][Section] is not ("" or "1"))
                    continue;
                if (tshark[i][f] != ours[i][f])
                    mismatches.Add($"frame {tshark[i][0]} {Fields[f]}: tshark '{tshark[i][f]}' rawnet '{ours[i][f]}'");
            }
        }
        Assert.True(mismatches.Count == 0, $"{Path.GetFileName(path)}: {mismatches.Count} mismatches\n" + string.Join("\n", mismatches.Take(30)));
    }

    private static (List<string[]> Tshark, List<string[]> Ours) Lines(string path)
    {
        var tool = ExternalTool.Require("tshark", "tshark");
        var actual = InProcessRawNet.Run(["read", path, "-T", "fields", .. Fields.SelectMany(f => new[] { "-e", f })]);
        Assert.True(actual.ExitCode == 0, $"rawnet exited {actual.ExitCode} on {path}: {actual.StdErr}");
        // the shared run's lines less the custom blocks' are what -Y "not frame.cb_pen" selects
        if (TsharkComparison.SharedLines(path, Fields) is { } shared)
            return (Split(string.Join('\n', shared)).Where(row => row[CustomBlockPen].Length == 0).ToList(), Split(actual.StdOut));
        var expected = ExternalTool.Run(tool, ["-n", "-r", path, "-Y", "not frame.cb_pen", "-T", "fields", .. Fields.SelectMany(f => new[] { "-e", f })]);
        Assert.True(expected.ExitCode == 0, $"tshark failed on {path}: {expected.StdErr}");
        return (Split(expected.StdOut), Split(actual.StdOut));
    }

    private static List<string[]> Split(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToList();
}
