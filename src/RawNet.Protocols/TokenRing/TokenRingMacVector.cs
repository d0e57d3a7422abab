using System.Buffers.Binary;

namespace RawNet.Protocols.TokenRing;

/// <summary>
/// A view over the major vector of an 802.5 MAC frame (frame type 0), tshark's "trmac": the vector's length (two bytes,
/// itself included), the destination and source function classes (a nibble each), the command, then sub-vectors of a
/// length byte (itself included), an identifier and a value.
/// <code>
/// +----------------+-----------+---------+----------------------------------------------+
/// | length (2)     | dst | src | command | sub-vectors: length (1), identifier (1), ... |
/// +----------------+-----------+---------+----------------------------------------------+
/// </code>
/// </summary>
public readonly ref struct TokenRingMacVector
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Length = 0;
        public const int Classes = 2;
        public const int Command = 3;
        public const int SubVectors = 4;
    }

    /// <summary>The bytes before the sub-vectors.</summary>
    public const int HeaderLength = 4;

    /// <summary>tshark hands a MAC frame body of fewer captured bytes than this to data, not to trmac.</summary>
    public const int TsharkMinLength = 3;

    private readonly ReadOnlySpan<byte> _bytes;

    private TokenRingMacVector(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if they hold the vector's header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out TokenRingMacVector vector)
    {
        vector = bytes.Length >= HeaderLength ? new TokenRingMacVector(bytes) : default;
        return bytes.Length >= HeaderLength;
    }

    /// <summary>The major vector's length, its header included.</summary>
    public ushort Length => BinaryPrimitives.ReadUInt16BigEndian(_bytes);

    /// <summary>The major vector's command (tshark's trmac.mvec).</summary>
    public byte Command => _bytes[Field.Command];

    /// <summary>
    /// How far tshark 4.0 reads the sub-vectors of the major vector in <paramref name="bytes"/> (its captured bytes): 0
    /// when everything it reads is there, else the offset of the end of the first read that is not (it stops there with
    /// an exception). It walks while the next sub-vector starts before the vector's declared length, stops at a length
    /// below 2, and reads a value only when its length is the one the identifier allows (a response code of 4 bytes
    /// reads two past it); values of free length are read whole.
    /// </summary>
    public static int TsharkReadEnd(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderLength)
            return HeaderLength;
        int declared = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        // Each turn moves at least two bytes and needs one captured: bounded by the bytes.
        for (int at = Field.SubVectors; at < declared;)
        {
            if (at + 1 > bytes.Length)
                return at + 1;
            int length = bytes[at];
            if (length < 2)
                return 0;
            if (at + 2 > bytes.Length)
                return at + 2;
            int end = at + ValueEnd(bytes[at + 1], length);
            if (end > bytes.Length)
                return end;
            at += length;
        }
        return 0;
    }

    /// <summary>The name Wireshark gives a major vector's command, or null.</summary>
    public static string? CommandName(byte command) => command switch
    {
        0x00 => "Response",
        0x02 => "Beacon",
        0x03 => "Claim Token",
        0x04 => "Ring Purge",
        0x05 => "Active Monitor Present",
        0x06 => "Standby Monitor Present",
        0x07 => "Duplicate Address Test",
        0x09 => "Transmit Forward",
        0x0B => "Remove Ring Station",
        0x0C => "Change Parameters",
        0x0D => "Initialize Ring Station",
        0x0E or 0x0F => "Request Ring Station Address",
        0x10 => "Request Ring Station Attachments",
        0x20 => "Request Initialization",
        0x22 => "Report Ring Station Address",
        0x23 => "Report Ring Station State",
        0x24 => "Report Ring Station Attachments",
        0x25 => "Report New Active Monitor",
        0x26 => "Report NAUN Change",
        0x27 => "Report Poll Error",
        0x28 => "Report Monitor Errors",
        0x29 => "Report Error",
        0x2A => "Report Transmit Forward",
        _ => null,
    };

    /// <summary>The bytes tshark reads of a sub-vector of <paramref name="length"/> with <paramref name="identifier"/>.</summary>
    private static int ValueEnd(byte identifier, int length) => identifier switch
    {
        0x01 or 0x03 or 0x05 or 0x06 or 0x07 or 0x09 or 0x21 or 0x2A or 0x30 => length == 4 ? 4 : 2,
        0x02 or 0x0A or 0x28 or 0x2D or 0x2E => length == 8 ? 8 : 2,
        0x04 or 0x0B or 0x2C => length == 6 ? 6 : 2,
        0x20 => length switch { 4 => 6, 6 => 8, _ => 2 },
        0x2B => length is 6 or 8 ? length : 2,
        _ => length,
    };
}
