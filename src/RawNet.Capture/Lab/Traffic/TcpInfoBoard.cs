using RawNet.Protocols.Tcp.Kernel;

namespace RawNet.Capture.Lab.Traffic;

/// <summary>
/// The latest TCP_INFO sample of a running lab transfer, published in a small file of the lab's run directory so that
/// another process (the UI, showing it as <c>ss -ti</c> would) can read it several times a second: one record of the
/// custom-block format (<see cref="TcpInfoSeries"/> with one sample), rewritten in place by one write. The file is
/// opened before rawnet gives root up, and emptied when the transfer ends.
/// </summary>
public sealed class TcpInfoBoard : IDisposable
{
    /// <summary>How often the sampler publishes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>A board older than this belongs to a transfer that is over (or a writer that died).</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(2);

    private readonly FileStream _stream;

    private TcpInfoBoard(FileStream stream) => _stream = stream;

    private Microsoft.Win32.SafeHandles.SafeFileHandle File => _stream.SafeFileHandle;

    /// <summary>The board's file name in a lab's run directory.</summary>
    public const string FileName = "tcp-info-live";

    /// <summary>Where the lab's board lives.</summary>
    public static string PathFor(TestNetwork lab) => Path.Combine(lab.RunDirectory, FileName);

    /// <summary>The freshest board among the labs under <paramref name="runRoot"/> (/run/rawnet), or null.</summary>
    public static (TcpInfoSeries Series, TcpInfoSample Sample)? TryReadAny(string runRoot)
    {
        try
        {
            if (!Directory.Exists(runRoot))
                return null;
            return Directory.EnumerateDirectories(runRoot)
                .Select(d => Path.Combine(d, FileName))
                .Where(System.IO.File.Exists)
                .OrderByDescending(System.IO.File.GetLastWriteTimeUtc)
                .Select(TryRead)
                .FirstOrDefault(b => b is not null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Creates (or empties) the board at <paramref name="path"/>, readable by everyone; null when it cannot be (no run directory).</summary>
    public static TcpInfoBoard? TryCreate(string path)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        try
        {
            return new TcpInfoBoard(new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                Share = FileShare.ReadWrite,
                BufferSize = 0,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            }));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="latest"/> (its one sample) over what was there.</summary>
    public void Publish(TcpInfoSeries latest)
    {
        try
        {
            var record = latest.Encode().First();
            RandomAccess.Write(File, record, 0);
            RandomAccess.SetLength(File, record.Length);
        }
        catch (IOException)
        {
            // A board that cannot be written shows nothing; the transfer goes on.
        }
    }

    /// <summary>The sample on the board at <paramref name="path"/> and its connection, when the board is fresh; null otherwise.</summary>
    public static (TcpInfoSeries Series, TcpInfoSample Sample)? TryRead(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length == 0 || DateTime.UtcNow - info.LastWriteTimeUtc > Fresh)
                return null;
            var bytes = System.IO.File.ReadAllBytes(path);
            return TcpInfoSeries.TryDecode(bytes, out var series, out _) && series.Samples.Count == 1 ? (series, series.Samples[0]) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Empties the board: the transfer is over.</summary>
    public void Dispose()
    {
        try
        {
            RandomAccess.SetLength(File, 0);
        }
        catch (IOException)
        {
        }
        _stream.Dispose();
    }
}
