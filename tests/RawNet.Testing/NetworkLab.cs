using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace RawNet.Testing;

/// <summary>One end of a <see cref="NetworkLab"/>: a namespace, its veth interface and that interface's addresses.</summary>
/// <param name="Namespace">The network namespace's name (ip netns).</param>
/// <param name="Interface">The veth interface inside that namespace.</param>
/// <param name="Ipv4">198.18.X.1 or .2 (/24).</param>
/// <param name="Ipv6">2001:db8:X::1 or ::2 (/64).</param>
/// <param name="Mac">A fixed locally administered address, 02:52:4e:X:00:01 or :02.</param>
public sealed record LabEnd(string Namespace, string Interface, IPAddress Ipv4, IPAddress Ipv6, PhysicalAddress Mac);

/// <summary>
/// Two network namespaces joined by a veth pair, deleted again on <see cref="Dispose"/>: the only place live-capture
/// tests send traffic besides loopback. Addresses come from 198.18.0.0/15 and 2001:db8::/32, names carry a random
/// suffix (rn-XXXXXX-a/b), IPv6 duplicate address detection is off so v6 works at once, and each end's neighbour
/// entry for the other is permanent so no ARP or neighbour solicitation interleaves with test traffic.
/// </summary>
public sealed class NetworkLab : IDisposable
{
    /// <summary>An EtherType from the IEEE local experimental range; the kernel has no handler, so frames of it draw no replies.</summary>
    public const ushort ExperimentalEtherType = 0x88B5;

    private readonly string _ip;
    private readonly List<string> _namespaces = [];
    private readonly List<Process> _processes = [];

    private NetworkLab(string ip, string id, int subnet, int mtu)
    {
        _ip = ip;
        Id = id;
        Subnet = subnet;
        Mtu = mtu;
        A = MakeEnd(id, "a", subnet, 1);
        B = MakeEnd(id, "b", subnet, 2);
    }

    /// <summary>The random suffix shared by this lab's names.</summary>
    public string Id { get; }

    /// <summary>X in 198.18.X.0/24 and 2001:db8:X::/64.</summary>
    public int Subnet { get; }

    /// <summary>The veth pair's MTU.</summary>
    public int Mtu { get; }

    /// <summary>The first end (addresses .1 / ::1).</summary>
    public LabEnd A { get; }

    /// <summary>The second end (addresses .2 / ::2).</summary>
    public LabEnd B { get; }

    /// <summary>The end that is not <paramref name="end"/>.</summary>
    public LabEnd PeerOf(LabEnd end) => end == A ? B : A;

    /// <summary>Builds a lab, or skips the test visibly when not root or iproute2 is missing.</summary>
    public static NetworkLab Create(int mtu = 1500)
    {
        ExternalTool.RequireRoot();
        var ip = ExternalTool.Require("ip", "iproute2");
        ExternalTool.Require("sysctl", "procps");
        var lab = new NetworkLab(ip, RandomNumberGenerator.GetHexString(6, lowercase: true), RandomNumberGenerator.GetInt32(1, 255), mtu);
        try
        {
            lab.Build();
            return lab;
        }
        catch
        {
            lab.Dispose();
            throw;
        }
    }

    private static LabEnd MakeEnd(string id, string side, int subnet, int host) =>
        new($"rn-{id}-{side}", $"rn-{id}-{side}",
            IPAddress.Parse($"198.18.{subnet}.{host}"),
            IPAddress.Parse($"2001:db8:{subnet:x}::{host}"),
            new PhysicalAddress([0x02, 0x52, 0x4e, (byte)subnet, 0x00, (byte)host]));

    private void Build()
    {
        foreach (var end in new[] { A, B })
        {
            Ip("netns", "add", end.Namespace);
            _namespaces.Add(end.Namespace);
            // Set before the veth exists so the new interface inherits "default": no DAD, no router solicitations.
            Check(RunIn(end.Namespace, "sysctl", "-q", "-w",
                "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0",
                "net.ipv6.conf.all.router_solicitations=0", "net.ipv6.conf.default.router_solicitations=0"), "sysctl");
            Ip("-n", end.Namespace, "link", "set", "lo", "up");
        }
        // Created directly inside the namespaces: nothing of the lab ever appears in the host's namespace.
        Ip("link", "add", A.Interface, "netns", A.Namespace, "address", Mac(A), "mtu", Mtu.ToString(), "type", "veth",
            "peer", "name", B.Interface, "netns", B.Namespace, "address", Mac(B), "mtu", Mtu.ToString());
        foreach (var end in new[] { A, B })
        {
            var peer = PeerOf(end);
            // No link-local address: fewer unsolicited MLD reports on the wire.
            Ip("-n", end.Namespace, "link", "set", end.Interface, "addrgenmode", "none");
            Ip("-n", end.Namespace, "addr", "add", $"{end.Ipv4}/24", "dev", end.Interface);
            Ip("-n", end.Namespace, "addr", "add", $"{end.Ipv6}/64", "dev", end.Interface, "nodad");
            Ip("-n", end.Namespace, "link", "set", end.Interface, "up");
            Ip("-n", end.Namespace, "neigh", "replace", peer.Ipv4.ToString(), "lladdr", Mac(peer), "dev", end.Interface, "nud", "permanent");
            Ip("-n", end.Namespace, "neigh", "replace", peer.Ipv6.ToString(), "lladdr", Mac(peer), "dev", end.Interface, "nud", "permanent");
        }
        // Belt and braces: nodad should leave nothing tentative, but a v6 datagram sent too early is silently lost.
        var clock = Stopwatch.StartNew();
        foreach (var end in new[] { A, B })
        {
            while (ExternalTool.Run(_ip, ["-n", end.Namespace, "-6", "addr", "show", "dev", end.Interface, "tentative"]).StdOut.Trim().Length > 0)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(5))
                    throw new InvalidOperationException($"{end.Interface}: IPv6 address still tentative after 5 s");
                Thread.Sleep(20);
            }
        }
    }

    private static string Mac(LabEnd end) => string.Join(':', end.Mac.GetAddressBytes().Select(b => b.ToString("x2")));

    private void Ip(params string[] args) => Check(ExternalTool.Run(_ip, args, TimeSpan.FromSeconds(20)), "ip " + string.Join(' ', args));

    private static void Check((int ExitCode, string StdOut, string StdErr) result, string what)
    {
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{what} failed ({result.ExitCode}): {result.StdErr.Trim()}");
    }

    /// <summary>Runs <paramref name="command"/> inside namespace <paramref name="ns"/> (ip netns exec) to completion.</summary>
    public (int ExitCode, string StdOut, string StdErr) RunIn(string ns, string command, params string[] args) =>
        ExternalTool.Run(_ip, ["netns", "exec", ns, command, .. args], TimeSpan.FromSeconds(60));

    /// <summary>Starts <paramref name="command"/> inside namespace <paramref name="ns"/> with output redirected; killed on dispose if still running.</summary>
    public Process StartIn(string ns, string command, params string[] args)
    {
        var psi = new ProcessStartInfo(_ip)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["netns", "exec", ns, command, .. args])
            psi.ArgumentList.Add(a);
        var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + command);
        lock (_processes)
            _processes.Add(p);
        return p;
    }

    /// <summary>
    /// Starts tcpdump on <paramref name="end"/>'s interface writing <paramref name="path"/> (packet-buffered, immediate
    /// mode, nanosecond timestamps, a 32 MiB buffer: with its default 2 MiB it drops most of a fast burst of jumbo frames)
    /// and returns once it is listening. <paramref name="device"/> names another interface of that namespace (e.g. "lo").
    /// </summary>
    public LabTcpdump StartTcpdump(LabEnd end, string path, string? filter = null, int snapLength = 262144, int? count = null, int bufferKiB = 32768,
        string? device = null)
    {
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        List<string> args = ["-i", device ?? end.Interface, "-w", path, "-U", "--immediate-mode", "--time-stamp-precision=nano", "-s", snapLength.ToString(),
            "-B", bufferKiB.ToString(), "-Z", "root"];
        if (count is int c)
            args.AddRange(["-c", c.ToString()]);
        if (filter is not null)
            args.Add(filter);
        return LabTcpdump.Start(StartIn(end.Namespace, tcpdump, [.. args]));
    }

    /// <summary>
    /// Runs <paramref name="action"/> on a new thread that has joined namespace <paramref name="ns"/> (setns(2)); sockets
    /// it opens stay in that namespace after it returns. Exceptions are rethrown on the caller's thread.
    /// </summary>
    public static void RunInNamespace(string ns, Action action) => RunInNamespace<object?>(ns, () =>
    {
        action();
        return null;
    });

    /// <inheritdoc cref="RunInNamespace(string, Action)"/>
    public static T RunInNamespace<T>(string ns, Func<T> action)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using (var fd = File.OpenHandle(Path.Combine("/var/run/netns", ns)))
                {
                    if (Interop.Namespaces.SetNs(fd, Interop.Namespaces.CloneNewNet) != 0)
                        throw new InvalidOperationException($"setns({ns}) failed: errno {Marshal.GetLastPInvokeError()}");
                }
                result = action();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        })
        {
            IsBackground = true,
            Name = "netns " + ns,
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    /// <summary>Sends each payload as one UDP datagram from <paramref name="from"/> to its peer (IPv4 or IPv6); returns the source port.</summary>
    public int SendUdp(LabEnd from, int destinationPort, IReadOnlyList<byte[]> payloads, bool ipv6 = false, TimeSpan? pause = null)
    {
        var to = PeerOf(from);
        return RunInNamespace(from.Namespace, () =>
        {
            using var socket = new Socket(ipv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(ipv6 ? from.Ipv6 : from.Ipv4, 0));
            var destination = new IPEndPoint(ipv6 ? to.Ipv6 : to.Ipv4, destinationPort);
            var clock = Stopwatch.StartNew();
            foreach (var payload in payloads)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60))
                    throw new TimeoutException("lab send loop exceeded 60 s");
                socket.SendTo(payload, destination);
                if (pause is TimeSpan p)
                    Thread.Sleep(p);
            }
            return ((IPEndPoint)socket.LocalEndPoint!).Port;
        });
    }

    /// <summary>
    /// Sends raw Ethernet frames out of <paramref name="from"/>'s interface through an AF_PACKET socket of its own
    /// (bounded: at most 60 s), sleeping <paramref name="pause"/> after each when given, so slower readers keep up.
    /// Returns how many the kernel accepted; ENOBUFS on a full queue is retried.
    /// </summary>
    public static unsafe int SendFrames(LabEnd from, IReadOnlyList<byte[]> frames, TimeSpan? pause = null) => RunInNamespace(from.Namespace, () =>
    {
        var fd = Interop.PacketSocket.Socket(Interop.PacketSocket.AfPacket, Interop.PacketSocket.SockRaw, 0);
        if (fd < 0)
            throw new InvalidOperationException($"socket(AF_PACKET) failed: errno {Marshal.GetLastPInvokeError()}");
        using var socket = new SafePacketSocketHandle(fd);
        var address = new Interop.PacketSocket.SockaddrLl
        {
            Family = Interop.PacketSocket.AfPacket,
            IfIndex = (int)Interop.PacketSocket.IfNameToIndex(from.Interface),
        };
        if (address.IfIndex == 0 || Interop.PacketSocket.Bind(socket, &address, sizeof(Interop.PacketSocket.SockaddrLl)) != 0)
            throw new InvalidOperationException($"bind to {from.Interface} failed: errno {Marshal.GetLastPInvokeError()}");
        var clock = Stopwatch.StartNew();
        var sent = 0;
        foreach (var frame in frames)
        {
            while (true)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60))
                    throw new TimeoutException("lab send loop exceeded 60 s");
                nint n;
                fixed (byte* p = frame)
                    n = Interop.PacketSocket.Send(socket, p, (nuint)frame.Length, 0);
                if (n == frame.Length)
                    break;
                const int ENOBUFS = 105;
                if (n < 0 && Marshal.GetLastPInvokeError() == ENOBUFS)
                {
                    Thread.Yield();
                    continue;
                }
                throw new InvalidOperationException($"send on {from.Interface} failed: errno {Marshal.GetLastPInvokeError()}");
            }
            sent++;
            if (pause is TimeSpan gap)
                Thread.Sleep(gap);
        }
        return sent;
    });

    /// <summary>
    /// A frame from <paramref name="from"/> to its peer with <see cref="ExperimentalEtherType"/> and a payload that names
    /// <paramref name="tag"/> and <paramref name="sequence"/>, padded with a sequence-dependent pattern to
    /// <paramref name="length"/> bytes in all (at least 60).
    /// </summary>
    public byte[] ExperimentalFrame(LabEnd from, string tag, int sequence, int length = 100)
    {
        var head = Encoding.ASCII.GetBytes($"rawnet {tag} {sequence:D6} ");
        var frame = new byte[Math.Max(length, Math.Max(60, 14 + head.Length))];
        PeerOf(from).Mac.GetAddressBytes().CopyTo(frame, 0);
        from.Mac.GetAddressBytes().CopyTo(frame, 6);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), ExperimentalEtherType);
        head.CopyTo(frame, 14);
        for (var i = 14 + head.Length; i < frame.Length; i++)
            frame[i] = (byte)(i * 7 + sequence);
        return frame;
    }

    /// <summary>Kills processes started here that still run and deletes both namespaces (which deletes the veth pair).</summary>
    public void Dispose()
    {
        lock (_processes)
        {
            foreach (var p in _processes)
            {
                try
                {
                    if (!p.HasExited)
                        p.Kill(entireProcessTree: true);
                    p.WaitForExit(5000);
                }
                catch (InvalidOperationException)
                {
                }
                p.Dispose();
            }
            _processes.Clear();
        }
        foreach (var ns in _namespaces)
            ExternalTool.Run(_ip, ["netns", "del", ns], TimeSpan.FromSeconds(20));
        _namespaces.Clear();
    }
}
