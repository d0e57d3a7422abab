using System.Buffers.Binary;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ipv6;

/// <summary>
/// The fields tshark derives from an IPv6 address's form (its hidden/generated items): a SLAAC interface identifier's
/// MAC (RFC 4291 appendix A, the universal bit set and FF:FE in the middle), a Teredo address's server, port and client
/// (RFC 4380, 2001:0::/32), a 6to4 address's gateway and SLA ID (RFC 3056, 2002::/16) and an ISATAP address's IPv4
/// (RFC 5214). Each is a source or destination field, and a shared one that holds both, the source's first.
/// </summary>
internal static class Ipv6DetailFieldReader
{
    /// <summary>Which address a field reads: its <see cref="FieldDefinition.Offset"/> divided by <see cref="Stride"/>.</summary>
    public const int SourceOnly = 0, DestinationOnly = 1, Either = 2, Stride = 16;

    /// <summary>What a field reads of the address: its <see cref="FieldDefinition.Offset"/> modulo <see cref="Stride"/>.</summary>
    public const int SlaacMac = 0, IsatapIpv4 = 1, SixToFourGateway = 2, SixToFourSlaId = 3, TeredoServer = 4, TeredoPort = 5, TeredoClient = 6;

    public static bool Serves(ComputedField computed) => computed == ComputedField.Ipv6AddressDetail;

    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        int which = field.Offset / Stride, kind = field.Offset % Stride;
        int seen = 0;
        foreach (int at in (ReadOnlySpan<int>)[Ipv6Header.Field.Source, Ipv6Header.Field.Destination])
        {
            if (which == SourceOnly && at != Ipv6Header.Field.Source || which == DestinationOnly && at != Ipv6Header.Field.Destination)
                continue;
            if (at + 16 > header.Length || !TryReadDetail(kind, header.Slice(at, 16), layerOffset + at, out var found))
                continue;
            if (seen++ == occurrence)
            {
                value = found;
                return true;
            }
        }
        return false;
    }

    private static bool TryReadDetail(int kind, ReadOnlySpan<byte> address, int offset, out FieldValue value)
    {
        value = default;
        switch (kind)
        {
            case SlaacMac:
            {
                if ((address[8] & 0x02) == 0 || address[11] != 0xFF || address[12] != 0xFE)
                    return false;
                ulong mac = (ulong)(address[8] & ~0x02) << 40 | (ulong)address[9] << 32 | (ulong)address[10] << 24
                    | (ulong)address[13] << 16 | (ulong)address[14] << 8 | address[15];
                value = new FieldValue(mac, offset + 8, 8);
                return true;
            }
            case IsatapIpv4:
                if ((BinaryPrimitives.ReadUInt32BigEndian(address[8..]) & 0xFCFFFFFF) != 0x00005EFE)
                    return false;
                value = new FieldValue(0, offset + 12, 4);
                return true;
            case SixToFourGateway or SixToFourSlaId:
                if (BinaryPrimitives.ReadUInt16BigEndian(address) != 0x2002)
                    return false;
                value = kind == SixToFourGateway ? new FieldValue(0, offset + 2, 4)
                    : new FieldValue(BinaryPrimitives.ReadUInt16BigEndian(address[6..]), offset + 6, 2);
                return true;
            case TeredoServer or TeredoPort or TeredoClient:
                if (BinaryPrimitives.ReadUInt32BigEndian(address) != 0x20010000)
                    return false;
                value = kind switch
                {
                    TeredoServer => new FieldValue(0, offset + 4, 4),
                    TeredoPort => new FieldValue((ulong)(BinaryPrimitives.ReadUInt16BigEndian(address[10..]) ^ 0xFFFF), offset + 10, 2),
                    _ => new FieldValue(BinaryPrimitives.ReadUInt32BigEndian(address[12..]) ^ 0xFFFFFFFFUL, offset + 12, 4),
                };
                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes a value that is not the packet's bytes as they stand: a SLAAC MAC, or a Teredo client's address (inverted on the wire).</summary>
    public static bool TryFormat(FieldDefinition field, in FieldValue value, Span<char> destination, out int written)
    {
        written = 0;
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value.Number);
        return field.Offset % Stride == SlaacMac
            ? FieldFormatter.TryFormatMac(bytes[2..], destination, out written)
            : FieldFormatter.TryFormatIpv4(bytes[4..], destination, out written);
    }

    /// <summary>The fields of one kind: the source's, the destination's and the shared one.</summary>
    public static FieldDefinition[] Fields(int kind, FieldKind fieldKind, string source, string destination, string either, string label) =>
    [
        Make(source, "Source " + label, SourceOnly * Stride + kind, fieldKind, inTree: true),
        Make(destination, "Destination " + label, DestinationOnly * Stride + kind, fieldKind, inTree: true),
        Make(either, label, Either * Stride + kind, fieldKind, inTree: false),
    ];

    private static FieldDefinition Make(string name, string label, int code, FieldKind kind, bool inTree) =>
        FieldDefinition.Item(name, label, Decoding.LayerKind.Ipv6, kind, ComputedField.Ipv6AddressDetail, inTree: inTree, offset: code);
}
