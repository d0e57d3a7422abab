using RawNet.Files;
using RawNet.Protocols;
using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>
/// The model of a live capture without a network: a pcap file growing a few bytes at a time is indexed record by record
/// (never a half-written one), the list follows new packets until the user moves up, the display filter runs on new
/// packets, and the capture rate is worked out on a manual clock.
/// </summary>
public sealed class LiveModelTests
{
    [Fact]
    public void A_growing_pcap_is_indexed_only_up_to_its_last_complete_record_whatever_the_cut()
    {
        var frames = GrowingCapture.FramesOf("icmp-errors.pcap");
        using var file = new GrowingCapture(frames);
        using var index = CaptureIndex.Follow(file.Path);
        Assert.Equal(0, index.Refresh());
        // Every cut point: inside the file header, inside a record header, inside a frame's data, on a record's end.
        for (int length = 1; length <= file.Bytes.Length; length += length < 200 ? 1 : 7)
        {
            file.WriteUpTo(length);
            index.Refresh();
            Assert.Equal(file.CompleteRecords(length), index.Count);
        }
        file.WriteUpTo(file.Bytes.Length);
        index.Refresh();
        Assert.Equal(frames.Count, index.Count);
        Assert.Null(index.Damage);
        var buffer = new byte[16];
        for (int i = 0; i < frames.Count; i++)
        {
            int read = index.ReadFrame(i, ref buffer);
            Assert.Equal(frames[i].Data, buffer.AsSpan(0, read).ToArray());
            Assert.Equal(frames[i].Metadata.TimestampNanoseconds, index.MetadataOf(i).TimestampNanoseconds);
            Assert.Equal(frames[i].Metadata.OriginalLength, index.MetadataOf(i).OriginalLength);
        }
    }

    [Fact]
    public void Half_a_record_then_the_rest()
    {
        var frames = GrowingCapture.FramesOf("udp-exchange.pcap");
        using var file = new GrowingCapture(frames);
        using var index = CaptureIndex.Follow(file.Path);
        file.WriteRecords(1);
        Assert.Equal(1, index.Refresh());
        int half = (file.RecordEnds[0] + file.RecordEnds[1]) / 2;
        file.WriteUpTo(half);
        Assert.Equal(0, index.Refresh());
        Assert.Equal(1, index.Count);
        file.WriteRecords(2);
        Assert.Equal(1, index.Refresh());
        Assert.Equal(2, index.Count);
        Assert.Equal(file.RecordEnds[1], index.FileLength);
    }

    [Fact]
    public void A_record_longer_than_any_capture_allows_is_damage_not_a_wait()
    {
        var frames = GrowingCapture.FramesOf("udp-exchange.pcap");
        using var file = new GrowingCapture(frames);
        file.WriteRecords(1);
        // A record header claiming 16 MiB of data: hostile, never complete, must not be waited for forever.
        var bad = new byte[16];
        BitConverter.TryWriteBytes(bad.AsSpan(8), 16 << 20);
        File.AppendAllBytes(file.Path, bad);
        using var index = CaptureIndex.Follow(file.Path);
        Assert.Equal(1, index.Refresh());
        Assert.NotNull(index.Damage);
        Assert.Contains("larger than the maximum", index.Damage, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_a_pcap_is_damage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-ui-test-{Guid.NewGuid():N}.pcap");
        File.WriteAllBytes(path, new byte[64]);
        try
        {
            using var index = CaptureIndex.Follow(path);
            Assert.Equal(0, index.Refresh());
            Assert.Contains("not a pcap file", index.Damage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_list_follows_new_packets_until_the_user_moves_up_and_again_after_G()
    {
        var frames = GrowingCapture.FramesOf("tcp-handshake-ipv4.pcap");
        using var file = new GrowingCapture(frames);
        using var index = CaptureIndex.Follow(file.Path);
        var view = new CaptureView(new PacketSource(index, verifyChecksums: false), "rn-test-a") { Follow = true, PageSize = 4 };
        Assert.Equal(0, view.ShownCount);
        Assert.Equal(-1, view.SelectedFrame);

        file.WriteRecords(3);
        Assert.Equal(3, view.Refresh());
        Assert.Equal((3, 2), (view.ShownCount, view.SelectedFrame));
        file.WriteRecords(6);
        view.Refresh();
        Assert.Equal((6, 5, 2), (view.ShownCount, view.SelectedFrame, view.Top));

        view.Move(-1);
        Assert.False(view.Follow);
        file.WriteRecords(8);
        view.Refresh();
        Assert.Equal((8, 4), (view.ShownCount, view.SelectedFrame));

        view.Last();
        Assert.True(view.Follow);
        Assert.Equal(7, view.SelectedFrame);
        file.WriteRecords(10);
        view.Refresh();
        Assert.Equal((10, 9, 6), (view.ShownCount, view.SelectedFrame, view.Top));
    }

    [Fact]
    public void A_display_filter_applies_to_packets_that_arrive_after_it()
    {
        var frames = GrowingCapture.FramesOf("tcp-handshake-ipv4.pcap");
        using var file = new GrowingCapture(frames);
        using var index = CaptureIndex.Follow(file.Path);
        var view = new CaptureView(new PacketSource(index, verifyChecksums: false), "rn-test-a") { Follow = true };
        file.WriteRecords(3);
        view.Refresh();
        view.BeginFilter();
        view.EditFilter("tcp.srcport == 80");
        Assert.True(view.ApplyFilter());
        Assert.Equal([1], Enumerable.Range(0, view.ShownCount).Select(view.FrameAt).ToArray());
        file.WriteRecords(10);
        view.Refresh();
        // The same frames the filter picks from the whole file (CaptureViewTests): 2, 5, 6 and 9 in 1-based numbers.
        Assert.Equal([1, 4, 5, 8], Enumerable.Range(0, view.ShownCount).Select(view.FrameAt).ToArray());
        Assert.Equal(8, view.SelectedFrame);
        Assert.Equal(10, view.TotalCount);
    }

    [Fact]
    public void The_rate_is_packets_over_about_the_last_second()
    {
        var clock = new ManualClock();
        var live = new LiveStatus("rn-test-a", null, clock);
        live.Update(new LiveCounters(0, 0, 0, 0, true));
        Assert.Equal(0, live.PacketsPerSecond);
        clock.Advance(0.5);
        live.Update(new LiveCounters(100, 0, 0, 0, true));
        Assert.Equal(200, live.PacketsPerSecond, 6);
        clock.Advance(0.5);
        live.Update(new LiveCounters(300, 0, 0, 0, true));
        Assert.Equal(300, live.PacketsPerSecond, 6);
        // A second later at 50 a second: the window has moved past the first burst.
        for (int i = 1; i <= 10; i++)
        {
            clock.Advance(0.1);
            live.Update(new LiveCounters(300 + 5 * i, 1, 2, 3, true));
        }
        Assert.InRange(live.PacketsPerSecond, 49.9, 50.1);
        live.Update(new LiveCounters(350, 1, 2, 0, false));
        Assert.Equal(0, live.PacketsPerSecond);
        Assert.Equal(new LiveCounters(350, 1, 2, 0, false), live.Counters);
    }
}
