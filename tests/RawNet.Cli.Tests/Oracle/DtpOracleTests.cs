using RawNet.Protocols.Dtp;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// DTP against its oracles: every dtp.* field, frame.protocols and the columns of
/// <c>rawnet read -T fields</c> as <c>tshark -T fields</c> (tshark 4.0, default preferences) prints them, in one tshark
/// run per capture, and every summary line as <c>tcpdump -n -r</c> and <c>-v</c> print it, over
/// captures/dtp/dtp-cases.pcap (scapy's DTP layers, every trunk status and type, unknown and above-0xff TLV types,
/// domains of 1 to 34 bytes, TLVs of the wrong length, lengths of 0 to 4 and past the PDU, 1 to 3 bytes left over, a
/// long TLV list, 802.3 lengths shorter and longer than the frame, snap-cut frames: tests/oracle/make-dtp-cases.py). Its
/// expert items are compared with the other bundled captures' by ExpertFieldsOracleTests and ExpertTreeOracleTests (which
/// pass over tshark's generic "Trailing stray characters" of a domain with bytes after its NUL: RawNet reports it for no
/// protocol).
/// </summary>
public sealed class DtpOracleTests() : BundledCasesOracle("dtp", Fields, damagedSeed: 3)
{
    /// <summary>The columns and the protocol chain, then the DTP fields.</summary>
    public static readonly string[] Fields =
        ["frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info", .. DtpFields.All.Select(field => field.Name)];

    [Fact]
    public void TheBundledCasesCoverWhatTheyClaim() =>
        // The comparisons cannot fail on what the capture does not hold: check it holds it (from the runs they share).
        TsharkComparison.AssertTsharkShows(Bundled, ["_ws.col.Info", "_ws.expert.message"], "Indicated length is less than the minimum length", "DTP message is truncated prematurely",
            "Indicated length does not correspond to this record type", "Trying to fetch a MAC address with length 8",
            "Dynamic Trunk Protocol[Malformed Packet]", "Dynamic Trunk Protocol[Packet size limited during capture]");

    [Fact]
    public void TheBundledCasesHoldEveryField() =>
        TsharkComparison.AssertTsharkShows(Bundled, Fields, "\tcorp\t", "00:1b:54:94:5a:8b", "aa:bb:cc:dd:ee:ff", "\t0x01\t0x04\t0x05\t0x01");
}
