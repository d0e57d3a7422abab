using System.Buffers.Binary;
using RawNet.Protocols.Decoding;

namespace RawNet.Protocols.Tunnels;

/// <summary>
/// The VXLAN header (RFC 7348); an Ethernet frame follows. VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe) keeps its length, flags
/// byte and VNI and names what follows in the last byte of the first word.
/// <code>
/// VXLAN:
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |R|R|R|R|I|R|R|R|            Reserved                           |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                VXLAN Network Identifier (VNI) |   Reserved    |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// VXLAN-GPE:
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |R|R|Ver|I|P|B|O|       Reserved                |Next Protocol  |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                VXLAN Network Identifier (VNI) |   Reserved    |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// </summary>
public static class VxlanHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Flags = 0;
        /// <summary>VXLAN-GPE's two reserved bytes after the flags.</summary>
        public const int GpeReserved = 1;
        /// <summary>VXLAN-GPE's next protocol (<see cref="VxlanGpeNextProtocol"/>).</summary>
        public const int NextProtocol = 3;
        public const int NetworkIdentifier = 4;
        public const int Reserved = 7;
    }

    /// <summary>Length of the header.</summary>
    public const int Length = 8;

    /// <summary>The bits of VXLAN-GPE's flags byte.</summary>
    public static class GpeFlag
    {
        public const byte Version = 0x30;
        public const byte Instance = 0x08;
        /// <summary>The next protocol field is meaningful; tshark and tcpdump 4.99 read the field whatever it says.</summary>
        public const byte NextProtocol = 0x04;
        /// <summary>Broadcast, unknown unicast or multicast traffic (tcpdump's "B"; one of tshark's reserved bits).</summary>
        public const byte Bum = 0x02;
        public const byte Oam = 0x01;
        /// <summary>The bits tshark 4.0 shows as reserved (vxlan.flags_reserved).</summary>
        public const byte Reserved = 0xC2;
    }
}

/// <summary>VXLAN-GPE's next protocol values (tshark's vxlan.next_proto table).</summary>
public enum VxlanGpeNextProtocol : byte
{
    Ipv4 = 1,
    Ipv6 = 2,
    Ethernet = 3,
    Nsh = 4,
    Mpls = 5,
}

/// <summary>The UDP ports on which tshark decodes tunnels by default.</summary>
public static class TunnelPorts
{
    public const ushort Vxlan = 4789;
    /// <summary>VXLAN-GPE: the VXLAN header with a next protocol.</summary>
    public const ushort VxlanGpe = 4790;
    /// <summary>GRE in UDP (RFC 8086): a GRE header from the first byte.</summary>
    public const ushort GreInUdp = 4754;
    public const ushort Geneve = 6081;
    /// <summary>GTPv1-U (3GPP TS 29.281).</summary>
    public const ushort Gtp = 2152;
    /// <summary>MPLS in UDP (RFC 7510): a label stack from the first byte.</summary>
    public const ushort MplsInUdp = 6635;
    public const ushort Teredo = 3544;
    /// <summary>The LISP data plane (RFC 9300); a datagram to the control port 4342 is LISP control's.</summary>
    public const ushort LispData = 4341, LispControl = 4342;
    /// <summary>Automatic Multicast Tunneling (RFC 7450).</summary>
    public const ushort Amt = 2268;
    /// <summary>The CAPWAP data channel (RFC 5415).</summary>
    public const ushort CapwapData = Capwap.CapwapHeader.DataPort;
    /// <summary>The CAPWAP control channel: its header and message elements (DTLS after a DTLS preamble).</summary>
    public const ushort CapwapControl = Capwap.CapwapHeader.ControlPort;
    /// <summary>Cisco's LWAPP, data and control.</summary>
    public const ushort LwappData = Capwap.LwappHeader.DataPort, LwappControl = Capwap.LwappHeader.ControlPort;
    /// <summary>Cisco's LWAPP over layer 3: an 802.3 frame from the first byte.</summary>
    public const ushort LwappL3 = Capwap.LwappHeader.Layer3Port;
    /// <summary>LLC over UDP (tshark registers "llc" on 12000 to 12004): an 802.2 header from the first byte.</summary>
    public const ushort LlcFirst = 12000, LlcLast = 12004;
    /// <summary>TZSP (0x9090), remote sniffers' captured frames.</summary>
    public const ushort Tzsp = Protocols.Tzsp.TzspHeader.Port;
    /// <summary>sFlow (sflow.org): a collector's port; tshark decodes v2, v4 and v5 datagrams on it.</summary>
    public const ushort Sflow = 6343;
}

/// <summary>Teredo (RFC 4380): optional authentication and origin indicators in front of an IPv6 packet.</summary>
public static class TeredoHeader
{
    /// <summary>Length of the origin indication (type 0x0000, port, address).</summary>
    public const int OriginIndicationLength = 8;

    /// <summary>
    /// Measures the indicators in front of the IPv6 packet; false when what follows is not IPv6 (then the datagram is
    /// not Teredo data, e.g. a qualification or bubble that tshark also leaves undecoded).
    /// </summary>
    public static bool TryMeasure(ReadOnlySpan<byte> data, out int length)
    {
        length = 0;
        if (data.Length >= 4 && data[0] == 0 && data[1] == 1)
            length = 4 + data[2] + data[3] + 8 + 1; // type, id len, auth len, id, auth value, nonce, confirmation
        if (data.Length >= length + OriginIndicationLength && data[length] == 0 && data[length + 1] == 0)
            length += OriginIndicationLength;
        return data.Length > length && data[length] >> 4 == 6;
    }

    /// <summary>
    /// True when the ICMPv6 layer at <paramref name="icmpv6Index"/> is a Teredo direct IPv6 connectivity test (RFC 4380
    /// 5.2.9): an echo request whose innermost UDP datagram goes to the Teredo port. It carries a nonce, not a payload to
    /// be echoed, and tshark names it so instead of pairing it with a reply.
    /// </summary>
    public static bool IsConnectivityTest(DecodedPacket packet, int icmpv6Index, ReadOnlySpan<byte> frame)
    {
        var icmp = packet.HeaderOf(packet[icmpv6Index], frame);
        if (packet[icmpv6Index].Kind != LayerKind.Icmpv6 || icmp.Length < 1 || icmp[0] != (byte)Icmpv6.Icmpv6Type.EchoRequest)
            return false;
        for (int i = icmpv6Index - 1; i > 0; i--)
        {
            ref readonly Layer layer = ref packet[i];
            if (layer.Quoted || layer.Kind is not (LayerKind.Udp or LayerKind.Tcp))
                continue;
            var ports = packet.HeaderOf(layer, frame);
            return layer.Kind == LayerKind.Udp && ports.Length >= 4 && BinaryPrimitives.ReadUInt16BigEndian(ports[2..]) == TunnelPorts.Teredo;
        }
        return false;
    }
}
