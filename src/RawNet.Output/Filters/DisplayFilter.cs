using System.Diagnostics.CodeAnalysis;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Output.Filters;

/// <summary>
/// A compiled Wireshark-style display filter (<c>tcp.port == 80 &amp;&amp; !(ip.src == 10.0.0.0/8)</c>) over the same field
/// names as <c>-T fields</c>. A comparison holds when some occurrence of the field, in any layer, satisfies it (<c>!=</c>:
/// the field occurs and no occurrence equals; two fields compare pair by pair); an absent field makes every comparison false. Values compare by the
/// field's kind: numbers as numbers, addresses as bytes. A compiled filter is immutable: matching allocates nothing and
/// may run on several threads at once.
/// </summary>
public sealed class DisplayFilter
{
    private readonly FilterNode[] _nodes;
    private readonly int _root;

    private DisplayFilter(string text, FilterNode[] nodes, int root)
    {
        Text = text;
        _nodes = nodes;
        _root = root;
    }

    /// <summary>
    /// True when the filter tests a field the conversation tracker computes, or a protocol or field of a layer it may
    /// rebuild (HTTP across segments), so packets must be analysed first.
    /// </summary>
    public bool UsesAnalysis => _nodes.Any(n => Tracked(n.Definitions) || Tracked(n.OtherDefinitions) || (n.LayerMask & FilterNode.Bit(LayerKind.Http)) != 0);

    private static bool Tracked(FieldDefinition[]? definitions) => definitions?.Any(d => d.NeedsAnalysis) == true;

    /// <summary>The filter as written.</summary>
    public string Text { get; }

    /// <summary>Parses and compiles <paramref name="text"/>; false with the message and character offset of the first problem.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out DisplayFilter? filter, [NotNullWhen(false)] out FilterError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        filter = FilterParser.TryParse(text, out var nodes, out int root, out error) ? new DisplayFilter(text, nodes, root) : null;
        return filter is not null;
    }

    /// <summary>True when <paramref name="packet"/>, decoded from <paramref name="frame"/>, passes the filter.</summary>
    public bool Matches(DecodedPacket packet, ReadOnlySpan<byte> frame) => Evaluate(_root, packet, frame);

    /// <inheritdoc />
    public override string ToString() => Text;

    private bool Evaluate(int index, DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        ref readonly var node = ref _nodes[index];
        switch (node.Kind)
        {
            case FilterNodeKind.And:
                return Evaluate(node.Left, packet, frame) && Evaluate(node.Right, packet, frame);
            case FilterNodeKind.Or:
                return Evaluate(node.Left, packet, frame) || Evaluate(node.Right, packet, frame);
            case FilterNodeKind.Not:
                return !Evaluate(node.Left, packet, frame);
            case FilterNodeKind.ProtocolPresent:
                return HasProtocol(node.LayerMask, packet, frame);
            default:
                return Test(in node, packet, frame);
        }
    }

    private static bool HasProtocol(ulong kinds, DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        var layers = packet.Layers;
        for (int l = 0; l < layers.Length; l++)
        {
            if ((kinds & FilterNode.Bit(layers[l].Kind)) != 0 && ShowsAnyField(packet, l, frame))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Whether tshark would show the layer's protocol at all: a header cut too short for any of its fields (an Ethernet
    /// header under 14 bytes) is not there for tshark.
    /// </summary>
    private static bool ShowsAnyField(DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> frame)
    {
        var fields = FieldCatalog.ForLayer(packet[layerIndex].Kind);
        if (fields.IsEmpty)
            return true;
        foreach (var field in fields)
        {
            if (FieldReader.TryRead(field, packet, layerIndex, frame, 0, out _))
                return true;
        }
        return false;
    }

    /// <summary>
    /// A presence test or a comparison over every occurrence of the field in every layer (every pair of occurrences when
    /// comparing two fields): <c>!=</c> holds when something occurs and nothing is equal, every other relation when
    /// some occurrence satisfies it.
    /// </summary>
    private static bool Test(in FilterNode node, DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        bool present = false;
        var left = new FieldOccurrences(packet, frame, node.Definitions!, node.LayerMask);
        while (left.MoveNext())
        {
            if (node.Kind == FilterNodeKind.FieldPresent)
                return true;
            if (node.Kind == FilterNodeKind.Compare)
            {
                present = true;
                if (HoldsForLiteral(in node, left.Definition.Kind, left.Value, left.Buffer))
                    return node.Relation != FilterRelation.NotEqual;
                continue;
            }
            var right = new FieldOccurrences(packet, frame, node.OtherDefinitions!, node.OtherLayerMask);
            while (right.MoveNext())
            {
                present = true;
                if (Holds(node.Relation, CompareValues(left.Definition.Kind, left.Value, left.Buffer, right.Value, right.Buffer)))
                    return node.Relation != FilterRelation.NotEqual;
            }
        }
        return present && node.Relation == FilterRelation.NotEqual;
    }

    /// <summary>Whether one comparison's outcome satisfies the relation; for != an equal pair refutes "all differ".</summary>
    private static bool Holds(FilterRelation relation, int order) => relation switch
    {
        FilterRelation.Equal or FilterRelation.NotEqual => order == 0,
        FilterRelation.AnyNotEqual => order != 0,
        FilterRelation.Less => order < 0,
        FilterRelation.LessOrEqual => order <= 0,
        FilterRelation.Greater => order > 0,
        _ => order >= 0,
    };

    /// <summary>Whether one occurrence satisfies a comparison with a literal (or a range, or a bit mask).</summary>
    private static bool HoldsForLiteral(in FilterNode node, FieldKind kind, in FieldValue value, ReadOnlySpan<byte> buffer) => node.Relation switch
    {
        FilterRelation.AnyBitSet => (value.Number & node.BitMask) != 0,
        FilterRelation.Between => CompareWithLiteral(in node, kind, value, buffer, high: false) >= 0
            && CompareWithLiteral(in node, kind, value, buffer, high: true) <= 0,
        _ => Holds(node.Relation, CompareWithLiteral(in node, kind, value, buffer, high: false)),
    };

    /// <summary>Orders one occurrence against the literal (or the upper end of a range): numbers numerically, addresses bytewise (within the prefix for equality).</summary>
    private static int CompareWithLiteral(in FilterNode node, FieldKind kind, in FieldValue value, ReadOnlySpan<byte> buffer, bool high)
    {
        switch (kind)
        {
            case FieldKind.MacAddress:
            case FieldKind.Ipv4Address:
            case FieldKind.Ipv6Address:
            {
                var literal = high ? node.AddressHigh! : node.Address!;
                if (!TryAddress(kind, value, buffer, out var bytes) || literal.Length != bytes.Length)
                    return -1;
                return node.PrefixBits == literal.Length * 8 ? bytes.SequenceCompareTo(literal) : (PrefixEquals(bytes, literal, node.PrefixBits) ? 0 : 1);
            }
            default:
                return CompareNumbers(kind, node.Masked ? value.Number & node.BitMask : value.Number, high ? node.High : node.Number);
        }
    }

    /// <summary>Orders two occurrences of fields of the same kind.</summary>
    private static int CompareValues(FieldKind kind, in FieldValue left, ReadOnlySpan<byte> leftBuffer, in FieldValue right, ReadOnlySpan<byte> rightBuffer)
    {
        if (kind is FieldKind.MacAddress or FieldKind.Ipv4Address or FieldKind.Ipv6Address)
        {
            return TryAddress(kind, left, leftBuffer, out var a) && TryAddress(kind, right, rightBuffer, out var b)
                ? a.SequenceCompareTo(b)
                : -1;
        }
        return CompareNumbers(kind, left.Number, kind == FieldKind.Boolean && right.Number != 0 ? 1UL : right.Number);
    }

    private static int CompareNumbers(FieldKind kind, ulong value, ulong literal) => kind switch
    {
        FieldKind.EpochTime or FieldKind.RelativeTime or FieldKind.SignedDecimal => ((long)value).CompareTo((long)literal),
        FieldKind.Boolean => (value != 0 ? 1UL : 0UL).CompareTo(literal),
        _ => value.CompareTo(literal),
    };

    private static bool TryAddress(FieldKind kind, in FieldValue value, ReadOnlySpan<byte> buffer, out ReadOnlySpan<byte> bytes)
    {
        int size = AddressSize(kind);
        bool ok = value.Offset >= 0 && value.Offset + size <= buffer.Length;
        bytes = ok ? buffer.Slice(value.Offset, size) : default;
        return ok;
    }

    private static int AddressSize(FieldKind kind) => kind switch { FieldKind.MacAddress => 6, FieldKind.Ipv4Address => 4, _ => 16 };

    private static bool PrefixEquals(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> network, int bits)
    {
        int whole = bits / 8;
        if (!bytes[..whole].SequenceEqual(network[..whole]))
            return false;
        int rest = bits % 8;
        if (rest == 0)
            return true;
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }
}
