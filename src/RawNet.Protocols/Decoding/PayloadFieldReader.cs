using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Decoding;

/// <summary>The bytes no protocol claimed (<c>data.data</c>, <c>data.len</c>): the layer's captured bytes.</summary>
internal static class PayloadFieldReader
{
    public static bool TryRead(ComputedField computed, in Layer layer, int occurrence, out FieldValue value)
    {
        value = default;
        // A payload WireGuard's heuristic claimed: its read failed before any field (tshark shows no data.data); an ICMPv6
        // body ICMPv6 reads itself.
        if (occurrence != 0 || layer.HeaderLength <= 0 || Udp.UdpHeuristics.IsClaimedByWireGuard(layer) || layer.Detail == Icmpv6.Icmpv6Message.BodyReadByIcmpv6
            || layer.Detail == Llc.LlcHeader.XidInformationReadByLlc || Dns.DnsStreamFraming.IsLengthCut(layer))
            return false;
        switch (computed)
        {
            case ComputedField.PayloadData:
                value = new FieldValue(0, layer.Offset, layer.HeaderLength);
                return true;
            case ComputedField.PayloadLength:
                value = new FieldValue((ulong)layer.HeaderLength, 0, 0);
                return true;
            default:
                return false;
        }
    }
}
