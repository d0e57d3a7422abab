using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RawNet.Capture.Injection;

namespace RawNet.Capture.Lab.Traffic;

/// <summary>
/// An upload or a download over the kernel's TCP between the lab's ends: the client at A connects to the server at B;
/// the sender writes the <see cref="TransferPattern"/>, the receiver reads it (slowly, with a receive window set) and
/// checks every byte; both close cleanly (FIN each way). With HTTP the upload is a POST and the download a GET, on port 80.
/// </summary>
internal sealed class BulkTransfer : ILabExchange
{
    private const int ChunkBytes = 64 * 1024;
    private const int MaxHeaderBytes = 8192;
    private const int TcpCongestion = 13;          // TCP_CONGESTION, <netinet/tcp.h>

    private readonly TrafficOptions _options;
    private readonly TransferPattern _pattern;
    private readonly Socket _listener;
    private readonly Socket _client;
    private readonly IPEndPoint _server;
    private readonly string _congestionControl;
    private volatile Socket? _dataSender;
    private Socket? _accepted;
    private long _serverBytes;
    private bool _serverIntact;
    private string? _serverNote;

    private BulkTransfer(TrafficOptions options, Socket listener, Socket client, IPEndPoint server, string congestionControl)
    {
        _options = options;
        _pattern = new TransferPattern(options.Kind);
        _listener = listener;
        _client = client;
        _server = server;
        _congestionControl = congestionControl;
    }

    public Socket? DataSender => _dataSender;

    /// <summary>The sending socket's congestion control, as the kernel reports it.</summary>
    public string CongestionControl => _congestionControl;

    /// <summary>Called after each send() returns, on the sending thread (the TCP_INFO sampler takes a sample).</summary>
    public Action? AfterSend { get; set; }

    private bool Upload => _options.Kind == TrafficKind.Upload;

    /// <summary>Makes the listening socket in B and the client's in A, with the receive buffer and congestion control asked for.</summary>
    /// <exception cref="LabException">A socket could not be made or bound, or the congestion control is not in this kernel.</exception>
    public static BulkTransfer Create(TestNetwork lab, TrafficOptions options)
    {
        var family = options.Ipv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        var server = new IPEndPoint(IPAddress.Parse(options.Ipv6 ? lab.Ipv6(2) : lab.Ipv4(2)), options.Port);
        var clientAddress = IPAddress.Parse(options.Ipv6 ? lab.Ipv6(1) : lab.Ipv4(1));
        bool upload = options.Kind == TrafficKind.Upload;
        Socket? listener = null;
        try
        {
            listener = NetworkNamespace.Run(lab.NamespaceB, () => Socket(family, options, receives: upload, sends: !upload, s =>
            {
                s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                s.Bind(server);
                s.Listen(1);
            }));
            var client = NetworkNamespace.Run(lab.NamespaceA, () => Socket(family, options, receives: !upload, sends: upload,
                s => s.Bind(new IPEndPoint(clientAddress, 0))));
            return new BulkTransfer(options, listener, client, server, CongestionControlOf(upload ? client : listener));
        }
        catch (SocketException e)
        {
            listener?.Dispose();
            throw new LabException($"cannot set up the TCP {TrafficOptions.WordOf(options.Kind)} on {server}: {e.Message}");
        }
    }

    /// <summary>A TCP socket with the receive buffer set on the receiving side and the congestion control on the sending side (both before the handshake, which is when they count).</summary>
    private static Socket Socket(AddressFamily family, TrafficOptions options, bool receives, bool sends, Action<Socket> setUp)
    {
        var socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (receives && options.ReceiveWindow is int window)
                socket.ReceiveBufferSize = window;
            if (sends && options.CongestionControl is { } algorithm)
            {
                try
                {
                    socket.SetRawSocketOption((int)SocketOptionLevel.Tcp, TcpCongestion, Encoding.ASCII.GetBytes(algorithm));
                }
                catch (SocketException)
                {
                    throw new LabException($"--cc {algorithm}: this kernel has no such congestion control (it has: {TrafficOptions.AvailableCongestionControl()})");
                }
            }
            int timeout = (int)Math.Min(int.MaxValue, options.Timeout.TotalMilliseconds);
            socket.SendTimeout = timeout;
            socket.ReceiveTimeout = timeout;
            setUp(socket);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string CongestionControlOf(Socket socket)
    {
        var value = new byte[16];
        int length = socket.GetRawSocketOption((int)SocketOptionLevel.Tcp, TcpCongestion, value);
        return Encoding.ASCII.GetString(value, 0, length).TrimEnd('\0');
    }

    public void Serve(CancellationToken cancellationToken)
    {
        while (!_listener.Poll(TimeSpan.FromMilliseconds(100), SelectMode.SelectRead))
            cancellationToken.ThrowIfCancellationRequested();
        _accepted = _listener.Accept();
        long expected = _options.Bytes;
        if (Upload)
        {
            var prefix = _options.Http ? ReadHttpHeader(_accepted, out _) : [];
            (_serverBytes, _serverIntact) = Receive(_accepted, prefix, slow: _options.ReceiveWindow is not null, cancellationToken);
            if (_options.Http)
            {
                var body = $"received {_serverBytes} bytes\n";
                _accepted.Send(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nServer: rawnet-lab\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"));
            }
            _accepted.Shutdown(SocketShutdown.Send);
        }
        else
        {
            if (_options.Http)
            {
                ReadHttpHeader(_accepted, out var request);
                _serverNote = request.Split("\r\n")[0];
                _accepted.Send(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nServer: rawnet-lab\r\nContent-Type: text/plain\r\nContent-Length: {expected}\r\nConnection: close\r\n\r\n"));
            }
            _dataSender = _accepted;
            Send(_accepted, expected, cancellationToken);
            _accepted.Shutdown(SocketShutdown.Send);
        }
        // The client's FIN: then the server closes, and the handshake's mirror image is whole in the capture.
        DrainUntilClosed(_accepted, cancellationToken);
        _accepted.Close();
    }

    public (IReadOnlyList<string> Lines, bool Completed) RunClient(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var clock = Stopwatch.StartNew();
        using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connecting.CancelAfter(_options.Timeout);
            _client.ConnectAsync(_server, connecting.Token).AsTask().GetAwaiter().GetResult();
        }
        var local = (IPEndPoint)_client.LocalEndPoint!;
        string word = TrafficOptions.WordOf(_options.Kind);
        string window = _options.ReceiveWindow is int rwnd
            ? $", receive buffer {Size(rwnd)} asked at the {(Upload ? "server" : "client")}, which reads half of it every {_options.ReadPause.TotalMilliseconds:0.###} ms"
            : "";
        lines.Add($"{word}: {LabEnd.Text(local)} -> {LabEnd.Text(_server)}, TCP{(_options.Http ? " (HTTP/1.1)" : "")}, congestion control {_congestionControl}{window}");
        long bytes;
        bool intact;
        string? httpStatus = null;
        if (Upload)
        {
            if (_options.Http)
                _client.Send(Encoding.ASCII.GetBytes($"POST /upload HTTP/1.1\r\nHost: {LabEnd.Text(_server)}\r\nUser-Agent: rawnet-lab\r\nContent-Type: application/octet-stream\r\nContent-Length: {_options.Bytes}\r\n\r\n"));
            _dataSender = _client;
            Send(_client, _options.Bytes, cancellationToken);
            _client.Shutdown(SocketShutdown.Send);
            var reply = new List<byte>();
            var buffer = new byte[4096];
            int n;
            while ((n = _client.Receive(buffer)) > 0 && reply.Count < MaxHeaderBytes)
                reply.AddRange(buffer.AsSpan(0, n));
            if (_options.Http)
                httpStatus = Encoding.ASCII.GetString([.. reply]).Split("\r\n")[0];
            bytes = _options.Bytes;
            intact = true;
        }
        else
        {
            if (_options.Http)
                _client.Send(Encoding.ASCII.GetBytes($"GET /download HTTP/1.1\r\nHost: {LabEnd.Text(_server)}\r\nUser-Agent: rawnet-lab\r\nAccept: */*\r\nConnection: close\r\n\r\n"));
            byte[] prefix = [];
            if (_options.Http)
            {
                prefix = ReadHttpHeader(_client, out var header);
                httpStatus = header.Split("\r\n")[0];
            }
            (bytes, intact) = Receive(_client, prefix, slow: _options.ReceiveWindow is not null, cancellationToken);
        }
        _client.Close();
        var seconds = clock.Elapsed.TotalSeconds;
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"{(Upload ? "sent" : "received")} {_options.Bytes:N0} bytes in {seconds:0.000} s, {_options.Bytes * 8 / seconds / 1e6:0.00} Mbit/s from connect to close"));
        if (httpStatus is not null)
            lines.Add($"HTTP: {(Upload ? "POST /upload" : _serverNote ?? "GET /download")} -> {httpStatus}");
        return (lines, Upload || bytes == _options.Bytes && intact);
    }

    /// <summary>The server's side of the story, once it has served: for an upload what it received.</summary>
    public IEnumerable<string> ServerLines()
    {
        if (Upload)
            yield return _serverBytes == _options.Bytes && _serverIntact
                ? $"the server received {_serverBytes:N0} bytes, each as sent"
                : $"the server received {_serverBytes:N0} of {_options.Bytes:N0} bytes{(_serverIntact ? "" : ", not all as sent")}";
    }

    /// <summary>Whether the server received the whole upload intact (true for a download).</summary>
    public bool ServerCompleted => !Upload || _serverBytes == _options.Bytes && _serverIntact;

    private void Send(Socket socket, long total, CancellationToken cancellationToken)
    {
        var chunk = new byte[ChunkBytes];
        for (long sent = 0; sent < total;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int length = (int)Math.Min(chunk.Length, total - sent);
            _pattern.Fill(chunk.AsSpan(0, length), sent);
            int offset = 0;
            while (offset < length)
            {
                offset += socket.Send(chunk, offset, length - offset, SocketFlags.None);
                AfterSend?.Invoke();
            }
            sent += length;
        }
    }

    /// <summary>Reads until the sender closes, checking each byte against the pattern; a slow reader reads half a window and pauses.</summary>
    private (long Bytes, bool Intact) Receive(Socket socket, byte[] prefix, bool slow, CancellationToken cancellationToken)
    {
        bool intact = _pattern.Matches(prefix, 0);
        long received = prefix.Length;
        var buffer = new byte[slow ? Math.Max(1, _options.ReceiveWindow!.Value / 2) : ChunkBytes];
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int n = socket.Receive(buffer);
            if (n == 0)
                return (received, intact);
            intact &= received + n <= _options.Bytes && _pattern.Matches(buffer.AsSpan(0, n), received);
            received += n;
            if (slow)
                Thread.Sleep(_options.ReadPause);
        }
    }

    /// <summary>Reads up to the blank line that ends an HTTP header; returns the body bytes read past it.</summary>
    private static byte[] ReadHttpHeader(Socket socket, out string header)
    {
        var bytes = new List<byte>();
        var buffer = new byte[1024];
        while (bytes.Count < MaxHeaderBytes)
        {
            int n = socket.Receive(buffer);
            if (n == 0)
                break;
            bytes.AddRange(buffer.AsSpan(0, n));
            int end = IndexOfBlankLine(bytes);
            if (end >= 0)
            {
                header = Encoding.ASCII.GetString([.. bytes[..end]]);
                return [.. bytes[(end + 4)..]];
            }
        }
        throw new IOException("no complete HTTP header arrived");
    }

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (int i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
                return i;
        }
        return -1;
    }

    private static void DrainUntilClosed(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (!cancellationToken.IsCancellationRequested && socket.Receive(buffer) > 0)
        {
        }
    }

    private static string Size(int bytes) => bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";

    public void Dispose()
    {
        _accepted?.Dispose();
        _client.Dispose();
        _listener.Dispose();
    }
}
