using RawNet.Output.Fields;
using RawNet.Ui.Model;
using RawNet.Ui.Screens;
using RawNet.Ui.Settings;
using RawNet.Ui.Widgets;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>Packet-list columns chosen by the user: Wireshark's default ones in any order, and any field as -T fields prints it.</summary>
public sealed class ListColumnsTests
{
    [Fact]
    public void Columns_are_default_titles_or_field_names_and_anything_else_is_named()
    {
        Assert.True(ListColumns.TryParse(" no. , ip.ttl,Info, tcp.srcport ,_ws.col.Protocol", out var columns, out _));
        Assert.Equal([ListColumnKind.Number, ListColumnKind.Field, ListColumnKind.Info, ListColumnKind.Field, ListColumnKind.Field], columns.Kinds);
        Assert.Equal(["No.", "ip.ttl", "Info", "tcp.srcport", "_ws.col.Protocol"], columns.Titles);
        Assert.Equal([-1, 0, -1, 1, 2], columns.FieldIndex);
        Assert.Equal("No.,ip.ttl,Info,tcp.srcport,_ws.col.Protocol", columns.ToString());
        Assert.False(ListColumns.TryParse("No.,ip.tll", out _, out string? problem));
        Assert.Equal("'ip.tll' is neither a column (No., Time, Source, Destination, Protocol, Length, Info) nor a field (see rawnet read -T fields)", problem);
        Assert.False(ListColumns.TryParse(" , ", out _, out problem));
        Assert.Equal("no column named", problem);
        Assert.False(ListColumns.TryParse(string.Join(',', Enumerable.Repeat("ip.ttl", 17)), out _, out _));
        var config = UiConfig.Parse("columns = No.,frame.len\ncolumns = Info,nonsense.field", "ui.conf");
        Assert.Equal("No.,frame.len", config.Columns!.ToString());
        Assert.StartsWith("ui.conf:2: columns: 'nonsense.field' is neither a column", Assert.Single(config.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_column_shows_what_t_fields_prints_for_the_packet()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        Assert.True(ListColumns.TryParse("No.,Protocol,ip.ttl,tcp.window_size_value,tcp.analysis.acks_frame,Info", out var columns, out _));
        view.Source.Columns = columns;
        view.Source.Analysis!.WaitFor(9, TestContext.Current.CancellationToken);
        Golden.Check("packet-list-field-columns.txt", ScreenText.Plain(new PacketList(view, 12), 120));
        // The oracle: -T fields on the same decoded packet.
        Assert.True(FieldSelection.TryCreate(["ip.ttl", "tcp.window_size_value", "tcp.analysis.acks_frame"], out var selection, out _));
        var printer = new FieldsPrinter(selection);
        for (int frame = 0; frame < view.TotalCount; frame++)
        {
            var output = new StringWriter();
            var packet = view.Source.Decode(frame);
            printer.Print(packet, view.Source.Frame, output);
            Assert.Equal(output.ToString().TrimEnd('\n'), string.Join('\t', view.Source.Row(frame).Fields!));
        }
    }
}
