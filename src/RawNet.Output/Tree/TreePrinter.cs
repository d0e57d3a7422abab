using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Output.Tree;

/// <summary>
/// The layer tree (<c>rawnet read -V</c>, in the spirit of <c>tshark -V</c>): for each layer a heading with the bytes its
/// header occupies, then every field of that layer's field table as <c>Label (name): value  [first-last]</c>, the
/// checksum verdict, truncation and malformation marks, the payload, and why decoding stopped. Field names, labels and
/// positions all come from the field tables. A blank line follows each packet.
/// </summary>
public sealed class TreePrinter : IPacketPrinter
{
    /// <summary>Payload bytes shown in hex before the line is cut with "...".</summary>
    public const int PayloadBytesShown = 32;

    private const string Indent = "    ";
    private readonly TextLine _line = new();
    private char[] _scratch = [];
    private readonly ExpertLayout _expert = new();

    /// <summary>The layer whose fields are being printed (its expert items go under their parents' lines).</summary>
    private int _layer;

    /// <summary>Bytes before the frame's first byte in the buffer of the layer whose fields are printed (see <see cref="DecodedPacket.FrameStart"/>).</summary>
    private int _frameStart;

    /// <summary>What is known about packets besides their bytes (the sender's TCP_INFO), shown after the layers; null for none.</summary>
    public IPacketAnnotation? Annotation { get; set; }

    /// <inheritdoc />
    /// <remarks>The tree shows tshark's expert items, so the tracker finds them.</remarks>
    public bool ShowsExpert => true;

    /// <inheritdoc />
    public void Print(DecodedPacket packet, ReadOnlySpan<byte> frame, TextWriter output)
    {
        var line = _line;
        var metadata = packet.WiretapFrame;
        line.Clear();
        line.Append("Frame ");
        line.Append(packet.FrameNumber);
        line.Append(": ");
        line.Append(metadata.OriginalLength);
        line.Append(" bytes on wire (");
        line.Append(metadata.OriginalLength * 8L);
        line.Append(" bits), ");
        line.Append(metadata.CapturedLength);
        line.Append(" bytes captured (");
        line.Append(metadata.CapturedLength * 8L);
        line.Append(" bits)");
        line.WriteLineTo(output);
        _expert.Begin(packet, frame);
        AppendFields(packet, frame, 0, output);
        line.Append(Indent);
        line.Append("[Link type: ");
        line.Append(LinkTypeNames.Name(metadata.LinkType));
        line.Append(" (");
        line.Append((long)metadata.LinkType);
        line.Append(")]");
        line.WriteLineTo(output);
        if (packet.HasReassembledPayload)
        {
            line.Append(Indent);
            line.Append("[Completes an IP datagram reassembled from ");
            line.Append(packet.ReassembledFragmentCount);
            line.Append(" fragments]");
            line.WriteLineTo(output);
        }
        else if (packet.IsUnreassembledFragment)
            Line(output, "[IP fragment: its datagram is not complete yet, or reassembly is off]");

        for (int i = 1; i < packet.LayerCount; i++)
        {
            ref readonly Layer layer = ref packet[i];
            Heading(layer, packet.PositionOf(layer), packet.HeaderOf(layer, frame), output, Protocols.Sflow.SflowDatagram.IsSampled(packet, i));
            if (layer.Kind == LayerKind.Payload)
                AppendPayload(packet, frame, layer, output);
            else
                AppendFields(packet, frame, i, output);
            if (packet.IpDatagramAt(i) is { } datagram)
                AppendFragments(datagram, layer.Kind == LayerKind.Ipv4 ? "IPv4" : "IPv6", output);
            AppendStatus(layer, output);
        }
        AppendExceptions(output);

        if (packet.Outcome != DecodeOutcome.Ok)
        {
            line.Append('[');
            line.Append(packet.Outcome switch
            {
                DecodeOutcome.Truncated => "Truncated",
                DecodeOutcome.Malformed => "Malformed",
                _ => "Not decoded further",
            });
            line.Append(": ");
            line.Append(packet.StopReason ?? "decoding stopped");
            line.Append(" (");
            line.Append(FieldCatalog.ProtocolName(packet.StoppedAt));
            line.Append(" at byte ");
            line.Append(packet.StopOffset);
            line.Append(")]");
            line.WriteLineTo(output);
        }
        Annotation?.WriteTree(packet, frame, output);
        output.Write('\n');
    }

    /// <summary>
    /// tshark's subtree of a datagram this frame completed (epan/reassemble.c's <c>show_fragment_tree</c>): "[3 IPv4
    /// Fragments (3000 bytes): #1(1400), ...]", a line per fragment in offset order with its marks under it, the count,
    /// the length and the bytes (the first 36 in hex, then "…").
    /// </summary>
    private void AppendFragments(Protocols.Reassembly.FragmentedDatagram datagram, string version, TextWriter output)
    {
        var line = _line;
        line.Append(Indent);
        line.Append('[');
        line.Append((long)datagram.Count);
        line.Append(' ');
        line.Append(version);
        line.Append(datagram.Count == 1 ? " Fragment (" : " Fragments (");
        line.Append((long)datagram.Length);
        line.Append(datagram.Length == 1 ? " byte): " : " bytes): ");
        for (int i = 0; i < datagram.Count; i++)
        {
            if (i > 0)
                line.Append(", ");
            line.Append('#');
            line.Append(datagram.FrameOf(i));
            line.Append('(');
            line.Append((long)datagram.LengthOf(i));
            line.Append(')');
        }
        line.Append(']');
        line.WriteLineTo(output);
        for (int i = 0; i < datagram.Count; i++)
        {
            int offset = datagram.OffsetOf(i), length = datagram.LengthOf(i);
            line.Append(Indent);
            line.Append(Indent);
            line.Append("[Frame: ");
            line.Append(datagram.FrameOf(i));
            if (length == 0)
                line.Append(" (no data)]");
            else
            {
                line.Append(", payload: ");
                line.Append((long)offset);
                line.Append('-');
                line.Append((long)offset + length - 1);
                line.Append(" (");
                line.Append((long)length);
                line.Append(length == 1 ? " byte)]" : " bytes)]");
            }
            line.WriteLineTo(output);
            var marks = datagram.MarksOf(i);
            FragmentMark(marks, Protocols.Reassembly.FragmentMarks.Overlap, "[Fragment overlap: True]", output);
            FragmentMark(marks, Protocols.Reassembly.FragmentMarks.Conflict, "[Conflicting data in fragment overlap: True]", output);
            FragmentMark(marks, Protocols.Reassembly.FragmentMarks.MultipleTails, "[Multiple tail fragments found: True]", output);
            FragmentMark(marks, Protocols.Reassembly.FragmentMarks.TooLong, "[Fragment too long: True]", output);
        }
        FragmentsItem("[Fragment count: ", null, null);
        line.Append((long)datagram.Count);
        line.Append(']');
        line.WriteLineTo(output);
        FragmentsItem("[Reassembled ", version, " length: ");
        line.Append((long)datagram.Length);
        line.Append(']');
        line.WriteLineTo(output);
        FragmentsItem("[Reassembled ", version, " data: ");
        // tshark's bytes label: at most 36 bytes, then an ellipsis
        var data = datagram.Data;
        const int Shown = 36;
        Span<char> hex = stackalloc char[2 * Shown];
        Convert.TryToHexStringLower(data[..Math.Min(Shown, data.Length)], hex, out int written);
        line.Append(hex[..written]);
        if (data.Length > Shown)
            line.Append('…');
        line.Append(']');
        line.WriteLineTo(output);
    }

    private void FragmentsItem(string text, string? version, string? rest)
    {
        _line.Append(Indent);
        _line.Append(Indent);
        _line.Append(text);
        if (version is not null)
        {
            _line.Append(version);
            _line.Append(rest!);
        }
    }

    private void FragmentMark(Protocols.Reassembly.FragmentMarks marks, Protocols.Reassembly.FragmentMarks mark, string text, TextWriter output)
    {
        if ((marks & mark) == 0)
            return;
        _line.Append(Indent);
        _line.Append(Indent);
        _line.Append(Indent);
        _line.Append(text);
        _line.WriteLineTo(output);
    }

    private void Heading(in Layer layer, int position, ReadOnlySpan<byte> header, TextWriter output, bool sampled)
    {
        var line = _line;
        line.Append(FieldCatalog.DisplayName(layer, header));
        line.Append(' ');
        AppendRange(line, position, layer.HeaderLength);
        if (layer.Source == LayerSource.Reassembled)
            line.Append(" (in the reassembled datagram)");
        else if (layer.Source == LayerSource.Stream)
            line.Append(" (in the bytes of the TCP segments put together)");
        else if (layer.Source == LayerSource.Decompressed)
            line.Append(" (in the datagram rebuilt from 6LoWPAN's compressed header)");
        else if (layer.Source == LayerSource.SwappedFrameControl)
            line.Append(" (in a copy with the 802.11 frame control's bytes swapped back)");
        else if (layer.Source == LayerSource.QuicPlaintext)
            line.Append(" (in the decrypted QUIC Initial)");
        if (layer.Quoted)
            line.Append(sampled ? " (sampled by sFlow)" : " (quoted by the ICMP error)");
        line.WriteLineTo(output);
    }

    private void AppendFields(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, TextWriter output)
    {
        ref readonly Layer layer = ref packet[index];
        var buffer = packet.BufferOf(layer, frame);
        _frameStart = layer.Source == LayerSource.Frame ? packet.FrameStart : 0;
        _layer = index;
        if (OrderedItems.TryStart(packet, index, frame, out var items))
        {
            while (items.MoveNext())
            {
                if (items.Field.InTree)
                    AppendItem(packet, items.Field, items.Value, buffer, items.Depth + 1, output);
            }
            AppendExpertItems(null, 1, output, anyParent: true);
            return;
        }
        FieldGroup? group = null;
        foreach (var field in FieldCatalog.ForLayer(layer.Kind))
        {
            if (!field.InTree)
                continue;
            for (int occurrence = 0; FieldReader.TryRead(field, packet, index, frame, occurrence, out var value); occurrence++)
            {
                if (!ReferenceEquals(field.Group, group))
                {
                    var state = (this, output);
                    FieldGroup.Open(field.Group, group, ref state, static (heading, ref s) => s.Item1.Heading(heading, s.Item2));
                    group = field.Group;
                }
                AppendItem(packet, field, value, buffer, (group?.Depth ?? 0) + 1, output);
                // A marker says the same thing however often tshark adds it (a duplicate ACK's twice): one line.
                if (field.Kind == FieldKind.Marker)
                    break;
            }
        }
        // items whose parent is a line of tshark's own text (an option's subtree) stand under the layer's heading
        AppendExpertItems(null, 1, output, anyParent: true);
    }

    /// <summary>One field's line: "Label (name): value  [first-last]", or the line itself for a message's line, or a byte count.</summary>
    private void AppendItem(DecodedPacket packet, FieldDefinition field, in FieldValue value, ReadOnlySpan<byte> buffer, int depth, TextWriter output)
    {
        // A tcp.analysis.* flag is itself tshark's expert item: the items of "[TCP Analysis Flags]" stand in its place.
        if (_expert.Count > 0 && field.Kind == FieldKind.Marker && _expert.IsAnalysisFlagItem(field.Name, _layer))
        {
            AppendExpertItems(Protocols.Expert.ExpertPlacement.TcpAnalysisFlags, depth, output);
            return;
        }
        AppendFieldLine(packet, field, value, buffer, depth, output);
        if (_expert.Count > 0)
        {
            AppendExpertItems(field.Name, depth + 1, output, at: value.Offset);
            // tshark's "[TCP Flags: ...]" line, which RawNet's tree leaves out, follows FIN's: its items take its place
            if (field.Name == FlagsStringFollows)
                AppendExpertItems(FlagsString, depth, output);
        }
    }

    private const string FlagsStringFollows = "tcp.flags.fin";
    private const string FlagsString = "tcp.flags.str";

    private void AppendFieldLine(DecodedPacket packet, FieldDefinition field, in FieldValue value, ReadOnlySpan<byte> buffer, int depth, TextWriter output)
    {
        var line = _line;
        for (int d = 0; d < depth; d++)
            line.Append(Indent);
        if (field.TreeForm == TreeForm.Reassembly)
        {
            // tshark's own text: "TCP segment data (N bytes)", the reassembled segments' heading and the lines under it
            if (Protocols.Tcp.TcpReassemblyFields.UnderHeading(field))
                line.Append(Indent);
            int room = Protocols.Tcp.TcpReassemblyFields.MaxTreeLength(field, packet);
            if (_scratch.Length < room)
                _scratch = new char[room];
            line.Append(_scratch.AsSpan(0, Protocols.Tcp.TcpReassemblyFields.WriteTreeLine(field, value, packet, _scratch)));
            line.WriteLineTo(output);
            return;
        }
        if (field.TreeForm == TreeForm.Line)
            line.AppendField(field, value, buffer, packet);
        else
        {
            line.Append(field.Label);
            if (!field.TreeOnly)
            {
                line.Append(" (");
                line.Append(field.Name);
                line.Append(')');
            }
            if (field.Kind != FieldKind.Marker)
            {
                line.Append(": ");
                if (field.TreeForm == TreeForm.ByteCount)
                {
                    line.Append(value.Length);
                    line.Append(value.Length == 1 ? " byte" : " bytes");
                }
                else if (field.Kind == FieldKind.Boolean)
                    line.Append(LayerNotes.Flag(value.Number));
                else
                    line.AppendField(field, value, buffer, packet);
            }
        }
        if (value.Length > 0 && field.Kind != FieldKind.Marker)
        {
            line.Append("  ");
            // counted from the frame's first byte; the bytes before it (ERF's pseudo-header) are none of tshark's frame
            AppendRange(line, value.Offset - _frameStart, value.Offset < _frameStart ? 0 : value.Length);
        }
        line.WriteLineTo(output);
    }

    /// <summary>A subtree's heading line, indented by its depth.</summary>
    private void Heading(FieldGroup heading, TextWriter output)
    {
        for (int depth = 0; depth < heading.Depth; depth++)
            _line.Append(Indent);
        _line.Append(heading.Heading);
        _line.WriteLineTo(output);
    }

    /// <summary>The layer's expert items not yet shown under <paramref name="parent"/> (or under any), each as tshark's subtree.</summary>
    private void AppendExpertItems(string? parent, int depth, TextWriter output, bool anyParent = false, int at = -1)
    {
        for (int i = _expert.Next(0, _layer, parent, anyParent, at); i >= 0; i = _expert.Next(i + 1, _layer, parent, anyParent, at))
            AppendExpertItem(i, depth, output);
    }

    /// <summary>
    /// One expert item as tshark's <c>-V</c> shows it: "[Expert Info (Severity/Group): summary]", and under it the
    /// summary, "[Severity level: ...]" and "[Group: ...]".
    /// </summary>
    private void AppendExpertItem(int index, int depth, TextWriter output)
    {
        var line = _line;
        _expert.MarkWritten(index);
        var finding = _expert[index];
        Indented(depth);
        line.Append('[');
        line.Append(_expert.Line(index));
        line.Append(']');
        line.WriteLineTo(output);
        Indented(depth + 1);
        line.Append('[');
        line.Append(_expert.Summary(index));
        line.Append(']');
        line.WriteLineTo(output);
        Indented(depth + 1);
        line.Append("[Severity level: ");
        line.Append(Protocols.Expert.ExpertItems.SeverityName(Protocols.Expert.ExpertItems.Severity(finding.Item)));
        line.Append(']');
        line.WriteLineTo(output);
        Indented(depth + 1);
        line.Append("[Group: ");
        line.Append(Protocols.Expert.ExpertItems.GroupName(Protocols.Expert.ExpertItems.Group(finding.Item)));
        line.Append(']');
        line.WriteLineTo(output);
    }

    /// <summary>After the layers, as tshark: "[Malformed Packet: X]" with its exception's item, and "[Packet size limited during capture: X truncated]".</summary>
    private void AppendExceptions(TextWriter output)
    {
        var line = _line;
        if (_expert.MalformedIn is { } malformed)
        {
            line.Append("[Malformed Packet: ");
            line.Append(malformed);
            line.Append(']');
            line.WriteLineTo(output);
            if (_expert.MalformedItem is >= 0 and var item)
                AppendExpertItem(item, 1, output);
        }
        if (_expert.ShortIn is { } cut)
        {
            line.Append(Protocols.Expert.ExpertFields.ShortPrefix);
            line.Append(cut);
            line.Append(Protocols.Expert.ExpertFields.ShortSuffix);
            line.WriteLineTo(output);
        }
    }

    private void Indented(int depth)
    {
        for (int d = 0; d < depth; d++)
            _line.Append(Indent);
    }

    private void AppendPayload(DecodedPacket packet, ReadOnlySpan<byte> frame, in Layer layer, TextWriter output)
    {
        var line = _line;
        var bytes = packet.HeaderOf(layer, frame);
        line.Append(Indent);
        line.Append(bytes.Length);
        line.Append(bytes.Length == 1 ? " byte" : " bytes");
        if (layer.Extent > bytes.Length)
        {
            line.Append(" of ");
            line.Append(layer.Extent);
            line.Append(" captured");
        }
        if (bytes.Length > 0)
        {
            line.Append(": ");
            line.AppendHexBytes(bytes[..Math.Min(bytes.Length, PayloadBytesShown)]);
            if (bytes.Length > PayloadBytesShown)
                line.Append("...");
        }
        line.WriteLineTo(output);
    }

    private void AppendStatus(in Layer layer, TextWriter output)
    {
        if (layer.Checksum == ChecksumStatus.Bad)
        {
            // Written piecewise: printing a tree allocates nothing per packet, bad ones included.
            _line.Append(Indent);
            _line.Append(LayerNotes.BadChecksumPrefix);
            _line.AppendHex(layer.ExpectedChecksum, 4);
            _line.Append(']');
            _line.WriteLineTo(output);
        }
        else if (LayerNotes.Checksum(layer) is { } checksum)
            Line(output, checksum);
        if (LayerNotes.Status(layer) is { } status)
            Line(output, status);
    }

    private void Line(TextWriter output, string text)
    {
        _line.Append(Indent);
        _line.Append(text);
        _line.WriteLineTo(output);
    }

    private static void AppendRange(TextLine line, int offset, int length)
    {
        line.Append('[');
        if (length <= 0)
        {
            line.Append("no bytes]");
            return;
        }
        line.Append(offset);
        line.Append('-');
        line.Append(offset + length - 1);
        line.Append(']');
    }
}
