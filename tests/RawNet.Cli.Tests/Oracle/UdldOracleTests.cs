using RawNet.Protocols.Udld;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// UDLD against its oracles: every udld.* field, frame.protocols, the columns and what tshark's data dissector takes after
/// a TLV length below 4, of <c>rawnet read -T fields</c> as <c>tshark -T fields</c> (tshark 4.0, default preferences)
/// prints them, in one tshark run per capture, and every summary line as <c>tcpdump -n -r</c> and <c>-v</c> print it, over
/// captures/udld/udld-cases.pcap (probes, echoes and flushes with every TLV type, every opcode and flag bit, IDs with NULs,
/// broken UTF-8 and control bytes, port IDs tshark takes as 3 bytes longer or reads past, intervals and sequence numbers of
/// the wrong length, unknown types, TLV lengths of 0 to 4 and past the PDU, 1 to 3 bytes left over, short headers, a long
/// TLV list, 802.3 lengths shorter and longer than the frame, snap-cut frames: tests/oracle/make-udld-cases.py). Its expert
/// item ("TLV with invalid length (&lt; 4)") is compared with the other bundled captures' by ExpertFieldsOracleTests,
/// ExpertNamedFieldsOracleTests and ExpertTreeOracleTests.
/// Damaged seeds 1 to 6 agree on every frame.
/// </summary>
public sealed class UdldOracleTests() : BundledCasesOracle("udld", Fields, damagedSeed: 2)
{
    /// <summary>The columns, the protocol chain and the data after the PDU, then the UDLD fields.</summary>
    public static readonly string[] Fields =
        ["frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info", "data.len", .. UdldFields.All.Select(field => field.Name)];

    /// <summary>Display filters select what tshark's do: the protocol, IDs, TLV types and flags.</summary>
    [Fact]
    public void DisplayFiltersSelectWhatTsharksSelect() =>
        TsharkComparison.AssertSameFields(Bundled, ["frame.number"], 1,
            "udld && (udld.device_id == \"FOC1234X0AB\" || udld.tlv.type == 0x1234 || udld.flags.rsy == 1 || udld.opcode == 3)");

    [Fact]
    public void TheBundledCasesCoverWhatTheyClaim() =>
        // The comparisons cannot fail on what the capture does not hold: check it holds it (from the runs they share).
        TsharkComparison.AssertTsharkShows(Bundled, ["_ws.col.Info", "_ws.expert.message"], "Device ID: FOC1234X0AB  Port ID: Gi0/1  ",
            "TLV with invalid length (< 4)", "Device ID: dev  [Malformed Packet]", "[Packet size limited during capture]", "\\001", "\uFFFD");

    [Fact]
    public void TheBundledCasesHoldEveryField() =>
        TsharkComparison.AssertTsharkShows(Bundled, Fields, "\tFOC1234X0AB\tGi0/1\t", "eth:llc:udld:data", "\t7\t3\t255\t0x01\t0x01\t", ",0x1234,");
}
