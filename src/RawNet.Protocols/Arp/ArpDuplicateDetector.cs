using System.Buffers.Binary;
using RawNet.Protocols.Conversations;

namespace RawNet.Protocols.Arp;

/// <summary>
/// Notices two hosts claiming one IPv4 address, as tshark's ARP dissector does by default in one pass (its "duplicate
/// use of A detected!"): each request or reply binds its sender's address to its MAC (and a reply also its target's),
/// skipping broadcast, multicast and zero MACs and the address 0.0.0.0; a later packet that binds a known address to
/// another MAC is a duplicate, and the first binding stays. As in tshark, a reply's target check, when it runs, decides
/// alone. Bounded: at most <see cref="MaxAddresses"/> bindings, the one idle longest forgotten first.
/// </summary>
internal sealed class ArpDuplicateDetector
{
    /// <summary>Addresses remembered at once.</summary>
    public const int MaxAddresses = 1 << 16;

    private readonly RecencyTable<uint, Binding> _bindings = new(MaxAddresses);

    /// <summary>Bytes the table holds now.</summary>
    public long AllocatedBytes => _bindings.AllocatedBytes;

    /// <summary>Looks at one whole ARP packet of frame <paramref name="frame"/>; returns the IPv4 address it claims a second time, or 0.</summary>
    public uint Observe(ReadOnlySpan<byte> bytes, uint frame)
    {
        if (!ArpPacket.TryRead(bytes, out var arp) || bytes.Length < arp.TotalLength || !arp.HasMacAddresses || !arp.HasIpv4Addresses
            || arp.Operation is not (ArpOperation.Request or ArpOperation.Reply))
            return 0;
        uint duplicate = 0;
        bool detected = Check(bytes.Slice(ArpPacket.Field.SenderHardwareAddress, 6), bytes.Slice(arp.SenderProtocolAddressOffset, 4), frame, ref duplicate);
        // Target addresses of a request mean nothing (RFC 826); a gratuitous reply is not reported twice for one address.
        var target = bytes.Slice(arp.TargetProtocolAddressOffset, 4);
        if (arp.Operation != ArpOperation.Request && BinaryPrimitives.ReadUInt32BigEndian(target) != duplicate)
            detected = Check(bytes.Slice(arp.TargetHardwareAddressOffset, 6), target, frame, ref duplicate);
        return detected ? duplicate : 0;
    }

    /// <summary>Binds <paramref name="address"/> to <paramref name="mac"/>; true (and the address) when another MAC holds it.</summary>
    private bool Check(ReadOnlySpan<byte> mac, ReadOnlySpan<byte> address, uint frame, ref uint duplicate)
    {
        ulong hardware = (ulong)BinaryPrimitives.ReadUInt32BigEndian(mac) << 16 | BinaryPrimitives.ReadUInt16BigEndian(mac[4..]);
        uint ip = BinaryPrimitives.ReadUInt32BigEndian(address);
        if ((mac[0] & 1) != 0 || hardware == 0 || ip == 0)
            return false;
        int entry = _bindings.FindOrAdd(ip, out bool added);
        ref var binding = ref _bindings[entry];
        if (added)
        {
            binding = new Binding { Mac = hardware, Frame = frame };
            return false;
        }
        if (frame <= binding.Frame)
            return false;
        if (binding.Mac == hardware)
        {
            binding.Frame = frame;
            return false;
        }
        duplicate = ip;
        return true;
    }

    /// <summary>The MAC an address was first seen with, and the last frame that confirmed it.</summary>
    private struct Binding
    {
        public ulong Mac;
        public uint Frame;
    }
}
