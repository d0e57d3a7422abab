using System.Buffers.Binary;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Lldp;

/// <summary>
/// The values of an LLDPDU in tshark 4.0's order (<see cref="LldpWalk"/>): the fields of <see cref="LldpFields"/> in
/// their table's order, then the texts the Info column takes, which are no fields.
/// </summary>
public enum LldpValue : byte
{
    TlvType,
    TlvLength,
    ChassisSubtype,
    ChassisId,
    ChassisIdMac,
    ChassisIdIpv4,
    ChassisIdIpv6,
    NetworkAddressFamily,
    PortSubtype,
    PortId,
    PortIdMac,
    PortIdIpv4,
    PortIdIpv6,
    TimeToLive,
    PortDescription,
    SystemName,
    SystemDescription,
    SystemCapabilities,
    CapabilityOther,
    CapabilityRepeater,
    CapabilityBridge,
    CapabilityWlan,
    CapabilityRouter,
    CapabilityTelephone,
    CapabilityDocsis,
    CapabilityStation,
    EnabledCapabilities,
    EnabledOther,
    EnabledRepeater,
    EnabledBridge,
    EnabledWlan,
    EnabledRouter,
    EnabledTelephone,
    EnabledDocsis,
    EnabledStation,
    ManagementAddressLength,
    ManagementAddressSubtype,
    ManagementAddressIpv4,
    ManagementAddressIpv6,
    ManagementAddressHex,
    ManagementInterfaceSubtype,
    ManagementInterfaceNumber,
    ManagementOidLength,
    ManagementOid,
    OrganizationOui,
    Ieee8021Subtype,
    PortVlanId,
    PortProtocolVlanFlags,
    PortProtocolVlanSupported,
    PortProtocolVlanEnabled,
    PortProtocolVlanId,
    VlanId,
    VlanNameLength,
    VlanName,
    ProtocolIdentityLength,
    ProtocolIdentity,
    Ieee8021AggregationStatus,
    Ieee8021AggregationCapable,
    Ieee8021AggregationEnabled,
    Ieee8021AggregationPortType,
    Ieee8021AggregatedPortId,
    Ieee8023Subtype,
    AutoNegotiationStatus,
    AutoNegotiationSupported,
    AutoNegotiationEnabled,
    AdvertisedCapabilities,
    OperationalMauType,
    MdiPowerSupport,
    MdiPortClass,
    MdiPsePowerSupported,
    MdiPsePowerEnabled,
    MdiPsePairsControl,
    MdiPsePowerPair,
    MdiPowerClass,
    MdiPowerType,
    MdiPowerSource,
    MdiPowerPriority,
    MdiRequestedPower,
    MdiAllocatedPower,
    Ieee8023AggregationStatus,
    Ieee8023AggregationCapable,
    Ieee8023AggregationEnabled,
    Ieee8023AggregatedPortId,
    MaximumFrameSize,
    UnknownSubtype,
    UnknownSubtypeContent,

    /// <summary>The Info column's "XX/id " of a chassis or port ID: number <see cref="LldpWalk.PackId"/>, the ID's bytes.</summary>
    InfoId,
    /// <summary>The Info column's TTL ("120 "): number the seconds.</summary>
    InfoTtl,
    /// <summary>The Info column's "SysN=... " (number 0) or "SysD=... " (number 1): the string's bytes.</summary>
    InfoSystem,
    /// <summary>A text tshark sets the Info column to (number an <see cref="LldpInfoText"/>), replacing what it had.</summary>
    InfoSet,
}

/// <summary>The texts tshark's lldp sets the Info column to when a mandatory TLV is bad or repeated.</summary>
public enum LldpInfoText : byte
{
    InvalidChassis,
    InvalidPort,
    InvalidTtl,
    DuplicateChassis,
    DuplicatePort,
    DuplicateTtl,
}

/// <summary>How an ID of the Info column is written: its two letters come from the subtype.</summary>
public enum LldpIdFormat : byte
{
    Text,
    Hex,
    Mac,
    Ipv4,
    Ipv6,
    Reserved,
}

/// <summary>How far tshark's lldp read an LLDPDU: to its end, or to a read that threw.</summary>
public enum LldpWalkStatus : byte
{
    /// <summary>Every read succeeded.</summary>
    Complete,
    /// <summary>A read ran past the captured bytes ("Packet size limited during capture").</summary>
    Truncated,
    /// <summary>A read ran past the bytes the frame had but not past its TLV's length ("length of contained item exceeds ...").</summary>
    Contained,
    /// <summary>A read ran past a TLV's length or the frame's ("Malformed Packet").</summary>
    Malformed,
}

/// <summary>
/// Walks an LLDPDU as tshark 4.0's lldp dissects it: the chassis ID, port ID and TTL TLVs in that order (a wrong type
/// ends the walk with an Info text), then TLVs while captured bytes remain, up to the End TLV or a repeated mandatory TLV.
/// Every TLV is read from a sub-buffer of its declared length, so a read past that length throws as malformed, one past
/// the frame but inside the TLV as a contained item's, one past the captured bytes as truncation; the value a dissector
/// returns moves to the next TLV (a capabilities or management address TLV moves by what it read, not by its length).
/// </summary>
public static class LldpWalk
{
    /// <summary>The TLV types.</summary>
    public const int EndType = 0, ChassisType = 1, PortType = 2, TtlType = 3, PortDescriptionType = 4, SystemNameType = 5,
        SystemDescriptionType = 6, CapabilitiesType = 7, ManagementAddressType = 8, OrganizationType = 127;

    /// <summary>The OUIs whose TLVs RawNet reads: IEEE 802.1's and 802.3's.</summary>
    public const uint Ieee8021 = 0x0080C2, Ieee8023 = 0x00120F;

    /// <summary>An Info ID's number: port (1) or chassis (0), the two letters' subtype index and the format.</summary>
    public static ulong PackId(bool port, int letters, LldpIdFormat format) => (port ? 1UL : 0UL) | (ulong)(letters & 0xFF) << 8 | (ulong)format << 16;

    /// <summary>Walks <paramref name="pdu"/> (captured bytes; the frame has <paramref name="reported"/>).</summary>
    public static LldpWalkStatus Run<T>(ReadOnlySpan<byte> pdu, int reported, ref T visitor, out int stop, out int claimed) where T : struct, IItemVisitor<LldpValue>, allows ref struct
    {
        var walker = new Walker<T>(pdu, Math.Max(reported, pdu.Length));
        var status = walker.Run(ref visitor);
        stop = walker.Stop;
        claimed = walker.Claimed;
        return status;
    }

    /// <summary>What tshark's reading comes to, where it stopped and how many bytes the PDU claims (the rest a trailer).</summary>
    public static LldpWalkStatus StatusOf(ReadOnlySpan<byte> pdu, int reported, out int stop, out int claimed)
    {
        var none = new DiscardItems<LldpValue>();
        return Run(pdu, reported, ref none, out stop, out claimed);
    }

    /// <summary>
    /// How many bytes of the frame tshark's lldp keeps for an LLDP layer it read through (the rest is Ethernet's trailer):
    /// up to a byte before the End TLV or a repeated mandatory TLV, else all.
    /// </summary>
    public static int ClaimedLength(in Decoding.Layer layer, ReadOnlySpan<byte> buffer)
    {
        if (layer.Status != Decoding.LayerStatus.Complete || (uint)layer.Offset > (uint)buffer.Length)
            return layer.Extent;
        var pdu = buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)];
        return StatusOf(pdu, layer.Extent, out _, out int claimed) == LldpWalkStatus.Complete ? Math.Min(claimed, layer.Extent) : layer.Extent;
    }

    /// <summary>Thrown inside the walk only, for tshark's exceptions: never leaves <see cref="Run"/>.</summary>
    private enum Thrown : byte { None, Truncated, Contained, Malformed, Stopped }

    private ref struct Walker<T>(ReadOnlySpan<byte> bytes, int reported) where T : struct, IItemVisitor<LldpValue>, allows ref struct
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private readonly int _reported = reported;
        // the current TLV's sub-buffer: its start, captured, contained and reported lengths
        private int _start, _captured, _contained, _length;
        private Thrown _thrown;
        public int Stop, Claimed = reported;

        public LldpWalkStatus Run(ref T visitor)
        {
            Walk(ref visitor);
            return _thrown switch
            {
                Thrown.Truncated => LldpWalkStatus.Truncated,
                Thrown.Contained => LldpWalkStatus.Contained,
                Thrown.Malformed => LldpWalkStatus.Malformed,
                _ => LldpWalkStatus.Complete,
            };
        }

        private void Walk(ref T visitor)
        {
            int offset = 0;
            for (int mandatory = ChassisType; mandatory <= TtlType; mandatory++)
            {
                if (!Enter(offset))
                    return;
                int used = mandatory switch
                {
                    ChassisType => Identifier(ref visitor, port: false),
                    PortType => Identifier(ref visitor, port: true),
                    _ => Ttl(ref visitor),
                };
                if (_thrown != Thrown.None)
                    return;
                if (used < 0)
                {
                    Emit(ref visitor, LldpValue.InfoSet, 0, 0, (ulong)(mandatory - ChassisType));
                    return;
                }
                offset += used;
            }
            // tshark goes on while captured bytes remain (a TLV's dissector returns how far it read)
            while (offset < _bytes.Length && _thrown == Thrown.None)
            {
                if (!Enter(offset))
                    return;
                int type = Read16(0) >> 9;
                int used;
                switch (type)
                {
                    case ChassisType or PortType:
                        Identifier(ref visitor, port: type == PortType);
                        if (_thrown == Thrown.None)
                            Emit(ref visitor, LldpValue.InfoSet, 0, 0, (ulong)(type == ChassisType ? LldpInfoText.DuplicateChassis : LldpInfoText.DuplicatePort));
                        used = -1;
                        break;
                    case TtlType:
                        Ttl(ref visitor);
                        if (_thrown == Thrown.None)
                            Emit(ref visitor, LldpValue.InfoSet, 0, 0, (ulong)LldpInfoText.DuplicateTtl);
                        used = -1;
                        break;
                    case EndType:
                        _ = Subtree() && Header(ref visitor);
                        used = -1;
                        break;
                    case PortDescriptionType or SystemNameType or SystemDescriptionType:
                        used = Text(ref visitor, type);
                        break;
                    case CapabilitiesType:
                        used = Capabilities(ref visitor);
                        break;
                    case ManagementAddressType:
                        used = ManagementAddress(ref visitor);
                        break;
                    case OrganizationType:
                        used = Organization(ref visitor);
                        break;
                    default:
                        _ = Subtree() && Header(ref visitor);
                        used = 2 + _length - 2;
                        break;
                }
                if (_thrown != Thrown.None)
                    return;
                if (used < 0)
                {
                    // set_actual_length(tvb, offset + -1): the PDU ends a byte before the TLV that ended it
                    Claimed = Math.Max(0, offset - 1);
                    return;
                }
                offset += used;
            }
        }

        /// <summary>Reads the TLV header at <paramref name="offset"/> from the PDU and opens its sub-buffer.</summary>
        private bool Enter(int offset)
        {
            if (!CheckPdu(offset, 2))
                return false;
            int length = (BinaryPrimitives.ReadUInt16BigEndian(_bytes[offset..]) & 0x1FF) + 2;
            _start = offset;
            _length = length;
            _captured = Math.Min(_bytes.Length - offset, length);
            _contained = Math.Min(length, _reported - offset);
            return true;
        }

        private bool CheckPdu(int offset, int length)
        {
            long end = (long)offset + length;
            if (end <= _bytes.Length)
                return true;
            Throw(end <= _reported ? Thrown.Truncated : Thrown.Malformed, offset);
            return false;
        }

        /// <summary>True when <paramref name="length"/> bytes at <paramref name="offset"/> of the TLV can be read; otherwise records tshark's exception.</summary>
        private bool Check(int offset, int length)
        {
            long end = (long)offset + length;
            if (offset >= 0 && end <= _captured)
                return true;
            Throw(end <= _contained ? Thrown.Truncated : end <= _length ? Thrown.Contained : Thrown.Malformed, _start + Math.Max(0, offset));
            return false;
        }

        private void Throw(Thrown what, int at)
        {
            if (_thrown != Thrown.None)
                return;
            _thrown = what;
            Stop = at;
        }

        private readonly int Read16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(_bytes[(_start + offset)..]);

        private readonly int Read8(int offset) => _bytes[_start + offset];

        private void Emit(ref T visitor, LldpValue which, int offset, int length, ulong number)
        {
            if (_thrown == Thrown.None && !visitor.Item(which, _start + offset, length, number))
                _thrown = Thrown.Stopped;
        }

        /// <summary>An item of <paramref name="length"/> bytes at <paramref name="offset"/>: checked, then handed on with its number.</summary>
        private bool Field(ref T visitor, LldpValue which, int offset, int length, ulong number = 0)
        {
            if (!Check(offset, length))
                return false;
            Emit(ref visitor, which, offset, length, number);
            return _thrown == Thrown.None;
        }

        private bool Number(ref T visitor, LldpValue which, int offset, int length)
        {
            if (!Check(offset, length))
                return false;
            ulong value = 0;
            for (int i = 0; i < length; i++)
                value = value << 8 | (byte)Read8(offset + i);
            Emit(ref visitor, which, offset, length, value);
            return _thrown == Thrown.None;
        }

        /// <summary>A flags item and its bits (<paramref name="first"/> on, one per mask), each bit's number 1 or 0.</summary>
        private bool Bits(ref T visitor, LldpValue flags, int offset, int length, LldpValue first, ReadOnlySpan<ushort> masks)
        {
            if (!Number(ref visitor, flags, offset, length))
                return false;
            int value = length == 1 ? Read8(offset) : Read16(offset);
            for (int i = 0; i < masks.Length; i++)
                Emit(ref visitor, (LldpValue)((int)first + i), offset, length, (value & masks[i]) != 0 ? 1UL : 0UL);
            return _thrown == Thrown.None;
        }

        /// <summary>The TLV's subtree: tshark's item over the whole TLV fails when its bytes are not all there.</summary>
        private bool Subtree() => Check(0, _length);

        private bool Header(ref T visitor) =>
            Field(ref visitor, LldpValue.TlvType, 0, 2, (ulong)(Read16(0) >> 9)) && Field(ref visitor, LldpValue.TlvLength, 0, 2, (ulong)(Read16(0) & 0x1FF));

        /// <summary>dissect_lldp_chassis_id and dissect_lldp_port_id: what they return (-1 for a bad TLV).</summary>
        private int Identifier(ref T visitor, bool port)
        {
            if (!Check(0, 2))
                return 0;
            int expected = port ? PortType : ChassisType;
            // the expert item tshark adds for a wrong type spans the TLV's declared data length from its start
            if (Read16(0) >> 9 != expected)
                return Check(0, _length - 2) ? -1 : 0;
            int dataLength = _length - 2;
            if (!Check(2, 1))
                return 0;
            int subtype = Read8(2);
            if (!Subtree() || !Header(ref visitor))
                return 0;
            if (dataLength < 2)
                return -1;
            if (!Number(ref visitor, port ? LldpValue.PortSubtype : LldpValue.ChassisSubtype, 2, 1))
                return 0;
            int macSubtype = port ? 3 : 4, networkSubtype = port ? 4 : 5;
            if (subtype == macSubtype)
            {
                if (dataLength != 7)
                    return -1;
                if (!Check(3, 6))
                    return 0;
                Emit(ref visitor, LldpValue.InfoId, 3, 6, PackId(port, subtype, LldpIdFormat.Mac));
                Field(ref visitor, port ? LldpValue.PortIdMac : LldpValue.ChassisIdMac, 3, 6);
                return 2 + dataLength;
            }
            if (subtype == networkSubtype)
            {
                if (!Number(ref visitor, LldpValue.NetworkAddressFamily, 3, 1))
                    return 0;
                int family = Read8(3);
                if (family is 1 or 2)
                {
                    int size = family == 1 ? 4 : 16;
                    if (dataLength != size + 2)
                        return -1;
                    if (!Check(4, size))
                        return 0;
                    Emit(ref visitor, LldpValue.InfoId, 4, size, PackId(port, subtype, family == 1 ? LldpIdFormat.Ipv4 : LldpIdFormat.Ipv6));
                    Field(ref visitor, port ? (family == 1 ? LldpValue.PortIdIpv4 : LldpValue.PortIdIpv6) : family == 1 ? LldpValue.ChassisIdIpv4 : LldpValue.ChassisIdIpv6, 4, size);
                }
                else
                {
                    if (!Check(4, dataLength - 2))
                        return 0;
                    Emit(ref visitor, LldpValue.InfoId, 4, dataLength - 2, PackId(port, subtype, LldpIdFormat.Hex));
                    Field(ref visitor, port ? LldpValue.PortId : LldpValue.ChassisId, 4, dataLength - 2);
                }
                return 2 + dataLength;
            }
            if (dataLength > 256)
                return -1;
            bool known = subtype is >= 1 and <= 7;
            bool hex = subtype == (port ? 2 : 3);
            // the ID's text (or its item, for a reserved subtype) reads its bytes before the column is written
            if (!Check(3, dataLength - 1))
                return 0;
            Emit(ref visitor, LldpValue.InfoId, 3, dataLength - 1, PackId(port, subtype, !known ? LldpIdFormat.Reserved : hex ? LldpIdFormat.Hex : LldpIdFormat.Text));
            Field(ref visitor, port ? LldpValue.PortId : LldpValue.ChassisId, 3, dataLength - 1);
            return 2 + dataLength;
        }

        private int Ttl(ref T visitor)
        {
            if (!Check(0, 2))
                return 0;
            if (Read16(0) >> 9 != TtlType)
                return -1;
            if (!Check(2, 2))
                return 0;
            Emit(ref visitor, LldpValue.InfoTtl, 2, 2, (ulong)Read16(2));
            if (!Subtree() || !Header(ref visitor) || !Number(ref visitor, LldpValue.TimeToLive, 2, 2))
                return 0;
            return 4;
        }

        private int Text(ref T visitor, int type)
        {
            int dataLength = _length - 2;
            if (!Check(2, dataLength))
                return 0;
            if (type != PortDescriptionType)
                Emit(ref visitor, LldpValue.InfoSystem, 2, dataLength, type == SystemNameType ? 0UL : 1UL);
            if (!Header(ref visitor))
                return 0;
            Field(ref visitor, type switch
            {
                PortDescriptionType => LldpValue.PortDescription,
                SystemNameType => LldpValue.SystemName,
                _ => LldpValue.SystemDescription,
            }, 2, dataLength);
            return 2 + dataLength;
        }

        private static ReadOnlySpan<ushort> CapabilityMasks => [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80];

        private int Capabilities(ref T visitor)
        {
            if (!Subtree() || !Header(ref visitor)
                || !Bits(ref visitor, LldpValue.SystemCapabilities, 2, 2, LldpValue.CapabilityOther, CapabilityMasks)
                || !Bits(ref visitor, LldpValue.EnabledCapabilities, 4, 2, LldpValue.EnabledOther, CapabilityMasks))
                return 0;
            return 6;
        }

        private int ManagementAddress(ref T visitor)
        {
            if (!Subtree() || !Header(ref visitor) || !Number(ref visitor, LldpValue.ManagementAddressLength, 2, 1))
                return 0;
            int stringLength = Read8(2);
            if (!Number(ref visitor, LldpValue.ManagementAddressSubtype, 3, 1))
                return 0;
            int subtype = Read8(3);
            int offset = 4;
            bool read = subtype switch
            {
                1 => Field(ref visitor, LldpValue.ManagementAddressIpv4, offset, 4),
                2 => Field(ref visitor, LldpValue.ManagementAddressIpv6, offset, 16),
                // a length of 0 asks for the bytes to the TLV's end (-1)
                _ => stringLength == 0 ? Field(ref visitor, LldpValue.ManagementAddressHex, offset, Math.Max(0, _captured - offset)) && Check(offset, _length - offset)
                    : Field(ref visitor, LldpValue.ManagementAddressHex, offset, stringLength - 1),
            };
            if (!read)
                return 0;
            offset += stringLength - 1;
            if (!Number(ref visitor, LldpValue.ManagementInterfaceSubtype, offset, 1) || !Number(ref visitor, LldpValue.ManagementInterfaceNumber, offset + 1, 4)
                || !Number(ref visitor, LldpValue.ManagementOidLength, offset + 5, 1))
                return 0;
            int oidLength = Read8(offset + 5);
            offset += 6;
            if (oidLength > 0)
            {
                if (!Field(ref visitor, LldpValue.ManagementOid, offset, oidLength))
                    return 0;
                offset += oidLength;
            }
            return offset;
        }

        private int Organization(ref T visitor)
        {
            if (!Check(2, 3) || !Check(5, 1))
                return 0;
            uint oui = (uint)(Read8(2) << 16 | Read16(3));
            int dataLength = _length - 2;
            if (!Subtree() || !Header(ref visitor))
                return 0;
            if (dataLength < 4)
                return _length;
            if (!Field(ref visitor, LldpValue.OrganizationOui, 2, 3, oui))
                return 0;
            // the vendor's sub-buffer: from the subtype, dataLength - 3 bytes
            int vendorLength = dataLength - 3;
            int savedLength = _length, savedContained = _contained, savedCaptured = _captured, savedStart = _start;
            _start += 5;
            _length = vendorLength;
            _contained = Math.Min(vendorLength, savedContained - 5);
            _captured = Math.Min(Math.Max(0, savedCaptured - 5), vendorLength);
            if (oui == Ieee8021)
                Ieee8021Tlv(ref visitor);
            else if (oui == Ieee8023)
                Ieee8023Tlv(ref visitor);
            else if (HasOwnDissector(oui))
            {
                // tshark reads these with dissectors of their own (LLDP-MED, PROFINET, DCBX, Cisco, ...): not made here
            }
            else if (Number(ref visitor, LldpValue.UnknownSubtype, 0, 1) && _captured > 1)
                Field(ref visitor, LldpValue.UnknownSubtypeContent, 1, _captured - 1);
            (_start, _length, _contained, _captured) = (savedStart, savedLength, savedContained, savedCaptured);
            return _length;
        }

        /// <summary>
        /// The OUIs tshark 4.0's lldp hands to dissectors RawNet does not have: TIA's LLDP-MED, PROFINET, Cisco, DCBX,
        /// 802.1Qbg, Hytec, Avaya, IANA, Extreme/Avaya, ONOS, Avaya Extreme Fabric, ODVA.
        /// </summary>
        private static bool HasOwnDissector(uint oui) => oui is 0x0012BB or 0x000ECF or 0x000142 or 0x001B21 or 0x001B3F or 0x30B216
            or 0x00400D or 0x00005E or 0x00040D or 0xA42305 or 0xD88466 or 0x00216C;

        private void Ieee8021Tlv(ref T visitor)
        {
            if (!Number(ref visitor, LldpValue.Ieee8021Subtype, 0, 1))
                return;
            switch (Read8(0))
            {
                case 1:
                    Number(ref visitor, LldpValue.PortVlanId, 1, 2);
                    break;
                case 2:
                    if (Bits(ref visitor, LldpValue.PortProtocolVlanFlags, 1, 1, LldpValue.PortProtocolVlanSupported, [0x02, 0x04]))
                        Number(ref visitor, LldpValue.PortProtocolVlanId, 2, 2);
                    break;
                case 3:
                    if (!Number(ref visitor, LldpValue.VlanId, 1, 2) || !Number(ref visitor, LldpValue.VlanNameLength, 3, 1))
                        return;
                    if (Read8(3) > 0)
                        Field(ref visitor, LldpValue.VlanName, 4, Read8(3));
                    break;
                case 4:
                    if (!Number(ref visitor, LldpValue.ProtocolIdentityLength, 1, 1))
                        return;
                    if (Read8(1) > 0)
                        Field(ref visitor, LldpValue.ProtocolIdentity, 2, Read8(1));
                    break;
                case 7:
                    if (!Number(ref visitor, LldpValue.Ieee8021AggregationStatus, 1, 1))
                        return;
                    Emit(ref visitor, LldpValue.Ieee8021AggregationCapable, 1, 1, (Read8(1) & 1) != 0 ? 1UL : 0UL);
                    Emit(ref visitor, LldpValue.Ieee8021AggregationEnabled, 1, 1, (Read8(1) & 2) != 0 ? 1UL : 0UL);
                    Emit(ref visitor, LldpValue.Ieee8021AggregationPortType, 1, 1, (ulong)(Read8(1) >> 2 & 3));
                    Number(ref visitor, LldpValue.Ieee8021AggregatedPortId, 2, 4);
                    break;
            }
        }

        private void Ieee8023Tlv(ref T visitor)
        {
            if (!Number(ref visitor, LldpValue.Ieee8023Subtype, 0, 1))
                return;
            int offset = 1;
            switch (Read8(0))
            {
                case 1:
                    if (!Bits(ref visitor, LldpValue.AutoNegotiationStatus, 1, 1, LldpValue.AutoNegotiationSupported, [0x01, 0x02])
                        || !Number(ref visitor, LldpValue.AdvertisedCapabilities, 2, 2) || !Number(ref visitor, LldpValue.OperationalMauType, 4, 2))
                        return;
                    offset = 6;
                    break;
                case 2:
                    if (!Bits(ref visitor, LldpValue.MdiPowerSupport, 1, 1, LldpValue.MdiPortClass, [0x01, 0x02, 0x04, 0x08])
                        || !Number(ref visitor, LldpValue.MdiPsePowerPair, 2, 1) || !Number(ref visitor, LldpValue.MdiPowerClass, 3, 1))
                        return;
                    offset = 4;
                    if (_length == 4)
                        break;
                    if (!Check(4, 1))
                        return;
                    int power = Read8(4);
                    Emit(ref visitor, LldpValue.MdiPowerType, 4, 1, (ulong)(power >> 6));
                    Emit(ref visitor, LldpValue.MdiPowerSource, 4, 1, (ulong)(power >> 4 & 3));
                    Emit(ref visitor, LldpValue.MdiPowerPriority, 4, 1, (ulong)(power & 3));
                    if (!Number(ref visitor, LldpValue.MdiRequestedPower, 5, 2) || !Number(ref visitor, LldpValue.MdiAllocatedPower, 7, 2))
                        return;
                    offset = 9;
                    if (_length == 26)
                    {
                        // 802.3bt's extension: read as tshark does, its fields not listed
                        if (!Check(9, 17))
                            return;
                        offset = 26;
                    }
                    break;
                case 3:
                    if (!Number(ref visitor, LldpValue.Ieee8023AggregationStatus, 1, 1))
                        return;
                    Emit(ref visitor, LldpValue.Ieee8023AggregationCapable, 1, 1, (Read8(1) & 1) != 0 ? 1UL : 0UL);
                    Emit(ref visitor, LldpValue.Ieee8023AggregationEnabled, 1, 1, (Read8(1) & 2) != 0 ? 1UL : 0UL);
                    if (!Number(ref visitor, LldpValue.Ieee8023AggregatedPortId, 2, 4))
                        return;
                    offset = 6;
                    break;
                case 4:
                    if (!Number(ref visitor, LldpValue.MaximumFrameSize, 1, 2))
                        return;
                    offset = 3;
                    break;
                case 5:
                    if (!Check(1, 10))
                        return;
                    offset = 11;
                    break;
                case 7:
                    if (!Check(1, 2))
                        return;
                    offset = 3;
                    break;
            }
            // bytes left after what the subtype reads get tshark's "Invalid length, greater than expected" (an expert
            // item, no field)
            _ = offset;
        }
    }
}

/// <summary>What an LLDP layer's <see cref="Decoding.Layer.Detail"/> says.</summary>
public static class LldpLayerDetail
{
    /// <summary>A malformed PDU whose failing read ran past the frame inside a TLV's declared length.</summary>
    public const byte Contained = 1;
}
