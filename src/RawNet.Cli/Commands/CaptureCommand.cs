using System.CommandLine;
using RawNet.Capture.Bpf;
using RawNet.Capture.LibPcap;
using RawNet.Capture.Ring;
using RawNet.Capture.Sessions;
using RawNet.Capture.Sources;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Files;
using RawNet.Files.Pcap;
using RawNet.Files.PcapNg;
using RawNet.Output;
using RawNet.Protocols;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;

namespace RawNet.Cli.Commands;

/// <summary>
/// <c>rawnet capture -i IFACE</c>: captures live through AF_PACKET or libpcap into a ring; the command's thread prints
/// each packet (with the same printers as <c>read</c>) or writes a pcap/pcapng file; on stop it reports tcpdump's
/// counters on standard error.
/// </summary>
public static class CaptureCommand
{
    private const int MaxSnapLength = CaptureFileReader.MaxCapturedLength;

    /// <summary>Builds the command; it prints through <paramref name="output"/> and reports problems on <paramref name="stderr"/>.</summary>
    public static Command Create(CommandOutput output, TextWriter stderr, IReadOnlyList<string>? program = null)
    {
        var iface = new Option<string>("-i", "--interface") { Description = "The interface to capture on: its name or its number in rawnet interfaces.", HelpName = "IFACE", Required = true };
        var backend = BackendOption.ForCapture();
        var filter = new Option<string>("-f", "--filter") { Description = "Capture filter in tcpdump syntax, run in the kernel (e.g. \"udp port 53\").", HelpName = "EXPR" };
        var write = new Option<string>("-w", "--write") { Description = "Write the packets to this file instead of printing them: pcap for *.pcap, pcapng otherwise.", HelpName = "FILE" };
        var count = new Option<long>("-c", "--count") { Description = "Stop after this many packets.", HelpName = "N" };
        var duration = new Option<double>("--duration") { Description = "Stop after this many seconds.", HelpName = "S" };
        var snaplen = new Option<int>("-s", "--snaplen") { Description = $"Bytes kept of each packet (default and maximum {MaxSnapLength}).", HelpName = "N", DefaultValueFactory = _ => MaxSnapLength };
        var noPromisc = new Option<bool>("-p", "--no-promisc") { Description = "Do not put the interface into promiscuous mode." };
        var threads = BackendOption.Threads();
        var privileges = new PrivilegeOptions(program is not null);
        var noDefrag = new Option<bool>("--no-defrag") { Description = "Do not reassemble IP fragments when printing." };
        var printing = new PrinterOptions();

        var command = new Command("capture", "Capture packets live from an interface and print them or write a file.")
        {
            iface, backend, filter, write, count, duration, snaplen, noPromisc, threads,
        };
        printing.AddTo(command);
        privileges.AddTo(command);
        command.Add(noDefrag);
        command.SetAction(parse =>
        {
            long limit = parse.GetValue(count);
            if (limit < 0)
                return PrinterOptions.Usage(stderr, "capture", "-c needs a count of 0 or more");
            double seconds = parse.GetValue(duration);
            if (seconds < 0 || double.IsNaN(seconds) || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
                return PrinterOptions.Usage(stderr, "capture", "--duration needs a number of seconds above 0");
            int snap = parse.GetValue(snaplen);
            if (snap < 1 || snap > MaxSnapLength)
                return PrinterOptions.Usage(stderr, "capture", $"--snaplen needs a length between 1 and {MaxSnapLength}");
            int sockets = parse.GetValue(threads);
            if (CaptureSources.ThreadsOutOfRange(sockets) is { } outOfRange)
                return PrinterOptions.Usage(stderr, "capture", outOfRange);
            string? path = parse.GetValue(write);
            IPacketPrinter? printer = null;
            if (path is null && (printer = printing.Create(parse, "capture", stderr)) is null)
                return ExitCode.Usage;

            var settings = new Settings(
                new CaptureOptions(parse.GetValue(iface)!, snap, !parse.GetValue(noPromisc), parse.GetValue(filter)),
                parse.GetValue(backend) ?? CaptureBackends.Auto,
                new CaptureSessionOptions(limit, seconds > 0 ? TimeSpan.FromSeconds(seconds) : null),
                path, printer, !parse.GetValue(noDefrag) && (printer is null || !PrinterOptions.PrintsEachFragment(printer)),
                printing.ShowsChecksums(parse), program, sockets);
            return Run(settings, () => privileges.GiveUpRoot(parse, keepNetRaw: false), output, stderr);
        });
        return command;
    }

    private sealed record Settings(CaptureOptions Capture, string Backend, CaptureSessionOptions Session, string? Path,
        IPacketPrinter? Printer, bool Defragment, bool VerifyChecksums, IReadOnlyList<string>? Program, int Threads);

    /// <summary>Opens the capture, gives root up (<paramref name="giveUpRoot"/>: null, or why it could not) and captures.</summary>
    private static int Run(Settings settings, Func<string?> giveUpRoot, CommandOutput output, TextWriter stderr)
    {
        string? name;
        try
        {
            name = NetworkInterfaces.Resolve(settings.Capture.Interface, ListedInterfaceNames, out var unknownNumber);
            if (name is null)
                return Fail(stderr, unknownNumber!);
        }
        catch (Exception e) when (e is LibPcapUnavailableException or PcapException)
        {
            return Fail(stderr, $"{settings.Capture.Interface}: an interface number needs the list of rawnet interfaces: {e.Message}");
        }
        settings = settings with
        {
            Capture = settings.Capture with { Interface = name },
            Backend = CaptureBackends.ForCapture(settings.Backend, name),
        };
        if (CaptureSources.ThreadsRefusal(settings.Backend, settings.Threads, name) is { } threads)
            return PrinterOptions.Usage(stderr, "capture", threads);
        if (CaptureBackends.Unavailable(settings.Backend) is { } unavailable)
            return Fail(stderr, unavailable);
        if (settings.Backend == CaptureBackends.AfPacket && name != "any" && !NetworkInterfaces.Exists(name))
            return Fail(stderr, $"{name}: No such interface (see rawnet interfaces)");

        ICaptureSource[] sources;
        try
        {
            // Immediate mode only when a person is watching lines; a file is written by the block, which costs less per packet.
            sources = CaptureSources.Open(settings.Capture, settings.Backend, settings.Threads, immediate: settings.Path is null);
        }
        catch (BpfCompileException e)
        {
            stderr.WriteLine("rawnet: " + e.Message);
            return ExitCode.Usage;
        }
        catch (Exception e) when (CaptureSources.DescribeOpenFailure(e, name) is { } message)
        {
            return Fail(stderr, message);
        }

        try
        {
            // The sockets are open: nothing after this line (the file, the parsing) needs root, nor any capability.
            bool wasRoot = Privileges.IsRoot;
            if (giveUpRoot() is { } refused)
                return Fail(stderr, refused);
            return Capture(sources, settings, wasRoot && !Privileges.IsRoot, output, stderr);
        }
        finally
        {
            foreach (var source in sources)
                source.Dispose();
        }
    }

    /// <summary>The names <c>rawnet interfaces</c> numbers, in its order.</summary>
    private static IReadOnlyList<string> ListedInterfaceNames() => [.. PcapDevice.FindAll().Select(device => device.Name)];

    /// <summary>
    /// Captures from the open <paramref name="sources"/> (one, or the sockets of a fanout group, read merged in timestamp
    /// order); <paramref name="gaveUpRoot"/> says the process was root and is no longer.
    /// </summary>
    private static int Capture(ICaptureSource[] sources, Settings settings, bool gaveUpRoot, CommandOutput output, TextWriter stderr)
    {
        var source = sources[0];
        using var session = new CaptureSession(sources, settings.Session);
        var consumer = session.AddReader(settings.Path is null ? "printer" : "file");
        PacketFileWriter? file = null;
        if (settings.Path is { } path)
        {
            try
            {
                file = PacketFileWriter.Create(path, source.LinkType, settings.Capture.SnapLength, source.InterfaceName);
                file.Guard(settings.Program);
            }
            catch (IOException e)
            {
                return Fail(stderr, $"{path}: {WriteFailure.Reason(e)}");
            }
            catch (UnauthorizedAccessException e)
            {
                return Fail(stderr, gaveUpRoot
                    ? $"{path}: Permission denied (rawnet gave root up before creating it; -Z root or --keep-root writes as root)"
                    : $"{path}: {e.Message}");
            }
        }

        int code = ExitCode.Success;
        string? fileFailure = null;
        using (session.StopOnSignals())
        {
            // As tcpdump, once the file is open; and once Ctrl-C stops the capture cleanly rather than killing it.
            var backend = sources.Length == 1 ? source.BackendName : $"{source.BackendName}, {sources.Length} sockets in fanout group {((AfPacketCaptureSource)source).FanoutGroup}";
            stderr.WriteLine($"listening on {source.InterfaceName} ({backend}), link-type {LinkTypeNames.Name(source.LinkType)}, snapshot length {settings.Capture.SnapLength} bytes");
            stderr.Flush();
            session.Start();
            try
            {
                if (file is not null)
                    fileFailure = WriteAll(consumer, file, settings.Path!, session);
                else
                    PrintAll(consumer, settings, output, session);
            }
            catch (IOException e) when (!output.IsBroken)
            {
                session.Stop();
                code = Fail(stderr, $"{settings.Path ?? "standard output"}: {e.Message}");
            }
            catch (IOException)
            {
                session.Stop();
            }
            finally
            {
                file?.Dispose();
                session.Stop();
                session.WaitForFinish(Timeout.InfiniteTimeSpan);
            }
        }

        output.Finish(code);
        var counters = session.Counters;
        stderr.WriteLine(Plural(counters.Captured, "captured"));
        stderr.WriteLine(Plural(counters.ReceivedByFilter, "received by filter"));
        stderr.WriteLine(Plural(counters.DroppedByKernel, "dropped by kernel"));
        stderr.WriteLine(Plural(counters.DroppedByRing, "dropped by ring"));
        if (sources.Length > 1)
        {
            stderr.WriteLine(Plural(counters.OutOfOrder, "out of timestamp order (later than the merge window)"));
            stderr.WriteLine("received by filter per socket: " + string.Join(" + ", session.SourceStatistics.Select(s => s.ReceivedByFilter)));
        }
        if (fileFailure is not null)
            code = Fail(stderr, fileFailure);
        else if (session.Failure is { } failure && code == ExitCode.Success)
            code = Fail(stderr, $"{source.InterfaceName}: {failure.Message}");
        stderr.Flush();
        return code;
    }

    private static string Plural(long n, string what) => n == 1 ? $"1 packet {what}" : $"{n} packets {what}";

    /// <summary>Writes every captured record to <paramref name="file"/>; null, or the one-line message when a write failed (the capture is then stopped).</summary>
    private static string? WriteAll(IRecordBatchReader consumer, PacketFileWriter file, string path, CaptureSession session)
    {
        try
        {
            // Caught up with the ring: what was captured goes to the kernel now, so that a kill -9 (which no program
            // can catch) loses only the packets of the moment, and the file always ends on a whole record.
            while (NextBatch(consumer, out var batch, file.Flush))
            {
                foreach (var record in batch)
                    file.Write(record.Metadata, record.Data);
                batch.Release();
            }
            file.Flush();
            return null;
        }
        catch (IOException e)
        {
            // The writer has cut the file back to its last whole record and will not write again.
            session.Stop();
            return WriteFailure.Describe(path, e, file.PacketsWritten);
        }
    }

    /// <summary>The longest a caught-up consumer sleeps without a publish (publishes and the end wake it at once).</summary>
    private static readonly TimeSpan IdleWakeUp = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The next batch of records, sleeping until the capture publishes while none is ready; false once the session has
    /// completed the rings and everything was read. A consumer that spins, yields or wakes every millisecond between
    /// the kernel's blocks costs more CPU than the packets themselves. <paramref name="caughtUp"/> runs once when
    /// nothing more is ready, before the first sleep.
    /// </summary>
    private static bool NextBatch(IRecordBatchReader consumer, out RingBatch batch, Action? caughtUp = null)
    {
        bool waited = false;
        while (!consumer.TryReadBatch(out batch))
        {
            if (!waited)
            {
                caughtUp?.Invoke();
                waited = true;
            }
            if (consumer.IsCompleted)
                return false;
            consumer.WaitForRecords(IdleWakeUp);
        }
        return true;
    }

    private static void PrintAll(IRecordBatchReader consumer, Settings settings, CommandOutput output, CaptureSession session)
    {
        // Offloaded checksums are not filled in yet when an outgoing packet is captured: judge them only when -v asks
        // (tcpdump -v calls them incorrect too; tshark does not judge by default).
        var decoder = new PacketDecoder(new DecoderOptions(Defragment: settings.Defragment, VerifyChecksums: settings.VerifyChecksums));
        var packet = new DecodedPacket();
        var printer = settings.Printer!;
        // Conversations are followed as in rawnet read, when what is printed needs them (-V, JSON, analysis fields).
        var tracker = printer.ShowsAnalysis ? new ConversationTracker() : null;
        RawNet.Output.Fields.ExpertAnalysis.AttachIf(printer.ShowsExpert, tracker);
        var writer = output.Writer;
        long number = 0;
        bool readerGone = false;
        // Lines appear as packets arrive, not when the 64 KiB buffer fills: flushed whenever the printer has caught up
        // (not after every batch: a merge of several rings hands out short runs).
        void CaughtUp()
        {
            writer.Flush();
            if (!readerGone && (output.IsBroken || StandardOutputPipe.ReaderGone()))
            {
                readerGone = true;
                session.Stop();
            }
        }
        while (!readerGone && NextBatch(consumer, out var batch, CaughtUp))
        {
            foreach (var record in batch)
            {
                var metadata = record.Metadata;
                decoder.Decode(record.Data, metadata, ++number, packet);
                tracker?.Analyze(packet, record.Data);
                printer.Print(packet, record.Data, writer);
            }
            batch.Release();
        }
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine("rawnet: " + message);
        stderr.Flush();
        return ExitCode.BadInput;
    }
}
