using System.Diagnostics;
using System.Reflection;
using RawNet.Capture.Ring;
using RawNet.Protocols;

namespace RawNet.Capture.Tests.Ring;

public sealed class RingConcurrencyTests(ITestOutputHelper output)
{
    /// <summary>
    /// Records the stress test writes when the ring is JIT-optimized (Release): about 6 s on two cores, each of 3
    /// consumers checking every record's order (200 M, 20 s, until CI's time needed the cores for the oracles;
    /// RAWNET_RING_STRESS_RECORDS asks for more).
    /// </summary>
    private const long OptimizedStressRecords = 60_000_000;

    /// <summary>
    /// Records it writes in a Debug build, where the unoptimized JIT makes each record about 3.5x dearer
    /// (200 M took 95 s there); 3 consumers still check 300 M records. RAWNET_RING_STRESS_RECORDS overrides both.
    /// </summary>
    private const long DebugStressRecords = 100_000_000;

    private static readonly TimeSpan ThreadTimeout = TimeSpan.FromMinutes(5);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The ways a consumer can read; the stress test runs one of each at once.</summary>
    /// <remarks>
    /// Batches are capped: a consumer that takes a whole 16 MB ring as one batch holds all of it until it
    /// releases, and on two cores the producer and the other consumers then sit idle.
    /// </remarks>
    private enum ReadStyle { OneAtATime, Batched, ShortBatches }

    [Fact]
    public void Stress_one_producer_three_consumers_see_every_record_in_order()
    {
        long records = StressRecordCount();
        var ring = new PacketRing(16 << 20, RingPolicy.Lossless);
        var styles = new[] { ReadStyle.OneAtATime, ReadStyle.Batched, ReadStyle.ShortBatches };
        var readers = styles.Select(style => new Reader(ring.AddConsumer(style.ToString()), style)).ToArray();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        foreach (var reader in readers)
            reader.Start();

        var producer = new Thread(() => Produce(ring, records)) { Name = "ring producer" };
        producer.Start();
        Assert.True(producer.Join(ThreadTimeout), "producer did not finish");
        foreach (var reader in readers)
            reader.Join();
        stopwatch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        foreach (var reader in readers)
        {
            Assert.Null(reader.Failure);
            Assert.Equal(records, reader.Received);
            Assert.Equal(records, reader.Consumer.ReadRecords);
        }
        Assert.Equal(records, ring.WrittenRecords);
        Assert.Equal(0, ring.DroppedRecords);
        output.WriteLine($"{records:N0} records to 3 consumers in {stopwatch.Elapsed.TotalSeconds:F1} s " +
            $"({records / stopwatch.Elapsed.TotalSeconds / 1e6:F1} M records/s written, {ring.PublishedPosition / (double)ring.Capacity:F0} laps, {cpu.TotalSeconds:F1} s CPU)");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Lossy_ring_with_a_stalled_consumer_accounts_for_every_record(bool throughAppender)
    {
        const int Sent = 400_000;
        var ring = new PacketRing(64 << 10, RingPolicy.Lossy);
        var stalledConsumer = ring.AddConsumer("stalled");
        var steadyConsumer = ring.AddConsumer("steady");
        using var stall = new ManualResetEventSlim(false);
        var stalled = new Collector(stalledConsumer, Sent, stall);
        var steady = new Collector(steadyConsumer, Sent, stall: null);
        stalled.Start();
        steady.Start();

        var accepted = new List<long>(Sent);
        Span<byte> data = stackalloc byte[RingPattern.MaxLength];
        var appender = ring.BeginAppend();
        for (long sequence = 0; sequence < Sent; sequence++)
        {
            bool written;
            if (throughAppender)
            {
                int length = RingPattern.Length(sequence);
                RingPattern.Fill(sequence, data[..length]);
                written = appender.TryAppend(RingPattern.Metadata(sequence, length), data[..length]);
                if ((sequence & 31) == 31)
                    appender.Publish();
            }
            else
            {
                written = RingPattern.TryWrite(ring, sequence);
            }
            if (written)
                accepted.Add(sequence);
            if (sequence == Sent / 2)
                stall.Set(); // the second half is written while the stalled consumer drains
        }
        if (throughAppender)
            appender.Publish();
        ring.Complete();
        stalled.Join();
        steady.Join();

        Assert.Null(stalled.Failure);
        Assert.Null(steady.Failure);
        Assert.True(ring.DroppedRecords > 0, "the stall should have filled the ring");
        Assert.Equal(Sent, stalled.Sequences.Count + ring.DroppedRecords);
        Assert.Equal(Sent, accepted.Count + ring.DroppedRecords);
        Assert.Equal(accepted, stalled.Sequences); // exactly the accepted records, in order
        Assert.Equal(accepted, steady.Sequences); // the slowest consumer bounded everyone
        output.WriteLine($"sent {Sent:N0}, received {stalled.Sequences.Count:N0}, dropped {ring.DroppedRecords:N0}");
    }

    [Fact]
    public void Lossless_producer_blocks_while_full_and_loses_nothing()
    {
        const int Sent = 20_000;
        var ring = new PacketRing(4096, RingPolicy.Lossless);
        var consumer = ring.AddConsumer("writer");
        Exception? producerFailure = null;
        var producer = new Thread(() =>
        {
            try
            {
                Span<byte> data = stackalloc byte[RingPattern.MaxLength];
                for (long sequence = 0; sequence < Sent; sequence++)
                {
                    int length = RingPattern.Length(sequence);
                    RingPattern.Fill(sequence, data[..length]);
                    ring.Write(RingPattern.Metadata(sequence, length), data[..length], Token);
                }
                ring.Complete();
            }
            catch (Exception e)
            {
                producerFailure = e;
            }
        });
        producer.Start();

        // With nobody reading, the producer fills the ring and then waits.
        long written = WaitUntilStable(() => ring.WrittenRecords);
        Assert.True(producer.IsAlive);
        Assert.InRange(written, 1, Sent - 1);
        Assert.True(ring.FillBytes > ring.Capacity - 2 * PacketRing.RecordHeaderLength - 2 * RingPattern.MaxLength);

        long received = 0;
        while (consumer.WaitForData(Token))
            while (consumer.TryRead(out var record))
                Assert.Null(RingPattern.Check(received++, record));
        Assert.True(producer.Join(ThreadTimeout));
        Assert.Null(producerFailure);
        Assert.Equal(Sent, received);
        Assert.Equal(0, ring.DroppedRecords);
    }

    [Fact]
    public void Lossless_write_and_append_stop_waiting_when_cancelled()
    {
        var ring = new PacketRing(256, RingPolicy.Lossless);
        var consumer = ring.AddConsumer("stuck");
        while (ring.TryWrite(new FrameMetadata(0, 0, 0, LinkType.Ethernet), new byte[40])) { }
        long published = ring.PublishedPosition;

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        // The clock starts before the cancellation is set: the other way round, a pre-emption between the two under
        // CI's load once read 36 ms for a 50 ms wait.
        var stopwatch = Stopwatch.StartNew();
        cancel.CancelAfter(TimeSpan.FromMilliseconds(50));
        Assert.ThrowsAny<OperationCanceledException>(() => ring.Write(new FrameMetadata(1, 0, 0, LinkType.Ethernet), new byte[40], cancel.Token));
        Assert.InRange(stopwatch.ElapsedMilliseconds, 40, 5000);
        Assert.ThrowsAny<OperationCanceledException>(() => ring.BeginAppend().Append(new FrameMetadata(1, 0, 0, LinkType.Ethernet), new byte[40], cancel.Token));
        Assert.Equal(published, ring.PublishedPosition); // nothing half-written became visible

        Assert.True(consumer.TryRead(out _));
        Assert.True(consumer.TryRead(out _)); // releases the first record
        ring.Write(new FrameMetadata(2, 0, 0, LinkType.Ethernet), new byte[40], Token);
        Assert.True(ring.PublishedPosition > published);
    }

    [Fact]
    public void Waiting_consumer_stops_when_cancelled()
    {
        var ring = new PacketRing(256, RingPolicy.Lossy);
        var consumer = ring.AddConsumer("idle");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(50));
        Assert.ThrowsAny<OperationCanceledException>(() => consumer.WaitForData(cancel.Token));
    }

    [Fact]
    public void Waiting_consumer_wakes_for_a_record_written_later()
    {
        var ring = new PacketRing(256, RingPolicy.Lossy);
        var consumer = ring.AddConsumer("ui");
        var writer = new Thread(() =>
        {
            Thread.Sleep(30);
            RingPattern.TryWrite(ring, 0);
        });
        writer.Start();
        Assert.True(consumer.WaitForData(Token));
        Assert.True(consumer.TryRead(out var record));
        Assert.Null(RingPattern.Check(0, record));
        writer.Join();
    }

    private static long StressRecordCount()
    {
        var knob = Environment.GetEnvironmentVariable("RAWNET_RING_STRESS_RECORDS");
        if (!string.IsNullOrEmpty(knob))
            return long.Parse(knob, System.Globalization.CultureInfo.InvariantCulture);
        bool optimized = typeof(PacketRing).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;
        return optimized ? OptimizedStressRecords : DebugStressRecords;
    }

    /// <summary>
    /// Writes records 0..count-1: in every 256, the first 64 through an appender published every 16 (or when it waits),
    /// the rest one by one through Write.
    /// </summary>
    private static void Produce(PacketRing ring, long count)
    {
        var token = Token; // TestContext.Current is an AsyncLocal lookup: too slow to repeat per record
        Span<byte> data = stackalloc byte[RingPattern.MaxLength];
        for (long sequence = 0; sequence < count; sequence++)
        {
            int length = RingPattern.Length(sequence);
            if ((sequence & 255) == 0)
            {
                long blockEnd = Math.Min(sequence + 64, count);
                var appender = ring.BeginAppend();
                for (; sequence < blockEnd; sequence++)
                {
                    length = RingPattern.Length(sequence);
                    RingPattern.Fill(sequence, data[..length]);
                    appender.Append(RingPattern.Metadata(sequence, length), data[..length], token);
                    if ((sequence & 15) == 15)
                        appender.Publish();
                }
                appender.Publish();
                sequence--;
            }
            else
            {
                RingPattern.Fill(sequence, data[..length]);
                ring.Write(RingPattern.Metadata(sequence, length), data[..length], token);
            }
        }
        ring.Complete();
    }

    private static long WaitUntilStable(Func<long> read)
    {
        long last = read();
        for (int stableRounds = 0; stableRounds < 5;)
        {
            Thread.Sleep(20);
            long now = read();
            stableRounds = now == last ? stableRounds + 1 : 0;
            last = now;
        }
        return last;
    }

    /// <summary>A consumer thread that checks every record against <see cref="RingPattern"/>.</summary>
    private sealed class Reader(RingConsumer consumer, ReadStyle style) : ConsumerThread(consumer)
    {
        public long Received { get; private set; }

        protected override string? Read() =>
            style == ReadStyle.OneAtATime ? ReadOneAtATime() : ReadBatches(style == ReadStyle.ShortBatches ? 7 : 4096);

        private string? ReadOneAtATime()
        {
            long next = 0;
            while (Consumer.WaitForData(Token))
            {
                while (Consumer.TryRead(out var record))
                {
                    if (RingPattern.Check(next, record) is { } failure)
                        return failure;
                    next++;
                }
                Received = next;
            }
            Received = next;
            return null;
        }

        private string? ReadBatches(int maxPerBatch)
        {
            long next = 0;
            while (Consumer.WaitForData(Token))
            {
                while (Consumer.TryReadBatch(out var batch))
                {
                    int taken = 0;
                    foreach (var record in batch)
                    {
                        if (RingPattern.Check(next, record) is { } failure)
                            return failure;
                        next++;
                        if (++taken == maxPerBatch)
                            break;
                    }
                    batch.Release();
                }
                Received = next;
            }
            Received = next;
            return null;
        }
    }

    /// <summary>A consumer thread that keeps the sequence numbers it reads, optionally stalling after its first few records.</summary>
    private sealed class Collector(RingConsumer consumer, int capacity, ManualResetEventSlim? stall) : ConsumerThread(consumer)
    {
        public List<long> Sequences { get; } = new(capacity);

        protected override string? Read()
        {
            while (Consumer.WaitForData(Token))
            {
                while (Consumer.TryRead(out var record))
                {
                    long sequence = record.TimestampNanoseconds;
                    if (RingPattern.Check(sequence, record) is { } failure)
                        return failure;
                    Sequences.Add(sequence);
                    if (Sequences.Count == 100 && stall is not null)
                        stall.Wait(Token); // holds record 99 and everything after it
                }
            }
            return null;
        }
    }

    /// <summary>Runs one consumer on a thread of its own and keeps the first failure.</summary>
    private abstract class ConsumerThread(RingConsumer consumer)
    {
        private Thread? _thread;

        public RingConsumer Consumer => consumer;

        public string? Failure { get; private set; }

        public void Start()
        {
            _thread = new Thread(() =>
            {
                try
                {
                    Failure = Read();
                }
                catch (Exception e)
                {
                    Failure = e.ToString();
                }
            }) { Name = $"ring consumer {consumer.Name}" };
            _thread.Start();
        }

        public void Join() => Assert.True(_thread!.Join(ThreadTimeout), $"{consumer.Name} did not finish");

        /// <summary>Reads until the ring completes; returns what went wrong, or null.</summary>
        protected abstract string? Read();
    }
}
