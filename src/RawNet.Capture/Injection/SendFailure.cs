using System.Net;
using System.Net.Sockets;

namespace RawNet.Capture.Injection;

/// <summary>A send that failed for a reason the user can act on; <see cref="Exception.Message"/> is one explained line.</summary>
public sealed class SendFailure(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The line for a raw or link socket refused without CAP_NET_RAW.</summary>
    public static SendFailure NoPrivilege(string kind) =>
        new($"{kind} sockets need CAP_NET_RAW: run as root, or give the program the capability (setcap cap_net_raw,cap_net_admin=eip)");

    /// <summary>Explains <paramref name="e"/> from sending to <paramref name="to"/>; <paramref name="mtu"/> is named for EMSGSIZE when known.</summary>
    public static SendFailure FromSocket(SocketException e, string kind, EndPoint? to, int payloadLength, int? mtu = null) => e.SocketErrorCode switch
    {
        SocketError.AccessDenied when kind is "raw" or "link" => NoPrivilege(kind),
        SocketError.AccessDenied => new($"permission denied sending to {to} (a broadcast address, or a firewall rule)", e),
        SocketError.ConnectionRefused => new($"connection refused: nothing listens on {to}", e),
        SocketError.NetworkUnreachable => new($"no route to {to} (network unreachable: see ip route)", e),
        SocketError.HostUnreachable => new($"host {to} is unreachable (no neighbour answered)", e),
        SocketError.TimedOut => new($"no answer from {to} (timed out)", e),
        SocketError.AddressNotAvailable => new($"the source address is not one of this host's (or namespace's) addresses", e),
        SocketError.MessageSize when mtu is int m => new($"message too long: {payloadLength} bytes do not fit the interface's MTU of {m} bytes", e),
        SocketError.MessageSize => new($"message too long: {payloadLength} bytes do not fit one datagram (at most 65507 payload bytes over IPv4, 65527 over IPv6)", e),
        _ => new($"{kind} send to {to} failed: {e.Message}", e),
    };
}
