using System.Buffers.Binary;
using System.Collections.Frozen;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Amt.AmtMessage.Field;
using M = RawNet.Protocols.Amt.AmtMessage;

namespace RawNet.Protocols.Amt;

/// <summary>Which value of an AMT message a computed field of <see cref="AmtFields"/> shows.</summary>
public enum AmtValue : byte
{
    Reserved, DiscoveryNonce, RelayIpv4, RelayIpv6, RequestNonce, RequestReserved, RequestP, QueryReserved, QueryL, QueryG,
    ResponseMac, GatewayPort, GatewayAddress, MulticastData, RelayUnknown, Unknown,
}

/// <summary>
/// The AMT field table (Wireshark "amt", tshark 4.0): the version and type at the first byte, the rest where the type
/// places them, read by <see cref="AmtFieldReader"/> (<see cref="ComputedField.Amt"/>). tshark names the reserved bytes
/// of most types alike (amt.reserved), and the request nonce of a request, query, update and teardown alike.
/// </summary>
public static class AmtFields
{
    private static readonly (FieldDefinition Field, AmtValue Value)[] Computed =
    [
        (D("amt.reserved", "Reserved", FieldKind.Bytes), AmtValue.Reserved),
        (D("amt.discovery_nonce", "Discovery Nonce", FieldKind.Hex, 8), AmtValue.DiscoveryNonce),
        (D("amt.relay_address.ipv4", "Relay Address (IPv4)", FieldKind.Ipv4Address), AmtValue.RelayIpv4),
        (D("amt.relay_address.ipv6", "Relay Address (IPv6)", FieldKind.Ipv6Address), AmtValue.RelayIpv6),
        (D("amt.request.reserved", "Reserved", FieldKind.Hex, 2), AmtValue.RequestReserved),
        (D("amt.request.p", "P Flags", FieldKind.Boolean), AmtValue.RequestP),
        (D("amt.membership_query.reserved", "Reserved", FieldKind.Hex, 2), AmtValue.QueryReserved),
        (D("amt.membership_query.l", "L Flags", FieldKind.Decimal), AmtValue.QueryL),
        (D("amt.membership_query.g", "G Flags", FieldKind.Decimal), AmtValue.QueryG),
        (D("amt.response_mac", "Response MAC", FieldKind.Hex, 16), AmtValue.ResponseMac),
        (D("amt.request_nonce", "Request Nonce", FieldKind.Hex, 8), AmtValue.RequestNonce),
        (D("amt.multicast_data", "Multicast Data", FieldKind.Bytes), AmtValue.MulticastData),
        (D("amt.gateway.port_number", "Gateway Port Number", FieldKind.Decimal), AmtValue.GatewayPort),
        (D("amt.gateway.ip_address", "Gateway IP Address", FieldKind.Ipv6Address), AmtValue.GatewayAddress),
        (D("amt.relay_address.unknown", "Relay Address (Unknown Type)", FieldKind.Marker), AmtValue.RelayUnknown),
        (D("amt.unknown", "Unknown Data", FieldKind.Marker), AmtValue.Unknown),
    ];

    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("amt.version", "Version", LayerKind.Amt, F.VersionAndType, 1, FieldKind.Decimal, M.VersionMask),
        FieldDefinition.Fixed("amt.type", "Type", LayerKind.Amt, F.VersionAndType, 1, FieldKind.Decimal, M.TypeMask),
        .. FieldRows.Fields(Computed),
    ];

    private static readonly FrozenDictionary<FieldDefinition, AmtValue> Values = FieldRows.Values(Computed);

    /// <summary>Which value a computed field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out AmtValue value) => Values.TryGetValue(field, out value);

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Amt, kind, ComputedField.Amt, hexDigits);
}

/// <summary>What the decoder notes in an AMT layer's <see cref="Layer.Detail"/>.</summary>
public static class AmtLayerDetail
{
    /// <summary>A query with G whose IP packet tshark read without an exception: it then reads the gateway from the end.</summary>
    public const byte GatewayRead = 1;
}

/// <summary>
/// Reads AMT's computed fields (<see cref="ComputedField.Amt"/>) where the message's type places them, each when tshark
/// reaches it: its reads run in order and stop at the first that runs past the bytes there are.
/// </summary>
public static class AmtFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Amt;

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the message's bytes
    /// <paramref name="message"/> (from its first byte to the end of the buffer); the layer gives its reported length.
    /// </summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> message, int occurrence, out FieldValue value)
    {
        value = default;
        int reported = layer.Extent;
        int captured = Math.Min(message.Length, reported);
        if (occurrence != 0 || captured < 1 || !AmtFields.TryGetValue(field, out var which))
            return false;
        var type = M.TypeOf(message[0]);
        (int at, int size) = Place(which, type, message[..captured], reported, layer.Detail);
        if (size < 0 || at < 0 || at + size > captured)
            return false;
        ulong number = size switch
        {
            1 => message[at],
            2 => BinaryPrimitives.ReadUInt16BigEndian(message[at..]),
            4 => BinaryPrimitives.ReadUInt32BigEndian(message[at..]),
            6 => (ulong)BinaryPrimitives.ReadUInt16BigEndian(message[at..]) << 32 | BinaryPrimitives.ReadUInt32BigEndian(message[(at + 2)..]),
            _ => 0,
        };
        number = which switch
        {
            AmtValue.RequestReserved => (number & M.RequestReservedMask) >> 1,
            AmtValue.RequestP => number & M.RequestP,
            AmtValue.QueryReserved => (number & M.QueryReservedMask) >> 2,
            AmtValue.QueryL => (number & M.QueryL) >> 1,
            AmtValue.QueryG => number & M.QueryG,
            AmtValue.RelayUnknown or AmtValue.Unknown => 1,
            _ => number,
        };
        value = new FieldValue(number, layer.Offset + at, size);
        return true;
    }

    /// <summary>
    /// Where a value lies in a message of <paramref name="type"/> ((-1, -1) when tshark does not read it there); the caller
    /// drops one past the captured bytes, and every later one with it, as the fields of a type lie in reading order.
    /// </summary>
    private static (int At, int Size) Place(AmtValue which, AmtType type, ReadOnlySpan<byte> captured, int reported, byte detail)
    {
        const int None = -1;
        switch (type)
        {
            case AmtType.RelayDiscovery or AmtType.RelayAdvertisement:
                return which switch
                {
                    AmtValue.Reserved => (1, 3),
                    AmtValue.DiscoveryNonce => (F.DiscoveryNonce, 4),
                    AmtValue.RelayIpv4 when type == AmtType.RelayAdvertisement && reported - F.RelayAddress == 4 => (F.RelayAddress, 4),
                    AmtValue.RelayIpv6 when type == AmtType.RelayAdvertisement && reported - F.RelayAddress == 16 => (F.RelayAddress, 16),
                    AmtValue.RelayUnknown when type == AmtType.RelayAdvertisement && reported - F.RelayAddress is not (4 or 16)
                        => (F.RelayAddress, Math.Max(0, Math.Min(captured.Length, reported) - F.RelayAddress)),
                    _ => (None, None),
                };
            case AmtType.Request:
                return which switch
                {
                    AmtValue.RequestReserved or AmtValue.RequestP => (F.Flags, 1),
                    AmtValue.Reserved => (2, 2),
                    AmtValue.RequestNonce => (F.RequestNonce, 4),
                    _ => (None, None),
                };
            case AmtType.MembershipQuery or AmtType.MembershipUpdate or AmtType.Teardown:
                switch (which)
                {
                    case AmtValue.QueryReserved or AmtValue.QueryL or AmtValue.QueryG when type == AmtType.MembershipQuery:
                        return (F.Flags, 1);
                    case AmtValue.Reserved when type != AmtType.MembershipQuery:
                        return (F.Flags, 1);
                    case AmtValue.ResponseMac:
                        return (F.ResponseMac, 6);
                    case AmtValue.RequestNonce:
                        return (F.QueryNonce, 4);
                    case AmtValue.GatewayPort when type == AmtType.Teardown:
                        return (F.TeardownPort, 2);
                    case AmtValue.GatewayAddress when type == AmtType.Teardown:
                        return (F.TeardownAddress, 16);
                    case AmtValue.GatewayPort or AmtValue.GatewayAddress when type == AmtType.MembershipQuery && (detail & AmtLayerDetail.GatewayRead) != 0:
                    {
                        int port = M.QueryGatewayOffset(reported);
                        int portAt = M.Resolve(port, 2, captured.Length, reported, out _);
                        if (portAt < 0)
                            return (None, None);
                        if (which == AmtValue.GatewayPort)
                            return (portAt, 2);
                        int addressAt = M.Resolve(port + 2, 16, captured.Length, reported, out _);
                        return addressAt < 0 ? (None, None) : (addressAt, 16);
                    }
                    default:
                        return (None, None);
                }
            case AmtType.MulticastData:
                return which switch
                {
                    AmtValue.Reserved => (F.Flags, 1),
                    AmtValue.MulticastData when captured.Length > F.MulticastData => (F.MulticastData, captured.Length - F.MulticastData),
                    _ => (None, None),
                };
            default:
                return which == AmtValue.Unknown ? (1, Math.Max(0, Math.Min(captured.Length, reported) - 1)) : (None, None);
        }
    }
}
