using System.Runtime.InteropServices;
using RawNet.Output.Filters;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Expert;

namespace RawNet.Output.Statistics;

/// <summary>One line of an <see cref="ExpertTally"/>: how often tshark's expert information names one thing.</summary>
public sealed class ExpertEntry(ExpertFinding finding)
{
    /// <summary>The item and its number.</summary>
    public ExpertFinding Finding { get; } = finding;

    /// <summary>How much it matters.</summary>
    public ExpertSeverity Severity => ExpertItems.Severity(Finding.Item);

    /// <summary>What it is about.</summary>
    public ExpertGroup Group => ExpertItems.Group(Finding.Item);

    /// <summary>The protocol that reports it, as tshark names it ("TCP", "IPv4").</summary>
    public string Protocol => ExpertItems.Protocol(Finding);

    /// <summary>tshark's words.</summary>
    public string Summary { get; } = ExpertItems.Summary(finding);

    /// <summary>Packets (or, where one packet says it twice, times) it was found.</summary>
    public long Frequency { get; internal set; }

    /// <summary>The first frame it was found in.</summary>
    public long FirstFrame { get; internal init; }
}

/// <summary>
/// tshark 4.0's <c>-z expert</c>: every expert item the decoder and the conversation analysis find
/// (<see cref="ExpertFinder"/>), counted per severity in order of first appearance. Bounded by the number of distinct
/// items (a few hundred kinds and numbers); counting a known item allocates nothing.
/// </summary>
public sealed class ExpertTally
{
    /// <summary>Distinct entries kept (a duplicate-ACK run numbered past this many is counted no further).</summary>
    public const int MaxEntries = 1 << 16;

    private readonly ExpertFinder _finder = new();
    private readonly ExpertFinding[] _findings = new ExpertFinding[ExpertFinder.MaxFindingsPerPacket];
    private readonly Dictionary<ExpertFinding, ExpertEntry> _entries = [];
    private readonly List<ExpertEntry>[] _bySeverity = [[], [], [], []];

    /// <summary>An expert table of the packets <paramref name="filter"/> passes (all when null).</summary>
    public ExpertTally(DisplayFilter? filter = null)
    {
        Filter = filter;
        _finder.TreeBuilt = filter is not null;
    }

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
}
