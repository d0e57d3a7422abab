using RawNet.Files;
using RawNet.Files.Pcap;
using RawNet.Protocols;
using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>Replay timing on a manual clock: recorded gaps scaled by the speed, pause keeps the position, step, the end.</summary>
public sealed class OfflineReplayTests : IDisposable
{
    // Offsets of the five frames from the first, in seconds.
    private static readonly double[] Offsets = [0, 1, 1.5, 4, 4.25];

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"rawnet-ui-replay-{Environment.ProcessId}-{Guid.NewGuid():N}.pcap");

    public OfflineReplayTests()
    {
        var frames = GrowingCapture.FramesOf("udp-exchange.pcap");
        using var writer = PcapWriter.Create(_path, LinkType.Ethernet, precision: TimestampPrecision.Nanoseconds);
        long start = 1_700_000_000L * 1_000_000_000L;
        for (int i = 0; i < Offsets.Length; i++)
        {
            var (metadata, data) = frames[i % frames.Count];
            writer.Write(metadata with { TimestampNanoseconds = start + (long)(Offsets[i] * 1e9) }, data);
        }
    }

    public void Dispose() => File.Delete(_path);

    private CaptureIndex Index() => CaptureIndex.Build(_path, null, TestContext.Current.CancellationToken);

    [Fact]
    public void Frames_appear_at_their_recorded_offsets()
    {
        using var index = Index();
        var clock = new ManualClock();
        var replay = new OfflineReplay(index, clock, 1);
        Assert.False(replay.Advance());
        replay.Play();
        Assert.Equal(TimeSpan.FromSeconds(1), replay.UntilNext);
        clock.Advance(0.999);
        Assert.False(replay.Advance());
        Assert.Equal(1, replay.Position);
        clock.Advance(0.001);
        Assert.True(replay.Advance());
        Assert.Equal(2, replay.Position);
        clock.Advance(0.5);
        replay.Advance();
        Assert.Equal(3, replay.Position);
        Assert.Equal(TimeSpan.FromSeconds(2.5), replay.UntilNext);
    }

    [Fact]
    public void Pause_keeps_the_position_within_the_recording_and_resuming_waits_only_for_the_rest()
    {
        using var index = Index();
        var clock = new ManualClock();
        var replay = new OfflineReplay(index, clock, 1);
        replay.Play();
        clock.Advance(0.75);
        replay.Pause();
        Assert.Null(replay.UntilNext);
        clock.Advance(100);
        Assert.False(replay.Advance());
        Assert.Equal(1, replay.Position);
        replay.Play();
        Assert.Equal(TimeSpan.FromSeconds(0.25), replay.UntilNext);
        clock.Advance(0.25);
        Assert.True(replay.Advance());
        Assert.Equal(2, replay.Position);
    }

    [Fact]
    public void Speed_doubles_and_halves_between_x64_and_one_64th()
    {
        using var index = Index();
        var clock = new ManualClock();
        var replay = new OfflineReplay(index, clock, 1);
        Assert.Equal("x1", replay.SpeedText);
        replay.Faster();
        replay.Faster();
        Assert.Equal("x4", replay.SpeedText);
        replay.Play();
        Assert.Equal(TimeSpan.FromSeconds(0.25), replay.UntilNext);
        clock.Advance(0.25);
        replay.Advance();
        Assert.Equal(2, replay.Position);
        // Half way to frame 3 (0.5 s recorded, 0.125 s at x4), then a quarter of the speed: 0.25 s recorded left takes 0.25 s.
        clock.Advance(0.0625);
        replay.Slower();
        replay.Slower();
        Assert.Equal("x1", replay.SpeedText);
        Assert.Equal(TimeSpan.FromSeconds(0.25), replay.UntilNext);
        for (int i = 0; i < 20; i++)
            replay.Faster();
        Assert.Equal("x64", replay.SpeedText);
        for (int i = 0; i < 20; i++)
            replay.Slower();
        Assert.Equal("/64", replay.SpeedText);
    }

    [Fact]
    public void Step_shows_the_next_frame_at_once_and_the_end_stops_playing()
    {
        using var index = Index();
        var clock = new ManualClock();
        var replay = new OfflineReplay(index, clock, 1);
        Assert.True(replay.Step());
        Assert.Equal(2, replay.Position);
        Assert.False(replay.Playing);
        replay.Play();
        Assert.Equal(TimeSpan.FromSeconds(0.5), replay.UntilNext);
        clock.Advance(10);
        Assert.True(replay.Advance());
        Assert.Equal(5, replay.Position);
        Assert.True(replay.AtEnd);
        Assert.False(replay.Playing);
        Assert.False(replay.Step());
    }

    [Fact]
    public void The_view_reveals_the_replayed_packets_and_follows_them()
    {
        using var index = Index();
        var clock = new ManualClock();
        var view = new CaptureView(new PacketSource(index), "replay.pcap") { Clock = clock };
        Assert.Equal(5, view.ShownCount);
        view.PlayPause();
        Assert.NotNull(view.Replay);
        Assert.True(view.Replay!.Playing);
        Assert.Equal((1, 1, 0), (view.ShownCount, view.RevealedCount, view.SelectedFrame));
        clock.Advance(1.5);
        Assert.True(view.AdvanceReplay());
        Assert.Equal((3, 2), (view.ShownCount, view.SelectedFrame));
        view.PlayPause();
        Assert.False(view.Replay.Playing);
        view.StepReplay();
        Assert.Equal((4, 3), (view.ShownCount, view.SelectedFrame));
        Assert.Equal(5, view.TotalCount);
        // Esc: every packet again.
        Assert.True(view.EndReplay());
        Assert.Null(view.Replay);
        Assert.Equal(5, view.ShownCount);
    }

    [Fact]
    public void Replay_starts_after_the_selected_packet_and_from_the_start_after_the_last()
    {
        using var index = Index();
        var view = new CaptureView(new PacketSource(index), "replay.pcap") { Clock = new ManualClock() };
        view.Select(2);
        view.PlayPause();
        Assert.Equal(3, view.ShownCount);
        view.EndReplay();
        view.Last();
        view.PlayPause();
        Assert.Equal(1, view.ShownCount);
    }

    [Fact]
    public void A_speed_chosen_before_playing_is_the_replay_s_speed()
    {
        using var index = Index();
        var clock = new ManualClock();
        var view = new CaptureView(new PacketSource(index), "replay.pcap") { Clock = clock };
        view.ChangeSpeed(faster: false);
        Assert.Contains("/2", view.Status, StringComparison.Ordinal);
        Assert.Null(view.Replay);
        view.PlayPause();
        Assert.Equal("/2", view.Replay!.SpeedText);
        clock.Advance(1.999);
        Assert.False(view.AdvanceReplay());
        clock.Advance(0.001);
        Assert.True(view.AdvanceReplay());
        Assert.Equal(2, view.ShownCount);
    }
}
