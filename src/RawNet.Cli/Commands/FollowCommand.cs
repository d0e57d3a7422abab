using System.CommandLine;
using RawNet.Output.Follow;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Conversations.Follow;
using RawNet.Protocols.Decoding;

namespace RawNet.Cli.Commands;

/// <summary>
/// <c>rawnet follow FILE tcp|udp STREAM [--format ascii|hex|raw]</c>: one TCP or UDP stream's data, in order, printed
/// byte for byte as <c>tshark -q -z follow,tcp|udp,FORMAT,STREAM</c> prints it, in constant memory.
/// </summary>
public static class FollowCommand
{
    /// <summary>Builds the command; it prints through <paramref name="output"/> and reports problems on <paramref name="stderr"/>.</summary>
    public static Command Create(CommandOutput output, TextWriter stderr)
    {
        var file = CaptureInput.FileArgument();
        var protocol = new Argument<string>("PROTOCOL") { Description = "tcp or udp." };
        protocol.AcceptOnlyFromAmong("tcp", "udp");
        var stream = new Argument<uint>("STREAM")
        {
            Description = "The stream's number, tcp.stream or udp.stream as rawnet read -T fields (and tshark) print it.",
            CustomParser = result =>
            {
                var token = result.Tokens[0].Value;
                if (uint.TryParse(token, System.Globalization.NumberStyles.None, null, out uint number))
                    return number;
                result.AddError($"STREAM must be a stream number, 0 or more (as tcp.stream and udp.stream show it), not '{token}'");
                return 0;
            },
        };
        var format = new Option<string>("--format")
        {
            Description = "ascii (lengths and text, the default), hex (offsets, hex and text) or raw (hex per chunk), as tshark's follow modes.",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "ascii",
        };
        format.AcceptOnlyFromAmong("ascii", "hex", "raw");

        var command = new Command("follow", "Print one TCP or UDP stream's data in order, as tshark -z follow does.") { file, protocol, stream, format };
        command.SetAction(parse =>
        {
            var which = parse.GetValue(protocol) == "udp" ? FollowProtocol.Udp : FollowProtocol.Tcp;
            uint number = parse.GetValue(stream);
            var mode = parse.GetValue(format) switch { "hex" => FollowFormat.Hex, "raw" => FollowFormat.Raw, _ => FollowFormat.Ascii };
            return Follow(parse.GetValue(file)!, which, number, mode, output, stderr);
        });
        return command;
    }

    private static int Follow(string path, FollowProtocol protocol, uint stream, FollowFormat format, CommandOutput output, TextWriter stderr)
    {
        var notices = new FollowNotices(stderr);
        var printer = new FollowPrinter(output.TakeBytes(), protocol, stream, format, notices);
        var follower = new StreamFollower(protocol, stream, printer);
        var sink = new FollowSink(follower);
        var tracker = new ConversationTracker();
        // tshark's defaults: fragments reassembled, checksums not verified (a bad checksum does not hide data).
        int code = CaptureInput.Run(path, 0, defragment: true, sink, output, stderr, tracker: tracker, verifyChecksums: false);
        if (output.IsBroken)
            return ExitCode.Success;
        // A file that could not be opened, or damaged before its first packet, has nothing to follow.
        if (code != ExitCode.Success && sink.Packets == 0)
            return code;
        try
        {
            follower.Finish();
            printer.Finish();
            notices.Finish();
        }
        catch (IOException) when (output.IsBroken)
        {
            return ExitCode.Success;
        }
        if (code == ExitCode.Success && follower.Packets == 0)
        {
            uint streams = protocol == FollowProtocol.Tcp ? tracker.TcpStreams : tracker.UdpStreams;
            string name = protocol == FollowProtocol.Tcp ? "TCP" : "UDP";
            string has = streams == 0 ? $"it has no {name} streams" : $"its {name} streams are numbered 0 to {streams - 1}";
            stderr.WriteLine($"rawnet: follow: {path} has no {name} stream {stream} ({has})");
            return ExitCode.BadInput;
        }
        return code;
    }

    /// <summary>Hands every packet, analysed, to the follower.</summary>
    private sealed class FollowSink(StreamFollower follower) : IPacketSink
    {
        public long Packets { get; private set; }

        public void Accept(DecodedPacket packet, ReadOnlySpan<byte> frame)
        {
            Packets++;
            follower.Add(packet, frame);
        }
    }
}
