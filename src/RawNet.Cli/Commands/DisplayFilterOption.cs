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
    /// The compiled -Y expression, or null when -Y was not given; false after reporting a bad expression on
    /// <paramref name="stderr"/> as one line with the position (exit code <see cref="ExitCode.Usage"/>).
    /// </summary>
    public bool TryParse(ParseResult parse, TextWriter stderr, out DisplayFilter? filter)
    {
        filter = null;
        if (parse.GetValue(Option) is not { } expression)
            return true;
        if (DisplayFilter.TryParse(expression, out filter, out var error))
            return true;
        stderr.WriteLine($"rawnet: -Y: {error.Message}");
        return false;
    }

    /// <summary>
    /// <paramref name="sink"/> behind <paramref name="filter"/> (unchanged when there is none); the packets it passes are
    /// the displayed ones, from which <paramref name="tracker"/> measures frame.time_delta_displayed.
    /// </summary>
    public static IPacketSink Apply(DisplayFilter? filter, IPacketSink sink, ConversationTracker? tracker)
    {
        if (filter is null)
            return sink;
        if (tracker is not null)
            tracker.EveryPacketDisplayed = false;
        return new FilteredSink(filter, sink, tracker);
    }

    private sealed class FilteredSink(DisplayFilter filter, IPacketSink inner, ConversationTracker? tracker) : IPacketSink
    {
        public void Accept(DecodedPacket packet, ReadOnlySpan<byte> frame)
        {
            if (!filter.Matches(packet, frame))
            {
                if (filter.GaveUp is { } reason)
                    throw new DisplayFilterGaveUpException($"-Y: {reason} (frame {packet.FrameNumber}); simplify it");
                return;
            }
            tracker?.MarkDisplayed(packet);
            inner.Accept(packet, frame);
        }
    }
}

/// <summary>
/// A display filter stopped matching exactly (a regular expression ran out of time on a packet): <c>rawnet read</c> stops
/// there with this one line rather than print a selection that is not the filter's.
/// </summary>
public sealed class DisplayFilterGaveUpException(string message) : Exception(message);
