using System.Buffers.Binary;
using System.Text;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Capture;

/// <summary>
/// <c>rawnet capture</c> run by root gives root up once its socket is open, as Debian's tcpdump: to the user who ran
/// sudo, else to -Z USER, else to nobody; -Z root and --keep-root keep it. The kernel's own account of the running
/// process (/proc/PID/task/*/status) is the oracle, and the process parses a hostile stream of frames that way.
/// </summary>
public sealed class PrivilegeDropTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private const uint Nobody = 65534;

    /// <summary>No sudo in the environment, whatever the test runner's own.</summary>
    private static readonly Dictionary<string, string?> NoSudo = new() { ["SUDO_UID"] = null, ["SUDO_GID"] = null, ["SUDO_USER"] = null };

    public static TheoryData<string, string[], string?, uint, uint> Cases => new()
    {
        { "no sudo: nobody", [], null, Nobody, Nobody },
        { "sudo: the invoking user", [], "4242:4343", 4242, 4343 },
        { "-Z nobody wins over sudo", ["-Z", "nobody"], "4242:4343", Nobody, Nobody },
        { "--user nobody", ["--user", "nobody"], null, Nobody, Nobody },
        { "-Z root keeps root", ["-Z", "root"], "4242:4343", 0, 0 },
        { "--keep-root", ["--keep-root"], null, 0, 0 },
        { "--threads 2: both sockets opened as root, every thread nobody", ["--threads", "2"], null, Nobody, Nobody },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Once_listening_the_capture_runs_as_the_chosen_user_with_no_capability_left(string name, string[] options, string? sudo, uint uid, uint gid)
    {
        ExternalTool.RequireRoot();
        var environment = new Dictionary<string, string?>(NoSudo);
        if (sudo is not null)
            (environment["SUDO_UID"], environment["SUDO_GID"]) = (sudo.Split(':')[0], sudo.Split(':')[1]);
        // An EtherType nobody sends: the capture sees nothing, and --duration bounds it.
        using var rawnet = LiveRawNet.Start(["capture", "-i", "lo", "-f", "ether proto 0x88b5", "--duration", "30", .. options], environment: environment);
        Assert.True(rawnet.IsListening, name + ": " + rawnet.StandardError);

        var threads = ProcessCredentials.Threads(rawnet.Id);
        Assert.NotEmpty(threads);
        var main = ProcessCredentials.Main(rawnet.Id);
        if (uid == 0)
        {
            Assert.All(threads, thread => Assert.Equal([0u, 0u, 0u, 0u], thread.Uids));
            Assert.NotEqual(0UL, main.Effective & ProcessCredentials.NetRaw);
        }
        else
        {
            foreach (var thread in threads)
            {
                // Real, effective, saved and filesystem ids: no way back to root.
                Assert.Equal([uid, uid, uid, uid], thread.Uids);
                Assert.Equal([gid, gid, gid, gid], thread.Gids);
                Assert.Equal([gid], thread.Groups);
                Assert.Equal(0UL, thread.Permitted);
                Assert.Equal(0UL, thread.Effective);
                Assert.Equal(0UL, thread.Inheritable);
                Assert.Equal(0UL, thread.Ambient);
            }
            Assert.Equal(0UL, main.Bounding);
            Assert.True(main.NoNewPrivileges, "no_new_privs is not set on the main thread");
        }
        Assert.Equal(0, rawnet.Interrupt(Patience));
        Assert.Contains("0 packets captured", rawnet.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_only_root_may_create_is_refused_in_one_line_saying_how_to_keep_root()
    {
        ExternalTool.RequireRoot();
        var directory = Directory.CreateTempSubdirectory("rawnet-root-only-").FullName;
        try
        {
            var path = Path.Combine(directory, "x.pcapng");
            using var rawnet = LiveRawNet.Start(["capture", "-i", "lo", "-f", "ether proto 0x88b5", "--duration", "30", "-w", path], environment: NoSudo);
            Assert.Equal(1, rawnet.WaitForExit(Patience));
            Assert.Equal($"rawnet: {path}: Permission denied (rawnet gave root up before creating it; -Z root or --keep-root writes as root)",
                rawnet.StandardError.Trim());
            Assert.False(File.Exists(path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_hostile_stream_is_parsed_as_nobody_holding_no_capability_and_the_capture_survives_and_reports()
    {
        using var lab = NetworkLab.Create();
        const int EndPort = 40_999;
        var frames = HostileFrames(lab, seed: 20261203, count: 400);
        using var rawnet = LiveRawNet.Start(["capture", "-i", lab.B.Interface, "-V", "-f", $"ether src {Colons(lab.A)} and ether dst {Colons(lab.B)}"],
            lab.B.Namespace, environment: NoSudo);
        Assert.True(rawnet.IsListening, rawnet.StandardError);

        NetworkLab.SendFrames(lab.A, frames);
        NetworkLab.SendFrames(lab.A, [UdpFrame(lab, EndPort, Encoding.ASCII.GetBytes("rawnet hostile end"))]);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!rawnet.StandardOutput.Contains(EndPort.ToString(), StringComparison.Ordinal) && !rawnet.HasExited && clock.Elapsed < Patience)
            Thread.Sleep(50);

        Assert.False(rawnet.HasExited, "rawnet died: " + rawnet.StandardError);
        Assert.Contains(EndPort.ToString(), rawnet.StandardOutput, StringComparison.Ordinal);
        // The process that has just parsed all of it: nobody, no capability on any thread.
        Assert.All(ProcessCredentials.Threads(rawnet.Id), thread =>
        {
            Assert.Equal([Nobody, Nobody, Nobody, Nobody], thread.Uids);
            Assert.Equal(0UL, thread.Permitted | thread.Effective | thread.Ambient);
        });
        Assert.Equal(0, rawnet.Interrupt(Patience));
        // The kernel may drop a few frames cut too short for their VLAN tags before any socket sees them; every frame
        // that reached rawnet was parsed and printed.
        var captured = System.Text.RegularExpressions.Regex.Match(rawnet.StandardError, @"(\d+) packets captured");
        Assert.True(captured.Success, rawnet.StandardError);
        int count = int.Parse(captured.Groups[1].Value);
        Assert.InRange(count, frames.Count * 9 / 10, frames.Count + 1);
        var headers = rawnet.StandardOutput.Split('\n').Where(line => line.StartsWith("Frame ", StringComparison.Ordinal)).ToList();
        Assert.Equal(count, headers.Count);
        Assert.StartsWith($"Frame {count}: ", headers[^1]);
        Assert.DoesNotContain("   at ", rawnet.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", rawnet.StandardError, StringComparison.Ordinal);
    }

    private static string Colons(LabEnd end) => string.Join(':', end.Mac.GetAddressBytes().Select(b => b.ToString("x2")));

    /// <summary>
    /// Seeded malformed frames from A to B (the MAC addresses left whole so the filter counts them): IPv4, IPv6, VLAN and
    /// ARP headers with bits flipped, lengths and header-length nibbles at their edges, cut at random lengths.
    /// </summary>
    private static List<byte[]> HostileFrames(NetworkLab lab, int seed, int count)
    {
        var random = new Random(seed);
        ushort[] etherTypes = [0x0800, 0x86DD, 0x8100, 0x88A8, 0x0806];
        var frames = new List<byte[]>();
        for (int i = 0; i < count; i++)
        {
            var frame = UdpFrame(lab, 1000 + i, new byte[random.Next(0, 200)]);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), etherTypes[i % etherTypes.Length]);
            for (int n = random.Next(1, 8); n > 0; n--)
            {
                int at = 14 + random.Next(Math.Min(frame.Length - 14, 66));
                frame[at] = random.Next(3) switch { 0 => 0, 1 => 0xFF, _ => (byte)(frame[at] ^ (1 << random.Next(8))) };
            }
            frames.Add(random.Next(3) == 0 ? frame[..Math.Max(14, random.Next(14, frame.Length + 1))] : frame);
        }
        return frames;
    }

    /// <summary>An Ethernet, IPv4, UDP frame from A to B's <paramref name="port"/> carrying <paramref name="payload"/> (checksums left 0).</summary>
    private static byte[] UdpFrame(NetworkLab lab, int port, byte[] payload)
    {
        var frame = new byte[14 + 20 + 8 + payload.Length];
        lab.B.Mac.GetAddressBytes().CopyTo(frame, 0);
        lab.A.Mac.GetAddressBytes().CopyTo(frame, 6);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        frame[14] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), (ushort)(20 + 8 + payload.Length));
        frame[22] = 64;
        frame[23] = 17;
        lab.A.Ipv4.GetAddressBytes().CopyTo(frame, 26);
        lab.B.Ipv4.GetAddressBytes().CopyTo(frame, 30);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(34), 40_000);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(36), (ushort)port);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(38), (ushort)(8 + payload.Length));
        payload.CopyTo(frame, 42);
        return frame;
    }
}
