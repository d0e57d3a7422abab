using RawNet.Protocols.Decoding;
using RawNet.Protocols.Nflog;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The columns of a capture pseudo-header that nothing after it set (IPoIB, Solaris ipnet, NFLOG): tshark's protocol
/// name and the text its dissector writes first (NFLOG clears it), marked when the header itself was cut or malformed.
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
            _ => "",
        });
        return layer.Status != LayerStatus.Complete && !(layer.Kind == LayerKind.Nflog && EndsQuietlyPastCapture(in source, index));
    }

    /// <summary>
    /// True when NFLOG's TLV walk ran out of captured bytes in a TLV's padding, so that the next TLV would start past them:
    /// tshark stops there without a mark (it marks a TLV cut inside, or one that would start right at the end).
    /// </summary>
    private static bool EndsQuietlyPastCapture(in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        var bytes = source.Frame[Math.Min(layer.Offset, source.Frame.Length)..];
        var tlvs = new NflogTlvs(bytes, layer.Extent);
        for (int walked = 0; walked < PacketDecoder.MaxNflogTlvs && tlvs.MoveNext(); walked++)
        {
        }
        return bytes.Length >= NflogHeader.Length && tlvs.End == NflogWalkEnd.Truncated && tlvs.Next > bytes.Length;
    }

    /// <summary>The Protocol column.</summary>
    public static string Protocol(in InfoSource source, int index) => source.Packet[index].Kind switch
    {
        LayerKind.Ipoib => "IPoIB",
        LayerKind.Ipnet => "IPNET",
        _ => "NFLOG",
    };
}
