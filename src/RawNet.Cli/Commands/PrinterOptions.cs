using System.CommandLine;
using RawNet.Capture.Sources;
using RawNet.Output;
using RawNet.Output.Columns;
using RawNet.Output.Fields;
using RawNet.Output.Json;
using RawNet.Output.Summary;
using RawNet.Output.Tree;
using RawNet.Protocols.Fields;

namespace RawNet.Cli.Commands;

/// <summary>The -T, -e, -V, -v, -S and -t... options every command that prints packets shares, and the one place that turns them into a printer.</summary>
public sealed class PrinterOptions
{
    private readonly Option<bool> _verbose = new("-V", "--verbose") { Description = "Print every field of every layer as a tree (like tshark -V)." };
    private readonly Option<string> _format = new("-T", "--format") { Description = "Output format: text (default), fields (with -e) or json (one object per line).", HelpName = "text|fields|json", DefaultValueFactory = _ => "text" };
    private readonly Option<bool> _detail = new("-v") { Description = "Summary lines as tcpdump -v prints them: IP header details and checksum verdicts." };
    private readonly Option<bool> _absolute = new("-S", "--absolute-tcp-sequence-numbers") { Description = "Print absolute TCP sequence numbers (like tcpdump -S), not relative to each connection's start." };
    // tcpdump's time stamp options, one per spelling as tcpdump documents them (-t to -ttttt).
    private readonly (Option<bool> Option, SummaryTimestamp Format)[] _timestamps =
    [
        (new Option<bool>("-t") { Description = "Summary lines without a time (like tcpdump -t)." }, SummaryTimestamp.None),
        (new Option<bool>("-tt") { Description = "Summary lines open with seconds since 1970 (like tcpdump -tt)." }, SummaryTimestamp.Epoch),
        (new Option<bool>("-ttt") { Description = "Summary lines open with the time since the previous line (like tcpdump -ttt)." }, SummaryTimestamp.SincePrevious),
        (new Option<bool>("-tttt") { Description = "Summary lines open with the date and time of day, UTC (like tcpdump -tttt)." }, SummaryTimestamp.DateAndTime),
        (new Option<bool>("-ttttt") { Description = "Summary lines open with the time since the first line (like tcpdump -ttttt)." }, SummaryTimestamp.SinceFirst),
    ];
    private readonly Option<string[]> _fields = new("-e", "--field") { Description = "A field to print with -T fields (Wireshark name, e.g. ip.src); repeat for more.", HelpName = "FIELD" };

    /// <summary>Creates the options; add them with <see cref="AddTo"/>. <paramref name="parquet"/>: -T parquet is offered too (read).</summary>
    public PrinterOptions(bool parquet = false)
    {
        if (parquet)
        {
            _format.Description = "Output format: text (default), fields (with -e), json (one object per line) or parquet (with -w; -e picks the columns).";
            _format.HelpName = "text|fields|json|parquet";
            _format.AcceptOnlyFromAmong("text", "fields", "json", "parquet");
        }
        else
            _format.AcceptOnlyFromAmong("text", "fields", "json");
    }

    /// <summary>Whether -T parquet was asked for.</summary>
    public bool IsParquet(ParseResult parse) => parse.GetValue(_format) == "parquet";

    /// <summary>The -e names given.</summary>
    public IReadOnlyList<string> FieldNames(ParseResult parse) => parse.GetValue(_fields) ?? [];

    /// <summary>Whether any option that shapes printed packets was given (-V, -v, -S, -t...).</summary>
    public bool ShapesText(ParseResult parse) =>
        parse.GetValue(_verbose) || parse.GetValue(_detail) || parse.GetValue(_absolute) || _timestamps.Any(t => parse.GetValue(t.Option));

    /// <summary>Adds -V, -v, -S, -T and -e to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(_verbose);
        command.Add(_detail);
        command.Add(_absolute);
        foreach (var (option, _) in _timestamps)
            command.Add(option);
        command.Add(_format);
        command.Add(_fields);
    }

    /// <summary>
    /// The printer the options ask for, or null after reporting a usage error on <paramref name="stderr"/> (-V with -T
    /// fields/json, -e without -T fields, -T fields without -e, an unknown field name); the exit code is then <see cref="ExitCode.Usage"/>.
    /// </summary>
    public IPacketPrinter? Create(ParseResult parse, string commandName, TextWriter stderr)
    {
        string mode = parse.GetValue(_format) ?? "text";
        string[] names = parse.GetValue(_fields) ?? [];
        bool tree = parse.GetValue(_verbose);
        bool summary = mode == "text" && !tree;
        // A loop, not Where/ToList: LINQ over this tuple type is not in the precompiled image, and its compilation
        // cost every run's start about a millisecond (docs/performance.md).
        var timestamps = new List<(Option<bool> Option, SummaryTimestamp Format)>(1);
        foreach (var timestamp in _timestamps)
        {
            if (parse.GetValue(timestamp.Option))
                timestamps.Add(timestamp);
        }
        if (timestamps.Count > 1)
        {
            Usage(stderr, commandName, $"{timestamps[0].Option.Name} and {timestamps[1].Option.Name} ask for different times; give one");
            return null;
        }
        if ((parse.GetValue(_detail) || parse.GetValue(_absolute) || timestamps.Count > 0) && !summary)
        {
            Usage(stderr, commandName, "-v, -S and -t... shape summary lines; they cannot be combined with -V or -T " + mode);
            return null;
        }
        if (tree && mode != "text")
        {
            Usage(stderr, commandName, "-V prints a tree; it cannot be combined with -T " + mode);
            return null;
        }
        if (names.Length > 0 && mode != "fields")
        {
            Usage(stderr, commandName, "-e needs -T fields");
            return null;
        }
        if (mode == "fields" && names.Length == 0)
        {
            Usage(stderr, commandName, "-T fields needs at least one -e FIELD");
            return null;
        }
        if (mode == "fields")
        {
            if (FieldSelection.TryCreate(names, out var selection, out string? unknown))
                return new FieldsPrinter(selection);
            UnknownField(stderr, unknown!);
            return null;
        }
        if (mode == "json")
            return new JsonPrinter();
        return tree ? new TreePrinter() : new SummaryPrinter(new SummaryOptions(
            Verbose: parse.GetValue(_detail),
            AbsoluteSequenceNumbers: parse.GetValue(_absolute),
            InterfaceName: NetworkInterfaces.NameOf,
            Timestamp: timestamps.Count > 0 ? timestamps[0].Format : SummaryTimestamp.TimeOfDay));
    }

    /// <summary>
    /// True when the printer shows packets as tcpdump does, fragment by fragment: summary lines are not reassembled,
    /// whatever --no-defrag says, because tcpdump does not reassemble.
    /// </summary>
    public static bool PrintsEachFragment(IPacketPrinter printer) => printer is SummaryPrinter;

    /// <summary>True when the options ask for checksum verdicts on summary lines (-v).</summary>
    public bool ShowsChecksums(ParseResult parse) => parse.GetValue(_detail);

    /// <summary>Reports a usage error of <c>rawnet COMMAND</c> and returns <see cref="ExitCode.Usage"/>.</summary>
    public static int Usage(TextWriter stderr, string commandName, string message)
    {
        stderr.WriteLine("rawnet: " + message);
        stderr.WriteLine($"Try 'rawnet {commandName} --help'.");
        return ExitCode.Usage;
    }

    private static void UnknownField(TextWriter stderr, string name)
    {
        stderr.WriteLine($"rawnet: unknown field '{name}'. Supported fields:");
        var line = new System.Text.StringBuilder("  ");
        foreach (var known in FieldCatalog.Names.Concat(PacketColumns.Names).Order(StringComparer.Ordinal))
        {
            if (line.Length + known.Length + 1 > 78 && line.Length > 2)
            {
                stderr.WriteLine(line.ToString().TrimEnd());
                line.Clear().Append("  ");
            }
            line.Append(known).Append(' ');
        }
        stderr.WriteLine(line.ToString().TrimEnd());
    }
}
