using System.Buffers.Binary;

namespace RawNet.Protocols.LinuxCooked;

/// <summary>
/// Views over the Linux "cooked" capture pseudo-headers (LINKTYPE_LINUX_SLL and LINKTYPE_LINUX_SLL2).
/// <code>
/// SLL (16 bytes):  packet type (2) | ARPHRD type (2) | addr len (2) | address (8) | protocol (2)
/// SLL2 (20 bytes): protocol (2) | reserved (2) | interface index (4) | ARPHRD type (2) | packet type (1) | addr len (1) | address (8)
/// </code>
/// </summary>
public static class LinuxCookedHeader
{
    /// <summary>Byte offsets of SLL (v1) fields.</summary>
    public static class SllField
    {
        public const int PacketType = 0;
        public const int HardwareType = 2;
        public const int AddressLength = 4;
        public const int Address = 6;
        public const int Protocol = 14;
    }

    /// <summary>Byte offsets of SLL2 fields.</summary>
    public static class Sll2Field
    {
        public const int Protocol = 0;
        public const int Reserved = 2;
        public const int InterfaceIndex = 4;
        public const int HardwareType = 8;
        public const int PacketType = 10;
        public const int AddressLength = 11;
        public const int Address = 12;
    }

    /// <summary>Length of an SLL header.</summary>
    public const int SllLength = 16;

    /// <summary>Length of an SLL2 header.</summary>
    public const int Sll2Length = 20;

    /// <summary>The protocol (EtherType) an SLL header says follows.</summary>
    /// <summary>Whether an SLL header's address is a 6-byte MAC address (tshark adds <c>sll.src.eth</c> only then).</summary>
    public static bool SllHasMacAddress(ReadOnlySpan<byte> header) =>
        header.Length >= SllField.AddressLength + 2 && BinaryPrimitives.ReadUInt16BigEndian(header[SllField.AddressLength..]) == 6;

    /// <summary>Whether an SLL2 header's address is a 6-byte MAC address.</summary>
    public static bool Sll2HasMacAddress(ReadOnlySpan<byte> header) => header.Length > Sll2Field.AddressLength && header[Sll2Field.AddressLength] == 6;

    public static EtherType SllProtocol(ReadOnlySpan<byte> header) => (EtherType)BinaryPrimitives.ReadUInt16BigEndian(header[SllField.Protocol..]);

    /// <summary>The protocol (EtherType) an SLL2 header says follows.</summary>
    public static EtherType Sll2Protocol(ReadOnlySpan<byte> header) => (EtherType)BinaryPrimitives.ReadUInt16BigEndian(header);

    /// <summary>The name Wireshark gives a cooked header's packet type (Linux's PACKET_HOST and the rest), or null for one it does not name.</summary>
    public static string? PacketTypeName(int type) => type switch
    {
        0 => "Unicast to us",
        1 => "Broadcast",
        2 => "Multicast",
        3 => "Unicast to another host",
        4 => "Sent by us",
        _ => null,
    };
}
