using RawNet.Protocols.Cdp;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// CDP against its oracles: every cdp.* field RawNet names, frame.protocols, the columns and what tshark's data
/// dissector takes after the PDU, of <c>rawnet read -T fields</c> as <c>tshark -T fields</c> (tshark 4.0, default
/// preferences) prints them, in one tshark run per capture, and every summary line as <c>tcpdump -n -r</c> prints it,
/// over captures/cdp/cdp-cases.pcap (scapy's CDP layers, every TLV type tshark reads, HP's, unknown types, CDPv1, odd
/// lengths and bad checksums, TLV lengths of 0, below 4 and past the PDU, hostile address counts, EnergyWise tables,
/// Port ID's three-byte guess, 802.3 lengths shorter and longer than the frame, snap-cut frames:
/// tests/oracle/make-cdp-cases.py). Its expert items (a bad checksum, EnergyWise's bad sub-TLVs) are compared with the other
/// bundled captures' by ExpertFieldsOracleTests and ExpertTreeOracleTests.
/// </summary>
public sealed class CdpOracleTests
{
    /// <summary>The columns, the protocol chain and the data after the PDU, then the CDP fields.</summary>
    public static readonly string[] Fields =
        ["frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info", "data.len", .. CdpFields.All.Select(field => field.Name)];

    private static string Bundled => Path.Combine(TestPaths.Captures, "cdp", "cdp-cases.pcap");

    [Fact]
    public void BundledCasesEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Fields, 1);

    [Fact]
    public void BundledCasesSummariesEqualTcpdump() => TcpdumpComparison.AssertSummariesEqual(Bundled, "");

    /// <summary>
    /// The fixed frames damaged at random (300 a seed), IDs of broken UTF-8 and unassigned code points among them: since
    /// RawNet's text follows format_text's rules for those, every frame agrees (seeds 1 to 6).
    /// </summary>
    [Theory]
    [InlineData(3)]
    public void RandomDamagesEqualTsharkAndTcpdump(int seed) =>
        TsharkComparison.WithRandomCapture("make-cdp-cases.py", seed, path =>
        {
            TsharkComparison.AssertSameFields(path, Fields, 1);
            TcpdumpComparison.AssertSummariesEqual(path, "");
        });

    [Fact]
    public void BundledCasesAreWhatTheScriptWrites() => TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites("make-cdp-cases.py", "cdp");

    /// <summary>Display filters select what tshark's do: the protocol, IDs, TLV types and addresses.</summary>
    [Fact]
    public void DisplayFiltersSelectWhatTsharksSelect() =>
        TsharkComparison.AssertSameFields(Bundled, ["frame.number"], 1,
            "cdp && (cdp.deviceid == \"r1\" || cdp.tlv.type == 0x0016 || cdp.nrgyz.ip_address == 192.168.1.1 || cdp.native_vlan == 10)");

    [Fact]
    public void TheBundledCasesCoverWhatTheyClaim() =>
        // The comparisons above cannot fail on what the capture does not hold: check it holds it.
        TsharkComparison.AssertTsharkShows(Bundled, ["_ws.col.Info", "cdp.checksum.status", "cdp.nrgyz.ipv6_address", "cdp.cluster.management_vlan"],
            "Device ID: switch1.example.com  Port ID: FastEthernet0/1  ", "2001:db8::1", "[Malformed Packet]",
            "[Packet size limited during capture]");
}
