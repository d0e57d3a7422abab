using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.Symantec;

namespace RawNet.Output.Summary;

// tcpdump's Symantec firewall printer (print-symantec.c: symantec_if_print), for LINKTYPE_SYMANTEC_FIREWALL: the v2
// layout only (44 bytes, the EtherType at 6; a v3 header reads as EtherType 0), nothing of the header itself unless
// ethertype_print has no printer for its EtherType.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// The frame's Symantec header as tcpdump reads it: true when what it carries is a layer the loop prints next (IPv4,
    /// IPv6, ARP), else tcpdump's line for a cut header or a type it cannot print (the header, then the rest in hex), and false.
    /// </summary>
    private bool AppendSymantec(ReadOnlySpan<byte> frame, int length)
    {
        var line = _line;
        if (frame.Length < SymantecHeader.V2Length)
        {
            line.Append(" [|symantec]");
            return false;
        }
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(frame[SymantecHeader.Field.EtherTypeV2..]);
        if (type is (ushort)EtherType.Ipv4 or (ushort)EtherType.Ipv6 or (ushort)EtherType.Arp)
            return true;
        var rest = frame[SymantecHeader.V2Length..];
        if (type > EthernetHeader.MaxLength)
        {
            AppendUnprintedEtherType(type, length, rest, lead: "");
            return false;
        }
        line.Append("invalid ethertype ");
        line.Append(type);
        line.Append(", length ");
        line.Append(length);
        line.Append(": ");
        AppendHexDump(rest, "\n\t", withText: true);
        return false;
    }
}
