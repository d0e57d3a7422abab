using RawNet.Protocols.Decoding;
using RawNet.Protocols.Expert;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Http;

namespace RawNet.Protocols.Sip;

/// <summary>
/// A SIP layer's expert items in tshark 4.0's order, from its <see cref="SipWalk"/>: "Unrecognised SIP header (name)"
/// for each header line whose name (before the colon) tshark has no field for (<see cref="SipNames.IsTsharkHeader"/>),
/// naming the name's bytes, which the summary quotes as tshark does: UTF-8 read as is (control bytes raw, a bad
/// sequence U+FFFD), ASCII lower-cased, blanks before the colon kept; a header line without a colon, a Content-Length
/// that is no number of 32 bits, and a head the message ends in without its empty line. Allocates nothing.
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
        var visitor = new Items(message, index, layer.Offset, into);
        var facts = SipWalk.Run(message, layer.Extent, ref visitor);
        // a head the message ends in, every line of it whole (a start line without its end is no head at all)
        if (facts.Kind != SipLineKind.None && facts.Status == SipWalkStatus.Complete && !facts.HeadEnded && facts.LineLength < message.Length
            && visitor.Count < into.Length)
            into[visitor.Count++] = new ExpertFinding(ExpertItem.SipHeaderNotTerminated, 0, new ExpertBytes(index, layer.Offset + message.Length, 0));
        return visitor.Count;
    }

    private ref struct Items(ReadOnlySpan<byte> message, int layer, int layerOffset, Span<ExpertFinding> into) : IItemVisitor<SipValue>
    {
        private readonly ReadOnlySpan<byte> _message = message;
        private readonly Span<ExpertFinding> _into = into;
        public int Count;

        public bool Item(SipValue which, int offset, int length, ulong number)
        {
            if ((uint)offset > (uint)_message.Length)
                return true;
            // a Content-Length tshark cannot read as a number of 32 bits (digits only)
            if (which == SipWalk.ValueOf(SipHeader.ContentLength))
            {
                var value = _message.Slice(offset, Math.Min(length, _message.Length - offset));
                if (!IsUInt32(value))
                    Add(ExpertItem.SipInvalidContentLength, offset, length);
                return Count < _into.Length;
            }
            if (which != SipValue.OtherHeader)
                return true;
            var line = _message.Slice(offset, Math.Min(length, _message.Length - offset));
            int colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                Add(ExpertItem.SipHeaderNoColon, offset, length);
                return Count < _into.Length;
            }
            // known by the name without blanks before the colon (as the fields), quoted with them (as tshark does)
            var name = line[..colon];
            if (SipNames.IsTsharkHeader(name.TrimEnd((byte)' ').TrimEnd((byte)'\t')))
                return true;
            Add(ExpertItem.SipUnrecognisedHeader, offset, name.Length);
            return Count < _into.Length;
        }

        private void Add(ExpertItem item, int offset, int length)
        {
            if (Count < _into.Length)
                _into[Count++] = new ExpertFinding(item, 0, new ExpertBytes(layer, layerOffset + offset, length));
        }

        private static bool IsUInt32(ReadOnlySpan<byte> value)
        {
            ulong number = 0;
            foreach (byte b in value)
            {
                if (b is < (byte)'0' or > (byte)'9' || (number = number * 10 + (ulong)(b - '0')) > uint.MaxValue)
                    return false;
            }
            return value.Length > 0;
        }
    }
}
