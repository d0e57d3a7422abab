using RawNet.Protocols;
using RawNet.Protocols.Ap1394;

namespace RawNet.Output.Summary;

// tcpdump's Apple IP-over-IEEE 1394 printer (print-ap1394.c: ap1394_if_print), for LINKTYPE_APPLE_IP_OVER_IEEE1394:
// nothing of the header itself unless ethertype_print has no printer for its EtherType.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// A whole ap1394 header at the frame's start: true when what it carries is a layer the loop prints next (IPv4, IPv6,
    /// ARP), else tcpdump's line for a type it cannot print (the header, then the rest in hex), and false.
    /// </summary>
    private bool AppendAp1394(ReadOnlySpan<byte> frame, int length)
    {
        Ap1394Header.TryRead(frame, out var ap1394);
        ushort type = ap1394.EtherType;
        if (type is (ushort)EtherType.Ipv4 or (ushort)EtherType.Ipv6 or (ushort)EtherType.Arp or Ap1394Header.ReverseArp)
            return true;
        AppendLinkAddress(ap1394.Source);
        _line.Append(" > ");
        AppendLinkAddress(ap1394.Destination);
        AppendUnprintedEtherType(type, length, frame[Ap1394Header.Length..]);
        return false;
    }

    /// <summary>
    /// What a link printer writes for an EtherType ethertype_print has no printer for: ", ethertype NAME (0x1234), length
    /// N: " (tcpdump's name, else "Unknown"; <paramref name="lead"/> before "ethertype"), then <paramref name="rest"/> in hex.
    /// </summary>
    private void AppendUnprintedEtherType(ushort type, int length, ReadOnlySpan<byte> rest, string lead = ", ")
    {
        var line = _line;
        line.Append(lead);
        line.Append("ethertype ");
        string name = TcpdumpNames.EtherType(type);
        line.Append(name.Length > 0 ? name : "Unknown");
        line.Append(" (");
        line.AppendHex(type, 4);
        line.Append("), length ");
        line.Append(length);
        line.Append(": ");
        AppendHexDump(rest, "\n\t", withText: true);
    }
}
