using RawNet.Ui.Input;
using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Input;

/// <summary>The vim-style keys of the packet list: counts, gg and G, marks and :N.</summary>
public sealed class VimMotionTests
{
    [Fact]
    public void Counts_move_that_many_rows_and_before_g_go_to_a_packet()
    {
        var view = Views.Open("tcp-analysis/tcp-lossy-upload.pcap");
        Views.Type(view, "10j");
        Assert.Equal(10, view.SelectedFrame);
        Views.Type(view, "3k");
        Assert.Equal(7, view.SelectedFrame);
        Views.Type(view, "j");
        Assert.Equal(8, view.SelectedFrame); // the count applied once
        Views.Type(view, "150G");
        Assert.Equal(149, view.SelectedFrame);
        Views.Type(view, "gg");
        Assert.Equal(0, view.SelectedFrame);
        Views.Type(view, "G");
        Assert.Equal(view.TotalCount - 1, view.SelectedFrame);
        Views.Type(view, "0");
        Assert.Equal(0, view.Vim.Count); // a leading 0 is no count
    }

    [Fact]
    public void Marks_remember_packets_by_letter()
    {
        var view = Views.Open("tcp-analysis/tcp-lossy-upload.pcap");
        Views.Type(view, "42Gma");
        Assert.Contains("Mark a: packet 42", view.Status, StringComparison.Ordinal);
        Views.Type(view, "100Gmb");
        Views.Type(view, "gg'a");
        Assert.Equal(41, view.SelectedFrame);
        Views.Type(view, "`b");
        Assert.Equal(99, view.SelectedFrame);
        Views.Type(view, "'z");
        Assert.Equal(99, view.SelectedFrame);
        Assert.Contains("No mark z", view.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void Colon_goes_to_a_packet_and_says_when_it_is_hidden_or_missing()
    {
        var view = Views.Open("tcp-analysis/tcp-lossy-upload.pcap");
        Views.Type(view, ":84\n");
        Assert.Equal(83, view.SelectedFrame);
        Views.Type(view, ":9999\n");
        Assert.Equal(83, view.SelectedFrame);
        Assert.Contains("No packet 9999: packets are 1 to 201", view.Status, StringComparison.Ordinal);
        view.BeginFilter();
        view.EditFilter("tcp.analysis.retransmission");
        Assert.True(view.ApplyFilter());
        Views.Type(view, ":3\n");
        Assert.Contains("Packet 3 is hidden by the filter", view.Status, StringComparison.Ordinal);
        Views.Type(view, ":195\n");
        Assert.Equal(194, view.SelectedFrame);
        Views.Type(view, ":12\e");
        Assert.Null(view.Vim.CommandDraft);
        Assert.Equal(194, view.SelectedFrame);
    }
}
