using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>The Info column: the rawnet read summary without its time, and without the addresses the columns already show.</summary>
public sealed class PacketRowTests
{
    [Theory]
    [InlineData("IP 198.18.0.1.40000 > 198.18.0.2.80: Flags [S], seq 1000", "198.18.0.1", "198.18.0.2", "40000 > 80: Flags [S], seq 1000")]
    [InlineData("IP6 2001:db8::1.50001 > 2001:db8::2.7: UDP, length 14", "2001:db8::1", "2001:db8::2", "50001 > 7: UDP, length 14")]
    [InlineData("IP 198.18.0.2 > 198.18.0.1: ICMP echo reply, id 1, seq 1, length 64", "198.18.0.2", "198.18.0.1", "ICMP echo reply, id 1, seq 1, length 64")]
    [InlineData("vlan 100, p 3, IP 198.18.0.1.50002 > 198.18.0.2.9: UDP, length 6", "198.18.0.1", "198.18.0.2", "vlan 100, p 3, IP 198.18.0.1.50002 > 198.18.0.2.9: UDP, length 6")]
    [InlineData("IP 10.0.0.1 > 10.0.0.2: IP 198.18.0.1 > 198.18.0.2: ICMP echo request", "198.18.0.1", "198.18.0.2", "IP 10.0.0.1 > 10.0.0.2: IP 198.18.0.1 > 198.18.0.2: ICMP echo request")]
    [InlineData("ARP, Request who-has 198.18.0.2 tell 198.18.0.1, length 28", "02:00:00:00:00:01", "ff:ff:ff:ff:ff:ff", "ARP, Request who-has 198.18.0.2 tell 198.18.0.1, length 28")]
    [InlineData("IP 198.18.0.1.40000 > 198.18.0.2.80: Flags [S]", "", "", "IP 198.18.0.1.40000 > 198.18.0.2.80: Flags [S]")]
    public void Info_drops_the_addresses_and_keeps_the_ports(string summary, string source, string destination, string info)
    {
        Assert.Equal(info, PacketSource.WithoutAddresses(summary, source, destination));
    }

    [Fact]
    public void A_row_has_wireshark_s_columns()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        var row = view.Source.Row(1);
        Assert.Equal(new PacketRow(2, 0.001, "198.18.0.2", "198.18.0.1", "TCP", 74, row.Info, RowColor.Tcp), row);
        Assert.StartsWith("80 > 40000: Flags [S.], seq 5000, ack 1001", row.Info, StringComparison.Ordinal);
    }
}
