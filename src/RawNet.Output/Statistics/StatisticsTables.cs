using RawNet.Output.Filters;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Statistics;

/// <summary>
/// The tables asked of <c>rawnet stats</c> (<c>--conv</c>, <c>--endpoints</c>, <c>--io</c>, <c>--expert</c>), in the order
/// asked: each analysed packet goes to all of them, and they print last first, as tshark prints several <c>-z</c>
/// tables. Every packet must have been through the conversation tracker (times, streams, TCP analysis).
/// </summary>
public sealed class StatisticsTables
{
    private readonly List<object> _tables = [];

    /// <summary>Tables asked for, in order.</summary>
    public IReadOnlyList<object> Tables => _tables;

    /// <summary>Adds a conversation table.</summary>
    public void Add(ConversationTally table) => Append(table);

    /// <summary>Adds an endpoint table.</summary>
    public void Add(EndpointTally table) => Append(table);

    /// <summary>Adds an interval table.</summary>
    public void Add(IntervalTally table) => Append(table);

    /// <summary>Adds an expert table.</summary>
    public void Add(ExpertTally table) => Append(table);

    private void Append(object table)
    {
        _tables.Add(table);
        // tshark builds a protocol tree when any table needs one (io,stat always does, and so does any filter); some
        // expert items exist only then.
        bool tree = _tables.Any(t => t is IntervalTally || FilterOf(t) is not null);
        foreach (var expert in _tables.OfType<ExpertTally>())
            expert.TreeBuilt = tree;
    }

    /// <summary>
    /// Whether a table can tell a verified checksum from an unverified one: the expert table (tshark checks ICMP checksums
    /// always) and any display filter (one may name a checksum status); I/O tables may carry filters. Plain conversation
    /// and endpoint tables count the same either way, and verifying every checksum is a fifth of their time.
    /// </summary>
    public bool ChecksumsMatter => _tables.Any(t => t is ExpertTally or IntervalTally || FilterOf(t) is not null);

    private static DisplayFilter? FilterOf(object table) => table switch
    {
        ConversationTally c => c.Filter,
        EndpointTally e => e.Filter,
        ExpertTally x => x.Filter,
        _ => null,
    };

    /// <summary>Counts one analysed packet in every table.</summary>
    public void Add(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        foreach (var table in _tables)
        {
            switch (table)
            {
                case ConversationTally c: c.Add(packet, frame); break;
                case EndpointTally e: e.Add(packet, frame); break;
                case IntervalTally i: i.Add(packet, frame); break;
                case ExpertTally x: x.Add(packet, frame); break;
            }
        }
    }

    /// <summary>
    /// An interval table that would print more than <see cref="IntervalTally.MaxIntervals"/> rows (its interval is too
    /// short for the capture), or null; check before <see cref="Print"/>.
    /// </summary>
    public IntervalTally? TooManyIntervals() =>
        _tables.OfType<IntervalTally>().FirstOrDefault(t => TablePrinter.IntervalRows(t) > (ulong)IntervalTally.MaxIntervals);

    /// <summary>Prints every table, the last asked for first (tshark's order).</summary>
    public void Print(TextWriter output)
    {
        for (int i = _tables.Count - 1; i >= 0; i--)
        {
            switch (_tables[i])
            {
                case ConversationTally c: TablePrinter.Write(c, output); break;
                case EndpointTally e: TablePrinter.Write(e, output); break;
                case IntervalTally t: TablePrinter.Write(t, output); break;
                case ExpertTally x: TablePrinter.Write(x, output); break;
            }
        }
    }

    /// <summary>Conversations and endpoints left out past the tables' bounds, all tables together.</summary>
    public long Unlisted => _tables.Sum(t => t switch { ConversationTally c => c.Unlisted, EndpointTally e => e.Unlisted, _ => 0L });
}
