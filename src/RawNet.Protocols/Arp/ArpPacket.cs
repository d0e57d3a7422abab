using System.Buffers.Binary;

namespace RawNet.Protocols.Arp;

/// <summary>ARP operation codes (RFC 826, RFC 903, RFC 1931, RFC 2390, RFC 2225).</summary>
public enum ArpOperation : ushort
{
    Request = 1,
    Reply = 2,
    ReverseRequest = 3,
    ReverseReply = 4,
    /// <summary>Dynamic RARP (RFC 1931).</summary>
    DynamicReverseRequest = 5,
    DynamicReverseReply = 6,
    DynamicReverseError = 7,
    /// <summary>Inverse ARP (RFC 2390).</summary>
    InverseRequest = 8,
    InverseReply = 9,
    /// <summary>ATMARP negative acknowledgement (RFC 2225).</summary>
    Nak = 10,
}

/// <summary>
/// A view over an ARP packet (RFC 826).
/// <code>
/// +-------------------------------+-------------------------------+
/// |   Hardware type (2)           |   Protocol type (2)           |
/// +---------------+---------------+-------------------------------+
/// | HW size (1)   | Proto size (1)|   Opcode (2)                  |
/// +---------------+---------------+-------------------------------+
/// | Sender HW addr (HW size) | Sender proto addr (Proto size)     |
/// | Target HW addr (HW size) | Target proto addr (Proto size)     |
/// +---------------------------------------------------------------+
/// </code>
/// </summary>
public readonly ref struct ArpPacket
{
    /// <summary>Byte offsets of the fixed fields.</summary>
    public static class Field
    {
        public const int HardwareType = 0;
        public const int ProtocolType = 2;
        public const int HardwareSize = 4;
        public const int ProtocolSize = 5;
        public const int Opcode = 6;
        public const int SenderHardwareAddress = 8;
    }

    /// <summary>Length of the fixed part.</summary>
    public const int FixedLength = 8;

    private readonly ReadOnlySpan<byte> _bytes;

    private ArpPacket(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds the fixed part; <see cref="TotalLength"/> tells whether the addresses fit.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out ArpPacket packet)
    {
        packet = bytes.Length >= FixedLength ? new ArpPacket(bytes) : default;
        return bytes.Length >= FixedLength;
    }

    public ushort HardwareType => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.HardwareType..]);
    public EtherType ProtocolType => (EtherType)BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.ProtocolType..]);
    public byte HardwareSize => _bytes[Field.HardwareSize];
    public byte ProtocolSize => _bytes[Field.ProtocolSize];
    public ArpOperation Operation => (ArpOperation)BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Opcode..]);

    /// <summary>Fixed part plus the four addresses.</summary>
    public int TotalLength => FixedLength + 2 * (HardwareSize + ProtocolSize);

    /// <summary>Offset of the sender's protocol address.</summary>
    public int SenderProtocolAddressOffset => Field.SenderHardwareAddress + HardwareSize;

    /// <summary>Offset of the target's hardware address.</summary>
    public int TargetHardwareAddressOffset => SenderProtocolAddressOffset + ProtocolSize;

    /// <summary>Offset of the target's protocol address.</summary>
    public int TargetProtocolAddressOffset => TargetHardwareAddressOffset + HardwareSize;

    /// <summary>True when the hardware addresses are 6-byte MACs (Ethernet or IEEE 802 hardware), as Wireshark formats them.</summary>
    public bool HasMacAddresses => HardwareType is 1 or 6 && HardwareSize == 6;

    /// <summary>True when the protocol addresses are IPv4 addresses (IP, or AX.25's IP protocol identifier 0xCC), as Wireshark formats them.</summary>
    public bool HasIpv4Addresses => (ushort)ProtocolType is 0x0800 or 0x00CC && ProtocolSize == 4;

    /// <summary>True when the hardware addresses are AX.25 callsigns (hardware type 3, 7 bytes), which tshark names arp.src.hw_ax25.</summary>
    public bool HasAx25Addresses => HardwareType == Ax25HardwareType && HardwareSize == 7;

    /// <summary>ARP's hardware type for AX.25 (3).</summary>
    public const ushort Ax25HardwareType = 3;

    /// <summary>
    /// The dissector tshark 4.0's ARP hands the packet to by its hardware type (the "arp.hw.type" table, looked up once
    /// the type's two bytes are there), which adds its protocol's name to the frame's chain a second time: AX.25's
    /// (registered under ARP's own protocol); null for the types ARP reads itself.
    /// </summary>
    public static string? HardwareTypeDissector(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= Field.HardwareType + 2 && BinaryPrimitives.ReadUInt16BigEndian(bytes[Field.HardwareType..]) == Ax25HardwareType ? "arp" : null;

    /// <summary>True when the addresses are Ethernet MACs and IPv4 addresses (the common case tshark names arp.src.hw_mac etc.).</summary>
    public bool IsEthernetIpv4 => HardwareType == 1 && HardwareSize == 6 && ProtocolType == EtherType.Ipv4 && ProtocolSize == 4;
}
