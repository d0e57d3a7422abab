using System.Buffers.Binary;
using RawNet.Protocols.Arp;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// ARP's columns in tshark's words: "Who has A? Tell B", "A is at M", the gratuitous, announcement and probe forms
/// (RFC 5227), RARP, DRARP and Inverse ARP, and a second host claiming an address
/// (<see cref="Protocols.Conversations.PacketAnalysis.ArpDuplicateAddress"/>).
/// </summary>
internal static class ArpInfo
{
    /// <summary>Writes the Info text; true when the packet was cut before its last address (tshark then shows nothing of it).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var bytes = source.Header(index);
        if (!ArpPacket.TryRead(bytes, out var arp) || bytes.Length < arp.TotalLength)
            return true;
        int sha = ArpPacket.Field.SenderHardwareAddress, spa = arp.SenderProtocolAddressOffset;
        int tha = arp.TargetHardwareAddressOffset, tpa = arp.TargetProtocolAddressOffset;
        var operation = arp.Operation;
        bool gratuitous = operation is ArpOperation.Request or ArpOperation.Reply
            && bytes.Slice(spa, arp.ProtocolSize).SequenceEqual(bytes.Slice(tpa, arp.ProtocolSize));
        bool targetMacZero = arp.HardwareSize >= 6 && bytes.Slice(tha, 6).IndexOfAnyExcept((byte)0) < 0;
        switch (operation)
        {
            case ArpOperation.Request when gratuitous:
                line.Append(targetMacZero ? "ARP Announcement for " : "Gratuitous ARP for ");
                AppendProtocolAddress(line, in arp, bytes, tpa);
                if (!targetMacZero)
                    line.Append(" (Request)");
                break;
            case ArpOperation.Request:
                line.Append("Who has ");
                AppendProtocolAddress(line, in arp, bytes, tpa);
                if (targetMacZero && arp.ProtocolSize >= 4 && BinaryPrimitives.ReadUInt32BigEndian(bytes[spa..]) == 0)
                {
                    line.Append("? (ARP Probe)");
                    break;
                }
                line.Append("? Tell ");
                AppendProtocolAddress(line, in arp, bytes, spa);
                break;
            case ArpOperation.Reply when gratuitous:
                line.Append("Gratuitous ARP for ");
                AppendProtocolAddress(line, in arp, bytes, spa);
                line.Append(" (Reply)");
                break;
            case ArpOperation.Reply:
                AppendIsAt(line, in arp, bytes, spa, sha, hardwareFirst: false);
                break;
            case ArpOperation.ReverseRequest or ArpOperation.InverseRequest or ArpOperation.DynamicReverseRequest:
                line.Append("Who is ");
                AppendHardwareAddress(line, in arp, bytes, tha);
                line.Append("? Tell ");
                AppendHardwareAddress(line, in arp, bytes, sha);
                break;
            case ArpOperation.ReverseReply or ArpOperation.DynamicReverseReply:
                AppendIsAt(line, in arp, bytes, tpa, tha, hardwareFirst: true);
                break;
            case ArpOperation.InverseReply:
                AppendIsAt(line, in arp, bytes, spa, sha, hardwareFirst: true);
                break;
            case ArpOperation.DynamicReverseError:
                line.Append("DRARP Error");
                break;
            case ArpOperation.Nak:
                line.Append("ARP NAK");
                break;
            case 0 or (ArpOperation)0xFFFF:
                line.Append("Reserved opcode ");
                line.Append((long)operation);
                break;
            case (ArpOperation)24 or (ArpOperation)25:
                line.Append(operation == (ArpOperation)24 ? "Experimental 1 ( opcode " : "Experimental 2 ( opcode ");
                line.Append((long)operation);
                line.Append(" )");
                break;
            default:
                line.Append("Unknown ARP opcode ");
                line.AppendHex((ushort)operation, 4);
                break;
        }
        uint duplicate = source.Packet.Analysis.ArpDuplicateAddress;
        if (duplicate != 0)
        {
            Span<byte> address = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(address, duplicate);
            line.Append(" (duplicate use of ");
            line.AppendIpv4(address);
            line.Append(" detected!)");
        }
        return false;
    }

    /// <summary>The protocol column: ARP, or the variant the operation belongs to.</summary>
    public static string Protocol(in InfoSource source, int index)
    {
        var bytes = source.Header(index);
        if (!ArpPacket.TryRead(bytes, out var arp))
            return "ARP";
        return arp.Operation switch
        {
            ArpOperation.ReverseRequest or ArpOperation.ReverseReply => "RARP",
            ArpOperation.DynamicReverseRequest or ArpOperation.DynamicReverseReply or ArpOperation.DynamicReverseError => "DRARP",
            ArpOperation.InverseRequest or ArpOperation.InverseReply => "Inverse ARP",
            _ => "ARP",
        };
    }

    /// <summary>"P is at H" (protocol address first) or "H is at P".</summary>
    private static void AppendIsAt(TextLine line, in ArpPacket arp, ReadOnlySpan<byte> bytes, int protocolAt, int hardwareAt, bool hardwareFirst)
    {
        if (hardwareFirst)
            AppendHardwareAddress(line, in arp, bytes, hardwareAt);
        else
            AppendProtocolAddress(line, in arp, bytes, protocolAt);
        line.Append(" is at ");
        if (hardwareFirst)
            AppendProtocolAddress(line, in arp, bytes, protocolAt);
        else
            AppendHardwareAddress(line, in arp, bytes, hardwareAt);
    }

    private static void AppendHardwareAddress(TextLine line, in ArpPacket arp, ReadOnlySpan<byte> bytes, int at)
    {
        if (arp.HardwareSize == 0)
            line.Append("<No address>");
        else if (arp.HasMacAddresses)
            line.AppendMac(bytes.Slice(at, 6));
        else
            line.AppendHexBytes(bytes.Slice(at, arp.HardwareSize));
    }

    private static void AppendProtocolAddress(TextLine line, in ArpPacket arp, ReadOnlySpan<byte> bytes, int at)
    {
        if (arp.ProtocolSize == 0)
            line.Append("<No address>");
        else if (arp.HasIpv4Addresses)
            line.AppendIpv4(bytes.Slice(at, 4));
        else
            line.AppendHexBytes(bytes.Slice(at, arp.ProtocolSize));
    }
}
