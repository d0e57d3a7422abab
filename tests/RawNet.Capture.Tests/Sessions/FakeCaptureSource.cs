using System.Buffers.Binary;
using RawNet.Capture.Sources;
using RawNet.Files;
using RawNet.Protocols;

namespace RawNet.Capture.Tests.Sessions;

/// <summary>
/// A capture source that hands out <see cref="FrameCount"/> numbered frames as fast as it is asked, then waits like an
/// idle interface (until the timeout or <see cref="Stop"/>). With <see cref="ReadyRun"/> above one it holds frames in
/// runs, as a TPACKET_V3 block does: after each waited-for frame, that many less one are ready at once.
/// </summary>
internal sealed class FakeCaptureSource(long frameCount, int frameLength = 100, long kernelDrops = 0) : ICaptureSource
{
    private readonly byte[] _frame = new byte[frameLength];
    private readonly ManualResetEventSlim _stopped = new(false);
    private long _handedOut;

    public long FrameCount { get; } = frameCount;

    /// <summary>Frames handed out so far.</summary>
    public long HandedOut => Interlocked.Read(ref _handedOut);

    /// <summary>Thrown by the next <see cref="TryNext"/> when set.</summary>
    public Exception? FailWith { get; set; }

    /// <summary>Frames a run holds (the first through <see cref="TryNext"/>, the rest through <see cref="TryNextReady"/>).</summary>
    public int ReadyRun { get; init; } = 1;

    /// <summary>Thrown by <see cref="TryNextReady"/> when it would hand out this frame number (a source failing mid-block).</summary>
    public long FailReadyAt { get; init; } = -1;

    /// <summary>Runs that reached <see cref="TryNextReady"/>'s end (it said no more frames are ready).</summary>
    public int RunsEnded { get; private set; }

    private int _leftInRun;

    public string InterfaceName => "fake0";

    public LinkType LinkType => LinkType.Ethernet;

    public string BackendName => "fake";

    public bool TryNext(TimeSpan timeout, out CapturedFrame frame)
    {
        if (FailWith is { } failure)
            throw failure;
        if (_stopped.IsSet || HandedOut >= FrameCount)
        {
            _stopped.Wait(timeout);
            frame = default;
            return false;
        }
        _leftInRun = ReadyRun - 1;
        frame = Next();
        return true;
    }

    public bool TryNextReady(out CapturedFrame frame)
    {
        if (_leftInRun == 0 || _stopped.IsSet || HandedOut >= FrameCount)
        {
            RunsEnded++;
            frame = default;
            return false;
        }
        if (HandedOut + 1 == FailReadyAt)
            throw new IOException("the fake source failed mid-run");
        _leftInRun--;
        frame = Next();
        return true;
    }

    private CapturedFrame Next()
    {
        long number = Interlocked.Increment(ref _handedOut);
        BinaryPrimitives.WriteInt64BigEndian(_frame, number);
        return new CapturedFrame(new FrameMetadata(number * 1000, _frame.Length, _frame.Length, LinkType.Ethernet), _frame);
    }

    public void Stop() => _stopped.Set();

    public CaptureSourceStatistics GetStatistics() => new(HandedOut + kernelDrops, kernelDrops, 0);

    public void Dispose() => _stopped.Dispose();
}
