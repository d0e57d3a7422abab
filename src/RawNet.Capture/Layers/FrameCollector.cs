using RawNet.Capture.Ring;
using RawNet.Protocols;

namespace RawNet.Capture.Layers;

/// <summary>Copies every frame a capture session's consumer is handed into a list, on a thread of its own, until the ring completes.</summary>
internal sealed class FrameCollector
{
    /// <summary>More than any experiment makes; past it frames are not kept, so a flood on the ports cannot grow memory without end.</summary>
    private const int MaxFrames = 4096;

    private readonly RingConsumer _consumer;
    private readonly Thread _thread;
    private readonly Lock _gate = new();
    private readonly List<(byte[] Frame, FrameMetadata Metadata)> _frames = [];

    /// <summary>Will read <paramref name="consumer"/> (add it before the session starts); <see cref="Start"/> once the session has.</summary>
    public FrameCollector(RingConsumer consumer)
    {
        _consumer = consumer;
        _thread = new Thread(Collect) { IsBackground = true, Name = "rawnet layers collector" };
    }

    /// <summary>Starts the reading thread; it ends when the session completes the ring, so call it only after the session started.</summary>
    public void Start() => _thread.Start();

    /// <summary>A copy of the frames collected so far, in capture order.</summary>
    public IReadOnlyList<(byte[] Frame, FrameMetadata Metadata)> Frames
    {
        get
        {
            lock (_gate)
                return [.. _frames];
        }
    }

    /// <summary>Waits for the reader to finish (after the session completed the ring).</summary>
    public void Join()
    {
        if (_thread.IsAlive)
            _thread.Join(TimeSpan.FromSeconds(5));
    }

    private void Collect()
    {
        while (_consumer.WaitForData())
        {
            while (_consumer.TryRead(out var record))
            {
                lock (_gate)
                {
                    if (_frames.Count < MaxFrames)
                        _frames.Add((record.Data.ToArray(), record.Metadata));
                }
            }
        }
    }
}
