using System.Net;
using RawNet.Capture.Layers;
using RawNet.Files;
using RawNet.Protocols;
using RawNet.Protocols.Checksums;

namespace RawNet.Ui.Tests;

/// <summary>
/// Layers reports built from the bundled captures through the engine's own <see cref="ByteMap"/>, so a golden of the
/// craft screen does not depend on a live run's ports, sequence numbers and times. A fixture, not an experiment: the
/// datagram kind's frame (a UDP checksum left unfilled) carries a payload of its own.
/// </summary>
internal static class CraftReports
{
    /// <summary>The payload of the stream kind's data frame in tcp-handshake-ipv4.pcap.</summary>
    public const string Payload = "GET / HTTP/1.0\r\n\r\n";

    /// <summary>Stream: the whole TCP session of tcp-handshake-ipv4.pcap (port 40000 sends); datagram: bad-checksums.pcap's packet 3.</summary>
    public static LayersReport StreamAndDatagram()
    {
        var stream = Kind(SocketKind.Stream, Frames("tcp-handshake-ipv4.pcap"), senderPort: 40000, ["connected from 198.18.0.1:40000 to 198.18.0.2:80, sent 18 bytes, closed"]);
        var datagram = Kind(SocketKind.Datagram, [Offloaded(Frames("bad-checksums.pcap")[2])], senderPort: 50031,
            ["the listener does not get it: a note the report carries is shown here, wrapped to the screen's width however long it is, in the notes' colour"]);
        return new LayersReport(System.Text.Encoding.ASCII.GetBytes(Payload), "lo", null, null, false,
            new IPEndPoint(IPAddress.Parse("198.18.0.2"), 80), new IPEndPoint(IPAddress.Parse("198.18.0.2"), 9), [stream, datagram]);
    }

    /// <summary>
    /// A checksum experiment's report (or a wire experiment's, <paramref name="wire"/>) over the data segment and the
    /// whole session of tcp-handshake-ipv4.pcap, with fixed steps, calls and findings.
    /// </summary>
    public static TransportReport Transport(bool wire)
    {
        var frames = Frames("tcp-handshake-ipv4.pcap");
        var packets = frames.Select(f => new TransportPacket(f.Frame, f.Metadata, (f.Frame[34] << 8 | f.Frame[35]) == 40000 ? FrameOrigin.Sender : FrameOrigin.Listener)).ToList();
        // Packet 4: the client's 18 bytes of GET.
        var data = packets[3];
        var client = new IPEndPoint(IPAddress.Parse("198.18.0.1"), 40000);
        var server = new IPEndPoint(IPAddress.Parse("198.18.0.2"), 80);
        SocketCall[] sends = [new("client", server, Payload.Length)], receives = [new("listener", client, Payload.Length)];
        string[] steps = ["client 198.18.0.1:40000 connected to 198.18.0.2:80, Nagle on (the default); TCP_MAXSEG says the MSS is 1460"];
        if (!wire)
        {
            var walk = ChecksumWalk.Of(data.Frame)!;
            return new TransportReport(TransportExperimentKind.Checksum, false, "rn-b", "rawnet-b", "rawnet-a", steps, packets, sends, receives,
                [$"computed 0x{walk.Computed:x4}, the packet holds 0x{walk.InPacket:x4}"], walk);
        }
        var layers = new ByteMap().Build(data.Frame, data.Metadata, SocketKind.Stream, FrameOrigin.Sender, [], out _);
        var diagrams = layers.Select(l => (l, HeaderDiagram.Draw(l.Name, data.Frame.AsSpan(l.Offset, l.Length))))
            .Where(d => d.Item2 is not null).Select(d => new LayerDiagram(d.l.Name, d.l.Offset, d.l.Length, d.Item2!)).ToList();
        return new TransportReport(TransportExperimentKind.Wire, false, "rn-b", "rawnet-b", "rawnet-a", steps, packets, sends, receives,
            ["the wire view of the data segment"], Wire: WireView.Of(data.Frame, layers.Select(l => (l.Name, l.Length))), Diagrams: diagrams);
    }

    private static SocketKindReport Kind(SocketKind socket, List<(byte[] Frame, FrameMetadata Metadata)> frames, int senderPort, string[] notes)
    {
        var map = new ByteMap();
        var packets = new List<LayersPacket>();
        foreach (var (frame, metadata) in frames)
        {
            // Source port at 34 (Ethernet 14 + IPv4 20): the sender's frames leave from senderPort.
            var origin = (frame[34] << 8 | frame[35]) == senderPort ? FrameOrigin.Sender : FrameOrigin.Listener;
            var layers = map.Build(frame, metadata, socket, origin, [], out bool carries);
            packets.Add(new LayersPacket(frame, metadata, origin, carries, layers));
        }
        return new SocketKindReport(socket, packets, Delivered: true, DeliveryExpected: true, notes);
    }

    /// <summary>
    /// The frame with its UDP checksum as the sending kernel leaves it for a network card (the folded pseudo-header sum),
    /// as a datagram socket's frame on lo reads.
    /// </summary>
    private static (byte[] Frame, FrameMetadata Metadata) Offloaded((byte[] Frame, FrameMetadata Metadata) captured)
    {
        var frame = captured.Frame;
        const int ip = 14, udp = ip + 20;
        int length = frame.Length - udp;
        ulong pseudo = InternetChecksum.PseudoHeaderIpv4(frame.AsSpan(ip + 12, 4), frame.AsSpan(ip + 16, 4), IpProtocol.Udp, length);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(udp + 6), InternetChecksum.Fold(pseudo));
        return (frame, captured.Metadata);
    }

    private static List<(byte[] Frame, FrameMetadata Metadata)> Frames(string name)
    {
        var frames = new List<(byte[], FrameMetadata)>();
        using var reader = CaptureFileReader.Open(Views.Capture(name));
        while (reader.TryReadNext(out var frame))
            frames.Add((frame.Data.ToArray(), frame.Metadata));
        return frames;
    }
}
