using RawNet.Protocols.WireGuard;

namespace RawNet.Protocols.Decoding;

// WireGuard by tshark 4.0's UDP heuristic (wg), tried after the ports' dissectors and Wake-on-LAN's heuristic.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// A WireGuard message the heuristic takes (<see cref="WireGuardMessage.IsTaken"/>): one layer over what was captured
    /// of it, cut short where wg's reads ran past the captured bytes (<see cref="WireGuardMessage.IsCut"/>).
    /// </summary>
    /// <returns>False when the heuristic refuses the payload (nothing added).</returns>
    private bool TryDecodeWireGuard(in Span input, int offset, int capEnd, int repEnd)
    {
        int captured = Math.Max(0, Math.Min(capEnd, repEnd) - offset);
        int reported = repEnd - offset;
        var bytes = input.Bytes.Slice(offset, captured);
        if (!WireGuardMessage.IsTaken(bytes, reported))
            return false;
        if (_packet.IsFull)
        {
            Stop(DecodeOutcome.Unsupported, LayerKind.WireGuard, offset, "too many layers");
            return true;
        }
        ref Layer layer = ref _packet.Add(LayerKind.WireGuard, offset, captured, Math.Max(captured, reported), input.Source);
        layer.Quoted = input.Quoted;
        if (!WireGuardMessage.IsCut((WireGuardType)bytes[0], captured, reported))
        {
            // tshark moves a heuristic that returned (no read threw) to the front of UDP's list.
            if (_options.FollowSessions)
                _wireGuardFirst = true;
            return true;
        }
        layer.Status = LayerStatus.Truncated;
        if (!input.Quoted)
            Stop(DecodeOutcome.Truncated, LayerKind.WireGuard, offset + captured, "WireGuard message cut short by the capture length");
        return true;
    }
}
