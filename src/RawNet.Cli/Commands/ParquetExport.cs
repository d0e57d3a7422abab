using System.CommandLine;
using RawNet.Parquet;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;

namespace RawNet.Cli.Commands;

/// <summary>
/// <c>rawnet read FILE... -T parquet -w TARGET [-e FIELD]...</c>: every packet of every file, one row each, into one
/// Parquet file or a dataset directory partitioned by date and hour (<see cref="ParquetDataset"/>), with the default
/// columns (frame, addresses, ports, TCP flags and analysis) or the fields named; -Y, -f and -c apply as in read.
/// </summary>
internal static class ParquetExport
{
    public static int Run(ParseResult parse, string[] paths, string? target, long limit, PrinterOptions printing, DisplayFilterOption displayFilter,
        Option<string> captureFilter, bool defragment, CommandOutput output, TextWriter stderr)
    {
        if (target is null)
            return PrinterOptions.Usage(stderr, "read", "-T parquet needs -w TARGET (NAME.parquet for one file, or a directory for a dataset partitioned by date and hour)");
        if (printing.ShapesText(parse))
            return PrinterOptions.Usage(stderr, "read", "-V, -v, -S and -t... shape printed packets; -T parquet writes columns");
        var names = printing.FieldNames(parse);
        if (!ParquetColumns.TryCreate(names.Count > 0 ? names : ParquetColumns.DefaultNames, out var columns, out var unknown))
        {
            return PrinterOptions.Usage(stderr, "read", $"unknown field '{unknown}' (rawnet read -T fields -e {unknown} lists the supported ones)");
        }
        if (!displayFilter.TryParse(parse, stderr, out var display))
            return ExitCode.Usage;
        var filter = parse.GetValue(captureFilter) is { } expression ? new FrameFilter(expression) : null;
        ParquetDataset dataset;
        try
        {
            dataset = ParquetDataset.Create(target, columns);
        }
        catch (ParquetTargetException e)
        {
            stderr.WriteLine("rawnet: " + e.Message);
            return ExitCode.BadInput;
        }
        using (dataset)
        {
            int code = ExitCode.Success;
            try
            {
                foreach (var path in paths)
                {
                    // Each capture is its own world: its streams count from 0, as tshark numbers them per file.
                    var tracker = columns.UsesAnalysis || display?.UsesAnalysis == true ? new ConversationTracker() : null;
                    var sink = DisplayFilterOption.Apply(display, new Sink(dataset, Path.GetFileName(path)), tracker);
                    int read = CaptureInput.Run(path, limit, defragment, sink, output, stderr, filter: filter, tracker: tracker, verifyChecksums: false);
                    // A damaged capture gives the rows read before the damage (its error line is out); the others go on.
                    code = Math.Max(code, read);
                }
                dataset.Complete();
            }
            catch (ParquetTargetException e)
            {
                stderr.WriteLine("rawnet: " + e.Message);
                return ExitCode.BadInput;
            }
            stderr.WriteLine($"rawnet: wrote {dataset.Rows:N0} rows from {paths.Length} capture{(paths.Length == 1 ? "" : "s")} to {target}"
                + (dataset.IsOneFile ? "" : $" ({dataset.Files} file{(dataset.Files == 1 ? "" : "s")} in date=/hour= partitions)"));
            return code;
        }
    }

    private sealed class Sink(ParquetDataset dataset, string file) : IPacketSink
    {
        public void Accept(DecodedPacket packet, ReadOnlySpan<byte> frame) => dataset.Add(file, packet, frame);
    }
}
