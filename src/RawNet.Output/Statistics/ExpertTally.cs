using System.Runtime.InteropServices;
using RawNet.Output.Filters;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Expert;

namespace RawNet.Output.Statistics;

/// <summary>One line of an <see cref="ExpertTally"/>: how often tshark's expert information names one thing.</summary>
public sealed class ExpertEntry(ExpertFinding finding, string summary)
{
    /// <summary>The entry of <paramref name="finding"/>, an item whose summary quotes nothing.</summary>
    public ExpertEntry(ExpertFinding finding)
        : this(finding, ExpertItems.Summary(finding))
    {
    }

    /// <summary>The item and its number.</summary>
    public ExpertFinding Finding { get; } = finding;

    /// <summary>How much it matters.</summary>
    public ExpertSeverity Severity => ExpertItems.Severity(Finding.Item);

    /// <summary>What it is about.</summary>
    public ExpertGroup Group => ExpertItems.Group(Finding.Item);

    /// <summary>The protocol that reports it, as tshark names it ("TCP", "IPv4").</summary>
    public string Protocol => ExpertItems.Protocol(Finding);

    /// <summary>tshark's words.</summary>
    public string Summary { get; } = summary;

    /// <summary>Packets (or, where one packet says it twice, times) it was found.</summary>
    public long Frequency { get; internal set; }

    /// <summary>The first frame it was found in.</summary>
    public long FirstFrame { get; internal init; }
}

/// <summary>
/// tshark 4.0's <c>-z expert</c>: every expert item the decoder and the conversation analysis find
/// (<see cref="ExpertFinder"/>), counted per severity in order of first appearance, by item and summary as tshark's table
/// counts them. Bounded: by the number of distinct items (a few hundred kinds and numbers), and for the items whose
/// summary quotes the packet (HTTP's request and status lines, SIP's unrecognised header names) by
/// <see cref="MaxQuotedTexts"/> distinct texts, past which a new text is counted in <see cref="QuotedTextsLeftOut"/>
/// only. Counting a known item or text allocates nothing; a new text costs its string once.
/// </summary>
public sealed class ExpertTally
{
    /// <summary>Distinct entries kept (a duplicate-ACK run numbered past this many is counted no further).</summary>
    public const int MaxEntries = 1 << 16;

    private readonly ExpertFinder _finder = new();
    private readonly ExpertFinding[] _findings = new ExpertFinding[ExpertFinder.MaxFindingsPerPacket];
    /// <summary>Distinct texts of quoting items kept (a capture with more distinct request lines lists the first this many).</summary>
    public const int MaxQuotedTexts = 10_000;

    private readonly Dictionary<ExpertFinding, ExpertEntry> _entries = [];
    // quoting items by their item and argument (three characters) and summary, looked up by a span written per packet
    private readonly Dictionary<string, ExpertEntry> _quoted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExpertEntry>.AlternateLookup<ReadOnlySpan<char>> _quotedBySpan;
    private readonly List<ExpertEntry>[] _bySeverity = [[], [], [], []];

    /// <summary>An expert table of the packets <paramref name="filter"/> passes (all when null).</summary>
    public ExpertTally(DisplayFilter? filter = null)
    {
        Filter = filter;
        _finder.TreeBuilt = filter is not null;
        _quotedBySpan = _quoted.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Findings of quoting items not listed because <see cref="MaxQuotedTexts"/> texts were listed before theirs.</summary>
    public long QuotedTextsLeftOut { get; private set; }

    /// <summary>The display filter a packet must pass, or null.</summary>
    public DisplayFilter? Filter { get; }

    /// <summary>
    /// True when tshark would build a protocol tree for this run (some other table needs one): a few items are only
    /// reported then (<see cref="ExpertFinder.TreeBuilt"/>). A filter on this table builds one too.
    /// </summary>
    public bool TreeBuilt
    {
        get => _finder.TreeBuilt;
        set => _finder.TreeBuilt = value || Filter is not null;
    }

    /// <summary>The entries of <paramref name="severity"/>, in order of first appearance.</summary>
    public IReadOnlyList<ExpertEntry> Entries(ExpertSeverity severity) => _bySeverity[(int)severity];

    /// <summary>Counts one analysed packet; call for every packet in capture order (the finder remembers ARP addresses).</summary>
    public void Add(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        // Every packet is looked at (duplicate ARP addresses are remembered whatever the filter), only matching ones count.
        int count = _finder.Find(packet, frame, _findings);
        if (Filter is not null && !Filter.Matches(packet, frame))
            return;
        for (int i = 0; i < count; i++)
        {
            var finding = _findings[i];
            if (ExpertItems.Quotes(finding.Item))
            {
                AddQuoted(packet, frame, finding);
                continue;
            }
            // where the item's bytes are says nothing of its summary
            finding = finding with { Bytes = default };
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, finding, out bool exists);
            if (!exists)
            {
                if (_entries.Count > MaxEntries)
                {
                    _entries.Remove(finding);
                    continue;
                }
                entry = new ExpertEntry(finding) { FirstFrame = packet.FrameNumber };
                _bySeverity[(int)entry.Severity].Add(entry);
            }
            entry!.Frequency++;
        }
    }

    private const int KeyPrefix = 3;

    /// <summary>Counts a finding whose summary quotes the packet under its text.</summary>
    private void AddQuoted(DecodedPacket packet, ReadOnlySpan<byte> frame, ExpertFinding finding)
    {
        // the key: the item and its argument (which may name the protocol), then the text
        Span<char> key = stackalloc char[KeyPrefix + ExpertItems.MaxSummaryLength];
        key[0] = (char)finding.Item;
        key[1] = (char)(finding.Argument >> 16);
        key[2] = (char)finding.Argument;
        if (!ExpertItems.TryWriteSummary(finding, ExpertItems.Quoted(packet, frame, finding), key[KeyPrefix..], out int written))
            return;
        key = key[..(KeyPrefix + written)];
        if (_quotedBySpan.TryGetValue(key, out var entry))
        {
            entry.Frequency++;
            return;
        }
        if (_quoted.Count >= MaxQuotedTexts)
        {
            QuotedTextsLeftOut++;
            return;
        }
        entry = new ExpertEntry(finding with { Bytes = default }, new string(key[KeyPrefix..])) { FirstFrame = packet.FrameNumber, Frequency = 1 };
        _quoted.Add(new string(key), entry);
        _bySeverity[(int)entry.Severity].Add(entry);
    }
}
