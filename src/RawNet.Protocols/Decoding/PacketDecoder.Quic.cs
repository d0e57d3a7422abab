using RawNet.Protocols.Quic;

namespace RawNet.Protocols.Decoding;

// QUIC by tshark 4.0's UDP heuristic (quic), tried after Wake-on-LAN's and WireGuard's.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// A QUIC datagram the heuristic takes (<see cref="QuicPacket.IsTaken"/>): one layer over the whole payload, walked
    /// once as tshark adds its items (<see cref="QuicWalk"/>) to judge it: a read past the captured bytes is truncation,
    /// one past a packet or the datagram malformed.
    /// </summary>
    /// <returns>False when the heuristic refuses the payload (nothing added).</returns>
    private bool TryDecodeQuic(in Span input, int offset, int capEnd, int repEnd)
    {
        var bytes = input.Bytes[offset..Math.Max(offset, Math.Min(capEnd, repEnd))];
        if (!QuicPacket.IsTaken(bytes))
            return false;
        if (!TryAddMessage(input, LayerKind.Quic, offset, capEnd, repEnd, out int captured))
            return true;
        var status = QuicWalk.StatusOf(input.Bytes.Slice(offset, captured), repEnd - offset, out int stop);
        if (status is QuicWalkStatus.Truncated or QuicWalkStatus.Malformed)
            EndMessageShort(input, LayerKind.Quic, offset, status == QuicWalkStatus.Truncated, stop,
                "QUIC packet cut short by the capture length", "QUIC packet or one of its fields runs past the end of its packet or the datagram");
        return true;
    }
}
