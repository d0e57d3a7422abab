using RawNet.Output.Filters;

namespace RawNet.Cli.Tests.Filters;

/// <summary>The display-filter grammar: what parses, and where the error marker points for what does not.</summary>
public sealed class DisplayFilterParserTests
{
    [Theory]
    [InlineData("tcp")]
    [InlineData("frame")]
    [InlineData("eth")]
    [InlineData("ip")]
    [InlineData("ipv6")]
    [InlineData("udp")]
    [InlineData("icmp")]
    [InlineData("icmpv6")]
    [InlineData("arp")]
    [InlineData("vlan")]
    [InlineData("tcp.options.mss_val")]
    [InlineData("tcp.port == 80")]
    [InlineData("tcp.port eq 80")]
    [InlineData("tcp.port != 80")]
    [InlineData("tcp.port ne 80")]
    [InlineData("tcp.port !== 80")]
    [InlineData("tcp.port ~= 80")]
    [InlineData("tcp.port < 80")]
    [InlineData("tcp.port lt 80")]
    [InlineData("tcp.port <= 80")]
    [InlineData("tcp.port le 80")]
    [InlineData("tcp.port > 80")]
    [InlineData("tcp.port gt 80")]
    [InlineData("tcp.port >= 80")]
    [InlineData("tcp.port == 0x50")]
    [InlineData("tcp.port == 0120")]
    [InlineData("tcp.port == 0b1010000")]
    [InlineData("tcp.flags.syn == 1")]
    [InlineData("tcp.flags.syn == True")]
    [InlineData("tcp.flags.syn == False")]
    [InlineData("ip.src == 10.0.0.1")]
    [InlineData("ip.addr == 10.0.0.0/8")]
    [InlineData("ip.addr != 10.0.0.0/8")]
    [InlineData("ipv6.addr == 2001:db8::1")]
    [InlineData("ipv6.addr == 2001:db8::/32")]
    [InlineData("ipv6.src == ::ffff:10.0.0.1")]
    [InlineData("eth.src == aa:bb:cc:dd:ee:ff")]
    [InlineData("eth.src == AA-BB-CC-DD-EE-FF")]
    [InlineData("eth.src == aabb.ccdd.eeff")]
    [InlineData("eth.src == aabbccddeeff")]
    [InlineData("frame.time_epoch > 1700000000")]
    [InlineData("frame.time_epoch >= 1700000000.123456789")]
    [InlineData("tcp && udp || !arp and not (ip or ipv6)")]
    [InlineData("((tcp))")]
    [InlineData("!!tcp")]
    [InlineData("ip.src==10.0.0.1&&tcp.port==80||udp")]
    [InlineData("  tcp  ")]
    [InlineData("tcp.srcport == tcp.dstport")]
    [InlineData("frame.cap_len < frame.len")]
    [InlineData("ip.src != ip.dst")]
    [InlineData("tcp.flags == ip.flags")]
    [InlineData("tcp.port in {80, 443, 8000..8080}")]
    [InlineData("ip.addr not in {10.0.0.0/8, 192.168.1.1}")]
    [InlineData("ipv6.src in {fe80::1..fe80::ff}")]
    [InlineData("eth.src in {00:00:00:00:00:01, aa-bb-cc-dd-ee-ff}")]
    [InlineData("tcp.flags & 0x02")]
    [InlineData("tcp.flags & 0x12 == 0x12")]
    [InlineData("!tcp.flags & 0x04 && ip.proto not in {1}")]
    [InlineData("tcp.payload contains \"GET\"")]
    [InlineData("frame contains 47:45:54")]
    [InlineData("frame contains 47-45-54 or frame contains 47.45.54 or frame contains 474554 or frame contains :47")]
    [InlineData("dns.qry.name contains \"example\"")]
    [InlineData("dns.qry.name contains example")]
    [InlineData("eth.src contains 00:11")]
    [InlineData("tcp.payload matches \"^GET\"")]
    [InlineData("tcp.payload ~ \"(?i)get\" && !(tcp.payload~\"x\")")]
    [InlineData("tcp.payload matches r\"\\d+\\.\\d\"")]
    [InlineData("tcp.payload contains \"\\x47\\107\\u00e9\\U0001F600\\\"\\\\\\a\\b\\f\\n\\r\\t\\v\\'\"")]
    [InlineData("tcp.payload contains \"caf\u00e9\"")]
    [InlineData("dns.qry.name == \"example.com\"")]
    [InlineData("dns.qry.name == example.com")]
    [InlineData("dns.qry.name == 5")]
    [InlineData("dns.qry.name > \"m\" and dns.qry.name le \"n\"")]
    [InlineData("dns.qry.name == dns.resp.name")]
    [InlineData("dns.qry.name in {\"a\"..\"f\", \"x\", y .. z, example.com}")]
    [InlineData("frame[12:2] == 08:00")]
    [InlineData("frame[-4:] == 00 || frame[2-5] || frame[:4] || frame[4:] || frame[-1]")]
    [InlineData("frame[0:2,4:2] == ff:ff:ff:ff")]
    [InlineData("frame[0:2][1] == 00")]
    [InlineData("frame [ 0 : 2 ] == 0200")]
    [InlineData("frame[0:6] == eth.dst && eth.dst == frame[0:6] && frame[0:2] == frame[6:2]")]
    [InlineData("tcp.payload[0:4] == \"POST\"")]
    [InlineData("eth.dst[0] & 1")]
    [InlineData("tcp[13] & 0x02 == 0x02")]
    [InlineData("ip[9] == 6")]
    [InlineData("tcp == 80")]
    [InlineData("tcp.payload in {47:45:54, 50:4f, \"x\"..\"y\"}")]
    [InlineData("tcp.port == 'P' || ip.proto == '\\x06' || ip.proto == '\\006'")]
    [InlineData("tcp.payload contains udp.payload")]
    [InlineData("mdns || data.data || data.len > 0 || udp.payload")]
    public void Parses(string text)
    {
        Assert.True(DisplayFilter.TryParse(text, out var filter, out var error), error?.Message);
        Assert.Equal(text, filter.Text);
    }

    [Theory]
    [InlineData("", 0, "the filter is empty")]
    [InlineData("   ", 0, "the filter is empty")]
    [InlineData("tcp.foo", 0, "unknown field 'tcp.foo' at 0")]
    [InlineData("tcp && tcp.foo == 1", 7, "unknown field 'tcp.foo' at 7")]
    [InlineData("tcp.srcprot == 80", 0, "unknown field 'tcp.srcprot' at 0 (did you mean 'tcp.srcport'?)")]
    [InlineData("ip.sCr == 1.2.3.4", 0, "(did you mean 'ip.src'?)")]
    [InlineData("ipv7", 0, "(did you mean 'ipv6'?)")]
    [InlineData("rtcp", 0, "unknown field 'rtcp' at 0")]
    [InlineData("(tcp", 0, "unclosed '(' at 0")]
    [InlineData("udp || (tcp && (ip)", 7, "unclosed '(' at 7")]
    [InlineData("(tcp udp)", 5, "expected ')' but found 'udp' at 5")]
    [InlineData("()", 1, "empty parentheses at 1")]
    [InlineData("tcp )", 4, "unexpected ')' at 4")]
    [InlineData("tcp udp", 4, "unexpected 'udp' at 4")]
    [InlineData("tcp.port == 80 80", 15, "unexpected '80' at 15")]
    [InlineData("tcp &&", 6, "missing a field or protocol name at 6")]
    [InlineData("tcp and", 7, "missing a field or protocol name at 7")]
    [InlineData("!", 1, "missing a field or protocol name at 1")]
    [InlineData("&& tcp", 0, "expected a field or protocol name but found '&&' at 0")]
    [InlineData("tcp.port ==", 11, "missing a value after '==' at 11")]
    [InlineData("tcp.port == && udp", 12, "expected a value after '==' but found '&&' at 12")]
    [InlineData("tcp.port == )", 12, "expected a value after '==' but found ')' at 12")]
    [InlineData("tcp.port = 80", 9, "unexpected '=' at 9")]
    [InlineData("tcp & udp", 0, "'tcp' is a protocol, not a field")]
    [InlineData("ip.src & 1", 7, "'&' needs a numeric field or bytes; ip.src is an IPv4 address at 7")]
    [InlineData("dns.qry.name & 1", 13, "'&' needs a numeric field or bytes; dns.qry.name is a string at 13")]
    [InlineData("udp.payload & 0x100", 14, "'0x100' is not a valid byte string")]
    [InlineData("ip.ttl & 0x1000", 9, "'0x1000' is too big for ip.ttl, maximum 255 at 9")]
    [InlineData("ip.ttl &", 8, "missing a value after '&' at 8")]
    [InlineData("ip.proto in {}", 13, "expected a value in the set but found '}' at 13")]
    [InlineData("tcp.port in {80 443}", 16, "expected ',' or '}' but found '443' at 16")]
    [InlineData("ip.proto in {17, }", 17, "expected a value in the set but found '}' at 17")]
    [InlineData("ip.proto in 17", 12, "expected '{' after 'in' but found '17' at 12")]
    [InlineData("ip.proto in {17", 15, "unclosed '{' at 15")]
    [InlineData("ip.proto in {17, 300}", 17, "'300' is too big for ip.proto")]
    [InlineData("tcp.port in {1..x}", 13, "'x' is not a valid number")]
    [InlineData("ip.src in {10.0.0.0/8..10.0.0.9}", 11, "a range cannot end in a network")]
    [InlineData("tcp in {1}", 0, "'tcp' is a protocol, not a field")]
    [InlineData("tcp.port == 65536", 12, "'65536' is too big for tcp.port")]
    [InlineData("ip.ttl == 300", 10, "'300' is too big for ip.ttl, maximum 255 at 10")]
    [InlineData("ip.ttl == -1", 10, "'-1' is not a valid number")]
    [InlineData("ip.ttl == 1.5", 10, "'1.5' is not a valid number")]
    [InlineData("ip.ttl == 0x", 10, "'0x' is not a valid number")]
    [InlineData("ip.ttl == 09", 10, "'09' is not a valid number")]
    [InlineData("ip.ttl == abc", 10, "'abc' is not a valid number")]
    [InlineData("ip.src == 10.0.0", 10, "'10.0.0' is not a valid IPv4 address at 10")]
    [InlineData("ip.src == 10.0.0.256", 10, "'10.0.0.256' is not a valid IPv4 address")]
    [InlineData("ip.src == 1", 10, "'1' is not a valid IPv4 address")]
    [InlineData("ip.src == 10.0.0.0/33", 10, "'33' is not a valid IPv4 prefix length")]
    [InlineData("ip.src > 10.0.0.0/8", 9, "can only be compared with == or !=")]
    [InlineData("ipv6.src == 2001:db8:::1", 12, "'2001:db8:::1' is not a valid IPv6 address")]
    [InlineData("ipv6.src == 10.0.0.1", 12, "not a valid IPv6 address")]
    [InlineData("ipv6.src == ::/129", 12, "'129' is not a valid IPv6 prefix length")]
    [InlineData("eth.src == aa:bb:cc:dd:ee", 11, "'aa:bb:cc:dd:ee' is not a valid MAC address")]
    [InlineData("eth.src == aa:bb:cc:dd:ee:gg", 11, "not a valid MAC address")]
    [InlineData("tcp.flags.syn == true", 17, "'true' is not a valid value for the flag tcp.flags.syn")]
    [InlineData("frame.time_epoch > 1.2.3", 19, "not a valid time")]
    [InlineData("frame.time_epoch > 1.1234567890", 19, "not a valid time")]
    [InlineData("ip.src == tcp.port", 10, "ip.src (an IPv4 address) cannot be compared with tcp.port (a number) at 10")]
    [InlineData("tcp.flags.syn == tcp.port", 17, "tcp.flags.syn (a flag) cannot be compared with tcp.port (a number)")]
    [InlineData("ipv6.src == ip.dst", 12, "cannot be compared")]
    [InlineData("tcp $ udp", 4, "unexpected '$' at 4")]
    [InlineData("tcp AND udp", 4, "unexpected 'AND' at 4")]
    [InlineData("tcp.port EQ 80", 9, "unexpected 'EQ' at 9")]
    [InlineData("80 == tcp.port", 0, "expected a field or protocol name but found '80' at 0")]
    [InlineData("tcp.port == \"80\"", 12, "tcp.port is a number and cannot be compared with a string (\"80\") at 12")]
    [InlineData("ip.src == \"10.0.0.1\"", 10, "ip.src is an IPv4 address and cannot be compared with a string")]
    [InlineData("tcp.payload matches \"(\"", 20, "\"(\" is not a valid regular expression: ")]
    [InlineData("dns.qry.name matches \"x{2,1}\"", 21, "is not a valid regular expression")]
    [InlineData("dns.qry.name matches \"\\\\x{100}\"", 21, "is past 0xff (patterns match bytes)")]
    [InlineData("tcp.payload matches 47", 20, "'matches' needs a quoted string (a regular expression)")]
    [InlineData("tcp.payload matches frame", 20, "needs a quoted string (a regular expression), not frame")]
    [InlineData("tcp.payload contains \"GET", 21, "the closing quote is missing from a quoted string at 21")]
    [InlineData("tcp.payload contains \"\\qET\"", 22, "\\q is not a valid escape sequence at 22")]
    [InlineData("tcp.payload contains \"\\x\"", 22, "\\x is not a valid escape sequence")]
    [InlineData("tcp.payload contains \"\\u0047\"", 22, "\\u0047 is not a valid universal character name")]
    [InlineData("tcp.payload contains \"\\ud800\"", 22, "not a valid universal character name")]
    [InlineData("tcp.payload contains \"ab\\400\"", 24, "\\400 is larger than 255")]
    [InlineData("tcp.payload contains GET", 21, "'GET' is not a valid byte string for tcp.payload")]
    [InlineData("tcp.payload contains 4745:54", 21, "not a valid byte string")]
    [InlineData("frame[0] == 0x100", 12, "'0x100' is not a valid byte string for frame")]
    [InlineData("tcp.port contains 80", 18, "tcp.port is a number and cannot be searched with 'contains' at 18")]
    [InlineData("ip.src contains 0a", 16, "ip.src is an IPv4 address and cannot be searched with 'contains'")]
    [InlineData("ip.src matches \"10\"", 15, "ip.src is an IPv4 address and cannot be matched with a regular expression")]
    [InlineData("eth.src contains \"abc\"", 17, "eth.src is a MAC address and cannot be searched for a string")]
    [InlineData("eth.src contains 00:1b:21:c6:42:6e:00", 17, "has too many bytes to be part of a MAC address")]
    [InlineData("frame contains eth.src", 15, "frame (bytes) cannot be compared with eth.src (a MAC address) at 15")]
    [InlineData("dns.qry.name == frame[0:3]", 16, "dns.qry.name (a string) cannot be compared with frame (bytes)")]
    [InlineData("tcp.port == tcp", 12, "tcp.port (a number) cannot be compared with tcp (bytes)")]
    [InlineData("tcp.flags.syn[0] == 1", 0, "tcp.flags.syn is a flag and cannot be sliced into bytes at 0")]
    [InlineData("frame.number[0]", 0, "frame.number is a number and cannot be sliced into bytes")]
    [InlineData("tcp.analysis.flags[0]", 0, "tcp.analysis.flags is a marker and cannot be sliced into bytes")]
    [InlineData("frame[1:0] == 00", 6, "the range 1:0 is not valid: its length 0 is not positive at 6")]
    [InlineData("frame[0:-1]", 6, "its length -1 is not positive")]
    [InlineData("frame[5-4]", 6, "the range 5-4 is not valid: 5 is not less than 4")]
    [InlineData("frame[4-4]", 6, "4 is not less than 4")]
    [InlineData("frame[-4-6]", 6, "-4 and 6 have different signs")]
    [InlineData("frame[0:2, x]", 6, "'x' is not a valid slice offset or length")]
    [InlineData("frame[99999999999]", 6, "'99999999999' is too big for a slice")]
    [InlineData("frame[]", 6, "a slice needs a range")]
    [InlineData("tcp && frame[0:2", 12, "the closing ']' is missing from a slice at 12")]
    [InlineData("tcp.payload[0:3] in {\"GET\"}", 17, "only a field, not a slice, can be tested for membership in a set")]
    [InlineData("tcp.port in {\"80\"}", 13, "tcp.port is a number and cannot be compared with a string")]
    [InlineData("tcp.port == ''", 12, "empty character constant at 12")]
    [InlineData("tcp.port == 'ab'", 12, "'ab' is too long to be a character constant")]
    [InlineData("tcp.port == '\\q'", 12, "'\\q' is not a valid character constant")]
    [InlineData("tcp.port == 'a", 12, "the closing quote is missing from a character constant")]
    [InlineData("ip.src == 'a'", 10, "ip.src is an IPv4 address and cannot be compared with a character")]
    public void Reports_the_problem_and_where_it_is(string text, int position, string message)
    {
        Assert.False(DisplayFilter.TryParse(text, out _, out var error));
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        string text = new string('(', 100_000) + "tcp" + new string(')', 100_000);
        Assert.False(DisplayFilter.TryParse(text, out _, out var error));
        Assert.Contains("nested too deeply", error.Message);
        string negations = new string('!', 100_000) + "tcp";
        Assert.False(DisplayFilter.TryParse(negations, out _, out _));
    }

    [Fact]
    public void A_filter_with_thousands_of_tests_is_refused()
    {
        string text = string.Join(" || ", Enumerable.Repeat("tcp", 5000));
        Assert.False(DisplayFilter.TryParse(text, out _, out var error));
        Assert.Contains("more than 4096 tests", error.Message);
        Assert.True(DisplayFilter.TryParse(string.Join(" || ", Enumerable.Repeat("tcp", 1000)), out _, out _));
    }

    [Fact]
    public void Every_layer_kind_fits_the_filter_layer_masks()
    {
        // Compiled filters keep the layer kinds a test looks at as bits of a UInt128 (FilterNode.Bit), whose shift count
        // C# masks: a 129th kind would alias the first.
        Assert.All(Enum.GetValues<RawNet.Protocols.Decoding.LayerKind>(), kind => Assert.InRange((int)kind, 0, 127));
    }

    [Fact]
    public void A_name_far_from_every_known_one_gets_no_hint()
    {
        Assert.False(DisplayFilter.TryParse("completely.unrelated", out _, out var error));
        Assert.Equal("unknown field 'completely.unrelated' at 0", error.Message);
    }
}
