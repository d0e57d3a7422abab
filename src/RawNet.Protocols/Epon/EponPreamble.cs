using System.Buffers.Binary;

namespace RawNet.Protocols.Epon;

/// <summary>How far tshark 4.0's epon dissector reads a frame before it ends, or an exception ends it.</summary>
public enum EponReach : byte
{
    /// <summary>The first 4 bytes were not there: the read that looks for the SLD threw, before any column or item.</summary>
    None,
    /// <summary>No SLD at the start: an empty epon item with its expert item, and nothing else (the frame has no protocol).</summary>
    NoSld,
    /// <summary>The columns and the epon item; the DPoE security byte was missing.</summary>
    Columns,
    /// <summary>The DPoE security byte's items; mode and LLID were missing.</summary>
    Security,
    /// <summary>Mode and LLID; the checksum byte was missing.</summary>
    Llid,
    /// <summary>The checksum and its status; an encrypted frame's data item then had no byte left (it threw).</summary>
    Checksum,
    /// <summary>Every item: the encrypted data, or the rest handed to Ethernet.</summary>
    Complete,
}

/// <summary>
/// The EPON preamble a LINKTYPE_EPON (259) frame starts with, as tshark 4.0's epon dissector ("IEEE 802.3 EPON
/// Preamble") reads it. Its first 4 bytes place the SLD: <c>55 55 D5 55</c> at 2, <c>55 D5 55</c> at 1, <c>D5 55</c> at
/// 0, anything else is refused. From there, 6 bytes:
/// <code>
/// SLD 0xD5 0x55 (2) | DPoE security (1): reserved 7-2 (010101), encrypted 1, key ID 0; 0x55 when off
///                   | mode (bit 15) and LLID (bits 14-0) (2) | CRC-8 of the 5 bytes before it (1)
/// </code>
/// An encrypted frame's remaining bytes are shown as data; any other's go to Ethernet, whose FCS tshark guesses.
/// </summary>
public readonly struct EponPreamble
{
    /// <summary>Offsets from the SLD.</summary>
    public static class Field
    {
        public const int Security = 2;
        public const int ModeLlid = 3;
        public const int Checksum = 5;
    }

    /// <summary>The preamble's length from its SLD (what tshark's epon item spans).</summary>
    public const int Length = 6;

    /// <summary>The bytes tshark reads before it decides where the SLD is.</summary>
    public const int SldProbeLength = 4;

    /// <summary>The DPoE security byte when security is off.</summary>
    public const byte SecurityOff = 0x55;

    /// <summary>The DPoE security byte's reserved bits and the value they must have in 1G mode.</summary>
    public const byte ReservedMask = 0xFC, ReservedValue = 0x54;

    /// <summary>The DPoE security byte's encryption and key ID bits.</summary>
    public const byte EncryptedBit = 0x02, KeyIdBit = 0x01;

    /// <summary>Where the SLD is (0, 1 or 2): where the preamble's 6 bytes start.</summary>
    public int Offset { get; init; }

    /// <summary>How far tshark reads.</summary>
    public EponReach Reach { get; init; }

    /// <summary>Whether the reading stopped because the capture cut the frame (rather than because the frame ended).</summary>
    public bool Cut { get; init; }

    /// <summary>Where the preamble ends and what it carries starts.</summary>
    public int End => Offset + Length;

    /// <summary>
    /// Reads the preamble of a frame of <paramref name="reported"/> bytes on the wire, of which <paramref name="captured"/>
    /// were kept, in tshark's order. Bounded by the captured bytes; never throws.
    /// </summary>
    public static EponPreamble Read(ReadOnlySpan<byte> captured, int reported)
    {
        int c = captured.Length;
        if (c < SldProbeLength)
            return Stopped(EponReach.None, 0, c, reported, SldProbeLength);
        uint start = BinaryPrimitives.ReadUInt32BigEndian(captured);
        int offset = start == 0x5555D555 ? 2 : start >> 8 == 0x55D555 ? 1 : start >> 16 == 0xD555 ? 0 : -1;
        if (offset < 0)
            return new EponPreamble { Reach = EponReach.NoSld };
        if (c < offset + Field.Security + 1)
            return Stopped(EponReach.Columns, offset, c, reported, offset + Field.Security + 1);
        if (c < offset + Field.Checksum)
            return Stopped(EponReach.Security, offset, c, reported, offset + Field.Checksum);
        if (c < offset + Length)
            return Stopped(EponReach.Llid, offset, c, reported, offset + Length);
        // An encrypted frame's data item runs to the end: with no byte left, it throws.
        if (IsEncrypted(captured[offset + Field.Security]) && c == offset + Length)
            return Stopped(EponReach.Checksum, offset, c, reported, c + 1);
        return new EponPreamble { Offset = offset, Reach = EponReach.Complete };
    }

    private static EponPreamble Stopped(EponReach reach, int offset, int captured, int reported, int needed) =>
        new() { Reach = reach, Offset = offset, Cut = reported >= needed && captured < reported };

    /// <summary>Whether a DPoE security byte marks the frame encrypted (security on and its encryption bit set).</summary>
    public static bool IsEncrypted(byte security) => security != SecurityOff && (security & EncryptedBit) != 0;

    /// <summary>The preamble's CRC-8 (x^8 + x^2 + x + 1, bits taken least significant first, initial 0) of <paramref name="bytes"/>.</summary>
    public static byte ComputeChecksum(ReadOnlySpan<byte> bytes)
    {
        int crc = 0;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xE0 : crc >> 1;
        }
        return (byte)crc;
    }

    /// <summary>Whether the checksum of the preamble at <paramref name="offset"/> in <paramref name="frame"/> (all 6 bytes captured) checks.</summary>
    public static bool ChecksumGood(ReadOnlySpan<byte> frame, int offset) =>
        ComputeChecksum(frame.Slice(offset, Field.Checksum)) == frame[offset + Field.Checksum];

    /// <summary>The offset, reach and cut in one byte, for <see cref="Decoding.Layer.Detail"/>.</summary>
    public byte Pack() => (byte)(Offset | (byte)Reach << 2 | (Cut ? 0x80 : 0));

    /// <summary>The reading <see cref="Pack"/> kept.</summary>
    public static EponPreamble Unpack(byte detail) => new()
    {
        Offset = detail & 0x03,
        Reach = (EponReach)((detail >> 2) & 0x07),
        Cut = (detail & 0x80) != 0,
    };
}
