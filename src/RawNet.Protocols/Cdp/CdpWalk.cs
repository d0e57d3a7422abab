using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Cdp;

/// <summary>
/// The values of a CDP PDU in tshark 4.0's order (<see cref="CdpWalk"/>): the fields of <see cref="CdpFields"/> in their
/// table's order, then the texts the Info column takes, which are no fields.
/// </summary>
public enum CdpValue : byte
{
    Version,
    Ttl,
    Checksum,
    ChecksumStatus,
    TlvType,
    TlvLength,
    DeviceId,
    PortId,
    NumberOfAddresses,
    ProtocolType,
    ProtocolLength,
    Protocol,
    AddressLength,
    Address,
    IpAddress,
    Ipv6Address,
    Capabilities,
    CapabilityRouter,
    CapabilityTransparentBridge,
    CapabilitySourceRouteBridge,
    CapabilitySwitch,
    CapabilityHost,
    CapabilityIgmp,
    CapabilityRepeater,
    CapabilityVoipPhone,
    CapabilityRemote,
    CapabilityCvta,
    CapabilityMacRelay,
    SoftwareVersion,
    Platform,
    OdrDefaultGateway,
    IpPrefix,
    Oui,
    ProtocolId,
    ClusterMasterIp,
    ClusterIp,
    ClusterVersion,
    ClusterSubVersion,
    ClusterStatus,
    ClusterUnknown,
    ClusterCommanderMac,
    ClusterSwitchMac,
    ClusterManagementVlan,
    HelloUnknown,
    VtpManagementDomain,
    NativeVlan,
    Duplex,
    Data,
    VoiceVlan,
    PowerConsumption,
    Mtu,
    TrustBitmap,
    UntrustedPortCos,
    SystemName,
    SystemObjectIdentifier,
    LocationUnknown,
    Location,
    RequestId,
    ManagementId,
    PowerRequested,
    PowerAvailable,
    SparePoe,
    SparePoeFourWire,
    SparePoeArchitecture,
    SparePoeRequest,
    SparePoePse,
    EncryptedData,
    SeenSequence,
    SequenceNumber,
    ModelNumber,
    UnknownPad,
    HardwareVersionId,
    SystemSerialNumber,
    EnergyWiseUnknownValues,
    EnergyWiseTableLength,
    EnergyWiseTableCount,
    EnergyWiseTlvType,
    EnergyWiseTlvLength,
    EnergyWiseRole,
    EnergyWiseDomain,
    EnergyWiseName,
    EnergyWiseReplyUnknown,
    EnergyWisePort,
    EnergyWiseIpAddress,
    EnergyWiseBackupPort,
    EnergyWiseBackupIp,

    /// <summary>The Info column's "Device ID: ...  " (number 0) or "Port ID: ...  " (number 1): the ID's bytes.</summary>
    InfoId,
    /// <summary>tshark's "Bad checksum [should be 0x...]": number the checksum it should be.</summary>
    ExpertBadChecksum,
    /// <summary>tshark's "TLV with invalid length N (&lt; 8)" on an EnergyWise sub-TLV: number its length.</summary>
    ExpertEnergyWiseLength,
    /// <summary>tshark's "Invalid bytes at end" after an EnergyWise table.</summary>
    ExpertInvalidData,
}

/// <summary>How far tshark's cdp read a PDU: to its end, or to a read that threw.</summary>
public enum CdpWalkStatus : byte
{
    /// <summary>Every read succeeded.</summary>
    Complete,
    /// <summary>A read ran past the captured bytes ("Packet size limited during capture").</summary>
    Truncated,
    /// <summary>A read ran past the PDU's reported length ("Malformed Packet").</summary>
    Malformed,
}

/// <summary>
/// Walks a CDP PDU (Cisco's SNAP PID 0x2000) as tshark 4.0's cdp dissects it: version, TTL, the checksum verified over
/// the whole PDU (which must all be captured for it: a cut PDU shows nothing after its TTL), then TLVs while reported
/// bytes remain. A TLV length below 4 ends the walk after its header (the rest is data); an unknown TLV of length 4 ends
/// it silently; each TLV's item spans its declared length, so a TLV past the PDU is malformed, one past the capture cut.
/// Reads past a TLV's end but inside the PDU are what tshark makes of them (it reads fixed fields from the TLV's start
/// whatever its length), and the 16-bit length arithmetic of the address, prefix and hello TLVs wraps as tshark's does.
/// Every loop moves forward by at least a byte a step or is bounded by a count, so the walk ends.
/// </summary>
public static class CdpWalk
{
    /// <summary>The TLV types tshark 4.0 reads.</summary>
    public const int DeviceIdType = 0x01, AddressType = 0x02, PortIdType = 0x03, CapabilitiesType = 0x04, VersionType = 0x05,
        PlatformType = 0x06, PrefixType = 0x07, HelloType = 0x08, VtpDomainType = 0x09, NativeVlanType = 0x0a, DuplexType = 0x0b,
        VoipReplyType = 0x0e, VoipQueryType = 0x0f, PowerType = 0x10, MtuType = 0x11, TrustType = 0x12, UntrustedCosType = 0x13,
        SystemNameType = 0x14, SystemOidType = 0x15, ManagementAddressType = 0x16, LocationType = 0x17, PowerRequestedType = 0x19,
        PowerAvailableType = 0x1a, EnergyWiseType = 0x1d, SparePoeType = 0x1f, HpFirstType = 0x1000, HpLastType = 0x100d;

    /// <summary>The header's length: version, TTL, checksum.</summary>
    public const int HeaderLength = 4;

    /// <summary>
    /// Walks <paramref name="pdu"/> (captured bytes; the PDU has <paramref name="reported"/>): <paramref name="stop"/> is
    /// where the read that threw started (when not complete), <paramref name="dataStart"/> where tshark hands the rest to
    /// its data dissector (the reported length when nothing is left).
    /// </summary>
    public static CdpWalkStatus Run<T>(ReadOnlySpan<byte> pdu, int reported, ref T visitor, out int stop, out int dataStart) where T : struct, IItemVisitor<CdpValue>, allows ref struct
    {
        var walker = new Walker<T>(pdu, Math.Max(reported, pdu.Length));
        var status = walker.Run(ref visitor);
        stop = walker.Stop;
        dataStart = walker.DataStart;
        return status;
    }

    /// <summary>What tshark's reading comes to, where it stopped and where its data dissector starts.</summary>
    public static CdpWalkStatus StatusOf(ReadOnlySpan<byte> pdu, int reported, out int stop, out int dataStart)
    {
        var none = new DiscardItems<CdpValue>();
        return Run(pdu, reported, ref none, out stop, out dataStart);
    }

    /// <summary>
    /// The checksum check tshark makes over the whole PDU (<paramref name="pdu"/>, all captured): Cisco's for an odd length,
    /// whose last byte is summed as the low byte of a word whose high byte is 0, or 0xFF with the byte one less when its
    /// top bit is set. True when it verifies; <paramref name="expected"/> is what the field should hold.
    /// </summary>
    public static bool Verifies(ReadOnlySpan<byte> pdu, out ushort expected)
    {
        ulong sum = InternetChecksum.Add(0, pdu[..(pdu.Length & ~1)]);
        if ((pdu.Length & 1) != 0)
        {
            int last = pdu[^1];
            sum = InternetChecksum.Add(sum, (ushort)((last & 0x80) != 0 ? 0xFF00 | (last - 1) : last));
        }
        expected = pdu.Length >= HeaderLength ? InternetChecksum.Expected(sum, BinaryPrimitives.ReadUInt16BigEndian(pdu[2..])) : (ushort)0;
        return InternetChecksum.Verifies(sum);
    }

    /// <summary>Thrown inside the walk only, for tshark's exceptions: never leaves <see cref="Run"/>.</summary>
    private enum Thrown : byte { None, Truncated, Malformed, Stopped }

    private ref struct Walker<T>(ReadOnlySpan<byte> bytes, int reported) where T : struct, IItemVisitor<CdpValue>, allows ref struct
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private readonly int _reported = reported;
        private Thrown _thrown;
        public int Stop;
        public int DataStart = reported;

        public CdpWalkStatus Run(ref T visitor)
        {
            Walk(ref visitor);
            return _thrown switch
            {
                Thrown.Truncated => CdpWalkStatus.Truncated,
                Thrown.Malformed => CdpWalkStatus.Malformed,
                _ => CdpWalkStatus.Complete,
            };
        }

        private void Walk(ref T visitor)
        {
            if (!Number(ref visitor, CdpValue.Version, 0, 1) || !Number(ref visitor, CdpValue.Ttl, 1, 1))
                return;
            // the checksum is computed over the whole PDU before its item is added
            if (!Check(0, _reported) || !Check(2, 2))
                return;
            bool good = Verifies(_bytes[.._reported], out _);
            Emit(ref visitor, CdpValue.Checksum, 2, 2, (ulong)Read16(2));
            Emit(ref visitor, CdpValue.ChecksumStatus, 2, 2, good ? 1UL : 0UL);
            if (!good)
            {
                Verifies(_bytes[.._reported], out ushort expected);
                Emit(ref visitor, CdpValue.ExpertBadChecksum, 2, 2, expected);
            }
            long offset = HeaderLength;
            while (_thrown == Thrown.None && offset < _reported)
            {
                int at = (int)offset;
                if (!Check(at, 4))
                    return;
                int type = Read16(at), length = Read16(at + 2);
                if (length < 4)
                {
                    Header(ref visitor, at);
                    offset += 4;
                    break;
                }
                long next = Tlv(ref visitor, at, type, length);
                if (next < 0)
                    return;
                offset = next;
            }
            if (_thrown != Thrown.None)
                return;
            // call_data_dissector on the rest: past the PDU's end that subset throws
            if (offset > _reported)
            {
                Throw(offset > _bytes.Length && offset <= _reported ? Thrown.Truncated : Thrown.Malformed, (int)Math.Min(offset, int.MaxValue));
                return;
            }
            DataStart = (int)offset;
        }

        /// <summary>One TLV at <paramref name="at"/>: where the walk goes on, or -1 when it ends there.</summary>
        private long Tlv(ref T visitor, int at, int type, int length)
        {
            switch (type)
            {
                case DeviceIdType:
                    if (!Check(at + 4, length - 4))
                        return -1;
                    Emit(ref visitor, CdpValue.InfoId, at + 4, length - 4, 0);
                    return Subtree(ref visitor, at, length) && Field(ref visitor, CdpValue.DeviceId, at + 4, length - 4) ? at + length : -1;
                case PortIdType:
                {
                    int real = length;
                    // tshark's guess: a byte after the TLV that starts no type it knows (high byte 0x00 or HP's 0x10) means
                    // the length left out the header, less one, so the TLV is three bytes longer
                    if (_reported - at >= length + 3)
                    {
                        if (!Check(at + length, 1))
                            return -1;
                        if (_bytes[at + length] is not (0x00 or 0x10))
                            real = length + 3;
                    }
                    if (!Check(at + 4, length - 4))
                        return -1;
                    Emit(ref visitor, CdpValue.InfoId, at + 4, length - 4, 1);
                    return Subtree(ref visitor, at, real) && Field(ref visitor, CdpValue.PortId, at + 4, real - 4) ? at + real : -1;
                }
                case AddressType or ManagementAddressType:
                    return Addresses(ref visitor, at, length);
                case CapabilitiesType:
                    if (!Subtree(ref visitor, at, length))
                        return -1;
                    if (length - 4 >= 4 && !Bits(ref visitor, CdpValue.Capabilities, at + 4, 4, CdpValue.CapabilityRouter, 11))
                        return -1;
                    return at + length;
                case VersionType:
                    return Subtree(ref visitor, at, length) && Lines(ref visitor, at + 4, length - 4) ? at + length : -1;
                case PlatformType or VtpDomainType or SystemNameType:
                    if (!Check(at + 4, length - 4) || !Subtree(ref visitor, at, length))
                        return -1;
                    return Field(ref visitor, type switch
                    {
                        PlatformType => CdpValue.Platform,
                        VtpDomainType => CdpValue.VtpManagementDomain,
                        _ => CdpValue.SystemName,
                    }, at + 4, length - 4) ? at + length : -1;
                case PrefixType:
                    return Prefixes(ref visitor, at, length);
                case HelloType:
                    return Hello(ref visitor, at, length);
                case NativeVlanType or PowerType:
                    return Check(at + 4, 2) && Subtree(ref visitor, at, length)
                        && Number(ref visitor, type == NativeVlanType ? CdpValue.NativeVlan : CdpValue.PowerConsumption, at + 4, 2) ? at + length : -1;
                case DuplexType:
                    if (!Check(at + 4, 1) || !Subtree(ref visitor, at, length) || !Check(at + 4, 1))
                        return -1;
                    Emit(ref visitor, CdpValue.Duplex, at + 4, 1, _bytes[at + 4] != 0 ? 1UL : 0UL);
                    return _thrown == Thrown.None ? at + length : -1;
                case VoipReplyType or VoipQueryType:
                    // tshark 4.0 reads a TLV of 6 bytes as two bytes of data, any other as a byte and the VLAN after it
                    if (length == 6)
                        return Subtree(ref visitor, at, length) && Field(ref visitor, CdpValue.Data, at + 4, 2) ? at + length : -1;
                    return Subtree(ref visitor, at, length) && Field(ref visitor, CdpValue.Data, at + 4, 1)
                        && Number(ref visitor, CdpValue.VoiceVlan, at + 5, 2) ? at + length : -1;
                case MtuType:
                    return Check(at + 4, 4) && Subtree(ref visitor, at, length) && Number(ref visitor, CdpValue.Mtu, at + 4, 4) ? at + length : -1;
                case TrustType or UntrustedCosType:
                    return Check(at + 4, 1) && Subtree(ref visitor, at, length)
                        && Number(ref visitor, type == TrustType ? CdpValue.TrustBitmap : CdpValue.UntrustedPortCos, at + 4, 1) ? at + length : -1;
                case SystemOidType:
                    return Subtree(ref visitor, at, length) && Field(ref visitor, CdpValue.SystemObjectIdentifier, at + 4, length - 4) ? at + length : -1;
                case LocationType:
                {
                    int text = ToEnd(at + 5, length - 5);
                    if (text < 0 || !Check(at + 5, text) || !Subtree(ref visitor, at, length) || !Number(ref visitor, CdpValue.LocationUnknown, at + 4, 1))
                        return -1;
                    return Field(ref visitor, CdpValue.Location, at + 5, text) ? at + length : -1;
                }
                case PowerRequestedType or PowerAvailableType:
                {
                    if (!Subtree(ref visitor, at, length) || !Number(ref visitor, CdpValue.RequestId, at + 4, 2) || !Number(ref visitor, CdpValue.ManagementId, at + 6, 2))
                        return -1;
                    var which = type == PowerRequestedType ? CdpValue.PowerRequested : CdpValue.PowerAvailable;
                    for (int value = at + 8; value + 4 <= at + length; value += 4)
                    {
                        if (!Number(ref visitor, which, value, 4))
                            return -1;
                    }
                    return at + length;
                }
                case EnergyWiseType:
                    return Subtree(ref visitor, at, length) && EnergyWise(ref visitor, at) ? at + length : -1;
                case SparePoeType:
                    if (!Subtree(ref visitor, at, length))
                        return -1;
                    if (length > 4 && !Bits(ref visitor, CdpValue.SparePoe, at + 4, 1, CdpValue.SparePoeFourWire, 4))
                        return -1;
                    return at + length;
                case >= HpFirstType and <= HpLastType when type is not (0x1004 or 0x1005):
                    if (!Check(at + 4, length - 4) || !Subtree(ref visitor, at, length))
                        return -1;
                    // HP's TLVs show under cdp.platform; an empty SSID shows none
                    if (type == 0x1002 && length == 4)
                        return at + length;
                    return Field(ref visitor, CdpValue.Platform, at + 4, length - 4) ? at + length : -1;
                default:
                    if (!Subtree(ref visitor, at, length))
                        return -1;
                    // an unknown TLV with no value ends tshark's dissection, with no data after it
                    if (length <= 4)
                    {
                        DataStart = _reported;
                        _thrown = Thrown.Stopped;
                        return -1;
                    }
                    return Field(ref visitor, CdpValue.Data, at + 4, length - 4) ? at + length : -1;
            }
        }

        /// <summary>The Addresses and Management Addresses TLVs: a count, then records while the count and the length last.</summary>
        private long Addresses(ref T visitor, int at, int length)
        {
            if (!Subtree(ref visitor, at, length) || !Check(at + 4, 4))
                return -1;
            uint count = (uint)BinaryPrimitives.ReadInt32BigEndian(_bytes[(at + 4)..]);
            Emit(ref visitor, CdpValue.NumberOfAddresses, at + 4, 4, count);
            if (_thrown != Thrown.None)
                return -1;
            int offset = at + 8;
            // tshark's length is 16 bits: a TLV shorter than its count wraps it
            ushort left = (ushort)(length - 8);
            while (count != 0)
            {
                int used = Address(ref visitor, offset, left);
                if (_thrown != Thrown.None)
                    return -1;
                if (used < 0)
                    break;
                offset += used;
                left -= (ushort)used;
                count--;
            }
            return (long)offset + left;
        }

        /// <summary>dissect_address_tlv: one record, its length, or -1 for one that does not fit.</summary>
        private int Address(ref T visitor, int offset, int length)
        {
            if (length < 1)
                return -1;
            if (!Check(offset, length) || !Number(ref visitor, CdpValue.ProtocolType, offset, 1))
                return -1;
            int protocolType = _bytes[offset];
            offset++;
            length--;
            if (length < 1)
                return -1;
            if (!Number(ref visitor, CdpValue.ProtocolLength, offset, 1))
                return -1;
            int protocolLength = _bytes[offset];
            offset++;
            length--;
            if (length < protocolLength)
            {
                if (length != 0)
                    Field(ref visitor, CdpValue.Protocol, offset, length);
                return -1;
            }
            if (!Field(ref visitor, CdpValue.Protocol, offset, protocolLength))
                return -1;
            bool ipv4 = protocolType == 1 && protocolLength == 1 && _bytes[offset] == 0xCC;
            bool ipv6 = protocolType == 2 && protocolLength == 8 && _bytes.Slice(offset, 8).SequenceEqual(Ipv6Protocol);
            offset += protocolLength;
            length -= protocolLength;
            if (length < 2)
                return -1;
            if (!Number(ref visitor, CdpValue.AddressLength, offset, 2))
                return -1;
            int addressLength = Read16(offset);
            offset += 2;
            length -= 2;
            if (length < addressLength)
            {
                if (length != 0)
                    Field(ref visitor, CdpValue.Address, offset, length);
                return -1;
            }
            var which = ipv4 && addressLength == 4 ? CdpValue.IpAddress : ipv6 && addressLength == 16 ? CdpValue.Ipv6Address : CdpValue.Address;
            if (!Field(ref visitor, which, offset, addressLength))
                return -1;
            return 2 + protocolLength + 2 + addressLength;
        }

        private static ReadOnlySpan<byte> Ipv6Protocol => [0xAA, 0xAA, 0x03, 0x00, 0x00, 0x00, 0x86, 0xDD];

        private long Prefixes(ref T visitor, int at, int length)
        {
            if (length == 8)
                return Check(at + 4, 4) && Subtree(ref visitor, at, length) && Field(ref visitor, CdpValue.OdrDefaultGateway, at + 4, 4) ? at + 8 : -1;
            if (!Subtree(ref visitor, at, length))
                return -1;
            int offset = at + 4;
            ushort left = (ushort)(length - 4);
            // 16-bit arithmetic: a length that is no multiple of 5 wraps and reads on until a read fails
            while (left > 0)
            {
                if (!Check(offset, 5))
                    return -1;
                Emit(ref visitor, CdpValue.IpPrefix, offset, 5, (ulong)BinaryPrimitives.ReadUInt32BigEndian(_bytes[offset..]));
                if (_thrown != Thrown.None)
                    return -1;
                offset += 5;
                left -= 5;
            }
            return offset;
        }

        private long Hello(ref T visitor, int at, int length)
        {
            if (!Check(at + 7, 2) || !Subtree(ref visitor, at, length) || !Number(ref visitor, CdpValue.Oui, at + 4, 3)
                || !Number(ref visitor, CdpValue.ProtocolId, at + 7, 2))
                return -1;
            if (Read16(at + 7) == 0x0112)
            {
                bool read = Field(ref visitor, CdpValue.ClusterMasterIp, at + 9, 4) && Field(ref visitor, CdpValue.ClusterIp, at + 13, 4)
                    && Number(ref visitor, CdpValue.ClusterVersion, at + 17, 1) && Number(ref visitor, CdpValue.ClusterSubVersion, at + 18, 1)
                    && Number(ref visitor, CdpValue.ClusterStatus, at + 19, 1) && Number(ref visitor, CdpValue.ClusterUnknown, at + 20, 1)
                    && Field(ref visitor, CdpValue.ClusterCommanderMac, at + 21, 6) && Field(ref visitor, CdpValue.ClusterSwitchMac, at + 27, 6)
                    && Number(ref visitor, CdpValue.ClusterUnknown, at + 33, 1) && Number(ref visitor, CdpValue.ClusterManagementVlan, at + 34, 2);
                return read ? at + length : -1;
            }
            int rest = ToEnd(at + 9, length - 9);
            return rest >= 0 && Field(ref visitor, CdpValue.HelloUnknown, at + 9, rest) ? at + length : -1;
        }

        private bool EnergyWise(ref T visitor, int at)
        {
            if (!Field(ref visitor, CdpValue.EncryptedData, at + 4, 20) || !Number(ref visitor, CdpValue.SeenSequence, at + 24, 4)
                || !Number(ref visitor, CdpValue.SequenceNumber, at + 28, 4) || !Stringz(ref visitor, CdpValue.ModelNumber, at + 32, 16)
                || !Number(ref visitor, CdpValue.UnknownPad, at + 48, 2) || !Stringz(ref visitor, CdpValue.HardwareVersionId, at + 50, 3)
                || !Stringz(ref visitor, CdpValue.SystemSerialNumber, at + 53, 11) || !Field(ref visitor, CdpValue.EnergyWiseUnknownValues, at + 64, 8)
                || !Number(ref visitor, CdpValue.EnergyWiseTableLength, at + 72, 2) || !Number(ref visitor, CdpValue.EnergyWiseTableCount, at + 74, 2))
                return false;
            int length = Read16(at + 72), count = Read16(at + 74), offset = at + 76;
            while (count-- > 0 && length >= 8)
            {
                if (!Check(offset, 8))
                    return false;
                uint type = BinaryPrimitives.ReadUInt32BigEndian(_bytes[offset..]), tlvLength = BinaryPrimitives.ReadUInt32BigEndian(_bytes[(offset + 4)..]);
                if (length < tlvLength)
                    break;
                length -= (int)tlvLength;
                // a sub-TLV below 8 bytes: tshark's expert item over its header, and the table ends
                if (tlvLength < 8)
                {
                    Emit(ref visitor, CdpValue.ExpertEnergyWiseLength, offset, 8, tlvLength);
                    offset += 8;
                    break;
                }
                int value = (int)tlvLength - 8;
                bool heading = type switch
                {
                    7 or 8 or 9 => Check(offset + 8, value),
                    0x17 => Check(offset + 12, 4) && Check(offset + 10, 2),
                    _ => true,
                };
                if (!heading || !Check(offset, (int)tlvLength))
                    return false;
                Emit(ref visitor, CdpValue.EnergyWiseTlvType, offset, 4, type);
                Emit(ref visitor, CdpValue.EnergyWiseTlvLength, offset + 4, 4, tlvLength);
                bool read = type switch
                {
                    7 => Stringz(ref visitor, CdpValue.EnergyWiseRole, offset + 8, value),
                    8 => Stringz(ref visitor, CdpValue.EnergyWiseDomain, offset + 8, value),
                    9 => Stringz(ref visitor, CdpValue.EnergyWiseName, offset + 8, value),
                    0x17 => Number(ref visitor, CdpValue.EnergyWiseReplyUnknown, offset + 8, 2) && Number(ref visitor, CdpValue.EnergyWisePort, offset + 10, 2)
                        && Field(ref visitor, CdpValue.EnergyWiseIpAddress, offset + 12, 4) && Number(ref visitor, CdpValue.EnergyWiseBackupPort, offset + 16, 2)
                        && Field(ref visitor, CdpValue.EnergyWiseBackupIp, offset + 18, 4),
                    _ => value <= 0 || Field(ref visitor, CdpValue.Data, offset + 8, value),
                };
                if (!read)
                    return false;
                offset += (int)tlvLength;
            }
            // what the table's length leaves: tshark's "Invalid bytes at end" over it, which throws past the PDU
            if (length == 0)
                return true;
            if (!Check(offset, length))
                return false;
            Emit(ref visitor, CdpValue.ExpertInvalidData, offset, length, 0);
            return _thrown == Thrown.None;
        }

        /// <summary>The software version's lines, each up to its first NUL (tvb_find_line_end and tvb_format_stringzpad).</summary>
        private bool Lines(ref T visitor, int start, int length)
        {
            while (length > 0)
            {
                var rest = _bytes.Slice(start, length);
                int eol = rest.IndexOfAny((byte)'\r', (byte)'\n');
                int lineLength = eol < 0 ? length : eol, next = eol < 0 ? length : eol + 1;
                if (eol >= 0 && rest[eol] == '\r' && eol + 1 < length && rest[eol + 1] == '\n')
                    next++;
                int nul = rest[..lineLength].IndexOf((byte)0);
                Emit(ref visitor, CdpValue.SoftwareVersion, start, nul < 0 ? lineLength : nul, 0);
                if (_thrown != Thrown.None)
                    return false;
                start += next;
                length -= next;
            }
            return true;
        }

        /// <summary>An FT_STRINGZ item of a fixed length: its text up to the first NUL.</summary>
        private bool Stringz(ref T visitor, CdpValue which, int offset, int length)
        {
            if (!Check(offset, length))
                return false;
            int nul = _bytes.Slice(offset, Math.Max(0, length)).IndexOf((byte)0);
            Emit(ref visitor, which, offset, nul < 0 ? length : nul, 0);
            return _thrown == Thrown.None;
        }

        /// <summary>A length of -1 asks for the bytes to the end of the capture; other negative lengths throw.</summary>
        private int ToEnd(int offset, int length)
        {
            if (length != -1)
            {
                if (length < -1)
                {
                    Throw(Thrown.Malformed, offset);
                    return -1;
                }
                return length;
            }
            if (!Check(offset, 0))
                return -1;
            return _bytes.Length - offset;
        }

        /// <summary>The TLV's item over its declared length, then its type and length.</summary>
        private bool Subtree(ref T visitor, int at, int length) => Check(at, length) && Header(ref visitor, at);

        private bool Header(ref T visitor, int at)
        {
            Emit(ref visitor, CdpValue.TlvType, at, 2, (ulong)Read16(at));
            Emit(ref visitor, CdpValue.TlvLength, at + 2, 2, (ulong)Read16(at + 2));
            return _thrown == Thrown.None;
        }

        /// <summary>True when <paramref name="length"/> bytes at <paramref name="offset"/> can be read; otherwise records tshark's exception.</summary>
        private bool Check(int offset, int length)
        {
            long end = (long)offset + length;
            if (offset >= 0 && length >= 0 && end <= _bytes.Length)
                return true;
            Throw(length >= 0 && end <= _reported ? Thrown.Truncated : Thrown.Malformed, Math.Max(0, offset));
            return false;
        }

        private void Throw(Thrown what, int at)
        {
            if (_thrown != Thrown.None)
                return;
            _thrown = what;
            Stop = at;
        }

        private readonly int Read16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(_bytes[offset..]);

        private void Emit(ref T visitor, CdpValue which, int offset, int length, ulong number)
        {
            if (_thrown == Thrown.None && !visitor.Item(which, offset, length, number))
                _thrown = Thrown.Stopped;
        }

        /// <summary>An item of <paramref name="length"/> bytes at <paramref name="offset"/>: checked, then handed on.</summary>
        private bool Field(ref T visitor, CdpValue which, int offset, int length, ulong number = 0)
        {
            if (!Check(offset, length))
                return false;
            Emit(ref visitor, which, offset, length, number);
            return _thrown == Thrown.None;
        }

        private bool Number(ref T visitor, CdpValue which, int offset, int length)
        {
            if (!Check(offset, length))
                return false;
            ulong value = 0;
            for (int i = 0; i < length; i++)
                value = value << 8 | _bytes[offset + i];
            Emit(ref visitor, which, offset, length, value);
            return _thrown == Thrown.None;
        }

        /// <summary>A flags item and its <paramref name="count"/> low bits (<paramref name="first"/> on), each bit's number 1 or 0.</summary>
        private bool Bits(ref T visitor, CdpValue flags, int offset, int length, CdpValue first, int count)
        {
            if (!Number(ref visitor, flags, offset, length))
                return false;
            uint value = length == 1 ? _bytes[offset] : BinaryPrimitives.ReadUInt32BigEndian(_bytes[offset..]);
            for (int i = 0; i < count; i++)
                Emit(ref visitor, (CdpValue)((int)first + i), offset, length, (value >> i & 1) != 0 ? 1UL : 0UL);
            return _thrown == Thrown.None;
        }
    }
}
