using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using RawNet.Protocols;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Udp;

namespace RawNet.Capture.Injection;

/// <summary>The header fields a raw or link send lets the user set; everything else is RawNet's default.</summary>
public sealed record HeaderOptions
{
    /// <summary>The transport: <see cref="IpProtocol.Udp"/> or <see cref="IpProtocol.Tcp"/>.</summary>
    public IpProtocol Protocol { get; init; } = IpProtocol.Udp;

    /// <summary>IPv4 TTL or IPv6 hop limit.</summary>
    public byte TimeToLive { get; init; } = 64;

    /// <summary>IPv4 DSCP/ECN byte or IPv6 traffic class.</summary>
    public byte TypeOfService { get; init; }

    /// <summary>IPv4 identification; 0 asks the kernel (raw) to choose one.</summary>
    public ushort Identification { get; init; }

    /// <summary>TCP flags (TCP only).</summary>
    public TcpFlags TcpFlags { get; init; } = TcpFlags.Syn;

    /// <summary>The TCP sequence number.</summary>
    public uint SequenceNumber { get; init; }

    /// <summary>Parses flag letters (S, SA, FPA, ...: FSRPAUECN) or a number, exactly as <c>tcp flags=</c> in a craft expression.</summary>
    public static bool TryParseFlags(string text, out TcpFlags flags)
    {
        flags = TcpFlags.None;
        // The craft language owns the flag letters; a one-header packet is the cheapest way to ask it.
        if (text.Length == 0 || text.Any(char.IsWhiteSpace) || !CraftExpression.TryParse("ipv4 / tcp flags=" + text, out var packet, out _))
            return false;
        var header = packet.Build().Bytes;
        flags = (TcpFlags)(BinaryPrimitives.ReadUInt16BigEndian(header[(20 + 12)..]) & 0xFFF);
        return true;
    }

    /// <summary>Prepends the transport header (checksum left pending for the IP header, or fixed at 0 when <paramref name="zeroChecksum"/>).</summary>
    internal void PrependTransport(PacketBuilder builder, ushort sourcePort, ushort destinationPort, bool zeroChecksum)
    {
        if (Protocol == IpProtocol.Tcp)
            builder.Prepend(new TcpSpec
            {
                SourcePort = sourcePort,
                DestinationPort = destinationPort,
                Flags = TcpFlags,
                SequenceNumber = SequenceNumber,
                Window = 64240,
                Checksum = zeroChecksum ? 0 : null,
            });
        else
            builder.Prepend(new UdpSpec { SourcePort = sourcePort, DestinationPort = destinationPort, Checksum = zeroChecksum ? 0 : null });
    }

    /// <summary>Prepends an IPv4 or IPv6 header from <paramref name="source"/> to <paramref name="destination"/>.</summary>
    internal void PrependIp(PacketBuilder builder, IPAddress source, IPAddress destination)
    {
        if (destination.AddressFamily == AddressFamily.InterNetwork)
            builder.Prepend(new Ipv4Spec
            {
                Source = source,
                Destination = destination,
                TimeToLive = TimeToLive,
                DifferentiatedServices = TypeOfService,
                Identification = Identification,
            });
        else
            builder.Prepend(new Ipv6Spec { Source = source, Destination = destination, HopLimit = TimeToLive, TrafficClass = TypeOfService });
    }

    /// <summary>The local address the kernel's routing would pick to reach <paramref name="destination"/> (a UDP connect sends nothing).</summary>
    internal static IPAddress SourceFor(IPAddress destination)
    {
        using var probe = new Socket(destination.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        probe.Connect(new IPEndPoint(destination, 9));
        return ((IPEndPoint)probe.LocalEndPoint!).Address;
    }
}
