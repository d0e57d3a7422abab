using RawNet.Protocols.Decoding;
using RawNet.Protocols.Llc;

namespace RawNet.Output.Summary;

// tcpdump's RFC 1483 printer (print-atm.c: atm_if_print) without -e: llc_print with no link addresses for an LLC header
// of SNAP, ISO or IP in a UI frame; any other first three bytes it takes for a Fore driver's 20-byte 802.6 header and
// reads LLC after it (tshark reads LLC from the first byte whatever it is).
public sealed partial class SummaryPrinter
{
    /// <summary>The length of the 802.6 MAC header tcpdump skips before LLC it does not recognise.</summary>
    private const int AtmForeHeaderLength = 20;

    /// <summary>
    /// The LLC layer at <paramref name="index"/> (the frame's start) as atm_if_print reads it: true when the line goes on
    /// with the layer after it. <paramref name="length"/> is the frame's length.
    /// </summary>
    private bool AppendAtm(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        if (frame.Length < LlcHeader.Length)
            return Truncated("atm");
        bool ui = frame[LlcHeader.Field.Control] == LlcHeader.UnnumberedInformation && frame[LlcHeader.Field.Dsap] == frame[LlcHeader.Field.Ssap];
        if (ui && frame[LlcHeader.Field.Dsap] is LlcHeader.SnapSap or LlcHeader.IpSap or 0xFE)
        {
            var next = index + 1 < packet.LayerCount ? packet[index + 1].Kind : LayerKind.Frame;
            return AppendLlc(default, frame, length, next);
        }
        if (frame.Length < AtmForeHeaderLength)
            return Truncated("atm");
        // What follows the skipped bytes is not a layer RawNet decoded: LLC's words for it, never the layers after.
        AppendLlc(default, frame[AtmForeHeaderLength..], length - AtmForeHeaderLength, LayerKind.Payload);
        return false;
    }
}
