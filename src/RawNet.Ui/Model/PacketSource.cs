using System.Globalization;
using RawNet.Output.Summary;
using RawNet.Output.Tree;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Ui.Model;

/// <summary>
/// Decodes frames of a <see cref="CaptureIndex"/> on demand, one at a time, for the rows and the tree on screen; keeps the
/// last few hundred rows so scrolling back does not decode again.
/// </summary>
/// <remarks>
/// Frames are decoded one by one out of order, so IP fragments are not reassembled here (a fragment shows as a fragment;
/// <c>rawnet read</c> and the statistics screen do reassemble).
/// </remarks>
public sealed class PacketSource
{
    /// <summary>Rows kept decoded.</summary>
    public const int RowCacheSize = 512;

    private static readonly FieldDefinition[] Ipv4Source = Find("ip.src"), Ipv4Destination = Find("ip.dst");
    private static readonly FieldDefinition[] Ipv6Source = Find("ipv6.src"), Ipv6Destination = Find("ipv6.dst");
    private static readonly FieldDefinition[] EthernetSource = Find("eth.src"), EthernetDestination = Find("eth.dst");

    private readonly PacketDecoder _decoder;
    private readonly DecodedPacket _packet = new();
    // Rows are decoded out of order, so relative sequence numbers (which need every earlier packet) cannot be right: absolute, as tcpdump -S.
    private readonly SummaryPrinter _summary = new(new SummaryOptions(AbsoluteSequenceNumbers: true));
    private readonly StringWriter _summaryText = new(CultureInfo.InvariantCulture);
    private readonly Dictionary<int, PacketRow> _rows = [];
    private readonly Queue<int> _rowOrder = new();
    private byte[] _buffer = new byte[2048];
    private int _decoded = -1;
    private int _length;

    /// <summary>
    /// Reads from <paramref name="index"/>; <paramref name="verifyChecksums"/> is off for a live capture, whose outgoing
    /// packets are captured before the NIC fills in offloaded checksums (tshark does not flag them either).
    /// </summary>
    public PacketSource(CaptureIndex index, bool verifyChecksums = true, CaptureAnalysis? analysis = null)
    {
        Index = index;
        Analysis = analysis;
        VerifyChecksums = verifyChecksums;
        _decoder = new PacketDecoder(new DecoderOptions(Defragment: false, VerifyChecksums: verifyChecksums));
    }

    /// <summary>Whether checksums are verified (and bad ones marked).</summary>
    public bool VerifyChecksums { get; }

    /// <summary>The frames.</summary>
    public CaptureIndex Index { get; }

    /// <summary>Every frame's conversation analysis (computed in the background), or null when there is none.</summary>
    public CaptureAnalysis? Analysis { get; }

    /// <summary>
    /// The frame shown before frame N in the list (N - 1 without a display filter; the previous match with one), from
    /// which frame.time_delta_displayed is measured; set by the view.
    /// </summary>
    public Func<int, int> DisplayedBefore { get; set; } = frame => frame - 1;

    /// <summary>The decoded packet of the last <see cref="Decode"/>.</summary>
    public DecodedPacket Packet => _packet;

    /// <summary>The bytes of the frame last decoded.</summary>
    public ReadOnlySpan<byte> Frame => _buffer.AsSpan(0, _length);

    /// <summary>Decodes frame <paramref name="index"/> (0-based) into <see cref="Packet"/>, unless it is the one decoded last.</summary>
    public DecodedPacket Decode(int index)
    {
        if (index == _decoded)
            return _packet;
        _length = Index.ReadFrame(index, ref _buffer);
        var metadata = Index.MetadataOf(index);
        if (_length < metadata.CapturedLength)
            metadata = metadata with { CapturedLength = _length };
        _decoder.Decode(_buffer.AsSpan(0, _length), metadata, index + 1, _packet);
        Annotate(_packet, index, DisplayedBefore(index));
        _decoded = index;
        return _packet;
    }

    /// <summary>
    /// Gives frame <paramref name="index"/>, just decoded into <paramref name="packet"/>, what the conversation analysis
    /// found for it (waiting for the analysis to get there) and its frame times, frame.time_delta_displayed measured
    /// from frame <paramref name="displayedBefore"/> (-1: none). Nothing when there is no analysis.
    /// </summary>
    public void Annotate(DecodedPacket packet, int index, int displayedBefore)
    {
        if (Analysis is null)
            return;
        Analysis.WaitFor(index);
        if (!Analysis.TryRestore(index, packet.Analysis))
            return;
        long now = Index.MetadataOf(index).TimestampNanoseconds;
        long previous = index > 0 ? Index.MetadataOf(index - 1).TimestampNanoseconds : now;
        long displayed = displayedBefore >= 0 ? Index.MetadataOf(displayedBefore).TimestampNanoseconds : now;
        packet.Analysis.SetFrameTimes(now - Index.FirstTimestamp, now - previous, now - displayed);
    }

    /// <summary>The packet-list row of frame <paramref name="index"/>.</summary>
    public PacketRow Row(int index)
    {
        if (_rows.TryGetValue(index, out var row))
            return row;
        row = BuildRow(index);
        if (_rowOrder.Count >= RowCacheSize)
            _rows.Remove(_rowOrder.Dequeue());
        _rows[index] = row;
        _rowOrder.Enqueue(index);
        return row;
    }

    private PacketRow BuildRow(int index)
    {
        var packet = Decode(index);
        var frame = Frame;
        string source = "", destination = "";
        for (int i = packet.LayerCount - 1; i > 0 && source.Length == 0; i--)
        {
            ref readonly Layer layer = ref packet[i];
            if (layer.Quoted)
                continue;
            (source, destination) = layer.Kind switch
            {
                LayerKind.Ipv4 => (Text(Ipv4Source, packet, i, frame), Text(Ipv4Destination, packet, i, frame)),
                LayerKind.Ipv6 => (Text(Ipv6Source, packet, i, frame), Text(Ipv6Destination, packet, i, frame)),
                LayerKind.Ethernet => (Text(EthernetSource, packet, i, frame), Text(EthernetDestination, packet, i, frame)),
                _ => ("", ""),
            };
        }

        var top = TopLayer(packet);
        _summaryText.GetStringBuilder().Clear();
        _summary.Print(packet, frame, _summaryText);
        var info = _summaryText.ToString().TrimEnd('\n');
        // The summary opens with the time of day ("HH:MM:SS.ffffff "): the Time column already says when.
        if (info.Length > 16 && info[2] == ':' && info[15] == ' ')
            info = info[16..];
        info = WithoutAddresses(info, source, destination);
        var color = HasProblem(packet) ? RowColor.Problem : top switch
        {
            LayerKind.Tcp => RowColor.Tcp,
            LayerKind.Udp => RowColor.Udp,
            LayerKind.Arp => RowColor.Arp,
            LayerKind.Icmp or LayerKind.Icmpv6 => RowColor.Icmp,
            _ => RowColor.Other,
        };
        return new PacketRow(index + 1, Index.RelativeSeconds(index), source, destination, ProtocolColumn(top),
            packet.Metadata.OriginalLength, info, color);
    }

    /// <summary>
    /// The summary without the addresses the Source and Destination columns already show, ports kept, as Wireshark's
    /// Info column reads: "IP 198.18.0.1.40000 &gt; 198.18.0.2.80: Flags [S], ..." becomes "40000 &gt; 80: Flags [S], ...".
    /// Lines that do not start with exactly those addresses (VLAN, tunnels, ARP) are left whole.
    /// </summary>
    public static string WithoutAddresses(string info, string source, string destination)
    {
        if (source.Length == 0 || destination.Length == 0)
            return info;
        var rest = info.AsSpan();
        if (rest.StartsWith("IP "))
            rest = rest[3..];
        else if (rest.StartsWith("IP6 "))
            rest = rest[4..];
        else
            return info;
        if (!rest.StartsWith(source, StringComparison.Ordinal))
            return info;
        rest = rest[source.Length..];
        var sourcePort = Port(ref rest);
        if (!rest.StartsWith(" > ") || !rest[3..].StartsWith(destination, StringComparison.Ordinal))
            return info;
        rest = rest[(3 + destination.Length)..];
        var destinationPort = Port(ref rest);
        if (!rest.StartsWith(": "))
            return info;
        rest = rest[2..];
        return sourcePort.IsEmpty || destinationPort.IsEmpty ? rest.ToString() : $"{sourcePort} > {destinationPort}: {rest}";
    }

    /// <summary>A ".PORT" suffix (tcpdump's address.port), consumed; empty when there is none.</summary>
    private static ReadOnlySpan<char> Port(ref ReadOnlySpan<char> text)
    {
        if (text.Length < 2 || text[0] != '.' || !char.IsAsciiDigit(text[1]))
            return default;
        int end = 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
            end++;
        var port = text[1..end];
        text = text[end..];
        return port;
    }

    /// <summary>The innermost layer that is not payload nor quoted by an ICMP error.</summary>
    private static LayerKind TopLayer(DecodedPacket packet)
    {
        for (int i = packet.LayerCount - 1; i > 0; i--)
        {
            ref readonly Layer layer = ref packet[i];
            if (layer.Kind != LayerKind.Payload && !layer.Quoted)
                return layer.Kind;
        }
        return LayerKind.Frame;
    }

    /// <summary>The Protocol column: the protocol's filter name in capitals, as Wireshark shows "TCP", "ICMPv6".</summary>
    public static string ProtocolColumn(LayerKind kind) =>
        kind == LayerKind.Frame ? "FRAME" : FieldCatalog.ProtocolName(kind).ToUpperInvariant().Replace("V6", "v6", StringComparison.Ordinal);

    /// <summary>A bad checksum or a header cut short or malformed anywhere in the packet.</summary>
    public static bool HasProblem(DecodedPacket packet)
    {
        if (packet.Outcome is DecodeOutcome.Truncated or DecodeOutcome.Malformed)
            return true;
        foreach (ref readonly var layer in packet.Layers)
        {
            if (layer.Checksum == ChecksumStatus.Bad || layer.Status != LayerStatus.Complete)
                return true;
        }
        return false;
    }

    private static string Text(FieldDefinition[] fields, DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> frame)
    {
        foreach (var field in fields)
        {
            if (FieldReader.TryRead(field, packet, layerIndex, frame, 0, out var value))
                return FieldFormatter.Format(field, value, packet.BufferOf(packet[layerIndex], frame));
        }
        return "";
    }

    private static FieldDefinition[] Find(string name) => FieldCatalog.TryFind(name, out var fields) ? fields : [];

    /// <summary>The layer tree of frame <paramref name="index"/>: every layer's heading, and the fields of the layers in <paramref name="expanded"/>.</summary>
    public IReadOnlyList<TreeLine> Tree(int index, IReadOnlySet<int> expanded)
    {
        var packet = Decode(index);
        var frame = Frame;
        var lines = new List<TreeLine>();
        var metadata = packet.Metadata;
        for (int i = 0; i < packet.LayerCount; i++)
        {
            ref readonly Layer layer = ref packet[i];
            bool open = expanded.Contains(i);
            bool bad = layer.Checksum == ChecksumStatus.Bad;
            string heading = i == 0
                ? $"Frame {packet.FrameNumber}: {metadata.OriginalLength} bytes on wire ({metadata.OriginalLength * 8L} bits), {metadata.CapturedLength} bytes captured ({metadata.CapturedLength * 8L} bits)"
                : FieldCatalog.DisplayName(layer.Kind) + Marks(layer);
            int offset = i == 0 ? 0 : layer.Offset;
            int length = i == 0 ? frame.Length : layer.Source == LayerSource.Frame ? layer.HeaderLength : 0;
            lines.Add(new TreeLine(TreeLineKind.Layer, i, heading, offset, length, open, bad || layer.Status != LayerStatus.Complete));
            if (!open)
                continue;
            if (layer.Kind == LayerKind.Payload)
            {
                int shown = packet.HeaderOf(layer, frame).Length;
                lines.Add(new TreeLine(TreeLineKind.Field, i, $"{shown} byte{(shown == 1 ? "" : "s")}" + (layer.Extent > shown ? $" of {layer.Extent} captured" : ""), offset, length));
                continue;
            }
            var buffer = packet.BufferOf(layer, frame);
            FieldGroup? group = null;
            foreach (var field in FieldCatalog.ForLayer(layer.Kind))
            {
                // What a conversation makes of the packet comes from the analysis pass; without one it is left out.
                if (field.Computed == ComputedField.Analysis && !packet.Analysis.HasFrameTimes || !field.InTree)
                    continue;
                for (int n = 0; FieldReader.TryRead(field, packet, i, frame, n, out var value); n++)
                {
                    if (!ReferenceEquals(field.Group, group))
                    {
                        var state = (lines, i);
                        FieldGroup.Open(field.Group, group, ref state, static (heading, ref s) =>
                            s.lines.Add(new TreeLine(TreeLineKind.Note, s.i, Indent(heading.Depth - 1) + heading.Heading, 0, 0)));
                        group = field.Group;
                    }
                    string text = field.Kind switch
                    {
                        FieldKind.Boolean => $": {LayerNotes.Flag(value.Number)}",
                        FieldKind.Marker => "",
                        _ => ": " + FieldFormatter.Format(field, value, buffer),
                    };
                    bool inFrame = layer.Source == LayerSource.Frame;
                    lines.Add(new TreeLine(TreeLineKind.Field, i, $"{Indent(group?.Depth ?? 0)}{field.Label} ({field.Name}){text}", inFrame ? value.Offset : 0, inFrame ? value.Length : 0));
                    if (field.Kind == FieldKind.Marker)
                        break;
                }
            }
            if (LayerNotes.Checksum(layer) is { } checksum)
                lines.Add(new TreeLine(TreeLineKind.Note, i, checksum, 0, 0, Problem: bad));
            if (LayerNotes.Status(layer) is { } status)
                lines.Add(new TreeLine(TreeLineKind.Note, i, status, 0, 0, Problem: true));
        }
        if (packet.Outcome is not DecodeOutcome.Ok)
        {
            string outcome = packet.Outcome switch { DecodeOutcome.Truncated => "Truncated", DecodeOutcome.Malformed => "Malformed", _ => "Not decoded further" };
            lines.Add(new TreeLine(TreeLineKind.Note, -1, $"[{outcome}: {packet.StopReason ?? "decoding stopped"} ({FieldCatalog.ProtocolName(packet.StoppedAt)} at byte {packet.StopOffset})]",
                0, 0, Problem: packet.Outcome != DecodeOutcome.Unsupported));
        }
        return lines;
    }

    private static string Indent(int depth) => new(' ', depth * 4);

    private static string Marks(in Layer layer)
    {
        string marks = "";
        if (layer.Checksum == ChecksumStatus.Bad)
            marks += " [BAD CHECKSUM]";
        else if (layer.Checksum == ChecksumStatus.Offloaded)
            marks += " [checksum offloaded]";
        if (layer.Status == LayerStatus.Truncated)
            marks += " [TRUNCATED]";
        else if (layer.Status == LayerStatus.Malformed)
            marks += " [MALFORMED]";
        if (layer.Quoted)
            marks += " (quoted by the ICMP error)";
        return marks;
    }
}
