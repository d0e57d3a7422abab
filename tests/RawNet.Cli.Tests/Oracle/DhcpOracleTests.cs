using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// DHCP and BOOTP against their oracles: every dhcp.* field RawNet names, frame.protocols and the columns of
/// <c>rawnet read -T fields</c> as <c>tshark -T fields</c> (tshark 4.0, default preferences) prints them, and every
/// summary line as <c>tcpdump -n -r</c> and <c>-v</c> print it, over captures/dhcp/dhcp.pcap (the four-message exchange,
/// a relay, inform, release, decline, NAK, BOOTP without the cookie, unusual and unknown options, damaged and snap-cut
/// messages: tests/oracle/make-dhcp-cases.py) and the peer capture dhcp.pcap.
/// </summary>
public sealed class DhcpOracleTests
{
    /// <summary>The DHCP fields compared, after the frame number.</summary>
    public static readonly string[] Fields =
    [
        "frame.number", "dhcp.type", "dhcp.hw.type", "dhcp.hw.len", "dhcp.hops", "dhcp.id", "dhcp.secs", "dhcp.flags", "dhcp.flags.bc",
        "dhcp.flags.reserved", "dhcp.ip.client", "dhcp.ip.your", "dhcp.ip.server", "dhcp.ip.relay", "dhcp.hw.addr", "dhcp.hw.mac_addr",
        "dhcp.hw.addr_padding", "dhcp.server", "dhcp.file", "dhcp.bootp", "dhcp.cookie", "dhcp.vendor_specific_options",
        "dhcp.option.type", "dhcp.option.length", "dhcp.option.value", "dhcp.option.padding", "dhcp.option.end", "dhcp.option.dhcp",
        "dhcp.option.subnet_mask", "dhcp.option.router", "dhcp.option.domain_name_server", "dhcp.option.hostname",
        "dhcp.option.domain_name", "dhcp.option.broadcast_address", "dhcp.option.requested_ip_address",
        "dhcp.option.ip_address_lease_time", "dhcp.option.dhcp_server_id", "dhcp.option.request_list_item", "dhcp.option.message",
        "dhcp.option.vendor_class_id", "dhcp.option.renewal_time_value", "dhcp.option.rebinding_time_value",
    ];

    /// <summary>The protocol chain and the columns: "DHCP" or "BOOTP", and tshark's Info text with its marks.</summary>
    public static readonly string[] Columns = ["frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info"];

    public static TheoryData<string> Modes() => new("", "-v");

    private static string Bundled => Path.Combine(TestPaths.Captures, "dhcp", "dhcp.pcap");

    private static string Peer => Path.Combine(TestPaths.PeerCorpus, "dhcp.pcap");

    [Fact]
    public void BundledCasesFieldsEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Fields, 1);

    [Fact]
    public void BundledCasesColumnsEqualTshark() => TsharkComparison.AssertSameFields(Bundled, Columns, 1);

    [Theory]
    [MemberData(nameof(Modes))]
    public void BundledCasesSummariesEqualTcpdump(string mode) => TcpdumpComparison.AssertSummariesEqual(Bundled, mode);

    /// <summary>
    /// Display filters select what tshark's do: the protocol (and its old name "bootp") wherever tshark added its item,
    /// also without fields when the first pass over the options failed, and fields of options and of the header.
    /// </summary>
    [Theory]
    [InlineData("dhcp")]
    [InlineData("bootp")]
    [InlineData("dhcp && !dhcp.type")]
    [InlineData("dhcp.option.type == 0 && !dhcp.option.end")]
    [InlineData("dhcp.hw.mac_addr == 00:0b:82:01:fc:42 && dhcp.bootp")]
    [InlineData("dhcp.option.dhcp == 3 || dhcp.option.router == 10.0.0.1")]
    public void DisplayFiltersSelectWhatTsharksSelect(string filter) =>
        TsharkComparison.AssertSameFields(Bundled, ["frame.number"], 1, filter);

    [Theory]
    [MemberData(nameof(Modes))]
    public void PeerCaptureEqualsTsharkAndTcpdump(string mode)
    {
        if (!File.Exists(Peer))
            Assert.Skip($"peer capture {Peer} is not present");
        TsharkComparison.AssertSameFields(Peer, Fields, 1);
        TsharkComparison.AssertSameFields(Peer, Columns, 1);
        TcpdumpComparison.AssertSummariesEqual(Peer, mode);
    }

    [Fact]
    public void TheBundledCasesCoverWhatTheyClaim()
    {
        TsharkComparison.AssertTsharkShows(Bundled, ["_ws.col.Protocol", "_ws.col.Info"],
            "DHCP Discover", "DHCP Offer", "DHCP Request", "DHCP ACK", "DHCP Inform", "DHCP Release",
            "DHCP Decline", "DHCP NAK", "Boot Request from", "Boot Reply", "Unknown Message Type", "[Malformed Packet]",
            "[Packet size limited during capture]");
    }
}
