using System.Net;
using System.Net.Sockets;

namespace RawNet.Capture.Layers;

/// <summary>
/// The far end of a <see cref="LayersExperiment"/>: a TCP listener that accepts one connection, reads it to its end and
/// closes (so the teardown is FINs both ways), and a UDP socket that records each datagram by source port. Both are
/// bound to port 0 on <see cref="Address"/>; the sockets are created in the caller's namespace, the readers run on threads.
/// </summary>
internal sealed class ExperimentListener : IDisposable
{
    private const int MaxBytes = 1 << 20;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly Socket _tcp;
    private readonly Socket _udp;
    private readonly Thread _tcpReader;
    private readonly Thread _udpReader;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, byte[]> _datagrams = [];
    private readonly ManualResetEventSlim _streamClosed = new(false);
    private volatile bool _stopping;
    private byte[]? _streamBytes;

    /// <summary>Binds both sockets on <paramref name="address"/> and starts reading.</summary>
    public ExperimentListener(IPAddress address)
    {
        Address = address;
        _tcp = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _udp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _tcp.Bind(new IPEndPoint(address, 0));
            _tcp.Listen(1);
            _udp.Bind(new IPEndPoint(address, 0));
        }
        catch
        {
            _tcp.Dispose();
            _udp.Dispose();
            throw;
        }
        _udp.ReceiveTimeout = (int)Poll.TotalMilliseconds;
        _tcpReader = new Thread(ReadStream) { IsBackground = true, Name = "rawnet layers tcp listener" };
        _udpReader = new Thread(ReadDatagrams) { IsBackground = true, Name = "rawnet layers udp listener" };
        _tcpReader.Start();
        _udpReader.Start();
    }

    /// <summary>The address both sockets listen on.</summary>
    public IPAddress Address { get; }

    /// <summary>The TCP listener's endpoint.</summary>
    public IPEndPoint Stream => (IPEndPoint)_tcp.LocalEndPoint!;

    /// <summary>The UDP socket's endpoint.</summary>
    public IPEndPoint Datagram => (IPEndPoint)_udp.LocalEndPoint!;

    /// <summary>What the accepted connection carried once the peer closed it and the listener closed too, or null before then.</summary>
    public byte[]? WaitForStream(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _streamClosed.Wait(timeout, cancellationToken);
        lock (_gate)
            return _streamBytes;
    }

    /// <summary>The datagram that came from source port <paramref name="port"/>, or null.</summary>
    public byte[]? DatagramFrom(int port)
    {
        lock (_gate)
            return _datagrams.GetValueOrDefault(port);
    }

    private void ReadStream()
    {
        try
        {
            using var connection = _tcp.Accept();
            connection.ReceiveTimeout = (int)TimeSpan.FromSeconds(10).TotalMilliseconds;
            var data = new MemoryStream();
            var buffer = new byte[4096];
            for (int n; (n = connection.Receive(buffer)) > 0 && data.Length < MaxBytes;)
                data.Write(buffer, 0, n);
            connection.Shutdown(SocketShutdown.Both);
            connection.Close();
            lock (_gate)
                _streamBytes = data.ToArray();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Disposed before a connection came, or the peer reset it: the report says nothing arrived.
        }
        finally
        {
            _streamClosed.Set();
        }
    }

    private void ReadDatagrams()
    {
        var buffer = new byte[65536];
        EndPoint from = new IPEndPoint(Address.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, 0);
        while (!_stopping)
        {
            try
            {
                int n = _udp.ReceiveFrom(buffer, ref from);
                lock (_gate)
                {
                    if (_datagrams.Count < 64)
                        _datagrams.TryAdd(((IPEndPoint)from).Port, buffer[..n]);
                }
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock or SocketError.ConnectionReset)
            {
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    /// <summary>Closes both sockets and waits for the readers.</summary>
    public void Dispose()
    {
        _stopping = true;
        _tcp.Dispose();
        _udp.Dispose();
        _tcpReader.Join(TimeSpan.FromSeconds(2));
        _udpReader.Join(TimeSpan.FromSeconds(2));
        _streamClosed.Dispose();
    }
}
