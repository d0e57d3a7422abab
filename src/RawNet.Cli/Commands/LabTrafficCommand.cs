using System.CommandLine;
using System.Globalization;
using RawNet.Capture.Lab;
using RawNet.Capture.Lab.Link;
using RawNet.Capture.Lab.Traffic;
using RawNet.Capture.Sources;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Files;
using RawNet.Output;
using RawNet.Protocols;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tcp.Kernel;

namespace RawNet.Cli.Commands;

/// <summary>
/// <c>rawnet lab traffic upload|download|udp-echo|dns</c>: real kernel sockets at both ends of the lab (client at
/// rawnet-a, server at rawnet-b) exchange traffic across the lab link while rawnet captures on the client's veth; the
/// packets go to a file (-w) or are printed as <c>capture</c> prints them, then what each side saw and what the link did.
/// </summary>
public static class LabTrafficCommand
{
    /// <summary>Builds the command; results go to <paramref name="output"/>, problems to <paramref name="stderr"/>.</summary>
    public static Command Create(CommandOutput output, TextWriter stderr, IReadOnlyList<string>? program)
    {
        var kind = new Argument<string>("KIND") { Description = "upload or download (TCP, A <-> B), udp-echo (UDP port 7), dns (UDP port 53, zone lab.example)." };
        kind.AcceptOnlyFromAmong("upload", "download", "udp-echo", "dns");
        var names = new Argument<string[]>("NAME") { Description = "dns: names to look up (A and AAAA each; default: b, www and missing in lab.example).", Arity = ArgumentArity.ZeroOrMore };
        var bytes = new Option<string>("--bytes") { Description = "upload, download: bytes to move; k, m, g are powers of 1024 (default 150k).", HelpName = "SIZE" };
        var rwnd = new Option<string>("--rwnd") { Description = "upload, download: the receiver's socket buffer (SO_RCVBUF), so it advertises a window of about SIZE, and reads half of it every --read-pause: window-full and zero-window events.", HelpName = "SIZE" };
        var readPause = new Option<string>("--read-pause") { Description = "With --rwnd: the receiving application's pause after each read (default 100ms).", HelpName = "TIME" };
        var http = new Option<bool>("--http") { Description = "upload as an HTTP/1.1 POST, download as a GET and its response, on port 80." };
        var ipv6 = new Option<bool>("-6", "--ipv6") { Description = "Over IPv6 (2001:db8::1 -> 2001:db8::2)." };
        var cc = new Option<string>("--cc") { Description = $"upload, download: the sender's congestion control (here: {TrafficOptions.AvailableCongestionControl()}).", HelpName = "ALGORITHM" };
        var count = new Option<int>("--count") { Description = "udp-echo: datagrams to send (default 10); dns: times to ask the list (default 1).", HelpName = "N" };
        var size = new Option<int>("--size") { Description = "udp-echo: payload bytes of each datagram (default 64).", HelpName = "BYTES" };
        var interval = new Option<string>("--interval") { Description = "udp-echo, dns: time between datagrams or questions (default 100ms).", HelpName = "TIME" };
        var wait = new Option<string>("--wait") { Description = "udp-echo, dns: how long to wait for an echo or an answer (default 1s; a resolver asks 3 times).", HelpName = "TIME" };
        var timeout = new Option<string>("--timeout") { Description = "Give up on the exchange after this long (default 60s); the capture keeps what it saw.", HelpName = "TIME" };
        var tcpInfo = new Option<string>("--tcp-info") { Description = "upload, download: read the sender's TCP_INFO this often (and after each send()), kept in the pcapng file; off turns it off (default 1ms).", HelpName = "TIME|off" };
        var write = new Option<string>("-w", "--write") { Description = "Write the captured packets to this file (pcap for *.pcap, pcapng otherwise) instead of printing them.", HelpName = "FILE" };
        var privileges = new PrivilegeOptions(program is not null);
        var printing = new PrinterOptions();

        var command = new Command("traffic", "Run real traffic between rawnet-a (client) and rawnet-b (server) across the lab link and capture it on rn-a.")
        {
            kind, names, bytes, rwnd, readPause, http, ipv6, cc, count, size, interval, wait, timeout, tcpInfo, write,
        };
        printing.AddTo(command);
        privileges.AddTo(command);
        command.SetAction(parse =>
        {
            var word = parse.GetValue(kind)!;
            var trafficKind = word switch
            {
                "upload" => TrafficKind.Upload,
                "download" => TrafficKind.Download,
                "udp-echo" => TrafficKind.UdpEcho,
                _ => TrafficKind.Dns,
            };
            var options = new TrafficOptions(trafficKind)
            {
                Http = parse.GetValue(http),
                Ipv6 = parse.GetValue(ipv6),
                CongestionControl = parse.GetValue(cc),
                Count = trafficKind == TrafficKind.Dns ? 1 : 10,
                Names = parse.GetValue(names),
            };
            string? error = null;
            if (parse.GetValue(bytes) is { } b)
                options = TryParseSize(b, 1, TrafficOptions.MaxBytes, out var n, out error) ? options with { Bytes = n } : options;
            if (error is null && parse.GetValue(rwnd) is { } r)
                options = TryParseSize(r, TrafficOptions.MinReceiveWindow, TrafficOptions.MaxReceiveWindow, out var n, out error) ? options with { ReceiveWindow = (int)n } : options;
            if (error is null && parse.GetValue(readPause) is { } p)
                options = TryParseTime(p, out var t, out error) ? options with { ReadPause = t } : options;
            if (error is null && parse.GetValue(interval) is { } i)
                options = TryParseTime(i, out var t, out error) ? options with { Interval = t } : options;
            if (error is null && parse.GetValue(wait) is { } w)
                options = TryParseTime(w, out var t, out error) ? options with { Wait = t } : options;
            if (error is null && parse.GetValue(timeout) is { } o)
                options = TryParseTime(o, out var t, out error) && t > TimeSpan.Zero ? options with { Timeout = t } : options;
            if (error is null && parse.GetValue(tcpInfo) is { } period)
                options = period == "off" ? options with { TcpInfoPeriod = null }
                    : TryParseTime(period, out var t, out error) && t >= TimeSpan.FromMilliseconds(1) ? options with { TcpInfoPeriod = t }
                    : Refuse(out error, error ?? $"--tcp-info {period}: sample at most every 1ms", options);
            if (error is null && parse.GetResult(count) is { Implicit: false })
                options = parse.GetValue(count) is int c and >= 1 and <= TrafficOptions.MaxCount ? options with { Count = c }
                    : Refuse(out error, $"--count needs 1 to {TrafficOptions.MaxCount}", options);
            if (error is null && parse.GetResult(size) is { Implicit: false })
                options = parse.GetValue(size) is int s and >= 1 and <= TrafficOptions.MaxDatagram ? options with { Size = s }
                    : Refuse(out error, $"--size needs 1 to {TrafficOptions.MaxDatagram} bytes", options);
            error ??= Misplaced(parse, options, (bytes, "--bytes"), (rwnd, "--rwnd"), (readPause, "--read-pause"), (http, "--http"), (cc, "--cc"), (tcpInfo, "--tcp-info"))
                ?? (options.Kind != TrafficKind.Dns && options.Names is { Count: > 0 } ? "names are for dns only" : null);
            if (error is not null)
            {
                stderr.WriteLine("rawnet: lab traffic: " + error);
                return ExitCode.Usage;
            }
            string? path = parse.GetValue(write);
            IPacketPrinter? printer = null;
            if (path is null && (printer = printing.Create(parse, "lab traffic", stderr)) is null)
                return ExitCode.Usage;
            if (!Environment.IsPrivilegedProcess)
            {
                stderr.WriteLine("rawnet: lab traffic: sockets in the lab's namespaces and the capture need root (CAP_SYS_ADMIN, CAP_NET_RAW): run it with sudo");
                return ExitCode.BadInput;
            }
            return Run(options, path, printer, () => privileges.GiveUpRoot(parse, keepNetRaw: false), output, stderr, program);
        });
        return command;
    }

    private static TrafficOptions Refuse(out string? error, string message, TrafficOptions options)
    {
        error = message;
        return options;
    }

    /// <summary>A TCP option given to a UDP kind, or the reverse: one line, rather than silence.</summary>
    private static string? Misplaced(ParseResult parse, TrafficOptions options, params (Option Option, string Name)[] tcpOnly)
    {
        if (options.IsTransfer)
            return null;
        foreach (var (option, name) in tcpOnly)
        {
            if (parse.GetResult(option) is { Implicit: false })
                return $"{name} is for upload and download only";
        }
        return null;
    }

    private static int Run(TrafficOptions options, string? path, IPacketPrinter? printer, Func<string?> giveUpRoot, CommandOutput output, TextWriter stderr,
        IReadOnlyList<string>? program)
    {
        var lab = TestNetwork.Default;
        var state = LinkForwarderProcess.Inspect(lab);
        if (!lab.Exists || !state.Running)
            return Fail(stderr, lab.AnyExists ? LinkForwarderProcess.NotRunning(lab, state) : "the lab is down: rawnet lab up creates it (with --delay, --loss, --rate ...)");
        var link = LinkForwarderProcess.ReadSettings(lab);
        options = options with { Settle = SettleTime(link) };

        LabTrafficRun run;
        try
        {
            run = LabTrafficRun.Prepare(lab, options);
        }
        catch (Exception e) when (e is LabException or AfPacketException or RawNet.Capture.Injection.SendFailure)
        {
            return Fail(stderr, e.Message);
        }
        using (run)
        {
            using var board = LinkStatusBoard.TryOpen(LinkForwarderProcess.BoardFile(lab));
            var before = Counters(board);
            // Every socket is open: nothing after this line needs root.
            bool wasRoot = Privileges.IsRoot;
            if (giveUpRoot() is { } refused)
                return Fail(stderr, refused);

            PacketFileWriter? file = null;
            if (path is not null)
            {
                try
                {
                    // The header says the file holds TCP_INFO samples, so a reader knows to look for them before the packets.
                    var marker = options.IsTransfer && options.TcpInfoPeriod is not null
                        ? (TcpInfoSeries.EnterpriseNumber, TcpInfoSeries.SectionMarker) : ((uint, string)?)null;
                    file = PacketFileWriter.Create(path, run.LinkType, LabTrafficRun.SnapLength, run.InterfaceName, marker);
                    file.Guard(program);
                }
                catch (IOException e)
                {
                    return Fail(stderr, $"{path}: {WriteFailure.Reason(e)}");
                }
                catch (UnauthorizedAccessException e)
                {
                    return Fail(stderr, wasRoot && !Privileges.IsRoot
                        ? $"{path}: Permission denied (rawnet gave root up before creating it; -Z root or --keep-root writes as root)"
                        : $"{path}: {e.Message}");
                }
            }
            var report = output.Writer;
            var log = path is null ? stderr : report;
            stderr.WriteLine($"capturing on {run.InterfaceName} in {run.Namespace}, link-type {LinkTypeNames.Name(run.LinkType)}; link: {string.Join(' ', link.ToArguments())}");
            stderr.Flush();
            TrafficReport result;
            using (file)
            {
                ICapturedFrameSink sink = file is not null ? new FileSink(file) : new PrintSink(printer!, output.Writer);
                result = run.Run(sink);
                if (file is not null && result.SinkFailure is null && result.TcpInfo is { } series)
                    result = KeepSamples(file, series, result);
                file?.Flush();
            }
            output.Writer.Flush();
            foreach (var line in result.Lines)
                log.WriteLine(line);
            log.WriteLine($"captured {result.FramesCaptured} packets on {run.InterfaceName}{(result.DroppedByKernel > 0 ? $" ({result.DroppedByKernel} dropped by the kernel)" : "")}{(path is not null && result.SinkFailure is null ? ", written to " + path : "")}");
            if (board is not null)
                log.Write(LinkChanges(before, Counters(board)));
            log.Flush();
            output.Finish(ExitCode.Success);
            if (result.SinkFailure is IOException failure && path is not null)
                return Fail(stderr, WriteFailure.Describe(path, failure, file!.PacketsWritten));
            return result.Completed ? ExitCode.Success : Fail(stderr, "the exchange did not finish (see above)");
        }
    }

    /// <summary>Appends the samples to a pcapng file as custom blocks after the packets; a pcap file has no place for them (one line says so).</summary>
    private static TrafficReport KeepSamples(PacketFileWriter file, TcpInfoSeries series, TrafficReport result)
    {
        if (!file.IsPcapNg)
            return result with { Lines = [.. result.Lines, "tcp_info: the samples are not kept: a .pcap file has no place for them (write .pcapng)"] };
        try
        {
            foreach (var block in series.Encode())
                file.WriteCustomBlock(TcpInfoSeries.EnterpriseNumber, block);
            return result;
        }
        catch (IOException e)
        {
            return result with { SinkFailure = e };
        }
    }

    /// <summary>Long enough after the exchange for the last ACK to cross the link twice (delay and jitter each way), and 300 ms.</summary>
    private static TimeSpan SettleTime(LinkSettings link)
    {
        long longest = Math.Max(link.AToB.DelayNanoseconds + link.AToB.JitterNanoseconds, link.BToA.DelayNanoseconds + link.BToA.JitterNanoseconds);
        return TimeSpan.FromMilliseconds(300) + TimeSpan.FromTicks(2 * longest / 100);
    }

    private static LinkCounters[] Counters(LinkStatusBoard? board) =>
        board is null ? [] : [board.Snapshot(LinkDirection.AToB), board.Snapshot(LinkDirection.BToA)];

    /// <summary>What the link did during the run, per direction: only the counters that moved.</summary>
    private static string LinkChanges(LinkCounters[] before, LinkCounters[] after)
    {
        if (before.Length != 2 || after.Length != 2)
            return "";
        var rows = LinkCounters.Named.Where(r => LinkCounters.Events.Contains(r.Name)).ToArray();
        var text = new System.Text.StringBuilder();
        string[] directions = ["a->b", "b->a"];
        for (int d = 0; d < 2; d++)
        {
            var moved = rows.Select(r => (r.Name, Delta: r.Value(after[d]) - r.Value(before[d]))).Where(r => r.Delta != 0 || r.Name == "forwarded");
            text.Append($"link {directions[d]}: ").Append(string.Join(", ", moved.Select(r => $"{r.Name} {r.Delta.ToString(CultureInfo.InvariantCulture)}")));
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>"150k" (k, m, g: powers of 1024), "8192": bytes within bounds.</summary>
    internal static bool TryParseSize(string text, long min, long max, out long bytes, out string? error)
    {
        error = null;
        bytes = 0;
        var t = text.Trim().ToLowerInvariant();
        long unit = 1;
        if (t.EndsWith("ib", StringComparison.Ordinal))
            t = t[..^2];
        else if (t.EndsWith('b'))
            t = t[..^1];
        if (t.Length > 0 && "kmg".Contains(t[^1]))
        {
            unit = t[^1] switch { 'k' => 1L << 10, 'm' => 1L << 20, _ => 1L << 30 };
            t = t[..^1];
        }
        if (!double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value * unit < min || value * unit > max)
        {
            error = $"{text}: a size is {min} to {max} bytes, as 8192, 8k, 150k or 2m";
            return false;
        }
        bytes = (long)(value * unit);
        return true;
    }

    private static bool TryParseTime(string text, out TimeSpan time, out string? error)
    {
        time = default;
        if (!LinkSettings.TryParseDuration(text, out var nanoseconds, out var message))
        {
            error = message;
            return false;
        }
        error = null;
        time = TimeSpan.FromTicks(nanoseconds / 100);
        return true;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine("rawnet: lab traffic: " + message);
        stderr.Flush();
        return ExitCode.BadInput;
    }

    private sealed class FileSink(PacketFileWriter file) : ICapturedFrameSink
    {
        public void Write(in FrameMetadata metadata, ReadOnlySpan<byte> frame) => file.Write(metadata, frame);
    }

    /// <summary>Prints each frame as <c>capture</c> does (conversations followed when the printer shows analysis).</summary>
    private sealed class PrintSink(IPacketPrinter printer, TextWriter writer) : ICapturedFrameSink
    {
        private readonly PacketDecoder _decoder = new(new DecoderOptions(Defragment: !PrinterOptions.PrintsEachFragment(printer)));
        private readonly DecodedPacket _packet = new();
        private readonly ConversationTracker? _tracker = printer.ShowsAnalysis ? new ConversationTracker() : null;
        private long _number;

        public void Write(in FrameMetadata metadata, ReadOnlySpan<byte> frame)
        {
            _decoder.Decode(frame, metadata, ++_number, _packet);
            _tracker?.Analyze(_packet, frame);
            printer.Print(_packet, frame, writer);
            writer.Flush();
        }
    }
}
