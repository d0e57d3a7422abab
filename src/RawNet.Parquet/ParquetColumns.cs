using RawNet.Output.Fields;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Parquet;

/// <summary>The Parquet type a column is written as, from the Wireshark field's type.</summary>
public enum ParquetColumnType : byte
{
    /// <summary>Integers (FT_UINT*, FT_INT*): INT64.</summary>
    Int64,
    /// <summary>Flags and markers (tcp.flags.syn, tcp.analysis.retransmission): BOOLEAN, false where absent for markers.</summary>
    Boolean,
    /// <summary>Time spans in seconds (tcp.analysis.ack_rtt, frame.time_relative): DOUBLE.</summary>
    Double,
    /// <summary>frame.time_epoch: TIMESTAMP (nanosecond unit, UTC; .NET gives it 100 ns precision; frame.time_epoch_ns is exact).</summary>
    Timestamp,
    /// <summary>Addresses and text columns: STRING (UTF-8).</summary>
    Text,
}

/// <summary>
/// The columns of a Parquet export: Wireshark field names (<c>-e</c>, or <see cref="DefaultNames"/>), each resolved against
/// the field catalog once, with the type its values are written as; a field that occurs more than once in a packet (in a
/// tunnel, say) gives its first occurrence to a typed column and all of them, comma-separated as <c>-T fields</c>
/// writes them, to a text column. Two columns of RawNet's own lead: <c>file</c> (the capture a row comes from) and
/// <c>frame.time_epoch_ns</c> (the timestamp as exact nanoseconds since the epoch).
/// </summary>
public sealed class ParquetColumns
{
    /// <summary>The columns written when none are named: the frame, the addresses and ports, the TCP flags and the TCP analysis.</summary>
    public static IReadOnlyList<string> DefaultNames { get; } =
    [
        "frame.number", "frame.time_epoch", "frame.len", "frame.cap_len",
        "eth.src", "eth.dst", "eth.type", "vlan.id",
        "ip.src", "ip.dst", "ip.proto", "ip.ttl", "ip.len", "ipv6.src", "ipv6.dst", "ipv6.nxt", "ipv6.hlim",
        "tcp.srcport", "tcp.dstport", "tcp.stream", "tcp.len", "tcp.seq", "tcp.ack", "tcp.window_size",
        "tcp.flags.syn", "tcp.flags.ack", "tcp.flags.fin", "tcp.flags.reset", "tcp.flags.push",
        "tcp.analysis.retransmission", "tcp.analysis.fast_retransmission", "tcp.analysis.spurious_retransmission",
        "tcp.analysis.out_of_order", "tcp.analysis.lost_segment", "tcp.analysis.duplicate_ack", "tcp.analysis.zero_window",
        "tcp.analysis.window_full", "tcp.analysis.keep_alive", "tcp.analysis.ack_rtt", "tcp.analysis.bytes_in_flight",
        "udp.srcport", "udp.dstport", "udp.stream", "udp.length", "icmp.type", "icmp.code", "icmpv6.type", "icmpv6.code",
    ];

    /// <summary>The name of the column that names the capture file of each row.</summary>
    public const string FileColumn = "file";

    /// <summary>The name of the column with the exact timestamp in nanoseconds since the epoch.</summary>
    public const string EpochNanosecondsColumn = "frame.time_epoch_ns";

    private ParquetColumns(FieldSelection selection, ParquetColumnType[] types)
    {
        Selection = selection;
        Types = types;
        // For each layer kind, the typed and address columns a field of that layer fills: one pass over a packet's layers
        // finds every such value, rather than a walk over the layers for each column.
        var plan = new List<(int, FieldDefinition)>[Enum.GetValues<LayerKind>().Max(k => (int)k) + 1];
        IsAddressText = new bool[types.Length];
        for (int column = 0; column < types.Length; column++)
        {
            var definitions = selection.DefinitionsOf(column);
            // eth.src is also a DOCSIS field the decoder derives: such a row's text goes the -T fields way, the others' by bytes.
            IsAddressText[column] = types[column] == ParquetColumnType.Text && definitions.Any(AddressTexts.Reads);
            if (types[column] == ParquetColumnType.Text && !IsAddressText[column])
                continue;
            foreach (var definition in definitions)
                (plan[(int)definition.Layer] ??= []).Add((column, definition));
        }
        LayerPlan = [.. plan.Select(p => p?.ToArray() ?? [])];
    }

    /// <summary>For each layer kind (by its number), the typed and address columns its fields fill, each with the field's definition there.</summary>
    internal (int Column, FieldDefinition Definition)[][] LayerPlan { get; }

    /// <summary>Per column: a text column of addresses (eth.src, ip.dst), whose text <see cref="AddressTexts"/> finds by the address's bytes where the packet's value is one it reads.</summary>
    internal bool[] IsAddressText { get; }

    /// <summary>The fields, in order (after <see cref="FileColumn"/> and <see cref="EpochNanosecondsColumn"/>).</summary>
    public FieldSelection Selection { get; }

    /// <summary>Each field's Parquet type.</summary>
    public IReadOnlyList<ParquetColumnType> Types { get; }

    /// <summary>Whether a column needs the conversation tracker (tcp.stream, tcp.analysis.*).</summary>
    public bool UsesAnalysis => Selection.UsesAnalysis;

    /// <summary>Resolves <paramref name="names"/>; false with the first name that is neither a field nor a text column.</summary>
    public static bool TryCreate(IReadOnlyList<string> names, out ParquetColumns columns, out string? unknown)
    {
        columns = null!;
        if (!FieldSelection.TryCreate(names, out var selection, out unknown))
            return false;
        var types = new ParquetColumnType[names.Count];
        for (int i = 0; i < names.Count; i++)
            types[i] = TypeOf(selection.DefinitionsOf(i));
        columns = new ParquetColumns(selection, types);
        return true;
    }

    /// <summary>The type for a field's definitions (one per layer that has it): text when they disagree, or for a text column.</summary>
    private static ParquetColumnType TypeOf(IReadOnlyList<FieldDefinition> definitions)
    {
        if (definitions.Count == 0)
            return ParquetColumnType.Text;
        var kinds = definitions.Select(d => d.Kind).Distinct().ToArray();
        if (kinds.Length != 1)
            return ParquetColumnType.Text;
        return kinds[0] switch
        {
            FieldKind.Decimal or FieldKind.Hex or FieldKind.SignedDecimal => ParquetColumnType.Int64,
            FieldKind.Boolean or FieldKind.Marker => ParquetColumnType.Boolean,
            FieldKind.RelativeTime or FieldKind.Seconds => ParquetColumnType.Double,
            FieldKind.EpochTime => ParquetColumnType.Timestamp,
            _ => ParquetColumnType.Text,
        };
    }
}
