using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RawNet.Capture.Bpf;
using RawNet.Capture.Injection;
using RawNet.Capture.Lab;
using RawNet.Capture.Layers;
using RawNet.Capture.LibPcap;
using RawNet.Capture.Sources.AfPacket;

namespace RawNet.Cli.Commands;

/// <summary>
/// <c>rawnet layers [--payload TEXT] [--ipv6] [--json] [--lab]</c>: sends one payload through a stream, a datagram, a
/// raw and a link socket to listeners of its own, captures the wire meanwhile, and shows per socket kind every packet,
/// the byte map of the frame carrying the payload (which layer wrote which bytes, application or kernel, with the
/// fields) and a table of payload against bytes on the wire. The experiment is <see cref="LayersExperiment"/>.
/// </summary>
public static class LayersCommand
{
    /// <summary>The payload when none is given.</summary>
    public const string DefaultPayload = "hello, layers";

    /// <summary>Builds the command; results go to <paramref name="output"/>, problems to <paramref name="stderr"/>.</summary>
    public static Command Create(CommandOutput output, TextWriter stderr)
    {
        var payload = new Option<string>("--payload") { Description = $"The payload every socket kind sends, as UTF-8 text (1 to {LayersOptions.MaxPayload} bytes).", HelpName = "TEXT", DefaultValueFactory = _ => DefaultPayload };
        var ipv6 = new Option<bool>("--ipv6") { Description = "Use IPv6 (::1, or the lab's 2001:db8:: addresses) instead of IPv4." };
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object: {\"payload\", \"kinds\": [{\"socket\", \"packets\": [{\"hex\", \"layers\"}]}]}." };
        var lab = new Option<bool>("--lab") { Description = "Send from rawnet-a to a listener in rawnet-b and capture on rn-b (rawnet lab up first) instead of on loopback." };
        var color = new Option<string>("--color") { Description = "Colour the hex dumps by layer: auto (when standard output is a terminal), always or never.", HelpName = "auto|always|never", DefaultValueFactory = _ => "auto" };
        color.AcceptOnlyFromAmong("auto", "always", "never");
        var labNetwork = LayersLabSpec.Create();
        var experiment = new Option<string?>("--experiment")
        {
            Description = "Run a transport experiment instead: writes (several send() calls; --writes, --nodelay, --cork, --udp), segment (one TCP send of --size bytes, cut at the MSS; --lab), "
                + "fragment (one UDP datagram of --size bytes, IPv4 or IPv6 fragments; --lab), rst (a raw SYN to a closed port), handshake (a handshake by hand, reset by the sender's kernel, and the way out; --lab), "
                + "checksum (the TCP or UDP checksum word by word; --udp), demux (two clients to one port, UDP and TCP), "
                + "wire (bytes per layer, RFC header diagrams with the packet's values, preamble, padding, FCS and gap; --udp).",
            HelpName = "NAME",
        };
        experiment.AcceptOnlyFromAmong(Enum.GetValues<TransportExperimentKind>().Select(TransportOptions.Name).ToArray());
        var writes = new Option<int?>("--writes") { Description = $"The writes experiment with N send() calls of the payload (1 to {TransportOptions.MaxWrites}).", HelpName = "N" };
        var nodelay = new Option<bool>("--nodelay") { Description = "writes: TCP_NODELAY on the sending socket (Nagle's algorithm off)." };
        var cork = new Option<bool>("--cork") { Description = "writes: TCP_CORK on while writing, off after the last write." };
        var udp = new Option<bool>("--udp") { Description = "writes, checksum, wire: UDP instead of TCP." };
        var size = new Option<int?>("--size") { Description = $"segment, fragment: bytes of the one large send (default 4000; segment up to {TransportOptions.MaxSegmentSize}, fragment up to {TransportOptions.MaxDatagramSize}).", HelpName = "BYTES" };

        var command = new Command("layers", "Send one payload through stream, datagram, raw and link sockets and show what each layer adds on the wire.")
            { payload, ipv6, json, lab, color, labNetwork, experiment, writes, nodelay, cork, udp, size };
        command.SetAction(parse =>
        {
            var bytes = Encoding.UTF8.GetBytes(parse.GetValue(payload) ?? DefaultPayload);
            TestNetwork? network = parse.GetValue(lab) ? TestNetwork.Default : null;
            if (parse.GetValue(labNetwork) is string spec)
            {
                if (!LayersLabSpec.TryParse(spec, out network, out var problem))
                    return Usage(stderr, problem);
            }
            if (bytes.Length is 0 or > LayersOptions.MaxPayload)
                return Usage(stderr, $"--payload: 1 to {LayersOptions.MaxPayload} bytes (it is {bytes.Length})");

            var chosen = parse.GetValue(experiment) is string name && TransportOptions.TryParse(name, out var parsed) ? parsed : (TransportExperimentKind?)null;
            if (chosen is null && parse.GetValue(writes) is not null)
                chosen = TransportExperimentKind.Writes;
            if (chosen is null)
            {
                if (parse.GetValue(nodelay) || parse.GetValue(cork) || parse.GetValue(udp) || parse.GetValue(size) is not null)
                    return Usage(stderr, "--nodelay, --cork, --udp and --size go with a transport experiment (--experiment NAME, or --writes N)");
            }
            else
            {
                if (chosen != TransportExperimentKind.Writes && parse.GetValue(writes) is not null)
                    return Usage(stderr, "--writes is for the writes experiment");
                if ((parse.GetValue(nodelay) || parse.GetValue(cork)) && (chosen != TransportExperimentKind.Writes || parse.GetValue(udp)))
                    return Usage(stderr, "--nodelay and --cork are for the writes experiment over TCP");
                if (parse.GetValue(udp) && chosen is not (TransportExperimentKind.Writes or TransportExperimentKind.Checksum or TransportExperimentKind.Wire))
                    return Usage(stderr, "--udp is for the writes, checksum and wire experiments");
                if (parse.GetValue(size) is not null && chosen is not (TransportExperimentKind.Segment or TransportExperimentKind.Fragment))
                    return Usage(stderr, "--size is for the segment and fragment experiments");
                var options = new TransportOptions(chosen.Value, bytes, parse.GetValue(ipv6), network, parse.GetValue(udp), parse.GetValue(writes) ?? 3,
                    parse.GetValue(nodelay), parse.GetValue(cork), parse.GetValue(size) ?? 4000);
                if (options.Writes is < 1 or > TransportOptions.MaxWrites)
                    return Usage(stderr, $"--writes: 1 to {TransportOptions.MaxWrites} (it is {options.Writes})");
                if (!TryRun(() => TransportExperiment.Run(options), stderr, out var transport))
                    return ExitCode.BadInput;
                if (parse.GetValue(json))
                    LayersTransport.WriteJson(transport, output.Writer);
                else
                    LayersTransport.WriteText(transport, output.Writer);
                return ExitCode.Success;
            }

            if (!TryRun(() => LayersExperiment.Run(new LayersOptions(bytes, parse.GetValue(ipv6), network)), stderr, out var report))
                return ExitCode.BadInput;
            if (parse.GetValue(json))
                LayersJson.Write(report, output.Writer);
            else
                LayersText.Write(report, output.Writer, LayerHexDump.ShouldColor(parse.GetValue(color)));
            int code = ExitCode.Success;
            foreach (var kind in report.Kinds.Where(k => k.DeliveryExpected && !k.Delivered))
            {
                stderr.WriteLine($"rawnet: layers: {LayersWording.Name(kind.Socket)}: {kind.Notes.LastOrDefault() ?? "not delivered"}");
                code = ExitCode.BadInput;
            }
            return code;
        });
        return command;
    }

    /// <summary>Runs an experiment; a failure it reports in one line goes to <paramref name="stderr"/> and gives false.</summary>
    private static bool TryRun<T>(Func<T> run, TextWriter stderr, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? report) where T : class
    {
        try
        {
            report = run();
            return true;
        }
        catch (Exception e) when (e is LayersException or SendFailure or AfPacketException or LabException or BpfCompileException or LibPcapUnavailableException)
        {
            stderr.WriteLine("rawnet: layers: " + e.Message);
            report = null;
            return false;
        }
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine("rawnet: layers: " + message);
        return ExitCode.Usage;
    }
}
