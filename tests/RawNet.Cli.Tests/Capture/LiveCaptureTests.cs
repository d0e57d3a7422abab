using System.Net;
using System.Net.Sockets;
using System.Text;
using RawNet.Capture.LibPcap;
using RawNet.Files;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Capture;

/// <summary>
/// <c>rawnet capture</c> end to end, as root: traffic goes only to 127.0.0.1 or between the two ends of a
/// <see cref="NetworkLab"/>; every send is a handful of datagrams.
/// </summary>
public sealed class LiveCaptureTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static void RequireBackend(string backend)
    {
        ExternalTool.RequireRoot();
        if (backend == "libpcap" && !PcapLibrary.IsAvailable)
            Assert.Skip("libpcap is not available (apt-get install libpcap0.8)");
    }

    /// <summary>Sends <paramref name="count"/> datagrams to 127.0.0.1:<paramref name="port"/>, each payload unique to this call.</summary>
    private static List<byte[]> SendTaggedDatagrams(int port, string label, int count)
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        var payloads = Enumerable.Range(1, count).Select(i => Encoding.ASCII.GetBytes($"rawnet {label} {i} {tag}")).ToList();
        using var sender = new UdpClient();
        foreach (var payload in payloads)
            sender.Send(payload, payload.Length, new IPEndPoint(IPAddress.Loopback, port));
        return payloads;
    }

    /// <summary>The capture stopped by itself (its -c count) with exit 0, and tshark reads exactly <paramref name="payloads"/> from its file.</summary>
    private static void AssertExitedWithFileOf(ListeningProcess rawnet, string path, List<byte[]> payloads)
    {
        var code = rawnet.WaitForExit(Patience);
        Assert.True(code == 0, $"exit {code?.ToString() ?? "(still running)"}: {rawnet.StandardError}");
        Assert.Equal(payloads.Select(Convert.ToHexStringLower), TsharkUdpPayloads(path));
    }

    private static string TempFile(string extension) => Path.Combine(Path.GetTempPath(), $"rawnet-capture-{Guid.NewGuid():N}{extension}");

    /// <summary>The UDP payloads tshark finds in <paramref name="path"/>, as hex.</summary>
    private static List<string> TsharkUdpPayloads(string path)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var (code, stdout, stderr) = ExternalTool.Run(tshark, ["-n", "-r", path, "-T", "fields", "-e", "udp.payload"]);
        Assert.True(code == 0, $"tshark could not read {path}: {stderr}");
        return [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim())];
    }

    private static void AssertCounterLines(string stderr, int captured)
    {
        Assert.Contains($"{captured} packets captured", stderr);
        Assert.Matches(@"(?m)^\d+ packets? received by filter$", stderr);
        Assert.Matches(@"(?m)^\d+ packets? dropped by kernel$", stderr);
        Assert.Matches(@"(?m)^0 packets dropped by ring$", stderr);
    }

    [Theory]
    [InlineData("afpacket", ".pcapng")]
    [InlineData("libpcap", ".pcapng")]
    [InlineData("afpacket", ".pcap")]
    public void Five_datagrams_to_127_0_0_1_end_up_in_a_file_tshark_reads(string backend, string extension)
    {
        RequireBackend(backend);
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)receiver.Client.LocalEndPoint!).Port;
        var path = TempFile(extension);
        try
        {
            using var rawnet = LiveRawNet.Start(["capture", "-i", "lo", "--backend", backend, "-f", $"udp and port {port} and host 127.0.0.1", "-c", "5", "-w", path]);
            Assert.True(rawnet.IsListening, rawnet.StandardError);

            var payloads = SendTaggedDatagrams(port, backend, 5);
            AssertExitedWithFileOf(rawnet, path, payloads);
            AssertCounterLines(rawnet.StandardError, 5);
            using var reader = CaptureFileReader.Open(path);
            Assert.Equal(extension == ".pcap" ? CaptureFileFormat.Pcap : CaptureFileFormat.PcapNg, reader.Format);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("any", "libpcap")]
    [InlineData("lo", "afpacket")]
    public void Without_backend_any_goes_to_libpcap_and_an_ethernet_or_loopback_link_to_afpacket(string iface, string expected)
    {
        RequireBackend("libpcap");
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)receiver.Client.LocalEndPoint!).Port;
        var path = TempFile(".pcapng");
        try
        {
            using var rawnet = LiveRawNet.Start(["capture", "-i", iface, "-f", $"udp and dst port {port} and host 127.0.0.1", "-c", "3", "-w", path]);
            Assert.True(rawnet.IsListening, rawnet.StandardError);
            Assert.Contains($"listening on {iface} ({expected})", rawnet.StandardError, StringComparison.Ordinal);

            // Each datagram once ("any" on Linux sees loopback traffic once, as tcpdump -i any does), in a file tshark reads.
            AssertExitedWithFileOf(rawnet, path, SendTaggedDatagrams(port, iface, 3));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Also when started with SIGINT ignored, as a script's <c>rawnet capture ... &amp;</c> is: tcpdump takes SIGINT back
    /// and so does rawnet, or <c>kill -INT</c> would leave the capture running.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ctrl_C_stops_a_printing_capture_cleanly_with_the_lines_and_the_counters(bool startedWithInterruptIgnored)
    {
        RequireBackend("afpacket");
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)receiver.Client.LocalEndPoint!).Port;
        using var rawnet = LiveRawNet.Start(["capture", "-i", "lo", "-f", $"udp and dst port {port}"], interruptIgnored: startedWithInterruptIgnored);
        Assert.True(rawnet.IsListening, rawnet.StandardError);
        using (var sender = new UdpClient())
        {
            for (int i = 0; i < 3; i++)
                sender.Send(new byte[10], 10, new IPEndPoint(IPAddress.Loopback, port));
        }
        var deadline = DateTime.UtcNow + Patience;
        while (rawnet.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length < 3 && DateTime.UtcNow < deadline)
            Thread.Sleep(50);

        var code = rawnet.Interrupt(Patience);

        Assert.True(code == 0, $"exit {code}: {rawnet.StandardError}");
        var lines = rawnet.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.Matches($@"^\d\d:\d\d:\d\d\.\d{{6}} IP 127\.0\.0\.1\.\d+ > 127\.0\.0\.1\.{port}: UDP, length 10$", line));
        AssertCounterLines(rawnet.StandardError, 3);
    }

    /// <summary>
    /// An idle capture's threads sleep: the capture thread in poll(2) (ten wake-ups a second) and the file writer until
    /// the capture publishes. A writer that looked every millisecond woke some two thousand times in these two seconds
    /// and cost 2.4% of a core doing nothing.
    /// </summary>
    [Fact]
    public void An_idle_capture_sleeps_instead_of_looking_for_packets_every_millisecond()
    {
        RequireBackend("afpacket");
        var path = TempFile(".pcapng");
        try
        {
            using var rawnet = LiveRawNet.Start(["capture", "-i", "lo", "-f", "udp and src port 9 and dst port 9", "-w", path]);
            Assert.True(rawnet.IsListening, rawnet.StandardError);
            Thread.Sleep(1000); // start-up's compiler and timer threads settle
            long before = VoluntaryContextSwitches(rawnet.Id);
            Thread.Sleep(2000);
            long wakeUps = VoluntaryContextSwitches(rawnet.Id) - before;

            Assert.True(wakeUps < 300, $"an idle capture woke {wakeUps} times in 2 s");
            Assert.True(rawnet.Interrupt(Patience) == 0, rawnet.StandardError);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The voluntary context switches of every thread of process <paramref name="pid"/>: how often they slept and woke.</summary>
    private static long VoluntaryContextSwitches(int pid)
    {
        long total = 0;
        foreach (var task in Directory.GetDirectories($"/proc/{pid}/task"))
        {
            try
            {
                var line = File.ReadLines(Path.Combine(task, "status")).FirstOrDefault(l => l.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal));
                if (line is not null)
                    total += long.Parse(line["voluntary_ctxt_switches:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The thread ended between the listing and the read.
            }
        }
        return total;
    }

    [Fact]
    public void With_user_nobody_the_open_capture_keeps_working_and_the_file_belongs_to_nobody()
    {
        RequireBackend("afpacket");
        var setpriv = ExternalTool.Find("setpriv");
        if (setpriv is null)
            Assert.Skip("setpriv is not installed (apt-get install util-linux); it checks what nobody can read");
        // After the switch the runtime may still load assemblies: they must be readable by nobody.
        var program = PermissionTests.ReadableProgram(setpriv);
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)receiver.Client.LocalEndPoint!).Port;
        var path = TempFile(".pcapng");
        try
        {
            using (var rawnet = LiveRawNet.Start(["capture", "-i", "lo", "-f", $"udp and dst port {port}", "-c", "3", "-w", path, "--user", "nobody"], program: program))
            {
                Assert.True(rawnet.IsListening, rawnet.StandardError);
                using (var sender = new UdpClient())
                {
                    for (int i = 0; i < 3; i++)
                        sender.Send([1, 2, 3, (byte)i], 4, new IPEndPoint(IPAddress.Loopback, port));
                }
                Assert.True(rawnet.WaitForExit(Patience) == 0, rawnet.StandardError);
                AssertCounterLines(rawnet.StandardError, 3);
            }
            Assert.Equal(["01020300", "01020301", "01020302"], TsharkUdpPayloads(path));
            Assert.Equal("65534", ExternalTool.Run("stat", ["-c", "%u", path]).StdOut.Trim());
        }
        finally
        {
            File.Delete(path);
            if (program != RawNetProcess.AssemblyPath)
                Directory.Delete(Path.GetDirectoryName(program)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("afpacket")]
    [InlineData("libpcap")]
    public void Printing_uses_reads_printers_numbering_packets_from_1(string backend)
    {
        RequireBackend(backend);
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)receiver.Client.LocalEndPoint!).Port;
        using var rawnet = LiveRawNet.Start(["capture", "-i", "lo", "--backend", backend, "-f", $"udp and dst port {port}", "-c", "2",
            "-T", "fields", "-e", "frame.number", "-e", "udp.dstport", "-e", "udp.length"]);
        Assert.True(rawnet.IsListening, rawnet.StandardError);
        using (var sender = new UdpClient())
        {
            sender.Send(new byte[5], 5, new IPEndPoint(IPAddress.Loopback, port));
            sender.Send(new byte[7], 7, new IPEndPoint(IPAddress.Loopback, port));
        }

        Assert.True(rawnet.WaitForExit(Patience) == 0, rawnet.StandardError);
        Assert.Equal($"1\t{port}\t13\n2\t{port}\t15\n", rawnet.StandardOutput.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Printing_live_follows_conversations_as_read_does()
    {
        RequireBackend("afpacket");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        // The handshake, 5 bytes each way and the acknowledgements: at least 7 packets; the first 6 are printed.
        using var rawnet = LiveRawNet.Start(["capture", "-i", "lo", "-f", $"tcp port {port}", "-c", "6",
            "-T", "fields", "-e", "tcp.stream", "-e", "tcp.seq", "-e", "tcp.ack", "-e", "tcp.len"]);
        Assert.True(rawnet.IsListening, rawnet.StandardError);
        using (var client = new TcpClient())
        {
            client.Connect(IPAddress.Loopback, port);
            using var server = listener.AcceptTcpClient();
            client.GetStream().Write("hello"u8);
            var buffer = new byte[5];
            server.GetStream().ReadExactly(buffer);
            server.GetStream().Write("world"u8);
            client.GetStream().ReadExactly(buffer);
            Assert.True(rawnet.WaitForExit(Patience) == 0, rawnet.StandardError);
        }
        var lines = rawnet.StandardOutput.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        // Relative numbers as tshark shows them: the SYN at 0, the SYN-ACK acknowledging 1, the client's data from 1.
        Assert.Equal("0\t0\t0\t0", lines[0]);
        Assert.Equal("0\t0\t1\t0", lines[1]);
        Assert.Equal("0\t1\t1\t0", lines[2]);
        Assert.Contains("0\t1\t1\t5", lines);
    }

    [Fact]
    public async Task A_printing_capture_ends_once_the_reader_of_its_output_has_gone()
    {
        RequireBackend("afpacket");
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)receiver.Client.LocalEndPoint!).Port;
        var psi = new System.Diagnostics.ProcessStartInfo("sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"dotnet '{RawNetProcess.AssemblyPath}' capture -i lo -f 'udp and dst port {port}' | head -1");
        using var shell = System.Diagnostics.Process.Start(psi)!;
        var cancel = TestContext.Current.CancellationToken;
        var stdout = shell.StandardOutput.ReadToEndAsync(cancel);
        var stderr = shell.StandardError.ReadToEndAsync(cancel);
        try
        {
            // Bounded: at most 100 datagrams to 127.0.0.1, until the pipeline ends.
            using var sender = new UdpClient();
            for (int i = 0; i < 100 && !shell.WaitForExit(200); i++)
                sender.Send(new byte[4], 4, new IPEndPoint(IPAddress.Loopback, port));
            Assert.True(shell.WaitForExit(Patience), "rawnet kept running after head exited");
            // rawnet's standard error reaches the end only when rawnet has exited.
            var reported = await stderr.WaitAsync(Patience, cancel);
            Assert.Matches(@"UDP, length 4", await stdout);
            Assert.Matches(@"(?m)^\d+ packets? captured$", reported);
        }
        finally
        {
            if (!shell.HasExited)
                shell.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void Duration_ends_a_quiet_capture()
    {
        RequireBackend("afpacket");
        var path = TempFile(".pcapng");
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (code, _, stderr) = RawNetProcess.Run(["capture", "-i", "lo", "-f", "ether proto 0x88b5", "--duration", "1", "-w", path], Patience);
            Assert.True(code == 0, stderr);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), Patience);
            AssertCounterLines(stderr, 0);
            Assert.Empty(TsharkUdpPayloads(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("afpacket")]
    [InlineData("libpcap")]
    public void In_a_lab_namespace_rawnet_and_tcpdump_capture_the_same_frames_byte_for_byte(string backend)
    {
        RequireBackend(backend);
        using var lab = NetworkLab.Create();
        var ours = TempFile(".pcapng");
        var theirs = TempFile(".pcap");
        try
        {
            const int port = 40_007;
            var filter = $"udp and dst port {port}";
            using var tcpdump = lab.StartTcpdump(lab.B, theirs, filter, count: 20);
            using var rawnet = LiveRawNet.Start(["capture", "-i", lab.B.Interface, "--backend", backend, "-f", filter, "-c", "20", "-w", ours], lab.B.Namespace);
            Assert.True(rawnet.IsListening, rawnet.StandardError);

            var payloads = Enumerable.Range(0, 20).Select(i => Encoding.ASCII.GetBytes($"lab {i} " + new string('x', i * 50))).ToList();
            lab.SendUdp(lab.A, port, payloads);
            lab.SendUdp(lab.A, port, payloads, ipv6: true);

            Assert.True(rawnet.WaitForExit(Patience) == 0, rawnet.StandardError);
            Assert.True(tcpdump.WaitForExit(Patience), tcpdump.StandardError);
            var expected = Frames(theirs);
            Assert.Equal(20, expected.Count);
            Assert.Equal(expected, Frames(ours));
            AssertCounterLines(rawnet.StandardError, 20);
        }
        finally
        {
            File.Delete(ours);
            File.Delete(theirs);
        }
    }

    private static List<string> Frames(string path)
    {
        using var reader = CaptureFileReader.Open(path);
        var frames = new List<string>();
        while (reader.TryReadNext(out var frame))
            frames.Add(Convert.ToHexString(frame.Data));
        return frames;
    }
}
