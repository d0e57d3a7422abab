using System.Globalization;
using RawNet.Output;
using RawNet.Output.Columns;
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

    /// <summary>
    /// How far ahead of the background analysis a frame shown on screen may be and still wait for it: the analysis gets
    /// through this many frames in a few tens of milliseconds. A frame further ahead (G right after opening a large file)
    /// is shown at once as decoded alone, and shown again with its analysis when the analysis reaches it.
    /// </summary>
    public const int AnalysisWaitWindow = 50_000;

    private static readonly FieldDefinition[] Ipv4Source = Find("ip.src"), Ipv4Destination = Find("ip.dst");
    private static readonly FieldDefinition[] Ipv6Source = Find("ipv6.src"), Ipv6Destination = Find("ipv6.dst");
    private static readonly FieldDefinition[] EthernetSource = Find("eth.src"), EthernetDestination = Find("eth.dst");

    private readonly PacketDecoder _decoder;
    private readonly DecodedPacket _packet = new();
    private readonly TextLine _info = new();
    private readonly Dictionary<int, PacketRow> _rows = [];
    private readonly Queue<int> _rowOrder = new();
    private byte[] _buffer = new byte[2048];
    private readonly HashSet<int> _provisionalRows = [];
    private readonly int _analysisWaitWindow;
    private int _decoded = -1;
    private bool _decodedProvisional;
    private int _length;

    /// <summary>
    /// Reads from <paramref name="index"/>; <paramref name="verifyChecksums"/> is off for a live capture, whose outgoing
    /// packets are captured before the NIC fills in offloaded checksums (tshark does not flag them either).
    /// </summary>
    public PacketSource(CaptureIndex index, bool verifyChecksums = true, CaptureAnalysis? analysis = null)
        : this(index, verifyChecksums, analysis, AnalysisWaitWindow)
    {
    }

    /// <summary>The same, waiting for the analysis only for frames less than <paramref name="analysisWaitWindow"/> ahead of it.</summary>
    internal PacketSource(CaptureIndex index, bool verifyChecksums, CaptureAnalysis? analysis, int analysisWaitWindow)
    {
        _analysisWaitWindow = analysisWaitWindow;
        Index = index;
        Analysis = analysis;
        VerifyChecksums = verifyChecksums;
        _decoder = new PacketDecoder(new DecoderOptions(Defragment: false, VerifyChecksums: verifyChecksums, FollowSessions: false));
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

    /// <summary>The user's colouring rules (the config file's), checked before Wireshark's default rules; set before the first row is built.</summary>
    public IReadOnlyList<ColoringRule> UserColoringRules { get; set; } = [];

    /// <summary>The packet list's columns, whose field columns each row's text is built for (rows built for other columns are forgotten).</summary>
    public ListColumns Columns
    {
        get => _columns;
        set
        {
            _columns = value;
            _rows.Clear();
            _rowOrder.Clear();
        }
    }

    private ListColumns _columns = ListColumns.Default;

    /// <summary>The decoded packet of the last <see cref="Decode"/>.</summary>
    public DecodedPacket Packet => _packet;

    /// <summary>The bytes of the frame last decoded.</summary>
    public ReadOnlySpan<byte> Frame => _buffer.AsSpan(0, _length);

    /// <summary>
    /// Decodes frame <paramref name="index"/> (0-based) into <see cref="Packet"/> for the screen, unless it is the one
    /// decoded last (and has not been analysed since). A frame far ahead of the background analysis is decoded without
    /// it (<see cref="AnalysisWaitWindow"/>): <see cref="LastDecodeProvisional"/> then says so until the analysis reaches it.
    /// </summary>
    public DecodedPacket Decode(int index)
    {
        if (index == _decoded && !(_decodedProvisional && IsAnalysed(index)))
            return _packet;
        _length = Index.ReadFrame(index, ref _buffer);
        var metadata = Index.MetadataOf(index);
        if (_length < metadata.CapturedLength)
            metadata = metadata with { CapturedLength = _length };
        _decoder.Decode(_buffer.AsSpan(0, _length), metadata, index + 1, _packet);
        bool annotated = Annotate(_packet, index, DisplayedBefore(index), wait: Analysis is { } analysis && index < analysis.AnalyzedCount + _analysisWaitWindow);
        // Without its analysis only while one is still to come (an analysis that stopped at damage never brings it).
        _decodedProvisional = !annotated && Analysis is { Finished: false };
        _decoded = index;
        return _packet;
    }

    /// <summary>Whether the last frame decoded for the screen was decoded without its analysis (far ahead of it).</summary>
    public bool LastDecodeProvisional => _decodedProvisional;

    /// <summary>Whether the background analysis has reached frame <paramref name="index"/> (always, without one).</summary>
    public bool IsAnalysed(int index) => Analysis is not { } analysis || index < analysis.AnalyzedCount || analysis.Finished;

    /// <summary>Whether a row kept for the screen was made before the analysis reached it and the analysis has reached it now: the screen is to be drawn again.</summary>
    public bool HasStaleRows
    {
        get
        {
            foreach (int index in _provisionalRows)
            {
                if (IsAnalysed(index))
                    return true;
            }
            return _decoded >= 0 && _decodedProvisional && IsAnalysed(_decoded);
        }
    }

    /// <summary>
    /// Gives frame <paramref name="index"/>, just decoded into <paramref name="packet"/>, what the conversation analysis
    /// found for it and its frame times, frame.time_delta_displayed measured from frame <paramref name="displayedBefore"/>
    /// (-1: none); waits for the analysis to get there unless <paramref name="wait"/> is false. False when the packet
    /// has no analysis (none yet, or none at all).
    /// </summary>
    public bool Annotate(DecodedPacket packet, int index, int displayedBefore, bool wait = true)
    {
        if (Analysis is null)
            return false;
        if (wait)
            Analysis.WaitFor(index);
        if (!Analysis.TryRestore(index, packet.Analysis))
            return false;
        Protocols.Conversations.TcpPayloadHandoff.Apply(packet);
        long now = Index.MetadataOf(index).TimestampNanoseconds;
        long previous = index > 0 ? Index.MetadataOf(index - 1).TimestampNanoseconds : now;
        long displayed = displayedBefore >= 0 ? Index.MetadataOf(displayedBefore).TimestampNanoseconds : now;
        packet.Analysis.SetFrameTimes(now - Index.FirstTimestamp, now - previous, now - displayed);
        return true;
    }

    /// <summary>The packet-list row of frame <paramref name="index"/>.</summary>
    public PacketRow Row(int index)
    {
        if (_rows.TryGetValue(index, out var row) && !(_provisionalRows.Contains(index) && IsAnalysed(index)))
            return row;
        bool cached = row is not null;
        row = BuildRow(index);
        if (_decodedProvisional)
            _provisionalRows.Add(index);
        else
            _provisionalRows.Remove(index);
        if (!cached && _rowOrder.Count >= RowCacheSize)
        {
            int evicted = _rowOrder.Dequeue();
            _rows.Remove(evicted);
            _provisionalRows.Remove(evicted);
        }
        _rows[index] = row;
        if (!cached)
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

        // Wireshark's Protocol and Info columns and its default colouring rules, as tshark writes them in one pass: the
        // analysis was restored into the packet by Decode, so relative numbers and tags are those of the whole file.
        _info.Clear();
        InfoColumn.Append(_info, packet, frame);
        return new PacketRow(index + 1, Index.RelativeSeconds(index), source, destination, Output.Columns.ProtocolColumn.Of(packet, frame),
            packet.Metadata.OriginalLength, _info.Text.ToString(), ColoringRules.Match(UserColoringRules, packet, frame), Columns.FieldTexts(packet, frame));
    }

    private static string Text(FieldDefinition[] fields, DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> frame)
    {
        foreach (var field in fields)
        {
            if (FieldReader.TryRead(field, packet, layerIndex, frame, 0, out var value))
                return FieldFormatter.Format(field, value, packet.BufferOf(packet[layerIndex], frame), packet);
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
            bool inFrame = layer.Source == LayerSource.Frame;
            if (OrderedItems.TryStart(packet, i, frame, out var items))
            {
                while (items.MoveNext())
                {
                    if (items.Field.InTree)
                        lines.Add(new TreeLine(TreeLineKind.Field, i, Indent(items.Depth) + ItemText(items.Field, items.Value, buffer, packet),
                            inFrame ? items.Value.Offset : 0, inFrame ? items.Value.Length : 0));
                }
                AddNotes(lines, layer, i, bad);
                continue;
            }
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
                    lines.Add(new TreeLine(TreeLineKind.Field, i, Indent(group?.Depth ?? 0) + ItemText(field, value, buffer, packet), inFrame ? value.Offset : 0, inFrame ? value.Length : 0));
                    if (field.Kind == FieldKind.Marker)
                        break;
                }
            }
            AddNotes(lines, layer, i, bad);
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

    /// <summary>A field's text in the tree: "Label (name): value", the line itself for a message's line, or a byte count.</summary>
    private static string ItemText(FieldDefinition field, in FieldValue value, ReadOnlySpan<byte> buffer, DecodedPacket packet)
    {
        if (field.TreeForm == TreeForm.Line)
            return FieldFormatter.Format(field, value, buffer, packet);
        string label = field.TreeOnly ? field.Label : $"{field.Label} ({field.Name})";
        return field.Kind switch
        {
            FieldKind.Marker => label,
            _ when field.TreeForm == TreeForm.ByteCount => $"{label}: {value.Length} byte{(value.Length == 1 ? "" : "s")}",
            FieldKind.Boolean => $"{label}: {LayerNotes.Flag(value.Number)}",
            _ => $"{label}: {FieldFormatter.Format(field, value, buffer, packet)}",
        };
    }

    private static void AddNotes(List<TreeLine> lines, in Layer layer, int index, bool bad)
    {
        if (LayerNotes.Checksum(layer) is { } checksum)
            lines.Add(new TreeLine(TreeLineKind.Note, index, checksum, 0, 0, Problem: bad));
        if (LayerNotes.Status(layer) is { } status)
            lines.Add(new TreeLine(TreeLineKind.Note, index, status, 0, 0, Problem: true));
    }

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
