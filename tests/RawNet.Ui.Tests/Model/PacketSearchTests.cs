using RawNet.Ui.Input;
using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>
/// Find (Ctrl-F, n, N): each kind of search lands on the packets that have what was sought, in the list, the details or
/// the bytes, going round the end; what cannot be searched for says why.
/// </summary>
public sealed class PacketSearchTests
{
    private static CaptureView Find(string capture, SearchKind kind, SearchTarget target, string text)
    {
        var view = Views.Open(capture);
        view.BeginSearch();
        while (view.SearchKind != kind)
            view.CycleSearchKind();
        while (view.SearchTarget != target)
            view.CycleSearchTarget();
        view.EditSearch(text);
        Assert.Null(view.SearchProblem);
        Assert.True(view.ApplySearch());
        return view;
    }

    [Fact]
    public void A_string_in_the_list_finds_the_info_text_and_n_and_n_walk_the_matches()
    {
        var view = Find("tcp-analysis/tcp-lossy-upload.pcap", SearchKind.String, SearchTarget.List, "seq=30568 ");
        Assert.Equal(33, view.SelectedFrame); // packet 34 sent it first, packet 84 again
        view.FindNext(forward: true);
        Assert.Equal(83, view.SelectedFrame);
        view.FindNext(forward: true);
        Assert.Equal(33, view.SelectedFrame); // round past the end
        Assert.Contains("went round", view.Status, StringComparison.Ordinal);
        view.FindNext(forward: false);
        Assert.Equal(83, view.SelectedFrame);
    }

    [Fact]
    public void A_display_filter_finds_the_packets_it_matches()
    {
        var view = Find("tcp-analysis/tcp-lossy-upload.pcap", SearchKind.DisplayFilter, SearchTarget.List, "tcp.analysis.fast_retransmission");
        Assert.Equal(83, view.SelectedFrame);
        Assert.Contains("in packet 84", view.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void Hex_bytes_and_a_string_in_the_bytes_find_the_payload()
    {
        var view = Find("tcp-handshake-ipv4.pcap", SearchKind.Hex, SearchTarget.List, "47:45:54 20 2f");
        Assert.Equal(3, view.SelectedFrame); // "GET /" is packet 4's payload
        view = Find("tcp-analysis/tcp-lossy-upload.pcap", SearchKind.String, SearchTarget.Bytes, "post /");
        Assert.Equal(3, view.SelectedFrame); // tshark -Y 'frame contains "POST"' finds packet 4 alone
        view.FindNext(forward: true);
        Assert.Equal(3, view.SelectedFrame);
    }

    [Fact]
    public void A_regex_in_the_details_finds_the_tree_text()
    {
        var view = Find("tcp-analysis/tcp-lossy-upload.pcap", SearchKind.Regex, SearchTarget.Details, @"Duplicate ACK #.*\): 2$");
        Assert.Equal(82, view.SelectedFrame); // the second duplicate of frame 76
    }

    [Fact]
    public void What_cannot_be_searched_for_says_why_and_keys_drive_the_bar()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        foreach (char c in "\u0006")
            KeyHandler.Apply(view, KeyMap.FromChar(c));
        Assert.True(view.EditingSearch);
        KeyHandler.Apply(view, KeyMap.FromChar('\t')); // hex
        Assert.Equal(SearchKind.Hex, view.SearchKind);
        foreach (char c in "4x")
            KeyHandler.Apply(view, KeyMap.FromChar(c));
        Assert.NotNull(view.SearchProblem);
        KeyHandler.Apply(view, KeyMap.FromChar('\n'));
        Assert.True(view.EditingSearch); // stays open with its problem
        KeyHandler.Apply(view, KeyMap.FromChar('\e'));
        Assert.False(view.EditingSearch);
        view.FindNext(forward: true);
        Assert.Contains("Ctrl-F", view.Status, StringComparison.Ordinal);
        Assert.False(PacketSearch.TryCreate(SearchKind.Regex, SearchTarget.List, "(", out _, out string? problem));
        Assert.StartsWith("regular expression", problem, StringComparison.Ordinal);
        Assert.False(PacketSearch.TryCreate(SearchKind.DisplayFilter, SearchTarget.List, "tcp.srcprot == 1", out _, out problem));
        Assert.StartsWith("display filter", problem, StringComparison.Ordinal);
    }
}
