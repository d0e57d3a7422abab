using RawNet.Protocols.Crafting;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Udp;

namespace RawNet.Protocols.Tests.Crafting;

/// <summary>The craft expression parser: defaults, payload forms, option order, and errors that name the column of the wrong word.</summary>
public sealed class CraftExpressionTests
{
    private static CraftPacket Parse(string text)
    {
        Assert.True(CraftExpression.TryParse(text, out var packet, out var error), $"{text}: {error}");
        return packet;
    }

    [Fact]
    public void DefaultsAreTheDocumentedOnes()
    {
        var packet = Parse("eth / ipv4 / tcp");
        var eth = Assert.IsType<EthernetSpec>(packet.Layers[0]);
        Assert.Equal("020000000001", eth.Source.ToString());
        Assert.Equal("020000000002", eth.Destination.ToString());
        var ip = Assert.IsType<Ipv4Spec>(packet.Layers[1]);
        Assert.Equal(("198.18.0.1", "198.18.0.2", 64, 1), (ip.Source.ToString(), ip.Destination.ToString(), (int)ip.TimeToLive, (int)ip.Identification));
        Assert.Null(ip.Checksum);
        Assert.Null(ip.TotalLength);
        var tcp = Assert.IsType<TcpSpec>(packet.Layers[2]);
        Assert.Equal((20, 80, TcpFlags.Syn, 8192), (tcp.SourcePort, tcp.DestinationPort, tcp.Flags, tcp.Window));
        Assert.Equal(LinkType.Ethernet, packet.LinkType);
        Assert.Equal(LinkType.Raw, Parse("ipv6 / udp").LinkType);
        var udp = Assert.IsType<UdpSpec>(Parse("ipv4 / udp").Layers[1]);
        Assert.Equal((53, 53), (udp.SourcePort, udp.DestinationPort));
    }

    [Theory]
    [InlineData("ipv4 / 'a b/c'", "6120622f63")]
    [InlineData("ipv4 / \"it's\"", "69742773")]
    [InlineData("ipv4 / 'tab\\there\\x00\\n'", "7461620968657265000a")]
    [InlineData("ipv4 / hex:0011AA", "0011aa")]
    public void PayloadForms(string text, string hex)
    {
        var payload = Convert.ToHexStringLower(Parse(text).Payload.Span);
        Assert.Equal(hex, payload);
    }

    [Fact]
    public void TcpOptionsKeepTheirOrderAndMayRepeat()
    {
        var tcp = Assert.IsType<TcpSpec>(Parse("ipv4 / tcp nop wscale=2 nop mss=1200 sack=1-2 sack=3-4 eol").Layers[1]);
        Assert.Equal([TcpOptionKind.NoOperation, TcpOptionKind.WindowScale, TcpOptionKind.NoOperation, TcpOptionKind.MaximumSegmentSize,
            TcpOptionKind.Sack, TcpOptionKind.Sack, TcpOptionKind.EndOfOptionList], tcp.Options.Select(o => o.Kind));
    }

    [Fact]
    public void NumbersTakeHexAndNamesTakeTheirValues()
    {
        var ip = Assert.IsType<Ipv4Spec>(Parse("ipv4 id=0xbeef flags=DF|MF proto=udp").Layers[0]);
        Assert.Equal(0xbeef, ip.Identification);
        Assert.Equal(Ipv4Header.DontFragment | Ipv4Header.MoreFragments, ip.Flags);
        Assert.Equal(IpProtocol.Udp, ip.Protocol);
    }

    [Theory]
    [InlineData("", "empty expression", 1)]
    [InlineData("ipv4 / / udp", "empty layer between '/'", 7)]
    [InlineData("ipv4 ttl", "expected FIELD=VALUE in ipv4, got 'ttl'", 6)]
    [InlineData("ipv4 ttl=", "field 'ttl' in ipv4 has no value", 10)]
    [InlineData("ipv4 ttl=1 ttl=2", "field 'ttl' given twice in ipv4", 12)]
    [InlineData("ipv4 / udp / tcp", "nothing but a payload can follow udp", 14)]
    [InlineData("eth / hbh", "hbh must follow ipv6 or another IPv6 extension header", 7)]
    [InlineData("ipv4 / vlan", "vlan must follow eth or vlan", 8)]
    [InlineData("ipv4 / tcp sack=1-2,3", "expected two numbers separated by '-' for sack", 21)]
    [InlineData("ipv4 / tcp sackok=1", "'sackok' takes no value", 12)]
    [InlineData("ipv4 options=abc", "odd number of hex digits for options", 14)]
    [InlineData("ipv6 src=198.18.0.1", "'198.18.0.1' is not an IPv6 address (for src)", 10)]
    [InlineData("eth src=02:00:00:00:00", "'02:00:00:00:00' is not a MAC address (like 02:00:00:00:00:01)", 9)]
    [InlineData("ipv4 / icmp type=bogus", "unknown type 'bogus'", 18)]
    public void ErrorsNameTheColumnOfTheWrongWord(string text, string message, int column)
    {
        Assert.False(CraftExpression.TryParse(text, out _, out var error));
        Assert.Equal(message, error.Message);
        Assert.Equal(column, error.Column);
    }
}
