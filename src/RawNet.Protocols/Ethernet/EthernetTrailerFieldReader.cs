using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ethernet;

/// <summary>
/// eth.padding, the trailer (eth.trailer, vlan.trailer, ieee8021ah.trailer, sll.trailer) and a guessed eth.fcs, as tshark
/// 4.0 adds them to the tree of the header whose type field named what the frame carries: the Ethernet header, the last
/// VLAN tag, the Linux cooked header, or a MACsec or Arista header (whose trailers <see cref="EtherTypeTrailer"/> reads). The bytes split are those after an IPv4, IPv6 or ARP packet's own length, or
/// after an 802.3 length (<see cref="EthernetTrailer.Split"/>).
/// </summary>
public static class EthernetTrailerFieldReader
{
    /// <summary>True for the fields this reader reads.</summary>
    public static bool Serves(ComputedField computed) =>
        computed is ComputedField.EthernetPadding or ComputedField.LinkTrailer or ComputedField.EthernetFcs or ComputedField.EthernetFcsStatus;

    /// <summary>tshark's PROTO_CHECKSUM_E_UNVERIFIED: it checks no Ethernet FCS under its default preferences (eth.check_fcs).</summary>
    private const ulong FcsUnverified = 2;

    /// <summary>Reads eth.padding, the trailer or eth.fcs of the layer at <paramref name="index"/>.</summary>
    public static bool TryRead(ComputedField computed, DecodedPacket packet, int index, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
    {
        value = default;
        if (computed == ComputedField.EthernetFcsStatus)
        {
            // added with every eth.fcs, over the same bytes
            if (!TryRead(ComputedField.EthernetFcs, packet, index, buffer, occurrence, out var fcs))
                return false;
            value = new FieldValue(FcsUnverified, fcs.Offset, fcs.Length);
            return true;
        }
        if (computed == ComputedField.EthernetFcs)
        {
            ref readonly Layer layer = ref packet[index];
            return (layer.Detail & EthernetLayerDetail.FcsAtEnd) != 0
                ? EthernetFieldReader.TryRead(computed, layer, buffer, default, occurrence, out value)
                : occurrence == 0 && TryReadGuessedFcs(packet, index, buffer, out value);
        }
        if (occurrence != 0 || !TrySplit(packet, index, buffer, out int start, out var split))
            return false;
        if (computed == ComputedField.EthernetPadding && split.Padding > 0)
            value = new FieldValue(0, start, split.Padding);
        else if (computed == ComputedField.LinkTrailer && split.Trailer > 0)
            value = new FieldValue(0, start + split.Padding, split.Trailer);
        return value.Length > 0;
    }

    /// <summary>The FCS tshark guesses at the end of an untagged frame of the capture's own Ethernet link (eth.fcs).</summary>
    public static bool TryReadGuessedFcs(DecodedPacket packet, int index, ReadOnlySpan<byte> buffer, out FieldValue value)
    {
        value = default;
        if (!TrySplit(packet, index, buffer, out int start, out var split) || !split.Fcs)
            return false;
        int at = start + split.Padding + split.Trailer;
        value = new FieldValue(BinaryPrimitives.ReadUInt32BigEndian(buffer[at..]), at, EthernetHeader.FcsLength);
        return true;
    }

    /// <summary>
    /// The split tshark shows in the layer at <paramref name="index"/> and where it starts in <paramref name="buffer"/>;
    /// false when that layer shows none (another header's type field named what follows, nothing is left over, the
    /// capture ended before it).
    /// </summary>
    public static bool TrySplit(DecodedPacket packet, int index, ReadOnlySpan<byte> buffer, out int start, out EthernetTrailerSplit split)
    {
        start = 0;
        split = default;
        ref readonly Layer layer = ref packet[index];
        if (layer.Quoted || layer.Source != LayerSource.Frame || index + 1 >= packet.LayerCount)
            return false;
        ref readonly Layer next = ref packet[index + 1];
        if (next.Kind is LayerKind.Vlan or LayerKind.ServiceVlan || next.Source != LayerSource.Frame || next.Quoted)
            return false;
        int root = index;
        while (root > 0 && packet[root].Kind is LayerKind.Vlan or LayerKind.ServiceVlan)
            root--;
        ref readonly Layer outer = ref packet[root];
        if (outer.Kind is not (LayerKind.Ethernet or LayerKind.LinuxSll or LayerKind.LinuxSll2 or LayerKind.Macsec or LayerKind.Arista))
            return false;
        // MACsec's and Arista's own trailers are read as EtherTypeTrailer reads them: after a dissection that went through.
        if (outer.Kind is LayerKind.Macsec or LayerKind.Arista && packet.Outcome is DecodeOutcome.Truncated or DecodeOutcome.Malformed)
            return false;
        int end = outer.Offset + outer.Extent;
        // 802.3 (an Ethernet header's or a VLAN tag's length field): what follows the length, whatever dissected it.
        int typeAt = layer.Kind switch
        {
            LayerKind.Ethernet => EthernetHeader.Field.EtherType,
            LayerKind.Vlan or LayerKind.ServiceVlan => Vlan.VlanTag.Field.EtherType,
            _ => -1,
        };
        bool lengthBounded = false;
        if (typeAt >= 0 && layer.Offset + typeAt + 2 <= buffer.Length)
        {
            ushort typeOrLength = BinaryPrimitives.ReadUInt16BigEndian(buffer[(layer.Offset + typeAt)..]);
            if (EthernetHeader.IsLength(typeOrLength))
            {
                start = layer.Offset + typeAt + 2 + typeOrLength;
                // An FCS length in the flags comes off what the length field may cover first.
                int flagged = root == index ? EthernetTrailer.FlaggedFcsLength(packet, outer) : 0;
                if (flagged > 0 && end - (layer.Offset + typeAt + 2) >= flagged)
                    start = Math.Min(start, end - flagged);
                lengthBounded = true;
                if (start > buffer.Length)
                    return false;
            }
        }
        if (!lengthBounded)
        {
            if (next.Kind is not (LayerKind.Ipv4 or LayerKind.Ipv6 or LayerKind.Arp or LayerKind.Lldp))
                return false;
            start = next.Offset + (next.Kind == LayerKind.Lldp ? Lldp.LldpWalk.ClaimedLength(next, buffer) : next.Extent);
            // tshark hands on a trailer only when the capture kept a byte of it.
            if (start >= buffer.Length)
                return false;
        }
        if (start >= end || start >= buffer.Length && !lengthBounded)
            return false;
        var fcs = (outer.Detail & EthernetLayerDetail.FcsAtEnd) != 0 && outer.Kind == LayerKind.Ethernet ? EthernetFcsMode.Known
            : root == index && outer.Kind == LayerKind.Ethernet && EthernetTrailer.GuessesFcs(packet, outer)
                ? EthernetFcsMode.Guessed : EthernetFcsMode.None;
        long seconds = Math.DivRem(packet.Metadata.TimestampNanoseconds, 1_000_000_000L, out long rest) - (rest < 0 ? 1 : 0);
        split = EthernetTrailer.Split(buffer, start, end, packet[0].Extent, fcs, outer.Extent, seconds);
        return true;
    }
}
