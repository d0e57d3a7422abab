using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.L2tp;

/// <summary>How much of one AVP tshark 4.0 shows before it moves on or stops.</summary>
public enum L2tpAvpShown : byte
{
    /// <summary>Mandatory, hidden and length only: a hidden AVP.</summary>
    Header,
    /// <summary>The common fields, vendor ID and attribute type too; the value could not be read (the walk stops here).</summary>
    VendorAndType,
    /// <summary>Everything, the value included.</summary>
    All,
    /// <summary>The common fields of a vendor whose own dissector names the attribute type: no l2tp.avp.type.</summary>
    VendorOwnType,
    /// <summary>
    /// An IETF Extended Vendor ID AVP (type 58): tshark 4.0 shows a 4-byte l2tp.avp.vendor_id read from the attribute
    /// type on, no type and no value, and goes on 8 bytes after the AVP's start whatever its length.
    /// </summary>
    ExtendedVendorId,
}

/// <summary>
/// Walks a control message's AVPs as tshark 4.0 shows them: while an AVP starts before the length field's end, its
/// header is read (a header past the bytes there ends the walk with nothing of it shown), one shorter than 6 bytes ends
/// it, a vendor AVP running past the message ends it, and an IETF value read past the bytes there ends it after the
/// AVP's common fields. Bounded at <see cref="MaxAvps"/>.
/// </summary>
public ref struct L2tpAvpWalker
{
    /// <summary>Most AVPs walked in one message.</summary>
    public const int MaxAvps = 512;

    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _reported, _end;
    private int _at, _count;
    private bool _done;

    /// <summary>
    /// A walk over <paramref name="bytes"/> (the captured message, from the L2TP header's start, cut at its length)
    /// from <paramref name="start"/>; <paramref name="reported"/> is the message's length on the wire (at most its length
    /// field), <paramref name="end"/> the length field.
    /// </summary>
    public L2tpAvpWalker(ReadOnlySpan<byte> bytes, int start, int reported, int end)
    {
        _bytes = bytes;
        _reported = reported;
        _end = end;
        _at = start;
    }

    /// <summary>True when the walk stopped on bytes it could not read (tshark's exception) rather than at the message's end or a short AVP.</summary>
    public bool Failed { get; private set; }

    /// <summary>True when the bytes it could not read lie past the message's length on the wire (tshark's malformed), not only past the capture.</summary>
    public bool FailedPastMessage { get; private set; }

    /// <summary>True when the walk ended on an AVP shorter than its header (where tshark stops the message's AVPs without an exception).</summary>
    public bool EndedShort { get; private set; }

    /// <summary>True when the walk failed on the AVP of a vendor with its own dissector running past the message (tshark's contained-length mark).</summary>
    public bool FailedContained { get; private set; }

    /// <summary>The next AVP's start, length, vendor, type and how much of it is shown.</summary>
    public bool MoveNext(out int at, out int length, out ushort vendor, out ushort type, out L2tpAvpShown shown)
    {
        at = length = 0;
        vendor = type = 0;
        shown = L2tpAvpShown.Header;
        if (_done || _at >= _end || _count >= MaxAvps)
            return Finish(false);
        if (_at + L2tpAvp.HeaderLength > _bytes.Length)
        {
            // tshark reads the header's three words one by one: the first it cannot read says why.
            int reach = _at + 2;
            while (reach <= _bytes.Length)
                reach += 2;
            return Finish(true, reach);
        }
        at = _at;
        ushort word = BinaryPrimitives.ReadUInt16BigEndian(_bytes[at..]);
        length = word & L2tpAvp.LengthMask;
        vendor = BinaryPrimitives.ReadUInt16BigEndian(_bytes[(at + 2)..]);
        type = BinaryPrimitives.ReadUInt16BigEndian(_bytes[(at + 4)..]);
        if (length < L2tpAvp.HeaderLength)
        {
            EndedShort = true;
            return Finish(false);
        }
        // tshark adds the AVP's subtree over its length first: one past the bytes there throws before any field. A vendor
        // with a dissector of its own gets the AVP as a new buffer first, which past the message is tshark's
        // "length of contained item exceeds length of containing item".
        if (at + length > _bytes.Length)
        {
            FailedContained = vendor != 0 && L2tpAvp.HasOwnDissector(vendor) && at + length > _reported;
            return Finish(true, at + length);
        }
        _count++;
        _at += length;
        bool hidden = (word & L2tpAvp.HiddenBit) != 0;
        if (vendor != 0)
        {
            shown = hidden ? L2tpAvpShown.Header : L2tpAvp.HasOwnDissector(vendor) ? L2tpAvpShown.VendorOwnType : L2tpAvpShown.All;
            return true;
        }
        if (hidden)
            return true;
        if (type == L2tpAvp.ExtendedVendorIdAttribute)
        {
            _at = at + L2tpAvp.ExtendedVendorIdEnd;
            if (at + L2tpAvp.ExtendedVendorIdEnd > _bytes.Length)
            {
                Finish(true, at + L2tpAvp.ExtendedVendorIdEnd);
                return true;
            }
            shown = L2tpAvpShown.ExtendedVendorId;
            return true;
        }
        if (at + L2tpAvp.ValueReach(type, length) > _bytes.Length)
        {
            shown = L2tpAvpShown.VendorAndType;
            Finish(true, at + L2tpAvp.ValueReach(type, length));
            return true;
        }
        shown = L2tpAvpShown.All;
        return true;
    }

    private bool Finish(bool failed, int reach = 0)
    {
        _done = true;
        Failed |= failed;
        FailedPastMessage |= failed && reach > _reported;
        return false;
    }
}

/// <summary>
/// Reads the L2TP fields that move with the flags (<see cref="ComputedField.L2tpLength"/> to the offset padding and the
/// ZLB marker) and those of each AVP (to <see cref="ComputedField.L2tpAvpMessageType"/>), from the layer's bytes: a
/// header field once its bytes are there, the AVPs as <see cref="L2tpAvpWalker"/> shows them.
/// </summary>
public static class L2tpFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.L2tpLength and <= ComputedField.L2tpAvpDataSequencing;

    /// <summary>
    /// Reads <paramref name="computed"/> from the L2TP layer's captured bytes <paramref name="header"/>; of an L2TPv3
    /// layer, from its control header on (the length, Ns, Nr, the ZLB marker and the AVPs, at L2TPv2's places).
    /// </summary>
    public static bool TryRead(ComputedField computed, in Layer layer, ReadOnlySpan<byte> header, int occurrence, out FieldValue value)
    {
        value = default;
        bool v3 = layer.Kind == LayerKind.L2tpv3;
        int start = v3 ? L2tpv3LayerDetail.ControlStart(layer.Detail) : 0;
        if (!L2tpLayerDetail.Shown(layer.Detail) || (v3 && !L2tpv3LayerDetail.Control(layer.Detail)) || header.Length < start + L2tpHeader.FlagsLength)
            return false;
        if (v3 && !L2tpv3LayerDetail.AvpsShown(layer.Detail) && computed >= ComputedField.L2tpAvpMandatory)
            return false;
        return TryRead(computed, header[start..], layer.Offset + start, layer.Extent - start, v3, occurrence, out value);
    }

    private static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int extent, bool v3, int occurrence, out FieldValue value)
    {
        value = default;
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(header);
        // L2TPv3's control header has no offset field, whatever the bit says.
        if (v3)
            flags &= unchecked((ushort)~L2tpHeader.Flag.Offset);
        if (computed < ComputedField.L2tpAvpMandatory)
        {
            if (occurrence != 0)
                return false;
            int tunnel = L2tpHeader.TunnelIdOffset(flags), sequence = L2tpHeader.SequenceOffset(flags), offsetSize = L2tpHeader.OffsetSizeOffset(flags);
            (bool present, int at, int size) = computed switch
            {
                ComputedField.L2tpLength => ((flags & L2tpHeader.Flag.Length) != 0, L2tpHeader.Field.Length, 2),
                ComputedField.L2tpTunnel => (true, tunnel, 2),
                ComputedField.L2tpSession => (true, tunnel + 2, 2),
                ComputedField.L2tpNs => ((flags & L2tpHeader.Flag.Sequence) != 0, sequence, 2),
                ComputedField.L2tpNr => ((flags & L2tpHeader.Flag.Sequence) != 0, sequence + 2, 2),
                ComputedField.L2tpOffset => ((flags & L2tpHeader.Flag.Offset) != 0, offsetSize, 2),
                // An FT_NONE item reads nothing: tshark shows the padding even where the bytes are not there.
                ComputedField.L2tpOffsetPadding => ((flags & L2tpHeader.Flag.Offset) != 0 && header.Length >= offsetSize + 2
                    && BinaryPrimitives.ReadUInt16BigEndian(header[offsetSize..]) != 0, offsetSize + 2,
                    header.Length >= offsetSize + 2 ? Math.Min(header.Length - offsetSize - 2, BinaryPrimitives.ReadUInt16BigEndian(header[offsetSize..])) : 0),
                ComputedField.L2tpZeroLengthBody => (IsZeroLengthBody(flags, header) && header.Length >= L2tpHeader.FixedLength(flags), 0, 0),
                _ => (false, 0, 0),
            };
            if (!present || at + size > header.Length)
                return false;
            ulong number = size == 2 ? BinaryPrimitives.ReadUInt16BigEndian(header[at..]) : 0UL;
            value = new FieldValue(number, layerOffset + at, size);
            return true;
        }
        if ((flags & (L2tpHeader.Flag.Type | L2tpHeader.Flag.Length)) != (L2tpHeader.Flag.Type | L2tpHeader.Flag.Length)
            || header.Length < L2tpHeader.FixedLength(flags))
            return false;
        var walker = Walker(header, extent, v3);
        int seen = 0;
        while (walker.MoveNext(out int avp, out int length, out ushort vendor, out ushort type, out var shown))
        {
            bool has = computed switch
            {
                ComputedField.L2tpAvpMandatory or ComputedField.L2tpAvpHidden or ComputedField.L2tpAvpLength => true,
                ComputedField.L2tpAvpVendorId => shown != L2tpAvpShown.Header,
                ComputedField.L2tpAvpType => shown is L2tpAvpShown.VendorAndType or L2tpAvpShown.All,
                ComputedField.L2tpAvpMessageType => shown == L2tpAvpShown.All && vendor == 0 && type == L2tpAvp.MessageTypeAttribute,
                _ => shown == L2tpAvpShown.All && vendor == 0 && ValueOf(computed, type, length, out _, out _),
            };
            if (!has || seen++ < occurrence)
                continue;
            ushort word = BinaryPrimitives.ReadUInt16BigEndian(header[avp..]);
            value = computed switch
            {
                ComputedField.L2tpAvpMandatory => new FieldValue((word & L2tpAvp.MandatoryBit) != 0 ? 1UL : 0, layerOffset + avp, 2),
                ComputedField.L2tpAvpHidden => new FieldValue((word & L2tpAvp.HiddenBit) != 0 ? 1UL : 0, layerOffset + avp, 2),
                ComputedField.L2tpAvpLength => new FieldValue((ulong)length, layerOffset + avp, 2),
                ComputedField.L2tpAvpVendorId when shown == L2tpAvpShown.ExtendedVendorId =>
                    new FieldValue(BinaryPrimitives.ReadUInt32BigEndian(header[(avp + 4)..]), layerOffset + avp + 4, 4),
                ComputedField.L2tpAvpVendorId => new FieldValue(vendor, layerOffset + avp + 2, 2),
                ComputedField.L2tpAvpType => new FieldValue(type, layerOffset + avp + 4, 2),
                ComputedField.L2tpAvpMessageType => new FieldValue(BinaryPrimitives.ReadUInt16BigEndian(header[(avp + L2tpAvp.HeaderLength)..]), layerOffset + avp + L2tpAvp.HeaderLength, 2),
                _ => AttributeValue(computed, type, length, header, avp, layerOffset),
            };
            return true;
        }
        return false;
    }

    /// <summary>Where an attribute's value field lies in its AVP (from the value's start) and how long it is, for the attribute fields RawNet shows.</summary>
    private static bool ValueOf(ComputedField computed, ushort type, int length, out int at, out int size)
    {
        int value = length - L2tpAvp.HeaderLength;
        (bool match, at, size) = computed switch
        {
            ComputedField.L2tpAvpProtocolVersion => (type == 2 && value >= 1, 0, 1),
            ComputedField.L2tpAvpProtocolRevision => (type == 2 && value >= 1, 1, 1),
            ComputedField.L2tpAvpHostName => (type == 7 && value > 0, 0, value),
            ComputedField.L2tpAvpAssignedTunnelId => (type == 9, 0, 2),
            ComputedField.L2tpAvpReceiveWindowSize => (type == 10, 0, 2),
            ComputedField.L2tpAvpAssignedSessionId => (type == 14, 0, 2),
            ComputedField.L2tpAvpCalledNumber => (type == 21 && value > 0, 0, value),
            ComputedField.L2tpAvpCallingNumber => (type == 22 && value > 0, 0, value),
            ComputedField.L2tpAvpAssignedControlConnId => (type == 61, 0, 4),
            ComputedField.L2tpAvpLocalSessionId => (type == L2tpAvp.LocalSessionIdAttribute, 0, 4),
            ComputedField.L2tpAvpRemoteSessionId => (type == L2tpAvp.RemoteSessionIdAttribute, 0, 4),
            // tshark adds the cookie and the end ID over the AVP's value even when it is empty (-T fields: "<MISSING>" and "").
            ComputedField.L2tpAvpAssignedCookie => (type == 65, 0, value),
            ComputedField.L2tpAvpRemoteEndId => (type == 66, 0, value),
            ComputedField.L2tpAvpPseudowireType => (type == 68, 0, 2),
            ComputedField.L2tpAvpLayer2SpecificSublayer => (type == 69, 0, 2),
            ComputedField.L2tpAvpDataSequencing => (type == 70, 0, 2),
            _ => (false, 0, 0),
        };
        return match;
    }

    private static FieldValue AttributeValue(ComputedField computed, ushort type, int length, ReadOnlySpan<byte> header, int avp, int layerOffset)
    {
        ValueOf(computed, type, length, out int at, out int size);
        int start = avp + L2tpAvp.HeaderLength + at;
        ulong number = size switch
        {
            1 => header[start],
            2 => BinaryPrimitives.ReadUInt16BigEndian(header[start..]),
            4 when computed is not (ComputedField.L2tpAvpAssignedCookie or ComputedField.L2tpAvpRemoteEndId) => BinaryPrimitives.ReadUInt32BigEndian(header[start..]),
            _ => 0,
        };
        return new FieldValue(number, layerOffset + start, size);
    }

    /// <summary>
    /// The AVP walk over a control message's bytes (from its flags, captured, cut at its length) whose bytes on the wire
    /// from the flags on are <paramref name="extent"/>; L2TPv3's AVPs follow its header whatever the offset bit says.
    /// </summary>
    public static L2tpAvpWalker Walker(ReadOnlySpan<byte> header, int extent, bool v3 = false)
    {
        int end = BinaryPrimitives.ReadUInt16BigEndian(header[L2tpHeader.Field.Length..]);
        int start = v3 ? L2tpv3Message.ControlHeaderLength(BinaryPrimitives.ReadUInt16BigEndian(header)) : L2tpHeader.LengthOf(header);
        return new L2tpAvpWalker(header, start, Math.Min(extent, end), end);
    }

    /// <summary>tshark's ZLB: a length field of 12, whatever else the flags say.</summary>
    public static bool IsZeroLengthBody(ushort flags, ReadOnlySpan<byte> bytes) =>
        (flags & L2tpHeader.Flag.Length) != 0 && bytes.Length >= 4 && BinaryPrimitives.ReadUInt16BigEndian(bytes[L2tpHeader.Field.Length..]) == L2tpHeader.ZeroLengthBodyLength;
}

/// <summary>What the decoder notes in an L2TP layer's <see cref="Layer.Detail"/>.</summary>
public static class L2tpLayerDetail
{
    /// <summary>tshark read what its Info column needs and added the protocol item: the fields may show.</summary>
    public const byte ShownBit = 0x01;

    /// <summary>The AVP walk failed as tshark's "length of contained item exceeds length of containing item" (<see cref="L2tpAvpWalker.FailedContained"/>).</summary>
    public const byte ContainedBit = 0x08;

    /// <summary>True when the layer's fields show.</summary>
    public static bool Shown(byte detail) => (detail & ShownBit) != 0;
}
