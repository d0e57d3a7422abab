using System.Text.Json;
using RawNet.Protocols.Crafting;
using RawNet.Testing;

namespace RawNet.Protocols.Tests.Crafting;

/// <summary>
/// scapy as the oracle: each RawNet expression must build the same bytes scapy builds for the same layers and fields.
/// One /usr/bin/python3 process builds the whole table. scapy's defaults that differ from RawNet's (Ether src from the
/// host, IP src from the routing table, dst 127.0.0.1) are always passed explicitly: M1/M2, S4/D4 and S6/D6 are
/// RawNet's default addresses.
/// </summary>
public sealed class ScapyOracleTests
{
    private const string Python = "/usr/bin/python3";

    private const string E = "Ether(src=M1,dst=M2)";
    private const string I4 = "IP(src=S4,dst=D4)";
    private const string I6 = "IPv6(src=S6,dst=D6)";

    /// <summary>RawNet expression, then the scapy expression for the same packet.</summary>
    public static readonly (string RawNet, string Scapy)[] Table =
    [
        ("eth / ipv4 / tcp", $"{E}/{I4}/TCP()"),
        ("eth dst=02:00:00:00:00:02 / ipv4 dst=198.18.0.2 ttl=3 / tcp dport=80 flags=S mss=1460 / 'hello'",
            $"{E}/IP(src=S4,dst='198.18.0.2',ttl=3)/TCP(dport=80,flags='S',options=[('MSS',1460)])/b'hello'"),
        ("ipv4 / tcp flags=SA seq=1000 ack=2000 window=65535 mss=1460 sackok ts=12345,0 nop wscale=7",
            $"{I4}/TCP(flags='SA',seq=1000,ack=2000,window=65535,options=[('MSS',1460),('SAckOK',b''),('Timestamp',(12345,0)),('NOP',None),('WScale',7)])"),
        ("ipv4 / tcp flags=A sack=1-2,3-4 nop nop / 'data'", $"{I4}/TCP(flags='A',options=[('SAck',(1,2,3,4)),('NOP',None),('NOP',None)])/b'data'"),
        ("ipv4 / tcp mss=536 eol", $"{I4}/TCP(options=[('MSS',536),('EOL',None)])"),
        ("ipv4 / tcp opt=254:0102 sport=1024 dport=443", $"{I4}/TCP(sport=1024,dport=443,options=[(254,b'\\x01\\x02')])"),
        ("ipv4 / tcp flags=FSRPAUECN urgptr=5", $"{I4}/TCP(flags='FSRPAUECN',urgptr=5)"),
        ("ipv4 / tcp chksum=0x1234 / 'x'", $"{I4}/TCP(chksum=0x1234)/b'x'"),
        ("ipv4 / tcp dataofs=6", $"{I4}/TCP(dataofs=6)"),
        ("eth / ipv4 / udp / hex:00010203", $"{E}/{I4}/UDP()/bytes.fromhex('00010203')"),
        ("ipv4 / udp sport=1234 dport=5678 len=100 chksum=0", $"{I4}/UDP(sport=1234,dport=5678,len=100,chksum=0)"),
        ("ipv4 tos=0x10 id=4242 flags=DF ttl=1 / udp", "IP(src=S4,dst=D4,tos=0x10,id=4242,flags='DF',ttl=1)/UDP()"),
        ("ipv4 flags=MF frag=100 / 'x'", "IP(src=S4,dst=D4,flags='MF',frag=100)/b'x'"),
        ("ipv4 options=9404000001 / icmp", "IP(src=S4,dst=D4,options=IPOption(b'\\x94\\x04\\x00\\x00\\x01'))/ICMP()"),
        ("ipv4 len=20 chksum=0xbeef proto=17 / udp", "IP(src=S4,dst=D4,len=20,chksum=0xbeef,proto=17)/UDP()"),
        ("ipv4 / icmp id=1 seq=2 / 'ping'", $"{I4}/ICMP(id=1,seq=2)/b'ping'"),
        ("ipv4 / icmp type=echo-reply chksum=0", $"{I4}/ICMP(type=0,chksum=0)"),
        ("ipv4 / icmp type=3 code=1 / ipv4 src=198.18.0.2 dst=198.18.0.1 / udp / 'abc'",
            $"{I4}/ICMP(type=3,code=1)/IP(src=D4,dst=S4)/UDP()/b'abc'"),
        ("ipv4 / icmp type=time-exceeded / ipv4 ttl=1 / tcp", $"{I4}/ICMP(type=11)/IP(src=S4,dst=D4,ttl=1)/TCP()"),
        ("ipv4 / icmp type=3 code=4 mtu=1400 / ipv4 flags=DF / tcp", $"{I4}/ICMP(type=3,code=4,nexthopmtu=1400)/IP(src=S4,dst=D4,flags='DF')/TCP()"),
        ("ipv4 / ipv4 / udp", $"{I4}/{I4}/UDP()"),
        ("ipv4 / 'hi'", $"{I4}/b'hi'"),
        ("eth / ipv6 / tcp / 'hello'", $"{E}/{I6}/TCP()/b'hello'"),
        ("ipv6 tc=0xb8 fl=0x12345 hlim=1 / udp", "IPv6(src=S6,dst=D6,tc=0xb8,fl=0x12345,hlim=1)/UDP()"),
        ("ipv6 / hbh / dstopt / routing addrs=2001:db8::5 / frag offset=3 id=5 m=1 / tcp",
            $"{I6}/IPv6ExtHdrHopByHop()/IPv6ExtHdrDestOpt()/IPv6ExtHdrRouting(addresses=['2001:db8::5'])/IPv6ExtHdrFragment(offset=3,id=5,m=1)/TCP()"),
        ("ipv6 / hbh options=05020000 / icmpv6 type=echo-request id=1 seq=2 / 'ping'",
            $"{I6}/IPv6ExtHdrHopByHop(options=[RouterAlert()])/ICMPv6EchoRequest(id=1,seq=2)/b'ping'"),
        ("ipv6 / icmpv6 type=echo-reply id=7 seq=9", $"{I6}/ICMPv6EchoReply(id=7,seq=9)"),
        ("ipv6 / icmpv6 type=packet-too-big mtu=1280 / ipv6 src=2001:db8::2 dst=2001:db8::1 / udp",
            $"{I6}/ICMPv6PacketTooBig(mtu=1280)/IPv6(src=D6,dst=S6)/UDP()"),
        ("ipv6 / icmpv6 type=dest-unreach code=4 / ipv6 / tcp", $"{I6}/ICMPv6DestUnreach(code=4)/{I6}/TCP()"),
        ("ipv6 / icmpv6 type=time-exceeded / ipv6 hlim=1 / udp / 'q'", $"{I6}/ICMPv6TimeExceeded()/IPv6(src=S6,dst=D6,hlim=1)/UDP()/b'q'"),
        ("ipv6 / 'raw'", $"{I6}/b'raw'"),
        ("eth dst=ff:ff:ff:ff:ff:ff / arp op=who-has psrc=198.18.0.1 pdst=198.18.0.2",
            "Ether(src=M1,dst='ff:ff:ff:ff:ff:ff')/ARP(op=1,psrc=S4,pdst=D4,hwsrc=M1,hwdst='00:00:00:00:00:00')"),
        ("eth / arp op=is-at hwdst=02:00:00:00:00:02", $"{E}/ARP(op=2,psrc=S4,pdst=D4,hwsrc=M1,hwdst=M2)"),
        ("eth / vlan id=5 prio=3 / ipv4 / udp", $"{E}/Dot1Q(vlan=5,prio=3)/{I4}/UDP()"),
    ];

    private const string Script = """
        import sys, json
        from scapy.all import *
        M1, M2 = '02:00:00:00:00:01', '02:00:00:00:00:02'
        S4, D4 = '198.18.0.1', '198.18.0.2'
        S6, D6 = '2001:db8::1', '2001:db8::2'
        for expression in json.load(sys.stdin):
            try:
                sys.stdout.write(bytes(eval(expression)).hex() + '\n')
            except Exception as e:
                sys.stdout.write('error: ' + repr(e).replace('\n', ' ') + '\n')
        """;

    [Fact]
    public void RawNetBuildsWhatScapyBuilds()
    {
        var scapy = ScapyBuild(Table.Select(t => t.Scapy).ToArray());
        var failures = new List<string>();
        for (int i = 0; i < Table.Length; i++)
        {
            var (expression, scapyExpression) = Table[i];
            Assert.True(CraftExpression.TryParse(expression, out var packet, out var error), $"{expression}: {error}");
            string ours = Convert.ToHexStringLower(packet.Build().Bytes);
            if (ours != scapy[i])
                failures.Add($"{expression}\n  rawnet {ours}\n  scapy  {scapy[i]}   ({scapyExpression})");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Builds every scapy expression in one python process; skips when scapy is not importable.</summary>
    private static string[] ScapyBuild(string[] expressions)
    {
        if (!File.Exists(Python))
            Assert.Skip($"{Python} is not installed (apt-get install python3-scapy)");
        var probe = ExternalTool.Run(Python, ["-c", "import scapy.all"]);
        if (probe.ExitCode != 0)
            Assert.Skip($"scapy is not importable by {Python} (apt-get install python3-scapy): {probe.StdErr.Trim().Split('\n')[^1]}");
        var (code, stdout, stderr) = ExternalTool.Run(Python, ["-c", Script], stdin: JsonSerializer.Serialize(expressions));
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expressions.Length, lines.Length);
        return lines;
    }
}
