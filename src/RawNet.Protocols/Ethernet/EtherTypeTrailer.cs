using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ethernet;

/// <summary>
/// The trailer tshark 4.0's EtherType dissector shows under the protocol that named the EtherType (MACsec's ICV, Arista's
/// trailer): what IPv4, IPv6 or ARP right after it leave of the bytes handed to them, after Ethernet's zero padding to 60 bytes.
/// </summary>
public static class EtherTypeTrailer
{
    /// <summary>
    /// The trailer after the layer that follows the one at <paramref name="index"/> (which was handed everything to the
    /// end of the frame), when that layer bounds itself (IPv4, IPv6, ARP) and its dissection went through.
    /// </summary>
    public static bool TryRead(DecodedPacket packet, int index, ReadOnlySpan<byte> buffer, out FieldValue value)
    {
        value = default;
        ref readonly Layer layer = ref packet[index];
        int reported = layer.Extent;
        int captured = Math.Min(buffer.Length - layer.Offset, reported);
        if (packet.Outcome is DecodeOutcome.Truncated or DecodeOutcome.Malformed || index + 1 >= packet.LayerCount
            || packet[index + 1].Kind is not (LayerKind.Ipv4 or LayerKind.Ipv6 or LayerKind.Arp))
            return false;
        int end = reported;
        int start = packet[index + 1].Offset + packet[index + 1].Extent - layer.Offset;
        int trailer = end - start;
        if (trailer <= 0 || start >= captured)
            return false;
        int frame = packet.Metadata.OriginalLength, padding = 0;
        if (frame >= EthernetTrailer.MinimumFrame && frame - trailer < EthernetTrailer.MinimumFrame)
        {
            // Zeros up to 60 bytes are padding; tshark reads them one by one up to the first that is not, and gives up (an
            // exception) on reaching the end of the capture first.
            padding = EthernetTrailer.MinimumFrame - (frame - trailer);
            for (int i = 0; i < padding; i++)
            {
                if (start + i >= captured)
                    return false;
                if (buffer[layer.Offset + start + i] != 0)
                {
                    padding = 0;
                    break;
                }
            }
        }
        int length = Math.Min(end, captured) - start - padding;
        if (length <= 0)
            return false;
        value = new FieldValue(0, layer.Offset + start + padding, length);
        return true;
    }
}
