using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.InteropServices;
using RawNet.Capture.Bpf;
using RawNet.Files;
using RawNet.Protocols;
using static RawNet.Capture.Sources.AfPacket.Interop.PacketRing;
using static RawNet.Capture.Sources.AfPacket.Interop.PacketSocket;

namespace RawNet.Capture.Sources.AfPacket;

/// <summary>
/// Live capture through our own AF_PACKET socket and a memory-mapped TPACKET_V3 receive ring: the kernel fills blocks,
/// <see cref="TryNext"/> walks each block's packets in place and hands the block back once they were all returned.
/// Zero allocations per frame. Ethernet and loopback interfaces only; on loopback each packet is returned once (the
/// kernel shows it outgoing and again incoming; the outgoing copy is skipped, as libpcap does).
/// </summary>
public sealed unsafe class AfPacketCaptureSource : ICaptureSource
{
    private readonly SafePacketSocketHandle _socket;
    private readonly SafeRingMappingHandle _mapping;
    private readonly SafeEventFdHandle _wake;
    private readonly byte* _ring;
    private readonly AfPacketRingLayout _layout;
    private readonly bool _skipOutgoing;
    private readonly int _snapLength;
    private readonly byte[] _vlanFrame;
    private readonly object _statisticsLock = new();

    private int _block;
    private bool _holdingBlock;
    private int _packetsLeft;
    private byte* _nextPacket;
    private volatile bool _stopped;
    private int _disposed;
    private long _received;
    private long _dropped;
    private long _freezes;

    private AfPacketCaptureSource(string interfaceName, SafePacketSocketHandle socket, SafeRingMappingHandle mapping, SafeEventFdHandle wake,
        AfPacketRingLayout layout, bool loopback, int snapLength, int? fanoutGroup)
    {
        InterfaceName = interfaceName;
        FanoutGroup = fanoutGroup;
        _socket = socket;
        _mapping = mapping;
        _wake = wake;
        _ring = (byte*)mapping.DangerousGetHandle();
        _layout = layout;
        _skipOutgoing = loopback;
        IsLoopback = loopback;
        _snapLength = snapLength;
        _vlanFrame = new byte[snapLength + 4];
    }

    /// <inheritdoc/>
    public string InterfaceName { get; }

    /// <inheritdoc/>
    public LinkType LinkType => LinkType.Ethernet;

    /// <inheritdoc/>
    public string BackendName => "afpacket";

    /// <summary>Whether the interface is a loopback device (outgoing copies skipped).</summary>
    public bool IsLoopback { get; }

    /// <summary>The PACKET_FANOUT group this socket shares the interface's frames with, or null when it reads them all.</summary>
    public int? FanoutGroup { get; }

    /// <summary>The most sockets <see cref="OpenFanout"/> opens in one group.</summary>
    public const int MaxFanoutSockets = 16;

    /// <summary>How the kernel ring was laid out.</summary>
    public AfPacketRingLayout RingLayout => _layout;

    /// <summary>Times the kernel found every block full and had to freeze the queue (tp_freeze_q_cnt, summed).</summary>
    public long QueueFreezes
    {
        get
        {
            lock (_statisticsLock)
            {
                ReadKernelStatistics();
                return _freezes;
            }
        }
    }

    /// <summary>
    /// Opens the capture in the calling thread's network namespace: socket, TPACKET_V3 ring laid out from
    /// <see cref="CaptureOptions.BufferBytes"/>, filter (compiled for Ethernet with the snap length), bind to the
    /// interface, promiscuous membership when asked.
    /// </summary>
    /// <exception cref="CapturePermissionException">No CAP_NET_RAW.</exception>
    /// <exception cref="AfPacketException">No such interface, not an Ethernet-like interface, or the kernel refused the ring.</exception>
    /// <exception cref="BpfCompileException">The filter does not compile.</exception>
    public static AfPacketCaptureSource Open(CaptureOptions options) => Open(options, AfPacketRingLayout.For(options.BufferBytes));

    /// <summary>As <see cref="Open(CaptureOptions)"/> with an explicit ring layout.</summary>
    public static AfPacketCaptureSource Open(CaptureOptions options, AfPacketRingLayout layout)
    {
        var filter = CompileFilter(options);
        return Open(options, layout, filter, fanoutGroup: null);
    }

    /// <summary>
    /// Opens <paramref name="sockets"/> captures on one interface, each with its own ring of
    /// <see cref="CaptureOptions.BufferBytes"/>, joined in one new PACKET_FANOUT group: the kernel hands each frame to
    /// exactly one of them, chosen by its flow hash (symmetric, so both directions of a flow meet in one socket).
    /// </summary>
    /// <remarks>
    /// The kernel picks the group's id (PACKET_FANOUT_FLAG_UNIQUEID), so two captures never join each other's group.
    /// Without PACKET_FANOUT_FLAG_DEFRAG: with it the kernel reassembles IPv4 fragments before the group and hands the
    /// sockets the whole datagram instead of the fragments on the wire (tcpdump on the same interface sees the
    /// fragments). Fragments hash by their addresses alone, so a datagram's pieces still meet in one socket, and the
    /// merge puts every frame back in timestamp order whichever socket it came through.
    /// Each socket filters out everything until all have joined: a socket that is bound but not yet in the group
    /// would get copies of what the group already receives. Frames that arrive while the group forms are not captured.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sockets"/> is not between 1 and <see cref="MaxFanoutSockets"/>.</exception>
    public static AfPacketCaptureSource[] OpenFanout(CaptureOptions options, int sockets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sockets, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sockets, MaxFanoutSockets);
        var filter = CompileFilter(options);
        var layout = AfPacketRingLayout.For(options.BufferBytes);
        var opened = new List<AfPacketCaptureSource>(sockets);
        try
        {
            int group = -1;
            for (var i = 0; i < sockets; i++)
            {
                var source = Open(options, layout, filter, fanoutGroup: group);
                opened.Add(source);
                group = source.FanoutGroup!.Value;
            }
            foreach (var source in opened)
                AttachFilter(source._socket, filter, options.SnapLength, source.InterfaceName);
            return [.. opened];
        }
        catch
        {
            foreach (var source in opened)
                source.Dispose();
            throw;
        }
    }

    private static BpfProgram? CompileFilter(CaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.SnapLength);
        if (options.Interface == "any")
            throw new AfPacketException("the AF_PACKET back end captures on one interface; use the libpcap back end for \"any\"", 0);
        // Compile first: a bad expression should not cost a ring.
        return options.Filter is null ? null : BpfProgram.Compile(options.Filter, LinkType.Ethernet, options.SnapLength);
    }

    /// <summary>
    /// Opens one socket; with <paramref name="fanoutGroup"/> (-1: a new group) it joins that group and filters out
    /// everything until the caller attaches <paramref name="filter"/>.
    /// </summary>
    private static AfPacketCaptureSource Open(CaptureOptions options, AfPacketRingLayout layout, BpfProgram? filter, int? fanoutGroup)
    {
        var name = options.Interface;

        // Protocol 0: the socket receives nothing until bind, so nothing from other interfaces or before the filter lands in the ring.
        var fd = Socket(AddressFamilyPacket, SockRaw | SockCloexec, 0);
        if (fd < 0)
            throw AfPacketException.FromErrno(Marshal.GetLastPInvokeError(), "socket(AF_PACKET)", name);
        var socket = new SafePacketSocketHandle(fd);
        SafeRingMappingHandle? mapping = null;
        SafeEventFdHandle? wake = null;
        try
        {
            var index = (int)IfNameToIndex(name);
            if (index == 0)
                throw AfPacketException.FromErrno(Interop.Errno.ENODEV, "if_nametoindex", name);

            var version = TPacketV3;
            SetOption(socket, SolPacket, PacketVersion, &version, sizeof(int), "PACKET_VERSION", name);
            var request = new TPacketReq3
            {
                BlockSize = (uint)layout.BlockSize,
                BlockCount = (uint)layout.BlockCount,
                FrameSize = (uint)layout.FrameSize,
                FrameCount = (uint)(layout.BlockSize / layout.FrameSize * layout.BlockCount),
                RetireTimeoutMs = (uint)layout.RetireTimeoutMs,
            };
            SetOption(socket, SolPacket, PacketRxRing, &request, sizeof(TPacketReq3), "PACKET_RX_RING", name);
            var length = (nuint)layout.TotalBytes;
            var address = Mmap(0, length, ProtRead | ProtWrite, MapShared, socket, 0);
            if (address == MapFailed)
                throw AfPacketException.FromErrno(Marshal.GetLastPInvokeError(), "mmap", name);
            mapping = new SafeRingMappingHandle(address, length);

            if (fanoutGroup is null)
                AttachFilter(socket, filter, options.SnapLength, name);
            else
                DropEverything(socket, name);
            if (options.IgnoreOutgoing)
            {
                var ignore = 1;
                SetOption(socket, SolPacket, PacketIgnoreOutgoing, &ignore, sizeof(int), "PACKET_IGNORE_OUTGOING", name);
            }

            var bound = new SockaddrLl { Family = AddressFamilyPacket, Protocol = BinaryPrimitives.ReverseEndianness(EthPAll), IfIndex = index };
            if (Bind(socket, &bound, sizeof(SockaddrLl)) != 0)
                throw AfPacketException.FromErrno(Marshal.GetLastPInvokeError(), "bind", name);
            var hardwareType = HardwareType(socket, name);
            if (hardwareType is not (ArphrdEther or ArphrdLoopback))
                throw new AfPacketException(
                    $"{name} is not an Ethernet or loopback interface (ARPHRD type {hardwareType}); use the libpcap back end", 0);
            if (fanoutGroup is { } group)
                fanoutGroup = JoinFanout(socket, group, name);

            if (options.Promiscuous)
            {
                var membership = new PacketMreq { IfIndex = index, Type = PacketMrPromisc };
                SetOption(socket, SolPacket, PacketAddMembership, &membership, sizeof(PacketMreq), "PACKET_ADD_MEMBERSHIP", name);
            }

            var eventFd = Interop.Poll.EventFd(0, Interop.Poll.EfdCloexec | Interop.Poll.EfdNonblock);
            if (eventFd < 0)
                throw AfPacketException.FromErrno(Marshal.GetLastPInvokeError(), "eventfd", name);
            wake = new SafeEventFdHandle(eventFd);
            return new AfPacketCaptureSource(name, socket, mapping, wake, layout, hardwareType == ArphrdLoopback, options.SnapLength, fanoutGroup);
        }
        catch
        {
            wake?.Dispose();
            mapping?.Dispose();
            socket.Dispose();
            throw;
        }
    }

    private static void SetOption(SafePacketSocketHandle socket, int level, int option, void* value, int length, string what, string name)
    {
        if (SetSockOpt(socket, level, option, value, length) != 0)
            throw AfPacketException.FromErrno(Marshal.GetLastPInvokeError(), "setsockopt(" + what + ")", name);
    }

    /// <summary>The compiled filter, or without one a single "accept snaplen bytes" so the kernel truncates before the ring.</summary>
    private static void AttachFilter(SafePacketSocketHandle socket, BpfProgram? filter, int snapLength, string name)
    {
        ReadOnlySpan<BpfInstruction> instructions = filter is null
            ? [BpfInstruction.Statement((ushort)(BpfOpcode.Ret | BpfOpcode.K), (uint)snapLength)]
            : filter.Instructions;
        // The kernel copies the program during the call.
        fixed (BpfInstruction* code = instructions)
        {
            var program = new SockFprog { Length = (ushort)instructions.Length, Filter = code };
            SetOption(socket, SolSocket, SoAttachFilter, &program, sizeof(SockFprog), "SO_ATTACH_FILTER", name);
        }
    }

    /// <summary>A filter that keeps nothing: a socket waiting for its group to form must not copy what the group receives.</summary>
    private static void DropEverything(SafePacketSocketHandle socket, string name)
    {
        var instruction = BpfInstruction.Statement((ushort)(BpfOpcode.Ret | BpfOpcode.K), 0);
        var program = new SockFprog { Length = 1, Filter = &instruction };
        SetOption(socket, SolSocket, SoAttachFilter, &program, sizeof(SockFprog), "SO_ATTACH_FILTER", name);
    }

    /// <summary>Joins group <paramref name="group"/> (-1: a new one, its id chosen by the kernel) and returns the group's id.</summary>
    private static int JoinFanout(SafePacketSocketHandle socket, int group, string name)
    {
        // The kernel drops UNIQUEID from the group's flags once it has picked the id, so the others join without it.
        int flags = PacketFanoutHash | (group < 0 ? PacketFanoutFlagUniqueId : 0);
        int value = Math.Max(group, 0) | (flags << 16);
        SetOption(socket, SolPacket, PacketFanout, &value, sizeof(int), "PACKET_FANOUT", name);
        // The kernel answers id | (type | flags << 8) << 16.
        int joined;
        var length = sizeof(int);
        if (GetSockOpt(socket, SolPacket, PacketFanout, &joined, &length) != 0)
            throw AfPacketException.FromErrno(Marshal.GetLastPInvokeError(), "getsockopt(PACKET_FANOUT)", name);
        return joined & 0xFFFF;
    }

    private static ushort HardwareType(SafePacketSocketHandle socket, string name)
    {
        SockaddrLl address;
        var length = sizeof(SockaddrLl);
        if (GetSockName(socket, &address, &length) != 0)
            throw AfPacketException.FromErrno(Marshal.GetLastPInvokeError(), "getsockname", name);
        return address.HaType;
    }

    /// <inheritdoc/>
    public bool TryNext(TimeSpan timeout, out CapturedFrame frame)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        // A negative timeout (Timeout.InfiniteTimeSpan) or one beyond a day waits until a frame comes or Stop.
        var infinite = timeout < TimeSpan.Zero || timeout > TimeSpan.FromDays(1);
        // The clock is read only once there is nothing to return at once: a frame in a held block costs no system call.
        long deadline = 0;
        while (!_stopped)
        {
            if (_holdingBlock)
            {
                if (TryNextInBlock(out frame))
                    return true;
                ReleaseBlock();
            }
            var block = Block(_block);
            if ((Volatile.Read(ref block->BlockStatus) & TpStatusUser) != 0)
            {
                _holdingBlock = true;
                _packetsLeft = (int)block->PacketCount;
                _nextPacket = (byte*)block + block->OffsetToFirstPacket;
                continue;
            }
            if (timeout == TimeSpan.Zero)
                break;
            long now = Stopwatch.GetTimestamp();
            if (deadline == 0)
                deadline = infinite ? long.MaxValue : now + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            var remaining = deadline - now;
            if (remaining <= 0)
                break;
            // Nanoseconds, not poll's milliseconds: the lab link waits for frames that are due within a fraction of one.
            Wait(infinite ? -1 : (long)Math.Min(long.MaxValue / 2, remaining * (1_000_000_000.0 / Stopwatch.Frequency)));
        }
        frame = default;
        return false;
    }

    /// <inheritdoc/>
    /// <remarks>The rest of the block being walked, then the next block if the kernel has already handed it over; no poll.</remarks>
    public bool TryNextReady(out CapturedFrame frame) => TryNext(TimeSpan.Zero, out frame);

    private Interop.PacketRing.TPacketBlockDesc* Block(int index) => (TPacketBlockDesc*)(_ring + (long)index * _layout.BlockSize);

    private bool TryNextInBlock(out CapturedFrame frame)
    {
        while (_packetsLeft > 0)
        {
            var header = (TPacket3Hdr*)_nextPacket;
            _packetsLeft--;
            _nextPacket += header->NextOffset;
            var address = (SockaddrLl*)((byte*)header + SockaddrOffset);
            if (_skipOutgoing && address->PacketType == PacketOutgoing)
                continue;
            var data = new ReadOnlySpan<byte>((byte*)header + header->MacOffset, (int)Math.Min(header->SnapLength, (uint)_snapLength));
            var wireLength = (int)header->Length;
            if ((header->Status & TpStatusVlanValid) != 0 && data.Length >= 12)
            {
                // The driver took the 802.1Q tag off into the header; put it back as libpcap does, so the frame is as on the wire.
                var tpid = (header->Status & TpStatusVlanTpidValid) != 0 && header->VlanTpid != 0 ? header->VlanTpid : (ushort)0x8100;
                data = InsertVlanTag(data, tpid, (ushort)header->VlanTci);
                wireLength += 4;
            }
            var metadata = new FrameMetadata(
                header->Seconds * 1_000_000_000L + header->Nanoseconds,
                data.Length,
                wireLength,
                LinkType.Ethernet,
                Direction: address->PacketType == PacketOutgoing ? PacketDirection.Outbound : PacketDirection.Inbound);
            frame = new CapturedFrame(metadata, data);
            return true;
        }
        frame = default;
        return false;
    }

    private ReadOnlySpan<byte> InsertVlanTag(ReadOnlySpan<byte> data, ushort tpid, ushort tci)
    {
        var output = _vlanFrame.AsSpan();
        data[..12].CopyTo(output);
        BinaryPrimitives.WriteUInt16BigEndian(output[12..], tpid);
        BinaryPrimitives.WriteUInt16BigEndian(output[14..], tci);
        var rest = Math.Min(data.Length - 12, _snapLength - 16);
        data.Slice(12, Math.Max(0, rest)).CopyTo(output[16..]);
        return output[..(16 + Math.Max(0, rest))];
    }

    private void ReleaseBlock()
    {
        Volatile.Write(ref Block(_block)->BlockStatus, TpStatusKernel);
        _holdingBlock = false;
        _block = _block + 1 == _layout.BlockCount ? 0 : _block + 1;
    }

    private void Wait(long nanoseconds)
    {
        var fds = stackalloc Interop.Poll.PollFd[2];
        var added = false;
        var addedWake = false;
        try
        {
            _socket.DangerousAddRef(ref added);
            _wake.DangerousAddRef(ref addedWake);
            fds[0] = new Interop.Poll.PollFd { Fd = (int)_socket.DangerousGetHandle(), Events = Interop.Poll.PollIn };
            fds[1] = new Interop.Poll.PollFd { Fd = (int)_wake.DangerousGetHandle(), Events = Interop.Poll.PollIn };
            var timeout = new Interop.Poll.TimeSpec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
            var n = Interop.Poll.PollFdsPrecise(fds, 2, nanoseconds < 0 ? null : &timeout, null);
            if (n < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno != Interop.Errno.EINTR)
                    throw AfPacketException.FromErrno(errno, "poll", InterfaceName);
                return;
            }
            if ((fds[0].ReturnedEvents & (Interop.Poll.PollErr | Interop.Poll.PollHup | Interop.Poll.PollNval)) != 0)
                ThrowSocketError();
        }
        finally
        {
            if (addedWake)
                _wake.DangerousRelease();
            if (added)
                _socket.DangerousRelease();
        }
    }

    private void ThrowSocketError()
    {
        int error;
        var length = sizeof(int);
        if (GetSockOpt(_socket, SolSocket, SoError, &error, &length) != 0)
            error = Marshal.GetLastPInvokeError();
        throw error == 0
            ? new AfPacketException($"capture on {InterfaceName} failed: the socket reported an error", 0)
            : AfPacketException.FromErrno(error, "poll", InterfaceName);
    }

    /// <inheritdoc/>
    public void Stop()
    {
        _stopped = true;
        try
        {
            Interop.Poll.EventFdWrite(_wake, 1);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <inheritdoc/>
    /// <remarks>Received counts every frame that passed the filter, dropped ones included (the kernel's tp_packets), as tcpdump reports it.</remarks>
    public CaptureSourceStatistics GetStatistics()
    {
        lock (_statisticsLock)
        {
            ReadKernelStatistics();
            return new CaptureSourceStatistics(_received, _dropped, 0);
        }
    }

    /// <summary>Adds the kernel's counters since the last read (it zeroes them on each read).</summary>
    private void ReadKernelStatistics()
    {
        if (Volatile.Read(ref _disposed) != 0)
            return;
        TPacketStatsV3 stats;
        var length = sizeof(TPacketStatsV3);
        if (GetSockOpt(_socket, SolPacket, PacketStatistics, &stats, &length) != 0)
            throw AfPacketException.FromErrno(Marshal.GetLastPInvokeError(), "getsockopt(PACKET_STATISTICS)", InterfaceName);
        _received += stats.Packets;
        _dropped += stats.Drops;
        _freezes += stats.FreezeQueueCount;
    }

    /// <summary>Unmaps the ring and closes the socket. Call from the reading thread once it stopped reading.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _stopped = true;
        _mapping.Dispose();
        _socket.Dispose();
        _wake.Dispose();
    }
}
