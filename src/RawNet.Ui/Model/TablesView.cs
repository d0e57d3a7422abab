using RawNet.Output.Statistics;
using RawNet.Protocols;

namespace RawNet.Ui.Model;

/// <summary>One row of the conversations screen: a TCP or UDP conversation as tshark's <c>-z conv</c> counts it.</summary>
public readonly record struct ConversationLine(TallyKind Kind, ConversationRow Row);

/// <summary>How the conversations screen is sorted (the <c>o</c> key cycles, <c>r</c> reverses).</summary>
public enum ConversationSort : byte
{
    Bytes,
    Packets,
    Start,
    Duration,
    AddressA,
}

/// <summary>
/// The conversations screen (<c>C</c>) and the expert screen (<c>E</c>): tshark's conversation tables for TCP and UDP and
/// its expert information, counted in one pass (with the statistics screen's), a selected row each, sortable
/// conversations. Enter on a conversation shows its packets (the stream's display filter); on an expert item, its first
/// packet.
/// </summary>
public sealed class TablesView
{
    private ConversationLine[] _conversations = [];

    /// <summary>The conversations in the current order.</summary>
    public IReadOnlyList<ConversationLine> Conversations => _conversations;

    /// <summary>The expert items, errors first, then by count.</summary>
    public IReadOnlyList<ExpertEntry> Expert { get; private set; } = [];

    /// <summary>The column the conversations are sorted by.</summary>
    public ConversationSort Sort { get; private set; }

    /// <summary>Sorted from the largest (or latest, or last) down; <c>r</c> turns it round.</summary>
    public bool Descending { get; private set; } = true;

    /// <summary>The selected row of the screen shown.</summary>
    public int Selected { get; set; }

    /// <summary>The first row on screen.</summary>
    public int Top { get; set; }

    /// <summary>Takes the tallies of a statistics pass.</summary>
    public void Load(ConversationTally tcp, ConversationTally udp, ExpertTally expert)
    {
        _conversations = [.. tcp.Rows.ToArray().Select(r => new ConversationLine(TallyKind.Tcp, r)), .. udp.Rows.ToArray().Select(r => new ConversationLine(TallyKind.Udp, r))];
        Expert = [.. new[] { ExpertSeverity.Error, ExpertSeverity.Warning, ExpertSeverity.Note, ExpertSeverity.Chat }
            .SelectMany(s => expert.Entries(s).OrderByDescending(e => e.Frequency).ThenBy(e => e.FirstFrame))];
        Order();
    }

    /// <summary>The next sort column (descending first).</summary>
    public void NextSort()
    {
        Sort = (ConversationSort)(((int)Sort + 1) % 5);
        Descending = Sort != ConversationSort.AddressA;
        Order();
    }

    /// <summary>The same column the other way round.</summary>
    public void Reverse()
    {
        Descending = !Descending;
        Order();
    }

    /// <summary>Moves the selection by <paramref name="delta"/> rows of <paramref name="count"/>, keeping it within <paramref name="page"/> rows of the top.</summary>
    public void Move(int delta, int count, int page)
    {
        Selected = count == 0 ? 0 : Math.Clamp(Selected + delta, 0, count - 1);
        if (Selected < Top)
            Top = Selected;
        else if (Selected >= Top + page)
            Top = Selected - page + 1;
        Top = Math.Clamp(Top, 0, Math.Max(0, count - page));
    }

    /// <summary>The display filter that shows conversation <paramref name="line"/>'s packets.</summary>
    public static string FilterFor(in ConversationLine line) =>
        $"{(line.Kind == TallyKind.Tcp ? "tcp" : "udp")}.stream eq {line.Row.Stream}";

    private void Order()
    {
        Func<ConversationLine, IComparable> key = Sort switch
        {
            ConversationSort.Packets => l => l.Row.Frames,
            ConversationSort.Start => l => l.Row.Start,
            ConversationSort.Duration => l => l.Row.Stop - l.Row.Start,
            ConversationSort.AddressA => l => (TablePrinter.Address(l.Row.Family, l.Row.AddressA), l.Row.PortA),
            _ => l => l.Row.Bytes,
        };
        var ordered = Descending ? _conversations.OrderByDescending(key) : _conversations.OrderBy(key);
        _conversations = [.. ordered.ThenBy(l => l.Kind).ThenBy(l => l.Row.Stream)];
        Selected = 0;
        Top = 0;
    }
}
