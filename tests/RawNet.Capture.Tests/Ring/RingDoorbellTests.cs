using System.Diagnostics;
using RawNet.Capture.Ring;
using RawNet.Capture.Sessions;
using RawNet.Protocols;

namespace RawNet.Capture.Tests.Ring;

/// <summary>A reader that caught up sleeps until the producer publishes, and no publish is slept through.</summary>
public sealed class RingDoorbellTests
{
    // Far longer than any test may take: a reader that returns before it was woken by a publish, not by its timeout.
    private static readonly TimeSpan Forever = TimeSpan.FromSeconds(60);

    private static readonly FrameMetadata Meta = new(1, 4, 4, LinkType.Ethernet);

    private static Thread Started(Action body)
    {
        var thread = new Thread(() => body()) { IsBackground = true };
        thread.Start();
        return thread;
    }

    private static int Count(RingBatch batch)
    {
        int records = 0;
        foreach (var _ in batch)
            records++;
        return records;
    }

    [Fact]
    public void A_caught_up_reader_sleeps_through_its_timeout_when_nothing_is_published()
    {
        var ring = new PacketRing(1024, RingPolicy.Lossy);
        var consumer = ring.AddConsumer("writer");
        var clock = Stopwatch.StartNew();

        consumer.WaitForRecords(TimeSpan.FromMilliseconds(300));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"woke after {clock.Elapsed.TotalMilliseconds} ms with nothing published");
        Assert.False(consumer.TryReadBatch(out _));
    }

    [Fact]
    public void A_publish_wakes_a_sleeping_reader_at_once()
    {
        var ring = new PacketRing(1024, RingPolicy.Lossy);
        var consumer = ring.AddConsumer("writer");
        var woke = Started(() => consumer.WaitForRecords(Forever));
        Thread.Sleep(200); // long enough for the reader to be asleep

        Assert.True(ring.TryWrite(Meta, [1, 2, 3, 4]));

        Assert.True(woke.Join(TimeSpan.FromSeconds(10)), "the publish did not wake the reader");
        Assert.True(consumer.TryReadBatch(out var batch));
        Assert.Equal(1, Count(batch));
    }

    [Fact]
    public void Completing_the_ring_wakes_a_sleeping_reader()
    {
        var ring = new PacketRing(1024, RingPolicy.Lossy);
        var consumer = ring.AddConsumer("writer");
        var woke = Started(() => consumer.WaitForRecords(Forever));
        Thread.Sleep(200);

        ring.Complete();

        Assert.True(woke.Join(TimeSpan.FromSeconds(10)), "completing did not wake the reader");
        Assert.True(consumer.IsCompleted);
    }

    /// <summary>
    /// Ping-pong: the reader goes to sleep after every record and the producer publishes the next one right after
    /// seeing the last one read, so each publish races the reader's way to sleep. A lost wake-up would leave the reader
    /// asleep for a minute; all of them together must take seconds.
    /// </summary>
    [Fact]
    public void No_publish_is_slept_through_when_publishing_races_the_reader_going_to_sleep()
    {
        const int Records = 3_000;
        var ring = new PacketRing(1 << 16, RingPolicy.Lossless);
        var consumer = ring.AddConsumer("writer");
        long read = 0;
        var reader = Started(() =>
        {
            while (!consumer.IsCompleted)
            {
                if (consumer.TryReadBatch(out var batch))
                {
                    Volatile.Write(ref read, read + Count(batch));
                    batch.Release();
                }
                else
                {
                    consumer.WaitForRecords(Forever);
                }
            }
        });
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Records; i++)
        {
            ring.Write(Meta, [1, 2, 3, 4], TestContext.Current.CancellationToken);
            // Wait until it was read (spinning, then yielding to the reader on a busy machine), so the next publish
            // comes just as the reader heads back to sleep.
            var spin = new SpinWait();
            while (Volatile.Read(ref read) <= i && clock.Elapsed < TimeSpan.FromSeconds(50))
                spin.SpinOnce();
        }
        ring.Complete();

        Assert.True(reader.Join(TimeSpan.FromSeconds(50)), $"the reader slept through a publish ({Volatile.Read(ref read)} of {Records} read)");
        Assert.Equal(Records, Volatile.Read(ref read));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(50), $"{clock.Elapsed} for {Records} wake-ups: some publish was slept through");
    }

    [Fact]
    public void A_merge_of_rings_sharing_a_doorbell_sleeps_until_any_of_them_publishes()
    {
        var doorbell = new RingDoorbell();
        var first = new PacketRing(1024, RingPolicy.Lossy, doorbell);
        var second = new PacketRing(1024, RingPolicy.Lossy, doorbell);
        var merge = new TimestampMerge([first.AddConsumer("a"), second.AddConsumer("b")], TimeSpan.Zero);
        var woke = Started(() => merge.WaitForRecords(Forever));
        Thread.Sleep(200);
        Assert.True(woke.IsAlive, "the merge did not sleep");

        Assert.True(second.TryWrite(Meta, [1, 2, 3, 4]));

        Assert.True(woke.Join(TimeSpan.FromSeconds(10)), "a publish on the second ring did not wake the merge");
    }
}
