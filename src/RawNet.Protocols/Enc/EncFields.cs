using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Enc.EncHeader.Field;

namespace RawNet.Protocols.Enc;

/// <summary>
/// The enc field table (Wireshark "enc", tshark 4.0): the family and SPI once both are there (tshark reads them first),
/// then the flags and their bits. The family and flags are defined in both byte orders, shown in the one
/// <see cref="EncHeader.IsBigEndian"/> chooses.
/// </summary>
public static class EncFields
{
    private const ulong ReservedMask = 0xFFFFC3FF;

    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.FixedLittleEndian("enc.af", "Address Family", LayerKind.Enc, F.Family, 4, FieldKind.Decimal, presence: FieldPresence.EncLittleEndian),
        FieldDefinition.Fixed("enc.af", "Address Family", LayerKind.Enc, F.Family, 4, FieldKind.Decimal, presence: FieldPresence.EncBigEndian),
        FieldDefinition.Fixed("enc.spi", "SPI", LayerKind.Enc, F.Spi, 4, FieldKind.Hex),
        .. Flags(littleEndian: true),
        .. Flags(littleEndian: false),
    ];

    private static FieldDefinition[] Flags(bool littleEndian)
    {
        var presence = littleEndian ? FieldPresence.EncLittleEndian : FieldPresence.EncBigEndian;
        FieldDefinition Flag(string name, string label, FieldKind kind, ulong mask) => littleEndian
            ? FieldDefinition.FixedLittleEndian(name, label, LayerKind.Enc, F.Flags, 4, kind, mask, presence)
            : FieldDefinition.Fixed(name, label, LayerKind.Enc, F.Flags, 4, kind, mask, presence);
        return
        [
            Flag("enc.flags", "Flags", FieldKind.Hex, 0),
            Flag("enc.flags.payload_enc", "Payload encrypted", FieldKind.Boolean, EncHeader.Confidential),
            Flag("enc.flags.payload_auth", "Payload authenticated", FieldKind.Boolean, EncHeader.Authentic),
            Flag("enc.flags.payload_compress", "Payload compressed", FieldKind.Boolean, EncHeader.Compressed),
            Flag("enc.flags.header_auth", "Header authenticated", FieldKind.Boolean, EncHeader.HeaderAuthentic),
            Flag("enc.flags.reserved", "Reserved", FieldKind.Hex, ReservedMask),
        ];
    }

    /// <summary>Whether a field of <paramref name="presence"/> is shown for the header whose first bytes are <paramref name="header"/>.</summary>
    public static bool IsPresent(FieldPresence presence, ReadOnlySpan<byte> header) =>
        header.Length >= EncHeader.FamilyAndSpiLength && presence switch
        {
            FieldPresence.EncLittleEndian => !EncHeader.IsBigEndian(header),
            FieldPresence.EncBigEndian => EncHeader.IsBigEndian(header),
            _ => true,
        };
}
