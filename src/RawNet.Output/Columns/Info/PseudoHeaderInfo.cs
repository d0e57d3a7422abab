using RawNet.Protocols.Arcnet;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The columns of a capture pseudo-header that nothing after it set (IPoIB, Solaris ipnet, NFLOG, ARCNET, Juniper):
/// tshark's protocol name and the text its dissector writes first (NFLOG and Juniper clear it), marked when the header
/// itself was cut or malformed. An ARCNET protocol ID no dissector took shows in the protocol column as hex.
/// </summary>
internal static class PseudoHeaderInfo
{
    /// <summary>Writes the Info text; true when the header was cut short or is malformed.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        line.Append(layer.Kind switch
        {
            LayerKind.Ipoib => "IP over Infiniband",
            LayerKind.Ipnet => "Solaris IPNET",
            LayerKind.Arcnet => "ARCNET",
            _ => "",
        });
        return layer.Status != LayerStatus.Complete;
    }

    /// <summary>The Protocol column.</summary>
    public static string Protocol(in InfoSource source, int index) => source.Packet[index].Kind switch
    {
        LayerKind.Ipoib => "IPoIB",
        LayerKind.Ipnet => "IPNET",
        LayerKind.Arcnet => ArcnetProtocol(in source, index),
        LayerKind.Juniper => "Juniper Ethernet",
        _ => "NFLOG",
    };

    /// <summary>"ARCNET", or once the whole header is there and no dissector took its ID, the ID as tshark writes it ("0x0099").</summary>
    private static string ArcnetProtocol(in InfoSource source, int index)
    {
        var header = source.Header(index);
        if (source.Packet[index].Status != LayerStatus.Complete || !ArcnetHeader.TryRead(header, out var arcnet)
            || ArcnetHeader.HasTsharkDissector(arcnet.ProtocolId))
            return "ARCNET";
        return HexNames.Of(arcnet.ProtocolId);
    }
}
