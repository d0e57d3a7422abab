using RawNet.Ui.Input;
using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Input;

/// <summary>The vim-style keys of the packet list: counts, gg and G, marks and :N.</summary>
public sealed class VimMotionTests
{
    private static void Type(CaptureView view, string keys)
    {
        foreach (char c in keys)
            KeyHandler.Apply(view, KeyMap.FromChar(c));
    }

    [Fact]
    public void Counts_move_that_many_rows_and_before_g_go_to_a_packet()
    {
        var view = Views.Open("tcp-analysis/tcp-lossy-upload.pcap");
        Type(view, "10j");
        Assert.Equal(10, view.SelectedFrame);
        Type(view, "3k");
        Assert.Equal(7, view.SelectedFrame);
        Type(view, "j");
        Assert.Equal(8, view.SelectedFrame); // the count applied once
        Type(view, "150G");
        Assert.Equal(149, view.SelectedFrame);
        Type(view, "gg");
        Assert.Equal(0, view.SelectedFrame);
        Type(view, "G");
        Assert.Equal(view.TotalCount - 1, view.SelectedFrame);
        Type(view, "0");
        Assert.Equal(0, view.Vim.Count); // a leading 0 is no count
    }

    [Fact]
    public void Marks_remember_packets_by_letter()
    {
        var view = Views.Open("tcp-analysis/tcp-lossy-upload.pcap");
        Type(view, "42Gma");
        Assert.Contains("Mark a: packet 42", view.Status, StringComparison.Ordinal);
        Type(view, "100Gmb");
        Type(view, "gg'a");
        Assert.Equal(41, view.SelectedFrame);
        Type(view, "`b");
        Assert.Equal(99, view.SelectedFrame);
        Type(view, "'z");
        Assert.Equal(99, view.SelectedFrame);
        Assert.Contains("No mark z", view.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void Colon_goes_to_a_packet_and_says_when_it_is_hidden_or_missing()
    {
        var view = Views.Open("tcp-analysis/tcp-lossy-upload.pcap");
        Type(view, ":84\n");
        Assert.Equal(83, view.SelectedFrame);
        Type(view, ":9999\n");
        Assert.Equal(83, view.SelectedFrame);
        Assert.Contains("No packet 9999: packets are 1 to 201", view.Status, StringComparison.Ordinal);
        view.BeginFilter();
        view.EditFilter("tcp.analysis.retransmission");
        Assert.True(view.ApplyFilter());
        Type(view, ":3\n");
        Assert.Contains("Packet 3 is hidden by the filter", view.Status, StringComparison.Ordinal);
        Type(view, ":195\n");
        Assert.Equal(194, view.SelectedFrame);
        Type(view, ":12\e");
        Assert.Null(view.Vim.GoToDraft);
        Assert.Equal(194, view.SelectedFrame);
    }
}
