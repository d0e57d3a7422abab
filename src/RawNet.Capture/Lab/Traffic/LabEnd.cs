using System.Net;
using System.Net.Sockets;
using RawNet.Capture.Injection;

namespace RawNet.Capture.Lab.Traffic;

/// <summary>The addresses of the lab's ends for a run, and the sockets made in their namespaces.</summary>
internal static class LabEnd
{
    /// <summary>End <paramref name="host"/>'s address (1: the client at A, 2: the server at B).</summary>
    public static IPAddress Address(TestNetwork lab, TrafficOptions options, int host) =>
        IPAddress.Parse(options.Ipv6 ? lab.Ipv6(host) : lab.Ipv4(host));

    /// <summary>A UDP socket in <paramref name="ns"/> bound to <paramref name="at"/>.</summary>
    /// <exception cref="LabException">The bind was refused.</exception>
    public static Socket Udp(string ns, IPEndPoint at, TrafficOptions options)
    {
        try
        {
            return NetworkNamespace.Run(ns, () =>
            {
                var socket = new Socket(at.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                try
                {
                    socket.Bind(at);
                    return socket;
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            });
        }
        catch (SocketException e)
        {
            throw new LabException($"cannot bind UDP {Text(at)} in {ns}: {e.Message}");
        }
    }

    /// <summary>The server's UDP socket in B on the kind's port, and the client's in A on a port the kernel picks.</summary>
    public static (Socket Server, Socket Client, IPEndPoint ServerEnd) UdpPair(TestNetwork lab, TrafficOptions options)
    {
        var serverEnd = new IPEndPoint(Address(lab, options, 2), options.Port);
        var server = Udp(lab.NamespaceB, serverEnd, options);
        try
        {
            return (server, Udp(lab.NamespaceA, new IPEndPoint(Address(lab, options, 1), 0), options), serverEnd);
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>"198.18.0.2:53" or "[2001:db8::2]:53", as tcpdump and ss write them.</summary>
    public static string Text(IPEndPoint endpoint) => RawNet.Protocols.Tcp.Kernel.TcpInfoSeries.EndpointText(endpoint);
}
