using System.Buffers.Binary;
using RawNet.Protocols.Checksums;

namespace RawNet.Protocols.Fpp;

/// <summary>What an mPacket is, by its start mPacket delimiter (SMD) and, for a continuation, its fragment count.</summary>
public enum FppPacketType : byte
{
    /// <summary>No SMD tshark knows after the preamble: it hands the whole frame to Ethernet.</summary>
    Invalid,
    /// <summary>SMD-E (0xD5): an express frame, ended by its CRC.</summary>
    Express,
    /// <summary>SMD-V (0x07): a verify mPacket.</summary>
    Verify,
    /// <summary>SMD-R (0x19): a respond mPacket.</summary>
    Respond,
    /// <summary>SMD-S0 to SMD-S3: a preemptable frame's first fragment, or the whole frame when its CRC is a frame's CRC.</summary>
    Start,
    /// <summary>SMD-C0 to SMD-C3 followed by a fragment count: a continuation fragment.</summary>
    Continuation,
}

/// <summary>What the last 4 bytes of an mPacket are, compared with the CRC-32 of its mData.</summary>
public enum FppCrc : byte
{
    /// <summary>The frame's CRC: the mData is a whole frame.</summary>
    Crc,
    /// <summary>The mCRC (the CRC with its upper 16 bits inverted): more fragments follow.</summary>
    MCrc,
    /// <summary>Neither.</summary>
    Bad,
}

/// <summary>How far tshark's fpp dissector gets before the bytes run out (an exception ends it there).</summary>
public enum FppReach : byte
{
    /// <summary>It stopped in the preamble walk, before writing its Protocol column.</summary>
    Nothing,
    /// <summary>Its Protocol column, no field: the byte after the SMD, or an express frame's CRC, was missing.</summary>
    Columns,
    /// <summary>The preamble alone: the mData was not there (a preemption mPacket).</summary>
    Preamble,
    /// <summary>The preamble, its SMD (and fragment count) and the mData, but not the CRC.</summary>
    Delimiters,
    /// <summary>Every field, the Info column, and what follows the mPacket.</summary>
    Complete,
}

/// <summary>
/// An IEEE 802.3br mPacket (LINKTYPE_ETHERNET_MPACKET, 274) as tshark 4.0's fpp dissector reads it: a preamble of 0x55
/// bytes (after an optional alignment byte 0x50), a start mPacket delimiter (SMD), for a continuation a fragment count,
/// the mData, and a 4-byte CRC or mCRC:
/// <code>
/// [0x50] 0x55 ... 0x55 | SMD | [frag count] | mData ............ | CRC (4)
/// </code>
/// The preamble walk stops at the first byte other than 0x55 or two bytes before the frame's end; tshark reads the byte
/// after the SMD whatever the type. A continuation's mCRC is seeded by the fragment before it, which this stateless
/// reading does not know: it reads every continuation as tshark reads one that follows no initial fragment.
/// </summary>
public readonly struct FppFrame
{
    /// <summary>The preamble's alignment byte, whose low nibble is padding.</summary>
    public const byte AlignmentByte = 0x50;

    /// <summary>A preamble byte.</summary>
    public const byte PreambleByte = 0x55;

    /// <summary>The preamble length tshark assumes when no SMD follows the preamble.</summary>
    public const int DefaultPreambleLength = 8;

    /// <summary>Length of the CRC or mCRC.</summary>
    public const int CrcLength = 4;

    /// <summary>The bits an mCRC inverts in the CRC, as read big-endian from the frame.</summary>
    public const uint MCrcMask = 0xFFFF0000;

    /// <summary>The SMD values.</summary>
    public static class Smd
    {
        public const byte Verify = 0x07, Respond = 0x19, Express = 0xD5;
        public const byte Start0 = 0xE6, Start1 = 0x4C, Start2 = 0x7F, Start3 = 0xB3;
        public const byte Continuation0 = 0x61, Continuation1 = 0x52, Continuation2 = 0x9E, Continuation3 = 0x2A;
    }

    /// <summary>What the mPacket is.</summary>
    public FppPacketType Type { get; init; }

    /// <summary>What the last 4 bytes are (meaningful when <see cref="Reach"/> is <see cref="FppReach.Complete"/>).</summary>
    public FppCrc Crc { get; init; }

    /// <summary>How far tshark reads.</summary>
    public FppReach Reach { get; init; }

    /// <summary>The preamble's length with its SMD (and fragment count): where the mData starts.</summary>
    public int PreambleLength { get; init; }

    /// <summary>Whether the reading stopped because the capture cut the frame (rather than because the frame ended).</summary>
    public bool Cut { get; init; }

    /// <summary>True for an SMD-S value (also the fragment counts #0 to #3).</summary>
    public static bool IsStart(byte smd) => smd is Smd.Start0 or Smd.Start1 or Smd.Start2 or Smd.Start3;

    /// <summary>True for an SMD-C value.</summary>
    public static bool IsContinuation(byte smd) => smd is Smd.Continuation0 or Smd.Continuation1 or Smd.Continuation2 or Smd.Continuation3;

    /// <summary>The number (0 to 3) of an SMD-S value or fragment count, or of an SMD-C value.</summary>
    public static int Number(byte smd) => smd switch
    {
        Smd.Start0 or Smd.Continuation0 => 0,
        Smd.Start1 or Smd.Continuation1 => 1,
        Smd.Start2 or Smd.Continuation2 => 2,
        _ => 3,
    };

    /// <summary>
    /// Reads an mPacket of <paramref name="reported"/> bytes on the wire, of which <paramref name="captured"/> were kept,
    /// in tshark's order. Bounded by the captured bytes; never throws.
    /// </summary>
    public static FppFrame Read(ReadOnlySpan<byte> captured, int reported)
    {
        int c = captured.Length;
        // The preamble walk: every read past the captured bytes ends tshark before its columns.
        if (c == 0)
            return Stopped(FppReach.Nothing, 0, reported > 0);
        int o = captured[0] == AlignmentByte ? 1 : 0;
        while (true)
        {
            if (o >= c)
                return Stopped(FppReach.Nothing, 0, o < reported);
            if (captured[o] != PreambleByte || o + 2 >= reported)
                break;
            o++;
        }
        byte smd1 = captured[o];
        if (o + 1 >= c)
            return Stopped(FppReach.Columns, 0, o + 1 < reported);
        byte smd2 = captured[o + 1];
        FppPacketType type = smd1 switch
        {
            Smd.Express => FppPacketType.Express,
            Smd.Verify => FppPacketType.Verify,
            Smd.Respond => FppPacketType.Respond,
            _ when IsStart(smd1) => FppPacketType.Start,
            _ when IsContinuation(smd1) && IsStart(smd2) => FppPacketType.Continuation,
            _ => FppPacketType.Invalid,
        };
        if (type == FppPacketType.Invalid)
            return new FppFrame { Type = type, Reach = FppReach.Complete, PreambleLength = 0 };
        int preamble = type == FppPacketType.Continuation ? o + 2 : o + 1;
        int data = reported - preamble - CrcLength;
        if (type == FppPacketType.Express)
        {
            // The CRC is computed before any field is added.
            if (data < 0)
                return Stopped(FppReach.Columns, 0, cut: false);
            if (reported > c)
                return Stopped(FppReach.Columns, 0, cut: true);
        }
        else
        {
            if (data < -1)
                return Stopped(FppReach.Preamble, preamble, false, type);
            if (data >= 0 && preamble + data > c)
                return Stopped(FppReach.Preamble, preamble, true, type);
            // A length of -1 is tshark's "to the end": the mData item shows, the CRC cannot be computed.
            if (data < 0)
                return Stopped(FppReach.Delimiters, preamble, false, type);
            if (reported > c)
                return Stopped(FppReach.Delimiters, preamble, true, type);
        }
        uint computed = ComputeCrc(captured.Slice(preamble, data));
        uint stored = BinaryPrimitives.ReadUInt32BigEndian(captured[(reported - CrcLength)..]);
        var crc = stored == computed ? FppCrc.Crc
            : type != FppPacketType.Express && stored == (computed ^ MCrcMask) ? FppCrc.MCrc
            : FppCrc.Bad;
        return new FppFrame { Type = type, Crc = crc, Reach = FppReach.Complete, PreambleLength = preamble };
    }

    /// <summary>The CRC of <paramref name="mdata"/> as the frame's last 4 bytes read big-endian hold it.</summary>
    public static uint ComputeCrc(ReadOnlySpan<byte> mdata) => BinaryPrimitives.ReverseEndianness(Crc32.Compute(mdata));

    private static FppFrame Stopped(FppReach reach, int preamble, bool cut, FppPacketType type = FppPacketType.Invalid) =>
        new() { Type = type, Reach = reach, PreambleLength = preamble, Cut = cut };

    /// <summary>The type, CRC and reach in one byte, for <see cref="Decoding.Layer.Detail"/> (the preamble's length is the layer's header).</summary>
    public byte Pack() => (byte)((byte)Type | (byte)Crc << 3 | (byte)Reach << 5);

    /// <summary>The reading <see cref="Pack"/> kept, with the preamble's length.</summary>
    public static FppFrame Unpack(byte detail, int preambleLength) => new()
    {
        Type = (FppPacketType)(detail & 0x07),
        Crc = (FppCrc)((detail >> 3) & 0x03),
        Reach = (FppReach)(detail >> 5),
        PreambleLength = preambleLength,
    };

    /// <summary>Where the mData ends: before the CRC, or (a length tshark reads as "to the end") at the captured end.</summary>
    public static int MDataEnd(int preamble, int captured, int reported) =>
        reported - preamble - CrcLength == -1 ? captured : reported - CrcLength;
}
