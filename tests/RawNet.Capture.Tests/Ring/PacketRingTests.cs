using RawNet.Capture.Ring;
using RawNet.Protocols;

namespace RawNet.Capture.Tests.Ring;

public sealed class PacketRingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static FrameMetadata Meta(long timestamp, int length = 0) => new(timestamp, length, length, LinkType.Ethernet);

    private static byte[] Bytes(int length, byte seed)
    {
        var data = new byte[length];
        for (int i = 0; i < length; i++)
            data[i] = (byte)(seed + i);
        return data;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(127)]
    [InlineData(1000)]
    [InlineData(-256)]
    public void Capacity_must_be_a_power_of_two_of_at_least_128(int capacity) =>
        Assert.Throws<ArgumentException>(() => new PacketRing(capacity, RingPolicy.Lossy));

    [Fact]
    public void Record_round_trips_metadata_and_bytes()
    {
        var ring = new PacketRing(1024, RingPolicy.Lossy);
        var consumer = ring.AddConsumer("decoder");
        var metadata = new FrameMetadata(1_700_000_000_123_456_789, 999, 1514, LinkType.LinuxSll2, 7, PacketDirection.Outbound);

        Assert.True(ring.TryWrite(metadata, Bytes(13, 0x40)));

        Assert.True(consumer.TryRead(out var record));
        Assert.Equal(metadata with { CapturedLength = 13 }, record.Metadata);
        Assert.Equal(Bytes(13, 0x40), record.Data.ToArray());
        Assert.Equal(0, record.Position);
        Assert.False(consumer.TryRead(out _));
        Assert.Equal(1, ring.WrittenRecords);
        Assert.Equal(1, consumer.ReadRecords);
    }

    [Fact]
    public void Zero_length_records_take_a_header_each_and_wrap_through_an_8_byte_tail()
    {
        // 128-byte ring, 24-byte records: five fit, then 8 bytes are left for the wrap marker.
        var ring = new PacketRing(128, RingPolicy.Lossless);
        var consumer = ring.AddConsumer("c");
        var positions = new List<long>();
        for (long i = 0; i < 20; i++)
        {
            Assert.True(ring.TryWrite(Meta(i), []));
            Assert.True(consumer.TryRead(out var record));
            Assert.Equal(i, record.TimestampNanoseconds);
            Assert.Equal(0, record.Data.Length);
            positions.Add(record.Position);
        }
        Assert.Equal([0, 24, 48, 72, 96, 128, 152], positions.Take(7));
    }

    [Fact]
    public void Record_that_fits_exactly_before_the_end_does_not_wrap()
    {
        var ring = new PacketRing(256, RingPolicy.Lossy);
        var consumer = ring.AddConsumer("c");
        for (long i = 0; i < 4; i++)
            Assert.True(ring.TryWrite(Meta(i), Bytes(40, (byte)i))); // 64-byte records fill 256 exactly
        Assert.False(ring.TryWrite(Meta(4), Bytes(40, 4)));
        Assert.Equal(1, ring.DroppedRecords);

        Assert.True(consumer.TryRead(out _));
        Assert.True(consumer.TryRead(out _)); // releases record 0
        Assert.True(ring.TryWrite(Meta(5), Bytes(40, 5)));
        Assert.Equal(256 + 64, ring.PublishedPosition);

        Assert.True(consumer.TryRead(out var r2));
        Assert.Equal(128, r2.Position);
        Assert.True(consumer.TryRead(out var r3));
        Assert.Equal(192, r3.Position);
        Assert.True(consumer.TryRead(out var r5));
        Assert.Equal(256, r5.Position);
        Assert.Equal(5, r5.TimestampNanoseconds);
        Assert.Equal(Bytes(40, 5), r5.Data.ToArray());
    }

    [Fact]
    public void Record_that_does_not_fit_before_the_end_starts_the_next_lap()
    {
        var ring = new PacketRing(256, RingPolicy.Lossy);
        var consumer = ring.AddConsumer("c");
        Assert.True(ring.TryWrite(Meta(0), Bytes(72, 0))); // 96 bytes at 0
        Assert.True(ring.TryWrite(Meta(1), Bytes(72, 1))); // 96 bytes at 96

        // 64 bytes are left at the end; record 2 needs 96 there plus 96 at the start: the consumer holds 0.
        Assert.False(ring.TryWrite(Meta(2), Bytes(72, 2)));
        Assert.Equal(1, ring.DroppedRecords);

        Assert.True(consumer.TryRead(out _));
        Assert.True(consumer.TryRead(out var held)); // releases record 0, holds record 1
        Assert.True(ring.TryWrite(Meta(3), Bytes(72, 3)));
        Assert.Equal(Bytes(72, 1), held.Data.ToArray()); // the wrapped record did not overwrite a held one

        Assert.True(consumer.TryRead(out var wrapped));
        Assert.Equal(256, wrapped.Position);
        Assert.Equal(3, wrapped.TimestampNanoseconds);
        Assert.Equal(Bytes(72, 3), wrapped.Data.ToArray());
        Assert.False(consumer.TryRead(out _));
        Assert.Equal(0, ring.FillBytes);
    }

    [Fact]
    public void Largest_record_is_half_the_ring_and_wraps_with_padding()
    {
        var ring = new PacketRing(256, RingPolicy.Lossless);
        var consumer = ring.AddConsumer("c");
        Assert.Equal(128 - PacketRing.RecordHeaderLength, ring.MaxRecordDataLength);

        Assert.True(ring.TryWrite(Meta(0), Bytes(8, 0))); // shifts later records off the lap boundary
        Assert.True(consumer.TryRead(out _));
        for (long i = 1; i <= 10; i++)
        {
            Assert.True(ring.TryWrite(Meta(i), Bytes(ring.MaxRecordDataLength, (byte)i)));
            Assert.True(consumer.TryRead(out var record));
            Assert.Equal(i, record.TimestampNanoseconds);
            Assert.Equal(Bytes(ring.MaxRecordDataLength, (byte)i), record.Data.ToArray());
            consumer.Release(); // a half-ring record plus wrap padding fits only in an empty ring
        }
    }

    [Fact]
    public void Record_larger_than_half_the_ring_is_misuse()
    {
        var ring = new PacketRing(256, RingPolicy.Lossy);
        ring.AddConsumer("c");
        var tooLong = new byte[ring.MaxRecordDataLength + 1];
        Assert.Throws<ArgumentException>(() => ring.TryWrite(Meta(0), tooLong));
        var lossless = new PacketRing(256, RingPolicy.Lossless);
        Assert.Throws<ArgumentException>(() => lossless.Write(Meta(0), tooLong, Token));
        Assert.Equal(0, ring.DroppedRecords);
        Assert.Equal(0, ring.PublishedPosition);
    }

    [Fact]
    public void Random_lengths_over_many_laps_read_back_exactly()
    {
        var ring = new PacketRing(512, RingPolicy.Lossless);
        var consumer = ring.AddConsumer("c");
        var random = new Random(1234);
        long written = 0, read = 0;
        while (read < 100_000)
        {
            // Write a few, then read a few, so the consumer trails by a varying distance.
            for (int n = random.Next(4); n >= 0 && RingPattern.TryWrite(ring, written); n--)
                written++;
            for (int n = random.Next(4); n >= 0 && consumer.TryRead(out var record); n--)
                Assert.Null(RingPattern.Check(read++, record));
        }
        Assert.Equal(written, ring.WrittenRecords);
        Assert.True(ring.PublishedPosition > 100 * ring.Capacity);
    }

    [Fact]
    public void Batch_hands_out_everything_published_and_releases_once()
    {
        var ring = new PacketRing(1024, RingPolicy.Lossy);
        var consumer = ring.AddConsumer("c");
        for (long i = 0; i < 10; i++)
            Assert.True(RingPattern.TryWrite(ring, i));

        Assert.True(consumer.TryReadBatch(out var batch));
        long expected = 0;
        foreach (var record in batch)
        {
            Assert.Null(RingPattern.Check(expected++, record));
            Assert.Equal(0, consumer.Position); // nothing released until the batch is
        }
        Assert.Equal(10, expected);
        batch.Release();
        Assert.Equal(ring.PublishedPosition, consumer.Position);
        Assert.Equal(0, ring.FillBytes);
        Assert.False(consumer.TryReadBatch(out _));
    }

    [Fact]
    public void Leaving_a_batch_early_keeps_the_rest_for_the_next_read()
    {
        var ring = new PacketRing(1024, RingPolicy.Lossy);
        var consumer = ring.AddConsumer("c");
        for (long i = 0; i < 6; i++)
            Assert.True(RingPattern.TryWrite(ring, i));

        long next = 0;
        Assert.True(consumer.TryReadBatch(out var batch));
        foreach (var record in batch)
        {
            Assert.Null(RingPattern.Check(next++, record));
            if (next == 2)
                break;
        }
        batch.Release();
        Assert.True(consumer.TryRead(out var third));
        Assert.Null(RingPattern.Check(next++, third));
        Assert.True(consumer.TryReadBatch(out batch));
        foreach (var record in batch)
            Assert.Null(RingPattern.Check(next++, record));
        Assert.Equal(6, next);
        Assert.Equal(6, consumer.ReadRecords);
    }

    [Fact]
    public void Appended_records_stay_invisible_until_published()
    {
        var ring = new PacketRing(1024, RingPolicy.Lossy);
        var consumer = ring.AddConsumer("c");
        for (long i = 0; i < 3; i++)
            Assert.True(ring.TryAppend(Meta(i, 5), Bytes(5, (byte)i)));
        Assert.Equal(3, ring.WrittenRecords);
        Assert.Equal(0, ring.PublishedPosition);
        Assert.False(consumer.TryReadBatch(out _));

        ring.Publish();
        long expected = 0;
        Assert.True(consumer.TryReadBatch(out var batch));
        foreach (var record in batch)
            Assert.Equal(Bytes(5, (byte)expected++), record.Data.ToArray());
        Assert.Equal(3, expected);

        Assert.True(ring.TryAppend(Meta(3), []));
        ring.Complete(); // publishes what was appended
        Assert.True(consumer.TryRead(out var last));
        Assert.Equal(3, last.TimestampNanoseconds);
        Assert.True(consumer.IsCompleted);
    }

    [Fact]
    public void Full_ring_publishes_appended_records_so_consumers_can_free_space()
    {
        var ring = new PacketRing(256, RingPolicy.Lossless);
        var consumer = ring.AddConsumer("c");
        int appended = 0;
        while (ring.TryAppend(Meta(appended), Bytes(8, 0)))
            appended++;
        Assert.Equal(8, appended);
        Assert.Equal(256, ring.PublishedPosition); // a lossless Append waiting here would otherwise deadlock
        Assert.True(consumer.TryRead(out _));
        Assert.True(consumer.TryRead(out _));
        ring.Append(Meta(8), Bytes(8, 0), Token);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(100)]
    [InlineData(200)]
    public void Payload_of_every_small_length_is_copied_exactly_into_an_arena_of_garbage(int length)
    {
        var ring = new PacketRing(1024, RingPolicy.Lossy);
        var consumer = ring.AddConsumer("c");
        // Two records of the largest size fill the arena with a pattern (an unwritten byte shows up as a wrong one);
        // once read, the next lap writes over them.
        for (var i = 0; i < 2; i++)
        {
            Assert.True(ring.TryWrite(Meta(0), Bytes(ring.MaxRecordDataLength, 0xA5)));
            Assert.True(consumer.TryRead(out _));
        }
        consumer.Release();
        Assert.True(ring.TryWrite(Meta(0), Bytes(length, 0x10)));
        long end = ring.PublishedPosition;
        var appender = ring.BeginAppend(); // the appender's copy: the same bytes right after it
        Assert.True(appender.TryAppend(Meta(1), Bytes(length, 0x20)));
        appender.Publish();

        Assert.True(consumer.TryRead(out var record));
        Assert.Equal(Bytes(length, 0x10), record.Data.ToArray());
        Assert.True(consumer.TryRead(out var second));
        Assert.Equal(end, second.Position); // the first copy wrote nothing past its padded record
        Assert.Equal(Bytes(length, 0x20), second.Data.ToArray());
        Assert.Equal(1, second.TimestampNanoseconds);
    }

    [Fact]
    public void Batch_walks_across_the_lap_end_with_and_without_a_wrap_marker()
    {
        // 256-byte ring: seven 32-byte records end exactly at the lap end (no marker), then records of 56 bytes
        // leave 24 bytes before the next lap's end, which become a wrap marker.
        var ring = new PacketRing(256, RingPolicy.Lossless);
        var consumer = ring.AddConsumer("c");
        var expected = new List<(long Position, long Sequence)>();
        long sequence = 0;
        void Write(int length, int count)
        {
            for (int i = 0; i < count; i++, sequence++)
            {
                ring.Write(Meta(sequence, length), Bytes(length, (byte)sequence), Token);
            }
        }

        Write(8, 7);
        Assert.True(consumer.TryReadBatch(out var first));
        foreach (var record in first)
            expected.Add((record.Position, record.TimestampNanoseconds));
        first.Release();

        Write(8, 1);  // 224..256: fills the first lap exactly
        Write(32, 4); // 256..480, then the fifth does not fit in 480..512
        Assert.True(consumer.TryReadBatch(out var across));
        foreach (var record in across)
        {
            Assert.Equal(Bytes(record.CapturedLength, (byte)record.TimestampNanoseconds), record.Data.ToArray());
            expected.Add((record.Position, record.TimestampNanoseconds));
        }
        across.Release();
        Write(32, 1); // 512: after the wrap marker at 480
        Assert.True(consumer.TryReadBatch(out var wrapped));
        foreach (var record in wrapped)
            expected.Add((record.Position, record.TimestampNanoseconds));
        wrapped.Release();

        Assert.Equal(Enumerable.Range(0, 13).Select(i => (long)i), expected.Select(e => e.Sequence));
        Assert.Equal([0, 32, 64, 96, 128, 160, 192, 224, 256, 312, 368, 424, 512], expected.Select(e => e.Position));
        Assert.Equal(13, consumer.ReadRecords);
        Assert.Equal(ring.PublishedPosition, consumer.Position);
    }

    [Fact]
    public void Lossy_ring_refuses_to_block()
    {
        var ring = new PacketRing(256, RingPolicy.Lossy);
        Assert.Throws<InvalidOperationException>(() => ring.Write(Meta(0), [], Token));
    }

    [Fact]
    public void Lossless_try_write_on_a_full_ring_is_not_a_drop()
    {
        var ring = new PacketRing(128, RingPolicy.Lossless);
        ring.AddConsumer("c");
        while (ring.TryWrite(Meta(0), [])) { }
        Assert.False(ring.TryWrite(Meta(0), [1]));
        Assert.Equal(0, ring.DroppedRecords);
        Assert.Equal(5, ring.WrittenRecords);
    }

    [Fact]
    public void Consumers_must_be_added_before_the_first_record()
    {
        var ring = new PacketRing(256, RingPolicy.Lossy);
        ring.AddConsumer("first");
        Assert.True(ring.TryWrite(Meta(0), []));
        Assert.Throws<InvalidOperationException>(() => ring.AddConsumer("late"));
        Assert.Single(ring.Consumers);
    }

    [Fact]
    public void Without_consumers_the_producer_never_fills()
    {
        var ring = new PacketRing(128, RingPolicy.Lossy);
        for (int i = 0; i < 1000; i++)
            Assert.True(ring.TryWrite(Meta(i), Bytes(40, 0)));
        Assert.Equal(0, ring.DroppedRecords);
        Assert.Equal(0, ring.FillBytes);
    }

    [Fact]
    public void Every_consumer_sees_every_record_and_the_slowest_bounds_the_producer()
    {
        var ring = new PacketRing(256, RingPolicy.Lossy);
        var fast = ring.AddConsumer("ui");
        var slow = ring.AddConsumer("writer");
        long sent = 0;
        for (long i = 0; i < 50; i++)
        {
            if (ring.TryWrite(Meta(i), Bytes(8, (byte)i)))
                sent++;
            while (fast.TryRead(out _)) { }
        }
        fast.Release();
        Assert.Equal(sent, fast.ReadRecords);
        Assert.Equal(8, sent); // 8 records of 32 bytes fill 256; the slow consumer released none
        Assert.Equal(42, ring.DroppedRecords);
        Assert.Equal(256, ring.FillBytes);
        Assert.Equal(100.0, ring.FillPercent);
        Assert.Equal(0, fast.LagBytes);
        Assert.Equal(256, slow.LagBytes);

        long expected = 0;
        while (slow.TryRead(out var record))
            Assert.Equal(expected++, record.TimestampNanoseconds);
        Assert.Equal(8, expected);
        Assert.Equal(0, ring.FillBytes);
    }

    [Fact]
    public void Completion_is_reported_after_the_last_record_is_read()
    {
        var ring = new PacketRing(256, RingPolicy.Lossless);
        var consumer = ring.AddConsumer("c");
        ring.Write(Meta(0), Bytes(3, 0), Token);
        ring.Complete();
        Assert.True(ring.IsCompleted);
        Assert.Throws<InvalidOperationException>(() => ring.TryWrite(Meta(1), []));
        Assert.Throws<InvalidOperationException>(() => ring.Write(Meta(1), [], Token));

        Assert.False(consumer.IsCompleted);
        Assert.True(consumer.WaitForData(Token));
        Assert.True(consumer.TryRead(out _));
        Assert.True(consumer.IsCompleted);
        Assert.False(consumer.WaitForData(Token));
        Assert.False(consumer.TryRead(out _));
    }
}
