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
        if (!TryAddMessage(input, LayerKind.Ntp, offset, capEnd, repEnd, out int captured))
            return;
        var status = NtpWalk.StatusOf(input.Bytes.Slice(offset, captured), repEnd - offset, out int stop);
        if (status is NtpWalkStatus.Truncated or NtpWalkStatus.Malformed)
            EndMessageShort(input, LayerKind.Ntp, offset, status == NtpWalkStatus.Truncated, stop,
                "NTP message cut short by the capture length", "NTP message or one of its fields runs past the end of the datagram");
    }
}
