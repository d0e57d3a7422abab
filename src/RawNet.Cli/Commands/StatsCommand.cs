using System.CommandLine;
using RawNet.Output.Statistics;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;

namespace RawNet.Cli.Commands;

/// <summary><c>rawnet stats FILE</c>: protocol hierarchy, top conversations, checksum errors and decode outcomes of a capture.</summary>
public static class StatsCommand
{
    /// <summary>Builds the command; it prints through <paramref name="output"/> and reports problems on <paramref name="stderr"/>.</summary>
    public static Command Create(CommandOutput output, TextWriter stderr)
    {
        var file = CaptureInput.FileArgument();
        var noDefrag = new Option<bool>("--no-defrag") { Description = "Do not reassemble IP fragments." };
        var dontVerify = CaptureInput.DontVerifyChecksumsOption();
        var command = new Command("stats", "Summarise a capture file: protocols, conversations, errors.") { file, noDefrag, dontVerify };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            var sink = new StatisticsSink();
            int code = CaptureInput.Run(path, 0, !parse.GetValue(noDefrag), sink, output, stderr, tracker: new ConversationTracker(),
                verifyChecksums: !parse.GetValue(dontVerify));
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

    private sealed class StatisticsSink : IPacketSink
    {
        public CaptureStatistics Statistics { get; } = new();

        public void Accept(DecodedPacket packet, ReadOnlySpan<byte> frame) => Statistics.Add(packet, frame);
    }
}
