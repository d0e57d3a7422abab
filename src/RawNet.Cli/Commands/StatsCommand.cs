using System.CommandLine;
using System.CommandLine.Parsing;
using RawNet.Output.Filters;
using RawNet.Output.Statistics;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;

namespace RawNet.Cli.Commands;

/// <summary>
/// <c>rawnet stats FILE</c>: protocol hierarchy, top conversations, checksum errors and decode outcomes of a capture; or,
/// with <c>--conv</c>, <c>--endpoints</c>, <c>--io</c> and <c>--expert</c>, the tables tshark prints for <c>-q -z</c>.
/// </summary>
public static class StatsCommand
{
    /// <summary>Builds the command; it prints through <paramref name="output"/> and reports problems on <paramref name="stderr"/>.</summary>
    public static Command Create(CommandOutput output, TextWriter stderr)
    {
        var file = CaptureInput.FileArgument();
        var noDefrag = new Option<bool>("--no-defrag") { Description = "Do not reassemble IP fragments." };
        var dontVerify = CaptureInput.DontVerifyChecksumsOption();
        var conv = new Option<string[]>("--conv")
        {
            Description = "Print the conversations of TYPE (eth, ip, ipv6, tcp, udp) in packets matching the display filter, if given, as tshark -q -z conv,TYPE[,FILTER]. Repeat for more tables.",
            HelpName = "TYPE[,FILTER]",
        };
        var endpoints = new Option<string[]>("--endpoints")
        {
            Description = "Print the endpoints of TYPE (eth, ip, ipv6, tcp, udp) as tshark -q -z endpoints,TYPE[,FILTER]. Repeat for more tables.",
            HelpName = "TYPE[,FILTER]",
        };
        var io = new Option<string[]>("--io")
        {
            Description = "Print frames and bytes per INTERVAL seconds (0: the whole capture), a column per display filter, as tshark -q -z io,stat,INTERVAL[,FILTER...]. Repeat for more tables.",
            HelpName = "INTERVAL[,FILTER...]",
        };
        var expert = new Option<bool>("--expert") { Description = "Print the expert information (TCP analysis, connection events, checksum and length problems) as tshark -q -z expert." };
        var tcpInfo = new Option<bool>("--tcp-info") { Description = "Print the sending kernel's TCP_INFO samples that rawnet lab traffic kept in the pcapng file (cwnd, ssthresh, SRTT, RTTVAR, RTO, ...), one row per sample." };
        var command = new Command("stats", "Summarise a capture file: protocols, conversations, errors; or print tshark's conversation, endpoint, interval and expert tables.")
        {
            file, noDefrag, dontVerify, conv, endpoints, io, expert, tcpInfo,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            bool defragment = !parse.GetValue(noDefrag), verify = !parse.GetValue(dontVerify);
            if (parse.GetValue(tcpInfo))
                return PrintTcpInfo(path, output, stderr);
            if (!TryBuildTables(parse, conv, endpoints, io, expert, stderr, out var tables))
                return ExitCode.Usage;
            if (tables is not null)
                return RunTables(path, tables, defragment, verify, output, stderr);

            var sink = new StatisticsSink();
            int code = CaptureInput.Run(path, 0, defragment, sink, output, stderr, tracker: new ConversationTracker(), verifyChecksums: verify);
            // A damaged file still gets the report of what could be read, before the error line.
            if (sink.Statistics.Packets > 0 || code == ExitCode.Success)
            {
                StatisticsPrinter.Print(sink.Statistics, path, output.Writer);
                output.Finish(code);
            }
            return code;
        });
        return command;
    }

    /// <summary>The TCP_INFO table; a file without samples (or one that cannot be read) is one line.</summary>
    private static int PrintTcpInfo(string path, CommandOutput output, TextWriter stderr)
    {
        long firstPacket;
        try
        {
            using var reader = RawNet.Files.CaptureFileReader.Open(path);
            firstPacket = reader.TryReadNext(out var frame) ? frame.Metadata.TimestampNanoseconds : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or RawNet.Files.CaptureFileException)
        {
            stderr.WriteLine($"rawnet: {path}: {e.Message}");
            return ExitCode.BadInput;
        }
        var series = RawNet.Files.PcapNg.TcpInfoFile.Read(path, out var problem);
        if (series.Count == 0)
        {
            stderr.WriteLine(problem is not null ? "rawnet: " + problem
                : $"rawnet: {path}: no TCP_INFO samples (rawnet lab traffic upload|download -w FILE.pcapng keeps the sender's)");
            return ExitCode.BadInput;
        }
        RawNet.Output.Statistics.TcpInfoTable.Print(series, firstPacket, output.Writer);
        output.Finish(ExitCode.Success);
        if (problem is not null)
        {
            stderr.WriteLine("rawnet: " + problem);
            return ExitCode.BadInput;
        }
        return ExitCode.Success;
    }

    private static int RunTables(string path, StatisticsTables tables, bool defragment, bool verify, CommandOutput output, TextWriter stderr)
    {
        var sink = new TablesSink(tables);
        int code = CaptureInput.Run(path, 0, defragment, sink, output, stderr, tracker: new ConversationTracker(), verifyChecksums: verify && tables.ChecksumsMatter);
        // A damaged file still gets the tables of what could be read.
        if (code != ExitCode.Success && sink.Packets == 0)
            return code;
        if (tables.TooManyIntervals() is { } tooFine)
        {
            stderr.WriteLine($"rawnet: --io: the capture spans more than {IntervalTally.MaxIntervals} intervals of {tooFine.Interval} µs; choose a longer interval");
            return ExitCode.Usage;
        }
        tables.Print(output.Writer);
        output.Finish(code);
        if (tables.Unlisted > 0)
            stderr.WriteLine($"rawnet: {tables.Unlisted} sightings of conversations or endpoints past the tables' bound of {ConversationTally.MaxRows} rows are not listed");
        return code;
    }

    /// <summary>
    /// The tables the command line asks for, in the order it asks (null when none); false after reporting a bad TYPE,
    /// interval or filter as one line.
    /// </summary>
    private static bool TryBuildTables(ParseResult parse, Option<string[]> conv, Option<string[]> endpoints, Option<string[]> io,
        Option<bool> expert, TextWriter stderr, out StatisticsTables? tables)
    {
        tables = null;
        var convValues = new Queue<string>(parse.GetValue(conv) ?? []);
        var endpointValues = new Queue<string>(parse.GetValue(endpoints) ?? []);
        var ioValues = new Queue<string>(parse.GetValue(io) ?? []);
        bool expertWanted = parse.GetValue(expert);
        if (convValues.Count + endpointValues.Count + ioValues.Count == 0 && !expertWanted)
            return true;
        tables = new StatisticsTables();
        // The options' order on the command line decides the tables' order, as several -z do for tshark.
        foreach (var token in parse.Tokens)
        {
            if (token.Type != TokenType.Option)
                continue;
            switch (token.Value)
            {
                case "--conv" when convValues.Count > 0:
                    if (!TryKind("--conv", convValues.Dequeue(), stderr, out var kind, out var filter))
                        return false;
                    tables.Add(new ConversationTally(kind, filter));
                    break;
                case "--endpoints" when endpointValues.Count > 0:
                    if (!TryKind("--endpoints", endpointValues.Dequeue(), stderr, out kind, out filter))
                        return false;
                    tables.Add(new EndpointTally(kind, filter));
                    break;
                case "--io" when ioValues.Count > 0:
                    string argument = ioValues.Dequeue();
                    if (!IntervalTally.TryParse(argument, out var interval, out string? error))
                    {
                        stderr.WriteLine($"rawnet: --io {argument}: {error}");
                        return false;
                    }
                    tables.Add(interval!);
                    break;
                case "--expert" when expertWanted:
                    tables.Add(new ExpertTally());
                    expertWanted = false;
                    break;
            }
        }
        return true;
    }

    private static bool TryKind(string option, string argument, TextWriter stderr, out TallyKind kind, out DisplayFilter? filter)
    {
        filter = null;
        int comma = argument.IndexOf(',');
        string name = comma < 0 ? argument : argument[..comma];
        if (!TallyKinds.TryParse(name, out kind))
        {
            stderr.WriteLine($"rawnet: {option} {argument}: unknown type \"{name}\" (eth, ip, ipv6, tcp, udp)");
            return false;
        }
        if (comma < 0)
            return true;
        string text = argument[(comma + 1)..];
        if (!DisplayFilter.TryParse(text, out filter, out var error))
        {
            stderr.WriteLine($"rawnet: {option} {argument}: {error.Message}");
            return false;
        }
        return true;
    }

    private sealed class StatisticsSink : IPacketSink
    {
        public CaptureStatistics Statistics { get; } = new();

        public void Accept(DecodedPacket packet, ReadOnlySpan<byte> frame) => Statistics.Add(packet, frame);
    }

    private sealed class TablesSink(StatisticsTables tables) : IPacketSink
    {
        public long Packets { get; private set; }

        public void Accept(DecodedPacket packet, ReadOnlySpan<byte> frame)
        {
            Packets++;
            tables.Add(packet, frame);
        }
    }
}
