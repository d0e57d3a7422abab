using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>A packet-list row: Wireshark's columns, its Info text and its colouring rule.</summary>
public sealed class PacketRowTests
{
    [Fact]
    public void A_row_has_wireshark_s_columns()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        var row = view.Source.Row(1);
        Assert.Equal(new PacketRow(2, 0.001, "198.18.0.2", "198.18.0.1", "TCP", 74, row.Info, row.Coloring), row);
        Assert.StartsWith("80 → 40000 [SYN, ACK] Seq=0 Ack=1 Win=", row.Info, StringComparison.Ordinal);
        Assert.Equal("HTTP", row.Coloring?.Name); // Wireshark's HTTP rule (tcp.port == 80) comes before TCP SYN/FIN
    }
}
