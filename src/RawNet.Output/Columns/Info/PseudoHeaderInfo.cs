using RawNet.Protocols.Decoding;
using RawNet.Protocols.Pktap;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The columns of a capture pseudo-header that nothing after it set (IPoIB, Solaris ipnet, NFLOG, PKTAP): tshark's protocol
/// name and the text its dissector writes first (NFLOG clears it), marked when the header itself was cut or malformed.
/// </summary>
internal static class PseudoHeaderInfo
{
    /// <summary>Writes the Info text; true when the header was cut short or is malformed.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        if (layer.Kind == LayerKind.Pktap)
        {
            // Written once the header length is read: "PKTAP, 108 byte header".
            var header = source.Header(index);
            if (header.Length >= PktapHeader.LengthFieldLength)
            {
                line.Append("PKTAP, ");
                line.Append(PktapHeader.DeclaredLength(header));
                line.Append(" byte header");
            }
            return layer.Status != LayerStatus.Complete;
        }
        line.Append(layer.Kind switch
        {
            LayerKind.Ipoib => "IP over Infiniband",
            LayerKind.Ipnet => "Solaris IPNET",
            _ => "",
        });
        return layer.Status != LayerStatus.Complete;
    }

    /// <summary>The Protocol column.</summary>
    public static string Protocol(in InfoSource source, int index) => source.Packet[index].Kind switch
    {
        LayerKind.Ipoib => "IPoIB",
        LayerKind.Ipnet => "IPNET",
        LayerKind.Pktap => "PKTAP",
        _ => "NFLOG",
    };
}
