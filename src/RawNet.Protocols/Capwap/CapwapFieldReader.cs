using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Capwap;

/// <summary>
/// Reads the CAPWAP data channel's computed fields (<see cref="ComputedField.Capwap"/>) from the message's captured bytes
/// as tshark 4.0 reads them: the optional header parts walked by <see cref="CapwapLayout"/> (a field shows once tshark's
/// reading reached past it), the keep-alive's elements by <see cref="CapwapElementWalker"/>, and the fragment count and
/// length of a last fragment at offset 0, which tshark reassembles by itself.
/// </summary>
public static class CapwapFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Capwap;

    /// <summary>Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> of the CAPWAP layer <paramref name="layer"/>.</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
    {
        value = default;
        if (!CapwapFields.TryGetValue(field, out var which) || layer.Offset >= buffer.Length)
            return false;
        int reported = layer.Extent;
        var message = buffer.Slice(layer.Offset, Math.Min(buffer.Length - layer.Offset, reported));
        int start = layer.Offset;
        if (which == CapwapValue.PreambleReserved)
            return message.Length >= CapwapHeader.DtlsPreambleLength && CapwapHeader.PreambleType(message[0]) == CapwapHeader.DtlsType
                && FieldValues.Single(occurrence, (ulong)(BinaryPrimitives.ReadUInt32BigEndian(message) & 0xFFFFFF), start + 1, 3, out value);
        if (message.Length < CapwapHeader.FixedLength || CapwapHeader.Words(message) < 2)
            return false;
        var layout = CapwapLayout.Of(message);
        int headerLength = CapwapHeader.Words(message) * 4;
        switch (which)
        {
            case CapwapValue.LengthBad:
                return !layout.Stopped && layout.Read != headerLength && FieldValues.Single(occurrence, 1, start + CapwapHeader.Field.Word, 3, out value);
            case CapwapValue.MacLength:
                return Part(layout, layout.MacAt, 1, message, occurrence, start, out value);
            case CapwapValue.MacEui48:
                return layout.MacLength == 6 && Part(layout, layout.MacAt + 1, 6, message, occurrence, start, out value);
            case CapwapValue.MacEui64:
                return layout.MacLength == 8 && Part(layout, layout.MacAt + 1, 8, message, occurrence, start, out value);
            case CapwapValue.MacData:
                return layout.MacLength is not (6 or 8) && Part(layout, layout.MacAt + 1, layout.MacLength, message, occurrence, start, out value);
            case CapwapValue.MacPadding:
                return layout.MacPad > 0 && Part(layout, layout.MacAt + 1 + layout.MacLength, layout.MacPad, message, occurrence, start, out value);
            case CapwapValue.WirelessLength:
                return Part(layout, layout.WirelessAt, 1, message, occurrence, start, out value);
            case CapwapValue.WirelessData:
                return Part(layout, layout.WirelessAt + 1, layout.WirelessLength, message, occurrence, start, out value);
            case CapwapValue.WirelessPadding:
                return layout.WirelessPad > 0 && Part(layout, layout.WirelessAt + 1 + layout.WirelessLength, layout.WirelessPad, message, occurrence, start, out value);
            case CapwapValue.FrameInfo or CapwapValue.Rssi or CapwapValue.Snr or CapwapValue.DataRate
                or CapwapValue.DestinationWlans or CapwapValue.WlanIdBitmap or CapwapValue.DestinationReserved:
                return TryReadBinding(which, layer, layout, message, occurrence, out value);
            case CapwapValue.FragmentCount or CapwapValue.ReassembledLength:
            {
                uint flags = CapwapHeader.Flags(message);
                int rest = reported - headerLength;
                if ((flags & CapwapHeader.FlagF) == 0 || rest <= 0 || !CapwapHeader.IsWholeFragment(flags, CapwapHeader.FragmentOffset(message))
                    || message.Length < reported)
                    return false;
                return FieldValues.Single(occurrence, which == CapwapValue.FragmentCount ? 1UL : (ulong)rest, start + headerLength, 0, out value);
            }
        }
        if (layer.Kind == LayerKind.CapwapControl)
            return TryReadControl(which, layout, message, reported, headerLength, start, occurrence, out value);
        return TryReadKeepAlive(which, layout, message, reported, headerLength, start, occurrence, out value);
    }

    /// <summary>
    /// True when tshark reads what follows the header as a control header: the header was read whole, and a fragment only
    /// when it reassembles alone (all of it captured).
    /// </summary>
    private static bool ReadsBody(in CapwapLayout layout, ReadOnlySpan<byte> message, int reported, int headerLength)
    {
        uint flags = CapwapHeader.Flags(message);
        return !layout.Stopped && headerLength <= message.Length
            && ((flags & CapwapHeader.FlagF) == 0 || CapwapHeader.IsWholeFragment(flags, CapwapHeader.FragmentOffset(message)) && message.Length == reported
                && reported > headerLength);
    }

    /// <summary>The control header's fields, each shown once its bytes were read, and the message elements after it.</summary>
    private static bool TryReadControl(CapwapValue which, in CapwapLayout layout, ReadOnlySpan<byte> message, int reported, int headerLength,
        int start, int occurrence, out FieldValue value)
    {
        value = default;
        if (!ReadsBody(layout, message, reported, headerLength))
            return false;
        var body = message[headerLength..];
        int at = start + headerLength;
        const int typeAt = CapwapControlHeader.Field.MessageType;
        switch (which)
        {
            case CapwapValue.ControlHeader:
                return FieldValues.Single(occurrence, 0, at, Math.Min(CapwapControlHeader.Length, body.Length), out value);
            case CapwapValue.MessageType or CapwapValue.EnterpriseNumber or CapwapValue.EnterpriseSpecific:
                if (body.Length < 4)
                    return false;
                uint type = BinaryPrimitives.ReadUInt32BigEndian(body);
                return which == CapwapValue.EnterpriseNumber
                    ? FieldValues.Single(occurrence, type >> 8, at + typeAt, 3, out value)
                    : FieldValues.Single(occurrence, type, at + typeAt, 4, out value);
            case CapwapValue.SequenceNumber:
                return body.Length > CapwapControlHeader.Field.SequenceNumber
                    && FieldValues.Single(occurrence, body[CapwapControlHeader.Field.SequenceNumber], at + CapwapControlHeader.Field.SequenceNumber, 1, out value);
            case CapwapValue.MessageElementLength:
                return body.Length >= CapwapControlHeader.Field.Flags && FieldValues.Single(occurrence,
                    BinaryPrimitives.ReadUInt16BigEndian(body[CapwapControlHeader.Field.MessageElementLength..]), at + CapwapControlHeader.Field.MessageElementLength, 2, out value);
            case CapwapValue.ControlFlags:
                return body.Length >= CapwapControlHeader.Length
                    && FieldValues.Single(occurrence, body[CapwapControlHeader.Field.Flags], at + CapwapControlHeader.Field.Flags, 1, out value);
        }
        if (body.Length < CapwapControlHeader.Length)
            return false;
        var elements = body[CapwapControlHeader.Length..];
        int elementsAt = at + CapwapControlHeader.Length;
        int length = reported - headerLength - CapwapControlHeader.Length;
        if (which == CapwapValue.MessageElements)
            return FieldValues.Single(occurrence, 0, elementsAt, Math.Min(length, elements.Length), out value);
        return TryReadElement(which, elements, length, 0, elementsAt, occurrence, control: true, out value);
    }

    /// <summary>An optional part's bytes at <paramref name="at"/> once tshark's reading reached past them.</summary>
    private static bool Part(in CapwapLayout layout, int at, int length, ReadOnlySpan<byte> message, int occurrence, int start, out FieldValue value)
    {
        value = default;
        // An absent part's offset is -1: its bytes start at 0 or before.
        if (at <= 0 || !layout.Reached(at, length))
            return false;
        ulong number = length is 1 ? message[at] : 0UL;
        return FieldValues.Single(occurrence, number, start + at, length, out value);
    }

    private static bool TryReadBinding(CapwapValue which, in Layer layer, in CapwapLayout layout, ReadOnlySpan<byte> message, int occurrence, out FieldValue value)
    {
        value = default;
        int at = layout.WirelessAt + 1;
        if (layout.WirelessAt < 0 || CapwapHeader.Binding(message) != CapwapHeader.Ieee80211Binding || !layout.Reached(at, 4))
            return false;
        bool toDataPort = (layer.Detail & CapwapLayerDetail.ToDataPort) != 0;
        (bool present, ulong number, int offset, int size) = which switch
        {
            CapwapValue.FrameInfo => (toDataPort, 0UL, at, 4),
            CapwapValue.Rssi => (toDataPort, (ulong)(long)(sbyte)message[at], at, 1),
            CapwapValue.Snr => (toDataPort, message[at + 1], at + 1, 1),
            CapwapValue.DataRate => (toDataPort, BinaryPrimitives.ReadUInt16BigEndian(message[(at + 2)..]), at + 2, 2),
            CapwapValue.DestinationWlans => (!toDataPort, 0UL, at, 4),
            CapwapValue.WlanIdBitmap => (!toDataPort, BinaryPrimitives.ReadUInt16BigEndian(message[at..]), at, 2),
            _ => (!toDataPort, BinaryPrimitives.ReadUInt16BigEndian(message[(at + 2)..]), at + 2, 2),
        };
        return present && FieldValues.Single(occurrence, number, layer.Offset + offset, size, out value);
    }

    private static bool TryReadKeepAlive(CapwapValue which, in CapwapLayout layout, ReadOnlySpan<byte> message, int reported, int headerLength,
        int start, int occurrence, out FieldValue value)
    {
        value = default;
        uint flags = CapwapHeader.Flags(message);
        // tshark reads the keep-alive when K is set and the header was read whole (a fragment only when it reassembles alone).
        if ((flags & CapwapHeader.FlagK) == 0 || layout.Stopped || headerLength > message.Length
            || (flags & CapwapHeader.FlagF) != 0 && !(CapwapHeader.IsWholeFragment(flags, CapwapHeader.FragmentOffset(message)) && message.Length == reported))
            return false;
        var keepAlive = message[headerLength..];
        int length = reported - headerLength;
        switch (which)
        {
            case CapwapValue.KeepAlive:
                return FieldValues.Single(occurrence, 0, start + headerLength, Math.Min(length, keepAlive.Length), out value);
            case CapwapValue.KeepAliveLength:
                return keepAlive.Length >= 2 && FieldValues.Single(occurrence, BinaryPrimitives.ReadUInt16BigEndian(keepAlive), start + headerLength, 2, out value);
            case CapwapValue.KeepAliveLengthBad:
                return keepAlive.Length >= 2 && BinaryPrimitives.ReadUInt16BigEndian(keepAlive) != length
                    && FieldValues.Single(occurrence, 1, start + headerLength, 2, out value);
        }
        if (keepAlive.Length < 2)
            return false;
        return TryReadElement(which, keepAlive, length, 2, start + headerLength, occurrence, control: false, out value);
    }

    /// <summary>
    /// A field of the message elements in <paramref name="elements"/> (captured; <paramref name="length"/> in the datagram)
    /// from <paramref name="first"/> on, walked as tshark walks them; <paramref name="where0"/> is the span's place in the
    /// buffer. A control message's elements are marked undecoded by tshark's list, a keep-alive's but for the session ID.
    /// </summary>
    private static bool TryReadElement(CapwapValue which, ReadOnlySpan<byte> elements, int length, int first, int where0, int occurrence, bool control,
        out FieldValue value)
    {
        value = default;
        var walker = new CapwapElementWalker(elements, length, first);
        int seen = 0;
        while (walker.MoveNext(out int at, out ushort type, out int elementLength, out bool valueRead))
        {
            int where = where0 + at;
            bool session = type == CapwapHeader.SessionIdType;
            bool undecoded = control ? !CapwapControlHeader.IsDecodedElement(type) : !session;
            bool fits = CapwapControlHeader.ElementLengthFits(type, elementLength);
            if (control && valueRead && fits && ElementValue(which, type, elements.Slice(at + 4, elementLength), where + 4) is { } own)
            {
                if (seen++ == occurrence)
                {
                    value = own;
                    return true;
                }
                continue;
            }
            (bool present, ulong number, int offset, int size) = which switch
            {
                CapwapValue.Element => (true, 0UL, where, Math.Min(4 + elementLength, elements.Length - at)),
                CapwapValue.ElementType => (true, type, where, 2),
                CapwapValue.ElementTypeUndecoded => (valueRead && undecoded, 1UL, where, 2),
                CapwapValue.ElementLength => (true, (ulong)elementLength, where + 2, 2),
                CapwapValue.ElementValue => (valueRead, 0UL, where + 4, elementLength),
                CapwapValue.ElementLengthBad => (valueRead && (control ? !fits : session && elementLength != CapwapHeader.SessionIdLength), 1UL, where + 2, 2),
                CapwapValue.SessionId => (valueRead && session && elementLength == CapwapHeader.SessionIdLength, 0UL, where + 4, elementLength),
                _ => (false, 0UL, 0, 0),
            };
            if (present && seen++ == occurrence)
            {
                value = new FieldValue(number, offset, size);
                return true;
            }
        }
        return false;
    }

    /// <summary>A control message element's own field <paramref name="which"/> of an element of <paramref name="type"/> whose length tshark accepted, or null.</summary>
    private static FieldValue? ElementValue(CapwapValue which, ushort type, ReadOnlySpan<byte> data, int at) => (which, type) switch
    {
        (CapwapValue.AcName, CapwapControlHeader.AcNameElement) or (CapwapValue.LocationData, CapwapControlHeader.LocationDataElement)
            or (CapwapValue.WtpName, CapwapControlHeader.WtpNameElement) => new FieldValue(0, at, data.Length),
        (CapwapValue.AcName, CapwapControlHeader.AcNameWithPriorityElement) => new FieldValue(0, at + 1, data.Length - 1),
        (CapwapValue.AcNamePriority, CapwapControlHeader.AcNameWithPriorityElement) => new FieldValue(data[0], at, 1),
        (CapwapValue.DiscoveryType, CapwapControlHeader.DiscoveryTypeElement) or (CapwapValue.WtpMacType, CapwapControlHeader.WtpMacTypeElement)
            or (CapwapValue.FrameTunnelMode, CapwapControlHeader.FrameTunnelModeElement) => new FieldValue(data[0], at, 1),
        (CapwapValue.FrameTunnelNative, CapwapControlHeader.FrameTunnelModeElement) => new FieldValue((ulong)(data[0] >> 3 & 1), at, 1),
        (CapwapValue.FrameTunnelEthernet, CapwapControlHeader.FrameTunnelModeElement) => new FieldValue((ulong)(data[0] >> 2 & 1), at, 1),
        (CapwapValue.FrameTunnelLocalBridging, CapwapControlHeader.FrameTunnelModeElement) => new FieldValue((ulong)(data[0] >> 1 & 1), at, 1),
        (CapwapValue.FrameTunnelReserved, CapwapControlHeader.FrameTunnelModeElement) => new FieldValue((ulong)(data[0] & 0xF1), at, 1),
        (CapwapValue.ResultCode, CapwapControlHeader.ResultCodeElement) => new FieldValue(BinaryPrimitives.ReadUInt32BigEndian(data), at, 4),
        _ => null,
    };
}
