using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Capture;

/// <summary>
/// <c>rawnet capture --threads N</c>: sockets in a PACKET_FANOUT group, merged back into timestamp order. Traffic only
/// between the two ends of a <see cref="NetworkLab"/>, bounded; tcpdump on the same interface is the oracle, and both
/// files are read back by tcpdump, not by our reader.
/// </summary>
public sealed partial class FanoutCaptureTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const int Flows = 64;
    private const int Rounds = 10;
    private const int FirstPort = 41_000;

    /// <summary>One frame as <c>tcpdump -r -tt --time-stamp-precision=nano -xx</c> shows it: its time and every byte.</summary>
    private sealed record DumpedFrame(string Time, string Hex)
    {
        public decimal Seconds => decimal.Parse(Time, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_frame_tcpdump_sees_of_64_flows_is_in_the_file_once_in_timestamp_order_byte_for_byte(int threads)
    {
        using var lab = NetworkLab.Create();
        var ours = Path.Combine(Path.GetTempPath(), $"rawnet-fanout-{lab.Id}.pcapng");
        var theirs = Path.Combine(Path.GetTempPath(), $"rawnet-fanout-{lab.Id}.pcap");
        try
        {
            // 64 flows of 10 datagrams, interleaved, and one datagram of 4000 bytes: three IPv4 fragments at MTU 1500.
            const int expected = Flows * Rounds + 3;
            const string filter = "udp";
            // A small snap length for both: tcpdump's immediate mode gives each frame a slot of the snap length, and at
            // the default 256 KiB its 32 MiB buffer holds 128 frames, too few for this burst on a busy machine.
            const int snapLength = 2048;
            using var tcpdump = lab.StartTcpdump(lab.B, theirs, filter, snapLength: snapLength, count: expected);
            using var rawnet = LiveRawNet.Start(["capture", "-i", lab.B.Interface, "--threads", threads.ToString(), "-f", filter,
                "-s", snapLength.ToString(), "-c", expected.ToString(), "-w", ours], lab.B.Namespace);
            Assert.True(rawnet.IsListening, rawnet.StandardError);

            SendInterleavedFlows(lab);

            var code = rawnet.WaitForExit(Patience);
            Assert.True(code == 0, $"exit {code?.ToString() ?? "(still running)"}: {rawnet.StandardError}");
            Assert.True(tcpdump.WaitForExit(Patience), tcpdump.StandardError);

            var dumped = ReadWithTcpdump(theirs);
            var captured = ReadWithTcpdump(ours);
            Assert.Equal(expected, dumped.Count);
            // Exactly once: every frame carries a payload of its own.
            Assert.Equal(captured.Count, captured.Select(f => f.Hex).Distinct().Count());
            // In timestamp order, as one socket would have written them.
            for (var i = 1; i < captured.Count; i++)
                Assert.True(captured[i - 1].Seconds <= captured[i].Seconds, $"frame {i + 1} ({captured[i].Time}) is older than frame {i} ({captured[i - 1].Time})");
            // The same frames with the same times and bytes; frames stamped alike may come in either order.
            Assert.Equal(Canonical(dumped), Canonical(captured));

            var stderr = rawnet.StandardError;
            Assert.Contains($"{expected} packets captured", stderr);
            Assert.Contains("0 packets dropped by kernel", stderr);
            Assert.Contains("0 packets dropped by ring", stderr);
            var received = long.Parse(ReceivedLine().Match(stderr).Groups[1].Value);
            if (threads == 1)
            {
                Assert.Contains($"listening on {lab.B.Interface} (afpacket), link-type", stderr);
                Assert.DoesNotContain("per socket", stderr);
                Assert.DoesNotContain("out of timestamp order", stderr);
                return;
            }
            Assert.Matches($@"listening on {lab.B.Interface} \(afpacket, 2 sockets in fanout group \d+\), link-type", stderr);
            Assert.Contains("0 packets out of timestamp order (later than the merge window)", stderr);
            // The flows were spread: each socket received some, and together what the capture counted.
            var perSocket = PerSocketLine().Match(stderr);
            Assert.True(perSocket.Success, stderr);
            var shares = perSocket.Groups[1].Value.Split(" + ").Select(long.Parse).ToList();
            Assert.Equal(2, shares.Count);
            Assert.All(shares, share => Assert.True(share > 0, stderr));
            Assert.Equal(received, shares.Sum());
            Assert.True(received >= expected, stderr);
        }
        finally
        {
            File.Delete(ours);
            File.Delete(theirs);
        }
    }

    [GeneratedRegex(@"(?m)^(\d+) packets? received by filter$")]
    private static partial Regex ReceivedLine();

    [GeneratedRegex(@"(?m)^received by filter per socket: ([\d + ]+)$")]
    private static partial Regex PerSocketLine();

    private static List<string> Canonical(List<DumpedFrame> frames) =>
        [.. frames.OrderBy(f => f.Seconds).ThenBy(f => f.Hex, StringComparer.Ordinal).Select(f => f.Time + " " + f.Hex)];

    /// <summary>From A to B: a socket per flow, each sending its datagrams in turn (bounded: 640 datagrams), then one to be fragmented.</summary>
    private static void SendInterleavedFlows(NetworkLab lab) => NetworkLab.RunInNamespace(lab.A.Namespace, () =>
    {
        var sockets = Enumerable.Range(0, Flows).Select(_ =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(lab.A.Ipv4, 0));
            return socket;
        }).ToList();
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                for (var flow = 0; flow < Flows; flow++)
                    sockets[flow].SendTo(Encoding.ASCII.GetBytes($"fanout {lab.Id} flow {flow} round {round}"), new IPEndPoint(lab.B.Ipv4, FirstPort + flow));
            }
            sockets[0].SendTo(new byte[4000], new IPEndPoint(lab.B.Ipv4, FirstPort + Flows));
        }
        finally
        {
            foreach (var socket in sockets)
                socket.Dispose();
        }
    });

    /// <summary>Every frame of <paramref name="path"/> as tcpdump reads it: nanosecond time and all bytes in hex.</summary>
    private static List<DumpedFrame> ReadWithTcpdump(string path)
    {
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        var (code, stdout, stderr) = ExternalTool.Run(tcpdump, ["-r", path, "-nn", "-tt", "--time-stamp-precision=nano", "-xx"]);
        Assert.True(code == 0, $"tcpdump could not read {path}: {stderr}");
        var frames = new List<DumpedFrame>();
        string? time = null;
        var hex = new StringBuilder();
        foreach (var line in stdout.Split('\n'))
        {
            if (line.StartsWith('\t'))
            {
                var colon = line.IndexOf(':');
                hex.Append(line[(colon + 1)..].Replace(" ", "", StringComparison.Ordinal));
                continue;
            }
            if (line.Length == 0)
                continue;
            if (time is not null)
                frames.Add(new DumpedFrame(time, hex.ToString()));
            time = line[..line.IndexOf(' ')];
            hex.Clear();
        }
        if (time is not null)
            frames.Add(new DumpedFrame(time, hex.ToString()));
        return frames;
    }

    [Theory]
    [InlineData("0")]
    [InlineData("17")]
    [InlineData("-1")]
    public void A_thread_count_outside_1_to_16_is_refused_in_one_line(string threads)
    {
        var (code, stdout, stderr) = InProcessRawNet.Run("capture", "-i", "lo", "--threads", threads);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("rawnet: --threads needs a number of sockets between 1 and 16\nTry 'rawnet capture --help'.\n", stderr.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("lo", "libpcap")]
    [InlineData("any", "auto")]
    public void Threads_with_the_libpcap_back_end_are_refused_in_one_line(string iface, string backend)
    {
        var (code, stdout, stderr) = InProcessRawNet.Run("capture", "-i", iface, "--backend", backend, "--threads", "2");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"rawnet: --threads above 1 needs the afpacket back end (PACKET_FANOUT); {iface} is captured by libpcap\nTry 'rawnet capture --help'.\n",
            stderr.ReplaceLineEndings("\n"));
    }
}
