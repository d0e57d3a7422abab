using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// NBNS against its oracles: every nbns.* field RawNet names, frame.protocols and the columns of <c>rawnet read -T fields</c>
/// as <c>tshark -T fields</c> (tshark 4.0, default preferences) prints them, and every summary line as <c>tcpdump -n -r</c>
/// and <c>-v</c> print it (Debian's tcpdump 4.99 is built without its SMB printers, so NBNS is plain UDP to it), over
/// captures/nbns/nbns-cases.pcap (queries, responses, registrations, refreshes, releases, WACKs, node status with name
/// tables, scope IDs, pointer loops, counts past the message, illegal names, damaged and snap-cut messages:
/// tests/oracle/make-nbns-cases.py). tshark reads an NB record's first address for the Info column before it checks the
/// record's length, so with columns asked for a short record is malformed earlier: the fields are compared without them.
/// </summary>
public sealed class NbnsOracleTests
{
    /// <summary>The NBNS fields compared, after the frame number.</summary>
    public static readonly string[] Fields =
    [
        "frame.number", "nbns.id", "nbns.flags", "nbns.flags.response", "nbns.flags.opcode", "nbns.flags.authoritative",
        "nbns.flags.truncated", "nbns.flags.recdesired", "nbns.flags.recavail", "nbns.flags.broadcast", "nbns.flags.rcode",
        "nbns.count.queries", "nbns.count.answers", "nbns.count.auth_rr", "nbns.count.add_rr", "nbns.name", "nbns.type",
        "nbns.class", "nbns.ttl", "nbns.data_length", "nbns.nb_flags", "nbns.nb_flags.group", "nbns.nb_flags.ont", "nbns.addr",
        "nbns.number_of_names", "nbns.netbios_name", "nbns.name_flags", "nbns.name_flags.group", "nbns.name_flags.ont",
        "nbns.name_flags.drg", "nbns.name_flags.cnf", "nbns.name_flags.act", "nbns.name_flags.prm", "nbns.unit_id",
        "nbns.jumpers", "nbns.test_result", "nbns.version_number", "nbns.period_of_statistics", "nbns.num_crcs",
        "nbns.num_alignment_errors", "nbns.num_collisions", "nbns.num_send_aborts", "nbns.num_good_sends",
        "nbns.num_good_receives", "nbns.numretransmits", "nbns.num_no_resource_conditions", "nbns.numcommand_blocks",
        "nbns.numpending_sessions", "nbns.max_num_pending_sessions", "nbns.max_total_sessions_possible",
        "nbns.session_data_packet_size", "nbns.data",
    ];

    /// <summary>The protocol chain and the columns: "NBNS", and tshark's Info text with its marks.</summary>
    public static readonly string[] Columns = ["frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info"];

    public static TheoryData<string> Modes() => new("", "-v");

    private static string Bundled => Path.Combine(TestPaths.Captures, "nbns", "nbns-cases.pcap");

    [Fact]
    public void BundledCasesFieldsEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Fields, 1);

    [Fact]
    public void BundledCasesColumnsEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Columns, 1);

    [Theory]
    [MemberData(nameof(Modes))]
    public void BundledCasesSummariesEqualTcpdump(string mode) => TcpdumpComparison.AssertSummariesEqual(Bundled, mode);

    public static TheoryData<int> Seeds() => new(1, 2, 3);

    /// <summary>
    /// The fixed messages damaged at random (400 frames a seed). Up to 5 frames a seed may differ, of three kinds: names
    /// with RFC 2673 extended labels, which tshark's name expansion reads on where RawNet's DNS name walk stops (as
    /// DNS's oracle found tshark's DNS does); a label holding a NUL byte reached through a pointer, which tshark then writes
    /// otherwise; and bytes that are not UTF-8 in a scope ID, which tshark prints raw (seeds 1 to 6: 10 frames of 2,400
    /// differ in the fields, 11 in the columns).
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomDamagesEqualTsharkAndTcpdump(int seed) =>
        TsharkComparison.WithRandomCapture("make-nbns-cases.py", seed, path =>
        {
            TsharkComparison.AssertSameFields(path, Fields, 1, allowedFrames: 5);
            TsharkComparison.AssertSameFields(path, Columns, 1, allowedFrames: 5);
            TcpdumpComparison.AssertSummariesEqual(path, "");
        });

    [Fact]
    public void BundledCasesAreWhatTheScriptWrites() => TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites("make-nbns-cases.py", "nbns");

    /// <summary>Display filters select what tshark's do: the protocol, header fields, names and addresses.</summary>
    [Theory]
    [InlineData("nbns")]
    [InlineData("nbns.flags.opcode == 5 && nbns.flags.broadcast")]
    [InlineData("nbns.addr == 10.0.0.1 || nbns.type == 33")]
    [InlineData("nbns.name == \"WORKGROUP<1d>\"")]
    [InlineData("nbns && !nbns.name")]
    public void DisplayFiltersSelectWhatTsharksSelect(string filter) =>
        TsharkComparison.AssertSameFields(Bundled, ["frame.number"], 1, filter);

    [Fact]
    public void TheBundledCasesCoverWhatTheyClaim()
    {
        TsharkComparison.AssertTsharkShows(Bundled, ["_ws.col.Protocol", "_ws.col.Info"],
            "Name query NB WPAD<00>", "Name query response NB 10.0.0.1", "Registration NB WORKGROUP<1d>",
            "Refresh NB", "Release NB", "Multi-homed registration", "Wait for acknowledgment response", "NBSTAT", "Requested name does not exist",
            "SCOPED<20>.example.com", "Illegal NetBIOS name", "[Malformed Packet]", "[Packet size limited during capture]");
    }
}
