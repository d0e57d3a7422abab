using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using RawNet.Output.Filters;
using RawNet.Output.Graphs;
using RawNet.Output.Graphs.Terminal;
using RawNet.Plotting;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;

namespace RawNet.Cli.Commands;

/// <summary>
/// <c>rawnet graph FILE --stream N --kind KIND</c>: one of Wireshark's five TCP stream graphs for a stream and direction;
/// <c>rawnet graph FILE --io INTERVAL</c>: the I/O graph. Drawn in the terminal, or into an SVG or PNG file with -o.
/// The command only reads the capture and picks options: the series come from <see cref="TcpGraphs"/> and
/// <see cref="IoGraph"/>, the drawing from <see cref="TerminalGraphRenderer"/> and <see cref="GraphFileWriter"/>.
/// </summary>
public static class GraphCommand
{
    private static readonly Dictionary<string, TcpGraphKind> Kinds = new()
    {
        ["tseq"] = TcpGraphKind.TimeSequenceStevens,
        ["tcptrace"] = TcpGraphKind.TimeSequenceTcptrace,
        ["throughput"] = TcpGraphKind.Throughput,
        ["rtt"] = TcpGraphKind.RoundTripTime,
        ["window"] = TcpGraphKind.WindowScaling,
    };

    /// <summary>Terminal size used when standard output is not a terminal.</summary>
    private const int DefaultColumns = 100, DefaultRows = 32;

    /// <summary>Builds the command; it prints through <paramref name="output"/> and reports problems on <paramref name="stderr"/>.</summary>
    public static Command Create(CommandOutput output, TextWriter stderr)
    {
        var file = CaptureInput.FileArgument();
        var kind = new Option<string>("--kind") { Description = "The TCP stream graph: tseq (Stevens), tcptrace, throughput, rtt or window.", HelpName = "tseq|tcptrace|throughput|rtt|window" };
        kind.AcceptOnlyFromAmong([.. Kinds.Keys]);
        var stream = new Option<long>("--stream") { Description = "The TCP stream (tcp.stream) to graph (default 0).", HelpName = "N" };
        var direction = new Option<string>("--direction") { Description = "Whose segments: client (sent the stream's first packet), server, or auto: the side that sent more data.", HelpName = "auto|client|server", DefaultValueFactory = _ => "auto" };
        direction.AcceptOnlyFromAmong("auto", "client", "server");
        var window = new Option<string>("--ma-window") { Description = "The throughput graph's moving-average window (default 1s, as Wireshark): seconds, or with a unit (100ms, 500us).", HelpName = "TIME" };
        var io = new Option<string>("--io") { Description = "Draw the I/O graph instead: packets (or --unit bytes, bits) per interval, e.g. 1s, 100ms, 0.01.", HelpName = "INTERVAL" };
        var filters = new Option<string[]>("--filter", "-Y") { Description = "With --io: a display filter whose matching packets make one series (up to five; without any, every packet).", HelpName = "EXPR", AllowMultipleArgumentsPerToken = false };
        var unit = new Option<string>("--unit") { Description = "With --io: count packets, bytes (frame.len) or bits per interval.", HelpName = "packets|bytes|bits", DefaultValueFactory = _ => "packets" };
        unit.AcceptOnlyFromAmong("packets", "bytes", "bits");
        var outputFile = new Option<string>("-o", "--output") { Description = "Write the graph to this file instead of the terminal: SVG or PNG by the name's extension.", HelpName = "FILE" };
        var width = new Option<int?>("--width") { Description = "Width: terminal columns (default: the terminal's, or 100), or file pixels (default 1200).", HelpName = "N" };
        var height = new Option<int?>("--height") { Description = "Height: terminal rows (default: the terminal's, or 32), or file pixels (default 700).", HelpName = "N" };
        var from = new Option<double?>("--from") { Description = "Show from this frame.time_relative (seconds) on.", HelpName = "SECONDS" };
        var to = new Option<double?>("--to") { Description = "Show up to this frame.time_relative (seconds).", HelpName = "SECONDS" };
        var cursor = new Option<double?>("--cursor") { Description = "Terminal form: put the cursor at this time and name the frame of the nearest point.", HelpName = "SECONDS" };
        var color = new Option<string>("--color") { Description = "Colour the terminal graph: auto (when standard output is a terminal), always or never.", HelpName = "auto|always|never", DefaultValueFactory = _ => "auto" };
        color.AcceptOnlyFromAmong("auto", "always", "never");
        var timings = new Option<bool>("--timings") { Hidden = true, Description = "Benchmark: print how long reading, the series and the drawing took to standard error." };
        var noDefrag = new Option<bool>("--no-defrag") { Description = "Do not reassemble IP fragments." };

        var command = new Command("graph", "Draw a TCP stream graph (time-sequence, throughput, RTT, window) or an I/O graph, in the terminal or to SVG/PNG.")
        {
            file, kind, stream, direction, window, io, filters, unit, outputFile, width, height, from, to, cursor, color, timings, noDefrag,
        };
        command.SetAction(parse =>
        {
            string? kindName = parse.GetValue(kind), ioText = parse.GetValue(io), path = parse.GetValue(outputFile);
            string[] filterTexts = parse.GetValue(filters) ?? [];
            if (kindName is null == (ioText is null))
                return Usage(stderr, kindName is null ? "give --kind KIND (a TCP stream graph) or --io INTERVAL (the I/O graph)" : "--kind and --io draw different graphs; give one of them");
            if (kindName is not null && filterTexts.Length > 0)
                return Usage(stderr, "--filter chooses the I/O graph's series; use it with --io");
            if (ioText is null && parse.GetResult(unit) is { Implicit: false })
                return Usage(stderr, "--unit is for the I/O graph (--io)");
            if (ioText is not null && (parse.GetResult(stream) is { Implicit: false } || parse.GetResult(direction) is { Implicit: false } || parse.GetValue(window) is not null))
                return Usage(stderr, "--stream, --direction and --ma-window are for the TCP stream graphs (--kind)");
            if (filterTexts.Length > IoGraph.MaxSeries)
                return Usage(stderr, $"at most {IoGraph.MaxSeries} --filter series");
            if (path is not null && !GraphFileWriter.IsSupported(path))
                return Usage(stderr, $"-o {path}: the file's name must end in .svg or .png");
            if (parse.GetValue(from) is { } start && parse.GetValue(to) is { } end && end <= start)
                return Usage(stderr, "--to must come after --from");
            if (parse.GetValue(width) is < 1 || parse.GetValue(height) is < 1)
                return Usage(stderr, "--width and --height must be positive");
            var view = new GraphView(parse.GetValue(from), parse.GetValue(to), parse.GetValue(cursor));
            var size = (parse.GetValue(width), parse.GetValue(height));
            bool defragment = !parse.GetValue(noDefrag);
            var clock = parse.GetValue(timings) ? Stopwatch.StartNew() : null;

            GraphModel graph;
            string capture = parse.GetValue(file)!;
            if (kindName is not null)
            {
                long streamNumber = parse.GetValue(stream);
                if (streamNumber is < 0 or > uint.MaxValue)
                    return Usage(stderr, "--stream needs a tcp.stream number (0 or more)");
                long averaging = TcpGraphOptions.DefaultAveragingWindow;
                if (parse.GetValue(window) is { } windowText && !TryParseDuration(windowText, out averaging))
                    return Usage(stderr, $"--ma-window {windowText}: give a positive time (1, 0.5s, 100ms, 250us)");
                var segments = new TcpStreamSegments((uint)streamNumber);
                var tracker = new ConversationTracker();
                int code = CaptureInput.Run(capture, 0, defragment, new SegmentSink(segments), output, stderr, tracker: tracker);
                if (code != ExitCode.Success)
                    return code;
                long readMs = clock?.ElapsedMilliseconds ?? 0;
                if (segments.Count == 0)
                {
                    string streams = tracker.TcpStreams == 0 ? "it has no TCP streams" : tracker.TcpStreams == 1 ? "its only one is 0" : $"its streams are 0 to {tracker.TcpStreams - 1}";
                    return Usage(stderr, $"{capture} has no TCP stream {streamNumber} ({streams})");
                }
                var side = parse.GetValue(direction) switch
                {
                    "client" => StreamDirection.FromClient,
                    "server" => StreamDirection.FromServer,
                    _ => segments.BusierDirection(),
                };
                var kernel = KernelSamplesFor(capture, segments, side, stderr);
                if (!TcpGraphs.TryBuild(segments, Kinds[kindName], side, new TcpGraphOptions(averaging, kernel), out graph, out string problem))
                    return CaptureInput.Fail(output, stderr, $"graph: stream {streamNumber} {problem}");
                graph = new GraphModel(graph.Title, graph.X, graph.Y, graph.Series, graph.Notes) { Subtitle = Path.GetFileName(capture) };
                return Draw(graph, path, size, view, parse.GetValue(color), output, stderr, clock, readMs);
            }

            if (!TryParseDuration(ioText!, out long interval))
                return Usage(stderr, $"--io {ioText}: give a positive interval (1, 1s, 100ms, 0.01)");
            var compiled = new List<DisplayFilter>();
            foreach (var text in filterTexts)
            {
                if (!DisplayFilter.TryParse(text, out var filter, out var error))
                {
                    stderr.WriteLine($"rawnet: --filter: {error.Message}");
                    return ExitCode.Usage;
                }
                compiled.Add(filter);
            }
            var value = parse.GetValue(unit) switch { "bytes" => IoGraphValue.Bytes, "bits" => IoGraphValue.Bits, _ => IoGraphValue.Packets };
            var ioGraph = new IoGraph(interval, value, compiled);
            var sink = new IoSink(ioGraph);
            int read = CaptureInput.Run(capture, 0, defragment, sink, output, stderr, tracker: new ConversationTracker());
            if (read != ExitCode.Success)
                return read;
            if (sink.Overflowed)
                return Usage(stderr, $"the capture lasts more than {IoGraph.MaxIntervals:N0} intervals of {TcpGraphs.FormatWindow(interval)}; give a longer --io interval");
            long ioReadMs = clock?.ElapsedMilliseconds ?? 0;
            string series = filterTexts.Length == 0 ? "every packet" : string.Join(", ", filterTexts.Select(f => $"\"{f}\""));
            graph = ioGraph.Build();
            graph = new GraphModel(graph.Title, graph.X, graph.Y, graph.Series, graph.Notes) { Subtitle = $"{Path.GetFileName(capture)}: {series}" };
            return Draw(graph, path, size, view, parse.GetValue(color), output, stderr, clock, ioReadMs);
        });
        return command;
    }

    /// <summary>
    /// The sending kernel's TCP_INFO samples for the graphed direction, when the file holds some (rawnet lab traffic
    /// kept them) and they are this direction's sender's; null otherwise (the graph is then the packets' alone).
    /// </summary>
    private static RawNet.Protocols.Tcp.Kernel.TcpInfoSeries? KernelSamplesFor(string capture, TcpStreamSegments segments, StreamDirection side, TextWriter stderr)
    {
        if (capture == "-" || !File.Exists(capture) || !RawNet.Files.PcapNg.TcpInfoFile.IsMarked(capture))
            return null;
        var all = RawNet.Files.PcapNg.TcpInfoFile.Read(capture, out var problem);
        if (problem is not null)
            stderr.WriteLine("rawnet: " + problem + " (the graph is drawn without the kernel's samples it could not read)");
        return all.FirstOrDefault(series => KernelGraphs.Sends(series, segments, side));
    }

    private static int Draw(GraphModel graph, string? path, (int? Width, int? Height) size, GraphView view, string? color, CommandOutput output,
        TextWriter stderr, Stopwatch? clock, long readMs)
    {
        long builtMs = clock?.ElapsedMilliseconds ?? 0;
        if (path is not null)
        {
            try
            {
                GraphFileWriter.Save(graph, path, size.Width ?? GraphFileWriter.DefaultWidth, size.Height ?? GraphFileWriter.DefaultHeight, view);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                return CaptureInput.Fail(output, stderr, $"graph: cannot write {path}: {Reason(e)}");
            }
        }
        else
        {
            bool terminal = !Console.IsOutputRedirected;
            int columns = size.Width ?? (terminal && Console.WindowWidth > 0 ? Console.WindowWidth : DefaultColumns);
            int rows = size.Height ?? (terminal && Console.WindowHeight > 1 ? Console.WindowHeight - 1 : DefaultRows);
            var rendered = TerminalGraphRenderer.Render(graph, columns, rows, view);
            AnsiGraphWriter.Write(rendered, output.Writer, LayerHexDump.ShouldColor(color));
            foreach (var note in graph.Notes)
                output.Writer.WriteLine("note: " + note);
            if (clock is not null)
            {
                // What a key in the UI costs: zoom into the middle tenth with the cursor in it, and draw again.
                long drawnMs = clock.ElapsedMilliseconds;
                double middle = (rendered.From + rendered.To) / 2;
                var zoomed = view.Zoom(rendered.From, rendered.To, middle, 0.1) with { Cursor = middle };
                TerminalGraphRenderer.Render(graph, columns, rows, zoomed);
                stderr.WriteLine($"read-ms {readMs} series-ms {builtMs - readMs} draw-ms {drawnMs - builtMs} zoomed-draw-ms {clock.ElapsedMilliseconds - drawnMs}");
                return ExitCode.Success;
            }
        }
        if (clock is not null)
            stderr.WriteLine($"read-ms {readMs} series-ms {builtMs - readMs} draw-ms {clock.ElapsedMilliseconds - builtMs}");
        return ExitCode.Success;
    }

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "Permission denied",
        DirectoryNotFoundException => "No such directory",
        FileNotFoundException => "No such file or directory",
        _ => e.Message,
    };

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine("rawnet: graph: " + message);
        return ExitCode.Usage;
    }

    /// <summary>"1", "0.5", "1s", "100ms", "250us" (or µs) as nanoseconds; false unless positive.</summary>
    public static bool TryParseDuration(string text, out long nanoseconds)
    {
        nanoseconds = 0;
        string number = text.Trim();
        double factor = 1e9;
        foreach (var (suffix, scale) in new[] { ("ms", 1e6), ("us", 1e3), ("µs", 1e3), ("ns", 1.0), ("s", 1e9) })
        {
            if (number.EndsWith(suffix, StringComparison.Ordinal))
            {
                number = number[..^suffix.Length];
                factor = scale;
                break;
            }
        }
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) || !(value > 0))
            return false;
        double result = Math.Round(value * factor);
        if (result < 1 || result > long.MaxValue / 2)
            return false;
        nanoseconds = (long)result;
        return true;
    }

    private sealed class SegmentSink(TcpStreamSegments segments) : IPacketSink
    {
        public void Accept(DecodedPacket packet, ReadOnlySpan<byte> frame) => segments.Add(packet, frame);
    }

    private sealed class IoSink(IoGraph graph) : IPacketSink
    {
        public bool Overflowed { get; private set; }

        public void Accept(DecodedPacket packet, ReadOnlySpan<byte> frame)
        {
            if (!Overflowed && !graph.Add(packet, frame))
                Overflowed = true;
        }
    }
}
