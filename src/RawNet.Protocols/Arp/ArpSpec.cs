using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.Ipv4;

namespace RawNet.Protocols.Arp;

/// <summary>An Ethernet/IPv4 ARP packet to build (RFC 826); the view is <see cref="ArpPacket"/>.</summary>
public record struct ArpSpec
{
    /// <summary>Length of an Ethernet/IPv4 ARP packet.</summary>
    public const int Length = ArpPacket.FixedLength + 2 * (6 + 4);

    /// <summary>A request with every address zero.</summary>
    public ArpSpec()
    {
    }

    public ArpOperation Operation { get; init; } = ArpOperation.Request;
    public PhysicalAddress SenderHardwareAddress { get; init; } = PhysicalAddress.None;
    public IPAddress SenderProtocolAddress { get; init; } = IPAddress.Any;
    public PhysicalAddress TargetHardwareAddress { get; init; } = PhysicalAddress.None;
    public IPAddress TargetProtocolAddress { get; init; } = IPAddress.Any;

    /// <summary>Writes the packet into the first <see cref="Length"/> bytes of <paramref name="packet"/>.</summary>
    public readonly void Emit(Span<byte> packet)
    {
        BinaryPrimitives.WriteUInt16BigEndian(packet[ArpPacket.Field.HardwareType..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(packet[ArpPacket.Field.ProtocolType..], (ushort)Protocols.EtherType.Ipv4);
        packet[ArpPacket.Field.HardwareSize] = 6;
        packet[ArpPacket.Field.ProtocolSize] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(packet[ArpPacket.Field.Opcode..], (ushort)Operation);
        int offset = ArpPacket.Field.SenderHardwareAddress;
        MacAddressBytes.Write(SenderHardwareAddress, packet.Slice(offset, 6));
        IpAddressBytes.Write(SenderProtocolAddress, packet.Slice(offset + 6, 4));
        MacAddressBytes.Write(TargetHardwareAddress, packet.Slice(offset + 10, 6));
        IpAddressBytes.Write(TargetProtocolAddress, packet.Slice(offset + 16, 4));
    }
}
