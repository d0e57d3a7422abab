using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Udp;

namespace RawNet.Protocols.Conversations.Follow;

/// <summary>
/// Follows one TCP or UDP stream (tcp.stream / udp.stream as the <see cref="ConversationTracker"/> numbers them) the way
/// tshark 4.0's <c>-z follow</c> does, packet by packet, and hands what it finds to an <see cref="IFollowReceiver"/> as
/// soon as tshark's output would hold it: the stream's ends, then its data in order (TCP: reassembled, each byte once,
/// gaps the other side acknowledged marked; UDP: one chunk per datagram). It never holds the stream's bytes, only TCP
/// segments that came early, up to a bound.
/// <para>
/// Use: for each packet of a capture, in order, decode it, run the tracker over it, then call <see cref="Add"/>; at
/// the end call <see cref="Finish"/>. The rules (which packets count, who is Node 0) are in docs/follow.md.
/// </para>
/// </summary>
public sealed class StreamFollower
{
    /// <summary>32 MiB: early TCP data (and 64 bytes per segment) waiting for a gap to fill, both directions together.</summary>
    public const long DefaultMaxBufferedBytes = 32L << 20;

    private readonly IFollowReceiver _receiver;
    private readonly TcpFollowReassembly? _tcp;
    private readonly LayerKind _kind;
    private FollowEndpoints _endpoints;

    /// <summary>
    /// Follows stream <paramref name="stream"/> of <paramref name="protocol"/>, telling <paramref name="receiver"/>;
    /// at most <paramref name="maxBufferedBytes"/> of early TCP data wait for a gap to fill.
    /// </summary>
    public StreamFollower(FollowProtocol protocol, uint stream, IFollowReceiver receiver, long maxBufferedBytes = DefaultMaxBufferedBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBufferedBytes);
        Protocol = protocol;
        Stream = stream;
        _receiver = receiver;
        _kind = protocol == FollowProtocol.Tcp ? LayerKind.Tcp : LayerKind.Udp;
        if (protocol == FollowProtocol.Tcp)
            _tcp = new TcpFollowReassembly(receiver, maxBufferedBytes);
    }

    /// <summary>The protocol followed.</summary>
    public FollowProtocol Protocol { get; }

    /// <summary>The stream followed.</summary>
    public uint Stream { get; }

    /// <summary>The stream's ends as known so far (none before its first packet).</summary>
    public FollowEndpoints Endpoints => _endpoints;

    /// <summary>Packets of the stream seen so far.</summary>
    public long Packets { get; private set; }

    /// <summary>Bytes of early TCP data held now, waiting for a gap to fill.</summary>
    public long BufferedBytes => _tcp?.BufferedBytes ?? 0;

    /// <summary>
    /// Takes one packet, decoded from <paramref name="frame"/> and analysed by the tracker (call in capture order, every
    /// packet; those of other streams are ignored).
    /// </summary>
    public void Add(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (!Belongs(packet))
            return;
        Packets++;
        // tshark's follow sees the packet's addresses and ports as the last (innermost) IP and transport headers set them,
        // whichever of the packet's TCP or UDP layers it is handed; layers inside ICMP errors are never handed on.
        int ip = -1, ports = -1;
        var layers = packet.Layers;
        for (int i = 1; i < layers.Length; i++)
        {
            ref readonly Layer layer = ref layers[i];
            if (layer.Quoted)
                continue;
            if (layer.Kind is LayerKind.Ipv4 or LayerKind.Ipv6)
                ip = i;
            else if (layer.Kind is LayerKind.Tcp or LayerKind.Udp && layer.HeaderLength >= 4)
                ports = i;
        }
        if (ip < 0 || ports < 0 || !TryReadAddresses(packet, frame, ip, ports, out var source, out var destination))
            return;
        for (int i = 1; i < layers.Length; i++)
        {
            ref readonly Layer layer = ref layers[i];
            if (layer.Kind != _kind || layer.Quoted)
                continue;
            if (_tcp is not null)
                AddTcp(packet, frame, i, source, destination);
            else
                AddUdp(packet, frame, i, source, destination);
        }
    }

    /// <summary>The capture ended: reports data that waited behind a gap that never filled.</summary>
    public void Finish() => _tcp?.Finish();

    /// <summary>Whether any TCP (or UDP) layer of the packet, quoted ones included, belongs to the stream (tshark's tcp.stream eq N).</summary>
    private bool Belongs(DecodedPacket packet)
    {
        foreach (ref readonly var transport in packet.Analysis.Transports)
        {
            if (transport.HasStream && transport.Stream == Stream && packet[transport.LayerIndex].Kind == _kind)
                return true;
        }
        return false;
    }

    private static bool TryReadAddresses(DecodedPacket packet, ReadOnlySpan<byte> frame, int ipIndex, int portsIndex,
        out FollowEndpoint source, out FollowEndpoint destination)
    {
        source = destination = default;
        ref readonly Layer ip = ref packet[ipIndex];
        var header = packet.HeaderOf(ip, frame);
        bool v4 = ip.Kind == LayerKind.Ipv4;
        int size = v4 ? 4 : 16;
        int from = v4 ? Ipv4Header.Field.Source : Ipv6Header.Field.Source;
        int to = v4 ? Ipv4Header.Field.Destination : Ipv6Header.Field.Destination;
        if (header.Length < to + size)
            return false;
        var transport = packet.HeaderOf(packet[portsIndex], frame);
        source = FollowEndpoint.Of(header.Slice(from, size), BinaryPrimitives.ReadUInt16BigEndian(transport));
        destination = FollowEndpoint.Of(header.Slice(to, size), BinaryPrimitives.ReadUInt16BigEndian(transport[2..]));
        return true;
    }

    /// <summary>
    /// Which end sent a chunk, as tshark decides it: the sender of the first chunk is Node 0 for good, except that while
    /// Node 0's port is 0 every new chunk's sender becomes Node 0.
    /// </summary>
    private FollowNode NodeOf(in FollowEndpoint source, in FollowEndpoint destination)
    {
        if (_endpoints.Client.Port == 0)
        {
            _endpoints = new FollowEndpoints(source, destination, Final: source.Port != 0);
            _receiver.Endpoints(in _endpoints);
        }
        return source.Equals(_endpoints.Client) ? FollowNode.Client : FollowNode.Server;
    }

    private void AddTcp(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, in FollowEndpoint source, in FollowEndpoint destination)
    {
        ref readonly Layer layer = ref packet[index];
        var header = packet.HeaderOf(layer, frame);
        // tshark hands a segment on only when its whole header, options included, was captured and fits the packet.
        if (layer.Status != LayerStatus.Complete || !TcpHeader.TryRead(header, out var tcp))
            return;
        int headerLength = tcp.HeaderLength;
        int record = packet.Analysis.IndexOf(index);
        if (headerLength != header.Length || layer.Extent < headerLength || record < 0 || !packet.Analysis[record].HasTcp)
            return;
        ref readonly var analysis = ref packet.Analysis[record].Tcp;
        var node = NodeOf(source, destination);
        var payload = CapturedPart(packet, frame, layer, headerLength, layer.Extent);
        bool syn = (tcp.Flags & TcpFlags.Syn) != 0;
        _tcp!.Add(node, analysis.Seq, analysis.Ack, syn, (uint)(layer.Extent - headerLength), payload, packet.FrameNumber);
    }

    private void AddUdp(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, in FollowEndpoint source, in FollowEndpoint destination)
    {
        ref readonly Layer layer = ref packet[index];
        var header = packet.HeaderOf(layer, frame);
        if (!UdpHeader.TryRead(header, out var udp))
            return;
        int length = udp.Length;
        // tshark stops at a length below the header's own; a length past the IP payload is cut to it.
        if (length < UdpHeader.HeaderLength)
            return;
        var payload = CapturedPart(packet, frame, layer, UdpHeader.HeaderLength, Math.Min(length, layer.Extent));
        int reported = Math.Min(length, layer.Extent) - UdpHeader.HeaderLength;
        // A datagram with no payload captured is not a chunk, and does not name the ends either.
        if (payload.IsEmpty)
        {
            if (reported > 0)
            {
                bool known = !_endpoints.Client.IsNone;
                var node = known && !source.Equals(_endpoints.Client) ? FollowNode.Server : FollowNode.Client;
                _receiver.Unshown(new UnshownData(UnshownReason.NotCaptured, node, reported, packet.FrameNumber, NodeKnown: known));
            }
            return;
        }
        var sender = NodeOf(source, destination);
        _receiver.Data(sender, payload, packet.FrameNumber);
        if (reported > payload.Length)
            _receiver.Unshown(new UnshownData(UnshownReason.NotCaptured, sender, reported - payload.Length, packet.FrameNumber));
    }

    /// <summary>The captured bytes of a layer's payload: from <paramref name="headerLength"/> to <paramref name="extent"/>, as far as captured.</summary>
    private static ReadOnlySpan<byte> CapturedPart(DecodedPacket packet, ReadOnlySpan<byte> frame, in Layer layer, int headerLength, int extent)
    {
        var buffer = packet.BufferOf(layer, frame);
        int start = layer.Offset + headerLength;
        int end = Math.Min(buffer.Length, layer.Offset + extent);
        return end > start ? buffer[start..end] : default;
    }
}
