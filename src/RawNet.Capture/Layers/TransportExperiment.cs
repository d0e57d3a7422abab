using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using RawNet.Capture.Injection;
using RawNet.Capture.Lab;
using RawNet.Capture.Lab.Link;
using RawNet.Protocols;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tcp;

namespace RawNet.Capture.Layers;

/// <summary>
/// The transport experiments (issue 12, item 3): real kernel sockets (and hand-made packets where the experiment is
/// about them) from the sending side to a listener, an AF_PACKET capture on the listener's interface started before
/// anything is sent, and what each send() and recv() call returned next to the frames. In a lab the sender is
/// namespace A and the listener and capture are in B; transmit checksum offload (and with it TSO/GSO) is turned off on
/// both veth ends first, as <c>rawnet lab up</c> does, so the capture shows whole frames as a wire would carry them.
/// Prints nothing: callers render the <see cref="TransportReport"/>.
/// </summary>
public static class TransportExperiment
{
    private const int SolTcp = 6, TcpMaxSeg = 2, TcpCork = 3;   // IPPROTO_TCP, TCP_MAXSEG, TCP_CORK
    private const int MaxReceived = 1 << 20;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Runs the experiment.</summary>
    /// <exception cref="LayersException">An option is out of bounds, the experiment needs a lab and has none, or the lab is not up.</exception>
    /// <exception cref="SendFailure">A namespace could not be entered, or a hand-made packet could not be sent.</exception>
    public static TransportReport Run(TransportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var path = TransportPath.For(options);
        var run = new TransportRun(options, path, cancellationToken);
        Action<TransportRun> experiment = options.Experiment switch
        {
            TransportExperimentKind.Writes when options.Udp => DatagramWrites,
            TransportExperimentKind.Writes => r => StreamWrites(r, readAfterWrites: true),
            TransportExperimentKind.Segment => r => StreamWrites(r, readAfterWrites: false),
            TransportExperimentKind.Fragment => Fragment,
            TransportExperimentKind.Rst => Rst,
            TransportExperimentKind.Handshake => Handshake,
            TransportExperimentKind.Checksum => Checksum,
            TransportExperimentKind.Demux => Demux,
            _ => Wire,
        };
        experiment(run);
        return run.Report();
    }

    private static void Validate(TransportOptions options)
    {
        if (options.Payload.Length is 0 or > LayersOptions.MaxPayload)
            throw new LayersException($"the payload must be 1 to {LayersOptions.MaxPayload} bytes (it is {options.Payload.Length})");
        if (options.Writes is < 1 or > TransportOptions.MaxWrites)
            throw new LayersException($"--writes must be 1 to {TransportOptions.MaxWrites} (it is {options.Writes})");
        int max = options.Experiment == TransportExperimentKind.Fragment ? TransportOptions.MaxDatagramSize : TransportOptions.MaxSegmentSize;
        if (options.Size < 1 || options.Size > max)
            throw new LayersException($"--size must be 1 to {max} for {TransportOptions.Name(options.Experiment)} (it is {options.Size})");
        if (options.Lab is { } lab && !lab.Exists)
            throw new LayersException($"the lab is not up ({lab.NamespaceA} and {lab.NamespaceB} do not both exist): run rawnet lab up first");
        if (options.Lab is null && options.Experiment is TransportExperimentKind.Segment or TransportExperimentKind.Fragment or TransportExperimentKind.Handshake)
            throw new LayersException($"{TransportOptions.Name(options.Experiment)} needs the lab (--lab, after rawnet lab up): "
                + (options.Experiment == TransportExperimentKind.Handshake
                    ? "it sends from an address no one owns on the lab's link"
                    : "loopback's MTU is 65536, so nothing is cut; the lab's link has a 1500-byte MTU"));
    }

    // ---- 1. writes, and 2. segmentation at the MSS ----

    private static void StreamWrites(TransportRun run, bool readAfterWrites)
    {
        var o = run.Options;
        var p = run.Path;
        using var listening = p.InListener(() => Listen(p.Listener));
        int port = Port(listening);
        run.ListenerPorts.Add(port);
        using var capture = run.StartCapture($"tcp port {port}");
        var receives = new List<SocketCall>();
        // Reading late: not before the capture has seen the client's FIN, so every byte is queued at the listener.
        Func<bool>? ready = readAfterWrites ? () => capture.Frames.Any(f => HasFlags(f.Frame, TcpFlags.Fin) && WireFacts.Read(f.Frame) is { } w
            && w.Ports(f.Frame).Destination == port) : null;
        var reader = new Thread(() => ReadStream(listening, receives, ready, run.Timeout, run.CancellationToken))
            { IsBackground = true, Name = "rawnet transport reader" };
        reader.Start();

        byte[][] chunks = o.Experiment == TransportExperimentKind.Segment ? [Pattern(o.Size)] : Enumerable.Repeat(o.Payload, o.Writes).ToArray();
        int mss = 0;
        try
        {
            p.InSender(() =>
            {
                using var socket = new Socket(p.Sender.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(p.Sender, 0));
                if (o.NoDelay)
                    socket.NoDelay = true;
                Connect(socket, new IPEndPoint(p.Listener, port));
                var local = (IPEndPoint)socket.LocalEndPoint!;
                mss = MaxSegment(socket);
                string options = o.Experiment == TransportExperimentKind.Segment ? "" : SocketOptionWords(o);
                run.Steps.Add($"client {Show(local)} connected to {Show(new IPEndPoint(p.Listener, port))}{options}; TCP_MAXSEG says the MSS is {mss}");
                if (o.Cork)
                    socket.SetRawSocketOption(SolTcp, TcpCork, BitConverter.GetBytes(1));
                // Back to back, nothing else between the calls: how close together the writes come is what Nagle reacts to.
                var sent = new int[chunks.Length];
                for (int i = 0; i < chunks.Length; i++)
                {
                    while (sent[i] < chunks[i].Length)
                        sent[i] += socket.Send(chunks[i], sent[i], chunks[i].Length - sent[i], SocketFlags.None);
                }
                for (int i = 0; i < chunks.Length; i++)
                    run.Sends.Add(new SocketCall("client", new IPEndPoint(p.Listener, port), sent[i], Printable(chunks[i])));
                if (o.Cork)
                    socket.SetRawSocketOption(SolTcp, TcpCork, BitConverter.GetBytes(0));
                socket.Shutdown(SocketShutdown.Send);
                Drain(socket);
                return 0;
            });
        }
        finally
        {
            reader.Join(run.Timeout + run.Timeout);
        }
        run.Receives.AddRange(receives);
        run.Steps.Add(readAfterWrites
            ? "the listener accepted, waited until the client had sent everything and shut down, then called recv() (64 KiB buffer) until end of stream"
            : "the listener accepted and called recv() (64 KiB buffer) as data came, until end of stream");
        run.Finish(capture);

        var data = run.Packets.Where(x => x.Origin == FrameOrigin.Sender).Select(x => WireFacts.Read(x.Frame)!.Value.TcpPayload(x.Frame)).Where(n => n > 0).ToList();
        int total = chunks.Sum(c => c.Length);
        run.Findings.Add($"{run.Sends.Count} send() call{Plural(run.Sends.Count)} of {Sizes(run.Sends.Select(s => s.Bytes))} bytes "
            + $"-> {data.Count} TCP segment{Plural(data.Count)} with data on the wire ({Sizes(data)} bytes) "
            + $"-> {run.Receives.Count} recv() call{Plural(run.Receives.Count)} returning {Sizes(run.Receives.Select(r => r.Bytes))} bytes");
        if (receives.Sum(r => r.Bytes) != total)
            run.Findings.Add($"the listener received {receives.Sum(r => r.Bytes)} of {total} bytes");
        if (o.Experiment == TransportExperimentKind.Segment)
        {
            run.Findings.Add(data.Count == 0 ? "no data segment was captured" :
                $"largest segment {data.Max()} bytes, MSS {mss}: " + (data.All(n => n <= mss)
                    ? $"the kernel cut the {total}-byte send at the MSS (MTU {p.Mtu} - {(p.Ipv6 ? 40 : 20)} IP - 20 TCP = {Announced(p)}, the MSS option of the SYN"
                        + (mss < Announced(p) ? $"; minus {Announced(p) - mss} for the timestamp option every segment carries = {mss})" : ")")
                    : "a segment larger than the MSS: segmentation offload (TSO/GSO) is on where the capture ran"));
            return;
        }
        run.Findings.Add("TCP is a byte stream: send() boundaries are not kept. "
            + (o.Cork ? "TCP_CORK held the writes until uncorked, so they left together as far as the MSS allows."
                : o.NoDelay ? "TCP_NODELAY sends each write at once when the window allows (Linux may still merge writes queued behind one not yet on the wire: autocorking)."
                : "Nagle's algorithm sends a small write at once only when nothing sent is unacknowledged, and holds the next ones until the ACK comes. "
                    + (data.Count < run.Sends.Count
                        ? "Here it held and merged writes while the first segment was unacknowledged."
                        : "Here every ACK came back before the next write (the round trip takes microseconds here), so it held nothing; on a path with delay (rawnet lab set --delay 10ms) it merges.")));
        run.Findings.Add("recv() returns whatever is queued, up to its buffer: here the listener read late, so the segments' boundaries are gone too.");
    }

    private static void ReadStream(Socket listening, List<SocketCall> receives, Func<bool>? ready, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            if (!listening.Poll(timeout, SelectMode.SelectRead))
                return;
            using var connection = listening.Accept();
            connection.ReceiveTimeout = (int)timeout.TotalMilliseconds;
            var clock = Stopwatch.StartNew();
            while (ready is not null && !ready() && clock.Elapsed < timeout && !cancellationToken.IsCancellationRequested)
                Thread.Sleep(10);
            var peer = (IPEndPoint)connection.RemoteEndPoint!;
            var buffer = new byte[65536];
            int total = 0;
            for (int n; total < MaxReceived && (n = connection.Receive(buffer)) > 0; total += n)
                receives.Add(new SocketCall("listener", peer, n, Printable(buffer.AsSpan(0, n))));
            connection.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }

    private static void DatagramWrites(TransportRun run)
    {
        var o = run.Options;
        var p = run.Path;
        using var listener = DatagramListener(run, port => $"udp port {port}");
        var (server, capture, to) = (listener.Server, listener.Capture, listener.To);
        p.InSender(() =>
        {
            using var socket = BindDatagram(p.Sender, 0);
            run.Steps.Add($"client {Show((IPEndPoint)socket.LocalEndPoint!)}: {o.Writes} sendto() call{Plural(o.Writes)} to {Show(to)}");
            for (int i = 0; i < o.Writes; i++)
                run.Sends.Add(new SocketCall("client", to, socket.SendTo(o.Payload, to), Printable(o.Payload)));
            return 0;
        });
        run.Steps.Add("the listener called recvfrom() (64 KiB buffer) after every datagram had been sent");
        ReadDatagrams(server, "listener", o.Writes, run);
        run.Finish(capture);
        int datagrams = run.Packets.Count(x => x.Origin == FrameOrigin.Sender);
        run.Findings.Add($"{run.Sends.Count} sendto() call{Plural(run.Sends.Count)} -> {datagrams} UDP datagram{Plural(datagrams)} on the wire "
            + $"-> {run.Receives.Count} recvfrom() call{Plural(run.Receives.Count)} returning {Sizes(run.Receives.Select(r => r.Bytes))} bytes");
        run.Findings.Add("UDP keeps every datagram's boundary: one send is one datagram is one recv, however late the reader reads (TCP_NODELAY and TCP_CORK mean nothing to it).");
    }

    /// <summary>A UDP socket of the listener's on a free port, and the capture started with <paramref name="filter"/> of that port.</summary>
    private static DatagramEnd DatagramListener(TransportRun run, Func<int, string> filter)
    {
        var p = run.Path;
        var server = p.InListener(() => BindDatagram(p.Listener, 0));
        try
        {
            int port = Port(server);
            run.ListenerPorts.Add(port);
            return new DatagramEnd(server, run.StartCapture(filter(port)), new IPEndPoint(p.Listener, port));
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private static void ReadDatagrams(Socket server, string name, int count, TransportRun run)
    {
        server.ReceiveTimeout = (int)run.Timeout.TotalMilliseconds;
        var buffer = new byte[65536];
        EndPoint from = new IPEndPoint(run.Path.Ipv6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        for (int i = 0; i < count; i++)
        {
            try
            {
                int n = server.ReceiveFrom(buffer, ref from);
                run.Receives.Add(new SocketCall(name, (IPEndPoint)from, n, Printable(buffer.AsSpan(0, n))));
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
            {
                run.Findings.Add($"recvfrom() timed out after {i} of {count} datagrams");
                return;
            }
        }
    }

    // ---- 2. IPv4 fragmentation and reassembly, IPv6 fragmentation at the source ----

    private static void Fragment(TransportRun run)
    {
        var o = run.Options;
        var p = run.Path;
        // Fragments after the first carry no ports: any IPv4 fragment but the first, any IPv6 fragment, to the listener.
        using var listener = DatagramListener(run, port => $"udp port {port} or (ip and ip[6:2] & 0x1fff != 0) or (ip6 and ip6[6] = 44)");
        var (server, capture, to) = (listener.Server, listener.Capture, listener.To);
        var datagram = Pattern(o.Size);
        p.InSender(() =>
        {
            using var socket = BindDatagram(p.Sender, 0);
            run.Steps.Add($"client {Show((IPEndPoint)socket.LocalEndPoint!)}: one sendto() of {o.Size} bytes to {Show(to)}; the path's MTU is {p.Mtu}");
            run.Sends.Add(new SocketCall("client", to, socket.SendTo(datagram, to)));
            return 0;
        });
        ReadDatagrams(server, "listener", 1, run);
        run.Finish(capture);

        var fragments = run.Packets.Where(x => x.Origin == FrameOrigin.Sender).Select(x => (x.Frame, Facts: WireFacts.Read(x.Frame)!.Value)).ToList();
        int udpLength = o.Size + 8;
        if (fragments.All(f => !f.Facts.Fragmented))
            run.Findings.Add($"one datagram of {udpLength} UDP bytes fitted the MTU: nothing to fragment");
        else
        {
            foreach (var (frame, facts) in fragments.Where(f => f.Facts.Fragmented))
                run.Findings.Add($"fragment id 0x{facts.FragmentId:x} offset {facts.FragmentOffset,5} ({facts.FragmentOffset / 8} x 8) length {facts.IpPayloadLength,4} "
                    + $"{(facts.MoreFragments ? "more fragments" : "last fragment")}, frame {frame.Length} bytes");
            int carried = fragments.Where(f => f.Facts.Fragmented).Sum(f => f.Facts.IpPayloadLength);
            run.Findings.Add($"the fragments carry {carried} bytes: the {udpLength}-byte UDP datagram (8 header + {o.Size} payload); each fragment but the last carries a multiple of 8");
            run.Findings.Add(p.Ipv6
                ? "IPv6: only the source fragments (a Fragment extension header, next header 44, after the fixed header); routers never do, they send Packet Too Big instead"
                : "IPv4: the sender fragmented (DF clear, as for any UDP datagram above the path MTU); a router on the way could have too");
        }
        var received = run.Receives.FirstOrDefault();
        run.Findings.Add(received is null
            ? "the listener received nothing: a lost fragment loses the whole datagram"
            : $"the listener's kernel reassembled them: one recvfrom() returned {received.Bytes} bytes" + (received.Bytes == o.Size ? ", the datagram whole" : $", not the {o.Size} sent"));
    }

    // ---- 3. a raw SYN and the kernel's RST; a handshake by hand ----

    private static void Rst(TransportRun run)
    {
        var p = run.Path;
        // Bound but not listening: the port is closed; held so nothing else takes it during the run.
        using var closed = p.InListener(() =>
        {
            var s = new Socket(p.Listener.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            s.Bind(new IPEndPoint(p.Listener, 0));
            return s;
        });
        int port = Port(closed);
        run.ListenerPorts.Add(port);
        using var sourcePort = p.InSender(() => BindDatagram(p.Sender, 0));
        var from = new IPEndPoint(p.Sender, Port(sourcePort));
        using var capture = run.StartCapture($"tcp port {port}");
        uint isn = RandomSequence();
        var outcome = p.InSender(() => RawIpSender.Send(new IPEndPoint(p.Listener, port), from,
            [], new HeaderOptions { Protocol = IpProtocol.Tcp, TcpFlags = TcpFlags.Syn, SequenceNumber = isn }));
        run.Steps.Add($"a TCP SYN built by RawNet (seq {isn}) from {Show(from)} to {Show(new IPEndPoint(p.Listener, port))}, a port with no listener, through a raw socket");
        run.Steps.AddRange(outcome.Lines.Select(l => "  " + l));
        capture.WaitFor(f => Find(f, TcpFlags.Rst, from.Port) is not null, run.Timeout, run.CancellationToken);
        run.Finish(capture);
        var reset = run.Packets.Select(x => x.Frame).FirstOrDefault(f => HasFlags(f, TcpFlags.Rst));
        if (reset is null || !WireFacts.Read(reset)!.Value.TryTcp(reset, out var tcp))
        {
            run.Findings.Add("no RST came back");
            return;
        }
        run.Findings.Add($"the listener's kernel answered {FlagWords(tcp.Flags)}: seq {tcp.SequenceNumber}, ack {tcp.AcknowledgmentNumber} = our seq + 1 (the SYN counts as one byte)");
        run.Findings.Add("RFC 9293 3.10.7.1: a segment to a closed port gets a reset; to a SYN (no ACK) it is seq 0 with ACK of seq + length; that is what a scanner reads as \"closed\"");
    }

    private static void Handshake(TransportRun run)
    {
        var p = run.Path;
        var lab = p.Lab!;
        using var listening = p.InListener(() => Listen(p.Listener));
        int port = Port(listening);
        run.ListenerPorts.Add(port);
        var to = new IPEndPoint(p.Listener, port);
        var macA = lab.HardwareAddress(1);
        var macB = lab.HardwareAddress(2);
        var unowned = IPAddress.Parse(p.Ipv6 ? lab.Ipv6(3) : lab.Ipv4(3));
        using var capture = run.StartCapture($"tcp port {port}");

        // The trap: the sender's own kernel sees a SYN-ACK for a connection no socket of its has, and resets it.
        using var sourcePort = p.InSender(() => BindDatagram(p.Sender, 0));
        var from = new IPEndPoint(p.Sender, Port(sourcePort));
        uint isn = RandomSequence();
        run.Steps.Add($"1. the trap: a SYN (seq {isn}) built by RawNet from {Show(from)}, an address of the sender's own kernel, through a raw socket, to {Show(to)}");
        p.InSender(() => RawIpSender.Send(to, from, [], new HeaderOptions { Protocol = IpProtocol.Tcp, TcpFlags = TcpFlags.Syn, SequenceNumber = isn }));
        capture.WaitFor(f => Find(f, TcpFlags.Rst, from.Port, fromSender: true) is not null, run.Timeout, run.CancellationToken);
        bool accepted = listening.Poll(TimeSpan.FromMilliseconds(300), SelectMode.SelectRead);
        run.Findings.Add(Find(capture.Frames, TcpFlags.Rst, from.Port, fromSender: true) is not null
            ? $"1. the listener answered SYN-ACK; the sender's kernel, which has no TCP socket on port {from.Port}, answered that with RST: the half-open connection is gone"
            : "1. no RST from the sender's kernel was seen");
        run.Findings.Add(accepted ? "1. the listener's accept() returned a connection all the same" : "1. the listener's accept() returned nothing");

        // The way out: send from an address the sender's kernel does not own. The listener reaches it by a neighbour
        // entry pointing at A's MAC; A's kernel drops what comes for it (not its address, no forwarding), silently.
        run.Steps.Add($"2. the way out: the same from {unowned}, an address no host owns (the listener's neighbour table sends it to the sender's MAC; "
            + "the sender's kernel drops frames for it, no RST); SYN and ACK built by RawNet with Ethernet, sent through an AF_PACKET socket, the SYN-ACK read from the capture");
        string ns = lab.NamespaceB, device = lab.InterfaceB;
        RunIp("-n", ns, "neigh", "replace", unowned.ToString(), "lladdr", Mac(macA), "dev", device, "nud", "permanent");
        try
        {
            if (!HandshakeByHand(run, listening, capture, macA, macB, new IPEndPoint(unowned, Port(sourcePort)), to, 2))
            {
                run.Finish(capture);
                return;
            }
        }
        finally
        {
            RunIp("-n", ns, "neigh", "del", unowned.ToString(), "dev", device);
        }

        // The other way out: the sender's own address, its kernel's RSTs to the listener dropped by a firewall rule.
        if (FindTool("nft") is not { } nft)
        {
            run.Findings.Add("3. the other way out, a firewall rule in the sender's namespace dropping its kernel's RSTs, needs nft (nftables), which is not installed: skipped");
            run.Finish(capture);
            return;
        }
        using var ownPort = p.InSender(() => BindDatagram(p.Sender, 0));
        var own = new IPEndPoint(p.Sender, Port(ownPort));
        string table = $"rawnet_handshake_{Environment.ProcessId}";
        run.Steps.Add($"3. the other way out: the same from {Show(own)}, the sender's own address, with a firewall rule in its namespace "
            + $"(nft: table inet {table}, output hook: tcp sport {own.Port} with RST set, drop) so its kernel's RST never leaves");
        try
        {
            RunNft(nft, lab.NamespaceA, $"add table inet {table}");
            RunNft(nft, lab.NamespaceA, $"add chain inet {table} out {{ type filter hook output priority 0; policy accept; }}");
            RunNft(nft, lab.NamespaceA, $"add rule inet {table} out tcp sport {own.Port} tcp flags & rst == rst drop");
            HandshakeByHand(run, listening, capture, macA, macB, own, to, 3, () => RunNft(nft, lab.NamespaceA, $"delete table inet {table}"));
        }
        finally
        {
            // Deleted before the last RST (by hand, through AF_PACKET, which no rule sees); gone in any case.
            TryRunNft(nft, lab.NamespaceA, $"delete table inet {table}");
        }
        run.Finish(capture);
    }

    /// <summary>
    /// SYN, the SYN-ACK read from the capture, ACK and the payload, built by RawNet from <paramref name="from"/> and sent
    /// as Ethernet frames through an AF_PACKET socket (no firewall rule sees them); the listener's accept() and recv()
    /// said in step <paramref name="step"/>'s findings; then, after <paramref name="beforeReset"/>, a RST by hand.
    /// False when no SYN-ACK came.
    /// </summary>
    private static bool HandshakeByHand(TransportRun run, Socket listening, WireCapture capture, PhysicalAddress macA, PhysicalAddress macB,
        IPEndPoint from, IPEndPoint to, int step, Action? beforeReset = null)
    {
        var p = run.Path;
        uint isn = RandomSequence();
        SendFrame(p, macA, macB, from, to, TcpFlags.Syn, isn, 0, []);
        var synAck = capture.WaitFor(f => Find(f, TcpFlags.Syn | TcpFlags.Ack, from.Port, toAddress: from.Address) is not null, run.Timeout, run.CancellationToken)
            ? Find(capture.Frames, TcpFlags.Syn | TcpFlags.Ack, from.Port, toAddress: from.Address) : null;
        if (synAck is null || !WireFacts.Read(synAck)!.Value.TryTcp(synAck, out var answer))
        {
            run.Findings.Add($"{step}. no SYN-ACK came for {from.Address}");
            return false;
        }
        uint theirs = answer.SequenceNumber;
        SendFrame(p, macA, macB, from, to, TcpFlags.Ack, isn + 1, theirs + 1, []);
        var hello = run.Options.Payload;
        SendFrame(p, macA, macB, from, to, TcpFlags.Psh | TcpFlags.Ack, isn + 1, theirs + 1, hello);
        if (!listening.Poll(run.Timeout, SelectMode.SelectRead))
        {
            run.Findings.Add($"{step}. the listener's accept() returned nothing");
            return true;
        }
        using var connection = listening.Accept();
        var peer = (IPEndPoint)connection.RemoteEndPoint!;
        run.Findings.Add($"{step}. SYN, SYN-ACK, ACK: the listener's accept() returned a connection from {Show(peer)}");
        connection.ReceiveTimeout = (int)run.Timeout.TotalMilliseconds;
        var buffer = new byte[4096];
        try
        {
            int n = connection.Receive(buffer);
            run.Receives.Add(new SocketCall("connection", peer, n, Printable(buffer.AsSpan(0, n))));
            run.Findings.Add($"{step}. its recv() returned the {n} bytes sent by hand; then RawNet reset the connection by hand (RST, seq {isn + 1 + (uint)hello.Length})");
        }
        catch (SocketException e)
        {
            run.Findings.Add($"{step}. recv() failed: " + e.Message);
        }
        capture.WaitFor(f => f.Count(x => WireFacts.Read(x.Frame) is { } w && w.Source.Equals(p.Listener) && w.Destination.Equals(from.Address)
            && w.TcpPayload(x.Frame) == 0 && w.TryTcp(x.Frame, out var t) && t.AcknowledgmentNumber == isn + 1 + (uint)hello.Length) > 0, run.Timeout, run.CancellationToken);
        beforeReset?.Invoke();
        SendFrame(p, macA, macB, from, to, TcpFlags.Rst, isn + 1 + (uint)hello.Length, 0, []);
        return true;
    }

    /// <summary>The full path of <paramref name="name"/> on PATH (or in /usr/sbin, /sbin), or null.</summary>
    private static string? FindTool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Append("/usr/sbin").Append("/sbin")
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>Runs one nft command (or ruleset) in network namespace <paramref name="ns"/>.</summary>
    private static void RunNft(string nft, string ns, string command) => RunIp("netns", "exec", ns, nft, command);

    private static void TryRunNft(string nft, string ns, string command)
    {
        try
        {
            RunNft(nft, ns, command);
        }
        catch (LayersException)
        {
            // Already gone.
        }
    }

    private static void SendFrame(TransportPath p, PhysicalAddress source, PhysicalAddress destination, IPEndPoint from, IPEndPoint to,
        TcpFlags flags, uint seq, uint ack, byte[] payload)
    {
        var builder = new PacketBuilder(payload.Length + 128).SetPayload(payload);
        builder.Prepend(new TcpSpec
        {
            SourcePort = (ushort)from.Port,
            DestinationPort = (ushort)to.Port,
            SequenceNumber = seq,
            AcknowledgmentNumber = ack,
            Flags = flags,
            Window = 64240,
        });
        if (p.Ipv6)
            builder.Prepend(new Ipv6Spec { Source = from.Address, Destination = to.Address });
        else
            builder.Prepend(new Ipv4Spec { Source = from.Address, Destination = to.Address, Identification = (ushort)RandomNumberGenerator.GetInt32(1, 65536) });
        builder.Prepend(new EthernetSpec { Source = source, Destination = destination });
        var frame = builder.ToArray();
        p.InSender(() => LinkSender.Send(p.SenderDevice, frame));
    }

    // ---- 4. the checksum walk-through ----

    /// <summary>
    /// One write over TCP, or one datagram with <see cref="TransportOptions.Udp"/> (the writes experiment on a copy of the
    /// run that shares its lists, its findings dropped); the captured packet carrying the payload, or null.
    /// </summary>
    private static TransportPacket? SendOnePayload(TransportRun run)
    {
        var once = run with { Options = run.Options with { Writes = 1 } };
        if (run.Options.Udp)
            DatagramWrites(once);
        else
            StreamWrites(once, readAfterWrites: false);
        run.Findings.Clear();
        return run.Packets.FirstOrDefault(x => x.Origin == FrameOrigin.Sender && WireFacts.Read(x.Frame) is { } f
            && (f.Protocol == IpProtocol.Udp || f.TcpPayload(x.Frame) > 0));
    }

    /// <summary>Sends the payload once and walks the checksum of the packet that carried it.</summary>
    private static void Checksum(TransportRun run)
    {
        var p = run.Path;
        var data = SendOnePayload(run);
        var walk = data is null ? null : ChecksumWalk.Of(data.Frame);
        if (walk is null)
        {
            run.Findings.Add("the capture saw no packet carrying the payload");
            return;
        }
        run.Walk = walk;
        run.Steps.Add($"the walk-through takes packet {run.Packets.ToList().IndexOf(data!) + 1}, the one carrying the payload");
        run.Findings.Add(walk.LeftForOffload
            ? $"the packet holds 0x{walk.InPacket:x4}, the pseudo-header's folded sum: the kernel left the rest for a network card (checksum offload) and {p.Device} has none; the real value would be 0x{walk.Computed:x4}"
            : walk.Matches
                ? $"computed 0x{walk.Computed:x4}, the packet holds 0x{walk.InPacket:x4}: they match (RawNet's InternetChecksum gives 0x{walk.LibraryValue:x4} too)"
                : $"computed 0x{walk.Computed:x4}, but the packet holds 0x{walk.InPacket:x4}");
    }

    // ---- 6. bytes per layer, header diagrams, the wire ----

    private static void Wire(TransportRun run)
    {
        var o = run.Options;
        var data = SendOnePayload(run);
        if (data is null)
        {
            run.Findings.Add("the capture saw no packet carrying the payload");
            return;
        }
        var layers = new ByteMap().Build(data.Frame, data.Metadata, o.Udp ? SocketKind.Datagram : SocketKind.Stream, FrameOrigin.Sender, [], out _);
        var wire = WireView.Of(data.Frame, layers.Select(l => (l.Name, l.Length)));
        run.Wire = wire;
        foreach (var layer in layers)
        {
            if (HeaderDiagram.Draw(layer.Name, data.Frame.AsSpan(layer.Offset, layer.Length)) is { } lines)
                run.Diagrams.Add(new LayerDiagram(layer.Name, layer.Offset, layer.Length, lines));
        }
        run.Steps.Add($"the wire view takes packet {run.Packets.ToList().IndexOf(data) + 1}, the one carrying the payload");
        run.Findings.Add($"captured {wire.Captured} bytes = " + string.Join(" + ", wire.Layers.Select(l => $"{l.Name} {l.Bytes}")));
        run.Findings.Add((wire.Padding > 0 ? $"Ethernet pads it to {WireView.MinimumFrame} bytes (+{wire.Padding} zero bytes), " : "no padding (it is over 60 bytes), ")
            + $"adds the FCS (CRC-32 0x{wire.Fcs:x8}, 4 bytes): a {wire.EthernetFrame}-byte Ethernet frame; lo and veth add neither, a NIC adds both and strips the FCS on receipt");
        run.Findings.Add($"on the wire: preamble 7 + SFD 1 + frame {wire.EthernetFrame} + inter-frame gap 12 = {wire.OnTheWire} byte times "
            + $"({wire.OnTheWire * 8} ns at 1 Gbit/s; a minimum frame is 84, so at most {1_000_000_000L / (84 * 8):N0} frames/s at 1 Gbit/s)");
        long payload = wire.Layers.Where(l => l.Name == SocketKindReport.PayloadLayerName).Sum(l => (long)l.Bytes);
        run.Findings.Add($"the payload is {payload} of {wire.OnTheWire} byte times: {100.0 * payload / wire.OnTheWire:F1}%");
    }

    // ---- 5. demultiplexing ----

    private static void Demux(TransportRun run)
    {
        var p = run.Path;
        var (stream, datagram) = p.InListener(() => ListenOnBoth(p.Listener));
        using var listening = stream;
        using var server = datagram;
        int port = Port(listening);
        run.ListenerPorts.Add(port);
        using var capture = run.StartCapture($"port {port}");
        var to = new IPEndPoint(p.Listener, port);
        run.Steps.Add($"the listener: one UDP socket and one TCP listening socket, both on {Show(to)}");

        p.InSender(() =>
        {
            for (int i = 1; i <= 2; i++)
            {
                using var socket = BindDatagram(p.Sender, 0);
                var text = Encoding.ASCII.GetBytes($"udp client {i}");
                run.Sends.Add(new SocketCall($"udp client {i} ({Show((IPEndPoint)socket.LocalEndPoint!)})", to, socket.SendTo(text, to), Printable(text)));
            }
            return 0;
        });
        run.Steps.Add("two UDP clients (two sockets, two ports) sent one datagram each; the listener's one UDP socket called recvfrom() twice");
        ReadDatagrams(server, "udp socket " + Show(to), 2, run);

        var clients = p.InSender(() => Enumerable.Range(1, 2).Select(i =>
        {
            var socket = new Socket(p.Sender.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(p.Sender, 0));
            Connect(socket, to);
            return socket;
        }).ToList());
        try
        {
            var connections = new List<Socket>();
            try
            {
                for (int i = 0; i < clients.Count && listening.Poll(run.Timeout, SelectMode.SelectRead); i++)
                    connections.Add(listening.Accept());
                for (int i = 0; i < clients.Count; i++)
                {
                    var text = Encoding.ASCII.GetBytes($"tcp client {i + 1}");
                    run.Sends.Add(new SocketCall($"tcp client {i + 1} ({Show((IPEndPoint)clients[i].LocalEndPoint!)})", to, clients[i].Send(text), Printable(text)));
                    clients[i].Shutdown(SocketShutdown.Send);
                }
                run.Steps.Add("two TCP clients connected and sent one line each; accept() on the listening socket returned a new socket per connection, each read with recv()");
                int number = 0;
                foreach (var connection in connections)
                {
                    number++;
                    connection.ReceiveTimeout = (int)run.Timeout.TotalMilliseconds;
                    var local = (IPEndPoint)connection.LocalEndPoint!;
                    var remote = (IPEndPoint)connection.RemoteEndPoint!;
                    var buffer = new byte[4096];
                    int n = connection.Receive(buffer);
                    run.Receives.Add(new SocketCall($"tcp connection {number} ({Show(local)} <-> {Show(remote)})", remote, n, Printable(buffer.AsSpan(0, n))));
                    connection.Shutdown(SocketShutdown.Both);
                }
            }
            finally
            {
                foreach (var connection in connections)
                    connection.Dispose();
            }
            foreach (var client in clients)
                Drain(client);
        }
        finally
        {
            foreach (var client in clients)
                client.Dispose();
        }
        run.Finish(capture);
        var udp = run.Receives.Where(r => r.Socket.StartsWith("udp", StringComparison.Ordinal)).ToList();
        var tcp = run.Receives.Where(r => r.Socket.StartsWith("tcp", StringComparison.Ordinal)).ToList();
        run.Findings.Add($"UDP: {udp.Count} datagrams from {string.Join(" and ", udp.Select(r => Show(r.Peer!)))} came out of one socket: "
            + "UDP demultiplexes by destination address and port only, the source is just what recvfrom() reports");
        run.Findings.Add($"TCP: {tcp.Count} connections, {tcp.Count} sockets: "
            + string.Join("; ", tcp.Select(r => r.Socket[(r.Socket.IndexOf('(') + 1)..^1]))
            + ": TCP demultiplexes by the 4-tuple (source and destination address and port), the listening socket only takes SYNs");
    }

    private static (Socket Stream, Socket Datagram) ListenOnBoth(IPAddress address)
    {
        for (int attempt = 0; ; attempt++)
        {
            var stream = Listen(address);
            try
            {
                return (stream, BindDatagram(address, Port(stream)));
            }
            catch (SocketException) when (attempt < 8)
            {
                stream.Dispose();
            }
        }
    }

    // ---- sockets ----

    private static Socket Listen(IPAddress address)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, 0));
            socket.Listen(4);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static Socket BindDatagram(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void Connect(Socket socket, IPEndPoint to)
    {
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        try
        {
            socket.ConnectAsync(to, timeout.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw new LayersException($"no answer from {to} within {ConnectTimeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Reads to the peer's FIN (bounded), so the exchange ends with FINs both ways rather than a RST.</summary>
    private static void Drain(Socket socket)
    {
        socket.ReceiveTimeout = 2000;
        var sink = new byte[4096];
        try
        {
            for (int n, total = 0; total < MaxReceived && (n = socket.Receive(sink)) > 0; total += n)
            {
            }
        }
        catch (SocketException)
        {
        }
    }

    private static int MaxSegment(Socket socket)
    {
        var value = new byte[4];
        socket.GetRawSocketOption(SolTcp, TcpMaxSeg, value);
        return BitConverter.ToInt32(value);
    }

    /// <summary>The MSS a SYN announces on this path: the MTU less the IP and TCP headers.</summary>
    private static int Announced(TransportPath p) => p.Mtu - (p.Ipv6 ? 40 : 20) - 20;

    private static int Port(Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;

    private static string SocketOptionWords(TransportOptions o) =>
        (o.NoDelay ? ", TCP_NODELAY on (Nagle off)" : ", Nagle on (the default)") + (o.Cork ? ", TCP_CORK on around the writes" : "");

    // ---- frames ----

    private static byte[]? Find(IReadOnlyList<(byte[] Frame, FrameMetadata Metadata)> frames, TcpFlags flags, int port, bool fromSender = false, IPAddress? toAddress = null)
    {
        foreach (var (frame, _) in frames)
        {
            if (WireFacts.Read(frame) is not { } facts || !facts.TryTcp(frame, out var tcp) || (tcp.Flags & flags) != flags)
                continue;
            if (fromSender ? tcp.SourcePort != port : tcp.DestinationPort != port)
                continue;
            if (toAddress is not null && !facts.Destination.Equals(toAddress))
                continue;
            return frame;
        }
        return null;
    }

    private static bool HasFlags(byte[] frame, TcpFlags flags) =>
        WireFacts.Read(frame) is { } facts && facts.TryTcp(frame, out var tcp) && (tcp.Flags & flags) == flags;

    private static string FlagWords(TcpFlags flags) => string.Join('-',
        new[] { (TcpFlags.Syn, "SYN"), (TcpFlags.Rst, "RST"), (TcpFlags.Fin, "FIN"), (TcpFlags.Psh, "PSH"), (TcpFlags.Ack, "ACK") }
            .Where(f => flags.HasFlag(f.Item1)).Select(f => f.Item2));

    private static uint RandomSequence() => (uint)RandomNumberGenerator.GetInt32(int.MaxValue) << 1;

    private static byte[] Pattern(int size)
    {
        var bytes = new byte[size];
        for (int i = 0; i < size; i++)
            bytes[i] = (byte)('a' + i % 26);
        return bytes;
    }

    private static string? Printable(ReadOnlySpan<byte> bytes) =>
        bytes.Length <= 64 && bytes.ToArray().All(b => b is >= 0x20 and < 0x7F) ? Encoding.ASCII.GetString(bytes) : null;

    /// <summary>Sizes in order, a run of equal ones as "45 x 1428": "13, 26" or "45 x 1428, 1276".</summary>
    internal static string Sizes(IEnumerable<int> sizes)
    {
        var parts = new List<string>();
        int? last = null;
        int count = 0;
        foreach (var size in sizes.Append(-1))
        {
            if (size == last)
            {
                count++;
                continue;
            }
            if (last is { } value)
                parts.Add(count > 2 ? $"{count} x {value}" : string.Join(", ", Enumerable.Repeat(value, count)));
            last = size;
            count = 1;
        }
        return string.Join(", ", parts);
    }

    private static string Show(IPEndPoint endpoint) => endpoint.ToString();

    private static string Plural(int n) => n == 1 ? "" : "s";

    private static string Mac(PhysicalAddress mac) => string.Join(':', mac.GetAddressBytes().Select(b => b.ToString("x2")));

    internal static string RunIp(params string[] args)
    {
        var psi = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var ip = Process.Start(psi) ?? throw new LayersException("cannot start ip");
        var stderr = ip.StandardError.ReadToEndAsync();
        string stdout = ip.StandardOutput.ReadToEnd();
        if (!ip.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            ip.Kill();
            throw new LayersException($"ip {string.Join(' ', args)} did not finish within 10 s");
        }
        if (ip.ExitCode != 0)
            throw new LayersException($"ip {string.Join(' ', args)} failed: {stderr.Result.Trim()}");
        return stdout;
    }
}

/// <summary>The listener's UDP socket, the capture of its port, and where to send to; disposing closes both.</summary>
internal sealed record DatagramEnd(Socket Server, WireCapture Capture, IPEndPoint To) : IDisposable
{
    public void Dispose()
    {
        Capture.Dispose();
        Server.Dispose();
    }
}

/// <summary>Where a transport experiment runs: the sender's and listener's namespaces, addresses and the capture's interface.</summary>
internal sealed record TransportPath(string? SenderNamespace, string? ListenerNamespace, string Device, string SenderDevice,
    IPAddress Sender, IPAddress Listener, bool Ipv6, int Mtu, TestNetwork? Lab)
{
    /// <summary>The lab's A to B (offloads turned off on both ends), or loopback.</summary>
    public static TransportPath For(TransportOptions options)
    {
        bool v6 = options.Ipv6;
        if (options.Lab is not { } lab)
        {
            var loopback = v6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
            return new TransportPath(null, null, "lo", "lo", loopback, loopback, v6, 65536, null);
        }
        try
        {
            ChecksumOffload.TurnOff(lab.NamespaceA, lab.InterfaceA);
            ChecksumOffload.TurnOff(lab.NamespaceB, lab.InterfaceB);
        }
        catch (LabException e)
        {
            throw new LayersException(e.Message);
        }
        // /sys shows the caller's namespace's interfaces, so ip is asked.
        var words = TransportExperiment.RunIp("-n", lab.NamespaceB, "-o", "link", "show", "dev", lab.InterfaceB).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int at = Array.IndexOf(words, "mtu");
        int mtu = at >= 0 && at + 1 < words.Length && int.TryParse(words[at + 1], out var m) ? m : lab.Mtu;
        return new TransportPath(lab.NamespaceA, lab.NamespaceB, lab.InterfaceB, lab.InterfaceA,
            IPAddress.Parse(v6 ? lab.Ipv6(1) : lab.Ipv4(1)), IPAddress.Parse(v6 ? lab.Ipv6(2) : lab.Ipv4(2)), v6, mtu, lab);
    }

    /// <summary>Runs <paramref name="action"/> in the sender's namespace.</summary>
    public T InSender<T>(Func<T> action) => NetworkNamespace.Run(SenderNamespace, action);

    /// <summary>Runs <paramref name="action"/> in the listener's namespace.</summary>
    public T InListener<T>(Func<T> action) => NetworkNamespace.Run(ListenerNamespace, action);
}

/// <summary>A transport experiment's state while it runs: what it did, the calls, the findings, and at the end the frames.</summary>
internal sealed record TransportRun(TransportOptions Options, TransportPath Path, CancellationToken CancellationToken)
{
    public TimeSpan Timeout => Options.Timeout ?? LayersOptions.DefaultTimeout;

    public List<string> Steps { get; init; } = [];

    public List<SocketCall> Sends { get; init; } = [];

    public List<SocketCall> Receives { get; init; } = [];

    public List<string> Findings { get; init; } = [];

    public List<int> ListenerPorts { get; init; } = [];

    public List<TransportPacket> Packets { get; init; } = [];

    public ChecksumWalk? Walk { get; set; }

    public WireView? Wire { get; set; }

    public List<LayerDiagram> Diagrams { get; init; } = [];

    /// <summary>Starts the capture on the listener's side; on loopback <paramref name="filter"/> is narrowed to the experiment's address.</summary>
    public WireCapture StartCapture(string filter)
    {
        return WireCapture.Start(Path.ListenerNamespace, Path.Device, $"host {Path.Listener} and ({filter})");
    }

    /// <summary>Waits for the wire to fall quiet, stops the capture and keeps its frames with their origins.</summary>
    public void Finish(WireCapture capture)
    {
        foreach (var (frame, metadata) in capture.StopWhenQuiet(Timeout, CancellationToken))
        {
            if (WireFacts.Read(frame) is not { } facts)
                continue;
            Packets.Add(new TransportPacket(frame, metadata, OriginOf(facts, frame)));
        }
    }

    private FrameOrigin OriginOf(WireFacts facts, byte[] frame)
    {
        if (!Path.Sender.Equals(Path.Listener))
            return facts.Source.Equals(Path.Listener) ? FrameOrigin.Listener : FrameOrigin.Sender;
        return ListenerPorts.Contains(facts.Ports(frame).Source) ? FrameOrigin.Listener : FrameOrigin.Sender;
    }

    /// <summary>The report.</summary>
    public TransportReport Report() => new(Options.Experiment, Path.Ipv6, Path.Device, Path.ListenerNamespace, Path.SenderNamespace,
        Steps, Packets, Sends, Receives, Findings, Walk, Wire, Diagrams);
}
