using System.Buffers.Binary;
using RawNet.Capture.Sources;
using RawNet.Files;
using RawNet.Protocols;

namespace RawNet.Capture.Tests.Sessions;

/// <summary>
/// A capture source that hands out <see cref="FrameCount"/> numbered frames as fast as it is asked, then waits like an
/// idle interface (until the timeout or <see cref="Stop"/>).
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
        long number = Interlocked.Increment(ref _handedOut);
        BinaryPrimitives.WriteInt64BigEndian(_frame, number);
        frame = new CapturedFrame(new FrameMetadata(number * 1000, _frame.Length, _frame.Length, LinkType.Ethernet), _frame);
        return true;
    }

    public void Stop() => _stopped.Set();

    public CaptureSourceStatistics GetStatistics() => new(HandedOut + kernelDrops, kernelDrops, 0);

    public void Dispose() => _stopped.Dispose();
}
