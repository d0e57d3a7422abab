namespace RawNet.Ui.Tests.Model;

/// <summary>The UI's filter on the expert items' fields shows the frames tshark's -Y shows (captures/tables/table-expert-cases.pcap).</summary>
public sealed class ExpertFilterTests
{
    [Theory]
    [InlineData("_ws.malformed", new[] { 25, 34, 35, 36 })]
    [InlineData("_ws.expert.severity == 8388608 && !_ws.malformed", new[] { 10, 42 })]
    public void Filters_on_expert_items_show_tsharks_frames(string filter, int[] frames)
    {
        var view = Views.Open("tables/table-expert-cases.pcap");
        view.BeginFilter();
        view.EditFilter(filter);
        Assert.True(view.ApplyFilter());
        Assert.Equal(frames, Enumerable.Range(0, view.ShownCount).Select(row => view.FrameAt(row) + 1).ToArray());
    }
}
