using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ospf;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The columns of an OSPF packet as tshark 4.0 writes them: "OSPF", and in Info the message type's name ("Hello Packet",
/// "LS Update", "Unknown (9)"), set once the type byte was read (before anything else of the packet).
/// </summary>
internal static class OspfInfo
{
    /// <summary>Writes the Info text; true when the packet was cut short (tshark's read failed).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var bytes = source.Header(index);
        ref readonly Layer layer = ref source.Packet[index];
        bool cut = layer.Status != LayerStatus.Complete;
        if (bytes.Length < 2)
            return cut;
        byte type = bytes[OspfHeader.Field.Type];
        var name = OspfHeader.InfoOf(type);
        if (name is not null)
        {
            line.Append(name);
        }
        else
        {
            line.Append("Unknown (");
            line.Append(type);
            line.Append(')');
        }
        return cut;
    }
}
