using System.Buffers.Binary;

namespace RawNet.Protocols.GprsLlc;

/// <summary>
/// A view over an SNDCP header (3GPP TS 44.065, 7.2) as tshark 4.0's sndcp reads it: the address byte (X, F, T, M and
/// the NSAPI), the compression byte (DCOMP, PCOMP) of a first segment, an acknowledged (SN-DATA) first segment's N-PDU
/// number byte, an unacknowledged (SN-UNITDATA) segment's segment and N-PDU numbers. A first segment with M clear is the
/// whole N-PDU: tshark hands it to "ip" when neither compression is set, else to data; any other is a fragment.
/// <code>
/// | X F T M NSAPI | DCOMP PCOMP (F) | N-PDU (F, !T) | segment(4) N-PDU(12) (T) | N-PDU ...
/// </code>
/// </summary>
public readonly ref struct SndcpHeader
{
    /// <summary>Address byte bits.</summary>
    public const byte SpareBit = 0x80, FirstBit = 0x40, TypeBit = 0x20, MoreBit = 0x10;

    private readonly ReadOnlySpan<byte> _bytes;

    private SndcpHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>The header's length as the address byte <paramref name="address"/> lays it out.</summary>
    public static int LengthOf(byte address)
    {
        bool first = (address & FirstBit) != 0, unack = (address & TypeBit) != 0;
        return 1 + (first ? 1 : 0) + (first && !unack ? 1 : 0) + (unack ? 2 : 0);
    }

    /// <summary>Wraps <paramref name="bytes"/> if it holds a whole header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out SndcpHeader header)
    {
        bool ok = bytes.Length >= 1 && bytes.Length >= LengthOf(bytes[0]);
        header = ok ? new SndcpHeader(bytes) : default;
        return ok;
    }

    public byte Address => _bytes[0];
    public int Nsapi => Address & 0x0F;
    public bool First => (Address & FirstBit) != 0;
    /// <summary>True for SN-UNITDATA (the T bit), false for SN-DATA.</summary>
    public bool Unacknowledged => (Address & TypeBit) != 0;
    public bool More => (Address & MoreBit) != 0;
    public int Length => LengthOf(Address);
    public int Dcomp => First ? _bytes[1] >> 4 : 0;
    public int Pcomp => First ? _bytes[1] & 0x0F : 0;
    /// <summary>An unacknowledged segment's number, else 0.</summary>
    public int Segment => Unacknowledged ? _bytes[First ? 2 : 1] >> 4 : 0;
    /// <summary>The N-PDU number: 12 bits unacknowledged, a first acknowledged segment's byte, else 0.</summary>
    public int Npdu => Unacknowledged ? BinaryPrimitives.ReadUInt16BigEndian(_bytes[(First ? 2 : 1)..]) & 0x0FFF : First ? _bytes[2] : 0;
    /// <summary>True when the header is the whole N-PDU's: a first segment with no more to follow.</summary>
    public bool Whole => First && !More;
    /// <summary>True when the N-PDU is neither data nor protocol compressed.</summary>
    public bool Uncompressed => Dcomp == 0 && Pcomp == 0;
}
