using System.Buffers.Binary;
using RawNet.Protocols.Udp;

namespace RawNet.Output.Columns.Info;

/// <summary>How TCP's and UDP's Info text begins: the two ports with tshark's arrow between.</summary>
internal static class PortsInfo
{
    /// <summary>
    /// Appends "SPORT → DPORT", as TCP and UDP begin; false (with what the IP headers left) when the ports were not
    /// captured, and then the transport writes nothing of its own.
    /// </summary>
    public static bool Append(TextLine line, in InfoSource source, int index)
    {
        var header = source.Header(index);
        if (header.Length < UdpHeader.Field.Length)
        {
            IpInfo.AppendLeftFor(line, in source, index);
            return false;
        }
        line.Append(BinaryPrimitives.ReadUInt16BigEndian(header));
        line.Append(" → ");
        line.Append(BinaryPrimitives.ReadUInt16BigEndian(header[UdpHeader.Field.DestinationPort..]));
        return true;
    }
}
