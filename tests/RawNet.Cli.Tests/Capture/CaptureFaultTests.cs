using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using RawNet.Files;
using RawNet.Files.Pcap;
using RawNet.Files.PcapNg;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Capture;

/// <summary>
/// <c>rawnet capture -w</c> when things go wrong, and nothing captured is lost: the disk fills up (a 256 KiB tmpfs in a
/// mount namespace of the test's own), the process is killed with SIGKILL while packets flow (and its guard, alone, cuts
/// a record the kill left half written), the interface is removed.
/// Each time the file ends on a whole record: tshark reads it without a warning and RawNet's reader reads every record.
/// </summary>
public sealed partial class CaptureFaultTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [GeneratedRegex(@"^rawnet: (?<path>\S+): No space left on device: the capture stopped; the file keeps (?<kept>\d+) packets and ends on a whole record$")]
    private static partial Regex DiskFullLine();

    /// <summary>
    /// Run by bash inside <c>unshare -mn</c>: a 256 KiB tmpfs on $1, loopback up, rawnet ($3...) writing into it with its
    /// standard error in $2, and a generator that, once rawnet listens, sends at most 3,000 datagrams of 1,000 bytes to
    /// 127.0.0.1:9 while rawnet runs; then the file is copied out to $1.out (the tmpfs vanishes with the namespace).
    /// </summary>
    private const string FullDiskScript = """
        set -u
        dir=$1; err=$2; shift 2
        mount -t tmpfs -o size=256k tmpfs "$dir" || exit 90
        ip link set lo up || exit 91
        (
          for i in $(seq 1 300); do grep -q 'listening on' "$err" 2>/dev/null && break; sleep 0.1; done
          payload=$(head -c 1000 /dev/zero | tr '\0' x)
          for i in $(seq 1 3000); do [ -e "$err.done" ] && break; printf %s "$payload" 2>/dev/null >/dev/udp/127.0.0.1/9; done
        ) &
        "$@" 2>"$err"
        code=$?
        touch "$err.done"
        wait
        mkdir "$dir.out" && cp "$dir"/* "$dir.out/"
        exit $code
        """;

    [Theory]
    [InlineData(".pcap")]
    [InlineData(".pcapng")]
    public void A_full_disk_stops_the_capture_with_one_line_the_counters_and_a_file_ending_on_a_whole_record(string extension)
    {
        ExternalTool.RequireRoot();
        var unshare = ExternalTool.Require("unshare", "util-linux");
        var bash = ExternalTool.Require("bash", "bash");
        ExternalTool.Require("ip", "iproute2");
        var work = Directory.CreateTempSubdirectory("rawnet-full-disk-").FullName;
        try
        {
            // rawnet writes as nobody once its socket is open (it gives root up): it must reach the disk.
            ExternalTool.Run("chmod", ["755", work]);
            var mount = Path.Combine(work, "disk");
            Directory.CreateDirectory(mount);
            var err = Path.Combine(work, "rawnet.err");
            var path = Path.Combine(mount, "x" + extension);
            var (code, _, scriptErrors) = ExternalTool.Run(unshare,
                ["-mn", bash, "-c", FullDiskScript, "full-disk", mount, err,
                 "dotnet", RawNetProcess.AssemblyPath, "capture", "-i", "lo", "-f", "udp and dst port 9", "-w", path],
                Patience);
            var stderr = File.ReadAllText(err);

            Assert.True(code == 1, $"exit {code}: {stderr}{scriptErrors}");
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("listening on lo", lines[0]);
            Assert.Matches(@"^\d+ packets captured$", lines[1]);
            Assert.Matches(@"^\d+ packets received by filter$", lines[2]);
            Assert.Matches(@"^\d+ packets? dropped by kernel$", lines[3]);
            Assert.Matches(@"^\d+ packets? dropped by ring$", lines[4]);
            var last = DiskFullLine().Match(lines[5]);
            Assert.True(last.Success, stderr);
            Assert.Equal(path, last.Groups["path"].Value);
            Assert.Equal(6, lines.Length);

            var copy = Path.Combine(mount + ".out", "x" + extension);
            int kept = int.Parse(last.Groups["kept"].Value);
            Assert.InRange(kept, 100, 300);
            Assert.Equal(kept, ReadEveryRecord(copy));
            AssertTsharkReadsWithoutWarning(copy, kept);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Theory]
    [InlineData(".pcap", false)]
    [InlineData(".pcapng", false)]
    [InlineData(".pcap", true)]
    [InlineData(".pcapng", true)]
    public void Killed_with_sigkill_while_packets_flow_the_file_is_readable_up_to_the_last_record_written(string extension, bool keepRoot)
    {
        ExternalTool.RequireRoot();
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)receiver.Client.LocalEndPoint!).Port;
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-killed-{Guid.NewGuid():N}{extension}");
        try
        {
            using var rawnet = LiveRawNet.Start(["capture", "-i", "lo", "-f", $"udp and dst port {port}", "-w", path, .. keepRoot ? ["--keep-root"] : Array.Empty<string>()]);
            Assert.True(rawnet.IsListening, rawnet.StandardError);
            using var sender = new UdpClient();
            var target = new IPEndPoint(IPAddress.Loopback, port);
            var payload = new byte[1400];
            // Bounded: at most 20,000 datagrams of 60 to 1,400 bytes; the kill comes once the file holds a few hundred KiB.
            bool killed = false;
            for (int i = 0; i < 20_000 && !killed; i++)
            {
                sender.Send(payload, 60 + i * 37 % 1340, target);
                if (i % 100 == 99 && File.Exists(path) && new FileInfo(path).Length > 300_000)
                    killed = rawnet.KillNow(Patience);
            }
            Assert.True(killed, "rawnet was never killed: the file did not grow to 300 KB");
            // A kill inside a write may leave part of a record, which rawnet's guard cuts off once it sees its parent gone.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            // Bounded by the test's patience: on a loaded machine the guard (a dotnet process) may take seconds to run.
            while (!EndsOnWholeRecord(path) && clock.Elapsed < Patience)
                Thread.Sleep(50);
            int records = ReadEveryRecord(path);
            Assert.True(records > 100, $"only {records} records");
            AssertTsharkReadsWithoutWarning(path, records);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("afpacket", ".pcapng")]
    [InlineData("libpcap", ".pcap")]
    public void An_interface_removed_mid_capture_ends_it_with_one_line_the_counters_and_every_packet_in_the_file(string backend, string extension)
    {
        ExternalTool.RequireRoot();
        if (backend == "libpcap" && !RawNet.Capture.LibPcap.PcapLibrary.IsAvailable)
            Assert.Skip("libpcap is not available (apt-get install libpcap0.8)");
        using var lab = NetworkLab.Create();
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-removed-{Guid.NewGuid():N}{extension}");
        try
        {
            const int Port = 40_011;
            using var rawnet = LiveRawNet.Start(["capture", "-i", lab.B.Interface, "--backend", backend, "-f", $"udp and dst port {Port}", "-w", path], lab.B.Namespace);
            Assert.True(rawnet.IsListening, rawnet.StandardError);
            lab.SendUdp(lab.A, Port, [.. Enumerable.Range(0, 20).Select(i => new byte[100 + i])]);
            // The file is flushed whenever the capture has caught up: wait (bounded) until the 20 datagrams are in it.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (RecordsSoFar(path) < 20 && clock.Elapsed < TimeSpan.FromSeconds(10))
                Thread.Sleep(50);

            Assert.Equal(0, lab.RunIn(lab.B.Namespace, "ip", "link", "del", lab.B.Interface).ExitCode);
            var code = rawnet.WaitForExit(Patience);

            Assert.True(code == 1, $"exit {code?.ToString() ?? "(still running)"}: {rawnet.StandardError}");
            var lines = rawnet.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("20 packets captured", lines[1]);
            var failure = Assert.Single(lines, line => line.StartsWith("rawnet: ", StringComparison.Ordinal));
            Assert.Equal(failure, lines[^1]);
            Assert.Contains(lab.B.Interface, failure);
            Assert.DoesNotContain(lines, line => line.StartsWith("   at ", StringComparison.Ordinal));
            Assert.Equal(20, ReadEveryRecord(path));
            AssertTsharkReadsWithoutWarning(path, 20);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(".pcap", false)]
    [InlineData(".pcapng", false)]
    [InlineData(".pcap", true)]
    public void The_file_guard_cuts_what_a_killed_capture_left_half_written_and_nothing_after_a_clean_end(string extension, bool cleanEnd)
    {
        var sh = ExternalTool.Require("sh", "dash");
        // A file as a capture killed inside a write leaves it: three whole records, then part of a fourth.
        var (whole, boundaries) = FourRecords(extension);
        long cut = boundaries[3] + (boundaries[4] - boundaries[3]) / 2;
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-guard-{Guid.NewGuid():N}{extension}");
        try
        {
            File.WriteAllBytes(path, whole[..(int)cut]);
            // The guard inherits the file as descriptor 3, write-only as capture -w opens it, and reads ends of whole records on its input.
            var start = new System.Diagnostics.ProcessStartInfo(sh) { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-c", "exec \"$0\" \"$1\" file-guard 3 3>>\"$2\"", "dotnet", RawNetProcess.AssemblyPath, path })
                start.ArgumentList.Add(argument);
            using var guard = System.Diagnostics.Process.Start(start)!;
            var message = new byte[8];
            // Told about the first record only: the records that reached the file whole after it are kept too.
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(message, boundaries[1]);
            guard.StandardInput.BaseStream.Write(message);
            if (cleanEnd)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(message, -1);
                guard.StandardInput.BaseStream.Write(message);
            }
            // The capture's end: its side of the pipe closes, with the closing mark or (killed) without.
            guard.StandardInput.Close();
            Assert.True(guard.WaitForExit(Patience), "the guard did not exit");
            Assert.True(guard.ExitCode == 0, guard.StandardError.ReadToEnd());

            if (cleanEnd)
                Assert.Equal(cut, new FileInfo(path).Length);
            else
            {
                Assert.Equal(boundaries[3], new FileInfo(path).Length);
                Assert.Equal(3, ReadEveryRecord(path));
                AssertTsharkReadsWithoutWarning(path, 3);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A file of four packet records and where each ends (index 0: the end of the headers).</summary>
    private static (byte[] Bytes, List<long> Boundaries) FourRecords(string extension)
    {
        var stream = new MemoryStream();
        var boundaries = new List<long>();
        using (var pcap = extension == ".pcap" ? new PcapWriter(stream, RawNet.Protocols.LinkType.Ethernet, leaveOpen: true) : null)
        using (var pcapNg = extension == ".pcap" ? null : new PcapNgWriter(stream, leaveOpen: true))
        {
            pcapNg?.AddInterface(RawNet.Protocols.LinkType.Ethernet);
            for (int i = 0; i <= 4; i++)
            {
                pcap?.Flush();
                pcapNg?.Flush();
                boundaries.Add(stream.Length);
                if (i == 4)
                    break;
                var data = new byte[200 + i * 100];
                var metadata = new RawNet.Protocols.FrameMetadata(1_700_000_000_000_000_000 + i, data.Length, data.Length, RawNet.Protocols.LinkType.Ethernet);
                pcap?.Write(metadata, data);
                pcapNg?.Write(metadata, data);
            }
        }
        return (stream.ToArray(), boundaries);
    }

    /// <summary>How many records RawNet's reader reads from <paramref name="path"/>; fails on any damage (a record cut short).</summary>
    private static int ReadEveryRecord(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
            return 0;
        using var reader = CaptureFileReader.Open(path);
        int count = 0;
        while (reader.TryReadNext(out _))
            count++;
        return count;
    }

    /// <summary>The records of a file still being written; one being written as it is read does not count yet.</summary>
    private static int RecordsSoFar(string path)
    {
        try
        {
            return ReadEveryRecord(path);
        }
        catch (CaptureFileException)
        {
            return 0;
        }
    }

    private static bool EndsOnWholeRecord(string path)
    {
        try
        {
            ReadEveryRecord(path);
            return true;
        }
        catch (CaptureFileException)
        {
            return false;
        }
    }

    /// <summary>tshark reads <paramref name="records"/> packets from <paramref name="path"/> and warns of nothing (no "cut short in the middle of a packet").</summary>
    private static void AssertTsharkReadsWithoutWarning(string path, int records)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var (code, stdout, stderr) = ExternalTool.Run(tshark, ["-n", "-r", path, "-T", "fields", "-e", "frame.number"], Patience);
        // tshark's one remark about running as root is not about the file.
        var warnings = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith("Running as user \"root\"", StringComparison.Ordinal));
        Assert.True(code == 0 && !warnings.Any(), $"tshark -r {path}: exit {code}: {stderr}");
        Assert.Equal(records, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
