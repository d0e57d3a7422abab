using RawNet.Protocols.Decoding;
using RawNet.Protocols.Expert;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Tests.ExpertInfo;

public sealed class ExpertFieldsTests
{
    [Fact]
    public void Every_summary_is_written_without_allocating_as_built()
    {
        Span<char> text = stackalloc char[ExpertItems.MaxSummaryLength];
        foreach (var item in Enum.GetValues<ExpertItem>())
        {
            foreach (uint argument in new uint[] { 0, 9, ExpertItems.TracerouteFirstPort + 7, uint.MaxValue, ExpertItems.TcpOptionProblemArgument(2, 99, 255) })
            {
                var finding = new ExpertFinding(item, argument);
                Assert.True(ExpertItems.TryWriteSummary(finding, text, out int written), $"{item} {argument}");
                Assert.Equal(ExpertItems.Summary(finding), new string(text[..written]));
            }
        }
    }

    [Theory]
    [InlineData(ExpertItem.ArpDuplicateAddress, 0xC0A80001u, "Duplicate IP address configured (192.168.0.1)")]
    [InlineData(ExpertItem.UdpPossibleTraceroute, ExpertItems.TracerouteFirstPort + 7, "Possible traceroute: hop #3, attempt #2")]
    [InlineData(ExpertItem.FppBadCrc, 0xDEADBEEFu, "Bad CRC checksum [should be 0xdeadbeef]")]
    [InlineData(ExpertItem.IcmpBadChecksum, 0xAu, "Bad checksum [should be 0x000a]")]
    [InlineData(ExpertItem.GreIncorrectChecksum, 0x84FFu, "Incorrect GRE Checksum [should be 0x84ff]")]
    [InlineData(ExpertItem.TcpDuplicateAck, 12u, "Duplicate ACK (#12)")]
    [InlineData(ExpertItem.TcpOptionLengthInvalid, 0x016301u, "Unknown (0x63) (with too-short option length = 1 byte)")]
    [InlineData(ExpertItem.TcpOptionLengthInvalid, 0x02020Au, "Maximum segment size (option length = 10 bytes says option goes past end of options)")]
    [InlineData(ExpertItem.Ipv4TtlTooSmall, 1u, "\"Time To Live\" only 1")]
    public void Summaries_carry_their_numbers_as_tshark_writes_them(ExpertItem item, uint argument, string expected) =>
        Assert.Equal(expected, ExpertItems.Summary(new ExpertFinding(item, argument)));

    [Fact]
    public void An_items_line_names_its_severity_and_group_as_tshark_does()
    {
        Span<char> text = stackalloc char[ExpertFields.MaxLength];
        Assert.True(ExpertItems.TryWriteLine(new ExpertFinding(ExpertItem.TcpSyn, 9), text, out int written));
        Assert.Equal("Expert Info (Chat/Sequence): Connection establish request (SYN): server port 9", new string(text[..written]));
        Assert.True(ExpertItems.TryWriteLine(new ExpertFinding(ExpertItem.TcpMalformed), text, out written));
        Assert.Equal("Expert Info (Error/Malformed): Malformed Packet (Exception occurred)", new string(text[..written]));
        Assert.False(ExpertItems.TryWriteLine(new ExpertFinding(ExpertItem.TcpSyn, 9), text[..20], out _));
    }

    [Fact]
    public void A_quoting_items_summary_is_its_bytes_as_tshark_formats_them()
    {
        var chat = new ExpertFinding(ExpertItem.HttpChat, 0, new ExpertBytes(1, 0, 0));
        Assert.Equal("GET /\\001\\033\\177\u00e9\ufffd HTTP/1.1\\r\\n", ExpertItems.Summary(chat, Bytes("GET /\x01\x1b\x7f\xc3\xa9\xff HTTP/1.1\r\n")));
        var sip = new ExpertFinding(ExpertItem.SipUnrecognisedHeader, 0, new ExpertBytes(1, 0, 0));
        Assert.Equal("Unrecognised SIP header (x-nt-\u00c9\t\u0001)", ExpertItems.Summary(sip, Bytes("X-Nt-\xc3\x89\t\x01")));
        Assert.Equal("SSDP", ExpertItems.Protocol(chat with { Argument = ExpertItems.SsdpArgument }));
        Assert.Equal("HTTP", ExpertItems.Protocol(chat));
    }

    /// <summary>A string's characters as bytes (Latin-1: "\xc3" is the byte 0xc3).</summary>
    private static byte[] Bytes(string text) => System.Text.Encoding.Latin1.GetBytes(text);

    [Fact]
    public void A_long_quoted_summary_is_cut_at_239_bytes_and_its_line_marked_truncated()
    {
        var chat = new ExpertFinding(ExpertItem.HttpChat, 0, new ExpertBytes(1, 0, 0));
        // a hostile line of any length: only its first bytes are read, and the summary is 239 bytes of UTF-8
        var line = new byte[1_000_000];
        line.AsSpan().Fill((byte)'a');
        Assert.Equal(new string('a', 239), ExpertItems.Summary(chat, line));
        // two-byte characters are not split
        var wide = new byte[600];
        for (int i = 0; i < wide.Length; i += 2)
            (wide[i], wide[i + 1]) = (0xC3, 0xA9);
        Assert.Equal(new string('\u00e9', 119), ExpertItems.Summary(chat, wide));
        Span<char> text = stackalloc char[ExpertFields.MaxLength];
        Assert.True(ExpertItems.TryWriteLine(chat, line, text, out int written));
        Assert.Equal(" [truncated]Expert Info (Chat/Sequence): " + new string('a', 226 - 29), new string(text[..written]));
    }

    [Fact]
    public void Severity_and_group_are_wiresharks_PI_numbers()
    {
        Assert.Equal(0x00200000u, ExpertItems.SeverityCode(ExpertSeverity.Chat));
        Assert.Equal(0x00400000u, ExpertItems.SeverityCode(ExpertSeverity.Note));
        Assert.Equal(0x00600000u, ExpertItems.SeverityCode(ExpertSeverity.Warning));
        Assert.Equal(0x00800000u, ExpertItems.SeverityCode(ExpertSeverity.Error));
        Assert.Equal(0x01000000u, ExpertItems.GroupCode(ExpertGroup.Checksum));
        Assert.Equal(0x02000000u, ExpertItems.GroupCode(ExpertGroup.Sequence));
        Assert.Equal(0x07000000u, ExpertItems.GroupCode(ExpertGroup.Malformed));
        Assert.Equal(0x09000000u, ExpertItems.GroupCode(ExpertGroup.Protocol));
    }

    [Fact]
    public void The_fields_are_absent_until_a_finder_looked()
    {
        var packet = new DecodedPacket();
        foreach (var field in ExpertFields.All)
            Assert.False(FieldReader.TryRead(field, packet, 0, default, 0, out _));
    }

    [Fact]
    public void The_fields_show_each_item_in_order_and_malformed_for_the_exception_and_each_malformed_item()
    {
        var packet = new DecodedPacket();
        var items = packet.Analysis.ExpertBuffer;
        items[0] = new ExpertFinding(ExpertItem.TcpSyn, 80);
        items[1] = new ExpertFinding(ExpertItem.TcpShortSegment);
        items[2] = new ExpertFinding(ExpertItem.TcpMalformed);
        packet.Analysis.SetExpert(3, "TCP");

        Assert.Equal(["Connection establish request (SYN): server port 80", "Short segment. Segment/fragment does not contain a full TCP header (might be NMAP or someone else deliberately sending unusual packets)", "Malformed Packet (Exception occurred)"],
            Values(packet, ExpertFields.Message));
        Assert.Equal(["2097152", "6291456", "8388608"], Values(packet, ExpertFields.Severity));
        Assert.Equal(["33554432", "117440512", "117440512"], Values(packet, ExpertFields.Group));
        Assert.Equal("Expert Info (Chat/Sequence): Connection establish request (SYN): server port 80", Values(packet, ExpertFields.Expert)[0]);
        Assert.Equal(["_ws.malformed", "[Malformed Packet: TCP]", "_ws.malformed"], Values(packet, ExpertFields.Malformed));
        Assert.Equal(["1"], Values(packet, ExpertFields.MalformedExpert));

        packet.Analysis.SetExpert(1, null);
        Assert.Empty(Values(packet, ExpertFields.Malformed));
        Assert.Empty(Values(packet, ExpertFields.MalformedExpert));
        Assert.Single(Values(packet, ExpertFields.Message));
    }

    [Fact]
    public void The_fields_are_the_frames_and_named_as_in_tshark()
    {
        foreach (var name in new[] { "_ws.expert", "_ws.expert.message", "_ws.expert.severity", "_ws.expert.group", "_ws.malformed", "_ws.malformed.expert", "_ws.short" })
        {
            Assert.True(FieldCatalog.TryFind(name, out var definitions), name);
            Assert.All(definitions, d => Assert.Equal(LayerKind.Frame, d.Layer));
            Assert.All(definitions, d => Assert.False(d.InTree));
        }
    }

    [Fact]
    public void The_short_mark_names_the_protocol_that_ran_into_the_captures_end()
    {
        var packet = new DecodedPacket();
        packet.Analysis.SetExpert(0, null, "TCP");
        Assert.Equal(["[Packet size limited during capture: TCP truncated]"], Values(packet, ExpertFields.Short));
        Assert.Empty(Values(packet, ExpertFields.Malformed));

        // a malformed 802.3 frame cut in its trailer has both marks, as in tshark
        packet.Analysis.SetExpert(0, "STP", "Ethernet");
        Assert.Equal(["[Packet size limited during capture: Ethernet truncated]"], Values(packet, ExpertFields.Short));

        packet.Analysis.SetExpert(0, null);
        Assert.Empty(Values(packet, ExpertFields.Short));
    }

    [Theory]
    [InlineData(ExpertItem.TcpSyn, 80u, "tcp.connection.syn", "tcp.flags.syn")]
    [InlineData(ExpertItem.TcpClosingActive, 0u, "tcp.connection.fin_active", "tcp.flags.str")]
    [InlineData(ExpertItem.TcpLostSegment, 0u, "tcp.analysis.lost_segment", ExpertPlacement.TcpAnalysisFlags)]
    [InlineData(ExpertItem.TcpDuplicateAck, 2u, "tcp.analysis.duplicate_ack", "tcp.analysis.duplicate_ack_frame")]
    [InlineData(ExpertItem.Ipv4TtlTooSmall, 1u, "ip.ttl.too_small", "ip.ttl")]
    [InlineData(ExpertItem.Icmpv6BadChecksum, 1u, "icmpv6.checksum_bad.expert", "icmpv6.checksum")]
    [InlineData(ExpertItem.EthernetPaddingNotZero, 0u, "eth.padding_bad", "eth.trailer")]
    [InlineData(ExpertItem.TcpMalformed, 0u, "_ws.malformed.expert", "_ws.malformed")]
    [InlineData(ExpertItem.TcpDsack, 0u, "tcp.options.sack.dsack", null)]
    public void Each_item_has_tsharks_field_name_and_parent(ExpertItem item, uint argument, string name, string? parent)
    {
        Assert.Equal(name, ExpertPlacement.FieldName(item));
        Assert.Equal(parent, ExpertPlacement.ParentName(new ExpertFinding(item, argument)));
    }

    [Fact]
    public void A_traceroute_item_hangs_under_the_port_in_the_range()
    {
        var finding = new ExpertFinding(ExpertItem.UdpPossibleTraceroute, ExpertItems.TracerouteFirstPort + 4);
        Assert.Equal("udp.dstport", ExpertPlacement.ParentName(finding, ExpertItems.TracerouteFirstPort + 4));
        Assert.Equal("udp.srcport", ExpertPlacement.ParentName(finding, 53));
    }

    [Fact]
    public void Every_item_has_a_field_name_of_its_protocol_or_wiresharks()
    {
        foreach (var item in Enum.GetValues<ExpertItem>())
        {
            string name = ExpertPlacement.FieldName(item);
            Assert.Matches("^[a-z0-9_]+(\\.[a-z0-9_\\-]+)+$", name);
            Assert.Equal(item == ExpertItem.TcpMalformed, ExpertPlacement.Layer(item) == LayerKind.Frame);
        }
    }

    private static List<string> Values(DecodedPacket packet, FieldDefinition field)
    {
        var values = new List<string>();
        for (int occurrence = 0; FieldReader.TryRead(field, packet, 0, default, occurrence, out var value); occurrence++)
            values.Add(FieldFormatter.Format(field, value, default, packet));
        return values;
    }
}
