using System.Buffers.Binary;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Vtp;

/// <summary>
/// The values of a VTP PDU in tshark 4.0's order (<see cref="VtpWalk"/>): the fields of <see cref="VtpFields"/> in their
/// table's order, then the expert item, which is no field.
/// </summary>
public enum VtpValue : byte
{
    Version,
    Code,
    Followers,
    ManagementDomainLength,
    ManagementDomain,
    ConfigurationRevision,
    UpdaterIdentity,
    UpdateTimestamp,
    Md5Digest,
    SequenceNumber,
    StartValue,
    VlanInfoLength,
    VlanStatus,
    VlanSuspended,
    VlanType,
    VlanNameLength,
    IslVlanId,
    MtuSize,
    Index80210,
    VlanName,
    VlanTlvType,
    VlanTlvLength,
    PruningFirst,
    PruningLast,
    PruningActive,
    SourceRoutingRingNumber,
    SourceRoutingBridgeNumber,
    StpType,
    ParentVlan,
    TranslationallyBridgedVlans,
    Pruning,
    BridgeType,
    MaxAreHopCount,
    MaxSteHopCount,
    BackupCrfMode,
    VlanData,
    Reserved,

    /// <summary>tshark's "NAME: Bad length N" on a known VLAN TLV whose value is not 2 bytes (number: type &lt;&lt; 16 | bytes).</summary>
    ExpertTlvLengthBad,
}

/// <summary>How far tshark's vtp read a PDU: to its end, or to a read that threw.</summary>
public enum VtpWalkStatus : byte
{
    /// <summary>Every read succeeded.</summary>
    Complete,
    /// <summary>A read ran past the captured bytes ("Packet size limited during capture").</summary>
    Truncated,
    /// <summary>A read ran past the PDU's reported length ("Malformed Packet").</summary>
    Malformed,
}

/// <summary>
/// Walks a VTP PDU (Cisco's SNAP PID 0x2003) as tshark 4.0's vtp dissects it:
/// <code>
///  0         1         2                     3            4                      36
/// +---------+---------+---------------------+------------+----------------------+---
/// | version | code    | followers/seq/rsvd  | domain len | domain (32, padded)  | by code ...
/// +---------+---------+---------------------+------------+----------------------+---
/// </code>
/// The Info column reads the code (and a summary's or subset's revision at 36) before anything is shown: a PDU too short
/// for it shows nothing. A summary advertisement then has its revision, updater, timestamp and MD5 digest; a subset
/// advertisement its revision and VLAN information entries, each stepped over by its own length byte (0 ends them), with
/// its fixed part, a name rounded up to 4 bytes (in a byte, as tshark keeps it) and TLVs of a type byte and a length in
/// 2-byte words; an advertisement request its start value; a join its first and last VLAN and a bit per VLAN from the
/// first on. Every loop moves forward by at least a byte, so the walk ends.
/// </summary>
public static class VtpWalk
{
    /// <summary>The message codes tshark 4.0 reads.</summary>
    public const byte SummaryAdvert = 1, SubsetAdvert = 2, AdvertRequest = 3, Join = 4;

    /// <summary>Where a summary's or subset's configuration revision lies; the Info column reads it first.</summary>
    public const int RevisionOffset = 36;

    /// <summary>The longest management domain: the field's fixed size.</summary>
    public const int DomainLength = 32;

    /// <summary>
    /// Walks <paramref name="pdu"/> (captured bytes; the PDU has <paramref name="reported"/>): <paramref name="stop"/> is
    /// where the read that threw started (when not complete).
    /// </summary>
    public static VtpWalkStatus Run<T>(scoped ReadOnlySpan<byte> pdu, int reported, ref T visitor, out int stop) where T : struct, IItemVisitor<VtpValue>, allows ref struct
    {
        var walk = new Walker(Math.Max(reported, pdu.Length));
        var status = walk.Message(pdu, ref visitor);
        stop = walk.Stop;
        return status;
    }

    /// <summary>What tshark's reading comes to and where it stopped.</summary>
    public static VtpWalkStatus StatusOf(ReadOnlySpan<byte> pdu, int reported, out int stop)
    {
        var none = new DiscardItems<VtpValue>();
        return Run(pdu, reported, ref none, out stop);
    }

    /// <summary>Whether the Info column's reads succeed on the captured bytes: the code, and a summary's or subset's revision.</summary>
    public static bool InfoReadable(ReadOnlySpan<byte> pdu) =>
        pdu.Length >= 2 && (pdu[1] is not (SummaryAdvert or SubsetAdvert) || pdu.Length >= RevisionOffset + 4);

    /// <summary>The expert item's text for a VLAN TLV type: its name as tshark writes it.</summary>
    public static string TlvName(int type) => type switch
    {
        1 => "Source-Routing Ring Number",
        2 => "Source-Routing Bridge Number",
        3 => "Spanning-Tree Protocol Type",
        4 => "Parent VLAN",
        5 => "Translationally Bridged VLANs",
        6 => "Pruning",
        7 => "Bridge Type",
        8 => "Max ARE Hop Count",
        9 => "Max STE Hop Count",
        10 => "Backup CRF Mode",
        _ => "Unknown",
    };

    /// <summary>The walk's state: the PDU's length, where a read threw, whether the visitor stopped; each read checked before its item.</summary>
    private struct Walker(int reported)
    {
        public int Stop;
        private VtpWalkStatus _status;
        private bool _stopped;

        public VtpWalkStatus Message<T>(scoped ReadOnlySpan<byte> pdu, ref T v) where T : struct, IItemVisitor<VtpValue>, allows ref struct
        {
            // the Info column's reads come first
            if (!Reach(pdu, 0, 2))
                return _status;
            byte code = pdu[1];
            if (code is SummaryAdvert or SubsetAdvert && !Reach(pdu, RevisionOffset, 4))
                return _status;
            if (!Byte(pdu, ref v, VtpValue.Version, 0) || !Byte(pdu, ref v, VtpValue.Code, 1))
                return _status;
            switch (code)
            {
                case SummaryAdvert:
                    _ = Byte(pdu, ref v, VtpValue.Followers, 2) && Header(pdu, ref v) && Number(pdu, ref v, VtpValue.ConfigurationRevision, 36, 4)
                        && Span(pdu, ref v, VtpValue.UpdaterIdentity, 40, 4) && Span(pdu, ref v, VtpValue.UpdateTimestamp, 44, 12) && Span(pdu, ref v, VtpValue.Md5Digest, 56, 16);
                    break;
                case SubsetAdvert:
                    if (!Byte(pdu, ref v, VtpValue.SequenceNumber, 2) || !Header(pdu, ref v) || !Number(pdu, ref v, VtpValue.ConfigurationRevision, 36, 4))
                        break;
                    for (int offset = 40; reported - offset > 0;)
                    {
                        int length = VlanInfo(pdu, ref v, offset);
                        if (length <= 0)
                            break;
                        offset += length;
                    }
                    break;
                case AdvertRequest:
                    _ = Span(pdu, ref v, VtpValue.Reserved, 2, 1) && Header(pdu, ref v) && Number(pdu, ref v, VtpValue.StartValue, 36, 2);
                    break;
                case Join:
                    if (!Span(pdu, ref v, VtpValue.Reserved, 2, 1) || !Header(pdu, ref v) || !Number(pdu, ref v, VtpValue.PruningFirst, 36, 2) || !Number(pdu, ref v, VtpValue.PruningLast, 38, 2))
                        break;
                    // the bitmap's subtree runs to the end: tshark wants at least a byte there
                    if (!Reach(pdu, 40, 1))
                        return _status;
                    int vlan = BinaryPrimitives.ReadUInt16BigEndian(pdu[36..]);
                    for (int offset = 40; reported - offset > 0; offset++)
                    {
                        if (!Reach(pdu, offset, 1))
                            return _status;
                        for (int bit = 7; bit >= 0; bit--, vlan++)
                        {
                            if ((pdu[offset] >> bit & 1) != 0 && !Emit(pdu, ref v, VtpValue.PruningActive, offset, 1, (ulong)vlan))
                                return _status;
                        }
                    }
                    break;
            }
            return _status;
        }

        /// <summary>The management domain's length and its 32 bytes.</summary>
        private bool Header<T>(scoped ReadOnlySpan<byte> pdu, ref T v) where T : struct, IItemVisitor<VtpValue>, allows ref struct => Byte(pdu, ref v, VtpValue.ManagementDomainLength, 3) && Span(pdu, ref v, VtpValue.ManagementDomain, 4, DomainLength);

        /// <summary>One VLAN information entry at <paramref name="offset"/>: the length it says (0 ends the list), or -1 when the walk stopped.</summary>
        private int VlanInfo<T>(scoped ReadOnlySpan<byte> pdu, ref T v, int offset) where T : struct, IItemVisitor<VtpValue>, allows ref struct
        {
            if (!Reach(pdu, offset, 1))
                return -1;
            int length = pdu[offset];
            // the entry's subtree spans its length before anything in it is shown
            if (!Reach(pdu, offset, length) || !Number(pdu, ref v, VtpValue.VlanInfoLength, offset, 1))
                return -1;
            if (!Reach(pdu, offset + 1, 1) || !Emit(pdu, ref v, VtpValue.VlanStatus, offset + 1, 1, pdu[offset + 1])
                || !Emit(pdu, ref v, VtpValue.VlanSuspended, offset + 1, 1, (ulong)(pdu[offset + 1] & 1)))
                return -1;
            if (!Number(pdu, ref v, VtpValue.VlanType, offset + 2, 1) || !Number(pdu, ref v, VtpValue.VlanNameLength, offset + 3, 1) || !Number(pdu, ref v, VtpValue.IslVlanId, offset + 4, 2)
                || !Number(pdu, ref v, VtpValue.MtuSize, offset + 6, 2) || !Number(pdu, ref v, VtpValue.Index80210, offset + 8, 4))
                return -1;
            // rounded up to 4 bytes and kept in a byte: a length above 252 becomes 0
            int name = 4 * ((pdu[offset + 3] + 3) / 4) & 0xFF;
            if (!Span(pdu, ref v, VtpValue.VlanName, offset + 12, name))
                return -1;
            int at = offset + 12 + name, left = length - 12 - name;
            while (left > 0)
            {
                if (!Reach(pdu, at, 1) || !Reach(pdu, at + 1, 1))
                    return -1;
                int type = pdu[at], words = pdu[at + 1], bytes = 2 * words;
                if (!Reach(pdu, at, 2 + bytes) || !Number(pdu, ref v, VtpValue.VlanTlvType, at, 1) || !Number(pdu, ref v, VtpValue.VlanTlvLength, at + 1, 1))
                    return -1;
                if (bytes > 0 && !Tlv(pdu, ref v, type, at + 2, bytes))
                    return -1;
                at += 2 + bytes;
                left -= 2 + bytes;
            }
            return length;
        }

        /// <summary>A VLAN TLV's value: a known type's 2-byte field (another length an expert item), an unknown type's data.</summary>
        private bool Tlv<T>(scoped ReadOnlySpan<byte> pdu, ref T v, int type, int at, int bytes) where T : struct, IItemVisitor<VtpValue>, allows ref struct
        {
            VtpValue? field = type switch
            {
                1 => VtpValue.SourceRoutingRingNumber,
                2 => VtpValue.SourceRoutingBridgeNumber,
                3 => VtpValue.StpType,
                4 => VtpValue.ParentVlan,
                5 => VtpValue.TranslationallyBridgedVlans,
                6 => VtpValue.Pruning,
                7 => VtpValue.BridgeType,
                8 => VtpValue.MaxAreHopCount,
                9 => VtpValue.MaxSteHopCount,
                10 => VtpValue.BackupCrfMode,
                _ => null,
            };
            if (field is not { } known)
                return Emit(pdu, ref v, VtpValue.VlanData, at, bytes, 0);
            return bytes == 2
                ? Emit(pdu, ref v, known, at, 2, BinaryPrimitives.ReadUInt16BigEndian(pdu[at..]))
                : Emit(pdu, ref v, VtpValue.ExpertTlvLengthBad, at - 2, 2 + bytes, (ulong)((type << 16) | bytes));
        }

        private bool Byte<T>(scoped ReadOnlySpan<byte> pdu, ref T v, VtpValue which, int offset) where T : struct, IItemVisitor<VtpValue>, allows ref struct => Number(pdu, ref v, which, offset, 1);

        /// <summary>A big-endian number of <paramref name="length"/> bytes (1, 2 or 4).</summary>
        private bool Number<T>(scoped ReadOnlySpan<byte> pdu, ref T v, VtpValue which, int offset, int length) where T : struct, IItemVisitor<VtpValue>, allows ref struct
        {
            if (!Reach(pdu, offset, length))
                return false;
            ulong value = length switch
            {
                1 => pdu[offset],
                2 => BinaryPrimitives.ReadUInt16BigEndian(pdu[offset..]),
                _ => BinaryPrimitives.ReadUInt32BigEndian(pdu[offset..]),
            };
            return Emit(pdu, ref v, which, offset, length, value);
        }

        /// <summary>A field shown by its bytes (text, an address, bytes).</summary>
        private bool Span<T>(scoped ReadOnlySpan<byte> pdu, ref T v, VtpValue which, int offset, int length) where T : struct, IItemVisitor<VtpValue>, allows ref struct => Reach(pdu, offset, length) && Emit(pdu, ref v, which, offset, length, 0);

        private bool Emit<T>(scoped ReadOnlySpan<byte> pdu, ref T v, VtpValue which, int offset, int length, ulong number) where T : struct, IItemVisitor<VtpValue>, allows ref struct
        {
            if (_stopped)
                return false;
            if (!v.Item(which, offset, length, number))
                _stopped = true;
            return !_stopped;
        }

        /// <summary>Whether <paramref name="length"/> bytes at <paramref name="offset"/> were captured; else the walk's status says where they are.</summary>
        private bool Reach(scoped ReadOnlySpan<byte> pdu, int offset, int length)
        {
            long end = (long)offset + length;
            if (end <= pdu.Length)
                return true;
            _status = end <= reported ? VtpWalkStatus.Truncated : VtpWalkStatus.Malformed;
            Stop = offset;
            return false;
        }
    }
}
