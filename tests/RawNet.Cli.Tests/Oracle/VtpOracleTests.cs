using RawNet.Protocols.Vtp;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// VTP against its oracles: every vtp.* field, frame.protocols and the columns of <c>rawnet read -T fields</c> as
/// <c>tshark -T fields</c> (tshark 4.0, default preferences) prints them, in one tshark run per capture, and every summary
/// line as <c>tcpdump -n -r</c> and <c>-v</c> print it, over captures/vtp/vtp-cases.pcap (summary and subset
/// advertisements, advertisement requests, joins with their VLAN bitmaps, every VLAN TLV type, TLVs of bad lengths and past
/// their entry, entry lengths of 0, past the PDU and short of the fixed part, name lengths tshark's byte wraps, unknown
/// codes, bad domain lengths, PDUs too short for the Info column's reads, a long entry list, 802.3 lengths shorter and
/// longer than the frame, snap-cut frames: tests/oracle/make-vtp-cases.py). Its expert item ("NAME: Bad length N") is
/// compared with the other bundled captures' by ExpertFieldsOracleTests, ExpertNamedFieldsOracleTests and
/// ExpertTreeOracleTests.
/// </summary>
public sealed class VtpOracleTests() : BundledCasesOracle("vtp", Fields, damagedSeed: 4)
{
    /// <summary>The columns and the protocol chain, then the VTP fields.</summary>
    public static readonly string[] Fields =
        ["frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info", .. VtpFields.All.Select(field => field.Name)];

    /// <summary>Display filters select what tshark's do: the protocol, codes, names and VLANs.</summary>
    [Fact]
    public void DisplayFiltersSelectWhatTsharksSelect() =>
        TsharkComparison.AssertSameFields(Bundled, ["frame.number"], 1,
            "vtp && (vtp.code == 3 || vtp.vlan_info.vlan_name == \"default\" || vtp.pruning.active == 16 || vtp.vlan_info.pruning == 2)");

    [Fact]
    public void TheBundledCasesCoverWhatTheyClaim() =>
        // The comparisons cannot fail on what the capture does not hold: check it holds it (from the runs they share).
        TsharkComparison.AssertTsharkShows(Bundled, ["_ws.col.Info", "_ws.expert.message"], "Summary Advertisement, Revision: 7, Followers: 1",
            "Subset Advertisement, Revision: 7, Seq: 2", "Advertisement Request", "Join", "Unrecognized VTP message", "Pruning: Bad length 4",
            "PID 0x2003[Malformed Packet]", "[Packet size limited during capture]");

    [Fact]
    public void TheBundledCasesHoldEveryField() =>
        TsharkComparison.AssertTsharkShows(Bundled, Fields, "\tcorp\t", "10.0.0.1", "930301000000", "token-ring-default", "65535,65536",
            "\t0x0010\t", "01020304");
}
