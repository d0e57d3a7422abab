using RawNet.Protocols.Echo;

namespace RawNet.Protocols.Decoding;

// Echo (RFC 862) on UDP and TCP port 7, as tshark 4.0's echo reads it.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// An Echo payload: one layer over every captured byte (tshark's echo reads what there is and never fails), a
    /// request when it goes to port 7. The caller hands it a payload of at least one captured byte.
    /// </summary>
    private void DecodeEcho(in Span input, int offset, int capEnd, int repEnd, ushort destinationPort)
    {
        if (_packet.IsFull)
        {
            Stop(DecodeOutcome.Unsupported, LayerKind.Echo, offset, "too many layers");
            return;
        }
        int captured = Math.Max(0, Math.Min(capEnd, repEnd) - offset);
        ref Layer layer = ref _packet.Add(LayerKind.Echo, offset, captured, Math.Max(captured, repEnd - offset), input.Source);
        layer.Quoted = input.Quoted;
        layer.Detail = destinationPort == EchoPorts.Echo ? EchoLayerDetail.Request : (byte)0;
    }
}
