using RawNet.Capture.Ring;
using RawNet.Capture.Sessions;
using RawNet.Capture.Sources;
using RawNet.Capture.LibPcap;
using RawNet.Files;
using RawNet.Files.Pcap;
using RawNet.Ui.Model;

namespace RawNet.Ui.Live;

/// <summary>
/// A live capture for the UI, as Wireshark does it: a <see cref="CaptureSession"/> on the back end chosen as
/// <c>rawnet capture</c> chooses it (AF_PACKET on Linux, libpcap elsewhere and for <c>any</c>; several AF_PACKET sockets
/// in a fanout group with <c>--threads</c>, read merged in timestamp order), whose one reader thread appends every frame
/// to a temporary pcap file (nanosecond timestamps), flushed after each batch. The
/// UI indexes that growing file (<see cref="CaptureIndex.Follow"/>) and decodes on demand, so memory stays at the
/// index's bytes a frame however long the capture runs. The file is private: mode 0600 in a directory of its own, mode
/// 0700, under $XDG_RUNTIME_DIR when this user may create one there, else in the system temp directory (every frame of
/// the network would otherwise be readable by every local user). Disposing stops the capture and deletes both.
/// </summary>
public sealed class LiveCapture : IDisposable
{
    private readonly ICaptureSource[] _sources;
    private readonly CaptureSession _session;
    private readonly PcapWriter _writer;
    private readonly Thread _writerThread;
    private Exception? _writeFailure;
    private long _kernelDrops;
    private int _disposed;

    private LiveCapture(ICaptureSource[] sources, string path, PcapWriter writer, string? filter)
    {
        _sources = sources;
        FilePath = path;
        DirectoryPath = Path.GetDirectoryName(path)!;
        _writer = writer;
        Filter = filter;
        _session = new CaptureSession(sources);
        var reader = _session.AddReader("ui file");
        _writerThread = new Thread(() => WriteAll(reader)) { IsBackground = true, Name = "rawnet ui capture file" };
    }

    /// <summary>The interface captured on.</summary>
    public string InterfaceName => _sources[0].InterfaceName;

    /// <summary>The back end capturing (<see cref="CaptureBackends.AfPacket"/> or <see cref="CaptureBackends.LibPcap"/>).</summary>
    public string BackendName => _sources[0].BackendName;

    /// <summary>The sockets capturing: 1, or the size of the fanout group.</summary>
    public int Threads => _sources.Length;

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
    /// Opens the interface (the calling thread's network namespace) on <paramref name="backend"/> (<c>auto</c> chooses as
    /// <see cref="CaptureBackends.ForCapture(string, string)"/> does) with <paramref name="threads"/> sockets, creates the
    /// temporary file in a private directory under <paramref name="parent"/> (by default $XDG_RUNTIME_DIR, else the system
    /// temp directory) and starts capturing into it.
    /// </summary>
    /// <exception cref="CaptureOpenException">No CAP_NET_RAW (the message names both fixes), no such interface, no
    /// libpcap, a back end this system lacks, or the kernel refused: one line.</exception>
    /// <exception cref="ArgumentException">More than one thread on a back end without fanout (<see cref="CaptureSources.ThreadsRefusal"/>).</exception>
    /// <exception cref="RawNet.Capture.Bpf.BpfCompileException">The capture filter does not compile.</exception>
    public static LiveCapture Start(string interfaceName, string? filter, string? parent = null, string backend = CaptureBackends.Auto, int threads = 1)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("the UI's live capture keeps its file private with Unix permissions; on Windows use rawnet capture -w FILE");
        filter = string.IsNullOrWhiteSpace(filter) ? null : filter;
        backend = CaptureBackends.ForCapture(backend, interfaceName);
        if ((CaptureSources.ThreadsOutOfRange(threads) ?? CaptureSources.ThreadsRefusal(backend, threads, interfaceName)) is { } refused)
            throw new ArgumentException(refused, nameof(threads));
        if (CaptureBackends.Unavailable(backend) is { } unavailable)
            throw new CaptureOpenException(unavailable);
        var options = new CaptureOptions(interfaceName, CaptureFileReader.MaxCapturedLength, Promiscuous: true, filter);
        ICaptureSource[] sources;
        try
        {
            // A person is watching: libpcap hands each frame over at once.
            sources = CaptureSources.Open(options, backend, threads, immediate: true);
        }
        catch (Exception e) when (CaptureSources.DescribeOpenFailure(e, interfaceName) is { } message)
        {
            throw new CaptureOpenException(message, e);
        }
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
            writer = new PcapWriter(stream, sources[0].LinkType, options.SnapLength, TimestampPrecision.Nanoseconds);
            // The file header on disk at once: the index can open the file before the first frame.
            writer.Flush();
            var capture = new LiveCapture(sources, path, writer, filter);
            capture._session.Start();
            capture._writerThread.Start();
            return capture;
        }
        catch
        {
            writer?.Dispose();
            if (directory is not null)
                Delete(path, directory);
            foreach (var source in sources)
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

    /// <summary>The counters now: frames captured, kernel and ring drops, ring fill (the fullest ring's); safe from any thread.</summary>
    public LiveCounters Counters()
    {
        var rings = _session.Rings;
        bool running = IsRunning;
        try
        {
            if (Volatile.Read(ref _disposed) == 0)
                _kernelDrops = _sources.Sum(source => source.GetStatistics().DroppedByKernel);
        }
        catch (Exception e) when (e is IOException or PcapException or ObjectDisposedException)
        {
            // The interface went away: the capture thread reports that as the failure; keep the last figure.
        }
        return new LiveCounters(rings.Sum(ring => ring.WrittenRecords), _kernelDrops, rings.Sum(ring => ring.DroppedRecords),
            rings.Max(ring => ring.FillPercent), running);
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
        foreach (var source in _sources)
            source.Dispose();
        _writer.Dispose();
        Delete(FilePath, DirectoryPath);
    }

    /// <summary>The file writer: every record in order, a flush after each batch so the index sees it promptly.</summary>
    private void WriteAll(IRecordBatchReader reader)
    {
        try
        {
            while (true)
            {
                if (!reader.TryReadBatch(out var batch))
                {
                    if (reader.IsCompleted)
                        break;
                    // Woken by the capture's next publish or its end; the timeout is only a safety net.
                    reader.WaitForRecords(TimeSpan.FromMilliseconds(200));
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
