using System.CommandLine;
using System.Net;
using System.Net.NetworkInformation;
using System.Text;
using RawNet.Capture.Injection;
using RawNet.Protocols;
using RawNet.Protocols.Crafting;

namespace RawNet.Cli.Commands;

/// <summary>
/// <c>rawnet send --via stream|datagram|raw|link --to ADDR:PORT ...</c>: sends one payload through the chosen kind of
/// socket (TCP connection, UDP datagram, raw IP packet, or whole Ethernet frame) and says what the kernel added.
/// </summary>
public static class SendCommand
{
    private const int MaxHexBytes = 2048;

    /// <summary>Builds the command; results go to <paramref name="output"/>, problems to <paramref name="stderr"/>.</summary>
    public static Command Create(CommandOutput output, TextWriter stderr)
    {
        var via = new Option<string>("--via") { Description = "The socket: stream (TCP), datagram (UDP), raw (IP packet built by RawNet) or link (Ethernet frame built by RawNet).", HelpName = "stream|datagram|raw|link", Required = true };
        via.AcceptOnlyFromAmong("stream", "datagram", "raw", "link");
        var to = new Option<string>("--to") { Description = "Destination, 198.18.0.2:80 or [2001:db8::2]:80.", HelpName = "ADDR:PORT", Required = true };
        var from = new Option<string?>("--from") { Description = "Source address and port (port 0: any); default: what routing picks.", HelpName = "ADDR:PORT" };
        var device = new Option<string?>("-i", "--interface") { Description = "The interface a link send goes out of (required for --via link).", HelpName = "IFACE" };
        var payload = new Option<string?>("--payload") { Description = "The payload as text (UTF-8).", HelpName = "TEXT" };
        var payloadHex = new Option<string?>("--payload-hex") { Description = "The payload as hex digits.", HelpName = "HEX" };
        var netns = new Option<string?>("--netns") { Description = "Send from inside this network namespace (e.g. rawnet-a, see rawnet lab).", HelpName = "NAME" };
        var protocol = new Option<string>("--protocol") { Description = "raw and link: the transport to build.", HelpName = "udp|tcp", DefaultValueFactory = _ => "udp" };
        protocol.AcceptOnlyFromAmong("udp", "tcp");
        var ttl = new Option<byte?>("--ttl") { Description = "IPv4 TTL or IPv6 hop limit (default 64).", HelpName = "N" };
        var tos = new Option<byte?>("--tos") { Description = "IPv4 type of service (DSCP/ECN byte) or IPv6 traffic class.", HelpName = "N" };
        var id = new Option<ushort>("--id") { Description = "raw and link, IPv4: the identification (raw: 0 lets the kernel choose).", HelpName = "N" };
        var flags = new Option<string?>("--flags") { Description = "raw and link with --protocol tcp: TCP flags as letters, e.g. S, SA, PA, F (default S).", HelpName = "FSRPAUEC" };
        var dstMac = new Option<string?>("--dst-mac") { Description = "link: destination MAC (default: the neighbour table's entry for the --to address).", HelpName = "MAC" };
        var craft = new Option<string?>("--craft") { Description = "link: send this craft expression's frame instead (docs/crafting.md); --to and the header options are then ignored.", HelpName = "EXPR" };

        var command = new Command("send", "Send one payload through a TCP, UDP, raw IP or link-layer socket.")
            { via, to, from, device, payload, payloadHex, netns, protocol, ttl, tos, id, flags, dstMac, craft };
        command.SetAction(parse =>
        {
            string kind = parse.GetValue(via)!;
            if (!TryEndpoint(parse.GetValue(to)!, out var destination) || destination.Port == 0 && kind is "stream" or "datagram")
                return Usage(stderr, $"--to {parse.GetValue(to)}: expected ADDR:PORT, e.g. 198.18.0.2:80 or [2001:db8::2]:80");
            IPEndPoint? source = null;
            if (parse.GetValue(from) is string f && (!TryEndpoint(f, out source) || source.AddressFamily != destination.AddressFamily))
                return Usage(stderr, $"--from {f}: expected ADDR:PORT of the same address family as --to");
            if (!TryPayload(parse.GetValue(payload), parse.GetValue(payloadHex), out var bytes, out var payloadError))
                return Usage(stderr, payloadError);
            var headers = new HeaderOptions
            {
                Protocol = parse.GetValue(protocol) == "tcp" ? IpProtocol.Tcp : IpProtocol.Udp,
                TimeToLive = parse.GetValue(ttl) ?? 64,
                TypeOfService = parse.GetValue(tos) ?? 0,
                Identification = parse.GetValue(id),
            };
            if (parse.GetValue(flags) is string letters)
            {
                if (!HeaderOptions.TryParseFlags(letters, out var tcpFlags))
                    return Usage(stderr, $"--flags {letters}: expected letters from FSRPAUEC");
                headers = headers with { TcpFlags = tcpFlags };
            }
            string? iface = parse.GetValue(device);
            if (kind == "link" && iface is null)
                return Usage(stderr, "--via link needs -i IFACE");
            PhysicalAddress? mac = null;
            if (parse.GetValue(dstMac) is string m && !PhysicalAddress.TryParse(m.Replace(':', '-').ToUpperInvariant(), out mac))
                return Usage(stderr, $"--dst-mac {m}: expected six hex bytes, e.g. 02:00:00:00:00:02");
            byte[]? crafted = null;
            if (parse.GetValue(craft) is string expression)
            {
                if (!CraftExpression.TryParse(expression, out var packet, out var error))
                    return Usage(stderr, $"--craft: {error.Message} at column {error.Column}");
                crafted = packet.Build().ToArray();
            }

            string? ns = parse.GetValue(netns);
            try
            {
                var outcome = NetworkNamespace.Run(ns, () => kind switch
                {
                    "stream" => StreamSender.Send(destination, source, bytes),
                    "datagram" => DatagramSender.Send(destination, source, bytes, parse.GetValue(ttl), parse.GetValue(tos)),
                    "raw" => RawIpSender.Send(destination, source, bytes, headers),
                    _ => LinkSender.Send(iface!, crafted ?? LinkSender.BuildFrame(iface!, destination, source, bytes, headers, mac, ns)),
                });
                foreach (var line in outcome.Lines)
                    output.Writer.WriteLine(line);
                if (kind is "raw" or "link")
                {
                    // Whole for anything a terminal can show; a jumbo payload is cut so the line stays readable.
                    var shown = outcome.Bytes.AsSpan(0, Math.Min(outcome.Bytes.Length, MaxHexBytes));
                    output.Writer.WriteLine((kind == "raw" ? "packet: " : "frame: ") + Convert.ToHexStringLower(shown)
                        + (shown.Length < outcome.Bytes.Length ? $" ... ({outcome.Bytes.Length} bytes in all)" : ""));
                }
                return ExitCode.Success;
            }
            catch (SendFailure e)
            {
                stderr.WriteLine($"rawnet: send: {e.Message}");
                return ExitCode.BadInput;
            }
        });
        return command;
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine("rawnet: send: " + message);
        return ExitCode.Usage;
    }

    private static bool TryEndpoint(string text, out IPEndPoint endpoint)
    {
        if (IPEndPoint.TryParse(text, out var parsed) && (text.Contains("]:") || parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && text.Contains(':')))
        {
            endpoint = parsed;
            return true;
        }
        // A bare address (no port) is fine for raw and link; the caller rejects it for stream and datagram.
        if (IPAddress.TryParse(text.Trim('[', ']'), out var address))
        {
            endpoint = new IPEndPoint(address, 0);
            return true;
        }
        endpoint = null!;
        return false;
    }

    private static bool TryPayload(string? text, string? hex, out byte[] bytes, out string error)
    {
        bytes = [];
        error = "";
        if (text is not null && hex is not null)
        {
            error = "give --payload or --payload-hex, not both";
            return false;
        }
        if (text is not null)
            bytes = Encoding.UTF8.GetBytes(text);
        else if (hex is not null)
        {
            try
            {
                bytes = Convert.FromHexString(hex.Replace(" ", "").Replace(":", ""));
            }
            catch (FormatException)
            {
                error = $"--payload-hex: not an even number of hex digits";
                return false;
            }
        }
        return true;
    }
}
