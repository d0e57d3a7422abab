using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using RawNet.Capture.Injection;
using RawNet.Capture.Lab;
using RawNet.Capture.Lab.Link;
using RawNet.Testing;

namespace RawNet.Capture.Tests.Lab;

/// <summary>
/// A lab with a link namespace under names of the test's own (rnl-XXXXXX-a/-m/-b, so a lab the user has up is never
/// touched) and the forwarder running in this process; everything is removed on dispose, even after a failure.
/// </summary>
internal sealed class ImpairedLab : IDisposable
{
    private readonly string _boardPath;

    private ImpairedLab(TestNetwork network, string boardPath)
    {
        Network = network;
        _boardPath = boardPath;
    }

    public TestNetwork Network { get; }

    public LinkStatusBoard Board { get; private set; } = null!;

    public LinkForwarder Forwarder { get; private set; } = null!;

    public static ImpairedLab Create(LinkSettings settings)
    {
        ExternalTool.RequireRoot();
        ExternalTool.Require("ip", "iproute2");
        var id = RandomNumberGenerator.GetHexString(6, lowercase: true);
        var subnet = RandomNumberGenerator.GetInt32(1, 255);
        var network = new TestNetwork($"rnl-{id}-a", $"rnl-{id}-b", $"rnl-{id}-a", $"rnl-{id}-b", $"198.18.{subnet}", $"2001:db8:{subnet:x}:",
            settings.Mtu, $"rnl-{id}-m");
        var lab = new ImpairedLab(network, Path.Combine(Path.GetTempPath(), $"rnl-{id}.counters"));
        try
        {
            network.Up();
            lab.WaitUntilTheEndsAreQuiet();
            lab.Board = LinkStatusBoard.Create(lab._boardPath, Environment.ProcessId);
            lab.Forwarder = NetworkNamespace.Run(network.LinkNamespace, () =>
                LinkForwarder.Open(network.LinkInterfaceA, network.LinkInterfaceB, settings, lab.Board));
            lab.Forwarder.Start();
            return lab;
        }
        catch
        {
            lab.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Waits (at most 3 s) until neither end has sent a frame for 300 ms: bringing an interface up sends an MLD report
    /// or two at random moments, and one that reached the forwarder would take a turn of the dice before the test's
    /// traffic in one run and not in another.
    /// </summary>
    private void WaitUntilTheEndsAreQuiet()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var last = "";
        var quietSince = clock.Elapsed;
        while (clock.Elapsed < TimeSpan.FromSeconds(3) && clock.Elapsed - quietSince < TimeSpan.FromMilliseconds(300))
        {
            var now = string.Join(' ', new[] { (Network.NamespaceA, Network.InterfaceA), (Network.NamespaceB, Network.InterfaceB) }
                .Select(end => ExternalTool.Run("ip", ["-n", end.Item1, "-s", "-o", "link", "show", "dev", end.Item2]).StdOut));
            if (now != last)
            {
                last = now;
                quietSince = clock.Elapsed;
            }
            Thread.Sleep(50);
        }
    }

    public IPAddress Address(int host) => IPAddress.Parse(Network.Ipv4(host));

    /// <summary>
    /// Sends <paramref name="count"/> UDP datagrams from end <paramref name="from"/> (1 or 2) to the other, each carrying
    /// its sequence number and the send time, pausing 1 ms after every <paramref name="burst"/> so no socket buffer
    /// overflows; returns what arrived: sequence number, one-way delay in ms and the Stopwatch time of arrival, in
    /// arrival order. Bounded: the
    /// receiver gives up 1 s after the last datagram.
    /// </summary>
    public List<(int Sequence, double DelayMs, long ArrivalTicks)> SendUdp(int from, int count, int burst, int payloadLength = 64)
    {
        int to = 3 - from;
        string[] namespaces = [Network.NamespaceA, Network.NamespaceB];
        using var receiver = NetworkNamespace.Run(namespaces[to - 1], () =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.ReceiveBufferSize = 4 << 20;
            socket.Bind(new IPEndPoint(Address(to), 0));
            return socket;
        });
        var port = ((IPEndPoint)receiver.LocalEndPoint!).Port;
        var arrived = new List<(int, double, long)>();
        var receiving = new Thread(() =>
        {
            var buffer = new byte[Math.Max(2048, payloadLength + 1)];
            receiver.ReceiveTimeout = 1000;
            try
            {
                while (arrived.Count < count * 2)
                {
                    var n = receiver.Receive(buffer);
                    var now = Stopwatch.GetTimestamp();
                    // Only a datagram of the length sent counts as arrived.
                    if (n < 12 || n != payloadLength)
                        continue;
                    var sent = BinaryPrimitives.ReadInt64BigEndian(buffer.AsSpan(4));
                    arrived.Add((BinaryPrimitives.ReadInt32BigEndian(buffer), (now - sent) * 1000.0 / Stopwatch.Frequency, now));
                }
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
            }
        });
        receiving.Start();
        NetworkNamespace.Run(namespaces[from - 1], () =>
        {
            using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            sender.Bind(new IPEndPoint(Address(from), 0));
            var destination = new IPEndPoint(Address(to), port);
            var payload = new byte[payloadLength];
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60))
                    throw new TimeoutException("lab send loop exceeded 60 s");
                BinaryPrimitives.WriteInt32BigEndian(payload, i);
                BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(4), Stopwatch.GetTimestamp());
                sender.SendTo(payload, destination);
                if ((i + 1) % burst == 0)
                    Thread.Sleep(1);
            }
            return 0;
        });
        if (!receiving.Join(TimeSpan.FromSeconds(90)))
            throw new TimeoutException("the receiver did not finish");
        return arrived;
    }

    public void Dispose()
    {
        Forwarder?.Dispose();
        Board?.Dispose();
        File.Delete(_boardPath);
        Network.Down();
    }
}
