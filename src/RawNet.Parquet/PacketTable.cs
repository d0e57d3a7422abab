using Parquet;
using Parquet.Schema;
using RawNet.Output;
using RawNet.Output.Fields;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Parquet;

/// <summary>
/// One Parquet file of packets: rows gathered column by column in arrays of <see cref="RowGroupRows"/> and written as a
/// row group each time they fill, so memory stays the same whatever the capture's size. Columns: file,
/// frame.time_epoch_ns, then the chosen fields typed as <see cref="ParquetColumns"/> says. Snappy-compressed.
/// </summary>
public sealed class PacketTable : IDisposable
{
    /// <summary>Rows per row group: about 10 to 30 MB of data in the default columns, a size engines read well, held in memory once.</summary>
    public const int RowGroupRows = 131_072;

    private readonly ParquetColumns _columns;
    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly DataField _file;
    private readonly DataField _epoch;
    private readonly DataField[] _fields;
    private readonly string?[] _fileValues = new string?[RowGroupRows];
    private readonly long[] _epochValues = new long[RowGroupRows];
    private readonly object[] _values;
    private readonly ParquetColumnType[] _types;
    // The same arrays as _values, typed, so the per-row path indexes them without a type test per value.
    private readonly long?[][] _longs;
    private readonly bool?[][] _booleans;
    private readonly double?[][] _doubles;
    private readonly DateTime?[][] _times;
    private readonly string?[][] _texts;
    /// <summary>Per column: an analysis marker, written false (not null) where the packet does not have it.</summary>
    private readonly bool[] _absentIsFalse;
    private readonly TextLine _text = new();
    private int _rows;

    /// <summary>Creates the file's writer on <paramref name="stream"/> (which it closes on dispose).</summary>
    public PacketTable(ParquetColumns columns, Stream stream)
    {
        _columns = columns;
        _stream = stream;
        _file = new DataField<string>(ParquetColumns.FileColumn, true);
        _epoch = new DataField<long>(ParquetColumns.EpochNanosecondsColumn);
        var names = columns.Selection.Names;
        _fields = new DataField[names.Count];
        _values = new object[names.Count];
        _filled = new bool[names.Count];
        _types = [.. columns.Types];
        _longs = new long?[names.Count][];
        _booleans = new bool?[names.Count][];
        _doubles = new double?[names.Count][];
        _times = new DateTime?[names.Count][];
        _texts = new string?[names.Count][];
        _absentIsFalse = new bool[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            (_fields[i], _values[i]) = columns.Types[i] switch
            {
                ParquetColumnType.Int64 => ((DataField)new DataField<long?>(names[i]), (object)new long?[RowGroupRows]),
                ParquetColumnType.Boolean => (new DataField<bool?>(names[i]), new bool?[RowGroupRows]),
                ParquetColumnType.Double => (new DataField<double?>(names[i]), new double?[RowGroupRows]),
                ParquetColumnType.Timestamp => (new DateTimeDataField(names[i], DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Nanos, isNullable: true), new DateTime?[RowGroupRows]),
                _ => (new DataField<string>(names[i], true), new string?[RowGroupRows]),
            };
            switch (_values[i])
            {
                case long?[] v: _longs[i] = v; break;
                case bool?[] v: _booleans[i] = v; break;
                case double?[] v: _doubles[i] = v; break;
                case DateTime?[] v: _times[i] = v; break;
                case string?[] v: _texts[i] = v; break;
            }
            _absentIsFalse[i] = columns.Types[i] == ParquetColumnType.Boolean && columns.Selection.DefinitionsOf(i)[0].Kind == FieldKind.Marker;
        }
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        _writer = ParquetWriter.CreateAsync(new ParquetSchema([_file, _epoch, .. _fields]), stream, options).GetAwaiter().GetResult();
    }

    /// <summary>Rows written so far (whole row groups and the rows waiting for the next).</summary>
    public long Rows { get; private set; }

    /// <summary>Adds one packet's row; writes a row group when the arrays are full.</summary>
    /// <exception cref="IOException">The file could not be written (a full disk).</exception>
    public void Add(string file, DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        int row = _rows;
        _fileValues[row] = file;
        _epochValues[row] = packet.Metadata.TimestampNanoseconds;
        var filled = _filled;
        Array.Clear(filled);
        // Typed columns: one pass over the layers; the first layer that has a column's field gives its value.
        var layers = packet.Layers;
        var plan = _columns.LayerPlan;
        for (int l = 0; l < layers.Length; l++)
        {
            foreach (var (column, definition) in plan[(int)layers[l].Kind])
            {
                if (!filled[column] && FieldReader.TryRead(definition, packet, l, frame, 0, out var value))
                {
                    filled[column] = true;
                    Set(column, row, definition.Kind, value.Number);
                }
            }
        }
        var types = _types;
        for (int i = 0; i < types.Length; i++)
        {
            var type = types[i];
            if (type == ParquetColumnType.Text)
            {
                _text.Clear();
                FieldsPrinter.AppendValue(_columns.Selection, i, _text, packet, frame);
                _texts[i][row] = _text.Length == 0 ? null : Intern(_text.Text);
            }
            else if (!filled[i])
                SetAbsent(i, row, type);
        }
        Rows++;
        if (++_rows == RowGroupRows)
            WriteRowGroup();
    }

    private readonly bool[] _filled = [];

    /// <summary>Writes a typed column's value from the field's number (nanoseconds for times).</summary>
    private void Set(int column, int row, FieldKind kind, ulong number)
    {
        switch (_types[column])
        {
            case ParquetColumnType.Int64:
                _longs[column][row] = unchecked((long)number);
                break;
            case ParquetColumnType.Boolean:
                _booleans[column][row] = kind == FieldKind.Marker || number != 0;
                break;
            case ParquetColumnType.Double:
                _doubles[column][row] = (long)number / 1e9;
                break;
            case ParquetColumnType.Timestamp:
                _times[column][row] = DateTime.UnixEpoch.AddTicks((long)number / 100);
                break;
        }
    }

    /// <summary>A typed column the packet has no value for: null, or false for an analysis marker (absent means not flagged).</summary>
    private void SetAbsent(int column, int row, ParquetColumnType type)
    {
        switch (type)
        {
            case ParquetColumnType.Int64:
                _longs[column][row] = null;
                break;
            case ParquetColumnType.Boolean:
                _booleans[column][row] = _absentIsFalse[column] ? false : null;
                break;
            case ParquetColumnType.Double:
                _doubles[column][row] = null;
                break;
            case ParquetColumnType.Timestamp:
                _times[column][row] = null;
                break;
        }
    }

    /// <summary>The most distinct texts kept for reuse; past it the table starts afresh (memory stays bounded).</summary>
    private const int MaxInterned = 65_536;

    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);

    /// <summary>
    /// The string for <paramref name="text"/>, made once per distinct value: addresses repeat on almost every row, and a
    /// string per row per column was most of what this table allocated.
    /// </summary>
    private string Intern(ReadOnlySpan<char> text)
    {
        var lookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
            return known;
        if (_interned.Count >= MaxInterned)
            _interned.Clear();
        var made = new string(text);
        _interned[made] = made;
        return made;
    }

    private void WriteRowGroup()
    {
        if (_rows == 0)
            return;
        int rows = _rows;
        _rows = 0;
        using var group = _writer.CreateRowGroup();
        group.WriteAsync(_file, (IReadOnlyCollection<string>)new ArraySegment<string?>(_fileValues, 0, rows)!).GetAwaiter().GetResult();
        group.WriteAsync<long>(_epoch, new ReadOnlyMemory<long>(_epochValues, 0, rows)).GetAwaiter().GetResult();
        for (int i = 0; i < _fields.Length; i++)
        {
            var field = _fields[i];
            var task = _values[i] switch
            {
                long?[] v => group.WriteAsync<long>(field, new ReadOnlyMemory<long?>(v, 0, rows)),
                bool?[] v => group.WriteAsync<bool>(field, new ReadOnlyMemory<bool?>(v, 0, rows)),
                double?[] v => group.WriteAsync<double>(field, new ReadOnlyMemory<double?>(v, 0, rows)),
                DateTime?[] v => group.WriteAsync<DateTime>(field, new ReadOnlyMemory<DateTime?>(v, 0, rows)),
                string?[] v => group.WriteAsync(field, (IReadOnlyCollection<string>)new ArraySegment<string?>(v, 0, rows)!),
                _ => throw new InvalidOperationException("a column of no known type"),
            };
            task.GetAwaiter().GetResult();
        }
    }

    /// <summary>Writes the rows still waiting and the file's footer; after this the file is complete.</summary>
    public void Complete()
    {
        WriteRowGroup();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Flush();
    }

    public void Dispose()
    {
        try
        {
            _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
        _stream.Dispose();
    }
}
