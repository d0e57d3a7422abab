using System.Net;
using System.Net.Sockets;

namespace RawNet.Capture.Injection;

/// <summary>Sends a payload over TCP the ordinary way: connect, send, shut down the sending side, wait for the peer's FIN, close.</summary>
public static class StreamSender
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Connects from <paramref name="from"/> (any address and port when null) to <paramref name="to"/> and sends <paramref name="payload"/>.</summary>
    public static SendOutcome Send(IPEndPoint to, IPEndPoint? from, byte[] payload)
    {
        using var socket = new Socket(to.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (from is not null)
                socket.Bind(from);
            using (var timeout = new CancellationTokenSource(ConnectTimeout))
            {
                try
                {
                    socket.ConnectAsync(to, timeout.Token).AsTask().GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                    throw new SendFailure($"no answer from {to} within {ConnectTimeout.TotalSeconds:0} s (a firewall dropping SYNs, or no route back)");
                }
            }
            var local = (IPEndPoint)socket.LocalEndPoint!;
            int sent = 0;
            while (sent < payload.Length)
                sent += socket.Send(payload, sent, payload.Length - sent, SocketFlags.None);
            socket.Shutdown(SocketShutdown.Send);
            // Reading to end of stream lets the peer's FIN arrive before close, so the exchange ends with FINs rather than a RST.
            socket.ReceiveTimeout = (int)DrainTimeout.TotalMilliseconds;
            var sink = new byte[4096];
            long received = 0;
            try
            {
                for (int n; (n = socket.Receive(sink)) > 0 && received < 1 << 20;)
                    received += n;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock or SocketError.ConnectionReset)
            {
            }
            return new SendOutcome(
            [
                $"stream: {local} -> {to}: connected, sent {sent} bytes, shut down, closed" + (received > 0 ? $" (peer sent {received} bytes back)" : ""),
            ], payload, local);
        }
        catch (SocketException e)
        {
            throw SendFailure.FromSocket(e, "stream", to, payload.Length);
        }
    }
}
