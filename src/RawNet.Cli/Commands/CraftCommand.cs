using System.CommandLine;
using System.Text;
using RawNet.Capture.Injection;
using RawNet.Capture.Sources;
using RawNet.Files.Pcap;
using RawNet.Files.PcapNg;
using RawNet.Output.Summary;
using RawNet.Output.Tree;
using RawNet.Protocols;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Cli.Commands;

/// <summary>
/// <c>rawnet craft EXPR [-w FILE] [-V] [--send -i IFACE [--netns NAME] [--backend B]]</c>: builds one packet from a layered expression
/// (docs/crafting.md), decodes it with the same decoder <c>read</c> uses, and shows it: a summary line and the fields
/// RawNet filled in (or, with -V, the whole layer tree with those fields marked), then a hex dump coloured by layer.
/// <c>-w</c> writes it to a capture; <c>--send</c> puts an Ethernet frame on the wire through <see cref="LinkSender"/>.
/// </summary>
public static class CraftCommand
{
    /// <summary>The mark after a field RawNet computed rather than took from the expression.</summary>
    public const string FilledMark = "[filled by RawNet]";

    /// <summary>Builds the command; it prints through <paramref name="output"/> and reports problems on <paramref name="stderr"/>.</summary>
    public static Command Create(CommandOutput output, TextWriter stderr)
    {
        var expression = new Argument<string[]>("EXPR")
        {
            Description = "The packet, e.g. \"eth / ipv4 dst=198.18.0.2 ttl=3 / tcp dport=80 flags=S mss=1460 / 'hello'\" (words may also be separate arguments).",
            Arity = ArgumentArity.OneOrMore,
        };
        var write = new Option<string?>("-w", "--write") { Description = "Also write the packet to FILE: pcapng if the name ends in .pcapng, else pcap.", HelpName = "FILE" };
        var verbose = new Option<bool>("-V", "--verbose") { Description = "Print every field of every layer as a tree, marking the fields RawNet filled in." };
        var color = new Option<string>("--color") { Description = "Colour the hex dump by layer: auto (when standard output is a terminal), always or never.", HelpName = "auto|always|never", DefaultValueFactory = _ => "auto" };
        color.AcceptOnlyFromAmong("auto", "always", "never");
        var send = new Option<bool>("--send") { Description = "Also send the frame, as it is, out of -i IFACE (the expression must start with eth): through an AF_PACKET socket on Linux, pcap_sendpacket elsewhere (--backend)." };
        var backend = BackendOption.ForSending();
        var device = new Option<string?>("-i", "--interface") { Description = "The interface --send sends out of.", HelpName = "IFACE" };
        var netns = new Option<string?>("--netns") { Description = "--send from inside this network namespace (e.g. rawnet-a, see rawnet lab).", HelpName = "NAME" };

        var command = new Command("craft", "Build a packet from a layered expression and show, write or send it.") { expression, write, verbose, color, send, device, netns, backend };
        command.SetAction(parse =>
        {
            string text = string.Join(' ', parse.GetValue(expression) ?? []);
            if (!CraftExpression.TryParse(text, out var packet, out var error))
            {
                stderr.WriteLine($"rawnet: craft: {error.Message} at column {error.Column}");
                stderr.WriteLine("  " + text);
                stderr.WriteLine("  " + new string(' ', Math.Max(error.Column - 1, 0)) + "^");
                if (error.Hint is not null)
                    stderr.WriteLine("rawnet: craft: " + error.Hint);
                return ExitCode.Usage;
            }

            PacketBuilder builder;
            try
            {
                builder = packet.Build();
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine("rawnet: craft: " + e.Message);
                return ExitCode.Usage;
            }
            var frame = builder.ToArray();
            string? iface = parse.GetValue(device);
            bool sending = parse.GetValue(send);
            if (sending && iface is null)
                return Usage(stderr, "--send needs -i IFACE");
            if (!sending && (iface is not null || parse.GetValue(netns) is not null || parse.GetResult(backend) is { Implicit: false }))
                return Usage(stderr, "-i, --netns and --backend only go with --send");
            if (sending && packet.LinkType != LinkType.Ethernet)
                return Usage(stderr, "--send sends whole Ethernet frames: start the expression with eth (e.g. \"eth / " + text.TrimStart() + "\")");
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
            var metadata = new FrameMetadata(now, frame.Length, frame.Length, packet.LinkType);
            var decoded = new DecodedPacket();
            new PacketDecoder().Decode(frame, metadata, 1, decoded);

            string? path = parse.GetValue(write);
            if (path is not null && !TryWrite(path, metadata, frame, stderr))
                return ExitCode.BadInput;

            var writer = output.Writer;
            if (parse.GetValue(verbose))
                PrintTree(decoded, frame, builder.Filled, writer);
            else
                PrintBrief(decoded, frame, builder.Filled, writer);
            bool colored = LayerHexDump.ShouldColor(parse.GetValue(color));
            PrintHex(decoded, frame, colored, writer);
            if (path is not null)
                writer.WriteLine($"Wrote 1 packet ({frame.Length} bytes) to {path}");
            if (sending)
            {
                try
                {
                    foreach (var line in NetworkNamespace.Run(parse.GetValue(netns), () => LinkSender.Send(iface!, frame, parse.GetValue(backend) ?? CaptureBackends.Auto)).Lines)
                        writer.WriteLine(line);
                }
                catch (SendFailure e)
                {
                    stderr.WriteLine("rawnet: craft: " + e.Message);
                    return ExitCode.BadInput;
                }
            }
            return ExitCode.Success;
        });
        return command;
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine("rawnet: craft: " + message);
        return ExitCode.Usage;
    }

    private static bool TryWrite(string path, in FrameMetadata metadata, byte[] frame, TextWriter stderr)
    {
        try
        {
            if (path.EndsWith(".pcapng", StringComparison.OrdinalIgnoreCase))
            {
                using var pcapng = PcapNgWriter.Create(path);
                pcapng.AddInterface(metadata.LinkType);
                pcapng.Write(metadata, frame, "crafted by rawnet");
            }
            else
            {
                using var pcap = PcapWriter.Create(path, metadata.LinkType);
                pcap.Write(metadata, frame);
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"rawnet: craft: cannot write {path}: {e.Message}");
            return false;
        }
    }

    /// <summary>The summary line <c>read</c> prints, then each filled field with its value.</summary>
    private static void PrintBrief(DecodedPacket packet, byte[] frame, IReadOnlyList<FilledField> filled, TextWriter output)
    {
        new SummaryPrinter().Print(packet, frame, output);
        if (filled.Count == 0)
            return;
        var line = new StringBuilder("Filled by RawNet:");
        foreach (var field in filled)
        {
            int index = field.Layer + 1;
            line.Append(' ').Append(field.Name).Append('=');
            if (index < packet.LayerCount && packet[index].Kind == field.Kind
                && FieldReader.TryRead(field.Field, packet, index, frame, 0, out var value))
                line.Append(FieldFormatter.Format(field.Field, value, packet.BufferOf(packet[index], frame)));
            else
                line.Append('?');
        }
        output.WriteLine(line.ToString());
    }

    /// <summary>The <c>read -V</c> tree, with <see cref="FilledMark"/> after each field RawNet filled in.</summary>
    private static void PrintTree(DecodedPacket packet, byte[] frame, IReadOnlyList<FilledField> filled, TextWriter output)
    {
        var tree = new StringWriter();
        new TreePrinter().Print(packet, frame, tree);
        var marks = filled.Select(f => (f.Layer + 1, $"({f.Name}):")).ToHashSet();
        int layer = -1;
        foreach (var line in tree.ToString().TrimEnd('\n').Split('\n'))
        {
            // Headings start at the margin (the frame's first, then one per layer); fields and notes are indented.
            if (line.Length > 0 && line[0] != ' ' && line[0] != '[')
                layer++;
            bool mark = line.StartsWith(' ') && marks.Any(m => m.Item1 == layer && line.Contains(m.Item2, StringComparison.Ordinal));
            output.Write(line);
            if (mark)
                output.Write("  " + FilledMark);
            output.Write('\n');
        }
        output.Write('\n');
    }

    /// <summary>The hex dump with each byte marked by the layer it belongs to: the innermost that starts at or before it.</summary>
    private static void PrintHex(DecodedPacket packet, byte[] frame, bool colored, TextWriter output)
    {
        var layers = new List<(string Name, int Offset)>();
        for (int i = 1; i < packet.LayerCount; i++)
        {
            ref readonly Layer layer = ref packet[i];
            if (layer.Source == LayerSource.Frame && layer.Offset < frame.Length)
                layers.Add((FieldCatalog.ProtocolName(layer.Kind), layer.Offset));
        }
        LayerHexDump.Write(frame, layers, colored, output);
    }
}
