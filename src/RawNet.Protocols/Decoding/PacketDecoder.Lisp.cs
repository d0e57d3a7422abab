using RawNet.Protocols.Lisp;
using RawNet.Protocols.Tunnels;
using RawNet.Protocols.Udp;

namespace RawNet.Protocols.Decoding;

// The LISP data plane on UDP 4341 (RFC 9300), as tshark 4.0's lisp-data reads it.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// The LISP data header, then by the first nibble after it IPv4 or IPv6; anything else stays undecoded, as tshark
    /// leaves it (no data). tshark reads that nibble even when no byte of it is there: cut by the capture, or by the
    /// datagram itself (a header alone, malformed).
    /// </summary>
    private void DecodeLispData(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.LispData, offset, LispDataHeader.Length, capEnd, repEnd, out int index))
            return;
        int inner = offset + LispDataHeader.Length;
        if (capEnd <= inner)
        {
            // The header itself is whole: the packet is cut after it (the Info column marks it), or malformed for none.
            if (repEnd > inner)
                StopShort(input, LayerKind.LispData, inner, capEnd, repEnd, "LISP payload cut short by the capture length");
            else
                Malformed(ref _packet.LayerRef(index), input, LayerKind.LispData, inner, "LISP header with no packet after it");
            return;
        }
        switch (input.Bytes[inner] >> 4)
        {
            case 4:
                DecodeIpv4(input, inner, capEnd, repEnd);
                return;
            case 6:
                DecodeIpv6(input, inner, capEnd, repEnd);
                return;
        }
    }
}
