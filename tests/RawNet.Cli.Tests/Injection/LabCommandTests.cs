using RawNet.Testing;

namespace RawNet.Cli.Tests.Injection;

/// <summary>
/// <c>rawnet lab up</c>, <c>set</c>, <c>status</c> and <c>down</c> on the real rawnet-a/rawnet-link/rawnet-b names, run
/// as the real program (the forwarder is rawnet itself in the background), and the one-line refusals.
/// </summary>
public sealed class LabCommandTests
{
    private static readonly string[] LabNamespaces = ["rawnet-a", "rawnet-link", "rawnet-b"];
    private const string RunDirectory = "/run/rawnet/rawnet-link";

    private static void RequireNoLab()
    {
        ExternalTool.RequireRoot();
        ExternalTool.Require("ip", "iproute2");
        if (LabNamespaces.Any(ns => File.Exists("/var/run/netns/" + ns)) || Directory.Exists(RunDirectory))
            Assert.Skip("a rawnet lab is already up here; this test leaves other people's labs alone");
    }

    private static (int ExitCode, string StdOut, string StdErr) Lab(params string[] args) => RawNetProcess.Run(["lab", .. args], TimeSpan.FromSeconds(60));

    private static void AssertNothingLeft()
    {
        var namespaces = ExternalTool.Run("ip", ["netns", "list"]).StdOut;
        Assert.All(LabNamespaces, ns => Assert.DoesNotContain(ns, namespaces));
        Assert.False(Directory.Exists(RunDirectory));
    }

    private static int ForwarderPid(string upOutput)
    {
        var at = upOutput.IndexOf("(forwarder pid ", StringComparison.Ordinal);
        Assert.True(at >= 0, upOutput);
        return int.Parse(upOutput[(at + 15)..upOutput.IndexOf(')', at)]);
    }

    [Fact]
    public void Up_status_set_and_down_round_trip_with_the_forwarder_in_the_background()
    {
        RequireNoLab();
        try
        {
            var up = Lab("up", "--delay", "5ms", "--loss", "0%/2%", "--seed", "9");
            Assert.True(up.ExitCode == 0, up.StdErr);
            var pid = ForwarderPid(up.StdOut);
            Assert.Equal($"lab is up: rawnet-a (rn-a 198.18.0.1 2001:db8::1) <-> rawnet-link (forwarder pid {pid}) <-> rawnet-b (rn-b 198.18.0.2 2001:db8::2), MTU 1500\n"
                + "link: --delay 5ms --jitter 0ms --loss 0%/2% --rate unlimited --queue 1000 --reorder 0% --duplicate 0% --corrupt 0% --mtu 1500 --seed 9\n", up.StdOut);
            Assert.True(File.Exists($"/proc/{pid}/status"));

            var again = Lab("up");
            Assert.Equal(1, again.ExitCode);
            Assert.Equal($"rawnet: lab up: the lab is already up (forwarder pid {pid}): rawnet lab set changes the link, rawnet lab down removes the lab\n", again.StdErr);

            // A datagram from a crosses the link to b's discard port (the kernel there drops it; the link counted it).
            var send = RawNetProcess.Run(["send", "--via", "datagram", "--to", "198.18.0.2:9", "--payload", "lab", "--netns", "rawnet-a"]);
            Assert.True(send.ExitCode == 0, send.StdErr);
            var status = Lab("status");
            Assert.True(status.ExitCode == 0, status.StdErr);
            var lines = status.StdOut.Split('\n');
            Assert.Contains("namespace rawnet-link", lines);
            Assert.Contains(lines, l => l.StartsWith("  rn-a ") && l.Contains("mtu 1500") && l.Contains("198.18.0.1/24"));
            Assert.Contains($"link rawnet-link: forwarder pid {pid} between rn-a-l and rn-b-l", lines);
            Assert.Contains("  settings: --delay 5ms --jitter 0ms --loss 0%/2% --rate unlimited --queue 1000 --reorder 0% --duplicate 0% --corrupt 0% --mtu 1500 --seed 9", lines);
            Assert.Contains("                            a->b        b->a", lines);
            var forwarded = lines.Single(l => l.StartsWith("  forwarded ")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("1", forwarded[1]);

            var set = Lab("set", "--loss", "1%", "--rate", "20mbit", "--mtu", "1400");
            Assert.True(set.ExitCode == 0, set.StdErr);
            Assert.Equal("link: --delay 5ms --jitter 0ms --loss 1% --rate 20mbit --queue 1000 --reorder 0% --duplicate 0% --corrupt 0% --mtu 1400 --seed 9\n", set.StdOut);
            status = Lab("status");
            Assert.Contains("  settings: --delay 5ms --jitter 0ms --loss 1% --rate 20mbit --queue 1000 --reorder 0% --duplicate 0% --corrupt 0% --mtu 1400 --seed 9\n", status.StdOut);
            Assert.Contains(status.StdOut.Split('\n'), l => l.StartsWith("  rn-b ") && l.Contains("mtu 1400"));

            var badSet = Lab("set", "--loss", "150%");
            Assert.Equal(2, badSet.ExitCode);
            Assert.Equal("rawnet: lab set: --loss 150%: a chance is between 0% and 100%\n", badSet.StdErr);

            var down = Lab("down");
            Assert.Equal($"lab is down: stopped the forwarder (pid {pid}), deleted rawnet-a, rawnet-link and rawnet-b\n", down.StdOut);
            Assert.False(File.Exists($"/proc/{pid}/status") && File.ReadAllText($"/proc/{pid}/cmdline").Contains("forward"));
        }
        finally
        {
            Lab("down");
        }
        AssertNothingLeft();
        Assert.Equal("lab is down (rawnet lab up creates it)\n", Lab("status").StdOut);
        Assert.Equal("lab is already down\n", Lab("down").StdOut);
        Assert.Equal("rawnet: lab set: the lab is down (rawnet lab up creates it)\n", Lab("set", "--delay", "1ms").StdErr);
    }

    [Theory]
    [InlineData("--loss", "150%", "--loss 150%: a chance is between 0% and 100%")]
    [InlineData("--rate", "0", "--rate 0: a rate must be above 0 (leave --rate out, or give --rate unlimited, for no limit)")]
    [InlineData("--delay", "-5ms", "--delay -5ms: a time cannot be negative")]
    [InlineData("--mtu", "1200", "--mtu 1200: below 1280 IPv6 cannot work, and the lab has IPv6 (2001:db8::1-2); give 1280 to 9000")]
    public void Bad_settings_get_one_line_and_nothing_is_set_up(string option, string value, string message)
    {
        RequireNoLab();
        var up = InProcessRawNet.Run("lab", "up", option, value);
        Assert.Equal(2, up.ExitCode);
        Assert.Equal($"rawnet: lab up: {message}\n", up.StdErr);
        Assert.Equal("", up.StdOut);
        AssertNothingLeft();
    }

    [Fact]
    public void A_forwarder_that_died_or_a_stale_pid_file_is_one_line_and_down_cleans_up()
    {
        RequireNoLab();
        try
        {
            var up = Lab("up", "--seed", "1");
            Assert.True(up.ExitCode == 0, up.StdErr);
            var pid = ForwarderPid(up.StdOut);
            ExternalTool.Run("kill", ["-9", pid.ToString()]);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (File.Exists($"/proc/{pid}/status") && clock.Elapsed < TimeSpan.FromSeconds(5))
                Thread.Sleep(20);

            var dead = $"the lab's forwarder (pid {pid}) is not running: it crashed or was killed (";
            var status = Lab("status");
            Assert.Equal(1, status.ExitCode);
            Assert.StartsWith("rawnet: lab status: " + dead, status.StdErr);
            Assert.EndsWith("); rawnet lab down removes what is left\n", status.StdErr);
            Assert.Single(status.StdErr.TrimEnd('\n').Split('\n'));
            Assert.StartsWith("rawnet: lab set: " + dead, Lab("set", "--loss", "1%").StdErr);
            Assert.StartsWith("rawnet: lab up: " + dead, Lab("up").StdErr);

            // A pid file naming a live process that is not this lab's forwarder (pid 1) is stale too, and nobody is signalled.
            File.WriteAllText(Path.Combine(RunDirectory, "forwarder.pid"), "1\n");
            Assert.StartsWith("rawnet: lab status: the lab's forwarder (pid 1) is not running", Lab("status").StdErr);

            var down = Lab("down");
            Assert.Equal("lab is down: the forwarder (pid 1) had already stopped, deleted rawnet-a, rawnet-link and rawnet-b\n", down.StdOut);
        }
        finally
        {
            Lab("down");
        }
        AssertNothingLeft();
    }

    [Fact]
    public void Traffic_runs_real_sockets_across_the_link_and_writes_what_the_client_side_saw()
    {
        RequireNoLab();
        var tshark = ExternalTool.Require("tshark", "tshark");
        var file = Path.Combine(Path.GetTempPath(), $"rawnet-lab-traffic-{Guid.NewGuid():N}.pcapng");
        try
        {
            var down = Lab("traffic", "upload");
            Assert.Equal(1, down.ExitCode);
            Assert.Equal("rawnet: lab traffic: the lab is down: rawnet lab up creates it (with --delay, --loss, --rate ...)\n", down.StdErr);

            Assert.True(Lab("up", "--delay", "5ms", "--seed", "3").ExitCode == 0);
            var upload = Lab("traffic", "upload", "--bytes", "64k", "--http", "-w", file);
            Assert.True(upload.ExitCode == 0, upload.StdErr);
            var lines = upload.StdOut.Split('\n');
            Assert.Matches(@"^upload: 198\.18\.0\.1:\d+ -> 198\.18\.0\.2:80, TCP \(HTTP/1\.1\), congestion control \w+$", lines[0]);
            Assert.Matches(@"^sent 65,536 bytes in [\d.]+ s, [\d.]+ Mbit/s from connect to close$", lines[1]);
            Assert.Contains("HTTP: POST /upload -> HTTP/1.1 200 OK", lines);
            Assert.Contains("the server received 65,536 bytes, each as sent", lines);
            Assert.Contains(lines, l => l.StartsWith("captured ") && l.EndsWith(" packets on rn-a, written to " + file));
            Assert.Contains(lines, l => l.StartsWith("link a->b: forwarded "));
            Assert.StartsWith("capturing on rn-a in rawnet-a, link-type ", upload.StdErr);
            // tshark opens the file and finds the POST and its answer.
            var http = ExternalTool.Run(tshark, ["-r", file, "-Y", "http", "-T", "fields", "-e", "http.request.method", "-e", "http.response.code"]);
            Assert.Equal("POST\t\n\t200\n", http.StdOut);

            // Without -w the packets are printed as capture prints them, and the story goes to standard error.
            var dns = Lab("traffic", "dns", "a.lab.example");
            Assert.True(dns.ExitCode == 0, dns.StdErr);
            var printed = dns.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(4, printed.Length);
            Assert.All(printed, l => Assert.Matches(@"^\d\d:\d\d:\d\d\.\d{6} IP6? ", l));
            Assert.Contains("  4660 A? a.lab.example. -> A 198.18.0.1 in ", dns.StdErr);
            Assert.Contains("  4661 AAAA? a.lab.example. -> AAAA 2001:db8::1 in ", dns.StdErr);

            var misplaced = Lab("traffic", "dns", "--rwnd", "8k");
            Assert.Equal(2, misplaced.ExitCode);
            Assert.Equal("rawnet: lab traffic: --rwnd is for upload and download only\n", misplaced.StdErr);
            var tooSmall = Lab("traffic", "upload", "--rwnd", "100");
            Assert.Equal(2, tooSmall.ExitCode);
            Assert.Equal("rawnet: lab traffic: 100: a size is 1024 to 67108864 bytes, as 8192, 8k, 150k or 2m\n", tooSmall.StdErr);
            var noAlgorithm = Lab("traffic", "upload", "--cc", "nosuch");
            Assert.Equal(1, noAlgorithm.ExitCode);
            Assert.StartsWith("rawnet: lab traffic: --cc nosuch: this kernel has no such congestion control (it has: ", noAlgorithm.StdErr);
        }
        finally
        {
            Lab("down");
            File.Delete(file);
        }
        AssertNothingLeft();
    }
}
