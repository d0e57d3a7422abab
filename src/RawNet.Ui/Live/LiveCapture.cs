using RawNet.Capture.Ring;
using RawNet.Capture.Sessions;
using RawNet.Capture.Sources;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Files;
using RawNet.Files.Pcap;
using RawNet.Ui.Model;

namespace RawNet.Ui.Live;

/// <summary>
/// A live capture for the UI, as Wireshark does it: a <see cref="CaptureSession"/> on our AF_PACKET source, whose one
/// consumer thread appends every frame to a temporary pcap file (nanosecond timestamps), flushed after each batch. The
/// UI indexes that growing file (<see cref="CaptureIndex.Follow"/>) and decodes on demand, so memory stays at the
/// index's bytes a frame however long the capture runs. Disposing stops the capture and deletes the file.
/// </summary>
public sealed class LiveCapture : IDisposable
{
    private readonly AfPacketCaptureSource _source;
    private readonly CaptureSession _session;
    private readonly PcapWriter _writer;
    private readonly Thread _writerThread;
    private Exception? _writeFailure;
    private long _kernelDrops;
    private int _disposed;

    private LiveCapture(AfPacketCaptureSource source, string path, PcapWriter writer, string? filter)
    {
        _source = source;
        FilePath = path;
        _writer = writer;
        Filter = filter;
        _session = new CaptureSession(source);
        var consumer = _session.AddConsumer("ui file");
        _writerThread = new Thread(() => WriteAll(consumer)) { IsBackground = true, Name = "rawnet ui capture file" };
    }

    /// <summary>The interface captured on.</summary>
    public string InterfaceName => _source.InterfaceName;

    /// <summary>The capture filter, or null.</summary>
    public string? Filter { get; }

    /// <summary>The temporary pcap file the frames go to (deleted on dispose).</summary>
    public string FilePath { get; }

    /// <summary>True until the capture has stopped and every captured frame is in the file.</summary>
    public bool IsRunning => _writerThread.IsAlive;

    /// <summary>What stopped the capture other than <see cref="Stop"/> (the interface went away, the disk filled), or null.</summary>
    public Exception? Failure => _session.Failure ?? Volatile.Read(ref _writeFailure);

    /// <summary>
    /// Opens the interface (the calling thread's network namespace), creates the temporary file in
    /// <paramref name="directory"/> and starts capturing into it.
    /// </summary>
    /// <exception cref="CapturePermissionException">No CAP_NET_RAW (the message names both fixes).</exception>
    /// <exception cref="AfPacketException">No such interface, or the kernel refused.</exception>
    /// <exception cref="RawNet.Capture.Bpf.BpfCompileException">The capture filter does not compile.</exception>
    public static LiveCapture Start(string interfaceName, string? filter, string? directory = null)
    {
        filter = string.IsNullOrWhiteSpace(filter) ? null : filter;
        var options = new CaptureOptions(interfaceName, CaptureFileReader.MaxCapturedLength, Promiscuous: true, filter);
        var source = AfPacketCaptureSource.Open(options);
        string path = Path.Combine(directory ?? Path.GetTempPath(), $"rawnet-ui-{Environment.ProcessId}-{Guid.NewGuid():N}.pcap");
        PcapWriter? writer = null;
        try
        {
            writer = PcapWriter.Create(path, source.LinkType, options.SnapLength, TimestampPrecision.Nanoseconds);
            // The file header on disk at once: the index can open the file before the first frame.
            writer.Flush();
            var capture = new LiveCapture(source, path, writer, filter);
            capture._session.Start();
            capture._writerThread.Start();
            return capture;
        }
        catch
        {
            writer?.Dispose();
            File.Delete(path);
            source.Dispose();
            throw;
        }
    }

    /// <summary>The counters now: frames captured, kernel and ring drops, ring fill; safe from any thread.</summary>
    public LiveCounters Counters()
    {
        var ring = _session.Ring;
        bool running = IsRunning;
        try
        {
            if (Volatile.Read(ref _disposed) == 0)
                _kernelDrops = _source.GetStatistics().DroppedByKernel;
        }
        catch (AfPacketException)
        {
            // The interface went away: the capture thread reports that as the failure; keep the last figure.
        }
        return new LiveCounters(ring.WrittenRecords, _kernelDrops, ring.DroppedRecords, ring.FillPercent, running);
    }

    /// <summary>Stops capturing and waits until every frame captured is in the file; the file stays until <see cref="Dispose"/>.</summary>
    public void Stop()
    {
        _session.Stop();
        _session.WaitForFinish(Timeout.InfiniteTimeSpan);
        _writerThread.Join();
    }

    /// <summary>Stops, closes the interface and deletes the temporary file; safe to call again.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        Stop();
        _session.Dispose();
        _source.Dispose();
        _writer.Dispose();
        try
        {
            File.Delete(FilePath);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The file-writer consumer: every record in order, a flush after each batch so the index sees it promptly.</summary>
    private void WriteAll(RingConsumer consumer)
    {
        try
        {
            while (true)
            {
                if (!consumer.TryReadBatch(out var batch))
                {
                    if (consumer.IsCompleted)
                        break;
                    // Sub-millisecond latency buys nothing on a screen drawn ten times a second.
                    Thread.Sleep(1);
                    continue;
                }
                foreach (var record in batch)
                    _writer.Write(record.Metadata, record.Data);
                batch.Release();
                _writer.Flush();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Volatile.Write(ref _writeFailure, e);
            _session.Stop();
        }
    }
}
