using System.Buffers.Binary;

namespace RawNet.Protocols.Tunnels;

/// <summary>
/// The GTPv1-U header (3GPP TS 29.281) on UDP port 2152: flags, message type, length (of what follows the first 8
/// bytes), TEID; then, when any of E/S/PN is set, sequence number, N-PDU number and next extension header type, and the
/// extension headers that type chains (each a length in 4-byte units, its content, the next type in its last byte).
/// A T-PDU (type 255) carries an IPv4 or IPv6 packet (tshark picks by the first nibble).
/// </summary>
public static class GtpHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Flags = 0;
        public const int Message = 1;
        public const int Length = 2;
        public const int Teid = 4;
        public const int Sequence = 8;
        public const int NpduNumber = 10;
        public const int NextExtension = 11;
        public const int Extensions = 12;
    }

    /// <summary>Length of the mandatory part.</summary>
    public const int FixedLength = 8;

    /// <summary>Length with the optional word (any of E/S/PN set).</summary>
    public const int OptionalLength = 12;

    public const byte VersionMask = 0xE0, PayloadMask = 0x10, ReservedMask = 0x08, ExtensionFlag = 0x04, SequenceFlag = 0x02, NpduFlag = 0x01;

    /// <summary>The message type of a T-PDU, which carries the user's packet.</summary>
    public const byte TPdu = 0xFF;

    /// <summary>
    /// At most this many extension headers are walked: the 16-bit length bounds the chain anyway, this bounds the work.
    /// </summary>
    public const int MaxExtensions = 64;

    /// <summary>The version, the flags' three high bits.</summary>
    public static int Version(byte flags) => flags >> 5;

    /// <summary>True when the optional word (sequence, N-PDU number, next extension type) is present.</summary>
    public static bool HasOptional(byte flags) => (flags & (ExtensionFlag | SequenceFlag | NpduFlag)) != 0;

    /// <summary>
    /// Measures a GTPv1 header (protocol type GTP) with its extension headers, as far as <paramref name="bytes"/>
    /// (the captured UDP payload) holds them: false when it is not one (another version, GTP'), its mandatory part or
    /// optional word is not captured, or an extension header is cut, zero-length, or longer than the walk allows.
    /// </summary>
    public static bool TryMeasure(ReadOnlySpan<byte> bytes, out int length) => TryMeasure(bytes, out length, out bool zero) && !zero;

    /// <summary>
    /// <see cref="TryMeasure(ReadOnlySpan{byte}, out int)"/>, but a zero-length extension header ends the walk instead of
    /// refusing the header (<paramref name="zeroLengthExtension"/> true, <paramref name="length"/> its offset): tshark
    /// marks it and reads nothing after it.
    /// </summary>
    public static bool TryMeasure(ReadOnlySpan<byte> bytes, out int length, out bool zeroLengthExtension)
    {
        length = 0;
        zeroLengthExtension = false;
        if (bytes.Length < FixedLength || Version(bytes[0]) != 1 || (bytes[0] & PayloadMask) == 0 || MessageName(bytes[Field.Message]) is null)
            return false;
        if (!HasOptional(bytes[0]))
        {
            length = FixedLength;
            return true;
        }
        if (bytes.Length < OptionalLength)
            return false;
        int at = OptionalLength;
        byte next = (bytes[0] & ExtensionFlag) != 0 ? bytes[Field.NextExtension] : (byte)0;
        for (int count = 0; next != 0; count++)
        {
            if (count == MaxExtensions || at >= bytes.Length)
                return false;
            int extension = bytes[at] * 4;
            if (extension == 0)
            {
                length = at;
                zeroLengthExtension = true;
                return true;
            }
            if (at + extension > bytes.Length)
                return false;
            next = bytes[at + extension - 1];
            at += extension;
        }
        length = at;
        return true;
    }

    /// <summary>
    /// The message type's name as tshark 4.0 shows it in the Info column; null for a type it does not know (it then
    /// leaves the datagram to the data dissector).
    /// </summary>
    public static string? MessageName(byte type) => type switch
    {
        0x01 => "Echo request",
        0x02 => "Echo response",
        0x03 => "Version not supported",
        0x04 => "Node alive request",
        0x05 => "Node alive response",
        0x06 => "Redirection request",
        0x07 => "Redirection response",
        0x10 => "Create PDP context request",
        0x11 => "Create PDP context response",
        0x12 => "Update PDP context request",
        0x13 => "Update PDP context response",
        0x14 => "Delete PDP context request",
        0x15 => "Delete PDP context response",
        0x16 => "Initiate PDP Context Activation Request",
        0x17 => "Initiate PDP Context Activation Response",
        0x18 => "Delete AA PDP Context Request",
        0x19 => "Delete AA PDP Context Response",
        0x1a => "Error indication",
        0x1b => "PDU notification request",
        0x1c => "PDU notification response",
        0x1d => "PDU notification reject request",
        0x1e => "PDU notification reject response",
        0x1f => "Supported extension header notification",
        0x20 => "Send routing information for GPRS request",
        0x21 => "Send routing information for GPRS response",
        0x22 => "Failure report request",
        0x23 => "Failure report response",
        0x24 => "Note MS GPRS present request",
        0x25 => "Note MS GPRS present response",
        0x30 => "Identification request",
        0x31 => "Identification response",
        0x32 => "SGSN context request",
        0x33 => "SGSN context response",
        0x34 => "SGSN context acknowledgement",
        0x35 => "Forward relocation request",
        0x36 => "Forward relocation response",
        0x37 => "Forward relocation complete",
        0x38 => "Relocation cancel request",
        0x39 => "Relocation cancel response",
        0x3a => "Forward SRNS context",
        0x3b => "Forward relocation complete acknowledge",
        0x3c => "Forward SRNS context acknowledge",
        0x3d => "UE Registration Query Request",
        0x3e => "UE Registration Query Response",
        0x46 => "RAN Information Relay",
        0x60 => "MBMS Notification Request",
        0x61 => "MBMS Notification Response",
        0x62 => "MBMS Notification Reject Request",
        0x63 => "MBMS Notification Reject Response",
        0x64 => "Create MBMS Context Request",
        0x65 => "Create MBMS Context Response",
        0x66 => "Update MBMS Context Request",
        0x67 => "Update MBMS Context Response",
        0x68 => "Delete MBMS Context Request",
        0x69 => "Delete MBMS Context Response",
        0x70 => "MBMS Registration Request",
        0x71 => "MBMS Registration Response",
        0x72 => "MBMS De-Registration Request",
        0x73 => "MBMS De-Registration Response",
        0x74 => "MBMS Session Start Request",
        0x75 => "MBMS Session Start Response",
        0x76 => "MBMS Session Stop Request",
        0x77 => "MBMS Session Stop Response",
        0x78 => "MBMS Session Update Request",
        0x79 => "MBMS Session Update Response",
        0x80 => "MS Info Change Notification Request",
        0x81 => "MS Info Change Notification Response",
        0xf0 => "Data record transfer request",
        0xf1 => "Data record transfer response",
        0xfe => "End Marker",
        0xff => "T-PDU",
        _ => null,
    };

    /// <summary>
    /// True for a GTPv1 message tshark starts to read but the capture cut short: its flags and a known type captured,
    /// fewer bytes than the datagram holds, and not all of its header (<see cref="TryMeasure(ReadOnlySpan{byte}, out int)"/> fails).
    /// </summary>
    public static bool IsCut(ReadOnlySpan<byte> captured, int reported) =>
        captured.Length >= 2 && captured.Length < reported && Version(captured[0]) == 1 && (captured[0] & PayloadMask) != 0
        && MessageName(captured[Field.Message]) is not null && !TryMeasure(captured, out _);

    /// <summary>The length field: the bytes after the mandatory 8.</summary>
    public static int LengthField(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadUInt16BigEndian(header[Field.Length..]);
}
