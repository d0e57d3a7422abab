using RawNet.Protocols.Ntp;

namespace RawNet.Protocols.Decoding;

// NTP on UDP 123, as tshark 4.0's ntp reads it.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// An NTP message: one layer over the whole message, walked once as tshark adds its items (<see cref="NtpWalk"/>)
    /// to judge it: a read past the captured bytes is truncation, one past the datagram malformed.
    /// </summary>
    private void DecodeNtp(in Span input, int offset, int capEnd, int repEnd)
    {
        if (_packet.IsFull)
        {
            Stop(DecodeOutcome.Unsupported, LayerKind.Ntp, offset, "too many layers");
            return;
        }
        int captured = Math.Max(0, Math.Min(capEnd, repEnd) - offset);
        ref Layer layer = ref _packet.Add(LayerKind.Ntp, offset, captured, Math.Max(captured, repEnd - offset), input.Source);
        layer.Quoted = input.Quoted;
        var status = NtpWalk.StatusOf(input.Bytes.Slice(offset, captured), repEnd - offset, out int stop);
        if (status is not (NtpWalkStatus.Truncated or NtpWalkStatus.Malformed))
            return;
        bool cut = status == NtpWalkStatus.Truncated;
        layer.Status = cut ? LayerStatus.Truncated : LayerStatus.Malformed;
        if (!input.Quoted)
            Stop(cut ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Ntp, offset + Math.Max(0, stop),
                cut ? "NTP message cut short by the capture length" : "NTP message shorter than its header");
    }
}
