using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using RawNet.Capture.Replay;
using RawNet.Capture.Sources;
using RawNet.Files;

namespace RawNet.Cli.Commands;

/// <summary>
/// <c>rawnet replay FILE -i IFACE</c>: sends a capture file's Ethernet frames out of an interface with the recorded
/// timing, scaled, at a fixed rate or as fast as possible, then prints tcpreplay's summary plus the timing error.
/// Exit 1 when any frame was refused (listed by number under Failed), as tcpreplay does.
/// </summary>
public static class ReplayCommand
{
    /// <summary>Builds the command; the summary goes to <paramref name="output"/>, problems to <paramref name="stderr"/>.</summary>
    public static Command Create(CommandOutput output, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "The pcap or pcapng file to send (Ethernet frames only)." };
        var iface = new Option<string>("-i", "--interface") { Description = "The interface the frames leave by.", HelpName = "IFACE", Required = true };
        var speed = new Option<double?>("--speed") { Description = "Play the recorded gaps this many times faster (default 1: as recorded).", HelpName = "X" };
        var pps = new Option<double?>("--pps") { Description = "Send at this fixed rate instead of the recorded timing.", HelpName = "N" };
        var topspeed = new Option<bool>("--topspeed") { Description = "Send as fast as the interface takes the frames." };
        var loop = new Option<int>("--loop") { Description = "Send the file this many times.", HelpName = "N", DefaultValueFactory = _ => 1 };
        var backend = BackendOption.ForSending();

        var command = new Command("replay", "Send the frames of a capture file out of an interface, with their recorded timing or at a given rate.")
        {
            file, iface, speed, pps, topspeed, loop, backend,
        };
        command.SetAction(parse =>
        {
            double? x = parse.GetValue(speed);
            double? rate = parse.GetValue(pps);
            bool top = parse.GetValue(topspeed);
            int loops = parse.GetValue(loop);
            if ((x is not null ? 1 : 0) + (rate is not null ? 1 : 0) + (top ? 1 : 0) > 1)
                return PrinterOptions.Usage(stderr, "replay", "--speed, --pps and --topspeed exclude one another");
            if (x is double s && !(s > 0 && double.IsFinite(s)))
                return PrinterOptions.Usage(stderr, "replay", "--speed needs a factor above 0");
            if (rate is double r && !(r > 0 && double.IsFinite(r)))
                return PrinterOptions.Usage(stderr, "replay", "--pps needs a rate above 0");
            if (loops < 1)
                return PrinterOptions.Usage(stderr, "replay", "--loop needs a count of 1 or more");
            var options = new ReplayOptions(parse.GetValue(iface)!,
                top ? ReplayPacing.TopSpeed : rate is not null ? ReplayPacing.FixedRate : ReplayPacing.Recorded,
                x ?? 1, rate ?? 0, loops);
            return Run(parse.GetValue(file)!, options, parse.GetValue(backend) ?? CaptureBackends.Auto, output, stderr);
        });
        return command;
    }

    private static int Run(string path, ReplayOptions options, string backend, CommandOutput output, TextWriter stderr)
    {
        if (!File.Exists(path))
            return Fail(output, stderr, $"{path}: No such file");
        using var cancel = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            cancel.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        ReplayResult result;
        try
        {
            using var replayer = PacketReplayer.Open(options.Interface, backend);
            result = replayer.Replay(path, options, cancel.Token);
        }
        catch (Exception e) when (e is ReplayException or CaptureFileException or IOException or UnauthorizedAccessException)
        {
            return Fail(output, stderr, e.Message);
        }

        Print(output.Writer, result, options.Pacing != ReplayPacing.TopSpeed);
        return output.Finish(result.FailedCount > 0 ? ExitCode.BadInput : ExitCode.Success);
    }

    /// <summary>tcpreplay's summary lines, then the timing error and the refused frames.</summary>
    internal static void Print(TextWriter writer, ReplayResult result, bool scheduled)
    {
        var c = CultureInfo.InvariantCulture;
        double seconds = result.Elapsed.TotalSeconds;
        double bytesPerSecond = seconds > 0 ? result.BytesSent / seconds : 0;
        double packetsPerSecond = seconds > 0 ? result.PacketsSent / seconds : 0;
        if (result.Interrupted)
            writer.WriteLine("Interrupted.");
        writer.WriteLine(string.Format(c, "Actual: {0} packets ({1} bytes) sent in {2:F6} seconds", result.PacketsSent, result.BytesSent, seconds));
        writer.WriteLine(string.Format(c, "Rated: {0:F1} Bps, {1:F2} Mbps, {2:F2} pps", bytesPerSecond, bytesPerSecond * 8 / 1e6, packetsPerSecond));
        writer.WriteLine(scheduled
            ? string.Format(c, "Timing error: mean {0:F1} us, max {1:F1} us", result.MeanErrorMicroseconds, result.MaxErrorMicroseconds)
            : "Timing error: none (top speed has no schedule)");
        var failed = string.Format(c, "Failed: {0}", result.FailedCount);
        if (result.FailedCount > 0)
        {
            failed += " (frames " + string.Join(", ", result.FailedFrames) + (result.FailedCount > result.FailedFrames.Count ? ", ..." : "") + ")";
        }
        writer.WriteLine(failed);
    }

    private static int Fail(CommandOutput output, TextWriter stderr, string message) => CaptureInput.Fail(output, stderr, message);
}
