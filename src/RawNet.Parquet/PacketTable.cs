using Parquet;
using Parquet.Schema;
using RawNet.Output;
using RawNet.Output.Fields;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Parquet;

/// <summary>
/// One Parquet file of packets, written a row group at a time so memory stays the same whatever the capture's size.
/// Columns: file, frame.time_epoch_ns, then the chosen fields typed as <see cref="ParquetColumns"/> says.
/// Snappy-compressed.
/// A packet's typed values are found in one pass over its layers and staged row by row in a small buffer that stays in
/// the processor's cache; every <see cref="BatchRows"/> rows they are spread into the row group's columns, one column at
/// a time (values of the rows that have one, and a definition level per row, as Parquet stores them), which the writer
/// takes as they are. Writing each row straight into some fifty column arrays of a row group's length touched as many
/// distant cache lines per row and was most of a row's cost.
/// Text columns (the addresses, the file) go the same way: the memory of each present value's text (one string per
/// distinct address, <see cref="AddressTexts"/>) and a definition level per row, so the writer does not turn a string per
/// row into memory and levels itself.
/// </summary>
public sealed class PacketTable : IDisposable
{
    /// <summary>Rows per row group: about 10 to 30 MB of data in the default columns, a size engines read well, held in memory once.</summary>
    public const int RowGroupRows = 131_072;

    /// <summary>Rows staged before they are spread into the columns (a divisor of <see cref="RowGroupRows"/>).</summary>
    private const int BatchRows = 1024;

    private readonly ParquetColumns _columns;
    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly DataField _file;
    private readonly DataField _epoch;
    private readonly DataField[] _fields;
    // The file column: one name per row, written as its text's memory (all rows have one).
    private readonly ReadOnlyMemory<char>[] _fileValues = new ReadOnlyMemory<char>[RowGroupRows];
    private readonly int[] _fileDefinitions = new int[RowGroupRows];
    private readonly long[] _epochValues = new long[RowGroupRows];
    private readonly ParquetColumnType[] _types;
    private readonly bool[] _isAddressText;
    /// <summary>Per column: an analysis marker, written false (not null) where the packet does not have it.</summary>
    private readonly bool[] _absentIsFalse;

    // A typed column's row group: the values of the rows that have one, in order, and a definition level per row (1 where
    // the row has a value). One of the four value arrays is set per typed column.
    private readonly long[]?[] _longs;
    private readonly bool[]?[] _booleans;
    private readonly double[]?[] _doubles;
    private readonly DateTime[]?[] _times;
    private readonly int[]?[] _definitions;
    private readonly int[] _valueCounts;
    private readonly ReadOnlyMemory<char>[]?[] _texts;

    // The staged rows: a value slot per column and a bit per column saying the row has a value there.
    private readonly ulong[] _staged;
    private readonly ulong[] _present;
    private readonly int _maskWords;
    private int _batchRows;
    private int _groupRows;

    // One row's pass over the layers: how many values each column met, and an address column's first two (at
    // 2 * column and 2 * column + 1).
    private readonly byte[] _hits;
    private readonly int[] _hitLayer;
    private readonly FieldValue[] _hitValue;
    private readonly FieldDefinition?[] _hitDefinition;

    private readonly AddressTexts _addresses = new();
    private string? _fileName;
    private ReadOnlyMemory<char> _fileText;
    private readonly TextLine _text = new();
    /// <summary>The text columns, in order: the only columns a row's text pass looks at.</summary>
    private readonly int[] _textColumns;

    /// <summary>Creates the file's writer on <paramref name="stream"/> (which it closes on dispose).</summary>
    public PacketTable(ParquetColumns columns, Stream stream)
    {
        _columns = columns;
        _stream = stream;
        _file = new DataField<string>(ParquetColumns.FileColumn, true);
        _epoch = new DataField<long>(ParquetColumns.EpochNanosecondsColumn);
        var names = columns.Selection.Names;
        int count = names.Count;
        _fields = new DataField[count];
        _types = [.. columns.Types];
        _isAddressText = columns.IsAddressText;
        _longs = new long[]?[count];
        _booleans = new bool[]?[count];
        _doubles = new double[]?[count];
        _times = new DateTime[]?[count];
        _definitions = new int[]?[count];
        _valueCounts = new int[count];
        _texts = new ReadOnlyMemory<char>[]?[count];
        _absentIsFalse = new bool[count];
        for (int i = 0; i < count; i++)
        {
            _fields[i] = _types[i] switch
            {
                ParquetColumnType.Int64 => new DataField<long?>(names[i]),
                ParquetColumnType.Boolean => new DataField<bool?>(names[i]),
                ParquetColumnType.Double => new DataField<double?>(names[i]),
                ParquetColumnType.Timestamp => new DateTimeDataField(names[i], DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Nanos, isNullable: true),
                _ => new DataField<string>(names[i], true),
            };
            switch (_types[i])
            {
                case ParquetColumnType.Int64: _longs[i] = new long[RowGroupRows]; break;
                case ParquetColumnType.Boolean: _booleans[i] = new bool[RowGroupRows]; break;
                case ParquetColumnType.Double: _doubles[i] = new double[RowGroupRows]; break;
                case ParquetColumnType.Timestamp: _times[i] = new DateTime[RowGroupRows]; break;
                default: _texts[i] = new ReadOnlyMemory<char>[RowGroupRows]; break;
            }
            _definitions[i] = new int[RowGroupRows];
            _absentIsFalse[i] = _types[i] == ParquetColumnType.Boolean && columns.Selection.DefinitionsOf(i)[0].Kind == FieldKind.Marker;
        }
        Array.Fill(_fileDefinitions, 1);
        _maskWords = (count + 63) / 64;
        _staged = new ulong[BatchRows * Math.Max(count, 1)];
        _present = new ulong[BatchRows * Math.Max(_maskWords, 1)];
        _hits = new byte[count];
        _hitLayer = new int[2 * count];
        _hitValue = new FieldValue[2 * count];
        _hitDefinition = new FieldDefinition?[2 * count];
        _textColumns = [.. Enumerable.Range(0, count).Where(i => _types[i] == ParquetColumnType.Text)];
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        _writer = ParquetWriter.CreateAsync(new ParquetSchema([_file, _epoch, .. _fields]), stream, options).GetAwaiter().GetResult();
    }

    /// <summary>Rows written so far (whole row groups and the rows waiting for the next).</summary>
    public long Rows { get; private set; }

    /// <summary>Adds one packet's row; writes a row group when the arrays are full.</summary>
    /// <exception cref="IOException">The file could not be written (a full disk).</exception>
    public void Add(string file, DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        int staged = _batchRows;
        int row = _groupRows + staged;
        if (!ReferenceEquals(file, _fileName))
        {
            _fileName = file;
            _fileText = file.AsMemory();
        }
        _fileValues[row] = _fileText;
        _epochValues[row] = packet.WiretapFrame.TimestampNanoseconds;
        int count = _types.Length;
        var values = _staged.AsSpan(staged * count, count);
        var present = _present.AsSpan(staged * _maskWords, _maskWords);
        present.Clear();
        var hits = _hits;
        Array.Clear(hits);
        // One pass over the layers: a typed column takes the first layer's value; an address column notes its first two
        // (more are written as -T fields writes them, comma-separated). A layer's header is sliced once for its fixed fields.
        var layers = packet.Layers;
        var plan = _columns.LayerPlan;
        for (int l = 0; l < layers.Length; l++)
        {
            var entries = plan[(int)layers[l].Kind];
            if (entries.Length == 0)
                continue;
            var header = packet.HeaderOf(layers[l], frame);
            foreach (var (column, definition) in entries)
            {
                int hit = hits[column];
                bool address = _isAddressText[column];
                if (hit != 0 && (hit > 2 || !address))
                    continue;
                FieldValue value;
                if (!(definition.IsFixed
                    ? FieldReader.TryReadFixed(definition, packet, l, header, out value)
                    : FieldReader.TryRead(definition, packet, l, frame, 0, out value)))
                {
                    continue;
                }
                hits[column] = (byte)(hit + 1);
                if (address)
                {
                    // A value the cache does not read (eth.src of a DOCSIS frame): this row's text goes the -T fields way.
                    if (!AddressTexts.Reads(definition))
                        hits[column] = 3;
                    else if (hit < 2)
                    {
                        int slot = 2 * column + hit;
                        _hitLayer[slot] = l;
                        _hitValue[slot] = value;
                        _hitDefinition[slot] = definition;
                    }
                }
                else
                {
                    values[column] = Stored(_types[column], definition.Kind, value.Number);
                    present[column >> 6] |= 1UL << column;
                }
            }
        }
        foreach (int i in _textColumns)
        {
            string? text;
            int hit = hits[i];
            if (_isAddressText[i] && hit <= 2)
            {
                text = hit switch
                {
                    0 => null,
                    1 => AddressText(2 * i, packet, frame),
                    _ => _addresses.Join(AddressText(2 * i, packet, frame), AddressText(2 * i + 1, packet, frame)),
                };
            }
            else
            {
                _text.Clear();
                FieldsPrinter.AppendValue(_columns.Selection, i, _text, packet, frame);
                text = _text.Length == 0 ? null : Intern(_text.Text);
            }
            if (text is null)
            {
                _definitions[i]![row] = 0;
                continue;
            }
            _definitions[i]![row] = 1;
            _texts[i]![_valueCounts[i]++] = text.AsMemory();
        }
        Rows++;
        if (++_batchRows == BatchRows)
        {
            SpreadBatch();
            if (_groupRows == RowGroupRows)
                WriteRowGroup();
        }
    }

    /// <summary>The text of the address noted in hit slot <paramref name="slot"/>.</summary>
    private string AddressText(int slot, DecodedPacket packet, ReadOnlySpan<byte> frame) =>
        _addresses.Get(_hitDefinition[slot]!, _hitValue[slot], packet.BufferOf(packet.Layers[_hitLayer[slot]], frame));

    /// <summary>A typed value as staged: the number (nanoseconds for times), 1 or 0 for a flag or marker.</summary>
    private static ulong Stored(ParquetColumnType type, FieldKind kind, ulong number) =>
        type == ParquetColumnType.Boolean ? (kind == FieldKind.Marker || number != 0 ? 1UL : 0UL) : number;

    /// <summary>Moves the staged rows into the row group's columns, a column at a time.</summary>
    private void SpreadBatch()
    {
        int rows = _batchRows;
        if (rows == 0)
            return;
        int count = _types.Length;
        int first = _groupRows;
        for (int c = 0; c < count; c++)
        {
            var type = _types[c];
            if (type == ParquetColumnType.Text)
                continue;
            var definitions = _definitions[c]!.AsSpan(first, rows);
            int n = _valueCounts[c];
            int word = c >> 6;
            ulong bit = 1UL << c;
            // One loop per type, so a row's work is a test, a store of its level and perhaps one of its value.
            switch (type)
            {
                case ParquetColumnType.Int64:
                    n = Spread<long, AsInteger>(_longs[c]!, n, definitions, c, word, bit);
                    break;
                case ParquetColumnType.Double:
                    n = Spread<double, AsSeconds>(_doubles[c]!, n, definitions, c, word, bit);
                    break;
                case ParquetColumnType.Timestamp:
                    n = Spread<DateTime, AsTime>(_times[c]!, n, definitions, c, word, bit);
                    break;
                case ParquetColumnType.Boolean:
                {
                    var booleans = _booleans[c]!;
                    bool absentIsFalse = _absentIsFalse[c];
                    for (int r = 0; r < rows; r++)
                    {
                        bool has = (_present[r * _maskWords + word] & bit) != 0;
                        if (!has && !absentIsFalse)
                        {
                            definitions[r] = 0;
                            continue;
                        }
                        definitions[r] = 1;
                        booleans[n++] = has && _staged[r * count + c] != 0;
                    }
                    break;
                }
            }
            _valueCounts[c] = n;
        }
        _groupRows += rows;
        _batchRows = 0;
    }

    /// <summary>
    /// One column of the staged rows into <paramref name="values"/> from index <paramref name="n"/>: a level per row, a value
    /// where the row has one, converted by <typeparamref name="TConvert"/> (a struct, so each type gets its own loop).
    /// </summary>
    private int Spread<T, TConvert>(T[] values, int n, Span<int> definitions, int column, int word, ulong bit)
        where TConvert : struct, IStagedConversion<T>
    {
        int count = _types.Length;
        for (int r = 0; r < definitions.Length; r++)
        {
            bool has = (_present[r * _maskWords + word] & bit) != 0;
            definitions[r] = has ? 1 : 0;
            if (has)
                values[n++] = TConvert.From(_staged[r * count + column]);
        }
        return n;
    }

    /// <summary>A staged value (a number, nanoseconds for times) as a column type stores it.</summary>
    private interface IStagedConversion<T>
    {
        static abstract T From(ulong stored);
    }

    private struct AsInteger : IStagedConversion<long>
    {
        public static long From(ulong stored) => unchecked((long)stored);
    }

    private struct AsSeconds : IStagedConversion<double>
    {
        public static double From(ulong stored) => unchecked((long)stored) / 1e9;
    }

    private struct AsTime : IStagedConversion<DateTime>
    {
        public static DateTime From(ulong stored) => DateTime.UnixEpoch.AddTicks(unchecked((long)stored) / 100);
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
        SpreadBatch();
        if (_groupRows == 0)
            return;
        int rows = _groupRows;
        _groupRows = 0;
        using var group = _writer.CreateRowGroup();
        group.WriteAllPartsAsync(_file, new ReadOnlyMemory<ReadOnlyMemory<char>>(_fileValues, 0, rows), new ReadOnlyMemory<int>(_fileDefinitions, 0, rows), null, CancellationToken.None).GetAwaiter().GetResult();
        group.WriteAsync<long>(_epoch, new ReadOnlyMemory<long>(_epochValues, 0, rows)).GetAwaiter().GetResult();
        for (int i = 0; i < _fields.Length; i++)
        {
            var field = _fields[i];
            int n = _valueCounts[i];
            _valueCounts[i] = 0;
            ReadOnlyMemory<int>? levels = new ReadOnlyMemory<int>(_definitions[i], 0, rows);
            var task = _types[i] switch
            {
                ParquetColumnType.Int64 => group.WriteAllPartsAsync(field, new ReadOnlyMemory<long>(_longs[i], 0, n), levels, null, CancellationToken.None),
                ParquetColumnType.Boolean => group.WriteAllPartsAsync(field, new ReadOnlyMemory<bool>(_booleans[i], 0, n), levels, null, CancellationToken.None),
                ParquetColumnType.Double => group.WriteAllPartsAsync(field, new ReadOnlyMemory<double>(_doubles[i], 0, n), levels, null, CancellationToken.None),
                ParquetColumnType.Timestamp => group.WriteAllPartsAsync(field, new ReadOnlyMemory<DateTime>(_times[i], 0, n), levels, null, CancellationToken.None),
                _ => group.WriteAllPartsAsync(field, new ReadOnlyMemory<ReadOnlyMemory<char>>(_texts[i], 0, n), levels, null, CancellationToken.None),
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
