using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Udp;

/// <summary>UDP's computed fields: <c>udp.port</c>, and <c>udp.payload</c> up to the datagram's own length.</summary>
internal static class UdpFieldReader
{
    /// <summary>tshark's checksum statuses (PROTO_CHECKSUM_E_*): unverified, not present, illegal.</summary>
    private const ulong Unverified = 2, NotPresent = 3, Illegal = 4;

    public static bool TryRead(ComputedField computed, DecodedPacket packet, in Layer layer, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
    {
        value = default;
        var header = buffer.Slice(layer.Offset, layer.HeaderLength);
        switch (computed)
        {
            case ComputedField.UdpChecksumStatus:
            {
                // tshark gives up before the checksum on a length below 8 (0 over IPv6 is a jumbogram's); a zero checksum
                // is "not present" over IPv4 or inside an ICMP error, "illegal" over IPv6; any other is left unverified
                // (udp.check_checksum is off by default).
                if (header.Length < UdpHeader.HeaderLength)
                    return false;
                bool overIpv6 = EnclosingIp(packet, layer) == LayerKind.Ipv6;
                int length = BinaryPrimitives.ReadUInt16BigEndian(header[UdpHeader.Field.Length..]);
                if (length < UdpHeader.HeaderLength && !(length == 0 && overIpv6))
                    return false;
                ushort checksum = BinaryPrimitives.ReadUInt16BigEndian(header[UdpHeader.Field.Checksum..]);
                ulong status = checksum != 0 ? Unverified : !overIpv6 || layer.Quoted ? NotPresent : Illegal;
                return FieldValues.Single(occurrence, status, layer.Offset + UdpHeader.Field.Checksum, 2, out value);
            }
            case ComputedField.Ports:
                // tshark reads both ports before it adds any of UDP's items.
                if (header.Length < UdpHeader.Field.DestinationPort + 2)
                    return false;
                return FieldValues.NumberPair(occurrence, header, UdpHeader.Field.SourcePort, UdpHeader.Field.DestinationPort, layer.Offset, out value);
            case ComputedField.UdpPayload:
            {
                if (occurrence != 0 || header.Length < UdpHeader.HeaderLength)
                    return false;
                int end = (int)Math.Min(buffer.Length, (long)layer.Offset + layer.Extent);
                int length = BinaryPrimitives.ReadUInt16BigEndian(header[UdpHeader.Field.Length..]);
                if (length >= UdpHeader.HeaderLength)
                    end = Math.Min(end, layer.Offset + length);
                int start = layer.Offset + UdpHeader.HeaderLength;
                if (end <= start)
                    return false;
                value = new FieldValue(0, start, end - start);
                return true;
            }
            default:
                return false;
        }
    }

    /// <summary>The kind of the IP layer that carries <paramref name="layer"/> (the nearest before it), or Frame for none.</summary>
    private static LayerKind EnclosingIp(DecodedPacket packet, in Layer layer)
    {
        var ip = LayerKind.Frame;
        foreach (ref readonly var candidate in packet.Layers)
        {
            if (candidate.Kind == layer.Kind && candidate.Offset == layer.Offset && candidate.Source == layer.Source)
                return ip;
            if (candidate.Kind is LayerKind.Ipv4 or LayerKind.Ipv6)
                ip = candidate.Kind;
        }
        return ip;
    }
}
