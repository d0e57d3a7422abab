using RawNet.Protocols;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Summary;

// tcpdump's Linux Classical IP over ATM printer (print-cip.c: cip_if_print), for link types 19 and 106: "[|cip]" when
// fewer than 6 bytes were captured; LLC/SNAP with an EtherType OUI (aa aa 03 00 00 00) to llc_print, as atm_llc_print
// reads it; anything else to ip_print, IPv4's printer, whatever the version (tshark reads IP from the first byte in every
// case). tcpdump reads 16 as BSD/OS PPP, whose printer prints nothing off BSD/OS, and refuses 18: RawNet prints 18 as 19.
public sealed partial class SummaryPrinter
{
    /// <summary>The LLC/SNAP header cip_if_print looks for (an EtherType behind OUI 00-00-00).</summary>
    private static ReadOnlySpan<byte> ClipLlcSnap => [0xAA, 0xAA, 0x03, 0x00, 0x00, 0x00];

    /// <summary>
    /// The start of a Classical IP frame of <paramref name="length"/> bytes: true when the line goes on with the decoder's
    /// IP layer (ip_print), else its line is written.
    /// </summary>
    private bool AppendClip(DecodedPacket packet, ReadOnlySpan<byte> frame, int length)
    {
        if (packet.Metadata.LinkType == LinkType.AtmClip16)
            return false;
        if (frame.Length < ClipLlcSnap.Length)
            return Truncated("cip");
        if (!frame[..ClipLlcSnap.Length].SequenceEqual(ClipLlcSnap))
            return true;
        AppendAtmAfterForeHeader(packet, frame, length);
        return false;
    }
}
