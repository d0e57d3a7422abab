using System.CommandLine;
using RawNet.Output;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;

namespace RawNet.Cli.Commands;

/// <summary><c>rawnet read FILE</c>: prints each packet of a capture file as a summary line, a layer tree, fields or JSON.</summary>
public static class ReadCommand
{
    /// <summary>Builds the command; it prints through <paramref name="output"/> and reports problems on <paramref name="stderr"/>.</summary>
    public static Command Create(CommandOutput output, TextWriter stderr)
    {
        var file = CaptureInput.FilesArgument();
        var write = new Option<string>("-w", "--write") { Description = "With -T parquet: the Parquet file (NAME.parquet) or dataset directory (partitioned by date and hour) to write; it must not exist.", HelpName = "TARGET" };
        var count = new Option<long>("-c", "--count") { Description = "Stop after this many packets.", HelpName = "N" };
        var printing = new PrinterOptions(parquet: true);
        var noDefrag = new Option<bool>("--no-defrag") { Description = "Do not reassemble IP fragments." };
        var captureFilter = new Option<string>("-f", "--filter") { Description = "Keep only the packets this capture filter (tcpdump syntax, e.g. \"tcp port 80\") accepts; they keep their numbers in the file.", HelpName = "EXPR" };
        var displayFilter = new DisplayFilterOption();
        var dontVerify = CaptureInput.DontVerifyChecksumsOption();

        var command = new Command("read", "Read a capture file and print its packets, or write them as Parquet.") { file, count, write };
        printing.AddTo(command);
        command.Add(noDefrag);
        command.Add(captureFilter);
        command.Add(displayFilter.Option);
        command.Add(dontVerify);
        command.SetAction(parse =>
        {
            long limit = parse.GetValue(count);
            if (limit < 0)
                return PrinterOptions.Usage(stderr, "read", "-c needs a count of 0 or more");
            var paths = parse.GetValue(file)!;
            if (printing.IsParquet(parse))
                return ParquetExport.Run(parse, paths, parse.GetValue(write), limit, printing, displayFilter, captureFilter, !parse.GetValue(noDefrag), output, stderr);
            if (parse.GetValue(write) is not null)
                return PrinterOptions.Usage(stderr, "read", "-w writes Parquet: it needs -T parquet (to save packets as pcap, use rawnet capture -w or the UI's :w)");
            if (paths.Length > 1)
                return PrinterOptions.Usage(stderr, "read", "several files are read together only with -T parquet; give one FILE");
            var path = paths[0];
            var printer = printing.Create(parse, "read", stderr);
            if (printer is null)
                return ExitCode.Usage;
            AnnotateWithTcpInfo(printer, path, stderr);
            var filter = parse.GetValue(captureFilter) is { } expression ? new FrameFilter(expression) : null;
            if (!displayFilter.TryParse(parse, stderr, out var display))
                return ExitCode.Usage;
            // Conversations are followed only when something shown or filtered on needs them: plain summary lines do not.
            var tracker = printer.ShowsAnalysis || display?.UsesAnalysis == true ? new ConversationTracker() : null;
            bool expert = printer.ShowsExpert || display?.UsesExpert == true;
            RawNet.Output.Fields.ExpertAnalysis.AttachIf(expert, tracker);
            var sink = DisplayFilterOption.Apply(display, new PrintSink(printer, output.Writer), tracker);

            bool defragment = !parse.GetValue(noDefrag) && !PrinterOptions.PrintsEachFragment(printer);
            // Checksums are verified only when the printer shows verdicts, or a field or display filter reads them (*.checksum.status).
            bool verify = !parse.GetValue(dontVerify) && (printer.ShowsChecksums || expert || display?.UsesChecksums == true);
            return CaptureInput.Run(path, limit, defragment, sink, output, stderr, filter: filter, tracker: tracker,
                verifyChecksums: verify);
        });
        return command;
    }

    /// <summary>
    /// The tree and JSON printers show the sender's TCP_INFO sample nearest each packet it sent, when the file says it
    /// holds samples (rawnet lab traffic wrote it); looked for only then, so other files cost nothing more.
    /// </summary>
    private static void AnnotateWithTcpInfo(IPacketPrinter printer, string path, TextWriter stderr)
    {
        if (printer is not (RawNet.Output.Tree.TreePrinter or RawNet.Output.Json.JsonPrinter) || path == "-" || !File.Exists(path)
            || !RawNet.Files.PcapNg.TcpInfoFile.IsMarked(path))
            return;
        var series = RawNet.Files.PcapNg.TcpInfoFile.Read(path, out var problem);
        if (problem is not null)
            stderr.WriteLine("rawnet: " + problem);
        var annotation = new RawNet.Output.Kernel.TcpInfoAnnotation(series);
        if (printer is RawNet.Output.Tree.TreePrinter tree)
            tree.Annotation = annotation;
        else
            ((RawNet.Output.Json.JsonPrinter)printer).Annotation = annotation;
    }

    private sealed class PrintSink(IPacketPrinter printer, TextWriter writer) : IPacketSink
    {
        public void Accept(DecodedPacket packet, ReadOnlySpan<byte> frame) => printer.Print(packet, frame, writer);
    }
}
