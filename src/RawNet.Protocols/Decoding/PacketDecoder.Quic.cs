using RawNet.Protocols.Conversations;
using RawNet.Protocols.Quic;

namespace RawNet.Protocols.Decoding;

// QUIC by tshark 4.0's UDP heuristic (quic), tried after Wake-on-LAN's and WireGuard's, and by the conversations it took.
public sealed partial class PacketDecoder
{
    // The UDP conversations tshark's QUIC heuristic took and their connections (bounded; DecoderOptions.FollowSessions).
    private readonly QuicConversations _quicConversations = new();

    /// <summary>
    /// A QUIC datagram the heuristic takes (<see cref="QuicPacket.IsTaken"/>): one layer over the whole payload, walked
    /// once as tshark adds its items (<see cref="QuicWalk"/>) to judge it: a read past the captured bytes is truncation,
    /// one past a packet or the datagram malformed. Its conversation is remembered as QUIC.
    /// </summary>
    /// <returns>False when the heuristic refuses the payload (nothing added).</returns>
    private bool TryDecodeQuic(in Span input, int offset, int capEnd, int repEnd, ushort sourcePort, ushort destinationPort)
    {
        var bytes = input.Bytes[offset..Math.Max(offset, Math.Min(capEnd, repEnd))];
        if (!QuicPacket.IsTaken(bytes))
            return false;
        DecodeQuic(input, offset, capEnd, repEnd, sourcePort, destinationPort);
        return true;
    }

    /// <summary>
    /// A datagram of a conversation tshark's QUIC heuristic took before: QUIC whatever it holds, as tshark's conversation
    /// dissector is tried before the ports and the heuristics. False when the conversation is not one (nothing added).
    /// </summary>
    private bool TryDecodeQuicConversation(in Span input, ushort sourcePort, ushort destinationPort, int offset, int capEnd, int repEnd)
    {
        if (input.Quoted || capEnd <= offset || !_options.FollowSessions || !TryIpAddresses(input, out var source, out var destination)
            || !_quicConversations.IsQuic(ConversationKey.Of(source, sourcePort, destination, destinationPort, out _)))
            return false;
        DecodeQuic(input, offset, capEnd, repEnd, sourcePort, destinationPort);
        return true;
    }

    private void DecodeQuic(in Span input, int offset, int capEnd, int repEnd, ushort sourcePort, ushort destinationPort)
    {
        int index = _packet.LayerCount;
        if (!TryAddMessage(input, LayerKind.Quic, offset, capEnd, repEnd, out int captured))
            return;
        var datagram = input.Bytes.Slice(offset, captured);
        ref var state = ref _packet.QuicRef;
        if (!input.Quoted && _options.FollowSessions && TryIpAddresses(input, out var source, out var destination))
        {
            state.LayerIndex = index;
            _quicConversations.Take(ConversationKey.Of(source, sourcePort, destination, destinationPort, out bool fromA), fromA, datagram, ref state);
        }
        var status = QuicWalk.StatusOf(datagram, repEnd - offset, QuicConnection.Of(_packet, index), out int stop);
        if (status is QuicWalkStatus.Truncated or QuicWalkStatus.Malformed)
            EndMessageShort(input, LayerKind.Quic, offset, status == QuicWalkStatus.Truncated, stop,
                "QUIC packet cut short by the capture length", "QUIC packet or one of its fields runs past the end of its packet or the datagram");
    }
}
