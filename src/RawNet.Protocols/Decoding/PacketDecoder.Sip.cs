using RawNet.Protocols.Sip;

namespace RawNet.Protocols.Decoding;

// SIP on UDP and TCP 5060, as tshark 4.0's sip reads it.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// A SIP message: one layer over the whole payload (the message and its body, which SDP or MIME parts read) when its
    /// first line is a SIP request or status line; false, adding nothing, when it is not (tshark's SIP refuses it). The
    /// walk judges it: a read past the captured bytes is truncation, a header line without its ending at the payload's
    /// end malformed.
    /// </summary>
    private bool DecodeSip(in Span input, int offset, int capEnd, int repEnd)
    {
        int captured = Math.Max(0, Math.Min(capEnd, repEnd) - offset);
        if (captured == 0 || SipStartLine.Read(input.Bytes.Slice(offset, captured)).Kind == SipLineKind.None)
            return false;
        if (!TryAddMessage(input, LayerKind.Sip, offset, capEnd, repEnd, out captured))
            return true;
        var facts = SipWalk.FactsOf(input.Bytes.Slice(offset, captured), repEnd - offset);
        if (facts.Status is SipWalkStatus.Truncated or SipWalkStatus.Malformed)
            EndMessageShort(input, LayerKind.Sip, offset, facts.Status == SipWalkStatus.Truncated, facts.Stop,
                "SIP message cut short by the capture length", "SIP header line without its line ending at the end of the message");
        return true;
    }
}
