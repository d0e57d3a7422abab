using RawNet.Protocols.Epon;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// EPON (LINKTYPE_EPON, 259) against its oracles: every epon.* field, frame.protocols, the columns, and the Ethernet
/// trailer fields tshark's eth_maybefcs guesses after the preamble, of <c>rawnet read -T fields</c> as <c>tshark -T
/// fields</c> (tshark 4.0, default preferences) prints them, in one tshark run per capture, and every summary line as
/// <c>tcpdump -n -r</c> and <c>-v</c> print it (tcpdump 4.99 has no EPON printer: UNSUPPORTED and the hex), over
/// captures/epon/epon-cases.pcap (the SLD at 0, 1 and 2; DPoE security bytes of every kind; mode and LLID values; good
/// and bad CRC-8s; IPv4, IPv6, ARP, VLAN and ICMP payloads; padding, trailers and guessed FCSs; encrypted frames with and
/// without data; frames that end or are cut at every byte of the preamble; starts with no SLD:
/// tests/oracle/make-epon-cases.py). Its expert items are compared with the other bundled captures' by
/// ExpertFieldsOracleTests, ExpertNamedFieldsOracleTests and ExpertTreeOracleTests.
/// The damaged seed 5's one other frame is UDP's: a length below 8 whose payload tshark shows as data (as behind any
/// Ethernet link); seeds 1 to 6 differ only in what follows Ethernet the same way.
/// </summary>
public sealed class EponOracleTests() : BundledCasesOracle("epon", Fields, damagedSeed: 5, allowedDamagedFrames: 1)
{
    /// <summary>The columns, the protocol chain, the Ethernet trailer's split and data, then the EPON fields.</summary>
    public static readonly string[] Fields =
    [
        "frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info", "eth.padding", "eth.trailer", "eth.fcs", "data.len",
        .. EponFields.All.Select(field => field.Name).Distinct(),
    ];

    /// <summary>Display filters select what tshark's do: the protocol, LLIDs, the DPoE bits, the checksum's status.</summary>
    [Fact]
    public void DisplayFiltersSelectWhatTsharksSelect() =>
        TsharkComparison.AssertSameFields(Bundled, ["frame.number"], 1,
            "epon && (epon.llid == 32767 || epon.dpoe.encrypted == 1 || epon.checksum.status == 0 || epon.dpoe.reserved == 63)");

    [Fact]
    public void TheBundledCasesCoverWhatTheyClaim() =>
        // The comparisons cannot fail on what the capture does not hold: check it holds it (from the runs they share).
        TsharkComparison.AssertTsharkShows(Bundled, ["_ws.col.Info", "_ws.expert.message"], "EPON Preamble [EPON PREAMBLE CHECKSUM INCORRECT] [ENCRYPTED]",
            "Unable to locate SLD", "Bits 7-2 of DPoE security byte", "DPoE security byte must be 0x55", "Remaining data is encrypted",
            "EPON Preamble[Malformed Packet]", "EPON Preamble[Packet size limited during capture]");

    [Fact]
    public void TheBundledCasesHoldEveryField() =>
        TsharkComparison.AssertTsharkShows(Bundled, Fields, "epon:eth:ethertype:ipv6:tcp", "epon:eth:ethertype:arp", "epon:eth:ethertype:vlan",
            "\t0x01020304\t", "\t32767\t", "\t63\t");
}
