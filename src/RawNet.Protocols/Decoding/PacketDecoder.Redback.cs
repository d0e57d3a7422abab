using RawNet.Protocols.FrameRelay;
using RawNet.Protocols.Ppp;
using RawNet.Protocols.Redback;

namespace RawNet.Protocols.Decoding;

// Redback (Ericsson) SmartEdge captures (LINKTYPE_REDBACK_SMARTEDGE, 32), as tshark 4.0's "redback" reads them.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// The Redback header (no field before all 24 bytes are there), its padding up to the data offset and, before a PPP
    /// message without the flag bit, the unknown word; then what the protocol and the offsets name (see
    /// <see cref="RedbackHeader.Protocols"/>). A data offset past the captured bytes ends the frame there, as tshark's
    /// sub-buffer does; a protocol tshark has no case for hands nothing on.
    /// </summary>
    private void DecodeRedback(in Span input, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Redback, 0, RedbackHeader.Length, capEnd, repEnd, out int index))
            return;
        RedbackHeader.TryRead(input.Bytes[..capEnd], out var redback);
        int data = redback.DataOffset, l3 = redback.L3Offset;
        int fieldsEnd = redback.FieldsEnd;
        ref Layer layer = ref _packet.LayerRef(index);
        layer.HeaderLength = Math.Min(capEnd, fieldsEnd);
        if (fieldsEnd > capEnd)
        {
            // The padding or the unknown word ran past the captured bytes: tshark's exception ends the frame.
            CutRedback(ref layer, input, fieldsEnd, capEnd, repEnd);
            return;
        }
        ushort protocol = redback.Protocol;
        int start = redback.HasUnknown ? data + RedbackHeader.UnknownLength : data;
        if (!redback.HasKnownProtocol)
        {
            Stop(DecodeOutcome.Unsupported, LayerKind.Redback, RedbackHeader.Length, "Redback protocol not decoded");
            return;
        }
        // OSI reads its NLPID at the data offset before it makes a buffer; the others make the buffer first.
        bool nlpid = protocol == RedbackHeader.Protocols.Osi && l3 <= data;
        if (start > capEnd || (nlpid && start >= capEnd))
        {
            CutRedback(ref layer, input, nlpid ? start + 1 : start, capEnd, repEnd);
            return;
        }
        switch (protocol)
        {
            case RedbackHeader.Protocols.Ip when l3 == data:
                DecodeIpByDispatcher(input, start, capEnd, repEnd);
                return;
            case RedbackHeader.Protocols.Ip when l3 == data + 2:
                DecodePpp(input, start, PppFraming.Plain, capEnd, repEnd);
                return;
            case RedbackHeader.Protocols.Ip when l3 == data + 4:
                DecodePppHdlc(input, start, capEnd, repEnd);
                return;
            case RedbackHeader.Protocols.Osi when nlpid:
                DecodeRedbackNlpid(input, start, capEnd, repEnd);
                return;
            case RedbackHeader.Protocols.Ppp when l3 == data:
                DecodePpp(input, start, PppFraming.Plain, capEnd, repEnd);
                return;
            case RedbackHeader.Protocols.Ipv6 when l3 == data:
                DecodeIpv6(input, start, capEnd, repEnd);
                return;
            default:
                DecodeEthernet(input, start, capEnd, repEnd);
                return;
        }
    }

    /// <summary>
    /// tshark's OSI tables for the NLPID at <paramref name="offset"/>: the ones that keep it (CLNP, ES-IS, IS-IS, Q.931),
    /// which RawNet does not decode, then the ones that skip it (IPv4, IPv6, PPP), else data.
    /// </summary>
    private void DecodeRedbackNlpid(in Span input, int offset, int capEnd, int repEnd)
    {
        switch ((Nlpid)input.Bytes[offset])
        {
            case Nlpid.Ipv4:
                DecodeIpByDispatcher(input, offset + 1, capEnd, repEnd);
                return;
            case Nlpid.Ipv6:
                DecodeIpv6(input, offset + 1, capEnd, repEnd);
                return;
            case Nlpid.Ppp:
                DecodePpp(input, offset + 1, PppFraming.Plain, capEnd, repEnd);
                return;
            default:
                Unsupported(input, offset, capEnd, repEnd, "OSI protocol after the Redback header not decoded");
                return;
        }
    }

    private void CutRedback(ref Layer layer, in Span input, int needed, int capEnd, int repEnd) =>
        StopPastCapture(ref layer, input, LayerKind.Redback, capEnd, needed, capEnd, repEnd,
            "Redback offsets reach past the end of the packet", "Redback header cut short by the capture length");
}
