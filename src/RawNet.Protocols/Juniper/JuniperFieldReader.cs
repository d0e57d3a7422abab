using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Juniper;

/// <summary>
/// Reads the Juniper fields that come from its extension TLVs and the payload type (<see cref="ComputedField.JuniperDeviceInterfaceIndex"/>
/// to <see cref="ComputedField.JuniperPayloadType"/>). The layer's header holds the TLVs the decoder walked, so the same
/// bounded walk finds them again: occurrence N is the Nth TLV of the field's type. The PIC link types' cookie and header
/// fields, and their payload type, come from reading the frame again after the header (<see cref="JuniperTail"/>).
/// </summary>
public static class JuniperFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) =>
        computed is >= ComputedField.JuniperDeviceInterfaceIndex and <= ComputedField.JuniperPayloadType
            or >= ComputedField.JuniperVnHostIp and <= ComputedField.JuniperStEspSequence;

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="computed"/> in the layer's header (under <paramref name="mask"/>, VN's flag bits).</summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, ReadOnlySpan<byte> frame, int layerOffset, JuniperLink link,
        int occurrence, out FieldValue value, ulong mask = 0)
    {
        value = default;
        if (link == JuniperLink.VirtualNetwork)
        {
            if (!TryReadVn(computed, header, frame, layerOffset, occurrence, out value))
                return false;
            // A flag bit of VN's flags word.
            if (mask != 0)
                value = value with { Number = (value.Number & mask) >> System.Numerics.BitOperations.TrailingZeroCount(mask) };
            return true;
        }
        if (link == JuniperLink.SecureTunnel && header.Length < JuniperSecureTunnel.MinLength)
            return false;
        bool stField = computed is >= ComputedField.JuniperStEthernetDestination and <= ComputedField.JuniperStEspSequence;
        if (computed is >= ComputedField.JuniperVnHostIp and <= ComputedField.JuniperVnDestination || (stField && link != JuniperLink.SecureTunnel))
            return false;
        bool tailField = computed is >= ComputedField.JuniperAtm1Cookie and <= ComputedField.JuniperEncapType;
        if (!JuniperHeader.HasMagic(header))
        {
            // The secure tunnel reads nothing after a header without its magic.
            if (link == JuniperLink.SecureTunnel)
                return false;
            if (JuniperHeader.HasTail(link))
                return header.Length >= JuniperHeader.Length && TryReadTail(computed, frame, 0, layerOffset, link, occurrence, out value);
            // No magic: tshark adds the payload type (the link's, from the frame's first byte) and nothing else.
            if (computed != ComputedField.JuniperPayloadType || occurrence != 0 || header.Length < JuniperHeader.Length)
                return false;
            value = new FieldValue(JuniperHeader.PayloadOf(link), layerOffset + JuniperHeader.SkipOf(link), 0);
            return true;
        }
        var walk = new JuniperExtensions(header);
        int walked = 0, seen = 0;
        bool extended = (header[JuniperHeader.Field.Flags] & JuniperHeader.Flags.Extensions) != 0;
        if (extended)
        {
            if (header.Length < JuniperHeader.ExtendedLength)
                return false;
            while (walked < PacketDecoder.MaxJuniperExtensions && walk.MoveNext())
            {
                walked++;
                if (computed == ComputedField.JuniperPayloadType || tailField || stField || (JuniperExtensionType)walk.Type != TypeOf(computed))
                    continue;
                if (seen++ == occurrence)
                {
                    value = new FieldValue(walk.Number, layerOffset + walk.Offset + JuniperHeader.TlvHeaderLength, walk.ValueLength);
                    return true;
                }
            }
            // A walk the decoder cut off at its bound keeps the next TLV out of the layer: reading on finds it cut.
            bool bounded = walked == PacketDecoder.MaxJuniperExtensions && (walk.MoveNext() || walk.End == JuniperWalkEnd.Cut);
            if ((computed != ComputedField.JuniperPayloadType && !tailField && !stField) || walk.End == JuniperWalkEnd.Cut || bounded)
                return false;
        }
        int start = JuniperHeader.TsharkHeaderLength(header);
        if (link == JuniperLink.SecureTunnel && (header[JuniperHeader.Field.Flags] & JuniperHeader.Flags.NoL2) == 0)
            return occurrence == 0 && TryReadSecureTunnel(computed, frame, start, layerOffset, out value);
        if (stField)
            return false;
        if (JuniperHeader.HasTail(link) && (header[JuniperHeader.Field.Flags] & JuniperHeader.Flags.NoL2) == 0)
            return TryReadTail(computed, frame, start, layerOffset, link, occurrence, out value);
        if (computed != ComputedField.JuniperPayloadType || occurrence != 0)
            return false;
        if ((header[JuniperHeader.Field.Flags] & JuniperHeader.Flags.NoL2) == 0)
        {
            value = new FieldValue(JuniperHeader.PayloadOf(link), layerOffset + start + JuniperHeader.SkipOf(link), 0);
            return true;
        }
        // tshark reads the 32-bit type little-endian into an 8-bit variable: its first byte.
        if (header.Length - start < JuniperHeader.PayloadTypeLength)
            return false;
        value = new FieldValue(header[start], layerOffset + start + JuniperHeader.PayloadTypeLength, 0);
        return true;
    }

    /// <summary>
    /// A VN header's field: occurrence N of a TLV value is the Nth TLV of its type the walk over the captured
    /// <paramref name="frame"/> shows (none when the frame is shorter than the 20 bytes tshark's subtree takes first); the
    /// payload type (Ethernet) once the walk reached type 255.
    /// </summary>
    private static bool TryReadVn(ComputedField computed, ReadOnlySpan<byte> header, ReadOnlySpan<byte> frame, int layerOffset, int occurrence,
        out FieldValue value)
    {
        value = default;
        if (header.Length < JuniperVirtualNetwork.MinLength)
            return false;
        byte type = computed switch
        {
            ComputedField.JuniperVnHostIp => JuniperVirtualNetwork.Types.HostIp,
            ComputedField.JuniperVnFlags => JuniperVirtualNetwork.Types.Flags,
            ComputedField.JuniperVnSource => JuniperVirtualNetwork.Types.SourceNetwork,
            ComputedField.JuniperVnDestination => JuniperVirtualNetwork.Types.DestinationNetwork,
            _ => 0,
        };
        if (type == 0 && computed != ComputedField.JuniperPayloadType)
            return false;
        var walk = new JuniperVnWalk(frame);
        int seen = 0;
        while (walk.MoveNext())
        {
            if (walk.Type != type || seen++ != occurrence)
                continue;
            bool number = type is JuniperVirtualNetwork.Types.HostIp or JuniperVirtualNetwork.Types.Flags;
            value = new FieldValue(number ? walk.Number : 0, layerOffset + walk.ValueOffset, number ? 4 : walk.Length);
            return true;
        }
        if (type != 0 || occurrence != 0 || walk.End != JuniperVnEnd.Last)
            return false;
        value = new FieldValue(JuniperHeader.PayloadType.Ethernet, layerOffset + walk.Next, 0);
        return true;
    }

    /// <summary>A secure tunnel's field, from tshark's reading after the header that ended at <paramref name="start"/>.</summary>
    private static bool TryReadSecureTunnel(ComputedField computed, ReadOnlySpan<byte> frame, int start, int layerOffset, out FieldValue value)
    {
        value = default;
        var t = JuniperSecureTunnel.Read(frame, start);
        (bool read, int at, int size) = computed switch
        {
            ComputedField.JuniperStEthernetDestination => (t.Ethernet >= 0, t.Ethernet, 6),
            ComputedField.JuniperStEthernetSource => (t.Ethernet >= 0, t.Ethernet + 6, 6),
            ComputedField.JuniperStEthernetType => (t.Ethernet >= 0, t.Ethernet + 12, 2),
            ComputedField.JuniperStIpLength => (t.IpLength >= 0, t.Ip, 1),
            ComputedField.JuniperStIpProtocol => (t.IpProtocol >= 0, t.Ip + 9, 1),
            ComputedField.JuniperStEspSpi => (t.Esp >= 0, t.Esp, 4),
            ComputedField.JuniperStEspSequence => (t.Esp >= 0, t.Esp + 4, 4),
            ComputedField.JuniperPayloadType => (t.Type >= 0, t.Payload, 0),
            _ => (false, 0, 0),
        };
        if (!read)
            return false;
        ulong number = computed switch
        {
            ComputedField.JuniperStEthernetType => BinaryPrimitives.ReadUInt16BigEndian(frame[at..]),
            ComputedField.JuniperStIpLength => (ulong)t.IpLength,
            ComputedField.JuniperStIpProtocol => (ulong)t.IpProtocol,
            ComputedField.JuniperStEspSpi or ComputedField.JuniperStEspSequence => BinaryPrimitives.ReadUInt32BigEndian(frame[at..]),
            ComputedField.JuniperPayloadType => (ulong)t.Type,
            _ => 0,
        };
        value = new FieldValue(number, layerOffset + at, size);
        return true;
    }

    /// <summary>A PIC link type's field, from tshark's reading after the header that ended at <paramref name="start"/>.</summary>
    private static bool TryReadTail(ComputedField computed, ReadOnlySpan<byte> frame, int start, int layerOffset, JuniperLink link, int occurrence,
        out FieldValue value)
    {
        value = default;
        if (occurrence != 0)
            return false;
        var tail = JuniperTail.Read(link, frame, start);
        bool cookie = computed switch
        {
            ComputedField.JuniperAtm1Cookie => tail.Cookie == JuniperCookieKind.Atm1,
            ComputedField.JuniperAtm2Cookie => tail.Cookie == JuniperCookieKind.Atm2,
            ComputedField.JuniperAspicCookie => tail.Cookie == JuniperCookieKind.AsPic,
            ComputedField.JuniperLspicCookie => tail.Cookie == JuniperCookieKind.LsPic,
            ComputedField.JuniperMlpicCookie => tail.Cookie == JuniperCookieKind.MlPic,
            _ => false,
        };
        if (cookie)
        {
            value = new FieldValue(tail.CookieValue, layerOffset + tail.CookieOffset, CookieBytes(tail.Cookie));
            return true;
        }
        (int number, int offset, int length) = computed switch
        {
            ComputedField.JuniperCookieLength => (tail.CookieLength, tail.CookieLengthOffset, 0),
            ComputedField.JuniperProto => (tail.Proto, tail.ProtoOffset, 2),
            ComputedField.JuniperVlan => (tail.Vlan, tail.ProtoOffset + 2, 2),
            ComputedField.JuniperEncapType => (tail.Encap, tail.EncapOffset, tail.EncapLength),
            ComputedField.JuniperPayloadType => (tail.Type, tail.Payload, tail.Type == JuniperHeader.PayloadType.Unknown ? Math.Max(0, frame.Length - tail.Payload) : 0),
            _ => (-1, 0, 0),
        };
        if (number < 0)
            return false;
        value = new FieldValue((ulong)number, layerOffset + offset, length);
        return true;
    }

    private static int CookieBytes(JuniperCookieKind kind) => kind switch
    {
        JuniperCookieKind.MlPic => 2,
        JuniperCookieKind.Atm1 or JuniperCookieKind.LsPic => 4,
        _ => 8,
    };

    private static JuniperExtensionType TypeOf(ComputedField computed) => computed switch
    {
        ComputedField.JuniperDeviceInterfaceIndex => JuniperExtensionType.DeviceInterfaceIndex,
        ComputedField.JuniperDeviceMediaType => JuniperExtensionType.DeviceMediaType,
        ComputedField.JuniperLogicalInterfaceIndex => JuniperExtensionType.LogicalInterfaceIndex,
        ComputedField.JuniperLogicalUnit => JuniperExtensionType.LogicalUnit,
        ComputedField.JuniperLogicalInterfaceEncapsulation => JuniperExtensionType.LogicalInterfaceEncapsulation,
        ComputedField.JuniperTtpDeviceMediaType => JuniperExtensionType.TtpDeviceMediaType,
        _ => JuniperExtensionType.TtpLogicalInterfaceEncapsulation,
    };
}
