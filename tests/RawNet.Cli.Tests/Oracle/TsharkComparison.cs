using RawNet.Cli.Tests.Filters;
using RawNet.Protocols.Decoding;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// Runs <c>rawnet read FILE -T fields</c> and <c>tshark -n -r FILE -T fields</c> with the same fields (and display
/// filter) and compares every value; packets of link types RawNet does not decode are compared on the leading frame
/// fields only.
/// </summary>
internal static class TsharkComparison
{
    /// <summary>
    /// The captures (.pcap, .pcapng) in the given folders under captures/ that tshark reads
    /// (<see cref="CaptureLinkTypes.TsharkReadsAll"/>), as paths relative to it, in order.
    /// </summary>
    public static TheoryData<string> CapturesIn(params string[] folders) => CapturesIn(tsharkReadsOnly: true, folders);

    /// <summary>The captures tshark reads in every folder of captures/ (the top level first) but <paramref name="except"/>.</summary>
    public static TheoryData<string> CapturesInAllFoldersBut(params string[] except) => CapturesIn(Directory.Exists(TestPaths.Captures)
        ? Directory.GetDirectories(TestPaths.Captures, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(TestPaths.Captures, d))
            .Where(d => !except.Contains(d)).Prepend(".").Order(StringComparer.Ordinal).ToArray()
        : []);

    /// <summary>The captures in the given folders, all of them or only those tshark reads, as <see cref="CapturesIn(string[])"/>.</summary>
    public static TheoryData<string> CapturesIn(bool tsharkReadsOnly, params string[] folders)
    {
        var data = new TheoryData<string>();
        foreach (var folder in folders.Select(f => Path.Combine(TestPaths.Captures, f)))
        {
            if (!Directory.Exists(folder))
                continue;
            foreach (var file in Directory.GetFiles(folder).Where(f => f.EndsWith(".pcap") || f.EndsWith(".pcapng")).Order()
                .Where(CaptureLinkTypes.ReadsWhole).Where(f => !tsharkReadsOnly || CaptureLinkTypes.TsharkReadsAll(f)))
                data.Add(Path.GetRelativePath(TestPaths.Captures, file));
        }
        return data;
    }

    /// <summary>
    /// Hands <paramref name="check"/> the capture tests/oracle/<paramref name="generator"/> makes for <paramref
    /// name="seed"/> (scapy, skipping with the reason when it is missing), made once per test run (<see cref="GeneratedCaptures"/>).
    /// </summary>
    public static void WithRandomCapture(string generator, int seed, Action<string> check, params string[] options) =>
        check(GeneratedCaptures.Random(generator, seed, options));

    /// <summary>
    /// Runs tests/oracle/<paramref name="generator"/> into a new directory (with <paramref name="seed"/> when given; scapy,
    /// skipping with the reason when it is missing), hands the directory to <paramref name="check"/> and deletes it.
    /// </summary>
    public static void WithScriptOutput(string generator, string? seed, Action<string> check)
    {
        var python = ExternalTool.Require("/usr/bin/python3", "python3-scapy");
        var script = Path.Combine(TestPaths.RepoRoot, "tests", "oracle", generator);
        var directory = Directory.CreateTempSubdirectory($"rawnet-{Path.GetFileNameWithoutExtension(generator)}-");
        try
        {
            var made = ExternalTool.Run(python, seed is null ? [script, directory.FullName] : [script, directory.FullName, seed]);
            if (made.ExitCode != 0 && made.StdErr.Contains("No module named 'scapy'"))
                Assert.Skip("python3-scapy is not installed (apt-get install python3-scapy)");
            Assert.True(made.ExitCode == 0, made.StdErr);
            check(directory.FullName);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The captures under captures/<paramref name="folder"/> are <paramref name="generator"/>'s output byte for byte: a
    /// change to one without the other fails here.
    /// </summary>
    public static void AssertBundledCasesAreWhatTheScriptWrites(string generator, string folder) =>
        WithScriptOutput(generator, null, directory =>
        {
            var written = Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            var bundled = Directory.GetFiles(Path.Combine(TestPaths.Captures, folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(written, bundled);
            foreach (var name in written)
                Assert.True(File.ReadAllBytes(Path.Combine(directory, name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(TestPaths.Captures, folder, name!))), name);
        });

    /// <summary>
    /// A bundled capture's cases are there: tshark's output of <paramref name="fields"/> over <paramref name="path"/> holds
    /// every one of <paramref name="wordings"/> (the comparisons with tshark cannot fail on what the capture does not hold).
    /// </summary>
    public static void AssertTsharkShows(string path, string[] fields, params string[] wordings)
    {
        var (exit, output, _) = FieldsRun(path, fields);
        Assert.Equal(0, exit);
        foreach (var wording in wordings)
            Assert.Contains(wording, output);
    }

    // allowedFrames: how many frames may differ, for a difference the calling test documents; none by default.
    // tsharkPath: the capture tshark reads instead of path, for a link type tshark cannot read (the same frames
    // under one it can); both must hold the same number of frames.
    public static void AssertSameFields(string path, IReadOnlyList<string> fields, int frameFieldCount, string? displayFilter = null,
        int allowedFrames = 0, string? tsharkPath = null)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        tsharkPath ??= path;
        var arguments = new List<string> { "-n", "-r", tsharkPath };
        var ours = new List<string> { "read", path };
        if (displayFilter is not null)
        {
            arguments.AddRange(["-Y", displayFilter]);
            ours.AddRange(["-Y", displayFilter]);
        }
        arguments.AddRange(["-T", "fields"]);
        ours.AddRange(["-T", "fields"]);
        foreach (var field in fields)
        {
            arguments.AddRange(["-e", field]);
            ours.AddRange(["-e", field]);
        }
        string[] expectedLines;
        if (displayFilter is null && SharedRun.Covers(tsharkPath, fields))
        {
            expectedLines = SharedRun.Lines(tshark, tsharkPath, fields);
        }
        else if (displayFilter is not null && fields is ["frame.number"] && BatchedSelection(tshark, tsharkPath, displayFilter) is { } selected)
        {
            expectedLines = selected.Order().Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }
        else
        {
            // without a filter the command is FieldsRun's: its cached run, which a cases check of the same fields shares
            var expected = displayFilter is null ? FieldsRun(tsharkPath, [.. fields]) : ExternalTool.Run(tshark, arguments);
            Assert.True(expected.ExitCode == 0, $"tshark failed on {tsharkPath}: {expected.StdErr}");
            expectedLines = expected.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        var actual = InProcessRawNet.Run([.. ours]);
        Assert.True(actual.ExitCode == 0, $"rawnet exited {actual.ExitCode} on {path}: {actual.StdErr}");

        var actualLines = actual.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expectedLines.Length, actualLines.Length);
        var linkTypes = CaptureLinkTypes.Of(path);
        if (displayFilter is null)
            Assert.Equal(expectedLines.Length, linkTypes.Count);
        var mismatches = new List<string>();
        var differing = new HashSet<int>();
        for (int i = 0; i < expectedLines.Length; i++)
        {
            var want = expectedLines[i].Split('\t');
            var got = actualLines[i].Split('\t');
            Assert.Equal(fields.Count, got.Length);
            // Under a display filter the lines are the matching packets: frame.number comes first to say which.
            int frame = displayFilter is null ? i + 1 : int.Parse(want[0]);
            int compared = PacketDecoder.DecodesLinkType(linkTypes[frame - 1]) ? fields.Count : frameFieldCount;
            for (int f = 0; f < compared; f++)
            {
                if (want[f] != got[f])
                {
                    mismatches.Add($"packet {frame}{GeneratedCaptures.Describe(path, frame)} {fields[f]}: tshark '{want[f]}' rawnet '{got[f]}'");
                    differing.Add(frame);
                }
            }
        }
        Assert.True(differing.Count <= allowedFrames, $"{Path.GetFileName(path)}: {mismatches.Count} mismatches in {differing.Count} frames " +
            $"({allowedFrames} allowed)\n" + string.Join("\n", mismatches.Take(30)));
    }

    /// <summary>
    /// tshark's <c>-T fields</c> lines for <paramref name="fields"/> of a bundled or peer capture, from the run its
    /// test classes share; null when the shared run does not cover them (another file, another field).
    /// </summary>
    public static string[]? SharedLines(string path, IReadOnlyList<string> fields) =>
        SharedRun.Covers(path, fields) ? SharedRun.Lines(ExternalTool.Require("tshark", "tshark"), path, fields) : null;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(TsharkFilterBatch Batch, CombinedCapture? Combined)>> FilterBatches =
        new(StringComparer.Ordinal);

    /// <summary>
    /// The frames tshark selects with <paramref name="filter"/> in <paramref name="path"/>, from one Lua pass
    /// (<see cref="TsharkFilterBatch"/>) per test method over every string the method's theory rows hold (a capture's
    /// name among them is an expression tshark refuses, which costs nothing), instead of one <c>tshark -Y</c> a row; null
    /// when the running test is no theory, or tshark refused the expression (the caller's own run then says why).
    /// </summary>
    /// <remarks>
    /// The captures the rows name in <paramref name="path"/>'s folder that can join a <see cref="CombinedCapture"/> are
    /// read in one pass over their combined frames (the pseudo-link oracle's 40 captures: one start instead of 40, each
    /// evaluating all the method's expressions); a capture that cannot join gets a pass of its own.
    /// </remarks>
    private static HashSet<long>? BatchedSelection(string tshark, string path, string filter)
    {
        if (TestContext.Current.TestMethod is not Xunit.v3.IXunitTestMethod { Method: var method })
            return null;
        string full = Path.GetFullPath(path), folder = Path.GetDirectoryName(full)!;
        bool combinable = CombinedCapture.Combinable(full);
        string key = $"{method.DeclaringType?.FullName}.{method.Name}|{(combinable ? folder + Path.DirectorySeparatorChar : full)}";
        var (batch, combined) = FilterBatches.GetOrAdd(key, _ => new Lazy<(TsharkFilterBatch, CombinedCapture?)>(() =>
        {
            var strings = StringArguments(method);
            if (!combinable)
                return (TsharkFilterBatch.Run(tshark, full, strings), null);
            var captures = strings.Where(s => s.EndsWith(".pcap", StringComparison.Ordinal)).Select(name => Path.Combine(folder, name))
                .Append(full).Distinct(StringComparer.Ordinal).Where(File.Exists)
                .Where(CombinedCapture.Combinable).Order(StringComparer.Ordinal).ToList();
            var capture = CombinedCapture.Write("filter-batch", captures, _ => true);
            return (TsharkFilterBatch.Run(tshark, capture.Path, strings), capture);
        })).Value;
        if (!batch.Answers(filter))
            return null;
        var frames = batch.Frames(filter)!;
        if (combined is null)
            return frames;
        var (first, count) = combined.PartOf(full)!.Value;
        return frames.Where(n => n > first && n <= first + count).Select(n => n - first).ToHashSet();
    }

    private static List<string> StringArguments(System.Reflection.MethodInfo method)
    {
        var strings = new List<string>();
        foreach (var data in method.GetCustomAttributes(inherit: false).OfType<Xunit.v3.IDataAttribute>())
        {
            foreach (var row in data.GetData(method, new Xunit.Sdk.DisposalTracker()).AsTask().GetAwaiter().GetResult())
                strings.AddRange(row.GetData().OfType<string>().Where(text => !text.Contains('\n') && !text.Contains('\r')));
        }
        return strings;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(int, string, string)>> OwnRuns = new(StringComparer.Ordinal);

    /// <summary>
    /// What <c>tshark -n -r PATH -T fields -e F...</c> prints for <paramref name="fields"/>: cut from the shared run when
    /// it prints them all, else one run per capture and field list in the test run (a test that asks again in a loop
    /// starts no second tshark). A capture's cases checks ("tshark shows X") use this.
    /// </summary>
    public static (int ExitCode, string StdOut, string StdErr) FieldsRun(string path, params string[] fields)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        if (SharedRun.Covers(path, fields) && CaptureLinkTypes.TsharkReadsAll(path))
            return (0, string.Concat(SharedRun.Lines(tshark, path, fields).Select(line => line + "\n")), "");
        var file = new FileInfo(path);
        string key = $"{file.FullName}\n{file.Length}\n{file.LastWriteTimeUtc.Ticks}\n{string.Join('\n', fields)}";
        return OwnRuns.GetOrAdd(key, _ => new Lazy<(int, string, string)>(() =>
            ExternalTool.Run(tshark, ["-n", "-r", path, "-T", "fields", .. fields.SelectMany(f => new[] { "-e", f })]))).Value;
    }

    /// <summary>
    /// tshark's <c>-T fields</c> lines for <paramref name="fields"/> of <paramref name="path"/>: cut from the shared run
    /// when it prints them, else from a run of their own.
    /// </summary>
    public static List<string> FieldLines(string path, IReadOnlyList<string> fields) =>
        ProtocolChainOracleTests.Lines(FieldsRun(path, [.. fields]), path);

    /// <summary>
    /// tshark's colouring rule and Info column of each frame of <paramref name="path"/> with <c>--color</c> and the IPv4,
    /// TCP and UDP checksums verified, from the shared run when it covers the file (<see cref="SharedRun"/>); else null.
    /// </summary>
    public static (string ColoringRule, string Info)[]? CheckedColumns(string path) =>
        SharedRun.Covers(path, []) ? SharedRun.Checked(ExternalTool.Require("tshark", "tshark"), path) : null;

    /// <summary>
    /// One tshark run per bundled or peer capture for all the fields the per-capture field oracles compare (decoding,
    /// analysis, payloads, undissected data, the columns oracle's protocols and columns, the link layers', 802.11's,
    /// DNS's and HTTP's, the frame, Ethernet and IP fields beside the header's, the transport fields, TCP reassembly's,
    /// the expert fields, the named expert items, the pcapng frame fields, whether the expert tree has anything to compare,
    /// ICMPv6's and IP reassembly's), and per damaged capture for the fields its
    /// oracles compare (<see cref="GeneratedCaptures.SharedFields"/>), shared by their test classes: a field's value does
    /// not depend on which other fields are printed, and tshark's start-up and dissection were most of CI's time.
    /// </summary>
    /// <remarks>
    /// The run is the columns oracle's too: <c>--color</c> with the IPv4, TCP and UDP checksums verified, printing the
    /// colouring rule and the three checksum statuses beside the fields. Verification changes tshark's dissection only
    /// where a checksum is bad (the "[TCP CHECKSUM INCORRECT]" mark, the expert item, no reassembly of that segment), and
    /// otherwise only the statuses, which read Good (1) where tshark with default preferences reads Unverified (2). So when
    /// no status reads Bad (0), the fields under default preferences are this run's with those Goods made Unverified;
    /// when one does, a second run with default preferences gives them. Checked over every bundled and peer capture
    /// tshark reads: the first case equal to the default run's output field for field in all 229 without a bad checksum.
    /// </remarks>
    private static class SharedRun
    {
        private static readonly string[] KeptCaptureFields =
        [
            .. TsharkFieldsOracleTests.Fields.Union(TsharkAnalysisOracleTests.Fields).Union(TsharkPayloadFieldsOracleTests.PayloadFields)
                .Union(TsharkPayloadFieldsOracleTests.DataFields).Union(TsharkColumnsOracleTests.PlainFields)
                .Union(LinkLayerOracleTests.Fields).Union(LinkLayerOracleTests.BridgedFields).Union(PseudoLinkOracleTests.Fields).Union(WirelessOracleTests.Fields)
                .Union(DnsOracleTests.Fields).Union(DnsOracleTests.Columns).Union(HttpOracleTests.Fields).Union(EthernetTrailerOracleTests.Fields)
                .Union(TsharkLinkIpFieldsOracleTests.FrameEthernetFields).Union(TsharkLinkIpFieldsOracleTests.IpFields)
                .Union(TsharkTransportFieldsOracleTests.Fields).Union(TcpReassemblyOracleTests.Fields)
                .Union(ExpertFieldsOracleTests.Fields).Union(ExpertNamedFieldsOracleTests.Fields).Union(PcapNgFrameOracleTests.Fields)
                .Union(ExpertTreeOracleTests.PresenceFields).Union(Icmpv6OracleTests.Fields).Union(IpReassemblyOracleTests.Fields),
        ];

        /// <summary>The statuses of the checksums the run verifies, which verification turns from Unverified to Good or Bad.</summary>
        private static readonly string[] VerifiedStatuses = ["ip.checksum.status", "tcp.checksum.status", "udp.checksum.status"];

        private static readonly string[] VerifyChecksums =
            ["--color", "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE"];

        private const string Bad = "0", Good = "1", Unverified = "2";

        private sealed record Run(Dictionary<string, int> Column, string[][] Rows, (string ColoringRule, string Info)[] Checked);

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Run>> Runs = new(StringComparer.Ordinal);

        /// <summary>
        /// The fields the shared run of <paramref name="path"/> prints: the repository's captures and the peer corpus, and
        /// the damaged captures; null for any other file (random captures are read once).
        /// </summary>
        private static IReadOnlyList<string>? FieldsOf(string path)
        {
            string full = Path.GetFullPath(path);
            bool kept = full.StartsWith(TestPaths.Captures + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || full.StartsWith(TestPaths.PeerCorpus + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            return kept ? KeptCaptureFields : GeneratedCaptures.SharedFields(full);
        }

        /// <summary>Whether the shared run answers for these fields of this file.</summary>
        public static bool Covers(string path, IReadOnlyList<string> fields) => FieldsOf(path) is { } printed && fields.All(printed.Contains);

        /// <summary>tshark's lines for <paramref name="fields"/> of <paramref name="path"/>, cut from the shared run's.</summary>
        public static string[] Lines(string tshark, string path, IReadOnlyList<string> fields)
        {
            var run = Of(tshark, path);
            var columns = fields.Select(f => run.Column[f]).ToArray();
            return run.Rows.Select(row => string.Join('\t', columns.Select(c => row[c]))).ToArray();
        }

        /// <summary>The colouring rule and Info column of each frame with the checksums verified.</summary>
        public static (string ColoringRule, string Info)[] Checked(string tshark, string path) => Of(tshark, path).Checked;

        private static Run Of(string tshark, string path) =>
            Runs.GetOrAdd(Path.GetFullPath(path), full => new Lazy<Run>(() => Start(tshark, full, FieldsOf(full)!))).Value;

        private static Run Start(string tshark, string path, IReadOnlyList<string> fields)
        {
            string[] printed = [.. fields.Union([.. VerifiedStatuses, "_ws.col.Info"]), "frame.coloring_rule.name"];
            var verified = Rows(tshark, path, [.. VerifyChecksums], printed);
            int info = Array.IndexOf(printed, "_ws.col.Info"), rule = printed.Length - 1;
            var statuses = VerifiedStatuses.Select(f => Array.IndexOf(printed, f)).ToArray();
            var checkedColumns = verified.Select(row => (row[rule], row[info])).ToArray();
            string[][] rows;
            if (verified.Any(row => statuses.Any(c => row[c].Split(',').Contains(Bad))))
            {
                rows = Rows(tshark, path, [], fields);
            }
            else
            {
                foreach (var row in verified)
                {
                    foreach (int c in statuses)
                        row[c] = string.Join(',', row[c].Split(',').Select(v => v == Good ? Unverified : v));
                }
                rows = verified;
            }
            var columnOf = (rows == verified ? printed : fields).Select((field, i) => (field, i)).ToDictionary(p => p.field, p => p.i);
            return new Run(columnOf, rows, checkedColumns);
        }

        private static string[][] Rows(string tshark, string path, string[] options, IReadOnlyList<string> fields)
        {
            var run = ExternalTool.Run(tshark, [.. options, "-n", "-r", path, "-T", "fields", .. fields.SelectMany(f => new[] { "-e", f })]);
            Assert.True(run.ExitCode == 0, $"tshark failed on {path}: {run.StdErr}");
            var rows = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToArray();
            Assert.True(rows.All(row => row.Length == fields.Count), $"tshark printed a line of {path} with a tab inside a value");
            return rows;
        }
    }

    /// <summary>
    /// The peer captures whose every frame has a link type RawNet decodes. On the 802.11, radiotap and PPI ones an
    /// oracle test compares only what needs no decoding (empty fields, frame counts), at a tshark run or three each,
    /// which CI's time cannot afford for 37 captures; the undecodable link types are covered by CorpusSmokeTests and
    /// the summary oracle.
    /// </summary>
    public static TheoryData<string> DecodedPeerFiles()
    {
        var data = new TheoryData<string>();
        foreach (var name in TestPaths.PeerCorpusNames(TestPaths.PeerCorpusFiles().Where(file => CaptureLinkTypes.Of(file).All(PacketDecoder.DecodesLinkType))))
            data.Add(name);
        return data;
    }
}
