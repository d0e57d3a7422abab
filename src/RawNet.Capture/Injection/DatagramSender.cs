using System.Net;
using System.Net.Sockets;

namespace RawNet.Capture.Injection;

/// <summary>Sends a payload as one UDP datagram (SOCK_DGRAM sendto); the kernel builds the IP and UDP headers.</summary>
public static class DatagramSender
{
    /// <summary>Sends <paramref name="payload"/> from <paramref name="from"/> (any when null) to <paramref name="to"/>.</summary>
    public static SendOutcome Send(IPEndPoint to, IPEndPoint? from, byte[] payload, byte? ttl = null, byte? tos = null)
    {
        using var socket = new Socket(to.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (from is not null)
                socket.Bind(from);
            if (ttl is byte t)
                socket.Ttl = t;
            if (tos is byte s)
            {
                if (to.AddressFamily == AddressFamily.InterNetwork)
                    socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.TypeOfService, s);
                else
                    socket.SetRawSocketOption(41, 67, BitConverter.GetBytes((int)s));     // IPPROTO_IPV6, IPV6_TCLASS
            }
            int sent = socket.SendTo(payload, to);
            var local = (IPEndPoint)socket.LocalEndPoint!;
            return new SendOutcome([$"datagram: {local} -> {to}: sent {sent} bytes in one UDP datagram"], payload, local);
        }
        catch (SocketException e)
        {
            throw SendFailure.FromSocket(e, "datagram", to, payload.Length);
        }
    }
}
