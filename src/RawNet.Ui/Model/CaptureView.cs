using System.Globalization;
using RawNet.Files;
using RawNet.Output.Filters;
using RawNet.Output.Statistics;
using RawNet.Protocols.Conversations.Follow;
using RawNet.Protocols.Decoding;

namespace RawNet.Ui.Model;

/// <summary>
/// Everything the screen shows and the keys change: the packets shown (all, or those the display filter matches),
/// selection and scroll positions, follow mode, expanded tree layers, the focused pane, the filter being edited and its
/// validity, and the status text. Widgets only read it.
/// </summary>
/// <remarks>
/// The list shows the first <see cref="RevealedCount"/> frames of the index: all of them when browsing a file, every
/// frame indexed so far in a live capture (<see cref="Refresh"/>), and those up to the replay position during an
/// offline replay (<see cref="Reveal"/>).
/// </remarks>
public sealed class CaptureView
{
    private List<int>? _matches;
    private DisplayFilter? _filter;
    private int _matchedUpTo;
    private int _revealed;
    private int _shownCount;
    private IReadOnlyList<TreeLine>? _tree;
    private int _treeFrame = -1;
    private bool _treeProvisional;
    private int _statisticsCount = -1;
    private int _tablesCount = -1;
    private int _replaySpeed;
    private PacketDecoder? _matchDecoder;
    private DecodedPacket? _matchPacket;

    /// <summary>Finds the expert items of the frames <see cref="MatchNew"/> reads, for a filter on them (_ws.expert, _ws.malformed).</summary>
    private Protocols.Expert.ExpertFinder? _matchExpert;
    private byte[] _matchBuffer = [];

    /// <summary>Shows the frames of <paramref name="source"/>; <paramref name="sourceName"/> names it in the status bar.</summary>
    public CaptureView(PacketSource source, string sourceName)
    {
        Source = source;
        SourceName = sourceName;
        Status = source.Index.Damage ?? "";
        _revealed = _shownCount = source.Index.Count;
        source.DisplayedBefore = ShownBefore;
    }

    /// <summary>True while the Find bar (Ctrl-F) takes the keys.</summary>
    public bool EditingSearch { get; private set; }

    /// <summary>The text in the Find bar.</summary>
    public string SearchDraft { get; private set; } = "";

    /// <summary>What the Find bar looks for (Tab cycles).</summary>
    public SearchKind SearchKind { get; private set; }

    /// <summary>Where a string or regular expression is sought (Ctrl-T cycles).</summary>
    public SearchTarget SearchTarget { get; private set; }

    /// <summary>Why the draft cannot be searched for, or null.</summary>
    public string? SearchProblem { get; private set; }

    /// <summary>The last search applied (n and N repeat it), or null.</summary>
    public PacketSearch? Search { get; private set; }

    /// <summary>Ctrl-F: opens the Find bar with the last search's text.</summary>
    public void BeginSearch()
    {
        EditingSearch = true;
        SearchDraft = Search?.Text ?? SearchDraft;
        CheckSearch();
    }

    /// <summary>Replaces the Find bar's text (a key typed or erased).</summary>
    public void EditSearch(string draft)
    {
        SearchDraft = draft;
        CheckSearch();
    }

    /// <summary>Tab in the Find bar: string, hex, regex, display filter.</summary>
    public void CycleSearchKind()
    {
        SearchKind = PacketSearch.Next(SearchKind);
        CheckSearch();
    }

    /// <summary>Ctrl-T in the Find bar: the list, the details, the bytes.</summary>
    public void CycleSearchTarget() => SearchTarget = PacketSearch.Next(SearchTarget);

    /// <summary>Esc in the Find bar.</summary>
    public void CancelSearch()
    {
        EditingSearch = false;
        SearchProblem = null;
    }

    /// <summary>Enter in the Find bar: searches from the packet after the selected one; a draft that cannot be searched stays with its problem.</summary>
    public bool ApplySearch()
    {
        if (!PacketSearch.TryCreate(SearchKind, SearchTarget, SearchDraft, out var search, out string? problem))
        {
            SearchProblem = problem;
            Status = "Find: " + problem;
            return false;
        }
        EditingSearch = false;
        SearchProblem = null;
        Search = search;
        FindNext(forward: true);
        return true;
    }

    /// <summary>
    /// n / N: selects the next (or previous) shown packet the last search matches, going round past the end as Wireshark
    /// does, and says so; the status line says when none does.
    /// </summary>
    public void FindNext(bool forward)
    {
        if (Search is not { } search)
        {
            Status = "Nothing to find yet: Ctrl-F opens Find";
            return;
        }
        int count = ShownCount;
        int start = count == 0 ? 0 : Math.Clamp(Selected, 0, count - 1);
        for (int step = 1; step <= count; step++)
        {
            int row = ((start + (forward ? step : -step)) % count + count) % count;
            if (!search.Matches(Source, FrameAt(row)))
                continue;
            bool wrapped = forward ? row <= start : row >= start;
            Focus = Pane.Packets;
            Follow = false;
            Select(row);
            Status = $"Found {PacketSearch.Name(search.Kind)} \"{search.Text}\" in packet {FrameAt(row) + 1}" + (wrapped && row != start ? " (went round)" : "");
            return;
        }
        Status = $"No packet shown has {PacketSearch.Name(search.Kind)} \"{search.Text}\" in its {PacketSearch.Name(search.Target)}";
    }

    private void CheckSearch() =>
        SearchProblem = SearchDraft.Length == 0 || PacketSearch.TryCreate(SearchKind, SearchTarget, SearchDraft, out _, out string? problem) ? null : problem;

    /// <summary>The conversations and expert screens' rows (filled by <see cref="ComputeStatistics"/>).</summary>
    public TablesView Tables { get; } = new();

    /// <summary>Opens the conversations (C) or expert (E) screen, counting the tables first when the capture grew.</summary>
    public void OpenTables(ScreenKind screen)
    {
        ComputeStatistics(tables: true);
        Tables.Selected = 0;
        Tables.Top = 0;
        Screen = screen;
    }

    /// <summary>Enter on the conversations screen: the conversation's packets (its stream's display filter), back on the list.</summary>
    public void ShowSelectedConversation(IProgress<IndexProgress>? progress = null)
    {
        if (Tables.Conversations.Count == 0)
            return;
        var line = Tables.Conversations[Math.Clamp(Tables.Selected, 0, Tables.Conversations.Count - 1)];
        Screen = ScreenKind.Main;
        BeginFilter();
        EditFilter(TablesView.FilterFor(line));
        ApplyFilter(progress);
    }

    /// <summary>Enter on the expert screen: the item's first packet (shown without a filter if the filter hides it).</summary>
    public void ShowSelectedExpertItem()
    {
        if (Tables.Expert.Count == 0)
            return;
        var entry = Tables.Expert[Math.Clamp(Tables.Selected, 0, Tables.Expert.Count - 1)];
        Screen = ScreenKind.Main;
        int frame = (int)entry.FirstFrame - 1;
        int row = _matches is null ? frame : _matches.BinarySearch(frame);
        if (row < 0 || row >= ShownCount)
        {
            BeginFilter();
            EditFilter("");
            ApplyFilter();
        }
        GoToPacket(frame + 1);
    }

    /// <summary>Text copied by <c>y</c> and not yet handed to the terminal's clipboard (<see cref="TakeClipboard"/>), or null.</summary>
    public string? Clipboard { get; private set; }

    /// <summary>Copies <paramref name="kind"/> of the selected packet (<see cref="CopiedText"/>); the session hands it to the clipboard.</summary>
    public void Copy(CopyKind kind)
    {
        Clipboard = CopiedText.Of(this, kind, out string? problem);
        if (problem is not null)
            Status = problem;
    }

    /// <summary>The text copied since the last call, or null; forgets it.</summary>
    public string? TakeClipboard()
    {
        var text = Clipboard;
        Clipboard = null;
        return text;
    }

    /// <summary>Counts, marks and the ':' line of the vim-style keys.</summary>
    public VimMotions Vim { get; } = new();

    /// <summary>
    /// Selects packet <paramref name="number"/> (1-based, as the No. column): the row that shows it, or says in the status
    /// line that the filter hides it or that there is no such packet.
    /// </summary>
    public void GoToPacket(int number)
    {
        int frame = number - 1;
        if (frame < 0 || frame >= RevealedCount)
        {
            Status = RevealedCount == 0 ? "No packets" : $"No packet {number}: packets are 1 to {RevealedCount}";
            return;
        }
        int row = _matches is null ? frame : _matches.BinarySearch(frame);
        if (row < 0 || row >= ShownCount)
        {
            Status = $"Packet {number} is hidden by the filter";
            return;
        }
        Focus = Pane.Packets;
        Follow = false;
        Select(row);
    }

    /// <summary>The stream the follow screen shows (the <c>f</c> key), or null.</summary>
    public FollowedStream? Followed { get; private set; }

    /// <summary>The first line the follow screen shows.</summary>
    public int FollowTop { get; set; }

    /// <summary>
    /// Follows the selected packet's TCP or UDP stream (its innermost one): puts <c>tcp.stream eq N</c> (or udp) in the
    /// display filter, as Wireshark's Follow does, and opens the follow screen on the stream's data; Esc goes back to the
    /// packets, the filter kept. Says so in the status line when the packet is in no stream.
    /// </summary>
    public void FollowSelected(IProgress<IndexProgress>? progress = null)
    {
        if (SelectedFrame < 0)
        {
            Status = "No packet to follow";
            return;
        }
        int frame = SelectedFrame;
        var packet = Source.Decode(frame);
        var transports = packet.Analysis.Transports;
        FollowProtocol? protocol = null;
        uint stream = 0;
        for (int i = transports.Length - 1; i >= 0 && protocol is null; i--)
        {
            if (!transports[i].HasStream)
                continue;
            protocol = packet[transports[i].LayerIndex].Kind switch
            {
                LayerKind.Tcp => FollowProtocol.Tcp,
                LayerKind.Udp => FollowProtocol.Udp,
                _ => null,
            };
            stream = transports[i].Stream;
        }
        if (protocol is not { } followed)
        {
            Status = $"Packet {frame + 1} is in no TCP or UDP stream: nothing to follow";
            return;
        }
        // The stream is followed in the same pass that applies its filter.
        var following = FollowedStream.Start(followed, stream);
        BeginFilter();
        EditFilter(FollowedStream.FilterFor(followed, stream));
        if (!ApplyFilter(progress, following.Add))
            return;
        Followed = following.Finish();
        FollowTop = 0;
        Screen = ScreenKind.Follow;
    }

    /// <summary>The TCP stream graph the graph screen shows (the <c>T</c> key), or null.</summary>
    public StreamGraph? Graph { get; private set; }

    /// <summary>
    /// Opens the graph screen on the selected packet's TCP stream (its time-sequence graph first, the side that sent more
    /// data, as Wireshark), gathering the stream's segments from the stored analysis; the display filter is left alone.
    /// </summary>
    public void GraphSelected(IProgress<IndexProgress>? progress = null)
    {
        if (SelectedFrame < 0)
        {
            Status = "No packet to graph";
            return;
        }
        int frame = SelectedFrame;
        var packet = Source.Decode(frame);
        uint? stream = null;
        foreach (ref readonly var transport in packet.Analysis.Transports)
        {
            if (transport.HasStream && packet[transport.LayerIndex].Kind == LayerKind.Tcp)
                stream = transport.Stream;
        }
        if (stream is not { } number)
        {
            Status = $"Packet {frame + 1} is in no TCP stream: nothing to graph";
            return;
        }
        if (!DisplayFilter.TryParse($"tcp.stream eq {number}", out var filter, out _) || filter is null)
            return;
        var kind = Graph?.Kind ?? Output.Graphs.TcpGraphKind.TimeSequenceStevens;
        // The stream's segments are gathered in the same pass that finds its packets.
        var segments = new Output.Graphs.TcpStreamSegments(number);
        Match(filter, progress, segments.Add);
        Graph = StreamGraph.Build(segments, kind, KernelSamples());
        Screen = ScreenKind.Graph;
    }

    /// <summary>The TCP_INFO series the capture file keeps (read once, and only when its header says it has some).</summary>
    private IReadOnlyList<Protocols.Tcp.Kernel.TcpInfoSeries> KernelSamples() =>
        _kernelSamples ??= File.Exists(SourceName) && Files.PcapNg.TcpInfoFile.IsMarked(SourceName) ? Files.PcapNg.TcpInfoFile.Read(SourceName, out _) : [];

    private IReadOnlyList<Protocols.Tcp.Kernel.TcpInfoSeries>? _kernelSamples;

    /// <summary>Enter on the graph screen: back to the packets with the cursor's packet selected (shown without a filter if the filter hides it).</summary>
    public void JumpToGraphCursor()
    {
        if (Graph?.CursorFrame is not (>= 0 and var frame))
        {
            Status = "Move the cursor (h/l) onto a point first";
            return;
        }
        Screen = ScreenKind.Main;
        int row = _matches is null ? frame : _matches.BinarySearch(frame);
        if (row < 0 || row >= ShownCount)
        {
            BeginFilter();
            EditFilter("");
            ApplyFilter();
            row = frame;
        }
        Select(row);
        Status = $"Packet {frame + 1}, from the graph";
    }

    /// <summary>How the Time column is written (the <c>t</c> key cycles).</summary>
    public TimeFormat TimeFormat { get; private set; }

    /// <summary>Moves the Time column to the next of Wireshark's time display formats and says which in the status line.</summary>
    public void CycleTimeFormat()
    {
        TimeFormat = TimeFormats.Next(TimeFormat);
        Status = "Time: " + TimeFormats.Name(TimeFormat);
    }

    /// <summary>Frame <paramref name="frame"/>'s time as the Time column shows it now.</summary>
    public string TimeText(int frame)
    {
        var index = Source.Index;
        long now = index.MetadataOf(frame).TimestampNanoseconds;
        long previous = frame > 0 ? index.MetadataOf(frame - 1).TimestampNanoseconds : now;
        int shownBefore = TimeFormat == TimeFormat.SincePreviousDisplayed ? ShownBefore(frame) : -1;
        long displayed = shownBefore >= 0 ? index.MetadataOf(shownBefore).TimestampNanoseconds : now;
        return TimeFormats.Format(TimeFormat, now, index.FirstTimestamp, previous, displayed);
    }

    /// <summary>The frame shown in the row before frame <paramref name="frame"/>'s (-1 for the first row).</summary>
    private int ShownBefore(int frame)
    {
        if (_matches is null)
            return frame - 1;
        int row = _matches.BinarySearch(frame);
        row = row < 0 ? ~row : row;
        return row > 0 ? _matches[row - 1] : -1;
    }

    /// <summary>
    /// Selects the next (or previous) packet whose TCP analysis found something wrong (Wireshark's "Bad TCP": any
    /// analysis flag but window updates and keep-alives) among those shown; says so in the status bar when there is none.
    /// </summary>
    public void JumpToProblem(bool forward)
    {
        if (Source.Analysis is not { } analysis || ShownCount == 0)
            return;
        Focus = Pane.Packets;
        for (int frame = analysis.NextBad(SelectedFrame, forward); frame >= 0; frame = analysis.NextBad(frame, forward))
        {
            int row = _matches is null ? frame : _matches.BinarySearch(frame);
            if (row >= 0 && row < ShownCount)
            {
                Follow = false;
                Select(row);
                Status = $"Packet {frame + 1}: TCP analysis flags a problem";
                return;
            }
        }
        Status = forward ? "No packet after this one has a TCP analysis problem" : "No packet before this one has a TCP analysis problem";
    }

    /// <summary>Decodes the frames on screen.</summary>
    public PacketSource Source { get; }

    /// <summary>The file shown, or the interface captured.</summary>
    public string SourceName { get; }

    /// <summary>Frames in the file (indexed so far, for a live capture).</summary>
    public int TotalCount => Source.Index.Count;

    /// <summary>Frames the list may show: all of them, except during an offline replay (those up to its position).</summary>
    public int RevealedCount => _revealed;

    /// <summary>Rows in the packet list: the revealed frames, or those of them the display filter matched.</summary>
    public int ShownCount => _shownCount;

    /// <summary>The frame (0-based index in the file) at list row <paramref name="row"/>.</summary>
    public int FrameAt(int row) => _matches is null ? row : _matches[row];

    /// <summary>The live capture's figures for the status bar, or null when a file is shown.</summary>
    public LiveStatus? Live { get; set; }

    /// <summary>The offline replay under way, or null.</summary>
    public OfflineReplay? Replay { get; set; }

    /// <summary>The interfaces screen's state while it is open (or was last open).</summary>
    public InterfacePicker? Interfaces { get; set; }

    /// <summary>The craft screen's form and last result, or null before it was first opened (kept while the UI runs).</summary>
    public CraftForm? Craft { get; set; }

    /// <summary>The selected list row, or -1 when the list is empty.</summary>
    public int Selected { get; private set; }

    /// <summary>The first list row on screen.</summary>
    public int Top { get; private set; }

    /// <summary>Rows the packet list shows at once (set by the layout before each render; paging moves by it).</summary>
    public int PageSize { get; set; } = 10;

    /// <summary>
    /// When on, new frames (live capture, replay) move the selection to the last row; moving up turns it off, the last
    /// row (G, End) turns it on again.
    /// </summary>
    public bool Follow { get; set; }

    /// <summary>Layer indices expanded in the tree (kept as the selection moves, as Wireshark keeps them).</summary>
    public HashSet<int> Expanded { get; } = [];

    /// <summary>The highlighted line of the layer tree.</summary>
    public int TreeCursor { get; private set; }

    /// <summary>The first tree line on screen.</summary>
    public int TreeTop { get; private set; }

    /// <summary>Tree lines shown at once (set by the layout before each render).</summary>
    public int TreePageSize { get; set; } = 10;

    /// <summary>The first hex line on screen.</summary>
    public int HexTop { get; set; }

    /// <summary>The pane the arrow keys move in.</summary>
    public Pane Focus { get; private set; }

    /// <summary>The colours every widget draws with (<see cref="Theming.Theme.Monochrome"/> without colour).</summary>
    public Theming.Theme Theme { get; set; } = Theming.Theme.Dark;

    /// <summary>How the packet list, tree and bytes share the screen (<c>|</c>, <c>\</c>, <c>&lt;</c>, <c>&gt;</c>).</summary>
    public PaneLayout Layout { get; set; } = new();

    /// <summary>The columns screen's state once it was opened (L), or null.</summary>
    public ColumnEditor? ColumnEditor { get; private set; }

    /// <summary>L: the columns screen, starting from the columns shown now.</summary>
    public void OpenColumns()
    {
        ColumnEditor ??= new ColumnEditor(Source.Columns);
        Screen = ScreenKind.Columns;
    }

    /// <summary>Shows the columns screen's columns in the packet list at once.</summary>
    public void ApplyColumns()
    {
        if (ColumnEditor is { } editor)
            Source.Columns = editor.Columns;
    }

    /// <summary>The main screen, help, statistics or interfaces.</summary>
    public ScreenKind Screen { get; set; }

    /// <summary>The display filter applied now (empty: none).</summary>
    public string FilterText { get; private set; } = "";

    /// <summary>True while the filter bar has the keyboard.</summary>
    public bool EditingFilter { get; private set; }

    /// <summary>The text in the filter bar while editing.</summary>
    public string FilterDraft { get; private set; } = "";

    /// <summary>Why the draft does not parse (with the character offset), or null when it is valid or empty.</summary>
    public FilterError? FilterProblem { get; private set; }

    /// <summary>A line for the status bar: hints, errors, results of the last action.</summary>
    public string Status { get; set; }

    /// <summary>A running lab transfer's sender as <c>ss -ti</c> shows it (a line above the status bar), or null.</summary>
    public string? LabTransfer { get; set; }

    /// <summary>The <c>rawnet stats</c> report, once asked for.</summary>
    public IReadOnlyList<string>? StatisticsReport { get; private set; }

    /// <summary>The first line of the statistics screen shown (of the help screen, while it is open).</summary>
    public int StatisticsTop { get; set; }

    /// <summary>The frame selected (0-based in the file), or -1.</summary>
    public int SelectedFrame => ShownCount == 0 ? -1 : FrameAt(Selected);

    /// <summary>
    /// Whether rows or the tree on screen were made before the background analysis reached their frames and it has
    /// reached them now: the screen is to be drawn again, with what the analysis found.
    /// </summary>
    public bool AnalysisArrived => Source.HasStaleRows || _tree is not null && _treeProvisional && Source.IsAnalysed(_treeFrame);

    /// <summary>The tree of the selected frame, built again only when the selection or the expanded layers change (or its analysis arrives).</summary>
    public IReadOnlyList<TreeLine> Tree
    {
        get
        {
            int frame = SelectedFrame;
            if (frame < 0)
                return [];
            if (_tree is null || _treeFrame != frame || _treeProvisional && Source.IsAnalysed(frame))
            {
                _tree = Source.Tree(frame, Expanded);
                _treeProvisional = Source.LastDecodeProvisional;
                _treeFrame = frame;
                TreeCursor = Math.Clamp(TreeCursor, 0, Math.Max(0, _tree.Count - 1));
            }
            return _tree;
        }
    }

    /// <summary>The bytes the hex pane highlights: the tree line under the cursor (a layer's header or exactly one field's bytes).</summary>
    public (int Offset, int Length) Highlight
    {
        get
        {
            var tree = Tree;
            if (tree.Count == 0)
                return (0, 0);
            var line = tree[Math.Clamp(TreeCursor, 0, tree.Count - 1)];
            return (line.Offset, line.Length);
        }
    }

    /// <summary>Moves the selection by <paramref name="delta"/> rows in the focused pane (list, tree cursor or hex scroll).</summary>
    public void Move(int delta)
    {
        switch (Focus)
        {
            case Pane.Packets:
                if (delta < 0)
                    Follow = false;
                Select(Selected + delta);
                break;
            case Pane.Tree:
                SetTreeCursor(TreeCursor + delta);
                break;
            case Pane.Hex:
                int lines = SelectedFrame < 0 ? 0 : HexLines.LineCount(Source.Index.MetadataOf(SelectedFrame).CapturedLength, Geometry.Drawn ? Geometry.HexBytesPerLine : HexLines.BytesPerLine);
                HexTop = Math.Clamp(HexTop + delta, 0, Math.Max(0, lines - 1));
                break;
        }
    }

    /// <summary>Moves a page up (-1) or down (+1).</summary>
    public void Page(int direction) => Move(direction * Math.Max(1, Focus == Pane.Packets ? PageSize - 1 : 8));

    private void SetTreeCursor(int line)
    {
        int count = Tree.Count;
        TreeCursor = Math.Clamp(line, 0, Math.Max(0, count - 1));
        if (TreeCursor < TreeTop)
            TreeTop = TreeCursor;
        else if (TreeCursor >= TreeTop + TreePageSize)
            TreeTop = TreeCursor - TreePageSize + 1;
        TreeTop = Math.Clamp(TreeTop, 0, Math.Max(0, count - TreePageSize));
    }

    /// <summary>Selects the first row.</summary>
    public void First()
    {
        if (Focus == Pane.Tree)
            SetTreeCursor(0);
        else
        {
            Follow = false;
            Select(0);
        }
    }

    /// <summary>Selects the last row.</summary>
    public void Last()
    {
        if (Focus == Pane.Tree)
            SetTreeCursor(Tree.Count - 1);
        else
        {
            Follow = true;
            Select(ShownCount - 1);
        }
    }

    /// <summary>Selects list row <paramref name="row"/> (clamped) and scrolls it into view.</summary>
    public void Select(int row)
    {
        int count = ShownCount;
        Selected = count == 0 ? 0 : Math.Clamp(row, 0, count - 1);
        if (Selected < Top)
            Top = Selected;
        else if (Selected >= Top + PageSize)
            Top = Selected - PageSize + 1;
        Top = Math.Clamp(Top, 0, Math.Max(0, count - PageSize));
        if (Selected < Top)
            Top = Selected;
        HexTop = 0;
    }

    /// <summary>Where the main screen's panes were last drawn (mouse reports are matched against it).</summary>
    public PaneGeometry Geometry { get; set; }

    /// <summary>The pane border a mouse drag is moving.</summary>
    public PaneBorder Dragging { get; set; }

    /// <summary>Where and when (milliseconds; 0: none) the last press in a pane was, to tell a double click.</summary>
    public (int Column, int Row, long At) LastPress { get; set; }

    /// <summary>The first tree line shown in <paramref name="rows"/> lines: the scroll position, moved only if the cursor would be off screen.</summary>
    public int TreeFirstLine(int rows)
    {
        int top = Math.Clamp(TreeTop, Math.Max(0, TreeCursor - rows + 1), TreeCursor);
        return Math.Clamp(top, 0, Math.Max(0, Tree.Count - rows));
    }

    /// <summary>Makes <paramref name="pane"/> the one keys move in.</summary>
    public void FocusOn(Pane pane) => Focus = pane;

    /// <summary>A click on list row <paramref name="row"/>: selects it and gives the list the keys.</summary>
    public void ClickRow(int row)
    {
        if (row < 0 || row >= ShownCount)
            return;
        Focus = Pane.Packets;
        Follow = false;
        Select(row);
    }

    /// <summary>
    /// A click on tree line <paramref name="line"/>: moves the cursor there and gives the tree the keys; on a layer
    /// heading, or on the line the cursor was already on, it also opens or closes the layer as Enter does.
    /// </summary>
    public void ClickTree(int line)
    {
        if (line < 0 || line >= Tree.Count)
            return;
        bool again = Focus == Pane.Tree && line == TreeCursor;
        Focus = Pane.Tree;
        SetTreeCursor(line);
        if (again || Tree[line].Kind == TreeLineKind.Layer)
            ToggleExpand();
    }

    /// <summary>
    /// A click on byte <paramref name="offset"/> of the frame: the tree cursor goes to the innermost field holding it
    /// (the smallest, in the innermost layer whose header holds it; that layer is opened as needed), or to the layer's
    /// heading when no field does. False when no layer holds the byte.
    /// </summary>
    public bool SelectByte(int offset)
    {
        var tree = Tree;
        int layer = -1;
        foreach (var line in tree)
        {
            if (line.Kind == TreeLineKind.Layer && line.LayerIndex > layer && Holds(line, offset))
                layer = line.LayerIndex;
        }
        if (layer < 0)
            return false;
        if (Expanded.Add(layer))
        {
            InvalidateTree();
            tree = Tree;
        }
        int best = -1;
        for (int i = 0; i < tree.Count; i++)
        {
            var line = tree[i];
            if (line.LayerIndex != layer || !Holds(line, offset))
                continue;
            // The heading first; then any field holding the byte, the smallest winning (a flag inside its flags word).
            if (best < 0 || line.Kind != TreeLineKind.Layer && (tree[best].Kind == TreeLineKind.Layer || line.Length < tree[best].Length))
                best = i;
        }
        Focus = Pane.Tree;
        SetTreeCursor(best);
        return true;
    }

    private static bool Holds(TreeLine line, int offset) => line.Length > 0 && offset >= line.Offset && offset < line.Offset + line.Length;

    /// <summary>Enter: in the tree, opens or closes the layer under the cursor; in the packet list, opens every layer or closes them all.</summary>
    public void ToggleExpand()
    {
        var tree = Tree;
        if (tree.Count == 0)
            return;
        if (Focus == Pane.Tree)
        {
            int layer = tree[TreeCursor].LayerIndex;
            if (layer < 0)
                return;
            if (!Expanded.Remove(layer))
                Expanded.Add(layer);
            InvalidateTree();
            // Keep the cursor on the heading of the layer just closed.
            var lines = Tree;
            for (int i = 0; i < lines.Count; i++)
            {
                if (lines[i].Kind == TreeLineKind.Layer && lines[i].LayerIndex == layer)
                {
                    SetTreeCursor(i);
                    break;
                }
            }
            return;
        }
        // Every layer index a packet can have, so other packets' deeper layers open too.
        if (Expanded.Count > 0)
            Expanded.Clear();
        else
        {
            for (int i = 0; i < DecodedPacket.MaxLayers; i++)
                Expanded.Add(i);
        }
        InvalidateTree();
    }

    /// <summary>The clock replays run on (tests inject their own).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// p: starts a replay from the packet after the selected one (from the start when the last is selected), following
    /// the new packets; then pauses and resumes it. Not during a live capture.
    /// </summary>
    public void PlayPause()
    {
        if (Live is { Counters.Running: true })
        {
            Status = "Replay plays a file: stop the capture first (i)";
            return;
        }
        if (Replay is null || Replay.AtEnd && !Replay.Playing)
        {
            if (TotalCount == 0)
            {
                Status = "Nothing to replay";
                return;
            }
            int selected = SelectedFrame;
            int start = Replay is null && selected >= 0 && selected < TotalCount - 1 ? selected + 1 : 1;
            Replay = new OfflineReplay(Source.Index, Clock, start, Replay?.SpeedExponent ?? _replaySpeed);
            Follow = true;
            Reveal(start);
            Replay.Play();
            Status = "Replay: p pause, +/- speed, . step, Esc all packets";
            return;
        }
        Replay.Toggle();
    }

    /// <summary>+ and -: doubles or halves the replay speed.</summary>
    public void ChangeSpeed(bool faster)
    {
        if (Replay is null)
        {
            // Chosen before playing: the replay starts at this speed.
            _replaySpeed = Math.Clamp(_replaySpeed + (faster ? 1 : -1), OfflineReplay.SlowestExponent, OfflineReplay.FastestExponent);
            Status = $"Replay speed {OfflineReplay.Speed(_replaySpeed)}: p plays";
            return;
        }
        if (faster)
            Replay.Faster();
        else
            Replay.Slower();
    }

    /// <summary>. or n: shows the next packet of the replay at once.</summary>
    public void StepReplay()
    {
        if (Replay is null)
        {
            Status = "Press p to replay the capture; . then steps one packet";
            return;
        }
        if (Replay.Step())
            Reveal(Replay.Position);
    }

    /// <summary>Moves the replay on to the packets whose time has come; true when the list grew.</summary>
    public bool AdvanceReplay()
    {
        if (Replay is null || !Replay.Advance())
            return false;
        Reveal(Replay.Position);
        if (Replay.AtEnd)
            Status = "Replay finished: p plays it again from the start";
        return true;
    }

    /// <summary>Esc during a replay: ends it and shows every packet again.</summary>
    public bool EndReplay()
    {
        if (Replay is null)
            return false;
        _replaySpeed = Replay.SpeedExponent;
        Replay = null;
        Reveal(TotalCount);
        Status = "Replay ended";
        return true;
    }

    /// <summary>Tab: packets, tree, hex, and round again.</summary>
    public void NextPane() => Focus = Focus switch { Pane.Packets => Pane.Tree, Pane.Tree => Pane.Hex, _ => Pane.Packets };

    private void InvalidateTree() => _tree = null;

    /// <summary>Opens the filter bar for editing, starting from the filter applied now.</summary>
    public void BeginFilter()
    {
        EditingFilter = true;
        FilterDraft = FilterText;
        Check();
    }

    /// <summary>Replaces the draft (one key typed or erased) and checks it at once.</summary>
    public void EditFilter(string draft)
    {
        FilterDraft = draft;
        Check();
    }

    /// <summary>Esc: leaves the filter as it was.</summary>
    public void CancelFilter()
    {
        EditingFilter = false;
        FilterDraft = FilterText;
        FilterProblem = null;
    }

    /// <summary>Enter: applies a valid draft to every frame (a pass over the file); an invalid one stays in the bar with its error.</summary>
    public bool ApplyFilter(IProgress<IndexProgress>? progress = null) => ApplyFilter(progress, null);

    private bool ApplyFilter(IProgress<IndexProgress>? progress, MatchedPacket? matched)
    {
        Check();
        if (FilterProblem is not null)
        {
            Status = $"Filter error at {FilterProblem.Position}: {FilterProblem.Message}";
            return false;
        }
        EditingFilter = false;
        int frame = SelectedFrame;
        if (FilterDraft.Trim().Length == 0)
        {
            _matches = null;
            _filter = null;
            FilterText = "";
        }
        else
        {
            if (!DisplayFilter.TryParse(FilterDraft, out var filter, out _) || filter is null)
                return false;
            _filter = filter;
            _matches = Match(filter, progress, matched);
            _matchedUpTo = TotalCount;
            FilterText = FilterDraft;
        }
        CountShown();
        InvalidateTree();
        // Keep the selected frame when it is still shown, else the nearest after it (following new packets: the last one).
        int row = _matches is null ? Math.Max(frame, 0) : _matches.BinarySearch(Math.Max(frame, 0));
        Top = 0;
        bool following = Follow && (Live is not null || Replay is not null);
        Select(following ? ShownCount - 1 : row < 0 ? ~row : row);
        Status = FilterText.Length == 0 ? "Filter cleared"
            : _filter?.GaveUp is { } reason ? $"Filter applied: {ShownCount} of {RevealedCount} packets match, but {reason}: it matches nothing from there on"
            : $"Filter applied: {ShownCount} of {RevealedCount} packets match";
        return true;
    }

    /// <summary>
    /// Shows the frames indexed since the last call (a live capture's growing file): the display filter is run on the new
    /// ones only, and the selection moves to the last row when following. Returns how many frames were added.
    /// </summary>
    public int Refresh()
    {
        int added = Source.Index.Refresh();
        if (added > 0 || _revealed != TotalCount)
            Reveal(TotalCount);
        if (Source.Index.Damage is { } damage)
            Status = damage;
        return added;
    }

    /// <summary>Lets the list show the first <paramref name="count"/> frames (an offline replay's position, or every frame indexed).</summary>
    public void Reveal(int count)
    {
        _revealed = Math.Clamp(count, 0, TotalCount);
        if (_filter is not null && _matches is not null && _matchedUpTo < _revealed)
        {
            MatchNew(_filter, _matches, _matchedUpTo, _revealed);
            _matchedUpTo = _revealed;
        }
        CountShown();
        if (Follow)
            Select(ShownCount - 1);
        else
            Select(Selected);
    }

    private void CountShown()
    {
        if (_matches is null)
            _shownCount = _revealed;
        else
        {
            int at = _matches.BinarySearch(_revealed);
            _shownCount = at < 0 ? ~at : at;
        }
    }

    /// <summary>Runs <paramref name="filter"/> on frames <paramref name="from"/> to <paramref name="to"/>, each re-read by offset (a few at a time in live mode).</summary>
    private void MatchNew(DisplayFilter filter, List<int> matches, int from, int to)
    {
        _matchDecoder ??= new PacketDecoder(new DecoderOptions(Defragment: false, VerifyChecksums: Source.VerifyChecksums, FollowSessions: false));
        _matchPacket ??= new DecodedPacket();
        var index = Source.Index;
        for (int i = from; i < to; i++)
        {
            int length = index.ReadFrame(i, ref _matchBuffer);
            var metadata = index.MetadataOf(i);
            if (length < metadata.CapturedLength)
                metadata = metadata with { CapturedLength = length };
            var frame = _matchBuffer.AsSpan(0, length);
            _matchDecoder.Decode(frame, metadata, i + 1, _matchPacket);
            if (filter.UsesAnalysis)
                Source.Annotate(_matchPacket, i, matches.Count > 0 ? matches[^1] : -1);
            // the expert items read the analysis just restored; duplicate ARP addresses are remembered from the frames this finder saw
            if (filter.UsesExpert)
                (_matchExpert ??= RawNet.Output.Fields.ExpertAnalysis.CreateFinder()).Annotate(_matchPacket, frame);
            if (filter.Matches(_matchPacket, frame))
                matches.Add(i);
        }
    }

    private void Check()
    {
        if (FilterDraft.Trim().Length == 0 || DisplayFilter.TryParse(FilterDraft, out _, out var error))
            FilterProblem = null;
        else
            FilterProblem = error;
    }

    /// <summary>Told each packet a filter pass matched, in capture order, decoded and with its analysis restored.</summary>
    private delegate void MatchedPacket(DecodedPacket packet, ReadOnlySpan<byte> frame);

    /// <summary>
    /// The frames <paramref name="filter"/> matches, read in file order (no reassembly, as the list shows them); each
    /// match is also handed to <paramref name="matched"/>, so one pass serves a follow or a graph too.
    /// </summary>
    private List<int> Match(DisplayFilter filter, IProgress<IndexProgress>? progress, MatchedPacket? matched = null)
    {
        var matches = new List<int>();
        var decoder = new PacketDecoder(new DecoderOptions(Defragment: false, VerifyChecksums: Source.VerifyChecksums, FollowSessions: false));
        var packet = new DecodedPacket();
        using var reader = CaptureFileReader.Open(Source.Index.Path);
        int index = 0;
        bool analysed = filter.UsesAnalysis;
        var expert = filter.UsesExpert ? RawNet.Output.Fields.ExpertAnalysis.CreateFinder() : null;
        try
        {
            while (index < TotalCount && reader.TryReadNext(out var frame))
            {
                decoder.Decode(frame.Data, frame.Metadata, index + 1, packet);
                if (analysed)
                    Source.Annotate(packet, index, matches.Count > 0 ? matches[^1] : -1);
                expert?.Annotate(packet, frame.Data);
                if (filter.Matches(packet, frame.Data))
                {
                    matches.Add(index);
                    matched?.Invoke(packet, frame.Data);
                }
                index++;
                if ((index & 0xFFFF) == 0)
                    progress?.Report(new IndexProgress(index, TotalCount, index));
            }
        }
        catch (CaptureFileException)
        {
            // The index stopped at the same damage.
        }
        return matches;
    }

    /// <summary>
    /// Builds the statistics report of the revealed frames (again only when more have come): the same pass and the same
    /// text as <c>rawnet stats</c> (fragments reassembled); with <paramref name="tables"/>, the conversations and expert
    /// tables in the same pass. The tables are counted only when asked for: on a file of many short conversations
    /// they cost more than the whole report.
    /// </summary>
    public IReadOnlyList<string> ComputeStatistics(bool tables = false)
    {
        if (StatisticsReport is not null && _statisticsCount == RevealedCount && (!tables || _tablesCount == RevealedCount))
            return StatisticsReport;
        int limit = RevealedCount;
        var stats = new CaptureStatistics();
        var tcp = tables ? new ConversationTally(TallyKind.Tcp) : null;
        var udp = tables ? new ConversationTally(TallyKind.Udp) : null;
        var expert = tables ? new ExpertTally() : null;
        var decoder = new PacketDecoder(new DecoderOptions(Defragment: true, VerifyChecksums: Source.VerifyChecksums));
        // Without a background analysis (none was started) the pass follows the conversations itself.
        var tracker = Source.Analysis is null ? new Protocols.Conversations.ConversationTracker(http: false) : null;
        var packet = new DecodedPacket();
        var text = new StringWriter(CultureInfo.InvariantCulture);
        string? damage = null;
        using (var reader = CaptureFileReader.Open(Source.Index.Path))
        {
            try
            {
                long number = 0;
                // The background analysis has followed every conversation already (in the same file order, with the
                // same reassembly): its records are restored rather than tracking every conversation a second time,
                // which on a file of many conversations cost more than all the counting.
                // A live capture's file may end in a half-written record: stop at the frames indexed.
                while (number < limit && reader.TryReadNext(out var frame))
                {
                    decoder.Decode(frame.Data, frame.Metadata, ++number, packet);
                    if (tracker is null)
                        Source.Annotate(packet, (int)number - 1, (int)number - 2);
                    else
                        tracker.Analyze(packet, frame.Data);
                    stats.Add(packet, frame.Data);
                    tcp?.Add(packet, frame.Data);
                    udp?.Add(packet, frame.Data);
                    expert?.Add(packet, frame.Data);
                }
            }
            catch (CaptureFileException e)
            {
                damage = e.Message;
            }
        }
        StatisticsPrinter.Print(stats, Source.Index.Path, text);
        var lines = text.ToString().Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        if (damage is not null)
            lines.Add("rawnet: " + damage);
        StatisticsReport = lines;
        if (tables)
        {
            Tables.Load(tcp!, udp!, expert!);
            _tablesCount = limit;
        }
        _statisticsCount = limit;
        return lines;
    }
}
