using System.Globalization;
using RawNet.Files;
using RawNet.Protocols.Decoding;

namespace RawNet.Parquet;

/// <summary>A Parquet target that cannot be written: one line saying why (it exists, its folder is not writable, the disk is full).</summary>
public sealed class ParquetTargetException(string message) : Exception(message);

/// <summary>
/// What <c>rawnet read -T parquet -w TARGET</c> writes: one file when TARGET ends in .parquet, else a dataset directory
/// partitioned by the packets' UTC date and hour as Hive names it (<c>date=2026-12-03/hour=22/part-00000.parquet</c>),
/// which DuckDB, Spark and Trino read as columns. Everything is written under a staging name beside the target
/// (<c>.NAME.rawnet-partial</c>) and renamed to it only when complete, so an engine never reads a half-written file as
/// whole: after a failure or an interruption nothing is left under the target's name, and the staging name is removed.
/// </summary>
public sealed class ParquetDataset : IDisposable
{
    private readonly ParquetColumns _columns;
    private readonly string _target;
    private readonly string _staging;
    private readonly bool _oneFile;
    private PacketTable? _table;
    private (int Date, int Hour) _partition = (-1, -1);
    private readonly Dictionary<(int, int), int> _parts = [];
    private bool _completed;

    private ParquetDataset(ParquetColumns columns, string target, string staging, bool oneFile)
    {
        _columns = columns;
        _target = target;
        _staging = staging;
        _oneFile = oneFile;
    }

    /// <summary>Rows written.</summary>
    public long Rows { get; private set; }

    /// <summary>Parquet files written.</summary>
    public int Files { get; private set; }

    /// <summary>Whether the target is one file rather than a partitioned directory.</summary>
    public bool IsOneFile => _oneFile;

    /// <summary>Prepares a dataset at <paramref name="target"/>; refuses one that exists (a file, or a directory that is not empty).</summary>
    /// <exception cref="ParquetTargetException">The target exists, or its folder cannot be written.</exception>
    public static ParquetDataset Create(string target, ParquetColumns columns)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        bool oneFile = full.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
        if (File.Exists(full) || Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
            throw new ParquetTargetException($"{target}: exists; rawnet does not write over a Parquet target (remove it, or name another)");
        var parent = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(parent))
            throw new ParquetTargetException($"{target}: no such directory {parent}");
        var staging = Path.Combine(parent, "." + Path.GetFileName(full) + ".rawnet-partial");
        try
        {
            if (File.Exists(staging))
                File.Delete(staging);
            else if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
            if (!oneFile)
                Directory.CreateDirectory(staging);
            else
                File.WriteAllBytes(staging, []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ParquetTargetException($"{target}: cannot write in {parent}: {Reason(e)}");
        }
        if (Directory.Exists(full))
            Directory.Delete(full);   // empty: the rename at the end takes its place
        return new ParquetDataset(columns, full, staging, oneFile);
    }

    /// <summary>Adds a packet of capture <paramref name="file"/>.</summary>
    /// <exception cref="ParquetTargetException">A write failed (a full disk); the staging files are removed on dispose.</exception>
    public void Add(string file, DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        try
        {
            TableFor(packet.WiretapFrame.TimestampNanoseconds).Add(file, packet, frame);
            Rows++;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ParquetTargetException($"{_target}: {Reason(e)} after {Rows:N0} rows; nothing is left under that name");
        }
    }

    /// <summary>The open file for a packet at <paramref name="nanoseconds"/>: in a directory, its hour's partition (a new part when the hour changes).</summary>
    private PacketTable TableFor(long nanoseconds)
    {
        if (_oneFile)
            return _table ??= Open(_staging);
        var time = DateTime.UnixEpoch.AddTicks(nanoseconds / 100);
        var partition = (time.Year * 10000 + time.Month * 100 + time.Day, time.Hour);
        if (_table is not null && partition == _partition)
            return _table;
        Close();
        _partition = partition;
        int part = _parts.TryGetValue(partition, out var used) ? used : 0;
        _parts[partition] = part + 1;
        var directory = Path.Combine(_staging, string.Create(CultureInfo.InvariantCulture, $"date={time:yyyy-MM-dd}"), string.Create(CultureInfo.InvariantCulture, $"hour={time:HH}"));
        Directory.CreateDirectory(directory);
        return _table = Open(Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"part-{part:D5}.parquet")));
    }

    private PacketTable Open(string path)
    {
        Files++;
        return new PacketTable(_columns, new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20));
    }

    private void Close()
    {
        if (_table is null)
            return;
        var table = _table;
        _table = null;
        try
        {
            table.Complete();
        }
        finally
        {
            table.Dispose();
        }
    }

    /// <summary>Finishes every file and gives the dataset its name.</summary>
    /// <exception cref="ParquetTargetException">A write or the rename failed.</exception>
    public void Complete()
    {
        try
        {
            if (_oneFile && _table is null)
                _table = Open(_staging);   // no packets: still a valid file with the schema
            Close();
            if (_oneFile)
                File.Move(_staging, _target);
            else
                Directory.Move(_staging, _target);
            _completed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ParquetTargetException($"{_target}: {Reason(e)}; nothing is left under that name");
        }
    }

    /// <summary>Without <see cref="Complete"/>: removes everything written under the staging name.</summary>
    public void Dispose()
    {
        if (_completed)
            return;
        try
        {
            _table?.Dispose();
            _table = null;
            if (File.Exists(_staging))
                File.Delete(_staging);
            else if (Directory.Exists(_staging))
                Directory.Delete(_staging, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string Reason(Exception e) => e is IOException io ? WriteFailure.Reason(io) : e.Message;
}
