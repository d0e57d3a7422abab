using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ipv6;

/// <summary>
/// The options of a hop-by-hop or destination options header, walked as tshark's dissect_opts walks them: from the
/// third byte to the header's declared end, Pad1 one byte, any other option its type, length and data, which tshark
/// reads on past the header's end when the length says so, and past the option when the option's own reading needs more
/// than its length (<see cref="Ipv6OptionRules.Advance"/>). Each field's occurrence is the n-th option that has it. The
/// walk stops at an option the capture does not hold whole.
/// </summary>
internal static class Ipv6OptionFieldReader
{
    /// <summary>What a field reads of an option: its <see cref="FieldDefinition.Offset"/>.</summary>
    public const int Option = 0, Type = 1, Action = 2, Change = 3, Rest = 4, Length = 5, Pad1 = 6, PadN = 7, RouterAlert = 8, Jumbo = 9,
        TunnelEncapsulationLimit = 10;

    public const byte Pad1Type = 0x00, PadNType = 0x01, JumboType = 0xC2, RouterAlertType = 0x05, TunnelEncapsulationLimitType = 0x04;

    public static bool Serves(ComputedField computed) => computed == ComputedField.Ipv6Option;

    /// <summary>Reads the field from <paramref name="header"/>, the options header and what the capture holds after it.</summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (header.Length < 2 || occurrence < 0)
            return false;
        int end = (header[Ipv6ExtensionHeader.Field.Length] + 1) * 8;
        int seen = 0;
        // each option takes at least one byte: the walk is bounded by the header
        for (int at = 2; at < end;)
        {
            // tshark reads the length byte even of a Pad1
            if (at + 1 >= header.Length)
                return false;
            byte type = header[at];
            int length = type == Pad1Type ? 0 : header[at + 1];
            int size = type == Pad1Type ? 1 : 2 + length;
            // an option the capture cuts shows its type and length, and its data if that fits; tshark stops after it
            bool whole = at + size <= header.Length;
            var option = header.Slice(at, whole ? size : header.Length - at);
            if (TryReadItem(field.Offset, type, option, header[at..], length, layerOffset + at, out var found) && seen++ == occurrence)
            {
                value = found;
                return true;
            }
            if (!whole)
                return false;
            // tshark reads some options on past a length too short for them, and the next option from there
            at += type == Pad1Type ? 1 : 2 + Ipv6OptionRules.Advance(type, length, header[(at + 2)..]);
        }
        return false;
    }

    // rest: the option and what follows it, which tshark reads a value from when the option's length is too short for it
    private static bool TryReadItem(int item, byte type, ReadOnlySpan<byte> option, ReadOnlySpan<byte> rest, int dataLength, int offset, out FieldValue value)
    {
        int held = option.Length - 2, readable = rest.Length - 2;
        value = item switch
        {
            Option => new FieldValue(0, offset, type == Pad1Type ? 1 : 2 + dataLength),
            Type => new FieldValue(type, offset, 1),
            Action when type != Pad1Type => new FieldValue((ulong)(type >> 6), offset, 1),
            Change when type != Pad1Type => new FieldValue((ulong)(type >> 5) & 1, offset, 1),
            Rest when type != Pad1Type => new FieldValue(type & 0x1FUL, offset, 1),
            Length when type != Pad1Type => new FieldValue((ulong)dataLength, offset + 1, 1),
            Pad1 when type == Pad1Type => new FieldValue(0, offset, 1),
            PadN when type == PadNType && held >= dataLength => new FieldValue(0, offset + 2, dataLength),
            RouterAlert when type == RouterAlertType && readable >= 2 => new FieldValue(BinaryPrimitives.ReadUInt16BigEndian(rest[2..]), offset + 2, 2),
            Jumbo when type == JumboType && readable >= 4 => new FieldValue(BinaryPrimitives.ReadUInt32BigEndian(rest[2..]), offset + 2, 4),
            TunnelEncapsulationLimit when type == TunnelEncapsulationLimitType && readable >= 1 => new FieldValue(rest[2], offset + 2, 1),
            _ => new FieldValue(ulong.MaxValue, -1, -1),
        };
        return value.Offset >= 0;
    }

    /// <summary>The option fields of one options header.</summary>
    public static FieldDefinition[] Fields(LayerKind layer) =>
    [
        Make("ipv6.opt", "IPv6 Option", layer, FieldKind.Marker, Option),
        Make("ipv6.opt.type", "Type", layer, FieldKind.Hex, Type, hexDigits: 2),
        Make("ipv6.opt.type.action", "Action", layer, FieldKind.Decimal, Action),
        Make("ipv6.opt.type.change", "May Change", layer, FieldKind.Boolean, Change),
        Make("ipv6.opt.type.rest", "Low-Order Bits", layer, FieldKind.Hex, Rest, hexDigits: 2),
        Make("ipv6.opt.length", "Length", layer, FieldKind.Decimal, Length),
        Make("ipv6.opt.pad1", "Pad1", layer, FieldKind.Marker, Pad1),
        Make("ipv6.opt.padn", "PadN", layer, FieldKind.Bytes, PadN),
        Make("ipv6.opt.router_alert", "Router Alert", layer, FieldKind.Decimal, RouterAlert),
        Make("ipv6.opt.jumbo", "Payload Length", layer, FieldKind.Decimal, Jumbo),
        Make("ipv6.opt.tel", "Tunnel Encapsulation Limit", layer, FieldKind.Decimal, TunnelEncapsulationLimit),
    ];

    private static FieldDefinition Make(string name, string label, LayerKind layer, FieldKind kind, int item, int hexDigits = 0) =>
        FieldDefinition.Item(name, label, layer, kind, ComputedField.Ipv6Option, offset: item, hexDigits: hexDigits);
}
