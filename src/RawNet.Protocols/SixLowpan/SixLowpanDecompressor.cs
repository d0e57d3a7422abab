using System.Buffers.Binary;
using RawNet.Protocols.Ieee802154;

namespace RawNet.Protocols.SixLowpan;

/// <summary>
/// Rebuilds the IPv6 header (and the UDP header of an NHC UDP) an IPHC header compresses, as tshark 4.0 builds its
/// "Decompressed 6LoWPAN IPHC" buffer: the 40-byte IPv6 header, the 8-byte UDP header, then the payload's bytes.
/// </summary>
public static class SixLowpanDecompressor
{
    /// <summary>The link-local prefix stateless addresses get (fe80::/64).</summary>
    private static ReadOnlySpan<byte> LinkLocal => [0xFE, 0x80, 0, 0, 0, 0, 0, 0];

    /// <summary>What tshark 4.0 writes in the rebuilt UDP header when NHC elided the checksum (it does not compute one).</summary>
    public const ushort ElidedChecksum = 0xFFFF;

    /// <summary>Bytes the rebuilt headers take before the payload: 40, and 8 more for a compressed UDP header.</summary>
    public static int HeadersLength(in SixLowpanLayout layout) => 40 + (layout.NhcAt >= 0 ? 8 : 0);

    /// <summary>
    /// Writes the IPv6 header (and UDP header) into <paramref name="destination"/> (at least <see cref="HeadersLength"/>
    /// bytes): <paramref name="bytes"/> is the 6LoWPAN chain, <paramref name="sourceIid"/> and <paramref name="destinationIid"/>
    /// the link's (or mesh header's) interface identifiers, <paramref name="payloadLength"/> what the datagram carries
    /// after the compressed headers (a first fragment's datagram size less the headers, else the frame's reported rest).
    /// </summary>
    public static void Write(ReadOnlySpan<byte> bytes, in SixLowpanLayout layout, ReadOnlySpan<byte> sourceIid,
        ReadOnlySpan<byte> destinationIid, int payloadLength, Span<byte> destination)
    {
        ushort iphc = BinaryPrimitives.ReadUInt16BigEndian(bytes[layout.IphcAt..]);
        int tf = (iphc >> 11) & 3, hlim = (iphc >> 8) & 3;
        var ip = destination[..40];
        ip.Clear();
        TrafficClassAndFlow(bytes, layout, tf, out int trafficClass, out int flow);
        BinaryPrimitives.WriteUInt32BigEndian(ip, (uint)(6 << 28 | trafficClass << 20 | flow));
        bool udp = layout.NhcAt >= 0;
        int plen = payloadLength + (udp ? 8 : 0);
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], (ushort)plen);
        ip[6] = udp ? (byte)17 : bytes[layout.NextHeaderAt];
        ip[7] = hlim switch { 1 => 1, 2 => 64, 3 => 255, _ => bytes[layout.HopLimitAt] };
        WriteAddress(bytes, layout, source: true, sourceIid, ip.Slice(8, 16));
        WriteAddress(bytes, layout, source: false, destinationIid, ip.Slice(24, 16));
        if (!udp)
            return;
        var header = destination.Slice(40, 8);
        var ports = bytes[layout.PortsAt..];
        (int sport, int dport) = layout.PortsMode switch
        {
            0 => (BinaryPrimitives.ReadUInt16BigEndian(ports), BinaryPrimitives.ReadUInt16BigEndian(ports[2..])),
            1 => (BinaryPrimitives.ReadUInt16BigEndian(ports), 0xF000 | ports[2]),
            2 => (0xF000 | ports[0], BinaryPrimitives.ReadUInt16BigEndian(ports[1..])),
            _ => (0xF0B0 | ports[0] >> 4, 0xF0B0 | ports[0] & 0x0F),
        };
        BinaryPrimitives.WriteUInt16BigEndian(header, (ushort)sport);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)dport);
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], (ushort)plen);
        BinaryPrimitives.WriteUInt16BigEndian(header[6..], layout.ChecksumAt >= 0 ? BinaryPrimitives.ReadUInt16BigEndian(bytes[layout.ChecksumAt..]) : ElidedChecksum);
    }

    /// <summary>
    /// The source or destination address an IPHC header stands for (16 bytes into <paramref name="address"/>): inline,
    /// fe80::/64 with inline bits or <paramref name="iid"/>, a compressed multicast address, or :: for SAC with SAM 00.
    /// </summary>
    public static void WriteAddress(ReadOnlySpan<byte> bytes, in SixLowpanLayout layout, bool source, ReadOnlySpan<byte> iid, Span<byte> address)
    {
        ushort iphc = BinaryPrimitives.ReadUInt16BigEndian(bytes[layout.IphcAt..]);
        if (source)
        {
            if ((iphc & 0x40) != 0)
                address.Clear();
            else
                Unicast(bytes.Slice(layout.SourceAt, layout.SourceLength), (iphc >> 4) & 3, iid, address);
        }
        else if ((iphc & 0x08) != 0)
            Multicast(bytes.Slice(layout.DestinationAt, layout.DestinationLength), iphc & 3, address);
        else
            Unicast(bytes.Slice(layout.DestinationAt, layout.DestinationLength), iphc & 3, iid, address);
    }

    private static void TrafficClassAndFlow(ReadOnlySpan<byte> bytes, in SixLowpanLayout layout, int tf, out int trafficClass, out int flow)
    {
        trafficClass = 0;
        flow = 0;
        if (layout.TrafficAt < 0)
            return;
        var t = bytes.Slice(layout.TrafficAt, layout.TrafficLength);
        int ecn = t[0] >> 6;
        switch (tf)
        {
            case SixLowpanLayout.TfInline4:
                trafficClass = (t[0] & 0x3F) << 2 | ecn;
                flow = (t[1] & 0x0F) << 16 | t[2] << 8 | t[3];
                break;
            case SixLowpanLayout.TfInline3:
                trafficClass = ecn;
                flow = (t[0] & 0x0F) << 16 | t[1] << 8 | t[2];
                break;
            default:
                trafficClass = (t[0] & 0x3F) << 2 | ecn;
                break;
        }
    }

    /// <summary>A unicast address from SAC/DAC 0 and its mode: inline whole, fe80::/64 with 64 or 16 inline bits, or fe80::/64 with the IID.</summary>
    private static void Unicast(ReadOnlySpan<byte> inline, int mode, ReadOnlySpan<byte> iid, Span<byte> address)
    {
        if (mode == 0)
        {
            inline.CopyTo(address);
            return;
        }
        LinkLocal.CopyTo(address);
        switch (mode)
        {
            case 1:
                inline.CopyTo(address[8..]);
                break;
            case 2:
                address[11] = 0xFF;
                address[12] = 0xFE;
                inline.CopyTo(address[14..]);
                break;
            default:
                iid.CopyTo(address[8..]);
                break;
        }
    }

    /// <summary>A multicast address from M 1, DAC 0: whole, ffXX::00XX:XXXX:XXXX, ffXX::00XX:XXXX or ff02::00XX.</summary>
    private static void Multicast(ReadOnlySpan<byte> inline, int mode, Span<byte> address)
    {
        address.Clear();
        switch (mode)
        {
            case 0:
                inline.CopyTo(address);
                break;
            case 1:
                address[0] = 0xFF;
                address[1] = inline[0];
                inline[1..].CopyTo(address[11..]);
                break;
            case 2:
                address[0] = 0xFF;
                address[1] = inline[0];
                inline[1..].CopyTo(address[13..]);
                break;
            default:
                address[0] = 0xFF;
                address[1] = 0x02;
                address[15] = inline[0];
                break;
        }
    }

    /// <summary>The interface identifiers stateless addresses take: the mesh header's originator and final destination when there is one, else the MAC header's addresses.</summary>
    public static void LinkInterfaceIds(ReadOnlySpan<byte> bytes, int macStart, int offset, in SixLowpanLayout layout, Span<byte> source, Span<byte> destination)
    {
        source.Clear();
        destination.Clear();
        if (layout.MeshAt >= 0)
        {
            var mesh = bytes[(offset + layout.MeshAt)..];
            byte flags = mesh[0];
            int at = (flags & 0x0F) == 0x0F ? 2 : 1;
            at = MeshIid(mesh, at, (flags & 0x20) != 0, source);
            MeshIid(mesh, at, (flags & 0x10) != 0, destination);
            return;
        }
        if (Ieee802154Header.TryRead(bytes[macStart..], out var mac))
        {
            mac.TryInterfaceId(true, source);
            mac.TryInterfaceId(false, destination);
        }
    }

    private static int MeshIid(ReadOnlySpan<byte> mesh, int at, bool shortAddress, Span<byte> iid)
    {
        if (shortAddress)
        {
            iid[3] = 0xFF;
            iid[4] = 0xFE;
            iid[6] = mesh[at];
            iid[7] = mesh[at + 1];
            return at + 2;
        }
        mesh.Slice(at, 8).CopyTo(iid);
        iid[0] ^= 0x02;
        return at + 8;
    }
}
