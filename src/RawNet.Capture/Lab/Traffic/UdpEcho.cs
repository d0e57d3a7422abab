using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RawNet.Capture.Lab.Traffic;

/// <summary>
/// UDP echo (RFC 862) across the lab: the client at A sends numbered datagrams to port 7 at B, one per interval, and
/// waits a bounded time for each to come back; the server returns each datagram as it came. Every boundary is kept:
/// one datagram sent, one received, or none (lost on the link).
/// </summary>
internal sealed class UdpEcho : ILabExchange
{
    private readonly TrafficOptions _options;
    private readonly Socket _server;
    private readonly Socket _client;
    private readonly IPEndPoint _serverEnd;

    private UdpEcho(TrafficOptions options, Socket server, Socket client, IPEndPoint serverEnd)
    {
        _options = options;
        _server = server;
        _client = client;
        _serverEnd = serverEnd;
    }

    public Socket? DataSender => null;

    public static UdpEcho Create(TestNetwork lab, TrafficOptions options)
    {
        var (server, client, serverEnd) = LabEnd.UdpPair(lab, options);
        return new UdpEcho(options, server, client, serverEnd);
    }

    public void Serve(CancellationToken cancellationToken)
    {
        var buffer = new byte[65536];
        EndPoint from = new IPEndPoint(_serverEnd.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!_server.Poll(TimeSpan.FromMilliseconds(50), SelectMode.SelectRead))
                continue;
            int n = _server.ReceiveFrom(buffer, ref from);
            _server.SendTo(buffer, n, SocketFlags.None, from);
        }
    }

    public (IReadOnlyList<string> Lines, bool Completed) RunClient(CancellationToken cancellationToken)
    {
        var lines = new List<string>
        {
            $"udp-echo: {LabEnd.Text((IPEndPoint)_client.LocalEndPoint!)} -> {LabEnd.Text(_serverEnd)}, {_options.Count} datagrams of {_options.Size} bytes, one every {_options.Interval.TotalMilliseconds:0.###} ms",
        };
        var payload = new byte[_options.Size];
        var reply = new byte[65536];
        var round = new List<double>();
        int lost = 0;
        for (int i = 1; i <= _options.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            Fill(payload, i);
            _client.SendTo(payload, _serverEnd);
            double? rtt = WaitForEcho(payload, reply, start, cancellationToken);
            if (rtt is double ms)
            {
                round.Add(ms);
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"  datagram {i}: {_options.Size} bytes back in {ms:0.000} ms"));
            }
            else
            {
                lost++;
                lines.Add($"  datagram {i}: no echo within {_options.Wait.TotalMilliseconds:0.###} ms (lost)");
            }
            var left = _options.Interval - Stopwatch.GetElapsedTime(start);
            if (left > TimeSpan.Zero && i < _options.Count)
                Thread.Sleep(left);
        }
        string rtts = round.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $", round trip min/avg/max {round.Min():0.000}/{round.Average():0.000}/{round.Max():0.000} ms");
        lines.Add($"{_options.Count} sent, {round.Count} echoed, {lost} lost ({(double)lost / _options.Count:0.#%}){rtts}");
        return (lines, true);
    }

    /// <summary>Waits for the echo of this datagram (older echoes that arrive late are skipped); the round trip in ms, or null.</summary>
    private double? WaitForEcho(byte[] sent, byte[] reply, long start, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var left = _options.Wait - Stopwatch.GetElapsedTime(start);
            if (left <= TimeSpan.Zero || !_client.Poll(left, SelectMode.SelectRead))
                return null;
            int n = _client.Receive(reply);
            if (reply.AsSpan(0, n).SequenceEqual(sent))
                return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
    }

    /// <summary>"rawnet echo N " then dots; the first 4 bytes (when there is room) carry N for a stray late echo to be told apart.</summary>
    private static void Fill(byte[] payload, int number)
    {
        payload.AsSpan().Fill((byte)'.');
        var text = Encoding.ASCII.GetBytes($"rawnet echo {number} ");
        text.AsSpan(0, Math.Min(text.Length, payload.Length)).CopyTo(payload);
        if (payload.Length >= 4 && payload.Length < text.Length)
            BinaryPrimitives.WriteInt32BigEndian(payload, number);
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }
}
