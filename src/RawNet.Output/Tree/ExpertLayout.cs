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
    public int Next(int start, int layer, string? parent, bool anyParent = false)
    {
        for (int i = Math.Max(0, start); i < Count; i++)
        {
            if (!Written(i) && _layers[i] == layer && (anyParent || string.Equals(_parents[i], parent, StringComparison.Ordinal))
                && _findings[i].Item != ExpertItem.TcpMalformed)
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
    public ReadOnlySpan<char> Summary(int index) =>
        ExpertItems.TryWriteSummary(_findings[index], _text, out int written) ? _text.AsSpan(0, written) : _text.AsSpan(0, 0);

    /// <summary>Item <paramref name="index"/>'s line, "Expert Info (Warning/Sequence): summary" (valid until the next call).</summary>
    public ReadOnlySpan<char> Line(int index) =>
        ExpertItems.TryWriteLine(_findings[index], _text, out int written) ? _text.AsSpan(0, written) : _text.AsSpan(0, 0);
}
