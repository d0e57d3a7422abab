using System.Buffers.Binary;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Udld;

/// <summary>
/// The values of a UDLD PDU in tshark 4.0's order (<see cref="UdldWalk"/>): the fields of <see cref="UdldFields"/> in their
/// table's order, then the values that are no fields (the Info column's IDs, the expert item).
/// </summary>
public enum UdldValue : byte
{
    Version,
    Opcode,
    Flags,
    FlagRecommendedTimeout,
    FlagResynch,
    Checksum,
    TlvType,
    TlvLength,
    DeviceId,
    SentThroughInterface,
    Data,

    /// <summary>A device ID (number 0) or port ID (number 1) the Info column shows: its bytes up to the first NUL.</summary>
    InfoId,
    /// <summary>tshark's "TLV with invalid length (&lt; 4)" on a TLV length below 4, which ends the walk.</summary>
    ExpertLengthInvalid,
}

/// <summary>How far tshark's udld read a PDU: to its end, or to a read that threw.</summary>
public enum UdldWalkStatus : byte
{
    /// <summary>Every read succeeded.</summary>
    Complete,
    /// <summary>A read ran past the captured bytes ("Packet size limited during capture").</summary>
    Truncated,
    /// <summary>A read ran past the PDU's reported length ("Malformed Packet").</summary>
    Malformed,
}

/// <summary>
/// Walks a UDLD PDU (Cisco's SNAP PID 0x0111) as tshark 4.0's udld dissects it:
/// <code>
///  0     3         8               16                              32
/// +-----+---------+---------------+--------------------------------+
/// | Ver | Opcode  |     Flags     |            Checksum            |
/// +-----+---------+---------------+--------------------------------+
/// | TLV type (16)                 | TLV length (16, with the header)| value ...
/// +-------------------------------+--------------------------------+
/// </code>
/// TLVs follow while reported bytes remain, each type and length read first (1 to 3 bytes left throw). A length below 4 is
/// an expert item and the end: the rest goes to tshark's data dissector. A device ID is read for the Info column, then shown
/// over its length. A port ID first reads the byte just past its length: unless that byte is 0 the TLV is taken as 3 bytes
/// longer (tshark's guess for one capture), after its Info text. Any other type spans its length; a length of exactly 4
/// ends the walk (and nothing goes to the data dissector), a longer one shows its value as data. Every step moves forward
/// by at least 4 bytes, so the walk ends.
/// </summary>
public static class UdldWalk
{
    /// <summary>The TLV types tshark 4.0 reads for more than data.</summary>
    public const int DeviceIdType = 0x0001, PortIdType = 0x0002;

    /// <summary>The fixed header: version and opcode, flags, checksum.</summary>
    public const int HeaderLength = 4;

    private const int TlvHeaderLength = 4;

    /// <summary>
    /// Walks <paramref name="pdu"/> (captured bytes; the PDU has <paramref name="reported"/>): <paramref name="stop"/> is
    /// where the read that threw started (when not complete); <paramref name="dataStart"/> where tshark's data dissector
    /// takes the rest after a TLV length below 4 (the PDU's length when it takes nothing).
    /// </summary>
    public static UdldWalkStatus Run<T>(scoped ReadOnlySpan<byte> pdu, int reported, ref T visitor, out int stop, out int dataStart)
        where T : struct, IItemVisitor<UdldValue>, allows ref struct
    {
        reported = Math.Max(reported, pdu.Length);
        stop = 0;
        dataStart = reported;
        var status = Reach(pdu, reported, 0, 1);
        if (status != UdldWalkStatus.Complete)
            return status;
        if (!visitor.Item(UdldValue.Version, 0, 1, (ulong)(pdu[0] >> 5)) || !visitor.Item(UdldValue.Opcode, 0, 1, (ulong)(pdu[0] & 0x1F)))
            return UdldWalkStatus.Complete;
        stop = 1;
        status = Reach(pdu, reported, 1, 1);
        if (status != UdldWalkStatus.Complete)
            return status;
        if (!visitor.Item(UdldValue.Flags, 1, 1, pdu[1]) || !visitor.Item(UdldValue.FlagRecommendedTimeout, 1, 1, (ulong)(pdu[1] & 1))
            || !visitor.Item(UdldValue.FlagResynch, 1, 1, (ulong)((pdu[1] >> 1) & 1)))
            return UdldWalkStatus.Complete;
        stop = 2;
        status = Reach(pdu, reported, 2, 2);
        if (status != UdldWalkStatus.Complete)
            return status;
        if (!visitor.Item(UdldValue.Checksum, 2, 2, BinaryPrimitives.ReadUInt16BigEndian(pdu[2..])))
            return UdldWalkStatus.Complete;
        int offset = HeaderLength;
        while (reported - offset > 0)
        {
            // the type's read, then the length's: either may throw
            stop = offset;
            status = Reach(pdu, reported, offset, 2);
            if (status == UdldWalkStatus.Complete)
                status = Reach(pdu, reported, offset + 2, 2);
            if (status != UdldWalkStatus.Complete)
                return status;
            int type = BinaryPrimitives.ReadUInt16BigEndian(pdu[offset..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(pdu[(offset + 2)..]);
            if (length < TlvHeaderLength)
            {
                if (Header(ref visitor, offset, type, length))
                    visitor.Item(UdldValue.ExpertLengthInvalid, offset + 2, 2, (ulong)length);
                dataStart = offset + TlvHeaderLength;
                return UdldWalkStatus.Complete;
            }
            int value = offset + TlvHeaderLength, valueLength = length - TlvHeaderLength;
            switch (type)
            {
                case DeviceIdType:
                    // the Info text reads the value first; the TLV's item then spans the same bytes
                    stop = value;
                    status = Reach(pdu, reported, value, valueLength);
                    if (status != UdldWalkStatus.Complete)
                        return status;
                    if (!visitor.Item(UdldValue.InfoId, value, valueLength, 0) || !Header(ref visitor, offset, type, length)
                        || !visitor.Item(UdldValue.DeviceId, value, valueLength, 0))
                        return UdldWalkStatus.Complete;
                    offset += length;
                    break;
                case PortIdType:
                    // the byte just past the TLV says whether its length is to be believed
                    stop = offset + length;
                    status = Reach(pdu, reported, offset + length, 1);
                    if (status != UdldWalkStatus.Complete)
                        return status;
                    int real = pdu[offset + length] != 0 ? length + 3 : length;
                    if (!visitor.Item(UdldValue.InfoId, value, valueLength, 1))
                        return UdldWalkStatus.Complete;
                    stop = value;
                    status = Reach(pdu, reported, offset, real);
                    if (status != UdldWalkStatus.Complete)
                        return status;
                    if (!Header(ref visitor, offset, type, length) || !visitor.Item(UdldValue.SentThroughInterface, value, real - TlvHeaderLength, 0))
                        return UdldWalkStatus.Complete;
                    offset += real;
                    break;
                default:
                    stop = offset;
                    status = Reach(pdu, reported, offset, length);
                    if (status != UdldWalkStatus.Complete)
                        return status;
                    if (!Header(ref visitor, offset, type, length))
                        return UdldWalkStatus.Complete;
                    // a bare TLV header ends the dissection, the rest handed to nothing
                    if (valueLength == 0)
                        return UdldWalkStatus.Complete;
                    if (!visitor.Item(UdldValue.Data, value, valueLength, 0))
                        return UdldWalkStatus.Complete;
                    offset += length;
                    break;
            }
        }
        return UdldWalkStatus.Complete;
    }

    /// <summary>What tshark's reading comes to, where it stopped and where its data dissector starts.</summary>
    public static UdldWalkStatus StatusOf(ReadOnlySpan<byte> pdu, int reported, out int stop, out int dataStart)
    {
        var none = new DiscardItems<UdldValue>();
        return Run(pdu, reported, ref none, out stop, out dataStart);
    }

    private static bool Header<T>(ref T visitor, int offset, int type, int length) where T : struct, IItemVisitor<UdldValue>, allows ref struct =>
        visitor.Item(UdldValue.TlvType, offset, 2, (ulong)type) && visitor.Item(UdldValue.TlvLength, offset + 2, 2, (ulong)length);

    /// <summary>Whether <paramref name="length"/> bytes at <paramref name="offset"/> were captured, or are past the capture or the PDU.</summary>
    private static UdldWalkStatus Reach(scoped ReadOnlySpan<byte> pdu, int reported, int offset, int length)
    {
        long end = (long)offset + length;
        return end <= pdu.Length ? UdldWalkStatus.Complete : end <= reported ? UdldWalkStatus.Truncated : UdldWalkStatus.Malformed;
    }
}
