using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Expert;

namespace RawNet.Output.Tree;

/// <summary>
/// One packet's expert items laid out for a tree (<c>-V</c>) or its JSON: the layer each belongs to, the field tshark
/// hangs it under (<see cref="ExpertPlacement"/>), and which were written already, so each is written once. Holds its
/// buffers across packets: laying out a packet allocates nothing.
/// </summary>
public sealed class ExpertLayout
{
    private readonly ExpertFinding[] _findings = new ExpertFinding[ExpertFinder.MaxFindingsPerPacket];
    private readonly int[] _layers = new int[ExpertFinder.MaxFindingsPerPacket];
    private readonly string?[] _parents = new string?[ExpertFinder.MaxFindingsPerPacket];
    private readonly char[] _text = new char[ExpertFields.MaxLength];
    /// <summary>The summaries of the items that quote the packet's bytes, written at <see cref="Begin"/> while the frame is at hand.</summary>
    private readonly char[] _quoted = new char[ExpertFinder.MaxFindingsPerPacket * ExpertItems.MaxSummaryLength];
    private readonly int[] _quotedLengths = new int[ExpertFinder.MaxFindingsPerPacket];
    private ulong _written;

    /// <summary>Number of the packet's items (0 when no finder looked at it).</summary>
    public int Count { get; private set; }

    /// <summary>The protocol of the packet's malformed exception ("[Malformed Packet: TCP]"), or null.</summary>
    public string? MalformedIn { get; private set; }

    /// <summary>The protocol that ran into the capture's end ("[Packet size limited during capture: TCP truncated]"), or null.</summary>
    public string? ShortIn { get; private set; }

    /// <summary>Lays out <paramref name="packet"/>'s items (none unless its analysis holds them).</summary>
    public void Begin(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        var analysis = packet.Analysis;
        _written = 0;
        Count = 0;
        MalformedIn = ShortIn = null;
        if (!analysis.HasExpert)
            return;
        MalformedIn = analysis.MalformedIn;
        ShortIn = analysis.ShortIn;
        var items = analysis.Expert;
        Count = Math.Min(items.Length, _findings.Length);
        items[..Count].CopyTo(_findings);
        ExpertPlacement.AssignLayers(packet, _findings.AsSpan(0, Count), _layers);
        for (int i = 0; i < Count; i++)
        {
            uint destinationPort = 0;
            if (_findings[i].Item == ExpertItem.UdpPossibleTraceroute && _layers[i] > 0
                && packet.HeaderOf(packet[_layers[i]], frame) is { Length: >= 4 } udp)
                destinationPort = BinaryPrimitives.ReadUInt16BigEndian(udp[2..]);
            _parents[i] = ExpertPlacement.ParentName(_findings[i], destinationPort);
            if (ExpertItems.Quotes(_findings[i].Item))
            {
                ExpertItems.TryWriteSummary(_findings[i], ExpertItems.Quoted(packet, frame, _findings[i]), QuotedRoom(i), out int written);
                _quotedLengths[i] = written;
            }
        }
    }

    /// <summary>Item <paramref name="index"/>.</summary>
    public ExpertFinding this[int index] => _findings[index];

    /// <summary>The layer item <paramref name="index"/> belongs to (0: after the layers).</summary>
    public int LayerOf(int index) => _layers[index];

    /// <summary>True once item <paramref name="index"/> was written.</summary>
    public bool Written(int index) => (_written & 1UL << index) != 0;

    /// <summary>Marks item <paramref name="index"/> written.</summary>
    public void MarkWritten(int index) => _written |= 1UL << index;

    /// <summary>
    /// The next item not yet written, from <paramref name="start"/> on, of layer <paramref name="layer"/> under
    /// <paramref name="parent"/> (any parent when <paramref name="anyParent"/>); -1 when none is left.
    /// </summary>
    /// <param name="start">The first item looked at.</param>
    /// <param name="layer">The layer.</param>
    /// <param name="parent">The field's name.</param>
    /// <param name="anyParent">True for any parent.</param>
    /// <param name="at">Where the field's line starts in the layer's buffer: an item that names its bytes hangs under the line that starts with them (<see cref="ExpertPlacement.HangsAt"/>); -1 for none.</param>
    public int Next(int start, int layer, string? parent, bool anyParent = false, int at = -1)
    {
        for (int i = Math.Max(0, start); i < Count; i++)
        {
            var finding = _findings[i];
            bool under = finding.Bytes.IsSet ? ExpertPlacement.HangsAt(finding, at) : string.Equals(_parents[i], parent, StringComparison.Ordinal);
            if (!Written(i) && _layers[i] == layer && (anyParent || under) && finding.Item != ExpertItem.TcpMalformed)
                return i;
        }
        return -1;
    }

    /// <summary>
    /// True when <paramref name="fieldName"/> in layer <paramref name="layer"/> is itself one of the packet's items under
    /// "[TCP Analysis Flags]" (tcp.analysis.lost_segment): tshark shows the item there, not a line of its own.
    /// </summary>
    public bool IsAnalysisFlagItem(string fieldName, int layer)
    {
        for (int i = 0; i < Count; i++)
        {
            if (_layers[i] == layer && string.Equals(_parents[i], ExpertPlacement.TcpAnalysisFlags, StringComparison.Ordinal)
                && string.Equals(ExpertPlacement.FieldName(_findings[i].Item), fieldName, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>The index of the malformed exception's item, or -1.</summary>
    public int MalformedItem => MalformedIn is not null && Count > 0 && _findings[Count - 1].Item == ExpertItem.TcpMalformed ? Count - 1 : -1;

    /// <summary>Item <paramref name="index"/>'s summary (valid until the next call).</summary>
    public ReadOnlySpan<char> Summary(int index)
    {
        if (ExpertItems.Quotes(_findings[index].Item))
            return QuotedRoom(index)[.._quotedLengths[index]];
        return ExpertItems.TryWriteSummary(_findings[index], _text, out int written) ? _text.AsSpan(0, written) : _text.AsSpan(0, 0);
    }

    /// <summary>Item <paramref name="index"/>'s line, "Expert Info (Warning/Sequence): summary" (valid until the next call).</summary>
    public ReadOnlySpan<char> Line(int index) =>
        ExpertItems.TryWriteLineOf(_findings[index], Summary(index), _text, out int written) ? _text.AsSpan(0, written) : _text.AsSpan(0, 0);

    private Span<char> QuotedRoom(int index) => _quoted.AsSpan(index * ExpertItems.MaxSummaryLength, ExpertItems.MaxSummaryLength);
}
