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

    private static void Type(CaptureView view, string keys)
    {
        foreach (char c in keys)
            RawNet.Ui.Input.KeyHandler.Apply(view, RawNet.Ui.Input.KeyMap.FromChar(c));
    }

    [Fact]
    public void The_columns_screen_adds_a_field_by_completion_moves_and_removes_columns_and_the_list_follows()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        Type(view, "L");
        Assert.Equal(ScreenKind.Columns, view.Screen);
        var editor = view.ColumnEditor!;
        // After Length: "ip.tt" then Tab completes to the one field that starts so.
        Type(view, "jjjjja");
        Type(view, "ip.tt");
        Assert.Equal(["ip.ttl"], editor.Candidates);
        Type(view, "\t");
        Assert.Equal("ip.ttl", editor.Draft);
        Type(view, "\n");
        Assert.Equal(["No.", "Time", "Source", "Destination", "Protocol", "Length", "ip.ttl", "Info"], editor.Names);
        Assert.Equal("64", view.Source.Row(0).Fields![0]);
        // A name that is nothing stays in the field with the reason.
        Type(view, "atcp.nosuch\n");
        Assert.True(editor.Adding);
        Assert.StartsWith("'tcp.nosuch' is neither a column", editor.Problem, StringComparison.Ordinal);
        Type(view, "\e");
        Assert.False(editor.Adding);
        // Tab completes as far as the completions agree.
        Type(view, "atcp.analysis.ack\t");
        Assert.Equal("tcp.analysis.ack", editor.Draft);
        Type(view, "\e");
        // K moves ip.ttl before Length; d removes Time.
        Type(view, "K");
        Assert.Equal("No.,Time,Source,Destination,Protocol,ip.ttl,Length,Info", view.Source.Columns.ToString());
        Type(view, "kkkkd");
        Assert.Equal("No.,Source,Destination,Protocol,ip.ttl,Length,Info", view.Source.Columns.ToString());
        Assert.True(editor.Changed);
        Golden.Check("columns-screen.txt", ScreenText.Plain(MainScreen.Compose(view, 100, 16), 100, 16));
        Type(view, "\e");
        Assert.Equal(ScreenKind.Main, view.Screen);
        Assert.Contains("      No. Source      Destination Protocol ip.ttl Length Info", ScreenText.Plain(new PacketList(view, 5), 100), StringComparison.Ordinal);
        // Saved as the config file writes it.
        Assert.Equal([("columns", "No.,Source,Destination,Protocol,ip.ttl,Length,Info")], UiConfigFile.Settings(null, view.Source.Columns));
    }
}
