namespace RawNet.Protocols.Decoding;

// Application messages on UDP that are one layer over the whole message, judged by one walk over tshark's items (DHCP, NTP).
public sealed partial class PacketDecoder
{
    /// <summary>Adds one layer over a whole message as captured; false (and the packet stopped) when there is no room left.</summary>
    private bool TryAddMessage(in Span input, LayerKind kind, int offset, int capEnd, int repEnd, out int captured)
    {
        captured = Math.Max(0, Math.Min(capEnd, repEnd) - offset);
        if (_packet.IsFull)
        {
            Stop(DecodeOutcome.Unsupported, kind, offset, "too many layers");
            return false;
        }
        ref Layer layer = ref _packet.Add(kind, offset, captured, Math.Max(captured, repEnd - offset), input.Source);
        layer.Quoted = input.Quoted;
        return true;
    }

    /// <summary>
    /// Marks the message layer just added as its walk ended short at <paramref name="stop"/>: a read past the captured
    /// bytes (<paramref name="cut"/>) is truncation, one past the datagram malformed; the packet stops there unless quoted.
    /// </summary>
    private void EndMessageShort(in Span input, LayerKind kind, int offset, bool cut, int stop, string cutReason, string malformedReason)
    {
        _packet.LayerRef(_packet.LayerCount - 1).Status = cut ? LayerStatus.Truncated : LayerStatus.Malformed;
        if (!input.Quoted)
            Stop(cut ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, kind, offset + Math.Max(0, stop), cut ? cutReason : malformedReason);
    }
}
