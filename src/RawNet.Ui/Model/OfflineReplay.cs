namespace RawNet.Ui.Model;

/// <summary>
/// Plays an opened capture back at its recorded timing scaled by a speed (x1, x2 ... x64, /2 ... /64): <see cref="Position"/>
/// frames have "happened" so far; <see cref="Advance"/> moves it to every frame whose recorded offset has come, on an
/// injectable clock. Pausing keeps the position within the recording, so resuming waits only for what was left.
/// </summary>
public sealed class OfflineReplay
{
    /// <summary>The slowest speed, 1/64 (2^-6).</summary>
    public const int SlowestExponent = -6;

    /// <summary>The fastest speed, 64 (2^6).</summary>
    public const int FastestExponent = 6;

    private readonly CaptureIndex _index;
    private readonly TimeProvider _clock;
    private long _anchorTimestamp;
    private long _anchorCaptureTime;

    /// <summary>A paused replay of <paramref name="index"/> that has shown its first <paramref name="position"/> frames, at 2^<paramref name="speedExponent"/> times the recorded speed.</summary>
    public OfflineReplay(CaptureIndex index, TimeProvider clock, int position, int speedExponent = 0)
    {
        _index = index;
        _clock = clock;
        SpeedExponent = Math.Clamp(speedExponent, SlowestExponent, FastestExponent);
        Position = Math.Clamp(position, 0, index.Count);
        _anchorCaptureTime = Position == 0 ? index.FirstTimestamp : index.MetadataOf(Position - 1).TimestampNanoseconds;
    }

    /// <summary>Frames shown so far (the next one to appear is frame <see cref="Position"/>, 0-based).</summary>
    public int Position { get; private set; }

    /// <summary>True while playing; false when paused or at the end.</summary>
    public bool Playing { get; private set; }

    /// <summary>The speed as a power of two: 0 is the recorded speed, 2 is x4, -1 is half speed.</summary>
    public int SpeedExponent { get; private set; }

    /// <summary>True once every frame has been shown.</summary>
    public bool AtEnd => Position >= _index.Count;

    /// <summary>"x4", "x1", "/2".</summary>
    public string SpeedText => Speed(SpeedExponent);

    /// <summary>The speed 2^<paramref name="exponent"/> as the status bar shows it: "x4", "x1", "/2".</summary>
    public static string Speed(int exponent) => exponent >= 0 ? $"x{1 << exponent}" : $"/{1 << -exponent}";

    /// <summary>The recorded time (nanoseconds since the epoch) the replay has reached.</summary>
    public long CaptureTime
    {
        get
        {
            if (!Playing)
                return _anchorCaptureTime;
            double elapsed = _clock.GetElapsedTime(_anchorTimestamp).Ticks * 100.0;
            return _anchorCaptureTime + (long)Math.Min(elapsed * Math.Pow(2, SpeedExponent), long.MaxValue / 4);
        }
    }

    /// <summary>Starts or resumes playing from where it is.</summary>
    public void Play()
    {
        if (AtEnd)
            return;
        _anchorTimestamp = _clock.GetTimestamp();
        Playing = true;
    }

    /// <summary>Pauses, keeping the recorded time reached.</summary>
    public void Pause()
    {
        _anchorCaptureTime = CaptureTime;
        Playing = false;
    }

    /// <summary>Play when paused, pause when playing.</summary>
    public void Toggle()
    {
        if (Playing)
            Pause();
        else
            Play();
    }

    /// <summary>Doubles the speed, up to x64.</summary>
    public void Faster() => SetSpeed(SpeedExponent + 1);

    /// <summary>Halves the speed, down to /64.</summary>
    public void Slower() => SetSpeed(SpeedExponent - 1);

    private void SetSpeed(int exponent)
    {
        // From now on at the new speed: what has elapsed so far counts at the old one.
        _anchorCaptureTime = CaptureTime;
        _anchorTimestamp = _clock.GetTimestamp();
        SpeedExponent = Math.Clamp(exponent, SlowestExponent, FastestExponent);
    }

    /// <summary>Shows the next frame at once; the replay continues from its recorded time.</summary>
    public bool Step()
    {
        if (AtEnd)
            return false;
        Position++;
        _anchorCaptureTime = Math.Max(CaptureTime, _index.MetadataOf(Position - 1).TimestampNanoseconds);
        _anchorTimestamp = _clock.GetTimestamp();
        if (AtEnd)
            Playing = false;
        return true;
    }

    /// <summary>Moves <see cref="Position"/> past every frame whose time has come; stops playing at the end. True when it moved.</summary>
    public bool Advance()
    {
        if (!Playing)
            return false;
        long now = CaptureTime;
        int before = Position;
        while (Position < _index.Count && _index.MetadataOf(Position).TimestampNanoseconds <= now)
            Position++;
        if (AtEnd)
        {
            _anchorCaptureTime = now;
            Playing = false;
        }
        return Position != before;
    }

    /// <summary>How long until the next frame is due at this speed (zero when due, null when paused or at the end).</summary>
    public TimeSpan? UntilNext
    {
        get
        {
            if (!Playing || AtEnd)
                return null;
            double nanoseconds = (_index.MetadataOf(Position).TimestampNanoseconds - CaptureTime) / Math.Pow(2, SpeedExponent);
            return nanoseconds <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Min(nanoseconds / 100, TimeSpan.MaxValue.Ticks / 2));
        }
    }
}
