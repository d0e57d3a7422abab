using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using RawNet.Capture.Injection;
using RawNet.Capture.Sessions;
using RawNet.Capture.Sources;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Protocols;
using RawNet.Protocols.Fields;

namespace RawNet.Capture.Layers;

/// <summary>
/// "What each layer adds": starts a TCP and a UDP listener, starts a capture (AF_PACKET, kernel filter on the
/// listeners' ports) before anything is sent, sends one payload through a stream, a datagram, a raw and a link socket,
/// waits (bounded) until the listener and the capture saw each exchange, and returns every captured frame per socket
/// kind with its byte map. On loopback by default; with <see cref="LayersOptions.Lab"/> the sockets send from namespace
/// A and the listener and capture sit in namespace B on B's veth end. Prints nothing: callers render the report.
/// </summary>
public static class LayersExperiment
{
    private const int SnapLength = 262144;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Runs the experiment.</summary>
    /// <exception cref="LayersException">The payload is empty or too long, or the lab is not up.</exception>
    /// <exception cref="AfPacketException">The capture could not open (no CAP_NET_RAW: <see cref="CapturePermissionException"/>).</exception>
    /// <exception cref="SendFailure">A namespace could not be entered.</exception>
    public static LayersReport Run(LayersOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Payload.Length is 0 or > LayersOptions.MaxPayload)
            throw new LayersException($"the payload must be 1 to {LayersOptions.MaxPayload} bytes (it is {options.Payload.Length})");
        var lab = options.Lab;
        if (lab is not null && !lab.Exists)
            throw new LayersException($"the lab is not up ({lab.NamespaceA} and {lab.NamespaceB} do not both exist): run rawnet lab up first");
        bool v6 = options.Ipv6;
        var timeout = options.Timeout ?? LayersOptions.DefaultTimeout;
        string? listenerNs = lab?.NamespaceB, senderNs = lab?.NamespaceA;
        string device = lab?.InterfaceB ?? "lo";
        string senderDevice = lab?.InterfaceA ?? "lo";
        var listenerAddress = lab is null ? (v6 ? IPAddress.IPv6Loopback : IPAddress.Loopback) : IPAddress.Parse(v6 ? lab.Ipv6(2) : lab.Ipv4(2));
        var senderAddress = lab is null ? listenerAddress : IPAddress.Parse(v6 ? lab.Ipv6(1) : lab.Ipv4(1));
        // On loopback both ends have the all-zero address; in the lab the frame goes to B's veth end.
        var destinationMac = lab is null ? new PhysicalAddress(new byte[6]) : lab.HardwareAddress(2);

        using var listener = NetworkNamespace.Run(listenerNs, () => Bind(listenerAddress, () => new ExperimentListener(listenerAddress)));
        var tcpPort = listener.Stream.Port;
        var udpPort = listener.Datagram.Port;
        // Source ports for raw and link, held by UDP sockets for the whole run so nothing else on the host can take them.
        using var rawPort = NetworkNamespace.Run(senderNs, () => Bind(senderAddress, () => ReservePort(senderAddress)));
        using var linkPort = NetworkNamespace.Run(senderNs, () => Bind(senderAddress, () => ReservePort(senderAddress)));
        using var source = NetworkNamespace.Run(listenerNs, () => AfPacketCaptureSource.Open(
            new CaptureOptions(device, SnapLength, Promiscuous: false, Filter: $"tcp port {tcpPort} or udp port {udpPort}", BufferBytes: 4 << 20)));
        using var session = new CaptureSession(source, new CaptureSessionOptions(RingBytes: 4 << 20));
        var collector = new FrameCollector(session.AddConsumer("layers"));

        var flows = new Dictionary<SocketKind, Flow>();
        var notes = new Dictionary<SocketKind, List<string>>();
        var delivered = new Dictionary<SocketKind, bool>();
        var headers = new HeaderOptions { Protocol = IpProtocol.Udp };
        var toStream = new IPEndPoint(listenerAddress, tcpPort);
        var toDatagram = new IPEndPoint(listenerAddress, udpPort);
        var payload = options.Payload;
        // A frame that comes in from a link for 127.0.0.0/8 is a martian destination to IPv4 routing unless route_localnet
        // is on; ::1 has no such rule for frames that arrive on lo.
        bool linkDelivers = lab is not null || v6 || RouteLocalnet();
        var kindsToRun = options.KindsToRun;

        session.Start();
        collector.Start();
        try
        {
            foreach (var kind in kindsToRun)
            {
                cancellationToken.ThrowIfCancellationRequested();
                notes[kind] = [];
                try
                {
                    var outcome = NetworkNamespace.Run(senderNs, () => kind switch
                    {
                        SocketKind.Stream => StreamSender.Send(toStream, new IPEndPoint(senderAddress, 0), payload),
                        SocketKind.Datagram => DatagramSender.Send(toDatagram, new IPEndPoint(senderAddress, 0), payload),
                        SocketKind.Raw => RawIpSender.Send(toDatagram, PortOf(rawPort), payload, headers),
                        _ => LinkSender.Send(senderDevice, LinkSender.BuildFrame(senderDevice, toDatagram, PortOf(linkPort), payload, headers, destinationMac, senderNs)),
                    });
                    notes[kind].AddRange(outcome.Lines);
                    int senderPort = kind switch
                    {
                        SocketKind.Stream or SocketKind.Datagram => outcome.Local!.Port,
                        SocketKind.Raw => PortOf(rawPort).Port,
                        _ => PortOf(linkPort).Port,
                    };
                    var flow = new Flow(kind == SocketKind.Stream ? IpProtocol.Tcp : IpProtocol.Udp, senderPort, kind == SocketKind.Stream ? tcpPort : udpPort);
                    flows[kind] = flow;
                    bool expected = kind != SocketKind.Link || linkDelivers;
                    delivered[kind] = WaitUntilSeen(kind, flow, listener, collector, payload, expected, timeout, cancellationToken);
                    if (!expected)
                        notes[kind].Add("the listener does not get it: IPv4 routing drops a frame that arrives from a link for 127.0.0.1 as a martian destination "
                            + "(unless net.ipv4.conf.lo.route_localnet=1); the capture shows it on the wire all the same");
                    else if (!delivered[kind])
                        notes[kind].Add($"within {timeout.TotalSeconds:0.#} s the listener did not receive the payload whole, or the capture did not see the whole exchange");
                }
                catch (SendFailure e)
                {
                    notes[kind].Add("failed: " + e.Message);
                    delivered[kind] = false;
                }
            }
        }
        finally
        {
            session.Stop();
            session.WaitForFinish(TimeSpan.FromSeconds(5));
            collector.Join();
        }
        if (session.Failure is { } failure)
            throw new LayersException($"the capture on {device} failed: {failure.Message}");

        var map = new ByteMap();
        var kinds = new List<SocketKindReport>();
        var kernelFilled = new Dictionary<SocketKind, IReadOnlyCollection<FieldDefinition>>
        {
            [SocketKind.Raw] = RawIpSender.KernelFilledFields(!v6, headers),
        };
        var frames = collector.Frames;
        foreach (var kind in kindsToRun)
        {
            var packets = new List<LayersPacket>();
            if (flows.TryGetValue(kind, out var flow))
            {
                foreach (var (frame, metadata) in frames)
                {
                    if (FlowInfo.Read(frame) is not { } info || !flow.Matches(info, out var origin))
                        continue;
                    var layers = map.Build(frame, metadata, kind, origin, kernelFilled.GetValueOrDefault(kind) ?? [], out bool carries);
                    packets.Add(new LayersPacket(frame, metadata, origin, carries, layers));
                }
            }
            kinds.Add(new SocketKindReport(kind, packets, delivered.GetValueOrDefault(kind), kind != SocketKind.Link || linkDelivers, notes[kind]));
        }
        return new LayersReport(payload, device, listenerNs, senderNs, v6, toStream, toDatagram, kinds);
    }

    private static bool RouteLocalnet()
    {
        foreach (var device in (string[])["all", "lo"])
        {
            try
            {
                if (File.ReadAllText($"/proc/sys/net/ipv4/conf/{device}/route_localnet").Trim() == "1")
                    return true;
            }
            catch (IOException)
            {
            }
        }
        return false;
    }

    /// <summary>Runs <paramref name="bind"/>, turning a refused bind (no such address here, say) into one line.</summary>
    private static T Bind<T>(IPAddress address, Func<T> bind)
    {
        try
        {
            return bind();
        }
        catch (SocketException e)
        {
            throw new LayersException($"cannot bind a socket to {address}: {e.Message}");
        }
    }

    private static Socket ReservePort(IPAddress address)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, 0));
        return socket;
    }

    private static IPEndPoint PortOf(Socket reserved) => (IPEndPoint)reserved.LocalEndPoint!;

    /// <summary>
    /// Waits until the listener has the payload and the capture has seen the exchange: for stream the handshake, the
    /// data, a FIN each way and the sender's last ACK; for the others the one datagram. False on timeout.
    /// </summary>
    private static bool WaitUntilSeen(SocketKind kind, Flow flow, ExperimentListener listener, FrameCollector collector, byte[] payload,
        bool deliveryExpected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (kind == SocketKind.Stream)
        {
            var received = listener.WaitForStream(timeout, cancellationToken);
            if (received is null || !received.AsSpan().SequenceEqual(payload))
                return false;
        }
        while (clock.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool arrived = kind == SocketKind.Stream || listener.DatagramFrom(flow.SenderPort) is { } d && d.AsSpan().SequenceEqual(payload);
            if ((arrived || !deliveryExpected) && flow.IsComplete(collector.Frames))
                return arrived;
            Thread.Sleep(PollInterval);
        }
        return false;
    }
}
