using System.Runtime.InteropServices;
using RawNet.Capture.Sources;
using RawNet.Capture.Sources.AfPacket;
using static RawNet.Capture.Sources.AfPacket.Interop.PacketSocket;

namespace RawNet.Capture.Lab.Link;

/// <summary>
/// The lab link's forwarder: bridges every frame between two interfaces (the middle namespace's veth ends), one thread
/// per direction, applying each direction's <see cref="LinkImpairment"/> and publishing counters on a
/// <see cref="LinkStatusBoard"/>. Open it inside the namespace that holds both interfaces; the threads need not be there.
/// </summary>
public sealed unsafe class LinkForwarder : IDisposable
{
    /// <summary>Bytes read of each frame: any frame the largest MTU allows, with an 802.1Q tag.</summary>
    private const int SnapLength = LinkSettings.MaxMtu + 14 + 4;

    /// <summary>
    /// Small blocks (16 KiB: ten full-size frames, a jumbo frame still fits) handed over when full or after at most
    /// 1 ms: a quiet link must not hold a frame for the default 10 ms block timeout, and a busy one hands frames over
    /// after a few of them rather than after a quarter megabyte. Delays are measured from the kernel's arrival stamp,
    /// so this wait costs no accuracy when a delay is set. 512 blocks: 8 MiB, some 60,000 small frames of backlog.
    /// </summary>
    private static readonly AfPacketRingLayout IncomingRing = new(16 * 1024, 512, AfPacketRingLayout.DefaultFrameSize, 1);

    /// <summary>The delay line's memory per direction: 1 Gbit/s held for a quarter of a second.</summary>
    private const int DelayLineBytes = 32 * 1024 * 1024;

    private readonly LinkPath[] _paths;
    private readonly List<IDisposable> _resources;
    private Thread[]? _threads;

    private LinkForwarder(LinkPath[] paths, List<IDisposable> resources)
    {
        _paths = paths;
        _resources = resources;
    }

    /// <summary>
    /// Opens both sides in the calling thread's network namespace: <paramref name="sideA"/> faces rawnet-a,
    /// <paramref name="sideB"/> faces rawnet-b.
    /// </summary>
    /// <exception cref="AfPacketException">An interface is missing or refuses a socket.</exception>
    /// <exception cref="CapturePermissionException">No CAP_NET_RAW.</exception>
    public static LinkForwarder Open(string sideA, string sideB, LinkSettings settings, LinkStatusBoard board)
    {
        var resources = new List<IDisposable>();
        try
        {
            var fromA = Incoming(sideA, resources);
            var fromB = Incoming(sideB, resources);
            var toA = Outgoing(sideA, resources);
            var toB = Outgoing(sideB, resources);
            LinkPath[] paths =
            [
                new(fromA, toB, LinkDirection.AToB, board, settings, DelayLineBytes),
                new(fromB, toA, LinkDirection.BToA, board, settings, DelayLineBytes),
            ];
            return new LinkForwarder(paths, resources);
        }
        catch
        {
            foreach (var resource in resources)
                resource.Dispose();
            throw;
        }
    }

    private static AfPacketCaptureSource Incoming(string name, List<IDisposable> resources)
    {
        var source = AfPacketCaptureSource.Open(new CaptureOptions(name, SnapLength, Promiscuous: true, IgnoreOutgoing: true), IncomingRing);
        resources.Add(source);
        return source;
    }

    /// <summary>A socket that only sends (protocol 0), bound to <paramref name="name"/>, past the qdisc: a veth has none worth the detour.</summary>
    private static SafePacketSocketHandle Outgoing(string name, List<IDisposable> resources)
    {
        var fd = Socket(AddressFamilyPacket, SockRaw | SockCloexec, 0);
        if (fd < 0)
            throw AfPacketException.FromErrno(Marshal.GetLastPInvokeError(), "socket(AF_PACKET)", name);
        var socket = new SafePacketSocketHandle(fd);
        resources.Add(socket);
        var address = new SockaddrLl { Family = AddressFamilyPacket, IfIndex = (int)IfNameToIndex(name) };
        if (address.IfIndex == 0)
            throw AfPacketException.FromErrno(Interop.Errno.ENODEV, "if_nametoindex", name);
        if (Bind(socket, &address, sizeof(SockaddrLl)) != 0)
            throw AfPacketException.FromErrno(Marshal.GetLastPInvokeError(), "bind", name);
        var bypass = 1;
        if (SetSockOpt(socket, SolPacket, PacketQdiscBypass, &bypass, sizeof(int)) != 0)
            throw AfPacketException.FromErrno(Marshal.GetLastPInvokeError(), "setsockopt(PACKET_QDISC_BYPASS)", name);
        return socket;
    }

    /// <summary>Starts one thread per direction.</summary>
    public void Start()
    {
        _threads = [.. _paths.Select((path, i) => new Thread(path.Run) { IsBackground = true, Name = i == 0 ? "link a->b" : "link b->a" })];
        foreach (var thread in _threads)
            thread.Start();
    }

    /// <summary>Applies <paramref name="settings"/> to the next frame of each direction.</summary>
    public void Apply(LinkSettings settings)
    {
        foreach (var path in _paths)
            path.Settings = settings;
    }

    /// <summary>Stops both directions, waits for their threads, and closes every socket.</summary>
    public void Dispose()
    {
        foreach (var path in _paths)
            path.Stop();
        foreach (var thread in _threads ?? [])
            thread.Join();
        foreach (var resource in _resources)
            resource.Dispose();
    }
}
