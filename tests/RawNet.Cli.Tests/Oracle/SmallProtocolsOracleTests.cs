using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// The small protocols tshark 4.0 decodes on LANs (Wake-on-LAN, Echo, WireGuard, SSDP) against their oracles: their fields,
/// frame.protocols and the columns of <c>rawnet read -T fields</c> as <c>tshark -T fields</c> (default preferences)
/// prints them, and every summary line as <c>tcpdump -n -r</c> and <c>-v</c> print it, over captures/small/
/// (tests/oracle/make-small-cases.py).
/// </summary>
public sealed class SmallProtocolsOracleTests
{
    /// <summary>Wake-on-LAN's fields, after the frame number (data.len: what the heuristic refused).</summary>
    public static readonly string[] WolFields = ["frame.number", "wol.sync", "wol.mac", "wol.passwd", "data.len"];

    /// <summary>The protocol chain and the columns.</summary>
    public static readonly string[] Columns = ["frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info"];

    /// <summary>Echo's fields, after the frame number.</summary>
    public static readonly string[] EchoFields = ["frame.number", "echo.data", "echo.request", "echo.response", "data.len"];

    /// <summary>WireGuard's fields, after the frame number.</summary>
    public static readonly string[] WireGuardFields =
    [
        "frame.number", "wg.type", "wg.reserved", "wg.sender", "wg.receiver", "wg.counter", "wg.mac1", "wg.mac2", "wg.nonce",
        "wg.encrypted_cookie", "wg.encrypted_static", "wg.encrypted_timestamp", "wg.encrypted_empty", "wg.encrypted_packet", "data.len",
    ];

    /// <summary>SSDP's fields: tshark's HTTP fields.</summary>
    public static readonly string[] SsdpFields =
    [
        "frame.number", "http.request.method", "http.request.uri", "http.request.version", "http.response.code", "http.response.phrase",
        "http.host", "http.cache_control", "http.location", "http.server", "http.date", "http.user_agent", "http.unknown_header",
        "http.request.line", "http.response.line",
    ];

    public static TheoryData<string> Captures() => new("wol-cases.pcap", "echo-cases.pcap", "wg-cases.pcap", "ssdp-cases.pcap");

    public static TheoryData<string, string> CapturesAndModes() => new()
    {
        { "wol-cases.pcap", "" }, { "wol-cases.pcap", "-v" }, { "echo-cases.pcap", "" }, { "echo-cases.pcap", "-v" },
        { "wg-cases.pcap", "" }, { "wg-cases.pcap", "-v" }, { "ssdp-cases.pcap", "" }, { "ssdp-cases.pcap", "-v" },
    };

    private static string Bundled(string name) => Path.Combine(TestPaths.Captures, "small", name);

    [Fact]
    public void WolFieldsEqualTshark() => TsharkComparison.AssertSameFields(Bundled("wol-cases.pcap"), WolFields, 1);

    [Theory]
    [MemberData(nameof(Captures))]
    public void ColumnsEqualTshark(string capture) => TsharkComparison.AssertSameFields(Bundled(capture), Columns, 1);

    /// <summary>
    /// WireGuard's messages and cuts; the order of the heuristics changes inside the capture (a message WireGuard's
    /// heuristic took whole moves it before Wake-on-LAN's: frame 15 is wg, not wol).
    /// </summary>
    [Fact]
    public void WireGuardFieldsEqualTshark() => TsharkComparison.AssertSameFields(Bundled("wg-cases.pcap"), WireGuardFields, 1);

    [Fact]
    public void SsdpFieldsEqualTshark() => TsharkComparison.AssertSameFields(Bundled("ssdp-cases.pcap"), SsdpFields, 1);

    [Fact]
    public void EchoFieldsEqualTshark() => TsharkComparison.AssertSameFields(Bundled("echo-cases.pcap"), EchoFields, 1);

    /// <summary>The bundled udp-exchange.pcap's echo frames (3 to 6) too.</summary>
    [Fact]
    public void UdpExchangeEchoFieldsEqualTshark() => TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, "udp-exchange.pcap"), [.. Columns, .. EchoFields[1..]], 1);

    [Theory]
    [MemberData(nameof(CapturesAndModes))]
    public void SummariesEqualTcpdump(string capture, string mode) => TcpdumpComparison.AssertSummariesEqual(Bundled(capture), mode);

    [Fact]
    public void PeerWolCaptureEqualsTshark()
    {
        string peer = Path.Combine(TestPaths.PeerCorpus, "wol.pcap");
        if (!File.Exists(peer))
            return;
        TsharkComparison.AssertSameFields(peer, [.. Columns, .. WolFields[1..]], 1);
    }

    [Fact]
    public void BundledCasesAreWhatTheScriptWrites() => TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites("make-small-cases.py", "small");

    [Theory]
    [InlineData("wol")]
    [InlineData("wol.passwd")]
    [InlineData("wol && udp")]
    public void WolDisplayFiltersSelectWhatTsharksSelect(string filter) =>
        TsharkComparison.AssertSameFields(Bundled("wol-cases.pcap"), ["frame.number"], 1, filter);

    [Theory]
    [InlineData("wg")]
    [InlineData("wg.type == 4 && wg.counter > 1")]
    [InlineData("wg.sender == 0x1a2b3c4d || wg.encrypted_cookie")]
    public void WireGuardDisplayFiltersSelectWhatTsharksSelect(string filter) =>
        TsharkComparison.AssertSameFields(Bundled("wg-cases.pcap"), ["frame.number"], 1, filter);

    [Theory]
    [InlineData("ssdp")]
    [InlineData("http.request.method == \"NOTIFY\"")]
    [InlineData("ssdp && http.response.code == 200")]
    public void SsdpDisplayFiltersSelectWhatTsharksSelect(string filter) =>
        TsharkComparison.AssertSameFields(Bundled("ssdp-cases.pcap"), ["frame.number"], 1, filter);

    [Theory]
    [InlineData("echo")]
    [InlineData("echo.request")]
    [InlineData("echo.response && tcp")]
    public void EchoDisplayFiltersSelectWhatTsharksSelect(string filter) =>
        TsharkComparison.AssertSameFields(Bundled("echo-cases.pcap"), ["frame.number"], 1, filter);
}
