using System.Buffers.Binary;

namespace RawNet.Protocols.Vpp;

/// <summary>
/// A view over the fixed part of an fd.io VPP dispatch trace record (LINKTYPE_VPP_DISPATCH, 280) as tshark 4.0's vpp
/// reads it:
/// <code>
/// +-------+-------+--------+------+--------------+----------+----------+--------+---------+---------+--------+
/// | major | minor | string | hint | buffer index | node     | metadata | opaque | opaque2 | trace   | packet |
/// | (1)   | (1)   | count  | (1)  | (4)          | name\0   | \0       | \0     | \0      | \0 (if  | data   |
/// |       |       | (1)    |      |              |          |          |        |         | count>4)|        |
/// +-------+-------+--------+------+--------------+----------+----------+--------+---------+---------+--------+
/// </code>
/// Only major version 1 is read past its first byte; the hint says what the packet data is (0: guessed from its first
/// byte, 1 Ethernet, 2 IPv4, 3 IPv6, 4 TCP, 5 UDP; others are out of range and read as 0).
/// </summary>
public readonly ref struct VppHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int MajorVersion = 0;
        public const int MinorVersion = 1;
        public const int StringCount = 2;
        public const int ProtocolHint = 3;
        public const int BufferIndex = 4;
        public const int NodeName = 8;
    }

    /// <summary>Bytes before the node name.</summary>
    public const int FixedLength = 8;

    /// <summary>The one major version tshark reads past.</summary>
    public const byte Major = 1;

    /// <summary>The minor version tshark expects (another is noted and read all the same).</summary>
    public const byte Minor = 0;

    /// <summary>Hints below this are in tshark's table; others are noted and read as <see cref="HintNone"/>.</summary>
    public const byte HintCount = 6;

    public const byte HintNone = 0;
    public const byte HintEthernet = 1;
    public const byte HintIpv4 = 2;
    public const byte HintIpv6 = 3;
    public const byte HintTcp = 4;
    public const byte HintUdp = 5;

    /// <summary>A string count above this means a trace string follows the opaque2 one.</summary>
    public const byte StringsWithoutTrace = 4;

    /// <summary>The first byte of the data that makes a hint of 0 read IPv4 (version 4, 20-byte header).</summary>
    public const byte TypicalIpv4 = 0x45;

    /// <summary>The first byte of the data that makes a hint of 0 read IPv6 (version 6, traffic class 0).</summary>
    public const byte TypicalIpv6 = 0x60;

    private readonly ReadOnlySpan<byte> _bytes;

    private VppHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Views the 8 fixed bytes; false when fewer were captured.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out VppHeader header)
    {
        header = default;
        if (bytes.Length < FixedLength)
            return false;
        header = new VppHeader(bytes);
        return true;
    }

    public byte MajorVersion => _bytes[Field.MajorVersion];
    public byte MinorVersion => _bytes[Field.MinorVersion];
    public byte StringCount => _bytes[Field.StringCount];
    public byte ProtocolHint => _bytes[Field.ProtocolHint];
    public uint BufferIndex => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.BufferIndex..]);

    /// <summary>The hint tshark goes by: an out-of-range one is read as <see cref="HintNone"/>.</summary>
    public byte EffectiveHint => ProtocolHint < HintCount ? ProtocolHint : HintNone;

    /// <summary>How many strings follow the fixed part: the node name, metadata, opaque and opaque2, and the trace when the count says so.</summary>
    public int Strings => StringCount > StringsWithoutTrace ? 5 : 4;

    /// <summary>
    /// The length, with its zero byte, of the string at <paramref name="offset"/> (tvb_strsize); false when no zero byte
    /// follows before the end of <paramref name="bytes"/>, where tshark's read throws.
    /// </summary>
    public static bool TryMeasureString(ReadOnlySpan<byte> bytes, int offset, out int length)
    {
        length = 0;
        if ((uint)offset >= (uint)bytes.Length)
            return false;
        int nul = bytes[offset..].IndexOf((byte)0);
        if (nul < 0)
            return false;
        length = nul + 1;
        return true;
    }
}
