using System.CommandLine;
using RawNet.Output;
using RawNet.Output.Fields;
using RawNet.Output.Json;
using RawNet.Output.Summary;
using RawNet.Output.Tree;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Cli.Commands;

/// <summary><c>rawnet read FILE</c>: prints each packet of a capture file as a summary line, a layer tree, fields or JSON.</summary>
public static class ReadCommand
{
    /// <summary>Builds the command; it prints through <paramref name="output"/> and reports problems on <paramref name="stderr"/>.</summary>
    public static Command Create(CommandOutput output, TextWriter stderr)
    {
        var file = CaptureInput.FileArgument();
        var count = new Option<long>("-c", "--count") { Description = "Stop after this many packets.", HelpName = "N" };
        var verbose = new Option<bool>("-V", "--verbose") { Description = "Print every field of every layer as a tree (like tshark -V)." };
        var format = new Option<string>("-T", "--format") { Description = "Output format: text (default), fields (with -e) or json (one object per line).", HelpName = "text|fields|json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "fields", "json");
        var fields = new Option<string[]>("-e", "--field") { Description = "A field to print with -T fields (Wireshark name, e.g. ip.src); repeat for more.", HelpName = "FIELD" };
        var noDefrag = new Option<bool>("--no-defrag") { Description = "Do not reassemble IP fragments." };
        var displayFilter = new DisplayFilterOption();

        var command = new Command("read", "Read a capture file and print its packets.") { file, count, verbose, format, fields, noDefrag, displayFilter.Option };
        command.SetAction(parse =>
        {
            long limit = parse.GetValue(count);
            if (limit < 0)
                return Usage(stderr, "-c needs a count of 0 or more");
            string mode = parse.GetValue(format) ?? "text";
            string[] names = parse.GetValue(fields) ?? [];
            bool tree = parse.GetValue(verbose);
            if (tree && mode != "text")
                return Usage(stderr, "-V prints a tree; it cannot be combined with -T " + mode);
            if (names.Length > 0 && mode != "fields")
                return Usage(stderr, "-e needs -T fields");
            if (mode == "fields" && names.Length == 0)
                return Usage(stderr, "-T fields needs at least one -e FIELD");

            IPacketPrinter printer;
            if (mode == "fields")
            {
                if (!FieldSelection.TryCreate(names, out var selection, out string? unknown))
                    return UnknownField(stderr, unknown!);
                printer = new FieldsPrinter(selection);
            }
            else if (mode == "json")
                printer = new JsonPrinter();
            else if (tree)
                printer = new TreePrinter();
            else
                printer = new SummaryPrinter();

            if (!displayFilter.TryApply(parse, new PrintSink(printer, output.Writer), stderr, out var sink))
                return ExitCode.Usage;
            return CaptureInput.Run(parse.GetValue(file)!, limit, !parse.GetValue(noDefrag), sink, output, stderr);
        });
        return command;
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine("rawnet: " + message);
        stderr.WriteLine("Try 'rawnet read --help'.");
        return ExitCode.Usage;
    }

    private static int UnknownField(TextWriter stderr, string name)
    {
        stderr.WriteLine($"rawnet: unknown field '{name}'. Supported fields:");
        var line = new System.Text.StringBuilder("  ");
        foreach (var known in FieldCatalog.Names)
        {
            if (line.Length + known.Length + 1 > 78 && line.Length > 2)
            {
                stderr.WriteLine(line.ToString().TrimEnd());
                line.Clear().Append("  ");
            }
            line.Append(known).Append(' ');
        }
        stderr.WriteLine(line.ToString().TrimEnd());
        return ExitCode.Usage;
    }

    private sealed class PrintSink(IPacketPrinter printer, TextWriter writer) : IPacketSink
    {
        public void Accept(DecodedPacket packet, ReadOnlySpan<byte> frame) => printer.Print(packet, frame, writer);
    }
}
