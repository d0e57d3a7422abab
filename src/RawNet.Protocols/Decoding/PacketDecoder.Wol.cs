using RawNet.Protocols.Wol;

namespace RawNet.Protocols.Decoding;

// Wake-on-LAN on EtherType 0x0842 and by tshark's UDP heuristic, as tshark 4.0's wol reads it.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// A Wake-on-LAN magic packet (<see cref="WolPacket.Judge"/>): one layer over the 102, 106 or 108 bytes wol reads, or,
    /// when a read ran past the captured bytes first, over what was captured, marked cut short.
    /// </summary>
    /// <returns>False when wol refuses the payload (nothing added).</returns>
    private bool TryDecodeWol(in Span input, int offset, int capEnd, int repEnd, bool heuristic = false)
    {
        int captured = Math.Max(0, Math.Min(capEnd, repEnd) - offset);
        var verdict = WolPacket.Judge(input.Bytes.Slice(offset, captured), repEnd - offset, out int length);
        if (verdict == WolVerdict.Refused)
            return false;
        if (_packet.IsFull)
        {
            Stop(DecodeOutcome.Unsupported, LayerKind.Wol, offset, "too many layers");
            return true;
        }
        int kept = verdict == WolVerdict.Claimed ? length : captured;
        ref Layer layer = ref _packet.Add(LayerKind.Wol, offset, kept, Math.Max(kept, repEnd - offset), input.Source);
        layer.Quoted = input.Quoted;
        if (heuristic && verdict == WolVerdict.Claimed && _options.FollowSessions)
            _wireGuardFirst = false;
        if (verdict == WolVerdict.CutShort)
        {
            layer.Status = LayerStatus.Truncated;
            if (!input.Quoted)
                Stop(DecodeOutcome.Truncated, LayerKind.Wol, offset + captured, "Wake-on-LAN magic packet cut short by the capture length");
        }
        return true;
    }
}
