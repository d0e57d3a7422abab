using System.Buffers.Binary;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Expert;

namespace RawNet.Output.Statistics;

/// <summary>The protocols conversation and endpoint tables are kept for: tshark's <c>-z conv,TYPE</c> and <c>-z endpoints,TYPE</c>.</summary>
public enum TallyKind : byte
{
    Ethernet,
    Ipv4,
    Ipv6,
    Tcp,
    Udp,
}

/// <summary>Names of each <see cref="TallyKind"/>, and where tshark's taps see one in a packet.</summary>
public static class TallyKinds
{
    /// <summary>The name on the command line, as tshark's: eth, ip, ipv6, tcp, udp.</summary>
    public static string Name(TallyKind kind) => kind switch
    {
        TallyKind.Ethernet => "eth",
        TallyKind.Ipv4 => "ip",
        TallyKind.Ipv6 => "ipv6",
        TallyKind.Tcp => "tcp",
        _ => "udp",
    };

    /// <summary>The title tshark prints: Ethernet, IPv4, IPv6, TCP, UDP.</summary>
    public static string Title(TallyKind kind) => kind switch
    {
        TallyKind.Ethernet => "Ethernet",
        TallyKind.Ipv4 => "IPv4",
        TallyKind.Ipv6 => "IPv6",
        TallyKind.Tcp => "TCP",
        _ => "UDP",
    };

    /// <summary>The kind named <paramref name="name"/> (eth, ip, ipv6, tcp, udp).</summary>
    public static bool TryParse(string name, out TallyKind kind)
    {
        foreach (var candidate in Enum.GetValues<TallyKind>())
        {
            if (Name(candidate) == name)
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>True for kinds whose endpoints have ports.</summary>
    public static bool HasPorts(TallyKind kind) => kind is TallyKind.Tcp or TallyKind.Udp;
}

/// <summary>One packet's sighting of a conversation by a table: its endpoints, and for TCP and UDP its stream.</summary>
internal readonly record struct TapEvent(byte Family, UInt128 Source, ushort SourcePort, UInt128 Destination, ushort DestinationPort, uint Stream);

/// <summary>
/// Where tshark 4.0's eth, ip, ipv6, tcp and udp taps see a packet: every header of the kind that tshark dissects far
/// enough to reach its tap (a complete header, and for TCP its options read without error), outermost first, never a
/// header quoted in an ICMP error. Tunnels give one sighting per header.
/// </summary>
internal static class TapPoints
{
    /// <summary>No stream: tshark's conversations of Ethernet and IP addresses have none.</summary>
    public const uint NoStream = uint.MaxValue;

    /// <summary>The sighting of <paramref name="kind"/> at layer <paramref name="index"/>, when tshark's tap sees it.</summary>
    public static bool TryRead(TallyKind kind, DecodedPacket packet, ReadOnlySpan<byte> frame, int index, out TapEvent sighting)
    {
        sighting = default;
        ref readonly Layer layer = ref packet[index];
        if (layer.Quoted)
            return false;
        var header = packet.HeaderOf(layer, frame);
        switch (kind)
        {
            case TallyKind.Ethernet:
                if (layer.Kind != LayerKind.Ethernet || header.Length < 14)
                    return false;
                sighting = new TapEvent(ConversationKey.Ethernet, ConversationKey.Read(header.Slice(6, 6)), 0,
                    ConversationKey.Read(header[..6]), 0, NoStream);
                return true;
            case TallyKind.Ipv4:
                if (layer.Kind != LayerKind.Ipv4 || !Ipv4Tapped(header))
                    return false;
                sighting = new TapEvent(ConversationKey.Ipv4, ConversationKey.Read(header.Slice(12, 4)), 0,
                    ConversationKey.Read(header.Slice(16, 4)), 0, NoStream);
                return true;
            case TallyKind.Ipv6:
                if (layer.Kind != LayerKind.Ipv6 || header.Length < 40 || header[0] >> 4 != 6 || Ipv6FragmentPending(packet, index))
                    return false;
                sighting = new TapEvent(ConversationKey.Ipv6, ConversationKey.Read(header.Slice(8, 16)), 0,
                    ConversationKey.Read(header.Slice(24, 16)), 0, NoStream);
                return true;
            case TallyKind.Tcp:
                return layer.Kind == LayerKind.Tcp && TcpTapped(packet, frame, index) && Transport(packet, frame, index, header, out sighting);
            default:
                return layer.Kind == LayerKind.Udp && UdpTapped(packet, frame, index, header) && Transport(packet, frame, index, header, out sighting);
        }
    }

    private static bool Ipv4Tapped(ReadOnlySpan<byte> header)
    {
        if (header.Length < 20 || header[0] >> 4 != 4)
            return false;
        int ihl = (header[0] & 0x0F) * 4;
        if (ihl < 20 || header.Length < ihl)
            return false;
        int total = BinaryPrimitives.ReadUInt16BigEndian(header[2..]);
        // A total length shorter than the header (and not left at 0 for segmentation offload) stops tshark before its tap.
        return total >= ihl || total == 0;
    }

    /// <summary>An IPv6 header whose fragment is waiting for the rest of its datagram (tshark's tap sees only the last).</summary>
    private static bool Ipv6FragmentPending(DecodedPacket packet, int index)
    {
        for (int i = index + 1; i < packet.LayerCount && packet[i].Kind is LayerKind.Ipv6HopByHop or LayerKind.Ipv6Routing
                 or LayerKind.Ipv6Fragment or LayerKind.Ipv6DestinationOptions or LayerKind.Ipv6AuthenticationHeader; i++)
        {
            if (packet[i].Status != LayerStatus.Complete)
                return true;
            if (packet[i].Kind == LayerKind.Ipv6Fragment && packet.IsUnreassembledFragment)
                return true;
        }
        return false;
    }

    private static bool TcpTapped(DecodedPacket packet, ReadOnlySpan<byte> frame, int index)
    {
        ref readonly Layer layer = ref packet[index];
        var captured = packet.BufferOf(layer, frame)[layer.Offset..];
        if (captured.Length < 20 || layer.Extent < 20)
            return false;
        int headerLength = (captured[12] >> 4) * 4;
        if (headerLength < 20)
            return false;
        if (headerLength == 20)
            return true;
        int record = packet.Analysis.IndexOf(index);
        bool analysed = record >= 0 && packet.Analysis[record].HasTcp;
        var analysis = analysed ? packet.Analysis[record].Tcp : default;
        return ExpertFinder.CheckOptions(captured, layer.Extent, headerLength, analysis, analysed) == ExpertFinder.OptionWalk.Completed;
    }

    private static bool UdpTapped(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ReadOnlySpan<byte> header)
    {
        if (header.Length < 8)
            return false;
        int length = BinaryPrimitives.ReadUInt16BigEndian(header[4..]);
        // A length below the header's own stops tshark before its tap (0 over IPv6 is a jumbogram).
        return length >= 8 || (length == 0 && NetworkOf(packet, index) is int ip && packet[ip].Kind == LayerKind.Ipv6);
    }

    private static int? NetworkOf(DecodedPacket packet, int index)
    {
        for (int i = index - 1; i > 0; i--)
        {
            if (packet[i].Kind is LayerKind.Ipv4 or LayerKind.Ipv6)
                return i;
        }
        return null;
    }

    private static bool Transport(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ReadOnlySpan<byte> header, out TapEvent sighting)
    {
        sighting = default;
        if (NetworkOf(packet, index) is not int ip)
            return false;
        var network = packet.HeaderOf(packet[ip], frame);
        bool v4 = packet[ip].Kind == LayerKind.Ipv4;
        if (network.Length < (v4 ? 20 : 40))
            return false;
        int record = packet.Analysis.IndexOf(index);
        uint stream = record >= 0 && packet.Analysis[record].HasStream ? packet.Analysis[record].Stream : NoStream;
        var source = v4 ? network.Slice(12, 4) : network.Slice(8, 16);
        var destination = v4 ? network.Slice(16, 4) : network.Slice(24, 16);
        sighting = new TapEvent(v4 ? ConversationKey.Ipv4 : ConversationKey.Ipv6, ConversationKey.Read(source),
            BinaryPrimitives.ReadUInt16BigEndian(header), ConversationKey.Read(destination), BinaryPrimitives.ReadUInt16BigEndian(header[2..]), stream);
        return true;
    }
}
