using System.Text.RegularExpressions;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Output.Filters;

/// <summary>What a node of a compiled filter tests.</summary>
internal enum FilterNodeKind : byte
{
    /// <summary>Both children match (short-circuit).</summary>
    And,
    /// <summary>Either child matches (short-circuit).</summary>
    Or,
    /// <summary>The left child does not match.</summary>
    Not,
    /// <summary>A field occurs at least once in the packet.</summary>
    FieldPresent,
    /// <summary>A layer of one of the protocol's kinds is in the packet.</summary>
    ProtocolPresent,
    /// <summary>A field compared with a literal.</summary>
    Compare,
    /// <summary>
    /// A field compared with another field of the same kind; with <see cref="FilterNode.ByBytes"/>, the bytes of two fields,
    /// protocols or slices.
    /// </summary>
    CompareFields,
    /// <summary>The bytes of a field, a protocol or a slice of one compared with, searched for or matched against a literal.</summary>
    CompareBytes,
    /// <summary>A slice of a field or protocol is there (the field occurs and is long enough).</summary>
    SlicePresent,
}

/// <summary>A comparison operator, with Wireshark 4.0's meaning for fields that occur more than once.</summary>
internal enum FilterRelation : byte
{
    /// <summary><c>==</c>, <c>eq</c>: some occurrence equals.</summary>
    Equal,
    /// <summary><c>!=</c>, <c>ne</c>: the field occurs and every occurrence differs (Wireshark's "all not equal").</summary>
    NotEqual,
    /// <summary><c>!==</c>, <c>~=</c>: some occurrence differs (Wireshark's "any not equal").</summary>
    AnyNotEqual,
    /// <summary><c>&lt;</c>, <c>lt</c>: some occurrence is less.</summary>
    Less,
    /// <summary><c>&lt;=</c>, <c>le</c>.</summary>
    LessOrEqual,
    /// <summary><c>&gt;</c>, <c>gt</c>.</summary>
    Greater,
    /// <summary><c>&gt;=</c>, <c>ge</c>.</summary>
    GreaterOrEqual,
    /// <summary>A range member of <c>in {LOW..HIGH}</c>: some occurrence lies between the two literals, both included.</summary>
    Between,
    /// <summary><c>field &amp; MASK</c> alone: some occurrence has a bit of the mask set.</summary>
    AnyBitSet,
    /// <summary><c>contains</c>: some occurrence's bytes hold the literal's bytes.</summary>
    Contains,
    /// <summary><c>matches</c>, <c>~</c>: the regular expression matches some occurrence's bytes.</summary>
    Matches,
}

/// <summary>
/// One node of a compiled filter, kept in a flat array and linked by index, so evaluating a packet walks plain structs:
/// no delegates, no virtual calls, no allocation.
/// </summary>
internal struct FilterNode
{
    public FilterNodeKind Kind;
    public FilterRelation Relation;
    /// <summary>Children (index into the node array) for And, Or and Not.</summary>
    public int Left, Right;
    /// <summary>Every definition of the field's name (one per layer kind that has it).</summary>
    public FieldDefinition[]? Definitions;
    /// <summary>Every definition of the right-hand field of a field-to-field comparison.</summary>
    public FieldDefinition[]? OtherDefinitions;
    /// <summary><see cref="LayerMask"/> for <see cref="OtherDefinitions"/>.</summary>
    public UInt128 OtherLayerMask;
    /// <summary>The layer kinds of a protocol presence test, or that hold the field, as a bit per <see cref="LayerKind"/>.</summary>
    public UInt128 LayerMask;
    /// <summary>How the literal compares: the kind of the field's first definition.</summary>
    public FieldKind FieldKind;
    /// <summary>The literal for numeric, boolean and time fields (time in nanoseconds).</summary>
    public ulong Number;
    /// <summary>The upper literal of <see cref="FilterRelation.Between"/> for numeric fields.</summary>
    public ulong High;
    /// <summary>The literal's bytes for address fields.</summary>
    public byte[]? Address;
    /// <summary>The upper literal of <see cref="FilterRelation.Between"/> for address fields.</summary>
    public byte[]? AddressHigh;
    /// <summary>Whether numeric occurrences are and-ed with <see cref="BitMask"/> before comparing (<c>tcp.flags &amp; 0x02 == 2</c>).</summary>
    public bool Masked;
    /// <summary>The mask of <c>field &amp; MASK</c>.</summary>
    public ulong BitMask;
    /// <summary>Leading bits of <see cref="Address"/> that must match (the CIDR prefix; all bits when none was given).</summary>
    public int PrefixBits;
    /// <summary>True when the operands are compared as bytes (a byte or string field, a protocol, a slice).</summary>
    public bool ByBytes;
    /// <summary>The left operand is a protocol (its layers in <see cref="LayerMask"/>), not a field.</summary>
    public bool Protocol;
    /// <summary>The protocol's name, for a protocol test or operand: a layer counts when it has this name (DNS or mDNS).</summary>
    public string? ProtocolName;
    /// <summary><see cref="ProtocolName"/> of the right operand.</summary>
    public string? OtherProtocolName;
    /// <summary>The slices applied to the left operand's bytes, in order (<c>frame[0:4][1]</c>); null for none.</summary>
    public SliceRange[][]? Slices;
    /// <summary>The right operand of a byte comparison of two operands is a protocol.</summary>
    public bool OtherProtocol;
    /// <summary>The slices of the right operand.</summary>
    public SliceRange[][]? OtherSlices;
    /// <summary>Strings order as text (byte by byte); other bytes by length first, then byte by byte, as Wireshark orders them.</summary>
    public bool TextOrder;
    /// <summary>The literal's bytes for byte and string comparisons and <c>contains</c>.</summary>
    public byte[]? Bytes;
    /// <summary>The upper literal of <see cref="FilterRelation.Between"/> for bytes and strings.</summary>
    public byte[]? BytesHigh;
    /// <summary>The mask of <c>bytes &amp; MASK</c>: the occurrence and-ed with it over the shorter of the two.</summary>
    public byte[]? ByteMask;
    /// <summary>The regular expression of <c>matches</c>.</summary>
    public Regex? Pattern;

    /// <summary>The bit of each kind in a layer mask.</summary>
    public static UInt128 MaskOf(IEnumerable<LayerKind> kinds) => kinds.Aggregate(UInt128.Zero, (mask, kind) => mask | Bit(kind));

    /// <summary>The bit of one kind.</summary>
    public static UInt128 Bit(LayerKind kind) => UInt128.One << (int)kind;
}
