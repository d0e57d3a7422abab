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
/// index's bytes a frame however long the capture runs. The file is private: mode 0600 in a directory of its own, mode
/// 0700, under $XDG_RUNTIME_DIR when this user may create one there, else in the system temp directory (every frame of
/// the network would otherwise be readable by every local user). Disposing stops the capture and deletes both.
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
        DirectoryPath = Path.GetDirectoryName(path)!;
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

    /// <summary>The temporary pcap file the frames go to, mode 0600 (deleted on dispose).</summary>
    public string FilePath { get; }

    /// <summary>The private directory (mode 0700) that holds <see cref="FilePath"/> (deleted on dispose).</summary>
    public string DirectoryPath { get; }

    /// <summary>True until the capture has stopped and every captured frame is in the file.</summary>
    public bool IsRunning => _writerThread.IsAlive;

    /// <summary>What stopped the capture other than <see cref="Stop"/> (the interface went away, the disk filled), or null.</summary>
    public Exception? Failure => _session.Failure ?? Volatile.Read(ref _writeFailure);

    /// <summary>
    /// Opens the interface (the calling thread's network namespace), creates the temporary file in a private directory
    /// under <paramref name="parent"/> (by default $XDG_RUNTIME_DIR, else the system temp directory) and starts capturing into it.
    /// </summary>
    /// <exception cref="CapturePermissionException">No CAP_NET_RAW (the message names both fixes).</exception>
    /// <exception cref="AfPacketException">No such interface, or the kernel refused.</exception>
    /// <exception cref="RawNet.Capture.Bpf.BpfCompileException">The capture filter does not compile.</exception>
    public static LiveCapture Start(string interfaceName, string? filter, string? parent = null)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("live capture needs Linux (AF_PACKET)");
        filter = string.IsNullOrWhiteSpace(filter) ? null : filter;
        var options = new CaptureOptions(interfaceName, CaptureFileReader.MaxCapturedLength, Promiscuous: true, filter);
        var source = AfPacketCaptureSource.Open(options);
        string? directory = null;
        string path = "";
        PcapWriter? writer = null;
        try
        {
            directory = CreatePrivateDirectory(parent);
            path = Path.Combine(directory, $"rawnet-ui-{Environment.ProcessId}.pcap");
            var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.Read,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                BufferSize = 0,
            });
            writer = new PcapWriter(stream, source.LinkType, options.SnapLength, TimestampPrecision.Nanoseconds);
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
            if (directory is not null)
                Delete(path, directory);
            source.Dispose();
            throw;
        }
    }

    /// <summary>A new directory only this user may enter (0700): under <paramref name="parent"/>, else $XDG_RUNTIME_DIR when this user may write there, else the temp directory.</summary>
    private static string CreatePrivateDirectory(string? parent)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("live capture needs Linux (AF_PACKET)");
        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        string name = $"rawnet-ui-{Environment.ProcessId}-{Guid.NewGuid():N}";
        parent ??= Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime && Directory.Exists(runtime) ? runtime : null;
        if (parent is not null)
        {
            try
            {
                // A random name nobody can have made in advance; mkdir(2) with mode 0700.
                return Directory.CreateDirectory(Path.Combine(parent, name), Private).FullName;
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // A runtime directory that belongs to someone else (root's, after sudo): the temp directory will do.
            }
        }
        // mkdtemp(3): a fresh name, mode 0700, never one that existed.
        return Directory.CreateTempSubdirectory("rawnet-ui-").FullName;
    }

    private static void Delete(string path, string directory)
    {
        try
        {
            File.Delete(path);
            Directory.Delete(directory);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
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
        Delete(FilePath, DirectoryPath);
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
        catch (IOException e)
        {
            // The writer cut the file back to its last whole record; the status bar shows this one line.
            long kept = _writer.PacketsWritten;
            Volatile.Write(ref _writeFailure, new IOException($"{FilePath}: {WriteFailure.Reason(e)} ({(kept == 1 ? "1 packet" : $"{kept} packets")} kept, every one whole)", e));
            _session.Stop();
        }
        catch (UnauthorizedAccessException e)
        {
            Volatile.Write(ref _writeFailure, e);
            _session.Stop();
        }
    }
}
