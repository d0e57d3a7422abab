using RawNet.Protocols.Decoding;
using RawNet.Protocols.Stp;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The columns of a spanning tree BPDU as tshark 4.0 writes them: "STP" for every BPDU, and in Info the BPDU's kind
/// ("Conf.", "RST.", "MST.", "SPT." by the version of an RST BPDU) with "TC + " for the topology change flag, then the
/// root identifier as priority/extension/MAC, the root path cost and the port; "Topology Change Notification"; or
/// "Unknown BPDU type (N)". tshark clears Info before it reads what it shows: a BPDU too short for that shows only the mark.
/// </summary>
internal static class StpInfo
{
    /// <summary>Writes the Info text; true when the BPDU was cut short (tshark's read failed).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var header = source.Header(index);
        bool cut = source.Packet[index].Status != LayerStatus.Complete;
        if (!StpBpdu.TryRead(header, out var bpdu) || !bpdu.ColumnsRead)
            return cut;
        switch (bpdu.Type)
        {
            case StpBpdu.TypeTopologyChange:
                line.Append("Topology Change Notification");
                return cut;
            case StpBpdu.TypeConfiguration:
                line.Append("Conf. ");
                break;
            case StpBpdu.TypeRst:
                line.Append(bpdu.Version switch { 3 => "MST. ", 4 => "SPT. ", _ => "RST. " });
                break;
            default:
                line.Append("Unknown BPDU type (");
                line.Append((ulong)bpdu.Type);
                line.Append(')');
                return cut;
        }
        if ((bpdu.Flags & StpBpdu.Flag.TopologyChange) != 0)
            line.Append("TC + ");
        line.Append("Root = ");
        line.Append((ulong)(bpdu.RootPriorityAndExtension & 0xF000));
        line.Append('/');
        line.Append((ulong)(bpdu.RootPriorityAndExtension & 0x0FFF));
        line.Append('/');
        line.AppendMac(bpdu.RootMac);
        line.Append("  Cost = ");
        // tshark prints the cost with %d: a cost of 2^31 or more shows negative.
        line.Append((long)(int)bpdu.RootCost);
        line.Append("  Port = 0x");
        line.AppendHexDigits(bpdu.PortId, 4);
        return cut;
    }
}
