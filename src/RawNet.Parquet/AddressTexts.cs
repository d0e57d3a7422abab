using System.Buffers.Binary;
using RawNet.Protocols.Fields;

namespace RawNet.Parquet;

/// <summary>
/// The text of MAC, IPv4 and IPv6 addresses as <c>-T fields</c> writes it, made once per distinct address and found again
/// by the address's bytes: a capture's addresses repeat on almost every row, and formatting each one and looking its
/// text up was a large part of a row's cost. Bounded: past <see cref="MaxEntries"/> distinct addresses it starts afresh.
/// </summary>
internal sealed class AddressTexts
{
    /// <summary>The most distinct addresses kept.</summary>
    public const int MaxEntries = 65_536;

    // MAC and IPv4 addresses share one table: the kind sits above the address's bytes in the key.
    private const ulong MacKey = 1UL << 56;
    private const ulong Ipv4Key = 1UL << 57;

    private readonly Dictionary<ulong, string> _short = [];
    private readonly Dictionary<UInt128, string> _ipv6 = [];
    private readonly char[] _text = new char[64];
    // Two addresses in one column (a tunnel, an ICMP error quoting a packet): their texts joined, found by the two texts,
    // which are this cache's own strings, so by reference.
    private readonly Dictionary<(string, string), string> _pairs = new(new PairComparer());

    /// <summary>Whether a field's values are addresses this cache reads: fixed-size MAC, IPv4 or IPv6 fields.</summary>
    public static bool Reads(FieldDefinition definition) =>
        definition.IsFixed && definition.Kind is FieldKind.MacAddress or FieldKind.Ipv4Address or FieldKind.Ipv6Address;

    /// <summary>The text of the address <paramref name="value"/> locates in <paramref name="buffer"/> (a field <see cref="Reads"/> accepts).</summary>
    public string Get(FieldDefinition definition, in FieldValue value, ReadOnlySpan<byte> buffer)
    {
        switch (definition.Kind)
        {
            case FieldKind.Ipv6Address:
            {
                var key = BinaryPrimitives.ReadUInt128BigEndian(buffer.Slice(value.Offset, 16));
                if (_ipv6.TryGetValue(key, out var known))
                    return known;
                if (_ipv6.Count >= MaxEntries)
                    _ipv6.Clear();
                return _ipv6[key] = Format(definition, value, buffer);
            }
            default:
            {
                ulong key = definition.Kind == FieldKind.MacAddress
                    ? MacKey | BinaryPrimitives.ReadUInt32BigEndian(buffer.Slice(value.Offset, 4)) | (ulong)BinaryPrimitives.ReadUInt16BigEndian(buffer.Slice(value.Offset + 4, 2)) << 32
                    : Ipv4Key | BinaryPrimitives.ReadUInt32BigEndian(buffer.Slice(value.Offset, 4));
                if (_short.TryGetValue(key, out var known))
                    return known;
                if (_short.Count >= MaxEntries)
                    _short.Clear();
                return _short[key] = Format(definition, value, buffer);
            }
        }
    }

    /// <summary>
    /// "<paramref name="first"/>,<paramref name="second"/>", as <c>-T fields</c> writes two values of a field, made once per
    /// pair of texts this cache returned.
    /// </summary>
    public string Join(string first, string second)
    {
        if (_pairs.TryGetValue((first, second), out var known))
            return known;
        if (_pairs.Count >= MaxEntries)
            _pairs.Clear();
        return _pairs[(first, second)] = string.Concat(first, ",", second);
    }

    /// <summary>Pairs of texts by reference: a text this cache made is the only string with its address.</summary>
    private sealed class PairComparer : IEqualityComparer<(string, string)>
    {
        public bool Equals((string, string) x, (string, string) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((string, string) pair) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Item2));
    }

    private string Format(FieldDefinition definition, in FieldValue value, ReadOnlySpan<byte> buffer)
    {
        FieldFormatter.TryFormat(definition, value, buffer, _text, out int written);
        return new string(_text, 0, written);
    }
}
