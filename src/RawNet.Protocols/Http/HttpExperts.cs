using RawNet.Protocols.Decoding;
using RawNet.Protocols.Expert;

namespace RawNet.Protocols.Http;

/// <summary>
/// An HTTP layer's expert items in tshark 4.0's order, read off its <see cref="HttpItems"/> walk (packet-http.c adds
/// them as it adds those items): a leading CR LF's error, each start line's chat (quoting the line) and each header
/// line whose name is not a token. Each names its bytes in the layer's buffer, and in an SSDP datagram carries
/// <see cref="ExpertItems.SsdpArgument"/> (tshark names the items by the protocol that adds them). Allocates nothing.
/// </summary>
public ref struct HttpExperts
{
    private HttpItems _items;
    private readonly int _layer;
    private readonly uint _ssdp;

    /// <summary>The items of layer <paramref name="index"/> of <paramref name="packet"/>.</summary>
    public HttpExperts(DecodedPacket packet, ReadOnlySpan<byte> frame, int index)
    {
        ref readonly Layer layer = ref packet[index];
        _items = new HttpItems(packet.HeaderOf(layer, frame), layer.Offset, layer.Extent, layer.Detail);
        _layer = index;
        _ssdp = (layer.Detail & (byte)HttpLayerDetail.Ssdp) != 0 ? ExpertItems.SsdpArgument : 0;
        Current = default;
    }

    /// <summary>The current item.</summary>
    public ExpertFinding Current { get; private set; }

    /// <summary>Moves to the next item; false after the last.</summary>
    public bool MoveNext()
    {
        while (_items.MoveNext())
        {
            var field = _items.Field;
            var item = ReferenceEquals(field, HttpFields.Chat) ? ExpertItem.HttpChat
                : ReferenceEquals(field, HttpFields.LeadingCrlf) ? ExpertItem.HttpLeadingCrlf
                : ReferenceEquals(field, HttpFields.BadHeaderName) ? ExpertItem.HttpBadHeaderName
                : (ExpertItem?)null;
            if (item is not { } found)
                continue;
            var value = _items.Value;
            Current = new ExpertFinding(found, _ssdp, new ExpertBytes(_layer, value.Offset, value.Length));
            return true;
        }
        return false;
    }
}
