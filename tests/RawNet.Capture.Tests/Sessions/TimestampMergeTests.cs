using RawNet.Capture.Ring;
using RawNet.Capture.Sessions;
using RawNet.Protocols;

namespace RawNet.Capture.Tests.Sessions;

/// <summary>The merge of a fanout group's rings: timestamp order, what it holds back and for how long, late frames, the count.</summary>
public sealed class TimestampMergeTests
{
    private static long Now => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    private static (PacketRing[] Rings, TimestampMerge Merge) Rings(int count, TimeSpan window, long limit = 0, Action? limitReached = null)
    {
        var rings = Enumerable.Range(0, count).Select(_ => new PacketRing(1 << 16, RingPolicy.Lossy)).ToArray();
        var consumers = rings.Select((ring, i) => ring.AddConsumer("merge " + i)).ToList();
        return (rings, new TimestampMerge(consumers, window, limit, limitReached));
    }

    /// <summary>Writes a record stamped <paramref name="time"/> whose one data byte is <paramref name="tag"/>.</summary>
    private static void Write(PacketRing ring, long time, byte tag) =>
        Assert.True(ring.TryWrite(new FrameMetadata(time, 1, 1, LinkType.Ethernet), [tag]));

    /// <summary>Everything the merge hands out now: (time, tag) per record, and the number of batches.</summary>
    private static (List<(long Time, byte Tag)> Records, int Batches) Drain(TimestampMerge merge)
    {
        var records = new List<(long, byte)>();
        int batches = 0;
        while (merge.TryReadBatch(out var batch))
        {
            batches++;
            foreach (var record in batch)
                records.Add((record.TimestampNanoseconds, record.Data[0]));
            batch.Release();
        }
        return (records, batches);
    }

    [Fact]
    public void Records_of_finished_rings_come_out_in_timestamp_order_one_run_per_batch()
    {
        var (rings, merge) = Rings(3, TimeSpan.FromSeconds(10));
        // Ring 0: 10..14, ring 1: 20..22, ring 2: 15, 30, 31; the same time on two rings: ring order.
        foreach (var t in new long[] { 10, 11, 12, 13, 14, 30 })
            Write(rings[0], t, 0);
        foreach (var t in new long[] { 20, 21, 22 })
            Write(rings[1], t, 1);
        foreach (var t in new long[] { 15, 30, 31 })
            Write(rings[2], t, 2);
        foreach (var ring in rings)
            ring.Complete();

        var (records, batches) = Drain(merge);

        Assert.Equal([(10, 0), (11, 0), (12, 0), (13, 0), (14, 0), (15, 2), (20, 1), (21, 1), (22, 1), (30, 0), (30, 2), (31, 2)], records);
        Assert.Equal(5, batches);
        Assert.True(merge.IsCompleted);
        Assert.Equal(0, merge.LateRecords);
        Assert.Equal(12, merge.HandedOut);
    }

    [Fact]
    public void While_a_ring_is_quiet_a_frame_waits_for_the_window_and_no_longer()
    {
        var window = TimeSpan.FromMilliseconds(200);
        var (rings, merge) = Rings(2, window);
        long now = Now;
        // Older than the window: no quiet socket can still bring anything before it.
        Write(rings[0], now - 1_000_000_000, 1);
        // Fresh: held while ring 1 might still deliver something older.
        Write(rings[0], now, 2);

        Assert.Equal([(now - 1_000_000_000, (byte)1)], Drain(merge).Records);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var held = new List<(long, byte)>();
        while (held.Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            held.AddRange(Drain(merge).Records);
            Thread.Sleep(5);
        }
        // Counted from the frame's own timestamp (the wall clock the kernel stamps with).
        var waited = TimeSpan.FromTicks((Now - now) / 100);
        Assert.Equal([(now, (byte)2)], held);
        Assert.InRange(waited, window, TimeSpan.FromSeconds(2));
        Assert.False(merge.IsCompleted);
    }

    [Fact]
    public void A_frame_that_arrives_after_a_newer_one_left_is_handed_out_and_counted_never_dropped()
    {
        var (rings, merge) = Rings(2, TimeSpan.Zero);
        long now = Now;
        Write(rings[0], now - 3000, 1);
        Write(rings[0], now - 1000, 2);
        Assert.Equal([(now - 3000, (byte)1), (now - 1000, (byte)2)], Drain(merge).Records);

        // Ring 1's frame comes in later than the window allowed: older than one already handed out.
        Write(rings[1], now - 2000, 3);
        Write(rings[1], now - 500, 4);
        rings[0].Complete();
        rings[1].Complete();

        Assert.Equal([(now - 2000, (byte)3), (now - 500, (byte)4)], Drain(merge).Records);
        Assert.Equal(1, merge.LateRecords);
        Assert.Equal(4, merge.HandedOut);
        Assert.True(merge.IsCompleted);
    }

    [Fact]
    public void The_count_stops_the_merge_at_the_first_frames_in_timestamp_order()
    {
        int reached = 0;
        var (rings, merge) = Rings(2, TimeSpan.FromSeconds(10), limit: 3, limitReached: () => reached++);
        foreach (var t in new long[] { 1, 4, 5 })
            Write(rings[0], t, 0);
        foreach (var t in new long[] { 2, 3, 6 })
            Write(rings[1], t, 1);

        Assert.Equal([(1, (byte)0), (2, (byte)1), (3, (byte)1)], Drain(merge).Records);
        Assert.Equal(1, reached);
        Assert.True(merge.IsCompleted);
        Assert.False(merge.TryReadBatch(out _));
    }
}
