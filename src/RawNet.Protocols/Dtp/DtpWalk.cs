using System.Buffers.Binary;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Dtp;

/// <summary>
/// The values of a DTP PDU in tshark 4.0's order (<see cref="DtpWalk"/>): the fields of <see cref="DtpFields"/> in their
/// table's order, then the expert items tshark adds, which are no fields.
/// </summary>
public enum DtpValue : byte
{
    Version,
    TlvType,
    TlvLength,
    Domain,
    OperatingStatus,
    AdministrativeStatus,
    OperatingType,
    AdministrativeType,
    SenderId,
    Data,

    /// <summary>tshark's "Indicated length is less than the minimum length" on a TLV length of 4 or less.</summary>
    ExpertLengthTooShort,
    /// <summary>tshark's "Indicated length does not correspond to this record type" on a known TLV of the wrong length.</summary>
    ExpertLengthInvalid,
    /// <summary>tshark's "DTP message is truncated prematurely": 1 to 3 bytes left after a TLV.</summary>
    ExpertTruncated,
    /// <summary>tshark's "Trying to fetch a MAC address with length N" on an unknown TLV's value (number N), read as an address.</summary>
    ExpertMacLength,
}

/// <summary>How far tshark's dtp read a PDU: to its end, or to a read that threw.</summary>
public enum DtpWalkStatus : byte
{
    /// <summary>Every read succeeded.</summary>
    Complete,
    /// <summary>A read ran past the captured bytes ("Packet size limited during capture").</summary>
    Truncated,
    /// <summary>A read ran past the PDU's reported length, or a value too short for an address ("Malformed Packet").</summary>
    Malformed,
}

/// <summary>
/// Walks a DTP PDU (Cisco's SNAP PID 0x2004) as tshark 4.0's dtp dissects it:
/// <code>
///  0        1                2                4               type-dependent
/// +--------+----------------+----------------+-----------------+---
/// |version | TLV type (16)  | TLV length (16)| value (length-4)| TLV ...
/// +--------+----------------+----------------+-----------------+---
/// </code>
/// TLVs follow while reported bytes remain: fewer than 4 left is an expert item and the end; each TLV's item spans its
/// declared length (past the PDU: malformed, past the capture: cut) before its type and length are shown; a length of 4
/// or less is an expert item and the end. The value is read by the type's low byte (tshark casts it to 8 bits): a domain
/// of at most 33 bytes, a status or type byte, a 6-byte neighbor; another length is an expert item. An unknown type's
/// value is read as an Ethernet address: fewer than 6 bytes throw (malformed), more are a warning. Every step moves
/// forward by at least 5 bytes, so the walk ends.
/// </summary>
public static class DtpWalk
{
    /// <summary>The TLV types tshark 4.0 reads (by the type's low byte).</summary>
    public const int DomainType = 0x01, StatusType = 0x02, TrunkTypeType = 0x03, SenderIdType = 0x04;

    /// <summary>The longest domain value tshark reads: 32 characters and a NUL.</summary>
    public const int MaxDomainLength = 33;

    private const int TlvHeaderLength = 4, MacLength = 6;

    /// <summary>
    /// Walks <paramref name="pdu"/> (captured bytes; the PDU has <paramref name="reported"/>): <paramref name="stop"/> is
    /// where the read that threw started (when not complete).
    /// </summary>
    public static DtpWalkStatus Run<T>(scoped ReadOnlySpan<byte> pdu, int reported, ref T visitor, out int stop) where T : struct, IItemVisitor<DtpValue>, allows ref struct
    {
        reported = Math.Max(reported, pdu.Length);
        stop = 0;
        var status = Reach(pdu, reported, 0, 1);
        if (status != DtpWalkStatus.Complete)
            return status;
        if (!visitor.Item(DtpValue.Version, 0, 1, pdu[0]))
            return DtpWalkStatus.Complete;
        int offset = 1;
        while (reported - offset > 0)
        {
            stop = offset;
            if (reported - offset < TlvHeaderLength)
            {
                visitor.Item(DtpValue.ExpertTruncated, 0, 0, 0);
                break;
            }
            status = Reach(pdu, reported, offset, TlvHeaderLength);
            if (status != DtpWalkStatus.Complete)
                return status;
            int type = BinaryPrimitives.ReadUInt16BigEndian(pdu[offset..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(pdu[(offset + 2)..]);
            // the TLV's subtree covers its declared length, checked before anything in it is shown
            status = Reach(pdu, reported, offset, length);
            if (status != DtpWalkStatus.Complete)
                return status;
            if (!visitor.Item(DtpValue.TlvType, offset, 2, (ulong)type) || !visitor.Item(DtpValue.TlvLength, offset + 2, 2, (ulong)length))
                return DtpWalkStatus.Complete;
            if (length <= TlvHeaderLength)
            {
                visitor.Item(DtpValue.ExpertLengthTooShort, offset + 2, 2, 0);
                break;
            }
            int value = offset + TlvHeaderLength, valueLength = length - TlvHeaderLength;
            // dtp.data is an Ethernet address: a shorter value throws after the item's error, a longer one warns
            if ((byte)type is not (DomainType or StatusType or TrunkTypeType or SenderIdType) && valueLength < MacLength)
            {
                visitor.Item(DtpValue.ExpertMacLength, value, 0, (ulong)valueLength);
                stop = value;
                return DtpWalkStatus.Malformed;
            }
            bool go = (byte)type switch
            {
                DomainType => valueLength <= MaxDomainLength
                    ? visitor.Item(DtpValue.Domain, value, valueLength, 0)
                    : visitor.Item(DtpValue.ExpertLengthInvalid, offset + 2, 2, 0),
                StatusType => valueLength == 1
                    ? visitor.Item(DtpValue.OperatingStatus, value, 1, (ulong)(pdu[value] >> 7))
                        && visitor.Item(DtpValue.AdministrativeStatus, value, 1, (ulong)(pdu[value] & 0x07))
                    : visitor.Item(DtpValue.ExpertLengthInvalid, offset + 2, 2, 0),
                TrunkTypeType => valueLength == 1
                    ? visitor.Item(DtpValue.OperatingType, value, 1, (ulong)(pdu[value] >> 5))
                        && visitor.Item(DtpValue.AdministrativeType, value, 1, (ulong)(pdu[value] & 0x07))
                    : visitor.Item(DtpValue.ExpertLengthInvalid, offset + 2, 2, 0),
                SenderIdType => valueLength == MacLength
                    ? visitor.Item(DtpValue.SenderId, value, MacLength, 0)
                    : visitor.Item(DtpValue.ExpertLengthInvalid, offset + 2, 2, 0),
                _ => (valueLength == MacLength || visitor.Item(DtpValue.ExpertMacLength, value, 0, (ulong)valueLength))
                    && visitor.Item(DtpValue.Data, value, valueLength, 0),
            };
            if (!go)
                return DtpWalkStatus.Complete;
            offset += length;
        }
        return DtpWalkStatus.Complete;
    }

    /// <summary>What tshark's reading comes to and where it stopped.</summary>
    public static DtpWalkStatus StatusOf(ReadOnlySpan<byte> pdu, int reported, out int stop)
    {
        var none = new DiscardItems<DtpValue>();
        return Run(pdu, reported, ref none, out stop);
    }

    /// <summary>Whether <paramref name="length"/> bytes at <paramref name="offset"/> were captured, or are past the capture or the PDU.</summary>
    private static DtpWalkStatus Reach(scoped ReadOnlySpan<byte> pdu, int reported, int offset, int length)
    {
        long end = (long)offset + length;
        return end <= pdu.Length ? DtpWalkStatus.Complete : end <= reported ? DtpWalkStatus.Truncated : DtpWalkStatus.Malformed;
    }}
