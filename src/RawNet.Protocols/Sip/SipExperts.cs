using RawNet.Protocols.Decoding;
using RawNet.Protocols.Expert;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Http;

namespace RawNet.Protocols.Sip;

/// <summary>
/// A SIP layer's expert items in tshark 4.0's order, from its <see cref="SipWalk"/>: "Unrecognised SIP header (name)"
/// for each header line whose name (before the colon) tshark has no field for (<see cref="SipNames.IsTsharkHeader"/>),
/// naming the name's bytes, which the summary quotes as tshark does: UTF-8 read as is (control bytes raw, a bad
/// sequence U+FFFD), ASCII lower-cased, blanks before the colon kept. Allocates nothing.
/// </summary>
public static class SipExperts
{
    /// <summary>Writes layer <paramref name="index"/>'s items into <paramref name="into"/>; returns how many (at most its length).</summary>
    public static int Find(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, Span<ExpertFinding> into)
    {
        ref readonly Layer layer = ref packet[index];
        var buffer = packet.BufferOf(layer, frame);
        if ((uint)layer.Offset > (uint)buffer.Length)
            return 0;
        var message = buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)];
        var visitor = new Unrecognised(message, index, layer.Offset, into);
        SipWalk.Run(message, layer.Extent, ref visitor);
        return visitor.Count;
    }

    private ref struct Unrecognised(ReadOnlySpan<byte> message, int layer, int layerOffset, Span<ExpertFinding> into) : IItemVisitor<SipValue>
    {
        private readonly ReadOnlySpan<byte> _message = message;
        private readonly Span<ExpertFinding> _into = into;
        public int Count;

        public bool Item(SipValue which, int offset, int length, ulong number)
        {
            if (which != SipValue.OtherHeader || (uint)offset > (uint)_message.Length)
                return true;
            var line = _message.Slice(offset, Math.Min(length, _message.Length - offset));
            int colon = line.IndexOf((byte)':');
            if (colon < 0)
                return true;
            // known by the name without blanks before the colon (as the fields), quoted with them (as tshark does)
            var name = line[..colon];
            if (SipNames.IsTsharkHeader(name.TrimEnd((byte)' ').TrimEnd((byte)'\t')))
                return true;
            if (Count < _into.Length)
                _into[Count++] = new ExpertFinding(ExpertItem.SipUnrecognisedHeader, 0, new ExpertBytes(layer, layerOffset + offset, name.Length));
            return Count < _into.Length;
        }
    }
}
