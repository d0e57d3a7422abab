using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Output.Filters;

/// <summary>
/// A compiled Wireshark-style display filter (<c>tcp.port == 80 &amp;&amp; !(ip.src == 10.0.0.0/8)</c>) over the same field
/// names as <c>-T fields</c>. A comparison holds when some occurrence of the field, in any layer, satisfies it (<c>!=</c>:
/// the field occurs and no occurrence equals; two fields compare pair by pair); an absent field makes every comparison false. Values compare by the
/// field's kind: numbers as numbers, addresses as bytes, strings as their text's bytes (ordered as text), byte fields,
/// protocols and slices (<c>frame[12:2]</c>) as bytes (ordered by length first, as Wireshark orders them); <c>contains</c>
/// searches bytes and <c>matches</c> runs a regular expression over them. A compiled filter is immutable but for
/// <see cref="GaveUp"/>: matching allocates nothing and may run on several threads at once.
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
    /// rebuild or take back (HTTP, DNS and TLS across segments, data after a retransmission), so packets must be analysed first.
    /// </summary>
    public bool UsesAnalysis => _nodes.Any(n => Tracked(n.Definitions) || Tracked(n.OtherDefinitions)
        || (n.LayerMask & (FilterNode.Bit(LayerKind.Http) | FilterNode.Bit(LayerKind.Dns) | FilterNode.Bit(LayerKind.Tls) | FilterNode.Bit(LayerKind.Payload))) != 0);

    private static bool Tracked(FieldDefinition[]? definitions) => definitions?.Any(d => d.NeedsAnalysis) == true;

    /// <summary>
    /// True when the filter tests an expert item's field (_ws.expert, _ws.malformed), which the tracker finds only when
    /// asked (<see cref="Fields.ExpertAnalysis"/>) and with checksums verified (ICMP's bad checksums are items).
    /// </summary>
    public bool UsesExpert => _nodes.Any(n => n.Definitions?.Any(RawNet.Protocols.Conversations.AnalysisFieldReader.NeedsExpert) == true
        || n.OtherDefinitions?.Any(RawNet.Protocols.Conversations.AnalysisFieldReader.NeedsExpert) == true);

    /// <summary>True when the filter tests a checksum's verdict (*.checksum.status), which needs checksums verified.</summary>
    public bool UsesChecksums => _nodes.Any(n => n.Definitions?.Any(FieldCatalog.IsChecksumVerdict) == true
        || n.OtherDefinitions?.Any(FieldCatalog.IsChecksumVerdict) == true);

    /// <summary>The filter as written.</summary>
    public string Text { get; }

    private volatile string? _gaveUp;

    /// <summary>
    /// Null while every packet has been matched exactly; else why not: a regular expression ran out of time
    /// (<see cref="FilterRegex.MatchTimeout"/>) on a packet, where it then counted as not matching, and it is no longer
    /// run, so it matches nothing from then on. A hostile capture or expression costs one timeout, not one per packet.
    /// </summary>
    public string? GaveUp => _gaveUp;

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
                return HasProtocol(node.LayerMask, node.ProtocolName!, packet, frame);
            case FilterNodeKind.CompareBytes or FilterNodeKind.SlicePresent:
            case FilterNodeKind.CompareFields when node.ByBytes:
                return TestBytes(in node, packet, frame);
            default:
                return Test(in node, packet, frame);
        }
    }

    private static bool HasProtocol(UInt128 kinds, string name, DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        var layers = packet.Layers;
        for (int l = 0; l < layers.Length; l++)
        {
            if (IsProtocol(kinds, name, packet, l, frame) || HandedOnByIpv4(kinds, packet, l))
                return true;
        }
        return false;
    }

    /// <summary>
    /// "ip" in a version 6 header behind EtherType 0x0800: tshark's IPv4 dissector added its protocol item (with the version
    /// alone) before it handed the header to IPv6.
    /// </summary>
    private static bool HandedOnByIpv4(UInt128 kinds, DecodedPacket packet, int index) =>
        (kinds & FilterNode.Bit(LayerKind.Ipv4)) != 0 && packet[index].Kind == LayerKind.Ipv6 && packet[index].HeaderLength > 0
        && (packet[index].Detail & Protocols.Ipv6.Ipv6LayerDetail.HandedOnByIpv4) != 0;

    /// <summary>Whether the layer at <paramref name="index"/> is there for a test of the protocol <paramref name="name"/>.</summary>
    internal static bool IsProtocol(UInt128 kinds, string name, DecodedPacket packet, int index, ReadOnlySpan<byte> frame) =>
        (kinds & FilterNode.Bit(packet[index].Kind)) != 0
        && (packet[index].Kind is not (LayerKind.Dns or LayerKind.Http) || FieldCatalog.ProtocolNameOf(packet, index, frame) == name)
        // "ppp" in a PPPoE session is its protocol field, there only when the decoder found it whole.
        && (packet[index].Kind != LayerKind.PppoeSession || name != FieldCatalog.PppName || packet[index].Status == LayerStatus.Complete)
        // tshark's Juniper dissectors add a text subtree, never their protocol item: "juniper" matches no packet.
        && packet[index].Kind != LayerKind.Juniper
        && ShowsAnyField(packet, index, frame);

    /// <summary>
    /// Whether tshark would show the layer's protocol at all: a header cut too short for any of its fields (an Ethernet
    /// header under 14 bytes) is not there for tshark.
    /// </summary>
    private static bool ShowsAnyField(DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> frame)
    {
        var fields = FieldCatalog.ForLayer(packet[layerIndex].Kind);
        if (fields.IsEmpty || FieldCatalog.ShownWithoutFields(packet[layerIndex]))
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

    /// <summary>
    /// <see cref="Test"/> for operands read as bytes: a string field's text, a byte field, an address, a protocol, any of
    /// them sliced.
    /// </summary>
    [SkipLocalsInit] // the text buffers are written before they are read: no need to clear 5 KiB a packet
    private bool TestBytes(in FilterNode node, DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        bool search = node.Relation is FilterRelation.Contains or FilterRelation.Matches;
        bool text = IsText(node.Protocol ? null : node.Definitions);
        Span<char> leftChars = text ? stackalloc char[FieldFormatter.MaxLength] : default;
        Span<byte> leftText = text ? stackalloc byte[FieldFormatter.MaxLength * 3] : default;
        using var left = new ByteOccurrences(packet, frame, node.Protocol ? node.ProtocolName : null, node.Definitions, node.LayerMask,
            toLayerEnd: search && node.Slices is null, node.Slices, leftChars, leftText);
        bool pairs = node.Kind == FilterNodeKind.CompareFields;
        bool otherText = pairs && IsText(node.OtherProtocol ? null : node.OtherDefinitions);
        Span<char> rightChars = otherText ? stackalloc char[FieldFormatter.MaxLength] : default;
        Span<byte> rightText = otherText ? stackalloc byte[FieldFormatter.MaxLength * 3] : default;
        Span<byte> masked = node.ByteMask is { } mask ? stackalloc byte[mask.Length] : default;
        bool present = false;
        while (left.MoveNext())
        {
            // A slice outside the value is empty: there for comparisons, not for a test of presence.
            if (node.Kind == FilterNodeKind.SlicePresent)
            {
                if (!left.Current.IsEmpty)
                    return true;
                continue;
            }
            present = true;
            var bytes = left.Current;
            if (node.ByteMask is { } byteMask)
            {
                int n = Math.Min(bytes.Length, byteMask.Length);
                for (int i = 0; i < n; i++)
                    masked[i] = (byte)(bytes[i] & byteMask[i]);
                bytes = masked[..n];
            }
            if (!pairs)
            {
                if (HoldsForBytes(in node, bytes))
                    return node.Relation != FilterRelation.NotEqual;
                continue;
            }
            using var right = new ByteOccurrences(packet, frame, node.OtherProtocol ? node.OtherProtocolName : null, node.OtherDefinitions, node.OtherLayerMask,
                toLayerEnd: false, node.OtherSlices, rightChars, rightText);
            while (right.MoveNext())
            {
                bool holds = node.Relation == FilterRelation.Contains
                    ? Contains(bytes, right.Current, node.TextOrder)
                    : Holds(node.Relation, Order(bytes, right.Current, node.TextOrder));
                if (holds)
                    return node.Relation != FilterRelation.NotEqual;
            }
        }
        return present && node.Relation == FilterRelation.NotEqual;
    }

    /// <summary>Whether a field's values are text, which is formatted before its bytes are read, or MAC addresses not read in place (written there too).</summary>
    private static bool IsText(FieldDefinition[]? definitions)
    {
        foreach (var definition in definitions ?? [])
        {
            // A derived MAC address may be shown rewritten (FDDI's bit-reversed, Token Ring's without the routing bit),
            // written into the same buffer.
            if (definition.Kind is FieldKind.Text or FieldKind.HttpText or FieldKind.DnsName or FieldKind.BuiltText
                || definition.Kind == FieldKind.MacAddress && !definition.IsFixed)
                return true;
        }
        return false;
    }

    /// <summary>Whether one occurrence's bytes satisfy a comparison with a literal, a search or a regular expression.</summary>
    private bool HoldsForBytes(in FilterNode node, ReadOnlySpan<byte> bytes) => node.Relation switch
    {
        FilterRelation.Contains => Contains(bytes, node.Bytes, node.TextOrder),
        FilterRelation.Matches => !bytes.IsEmpty && RegexMatches(node.Pattern!, bytes),
        FilterRelation.AnyBitSet => bytes.ContainsAnyExcept((byte)0),
        FilterRelation.Between => Order(bytes, node.Bytes, node.TextOrder) >= 0 && Order(bytes, node.BytesHigh, node.TextOrder) <= 0,
        _ => Holds(node.Relation, Order(bytes, node.Bytes, node.TextOrder)),
    };

    /// <summary>A string contains the empty string; empty bytes (a slice outside its field) contain nothing, as in Wireshark.</summary>
    private static bool Contains(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> part, bool text) =>
        (text || !bytes.IsEmpty) && bytes.IndexOf(part) >= 0;

    /// <summary>Strings order byte by byte (as strcmp); other bytes by length first, then byte by byte (as Wireshark's FT_BYTES).</summary>
    private static int Order(ReadOnlySpan<byte> value, ReadOnlySpan<byte> literal, bool text) =>
        text || value.Length == literal.Length ? value.SequenceCompareTo(literal) : value.Length.CompareTo(literal.Length);

    private bool RegexMatches(Regex pattern, ReadOnlySpan<byte> bytes)
    {
        if (_gaveUp is not null)
            return false;
        try
        {
            return FilterRegex.IsMatch(pattern, bytes);
        }
        catch (RegexMatchTimeoutException)
        {
            _gaveUp = $"the regular expression \"{pattern}\" took more than {FilterRegex.MatchTimeout.TotalSeconds:0.#} s on a packet";
            return false;
        }
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
                Span<byte> scratch = stackalloc byte[6];
                if (!TryAddress(kind, value, buffer, scratch, out var bytes) || literal.Length != bytes.Length)
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
            Span<byte> leftScratch = stackalloc byte[6], rightScratch = stackalloc byte[6];
            return TryAddress(kind, left, leftBuffer, leftScratch, out var a) && TryAddress(kind, right, rightBuffer, rightScratch, out var b)
                ? a.SequenceCompareTo(b)
                : -1;
        }
        return CompareNumbers(kind, left.Number, kind == FieldKind.Boolean && right.Number != 0 ? 1UL : right.Number);
    }

    private static int CompareNumbers(FieldKind kind, ulong value, ulong literal) => kind switch
    {
        FieldKind.EpochTime or FieldKind.RelativeTime or FieldKind.Seconds or FieldKind.SignedDecimal => ((long)value).CompareTo((long)literal),
        FieldKind.Boolean => (value != 0 ? 1UL : 0UL).CompareTo(literal),
        _ => value.CompareTo(literal),
    };

    private static bool TryAddress(FieldKind kind, in FieldValue value, ReadOnlySpan<byte> buffer, Span<byte> scratch, out ReadOnlySpan<byte> bytes)
    {
        int size = AddressSize(kind);
        bool ok = value.Offset >= 0 && value.Offset + size <= buffer.Length;
        bytes = !ok ? default : kind == FieldKind.MacAddress ? FieldFormatter.MacBytes(value, buffer, scratch) : buffer.Slice(value.Offset, size);
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
