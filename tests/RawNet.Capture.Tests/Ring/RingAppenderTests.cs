using RawNet.Capture.Ring;
using RawNet.Protocols;

namespace RawNet.Capture.Tests.Ring;

public sealed class RingAppenderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Appended_records_stay_invisible_and_uncounted_until_published()
    {
        var ring = new PacketRing(1024, RingPolicy.Lossy);
        var consumer = ring.AddConsumer("c");
        var appender = ring.BeginAppend();
        for (long i = 0; i < 3; i++)
            Assert.True(appender.TryAppend(RingPattern.Metadata(i, RingPattern.Length(i)), Pattern(i)));
        Assert.Equal(0, ring.WrittenRecords);
        Assert.Equal(0, ring.PublishedPosition);
        Assert.False(consumer.TryReadBatch(out _));

        appender.Publish();
        Assert.Equal(3, ring.WrittenRecords);
        long next = 0;
        Assert.True(consumer.TryReadBatch(out var batch));
        foreach (var record in batch)
            Assert.Null(RingPattern.Check(next++, record));
        Assert.Equal(3, next);
    }

    [Fact]
    public void Random_lengths_over_many_laps_read_back_exactly()
    {
        var ring = new PacketRing(4096, RingPolicy.Lossless);
        var consumer = ring.AddConsumer("c");
        var random = new Random(77);
        var appender = ring.BeginAppend();
        long written = 0, read = 0;
        while (read < 200_000)
        {
            // Append a block, publish, then read part of what is there, so the walk crosses lap ends at every offset.
            for (int n = random.Next(1, 40); n > 0; n--, written++)
            {
                if (!appender.TryAppend(RingPattern.Metadata(written, RingPattern.Length(written)), Pattern(written)))
                    break;
            }
            appender.Publish();
            if (consumer.TryReadBatch(out var batch))
            {
                int take = random.Next(1, 60);
                foreach (var record in batch)
                {
                    Assert.Null(RingPattern.Check(read++, record));
                    if (--take == 0)
                        break;
                }
                batch.Release();
            }
        }
        Assert.Equal(written, ring.WrittenRecords);
        Assert.Equal(0, ring.DroppedRecords); // a lossless TryAppend that finds no room is not a drop
        Assert.True(ring.PublishedPosition > 500L * ring.Capacity);
    }

    [Fact]
    public void Full_lossy_ring_drops_and_counts_what_the_appender_could_not_place()
    {
        var ring = new PacketRing(1024, RingPolicy.Lossy);
        var consumer = ring.AddConsumer("stalled");
        var appender = ring.BeginAppend();
        int sent = 0, accepted = 0;
        for (; sent < 100; sent++)
        {
            if (appender.TryAppend(RingPattern.Metadata(sent, 16), new byte[16]))
                accepted++;
        }
        appender.Publish();
        Assert.Equal(1024 / 40, accepted); // 40-byte records; the rest of the lap is too short for one more
        Assert.Equal(sent - accepted, ring.DroppedRecords);
        Assert.Equal(accepted, ring.WrittenRecords);

        long received = 0;
        while (consumer.TryRead(out var record))
            Assert.Equal(received++, record.TimestampNanoseconds);
        Assert.Equal(accepted, received);
    }

    [Fact]
    public void Lossless_append_waits_for_the_consumer_and_publishes_what_it_holds_first()
    {
        const long Sent = 50_000;
        var ring = new PacketRing(2048, RingPolicy.Lossless);
        var consumer = ring.AddConsumer("reader");
        string? failure = null;
        long received = 0;
        var reader = new Thread(() =>
        {
            while (consumer.WaitForData(Token))
            {
                while (consumer.TryRead(out var record))
                {
                    failure ??= RingPattern.Check(received, record);
                    received++;
                }
            }
        });
        reader.Start();

        // Publishing only every 1000 records: without the wait publishing first, a full ring would deadlock.
        var appender = ring.BeginAppend();
        for (long sequence = 0; sequence < Sent; sequence++)
        {
            appender.Append(RingPattern.Metadata(sequence, RingPattern.Length(sequence)), Pattern(sequence), Token);
            if (sequence % 1000 == 999)
                appender.Publish();
        }
        appender.Publish();
        ring.Complete();
        Assert.True(reader.Join(TimeSpan.FromMinutes(1)));
        Assert.Null(failure);
        Assert.Equal(Sent, received);
        Assert.Equal(Sent, ring.WrittenRecords);
    }

    [Fact]
    public void Waiting_append_on_a_lossy_ring_and_oversized_records_are_misuse()
    {
        var ring = new PacketRing(256, RingPolicy.Lossy);
        ring.AddConsumer("c");
        Assert.Throws<InvalidOperationException>(() =>
        {
            var appender = ring.BeginAppend();
            while (appender.TryAppend(new FrameMetadata(0, 0, 0, LinkType.Ethernet), [])) { }
            appender.Append(new FrameMetadata(0, 0, 0, LinkType.Ethernet), [], Token);
        });
        Assert.Throws<ArgumentException>(() =>
        {
            var appender = ring.BeginAppend();
            appender.TryAppend(new FrameMetadata(0, 0, 0, LinkType.Ethernet), new byte[ring.MaxRecordDataLength + 1]);
        });
    }

    [Fact]
    public void Writing_through_the_ring_while_an_appender_holds_records_is_caught()
    {
        var ring = new PacketRing(1024, RingPolicy.Lossy);
        var consumer = ring.AddConsumer("c");
        Assert.Throws<InvalidOperationException>(() =>
        {
            var appender = ring.BeginAppend();
            appender.TryAppend(new FrameMetadata(1, 0, 0, LinkType.Ethernet), []);
            ring.TryWrite(new FrameMetadata(2, 0, 0, LinkType.Ethernet), []);
            appender.Publish();
        });
        // Only the ring's own record was published; the appender's was never made visible.
        Assert.True(consumer.TryRead(out var record));
        Assert.Equal(2, record.TimestampNanoseconds);
        Assert.False(consumer.TryRead(out _));

        ring.Complete();
        Assert.Throws<InvalidOperationException>(() => ring.BeginAppend());
    }

    private static byte[] Pattern(long sequence)
    {
        var data = new byte[RingPattern.Length(sequence)];
        RingPattern.Fill(sequence, data);
        return data;
    }
}
