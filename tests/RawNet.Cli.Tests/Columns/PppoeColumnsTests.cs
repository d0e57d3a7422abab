using RawNet.Output;
using RawNet.Output.Columns;
using RawNet.Output.Summary;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;

namespace RawNet.Cli.Tests.Columns;

/// <summary>
/// PPPoE's columns and tcpdump's line where a header byte is damaged or the PPP protocol is one nothing decodes; every
/// expected text is what tshark 4.0 and tcpdump 4.99 print for the same bytes (LINKTYPE_PPP_ETHER, 51).
/// </summary>
public sealed class PppoeColumnsTests
{
    private const string Udp4 = "4500001c000100004011f7c6c0a80001c0a800020035003500080000";

    private sealed record Shown(string Protocol, string Info, string Line);

    /// <summary>Decodes <paramref name="hex"/> on link type 51, of which the capture kept <paramref name="kept"/> bytes (all when 0).</summary>
    private static Shown Show(string hex, int kept = 0)
    {
        var frame = Convert.FromHexString(hex.Replace(" ", ""));
        var bytes = kept > 0 ? frame[..kept] : frame;
        var packet = new DecodedPacket();
        new PacketDecoder().Decode(bytes, new FrameMetadata(0, bytes.Length, frame.Length, LinkType.PppoeSession), 1, packet);
        var line = new TextLine();
        InfoColumn.Append(line, packet, bytes);
        var output = new StringWriter();
        new SummaryPrinter().Print(packet, bytes, output);
        string summary = output.ToString().Split('\n')[0];
        return new Shown(ProtocolColumn.Of(packet, bytes), line.Text.ToString(), summary[(summary.IndexOf(' ') + 1)..]);
    }

    [Fact]
    public void A_protocol_nothing_decodes_is_named_by_ppp_as_on_the_ppp_link_types()
    {
        var shown = Show("1100 1234 0006 1234 61626364");
        Assert.Equal(("0x1234", "PPP Unknown (0x1234)"), (shown.Protocol, shown.Info));
        // tcpdump's handle_ppp: the protocol it has no name for, then the data in hex (on the next line)
        Assert.Equal("PPPoE  [ses 0x1234] unknown PPP protocol (0x1234) ", shown.Line);
    }

    [Fact]
    public void Ipv6_of_another_version_is_refused_and_ppp_names_its_protocol()
    {
        var v4 = "45" + new string('0', 78);
        Assert.Equal(("0x0057", "PPP Internet Protocol version 6 (0x0057)"), Pick(Show("1100 1234 002a 0057" + v4)));
        // compressed to one byte, and cut by the capture after the version
        Assert.Equal(("0x0057", "PPP Internet Protocol version 6 (0x0057)"), Pick(Show("1100 1234 0029 57" + v4)));
        Assert.Equal(("0x0057", "PPP Internet Protocol version 6 (0x0057)"), Pick(Show("1100 1234 002a 0057" + v4, 9)));
    }

    private static (string, string) Pick(Shown shown) => (shown.Protocol, shown.Info);

    [Theory]
    [InlineData("00", "Session Data")]
    [InlineData("07", "Active Discovery Offer (PADO)")]
    [InlineData("0b", "Active Discovery Session-Credit Resp.(PADC)")]
    [InlineData("d4", "Active Discovery Network (PADN)")]
    [InlineData("33", "Unknown")]
    public void The_code_is_named_once_read_and_ppp_is_read_whatever_it_is(string code, string name)
    {
        Assert.Equal(("PPPoES", name + "[Packet size limited during capture]"), Pick(Show("11" + code + "1234 001e 0021" + Udp4, 8)));
        Assert.Equal(("UDP", "53 → 53 Len=0"), Pick(Show("11" + code + "1234 001e 0021" + Udp4)));
    }

    [Fact]
    public void Tcpdump_prints_a_version_and_type_other_than_1_before_pppoe()
    {
        Assert.Equal(" [ver 3] [type 5]PPPoE  [ses 0x1234] IP 192.168.0.1.53 > 192.168.0.2.53: domain [length 0 < 12] (invalid)",
            Show("3500 1234 001e 0021" + Udp4).Line);
    }

    [Fact]
    public void Tcpdump_walks_the_tags_of_any_code_but_session_data()
    {
        // Service-Name (empty), Host-Uniq (hex), AC-Name (text with a dot), a tag it has no name for, End-Of-List, then one it does not reach
        const string tags = "0101 0000" + "0103 0004 deadbeef" + "0102 0007 627261732d3100" + "0999 0001 78" + "0000 0000" + "0101 0001 61";
        Assert.Equal("PPPoE PADO [Service-Name] [Host-Uniq 0xDEADBEEF] [AC-Name \"bras-1.\"] [TAG-0x999 \"x\"] [EOL]",
            Show("1107 0000 0024" + tags).Line);
        Assert.Equal("PPPoE PAD-33 [ses 0x5] [Service-Name] [|pppoe]", Show("1133 0005 0024" + tags, 14).Line);
        Assert.Equal("PPPoE PADI [len 1500!] [len 1500 > 37!] [Service-Name] [Host-Uniq 0xDEADBEEF] [AC-Name \"bras-1.\"] [TAG-0x999 \"x\"] [EOL]",
            Show("1109 0000 05dc" + tags).Line);
    }

    [Fact]
    public void A_declared_length_under_the_protocol_field_leaves_ppp_cut()
    {
        Assert.Equal("PPPoE  [ses 0x1234]  [|ppp]", Show("1100 1234 0001 0021" + Udp4).Line);
        // no session ID when it is 0
        Assert.Equal("PPPoE  IP 192.168.0.1.53 > 192.168.0.2.53: domain [length 0 < 12] (invalid)", Show("1100 0000 001e 0021" + Udp4).Line);
    }

    [Fact]
    public void A_header_the_session_length_cuts_is_malformed_though_the_capture_was_cut_too()
    {
        // 10 bytes of IPv4 in the session's length, more kept by the capture, whose frame was longer still
        var shown = Show("1100 1234 000c 0021" + Udp4 + "000000000000", 30);
        Assert.Equal(("IPv4", "[Malformed Packet]"), Pick(shown));
    }
}
