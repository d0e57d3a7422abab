using RawNet.Capture.Ring;
using RawNet.Protocols;

namespace RawNet.Capture.Tests.Ring;

public sealed class RingAllocationTests
{
    private const int Records = 100_000;

    [Fact]
    public void Writing_and_reading_allocate_nothing_per_record()
    {
        var lossy = new PacketRing(64 << 10, RingPolicy.Lossy);
        var one = lossy.AddConsumer("one");
        var lossless = new PacketRing(64 << 10, RingPolicy.Lossless);
        var batched = lossless.AddConsumer("batched");

        RoundTrip(lossy, one, lossless, batched); // JIT and tiering
        long before = GC.GetAllocatedBytesForCurrentThread();
        long checksum = RoundTrip(lossy, one, lossless, batched);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, checksum);
    }

    private static long RoundTrip(PacketRing lossy, RingConsumer one, PacketRing lossless, RingConsumer batched)
    {
        Span<byte> payload = stackalloc byte[64];
        payload.Fill(0x5A);
        long checksum = 0;
        for (int i = 0; i < Records; i++)
        {
            var metadata = new FrameMetadata(i, i & 63, 1500, LinkType.Ethernet, 1, PacketDirection.Inbound);
            lossy.TryWrite(metadata, payload[..(i & 63)]);
            var appender = lossy.BeginAppend();
            appender.TryAppend(metadata with { CapturedLength = i & 15 }, payload[..(i & 15)]);
            appender.Publish();
            while (one.TryRead(out var record))
                checksum += record.Data.Length + record.Metadata.OriginalLength;

            lossless.Write(metadata, payload[..(i & 63)], TestContext.Current.CancellationToken);
            if ((i & 15) == 15 && batched.TryReadBatch(out var batch))
            {
                foreach (var record in batch)
                    checksum += record.TimestampNanoseconds;
                batch.Release();
            }
        }
        while (batched.TryReadBatch(out var rest))
        {
            foreach (var record in rest)
                checksum += record.CapturedLength;
            rest.Release();
        }
        return checksum;
    }
}
