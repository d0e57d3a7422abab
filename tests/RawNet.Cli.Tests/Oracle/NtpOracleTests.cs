using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// NTP against its oracles: every ntp.* field RawNet names, frame.protocols and the columns of <c>rawnet read -T fields</c>
/// as <c>tshark -T fields</c> (tshark 4.0, default preferences) prints them, and every summary line as <c>tcpdump -n -r</c>
/// and <c>-v</c> print it, over captures/ntp/ntp-cases.pcap (client, server, broadcast and symmetric modes in versions 0
/// to 7, kiss codes, reference sources, era edges, extension fields and MACs, control and private messages, damaged and
/// snap-cut messages: tests/oracle/make-ntp-cases.py).
/// </summary>
public sealed class NtpOracleTests
{
    /// <summary>The NTP fields compared, after the frame number.</summary>
    public static readonly string[] Fields =
    [
        "frame.number", "ntp.flags", "ntp.flags.li", "ntp.flags.vn", "ntp.flags.mode", "ntp.stratum", "ntp.ppoll", "ntp.precision",
        "ntp.rootdelay", "ntp.rootdispersion", "ntp.refid", "ntp.reftime", "ntp.org", "ntp.rec", "ntp.xmt", "ntp.ext", "ntp.ext.type",
        "ntp.ext.length", "ntp.ext.value", "ntp.keyid", "ntp.mac", "ntp.ctrl.flags2", "ntp.ctrl.flags2.r", "ntp.ctrl.flags2.error",
        "ntp.ctrl.flags2.more", "ntp.ctrl.flags2.opcode", "ntp.ctrl.sequence", "ntp.ctrl.status", "ntp.ctrl.associd", "ntp.ctrl.offset",
        "ntp.ctrl.count", "ntp.ctrl.data", "ntp.ctrl.item", "ntp.padding", "ntp.key_index", "ntp.key_signature", "ntp.priv.flags.r",
        "ntp.priv.flags.more", "ntp.priv.auth_seq", "ntp.priv.auth", "ntp.priv.seq", "ntp.priv.impl", "ntp.priv.reqcode",
        "ntp.priv.numitems", "ntp.priv.itemsize", "ntp.priv.tstamp",
    ];

    /// <summary>The protocol chain and the columns: "NTP", and tshark's Info text with its marks.</summary>
    public static readonly string[] Columns = ["frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info"];

    public static TheoryData<string> Modes() => new("", "-v");

    private static string Bundled => Path.Combine(TestPaths.Captures, "ntp", "ntp-cases.pcap");

    [Fact]
    public void BundledCasesFieldsEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Fields, 1);

    [Fact]
    public void BundledCasesColumnsEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Columns, 1);

    [Theory]
    [MemberData(nameof(Modes))]
    public void BundledCasesSummariesEqualTcpdump(string mode) => TcpdumpComparison.AssertSummariesEqual(Bundled, mode);

    [Fact]
    public void BundledCasesAreWhatTheScriptWrites() => TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites("make-ntp-cases.py", "ntp");

    /// <summary>Display filters select what tshark's do: the protocol, header fields, times and extension fields.</summary>
    [Theory]
    [InlineData("ntp")]
    [InlineData("ntp.flags.mode == 4 && ntp.stratum == 1")]
    [InlineData("ntp.ext.type == 0x0104 || ntp.keyid")]
    [InlineData("ntp.ctrl.flags2.r == 1 && !ntp.ctrl.data")]
    [InlineData("ntp && !ntp.xmt")]
    public void DisplayFiltersSelectWhatTsharksSelect(string filter) =>
        TsharkComparison.AssertSameFields(Bundled, ["frame.number"], 1, filter);

    [Fact]
    public void TheBundledCasesCoverWhatTheyClaim()
    {
        TsharkComparison.AssertTsharkShows(Bundled, ["_ws.col.Protocol", "_ws.col.Info"],
            "NTP Version 4, client", "NTP Version 4, server", "NTP Version 3, server", "broadcast",
            "symmetric active", "symmetric passive", "reserved, client", "control", "private, Request", "private, Response",
            "[Malformed Packet]", "[Packet size limited during capture]");
    }
}
