using System.CommandLine;
using RawNet.Output.Filters;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;

namespace RawNet.Cli.Commands;

/// <summary>The <c>-Y EXPR</c> display filter option: parsed once, then only matching packets reach the printer.</summary>
public sealed class DisplayFilterOption
{
    /// <summary>The option to add to a command.</summary>
    public Option<string> Option { get; } = new("-Y", "--display-filter")
    {
        Description = "Print only the packets this display filter (Wireshark syntax over the -e field names, e.g. \"tcp.port == 80 && ip.src == 10.0.0.0/8\") matches; they keep their numbers.",
        HelpName = "EXPR",
    };

    /// <summary>
    /// Wraps <paramref name="sink"/> in the filter when -Y was given (telling <paramref name="tracker"/> which packets it
    /// displays); false after reporting a bad expression on
    /// <paramref name="stderr"/> as one line with the position (exit code <see cref="ExitCode.Usage"/>).
    /// </summary>
    public bool TryApply(ParseResult parse, IPacketSink sink, ConversationTracker tracker, TextWriter stderr, out IPacketSink filtered)
    {
        filtered = sink;
        if (parse.GetValue(Option) is not { } expression)
            return true;
        if (!DisplayFilter.TryParse(expression, out var filter, out var error))
        {
            stderr.WriteLine($"rawnet: -Y: {error.Message}");
            return false;
        }
        // Only what the filter passes is displayed: frame.time_delta_displayed is measured between those.
        tracker.EveryPacketDisplayed = false;
        filtered = new FilteredSink(filter, sink, tracker);
        return true;
    }

    private sealed class FilteredSink(DisplayFilter filter, IPacketSink inner, ConversationTracker tracker) : IPacketSink
    {
        public void Accept(DecodedPacket packet, ReadOnlySpan<byte> frame)
        {
            if (!filter.Matches(packet, frame))
                return;
            tracker.MarkDisplayed(packet);
            inner.Accept(packet, frame);
        }
    }
}
