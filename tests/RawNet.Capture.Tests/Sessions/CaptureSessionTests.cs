using System.Buffers.Binary;
using System.Diagnostics;
using RawNet.Capture.Ring;
using RawNet.Capture.Sessions;

namespace RawNet.Capture.Tests.Sessions;

public sealed class CaptureSessionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Reads every record until the session completes the ring; returns the frame numbers seen.</summary>
    private static List<long> Drain(RingConsumer consumer)
    {
        var numbers = new List<long>();
        var clock = Stopwatch.StartNew();
        while (consumer.WaitForData(new CancellationTokenSource(Patience).Token))
        {
            consumer.TryReadBatch(out var batch);
            foreach (var record in batch)
                numbers.Add(BinaryPrimitives.ReadInt64BigEndian(record.Data));
            batch.Release();
            Assert.True(clock.Elapsed < Patience, "the session did not complete its ring");
        }
        return numbers;
    }

    [Fact]
    public void Count_stops_the_capture_after_exactly_that_many_frames_in_order()
    {
        using var source = new FakeCaptureSource(frameCount: 1_000_000);
        using var session = new CaptureSession(source, new CaptureSessionOptions(Count: 1000, RingBytes: 1 << 20));
        var consumer = session.AddConsumer("test");
        session.Start();

        var numbers = Drain(consumer);

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), numbers);
        Assert.True(session.IsFinished);
        Assert.Null(session.Failure);
        Assert.Equal(1000, session.Counters.Captured);
        Assert.Equal(0, session.Counters.DroppedByRing);
    }

    [Fact]
    public void Frames_a_source_holds_at_once_go_into_the_ring_as_one_run_in_order_and_the_count_cuts_a_run_short()
    {
        // Runs of 64, as a TPACKET_V3 block hands them over; the count ends the capture in the middle of the 16th run.
        using var source = new FakeCaptureSource(frameCount: 1_000_000) { ReadyRun = 64 };
        using var session = new CaptureSession(source, new CaptureSessionOptions(Count: 1000, RingBytes: 1 << 20));
        var consumer = session.AddConsumer("test");
        session.Start();

        var numbers = Drain(consumer);

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), numbers);
        Assert.Equal(1000, source.HandedOut);
        // Each run was read to its end (15 whole runs of 64) before the loop waited again, not left behind.
        Assert.Equal(15, source.RunsEnded);
        Assert.Equal(1000, session.Counters.Captured);
    }

    [Fact]
    public void A_source_failing_in_the_middle_of_a_run_loses_none_of_the_frames_before()
    {
        using var source = new FakeCaptureSource(frameCount: 1_000_000) { ReadyRun = 64, FailReadyAt = 100 };
        using var session = new CaptureSession(source, new CaptureSessionOptions(RingBytes: 1 << 20));
        var consumer = session.AddConsumer("test");
        session.Start();

        var numbers = Drain(consumer);

        Assert.Equal(Enumerable.Range(1, 99).Select(i => (long)i), numbers);
        Assert.IsType<IOException>(session.Failure);
    }

    [Fact]
    public void Duration_stops_an_idle_capture_on_time()
    {
        using var source = new FakeCaptureSource(frameCount: 0);
        using var session = new CaptureSession(source, new CaptureSessionOptions(Duration: TimeSpan.FromMilliseconds(300), RingBytes: 1 << 16));
        var consumer = session.AddConsumer("test");
        var clock = Stopwatch.StartNew();
        session.Start();

        Assert.Empty(Drain(consumer));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(280), TimeSpan.FromSeconds(3));
        Assert.Equal(new CaptureCounters(0, 0, 0, 0), session.Counters);
    }

    [Fact]
    public void Stop_from_another_thread_ends_a_waiting_capture_promptly_and_the_consumer_sees_what_came_before()
    {
        using var source = new FakeCaptureSource(frameCount: 5);
        using var session = new CaptureSession(source, new CaptureSessionOptions(RingBytes: 1 << 16));
        var consumer = session.AddConsumer("test");
        session.Start();
        var clock = Stopwatch.StartNew();
        using var timer = new Timer(_ => session.Stop(), null, 200, Timeout.Infinite);

        var numbers = Drain(consumer);

        Assert.Equal([1L, 2, 3, 4, 5], numbers);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(3));
        Assert.Equal(5, session.Counters.Captured);
    }

    [Fact]
    public void A_stalled_consumer_costs_ring_drops_not_a_blocked_capture_thread()
    {
        const int frames = 20_000;
        using var source = new FakeCaptureSource(frames, frameLength: 1000, kernelDrops: 3);
        using var session = new CaptureSession(source, new CaptureSessionOptions(RingBytes: 1 << 16));
        var consumer = session.AddConsumer("stalled");
        session.Start();

        // The consumer reads nothing until the source has handed out every frame: only a capture thread that never
        // waits for the ring gets there.
        var clock = Stopwatch.StartNew();
        while (source.HandedOut < frames)
        {
            Assert.True(clock.Elapsed < Patience, $"the capture thread stalled after {source.HandedOut} frames");
            Thread.Sleep(5);
        }
        session.Stop();
        Assert.True(session.WaitForFinish(Patience));

        var numbers = Drain(consumer);
        var counters = session.Counters;
        Assert.True(counters.DroppedByRing > 0, counters.ToString());
        Assert.Equal(frames, counters.Captured + counters.DroppedByRing);
        Assert.Equal(counters.Captured, numbers.Count);
        // What got through is the oldest frames, in order: a full ring refuses the newest.
        Assert.Equal(Enumerable.Range(1, numbers.Count).Select(i => (long)i), numbers);
        Assert.Equal(frames + 3, counters.ReceivedByFilter);
        Assert.Equal(3, counters.DroppedByKernel);
    }

    [Fact]
    public void A_failing_source_ends_the_session_with_the_failure_and_a_completed_ring()
    {
        using var source = new FakeCaptureSource(frameCount: 0) { FailWith = new IOException("interface went down") };
        using var session = new CaptureSession(source, new CaptureSessionOptions(RingBytes: 1 << 16));
        var consumer = session.AddConsumer("test");
        session.Start();

        Assert.Empty(Drain(consumer));
        Assert.Equal("interface went down", Assert.IsType<IOException>(session.Failure).Message);
    }

    [Fact]
    public void Consumers_cannot_join_a_running_session()
    {
        using var source = new FakeCaptureSource(frameCount: 0);
        using var session = new CaptureSession(source, new CaptureSessionOptions(RingBytes: 1 << 16));
        session.Start();
        Assert.Throws<InvalidOperationException>(() => session.AddConsumer("late"));
        session.Stop();
        Assert.True(session.WaitForFinish(Patience));
    }
}
