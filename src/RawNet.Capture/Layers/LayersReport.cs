using RawNet.Protocols;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;

namespace RawNet.Capture.Layers;

/// <summary>The four kinds of socket a <see cref="LayersExperiment"/> sends through, from the most the kernel does to the least.</summary>
public enum SocketKind : byte
{
    /// <summary>SOCK_STREAM (TCP): the kernel does the handshake, headers, ACKs and teardown.</summary>
    Stream,
    /// <summary>SOCK_DGRAM (UDP): the kernel adds UDP, IP and Ethernet.</summary>
    Datagram,
    /// <summary>SOCK_RAW: the application builds IP (IPv4, IP_HDRINCL) or the transport (IPv6) itself.</summary>
    Raw,
    /// <summary>AF_PACKET SOCK_RAW: the application builds every byte from the Ethernet header on.</summary>
    Link,
}

/// <summary>Who wrote a byte range of a frame.</summary>
public enum WrittenBy : byte
{
    /// <summary>The program that sent it (RawNet, on the sending side).</summary>
    Application,
    /// <summary>The operating system's network stack (of the sender, or of the listener for its replies).</summary>
    Kernel,
}

/// <summary>Which end of the experiment a frame left from.</summary>
public enum FrameOrigin : byte
{
    /// <summary>Sent by the sending side (RawNet's socket and the kernel on its behalf).</summary>
    Sender,
    /// <summary>Sent by the listener's kernel (SYN-ACK, ACKs, its FIN).</summary>
    Listener,
}

/// <summary>One field of a layer in the byte map: its Wireshark name and value as the field tables read them.</summary>
/// <param name="Name">The Wireshark field name ("ip.ttl").</param>
/// <param name="Label">The label trees show ("Time to Live").</param>
/// <param name="Value">The value formatted exactly as <c>tshark -T fields</c> prints it.</param>
/// <param name="Offset">Offset of the field's bytes in the frame.</param>
/// <param name="Length">Bytes the field covers (0 for values derived from several places, e.g. ip.addr).</param>
/// <param name="WrittenBy">Who wrote the field: the layer's writer, or the kernel for a field it fills in an application's header.</param>
public sealed record ByteMapField(string Name, string Label, string Value, int Offset, int Length, WrittenBy WrittenBy);

/// <summary>One layer's byte range in a frame, who wrote it, and its fields.</summary>
/// <param name="Name">The Wireshark protocol name ("eth", "ip", "ipv6", "tcp", "udp"; "data" for the payload, "trailer" for bytes after the last layer).</param>
/// <param name="Kind">The decoder's layer kind (<see cref="LayerKind.Payload"/> for payload and trailer).</param>
/// <param name="Offset">Offset of the layer's first byte in the frame.</param>
/// <param name="Length">Bytes of the frame this layer covers; the layers of a frame tile it exactly.</param>
/// <param name="WrittenBy">Who wrote the layer's bytes (some of its fields may say otherwise).</param>
/// <param name="Fields">The layer's fields from the field tables, in tree order (none for payload and trailer).</param>
/// <param name="Checksum">
/// The decoder's verdict on the layer's checksum. A kernel-written TCP or UDP checksum on lo or veth is
/// <see cref="ChecksumStatus.Offloaded"/>: the kernel left it for a network card to fill, and a virtual device has none.
/// </param>
public sealed record ByteMapLayer(string Name, LayerKind Kind, int Offset, int Length, WrittenBy WrittenBy, IReadOnlyList<ByteMapField> Fields,
    ChecksumStatus Checksum = ChecksumStatus.None)
{
    /// <summary>
    /// True for a checksum the kernel left for a network card to fill (checksum offload): lo and veth have none, so the
    /// capture sees it unfilled. Not an error.
    /// </summary>
    public bool ChecksumLeftForOffload => Checksum == ChecksumStatus.Offloaded;
}

/// <summary>One frame the capture saw for a socket kind, with its byte map.</summary>
/// <param name="Frame">The captured bytes, exactly as the capture core handed them over.</param>
/// <param name="Metadata">The capture's metadata (timestamp, lengths, link type).</param>
/// <param name="Origin">Which end sent it.</param>
/// <param name="CarriesPayload">True for the frame (or frames) carrying the application's payload.</param>
/// <param name="Layers">The byte map: layers in order, tiling the frame.</param>
public sealed record LayersPacket(byte[] Frame, FrameMetadata Metadata, FrameOrigin Origin, bool CarriesPayload, IReadOnlyList<ByteMapLayer> Layers);

/// <summary>What one socket kind put on the wire for the payload.</summary>
/// <param name="Socket">The socket kind.</param>
/// <param name="Packets">Every frame captured for this kind, in capture order.</param>
/// <param name="Delivered">True when the listener received the payload whole.</param>
/// <param name="DeliveryExpected">False where the kernel is known to drop what this kind sent (a link frame for 127.0.0.1), so not delivering is no failure.</param>
/// <param name="Notes">What the sender said it did (the lines of <c>rawnet send</c>), and any problem.</param>
public sealed record SocketKindReport(SocketKind Socket, IReadOnlyList<LayersPacket> Packets, bool Delivered, bool DeliveryExpected, IReadOnlyList<string> Notes)
{
    /// <summary>Bytes of all this kind's frames together.</summary>
    public long WireBytes => Packets.Sum(p => (long)p.Frame.Length);

    /// <summary>The first frame carrying the payload, or null when the capture saw none.</summary>
    public LayersPacket? DataPacket => Packets.FirstOrDefault(p => p.CarriesPayload);

    /// <summary>Payload bytes the sender's frames carried (a retransmission counts twice).</summary>
    public long PayloadBytesOnWire => Packets.Where(p => p.CarriesPayload).Sum(p => (long)p.Layers.Where(l => l.Name == PayloadLayerName).Sum(l => l.Length));

    /// <summary>The share of the bytes on the wire that are not payload, in percent (0 when nothing was captured).</summary>
    public double OverheadPercent(int payloadLength) => WireBytes == 0 ? 0 : 100.0 * (WireBytes - payloadLength) / WireBytes;

    /// <summary>The byte map's name for the application's payload (Wireshark's "data").</summary>
    public const string PayloadLayerName = "data";

    /// <summary>The byte map's name for bytes after the last decoded layer (Ethernet padding or trailer).</summary>
    public const string TrailerLayerName = "trailer";
}

/// <summary>The result of a <see cref="LayersExperiment"/>: the payload, where it went, and per socket kind what the wire carried.</summary>
/// <param name="Payload">The payload every kind sent.</param>
/// <param name="Interface">The interface captured on ("lo", or the listener's veth end).</param>
/// <param name="Namespace">The namespace of the listener and capture, or null for the caller's own.</param>
/// <param name="SenderNamespace">The namespace the sockets sent from, or null for the caller's own.</param>
/// <param name="Ipv6">True when the experiment used IPv6.</param>
/// <param name="StreamListener">The TCP listener's address and port.</param>
/// <param name="DatagramListener">The UDP listener's address and port (datagram, raw and link all send to it).</param>
/// <param name="Kinds">One report per socket kind run (all four unless <see cref="LayersOptions.Kinds"/> chose), in <see cref="SocketKind"/> order.</param>
public sealed record LayersReport(byte[] Payload, string Interface, string? Namespace, string? SenderNamespace, bool Ipv6,
    System.Net.IPEndPoint StreamListener, System.Net.IPEndPoint DatagramListener, IReadOnlyList<SocketKindReport> Kinds);
