using System.Globalization;
using RawNet.Protocols.Checksums;

namespace RawNet.Capture.Layers;

/// <summary>
/// The words a <see cref="LayersReport"/> is shown with, the same in <c>rawnet layers</c> (text and JSON) and the UI's
/// craft screen: names of socket kinds and writers, what each kind leaves to the kernel, the offload note and the
/// summary table's rows.
/// </summary>
public static class LayersWording
{
    /// <summary>The summary table's heading.</summary>
    public const string TableHeading = "socket    payload  on the wire  packets  overhead";

    /// <summary>The line under the summary table.</summary>
    public const string TableFootnote = "(overhead: the share of the bytes on the wire that are not payload)";

    /// <summary>What a kernel TCP/UDP checksum left unfilled on lo or veth means (<see cref="ByteMapLayer.ChecksumLeftForOffload"/>).</summary>
    public const string OffloadNote = "checksum unfilled: left for a network card (offload); lo/veth have none";

    /// <summary>The socket kind's name on the command line, in JSON and on screen: stream, datagram, raw or link.</summary>
    public static string Name(SocketKind kind) => kind switch
    {
        SocketKind.Stream => "stream",
        SocketKind.Datagram => "datagram",
        SocketKind.Raw => "raw",
        _ => "link",
    };

    /// <summary>"application" or "kernel".</summary>
    public static string Name(WrittenBy writer) => writer == WrittenBy.Application ? "application" : "kernel";

    /// <summary>The socket calls of a kind and what the kernel adds for it.</summary>
    public static string Describe(SocketKind kind) => kind switch
    {
        SocketKind.Stream => "SOCK_STREAM (TCP): connect, send, shutdown, close; the kernel builds every header, the handshake, ACKs and teardown",
        SocketKind.Datagram => "SOCK_DGRAM (UDP): one sendto; the kernel adds UDP, IP and Ethernet",
        SocketKind.Raw => "SOCK_RAW: RawNet builds IPv4 (IP_HDRINCL) and UDP, or for IPv6 the UDP header; the kernel adds the rest",
        _ => "AF_PACKET SOCK_RAW: RawNet builds every byte from the Ethernet header on; the kernel adds nothing",
    };

    /// <summary>A kind's heading: its name and what its socket calls leave to the kernel.</summary>
    public static string KindHeading(SocketKind kind) => $"== {Name(kind)}: {Describe(kind)}";

    /// <summary>The line before a kind's packets.</summary>
    public static string PacketsHeading(int count) =>
        $"{count} packet{(count == 1 ? "" : "s")} captured (> from the sender, < from the listener):";

    /// <summary>A packet line's start: its number in the kind and which end sent it; the summary line follows.</summary>
    public static string PacketPrefix(int number, FrameOrigin origin) => $"{number,2} {(origin == FrameOrigin.Sender ? '>' : '<')} ";

    /// <summary>The line before the byte map of packet <paramref name="number"/> (1-based in its kind).</summary>
    public static string ByteMapHeading(int number, int frameLength) =>
        $"byte map of packet {number} ({frameLength} bytes), the one carrying the payload; * = a field the kernel filled in the application's header:";

    /// <summary>The byte map's column heading, aligned with <see cref="ByteMapRow"/>.</summary>
    public const string ByteMapColumns = "offset  length  layer    written by";

    /// <summary>A layer's row of the byte map.</summary>
    public static string ByteMapRow(ByteMapLayer layer) =>
        $"{layer.Offset,6}  {layer.Length,6}  {layer.Name,-7}  {Name(layer.WrittenBy),-11}  {ChecksumNote(layer)}".TrimEnd();

    /// <summary>A field as <c>name=value</c>, with a * when someone other than the layer's writer wrote it.</summary>
    public static string FieldText(ByteMapLayer layer, ByteMapField field) =>
        field.Name + "=" + field.Value + (field.WrittenBy != layer.WrittenBy ? "*" : "");

    /// <summary>What the byte map says after a layer: "checksum good/bad/unverified/not present", the offload note, or "".</summary>
    public static string ChecksumNote(ByteMapLayer layer) => layer.Checksum switch
    {
        ChecksumStatus.None => "",
        _ when layer.ChecksumLeftForOffload => OffloadNote,
        var status => "checksum " + status.Word(),
    };

    /// <summary>The overhead percentage with one decimal, as the table and the JSON show it.</summary>
    public static string Overhead(SocketKindReport kind, int payloadLength) =>
        kind.OverheadPercent(payloadLength).ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>A kind's row of the summary table, aligned under <see cref="TableHeading"/>.</summary>
    public static string TableRow(SocketKindReport kind, int payloadLength) =>
        $"{Name(kind.Socket),-8}  {payloadLength,7}  {kind.WireBytes,11}  {kind.Packets.Count,7}  {Overhead(kind, payloadLength),7}%";
}
