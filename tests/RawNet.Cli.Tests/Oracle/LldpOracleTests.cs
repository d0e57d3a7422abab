using RawNet.Protocols.Lldp;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// LLDP against its oracles: every lldp.* field RawNet names, frame.protocols, the columns and Ethernet's trailer (which
/// starts a byte before the End TLV, as tshark's lldp ends the PDU) of <c>rawnet read -T fields</c> as
/// <c>tshark -T fields</c> (tshark 4.0, default preferences) prints them, in one tshark run per capture, and every summary
/// line as <c>tcpdump -n -r</c> prints it, over captures/lldp/lldp-cases.pcap (every chassis and port ID subtype,
/// management addresses, IEEE 802.1 and 802.3 TLVs, unknown OUIs and TLV types, TLVs past the frame, zero-length and
/// short mandatory TLVs, missing or early End TLVs, short organisation TLVs, snap-cut frames:
/// tests/oracle/make-lldp-cases.py). tcpdump -v's TLV lines are not written (<c>rawnet read -v</c> prints the line without -v).
/// </summary>
public sealed class LldpOracleTests
{
    /// <summary>The columns, the protocol chain and Ethernet's trailer, then the LLDP fields.</summary>
    public static readonly string[] Fields =
        ["frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info", "eth.trailer", .. LldpFields.All.Select(field => field.Name)];

    private static string Bundled => Path.Combine(TestPaths.Captures, "lldp", "lldp-cases.pcap");

    [Fact]
    public void BundledCasesEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Fields, 1);

    [Fact]
    public void BundledCasesSummariesEqualTcpdump() => TcpdumpComparison.AssertSummariesEqual(Bundled, "");

    /// <summary>
    /// The fixed frames damaged at random (300 a seed). One frame may differ: an ID whose bytes decode to a code point
    /// Unicode leaves unassigned, which tshark's format_text escapes (\u03A2) and RawNet's writes (seeds 1 to 5: one frame
    /// of 1,500, in the Info column).
    /// </summary>
    [Theory]
    [InlineData(2)]
    public void RandomDamagesEqualTsharkAndTcpdump(int seed) =>
        TsharkComparison.WithRandomCapture("make-lldp-cases.py", seed, path =>
        {
            TsharkComparison.AssertSameFields(path, Fields, 1, allowedFrames: 1);
            TcpdumpComparison.AssertSummariesEqual(path, "");
        });

    [Fact]
    public void BundledCasesAreWhatTheScriptWrites() => TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites("make-lldp-cases.py", "lldp");

    /// <summary>Display filters select what tshark's do: the protocol, IDs, TLV types and organisation TLVs.</summary>
    [Fact]
    public void DisplayFiltersSelectWhatTsharksSelect() =>
        TsharkComparison.AssertSameFields(Bundled, ["frame.number"], 1,
            "lldp && (lldp.chassis.id.mac == 00:1b:54:94:5a:8b && lldp.tlv.type == 127 || lldp.port.id == \"eth1\" || lldp.ieee.802_1.port_vlan.id == 10)");

    [Fact]
    public void TheBundledCasesCoverWhatTheyClaim() =>
        // The comparisons above cannot fail on what the capture does not hold: check it holds it.
        TsharkComparison.AssertTsharkShows(Bundled, ["_ws.col.Info", "lldp.ieee.802_3.max_frame_size", "lldp.unknown_subtype"],
            "MA/00:1b:54:94:5a:8b IN/Gi1/0/24 120 SysN=core-sw1 SysD=", "NA/1:203:405:607:809:a0b:c0d:e0f", "PC/706f72742d636f6d70",
            "Rs/Reserved", "Invalid Chassis ID TLV", "length of contained item exceeds", "[Malformed Packet]",
            "[Packet size limited during capture]", "1522", "\t5");
}
