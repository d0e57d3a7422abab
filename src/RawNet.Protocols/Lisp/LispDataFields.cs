using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Lisp.LispDataHeader.Field;
using H = RawNet.Protocols.Lisp.LispDataHeader;

namespace RawNet.Protocols.Lisp;

/// <summary>
/// The LISP data header's field table (Wireshark "lisp-data", tshark 4.0), in its tree order: the flags and their bits
/// with tshark's two warnings on them, then what the flags say the two words hold (<see cref="IsPresent"/>).
/// </summary>
public static class LispDataFields
{
    private const LayerKind L = LayerKind.LispData;

    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("lisp-data.flags", "Flags", L, F.Flags, 1, FieldKind.Hex),
        FieldDefinition.Fixed("lisp-data.flags.nonce", "N bit (Nonce present)", L, F.Flags, 1, FieldKind.Boolean, H.NonceFlag),
        FieldDefinition.Fixed("lisp-data.flags.lsb", "L bit (Locator-Status-Bits field enabled)", L, F.Flags, 1, FieldKind.Boolean, H.LocatorStatusFlag),
        FieldDefinition.Fixed("lisp-data.flags.enr", "E bit (Echo-Nonce-Request)", L, F.Flags, 1, FieldKind.Boolean, H.EchoNonceFlag),
        FieldDefinition.Fixed("lisp-data.flags.mv", "V bit (Map-Version present)", L, F.Flags, 1, FieldKind.Boolean, H.MapVersionFlag),
        FieldDefinition.Fixed("lisp-data.flags.iid", "I bit (Instance ID present)", L, F.Flags, 1, FieldKind.Boolean, H.InstanceIdFlag),
        FieldDefinition.Fixed("lisp-data.flags.res", "Reserved", L, F.Flags, 1, FieldKind.Hex, H.ReservedFlags),
        FieldDefinition.Fixed("lisp-data.flags.en_invalid", "Invalid flag combination: if E is set, N MUST be set", L, F.Flags, 0, FieldKind.Marker,
            presence: FieldPresence.LispEchoWithoutNonce),
        FieldDefinition.Fixed("lisp-data.flags.nv_invalid", "Invalid flag combination: N and V can't be set both", L, F.Flags, 0, FieldKind.Marker,
            presence: FieldPresence.LispNonceWithMapVersion),
        FieldDefinition.Fixed("lisp-data.nonce", "Nonce", L, F.Nonce, 3, FieldKind.Decimal, presence: FieldPresence.LispNonce),
        FieldDefinition.Fixed("lisp-data.mapver", "Map-Version", L, F.Nonce, 3, FieldKind.Hex, presence: FieldPresence.LispMapVersion),
        FieldDefinition.Fixed("lisp-data.srcmapver", "Source Map-Version", L, F.Nonce, 3, FieldKind.Decimal, 0xFFF000, FieldPresence.LispMapVersion),
        FieldDefinition.Fixed("lisp-data.dstmapver", "Destination Map-Version", L, F.Nonce, 3, FieldKind.Decimal, 0x000FFF, FieldPresence.LispMapVersion),
        FieldDefinition.Fixed("lisp-data.iid", "Instance ID", L, F.InstanceId, 3, FieldKind.Decimal, presence: FieldPresence.LispInstanceId),
        FieldDefinition.Fixed("lisp-data.lsb8", "Locator-Status-Bits", L, F.LocatorStatusBits8, 1, FieldKind.Hex, 0xFF, FieldPresence.LispLocatorStatusBits8),
        FieldDefinition.Fixed("lisp-data.lsb", "Locator-Status-Bits", L, F.LocatorStatusBits, 4, FieldKind.Hex, 0xFFFFFFFF, FieldPresence.LispLocatorStatusBits),
    ];

    /// <summary>Whether a field of <paramref name="presence"/> is shown for the header whose captured bytes are <paramref name="header"/>.</summary>
    public static bool IsPresent(FieldPresence presence, ReadOnlySpan<byte> header) =>
        header.Length >= 1 && presence switch
        {
            FieldPresence.LispEchoWithoutNonce => H.EchoWithoutNonce(header[F.Flags]),
            FieldPresence.LispNonceWithMapVersion => H.NonceWithMapVersion(header[F.Flags]),
            FieldPresence.LispNonce => H.HasNonce(header[F.Flags]),
            FieldPresence.LispMapVersion => H.HasMapVersion(header[F.Flags]),
            FieldPresence.LispInstanceId => H.HasInstanceId(header[F.Flags]),
            FieldPresence.LispLocatorStatusBits8 => H.HasLocatorStatusBits8(header[F.Flags]),
            FieldPresence.LispLocatorStatusBits => H.HasLocatorStatusBits(header[F.Flags]),
            _ => false,
        };
}
