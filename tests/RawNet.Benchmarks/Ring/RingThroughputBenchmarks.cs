using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using RawNet.Capture.Ring;
using RawNet.Capture.Sessions;
using RawNet.Protocols;

namespace RawNet.Benchmarks.Ring;

/// <summary>
/// One producer thread (the benchmark thread) hands <see cref="Records"/> small records to one consumer
/// thread. Payloads are 0..15 bytes (i &amp; 15), so ring records take 24 to 40 bytes. Every figure is per
/// record: read the "Op/s" column as records per second. One at a time: <c>Write</c> publishes every record
/// and the consumer calls <c>TryRead</c>. Batched: the producer appends 64 records per <c>Publish</c> (through
/// the ring, or through a <see cref="RingAppender"/>) and the consumer takes <c>TryReadBatch</c> batches,
/// releasing once per batch.
/// </summary>
/// <remarks>
/// <para>The channel baseline is given every advantage: its items are a metadata struct plus a reference to one
/// pre-allocated payload array (no copy), while the ring copies each payload into its arena. Both are
/// bounded to 32 Ki items (about the records a 1 MiB ring holds; its fastest bound), single reader, single
/// writer, and every consumer reads each record's length and first byte.</para>
/// <para>Reference rows, not the ring under test: <see cref="Same_thread_appender"/> writes and reads 64-record
/// blocks on one thread (the CPU cost of the ring's code without any cache line crossing cores);
/// <see cref="Ceiling_fixed_32_byte_slots"/> is the least work that moves 32-byte records between two threads
/// (fixed slots, no header logic, no copy from a source, the same publish every 64 records): the ceiling this
/// machine puts on any two-thread ring at this record size; <see cref="Cache_line_round_trip"/> is the time for
/// a cache line to go to the other core and back. The 64- and 1500-byte rows use realistic payloads.</para>
/// </remarks>
[Config(typeof(Config))]
[SimpleJob(warmupCount: 3, iterationCount: 9)]
public class RingThroughputBenchmarks
{
    /// <summary>Records each benchmark invocation hands across.</summary>
    public const int Records = 1 << 22;

    /// <summary>Records per invocation for 1500-byte payloads (6 GB per invocation would take seconds).</summary>
    private const int LargeRecords = Records / 16;

    /// <summary>Round trips per invocation of <see cref="Cache_line_round_trip"/>.</summary>
    private const int PingPongRounds = 1 << 18;

    /// <summary>
    /// The ring's arena: 1 MiB (fits a core's L2, so the two cores trade lines directly), 16 MiB (fits the shared L3)
    /// and 64 MiB (the ring a live capture uses, <see cref="CaptureSessionOptions.RingBytes"/>; larger than L3).
    /// </summary>
    [Params(1 << 20, 1 << 24, 1 << 26)]
    public int RingBytes { get; set; } = new CaptureSessionOptions().RingBytes;

    /// <summary>
    /// The channel's bound, the same at every ring size: 32 Ki items, about the records a 1 MiB ring holds, its fastest
    /// bound here (2 Mi items, as many as the 64 MiB ring holds, made it two to three times slower).
    /// </summary>
    private const int ChannelItems = 1 << 15;

    /// <summary>Records the batched producer appends before publishing, like one TPACKET_V3 block.</summary>
    private const int PublishEvery = 64;

    private readonly byte[] _payload = [0x45, 0x00, 0x00, 0x54, 0x12, 0x34, 0x40, 0x00, 0x40, 0x01, 0xAB, 0xCD, 0x0A, 0x00, 0x00, 0x01];
    private readonly byte[] _frame = CreateFrame(1500);
    private PacketRing _ring = null!;
    private RingConsumer _consumer = null!;
    private long _checksum;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(StatisticColumn.OperationsPerSecond);
            AddColumn(StatisticColumn.Median);
        }
    }

    /// <summary>A channel item: metadata plus a reference to a payload that is never copied.</summary>
    private readonly record struct ChannelRecord(FrameMetadata Metadata, byte[] Payload);

    [GlobalSetup]
    public void Setup()
    {
        // Lossless, so every record is delivered and the figure is end-to-end throughput.
        _ring = new PacketRing(RingBytes, RingPolicy.Lossless);
        _consumer = _ring.AddConsumer("benchmark");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Records)]
    public long Channel_bounded()
    {
        var channel = Channel.CreateBounded<ChannelRecord>(new BoundedChannelOptions(ChannelItems)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var reader = channel.Reader;
        var consumer = StartConsumer(() =>
        {
            long sum = 0, remaining = Records;
            while (remaining > 0)
            {
                while (reader.TryRead(out var item))
                {
                    sum += item.Metadata.CapturedLength + (item.Metadata.CapturedLength > 0 ? item.Payload[0] : 0);
                    remaining--;
                }
                if (remaining > 0)
                    reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult();
            }
            return sum;
        });

        var writer = channel.Writer;
        for (int i = 0; i < Records; i++)
        {
            var item = new ChannelRecord(new FrameMetadata(i, i & 15, 60, LinkType.Ethernet), _payload);
            while (!writer.TryWrite(item))
                writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult();
        }
        return Finish(consumer);
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public long Ring_one_at_a_time()
    {
        var ringConsumer = _consumer;
        var consumer = StartConsumer(() =>
        {
            long sum = 0, remaining = Records;
            while (remaining > 0)
            {
                if (ringConsumer.TryRead(out var record))
                {
                    var data = record.Data;
                    sum += data.Length + (data.Length > 0 ? data[0] : 0);
                    remaining--;
                }
                else
                {
                    ringConsumer.WaitForData();
                }
            }
            ringConsumer.Release();
            return sum;
        });
        var ring = _ring;
        ReadOnlySpan<byte> payload = _payload;
        for (int i = 0; i < Records; i++)
            ring.Write(new FrameMetadata(i, i & 15, 60, LinkType.Ethernet), payload[..(i & 15)]);
        return Finish(consumer);
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public long Ring_batched()
    {
        var consumer = StartBatchConsumer(Records);
        var ring = _ring;
        ReadOnlySpan<byte> payload = _payload;
        for (int i = 0; i < Records; i++)
        {
            ring.Append(new FrameMetadata(i, i & 15, 60, LinkType.Ethernet), payload[..(i & 15)]);
            if ((i & (PublishEvery - 1)) == PublishEvery - 1)
                ring.Publish();
        }
        ring.Publish();
        return Finish(consumer);
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public long Ring_batched_appender()
    {
        var consumer = StartBatchConsumer(Records);
        AppendAll(_payload, 15, Records);
        return Finish(consumer);
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public long Ring_batched_appender_64_byte_payloads()
    {
        var consumer = StartBatchConsumer(Records);
        AppendAll(_frame.AsSpan(0, 64), 0, Records);
        return Finish(consumer);
    }

    [Benchmark(OperationsPerInvoke = LargeRecords)]
    public long Ring_batched_appender_1500_byte_payloads()
    {
        var consumer = StartBatchConsumer(LargeRecords);
        AppendAll(_frame, 0, LargeRecords);
        return Finish(consumer);
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public long Same_thread_appender()
    {
        var appender = _ring.BeginAppend();
        var ringConsumer = _consumer;
        ReadOnlySpan<byte> payload = _payload;
        long sum = 0;
        for (int block = 0; block < Records; block += PublishEvery)
        {
            for (int i = block; i < block + PublishEvery; i++)
                appender.Append(new FrameMetadata(i, i & 15, 60, LinkType.Ethernet), payload[..(i & 15)]);
            appender.Publish();
            if (ringConsumer.TryReadBatch(out var batch))
            {
                foreach (var record in batch)
                {
                    var data = record.Data;
                    sum += data.Length + (data.Length > 0 ? data[0] : 0);
                }
                batch.Release();
            }
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public long Ceiling_fixed_32_byte_slots()
    {
        var slots = new FixedSlotRing(RingBytes);
        var consumer = StartConsumer(() => slots.Consume(Records));
        slots.Produce(Records, PublishEvery);
        return Finish(consumer);
    }

    /// <summary>Round trips of a cache line between the two threads: the latency behind every cross-core look.</summary>
    [Benchmark(OperationsPerInvoke = PingPongRounds)]
    public long Cache_line_round_trip() => new CacheLinePingPong().Run(PingPongRounds);

    /// <summary>Appends <paramref name="count"/> records of <paramref name="payload"/>'s first <c>i &amp; mask</c> bytes (all of it when mask is 0), publishing every 64.</summary>
    private void AppendAll(ReadOnlySpan<byte> payload, int mask, int count)
    {
        var appender = _ring.BeginAppend();
        for (int i = 0; i < count; i++)
        {
            var data = mask == 0 ? payload : payload[..(i & mask)];
            appender.Append(new FrameMetadata(i, data.Length, 60, LinkType.Ethernet), data);
            if ((i & (PublishEvery - 1)) == PublishEvery - 1)
                appender.Publish();
        }
        appender.Publish();
    }

    private Thread StartBatchConsumer(int count)
    {
        var ringConsumer = _consumer;
        return StartConsumer(() =>
        {
            long sum = 0, remaining = count;
            while (remaining > 0)
            {
                if (ringConsumer.TryReadBatch(out var batch))
                {
                    foreach (var record in batch)
                    {
                        var data = record.Data;
                        sum += data.Length + (data.Length > 0 ? data[0] : 0);
                        remaining--;
                    }
                    batch.Release();
                }
                else
                {
                    ringConsumer.WaitForData();
                }
            }
            ringConsumer.Release();
            return sum;
        });
    }

    private Thread StartConsumer(Func<long> consume)
    {
        var thread = new Thread(() => _checksum = consume()) { Name = "benchmark consumer" };
        thread.Start();
        return thread;
    }

    private long Finish(Thread consumer)
    {
        consumer.Join();
        return _checksum;
    }

    private static byte[] CreateFrame(int length)
    {
        var frame = new byte[length];
        for (int i = 0; i < length; i++)
            frame[i] = (byte)(i * 7 + 1);
        return frame;
    }
}
