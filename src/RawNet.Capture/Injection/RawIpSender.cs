using System.Net;
using System.Net.Sockets;
using RawNet.Protocols;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Udp;

namespace RawNet.Capture.Injection;

/// <summary>
/// Sends one IP packet through a raw socket. IPv4: SOCK_RAW with IPPROTO_RAW (which implies IP_HDRINCL), RawNet builds
/// the IPv4 header and the transport; per raw(7) the kernel still fills the header checksum and total length always,
/// the identification when it is 0 and the source when it is 0.0.0.0. IPv6 has no IP_HDRINCL for TCP/UDP: a SOCK_RAW of
/// protocol TCP or UDP gets the transport header and payload, the kernel writes the whole IPv6 header, and IPV6_CHECKSUM
/// makes it compute the transport checksum at the given offset.
/// </summary>
public static class RawIpSender
{
    private const int IpProtoRaw = 255;             // IPPROTO_RAW
    private const int SolIp = 0, IpMtu = 14;        // IP_MTU (connected sockets only)
    private const int SolIpv6 = 41, Ipv6Checksum = 7, Ipv6Mtu = 24, Ipv6TClass = 67;

    /// <summary>Builds and sends the packet; <paramref name="from"/>'s address defaults to the routed source, its port to 40000.</summary>
    public static SendOutcome Send(IPEndPoint to, IPEndPoint? from, byte[] payload, HeaderOptions headers)
    {
        var source = from?.Address ?? HeaderOptions.SourceFor(to.Address);
        ushort sourcePort = (ushort)(from?.Port is > 0 ? from.Port : 40000);
        var builder = new PacketBuilder(payload.Length + 128).SetPayload(payload);
        bool v4 = to.AddressFamily == AddressFamily.InterNetwork;
        headers.PrependTransport(builder, sourcePort, (ushort)to.Port, zeroChecksum: !v4);
        if (v4)
            headers.PrependIp(builder, source, to.Address);
        var bytes = builder.ToArray();

        Socket socket;
        try
        {
            socket = v4
                ? new Socket(AddressFamily.InterNetwork, SocketType.Raw, (ProtocolType)IpProtoRaw)
                : new Socket(AddressFamily.InterNetworkV6, SocketType.Raw, headers.Protocol == IpProtocol.Tcp ? ProtocolType.Tcp : ProtocolType.Udp);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AccessDenied)
        {
            throw SendFailure.NoPrivilege("raw");
        }
        using (socket)
        {
            var destination = new IPEndPoint(to.Address, 0);
            try
            {
                if (!v4)
                {
                    socket.SetRawSocketOption(SolIpv6, Ipv6Checksum, BitConverter.GetBytes(headers.Protocol == IpProtocol.Tcp ? 16 : 6));
                    socket.Ttl = headers.TimeToLive;
                    socket.SetRawSocketOption(SolIpv6, Ipv6TClass, BitConverter.GetBytes((int)headers.TypeOfService));
                    if (from is not null)
                        socket.Bind(new IPEndPoint(source, 0));
                }
                // Connected, so IP_MTU can name the MTU if the packet is too long.
                socket.Connect(destination);
                socket.Send(bytes);
            }
            catch (SocketException e)
            {
                throw SendFailure.FromSocket(e, "raw", to, bytes.Length, e.SocketErrorCode == SocketError.MessageSize ? PathMtu(socket, v4) : null);
            }
        }

        var protocol = headers.Protocol == IpProtocol.Tcp ? "TCP" : "UDP";
        List<string> lines = v4
            ?
            [
                $"raw: {source}:{sourcePort} -> {to}: sent one {bytes.Length}-byte IPv4/{protocol} packet built by RawNet (IP_HDRINCL)",
                "kernel fills (raw(7)): IPv4 header checksum and total length (always)"
                    + (headers.Identification == 0 ? ", identification (sent as 0)" : $"; identification {headers.Identification} kept")
                    + "; source address only when 0.0.0.0 (sent " + source + ")",
            ]
            :
            [
                $"raw: [{source}]:{sourcePort} -> {to}: sent {bytes.Length} bytes of {protocol} header and payload built by RawNet",
                $"kernel adds: the whole IPv6 header (payload length, next header {protocol}, hop limit {headers.TimeToLive}, traffic class {headers.TypeOfService}, flow label, source"
                    + (from is null ? " by routing" : "") + $") and the {protocol} checksum (IPV6_CHECKSUM at offset {(headers.Protocol == IpProtocol.Tcp ? 16 : 6)})",
            ];
        return new SendOutcome(lines, bytes);
    }

    /// <summary>
    /// The fields the kernel writes into what a raw send built (raw(7), ipv6(7)): for IPv4 the header checksum and total
    /// length always and the identification when <paramref name="headers"/> leaves it 0; for IPv6 the transport checksum
    /// (IPV6_CHECKSUM). The IPv6 header itself is wholly the kernel's and is not listed.
    /// </summary>
    public static IReadOnlyList<FieldDefinition> KernelFilledFields(bool ipv4, HeaderOptions headers) => ipv4
        ? headers.Identification == 0
            ? [Ipv4Fields.TotalLength, Ipv4Fields.Checksum, Ipv4Fields.Identification]
            : [Ipv4Fields.TotalLength, Ipv4Fields.Checksum]
        : [headers.Protocol == IpProtocol.Tcp ? TcpFields.Checksum : UdpFields.Checksum];

    private static int? PathMtu(Socket socket, bool v4)
    {
        try
        {
            var value = new byte[4];
            socket.GetRawSocketOption(v4 ? SolIp : SolIpv6, v4 ? IpMtu : Ipv6Mtu, value);
            return BitConverter.ToInt32(value);
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
