using System.Buffers.Binary;

namespace RawNet.Protocols.WireGuard;

/// <summary>WireGuard's message types.</summary>
public enum WireGuardType : byte
{
    HandshakeInitiation = 1,
    HandshakeResponse = 2,
    CookieReply = 3,
    TransportData = 4,
}

/// <summary>The values of a WireGuard message, in the order tshark 4.0's wg adds them.</summary>
public enum WireGuardValue : byte
{
    Type, Reserved, Sender, Receiver, Counter, Ephemeral, EncryptedStatic, EncryptedTimestamp, EncryptedEmpty, Mac1, Mac2,
    Nonce, EncryptedCookie, EncryptedPacket,
}

/// <summary>
/// A WireGuard message as tshark 4.0's UDP heuristic (wg) takes and reads it:
/// <code>
///  0      1        4                    (little-endian identifiers and counter)
///  +------+--------+-------------------------------------------------+
///  | type | 3 x 0  | initiation (148): sender, ephemeral 32, encrypted static 48, encrypted timestamp 28, mac1, mac2
///  |      |        | response (92): sender, receiver, ephemeral 32, encrypted empty 16, mac1, mac2
///  |      |        | cookie reply (64): receiver, nonce 24, encrypted cookie 32
///  |      |        | transport data (32 or more): receiver, counter 8, encrypted packet
///  +------+--------+-------------------------------------------------+
/// </code>
/// The heuristic takes a datagram of its type's exact length (data: at least 32 bytes) and, for a cookie reply and
/// data, zero reserved bytes; wg then adds the items in order, and the first that runs past the captured bytes throws
/// (data's encrypted packet is what the capture kept after the counter, never a throw).
/// </summary>
public static class WireGuardMessage
{
    /// <summary>The bytes the heuristic reads before it judges: the type and the reserved bytes.</summary>
    public const int HeaderLength = 4;

    /// <summary>A transport data message's length with no data (a keepalive): header, receiver, counter and tag.</summary>
    public const int KeepaliveLength = 32;

    /// <summary>The authentication tag after the encrypted packet.</summary>
    public const int TagLength = 16;

    /// <summary>Whether tshark's heuristic takes a datagram of <paramref name="reported"/> bytes whose first 4 were captured.</summary>
    public static bool IsTaken(ReadOnlySpan<byte> captured, int reported)
    {
        if (captured.Length < HeaderLength || reported < HeaderLength)
            return false;
        var type = (WireGuardType)captured[0];
        bool reservedZero = captured[1] == 0 && captured[2] == 0 && captured[3] == 0;
        return type switch
        {
            WireGuardType.HandshakeInitiation => reported == 148,
            WireGuardType.HandshakeResponse => reported == 92,
            WireGuardType.CookieReply => reported == 64 && reservedZero,
            WireGuardType.TransportData => reported >= KeepaliveLength && reservedZero,
            _ => false,
        };
    }

    /// <summary>
    /// Where <paramref name="value"/> lies in a message of <paramref name="type"/>: (-1, 0) when wg does not add it; a
    /// transport data message's encrypted packet runs to <paramref name="captured"/>.
    /// </summary>
    public static (int At, int Size) Place(WireGuardType type, WireGuardValue value, int captured) => (type, value) switch
    {
        (_, WireGuardValue.Type) => (0, 1),
        (_, WireGuardValue.Reserved) => (1, 3),
        (WireGuardType.HandshakeInitiation or WireGuardType.HandshakeResponse, WireGuardValue.Sender) => (4, 4),
        (WireGuardType.HandshakeInitiation, WireGuardValue.Ephemeral) => (8, 32),
        (WireGuardType.HandshakeInitiation, WireGuardValue.EncryptedStatic) => (40, 48),
        (WireGuardType.HandshakeInitiation, WireGuardValue.EncryptedTimestamp) => (88, 28),
        (WireGuardType.HandshakeInitiation, WireGuardValue.Mac1) => (116, 16),
        (WireGuardType.HandshakeInitiation, WireGuardValue.Mac2) => (132, 16),
        (WireGuardType.HandshakeResponse, WireGuardValue.Receiver) => (8, 4),
        (WireGuardType.HandshakeResponse, WireGuardValue.Ephemeral) => (12, 32),
        (WireGuardType.HandshakeResponse, WireGuardValue.EncryptedEmpty) => (44, 16),
        (WireGuardType.HandshakeResponse, WireGuardValue.Mac1) => (60, 16),
        (WireGuardType.HandshakeResponse, WireGuardValue.Mac2) => (76, 16),
        (WireGuardType.CookieReply or WireGuardType.TransportData, WireGuardValue.Receiver) => (4, 4),
        (WireGuardType.CookieReply, WireGuardValue.Nonce) => (8, 24),
        (WireGuardType.CookieReply, WireGuardValue.EncryptedCookie) => (32, 32),
        (WireGuardType.TransportData, WireGuardValue.Counter) => (8, 8),
        // Under a tag's worth of bytes kept after the counter, wg adds an expert item instead.
        (WireGuardType.TransportData, WireGuardValue.EncryptedPacket) when captured - 16 >= TagLength => (16, captured - 16),
        _ => (-1, 0),
    };

    /// <summary>
    /// Whether tshark adds <paramref name="value"/> of a message of which <paramref name="captured"/> bytes were kept: a
    /// value whose bytes were all captured, or an encrypted part wg adds without a value (FT_NONE) that starts within
    /// them (each starts where the value before it ends, so that one was added too).
    /// </summary>
    public static bool Shows(WireGuardType type, WireGuardValue value, int captured)
    {
        var (at, size) = Place(type, value, captured);
        return at >= 0 && (value is WireGuardValue.EncryptedStatic or WireGuardValue.EncryptedTimestamp or WireGuardValue.EncryptedEmpty
            ? at <= captured : at + size <= captured);
    }

    /// <summary>
    /// Whether wg's reads ran past the captured bytes: a handshake or cookie message not kept whole, or a data message
    /// cut before its counter's end.
    /// </summary>
    public static bool IsCut(WireGuardType type, int captured, int reported) =>
        type == WireGuardType.TransportData ? captured < 16 : captured < reported;

    /// <summary>A little-endian identifier or counter of <paramref name="size"/> bytes (4 or 8).</summary>
    public static ulong ReadNumber(ReadOnlySpan<byte> bytes, int size) =>
        size == 8 ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    /// <summary>tshark's name of a message type ("Keepalive" for a data message of 32 bytes).</summary>
    public static string Name(WireGuardType type, int reported) => type switch
    {
        WireGuardType.HandshakeInitiation => "Handshake Initiation",
        WireGuardType.HandshakeResponse => "Handshake Response",
        WireGuardType.CookieReply => "Cookie Reply",
        _ => reported == KeepaliveLength ? "Keepalive" : "Transport Data",
    };
}
