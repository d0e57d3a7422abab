using RawNet.Capture.Bpf;
using RawNet.Files;
using RawNet.Protocols;

namespace RawNet.Capture.LibPcap;

/// <summary>
/// A live libpcap capture: create, set options, <see cref="Activate"/>, then read with <see cref="TryNext"/>.
/// Not thread-safe except <see cref="BreakLoop"/>, which may be called from any thread.
/// </summary>
public sealed unsafe class PcapHandle : IDisposable
{
    private readonly SafePcapHandle _pcap;
    private LinkType _linkType;

    private PcapHandle(SafePcapHandle pcap, string device)
    {
        _pcap = pcap;
        Device = device;
    }

    /// <summary>pcap_create for <paramref name="device"/> (e.g. <c>lo</c>, <c>any</c>); options may be set until <see cref="Activate"/>.</summary>
    public static PcapHandle Create(string device)
    {
        ArgumentNullException.ThrowIfNull(device);
        PcapLibrary.EnsureAvailable();
        var errorBuffer = stackalloc byte[Interop.Pcap.ErrorBufferSize];
        errorBuffer[0] = 0;
        var pcap = Interop.Pcap.Create(device, errorBuffer);
        if (pcap.IsInvalid)
        {
            pcap.Dispose();
            throw new PcapException($"pcap_create({device}): {Interop.Pcap.PtrToString(errorBuffer)}", Interop.Pcap.Error);
        }
        return new PcapHandle(pcap, device);
    }

    /// <summary>pcap_create for a device from <see cref="PcapDevice.FindAll"/>.</summary>
    public static PcapHandle Create(PcapDevice device) => Create(device.Name);

    /// <summary>The device name this handle was created for.</summary>
    public string Device { get; }

    /// <summary>Whether <see cref="Activate"/> succeeded.</summary>
    public bool IsActivated { get; private set; }

    /// <summary>The link type of captured frames (pcap_datalink); valid after <see cref="Activate"/>.</summary>
    public LinkType LinkType
    {
        get
        {
            EnsureActivated();
            return _linkType;
        }
    }

    /// <summary>pcap_set_snaplen: bytes kept of each frame.</summary>
    public void SetSnapshotLength(int bytes) => CheckOption(Interop.Pcap.SetSnaplen(_pcap, bytes), "pcap_set_snaplen");

    /// <summary>pcap_set_promisc.</summary>
    public void SetPromiscuous(bool promiscuous) => CheckOption(Interop.Pcap.SetPromisc(_pcap, promiscuous ? 1 : 0), "pcap_set_promisc");

    /// <summary>pcap_set_buffer_size: the kernel ring's size in bytes.</summary>
    public void SetBufferSize(int bytes) => CheckOption(Interop.Pcap.SetBufferSize(_pcap, bytes), "pcap_set_buffer_size");

    /// <summary>pcap_set_immediate_mode: deliver each frame as it arrives instead of waiting for a full block.</summary>
    public void SetImmediateMode(bool immediate) => CheckOption(Interop.Pcap.SetImmediateMode(_pcap, immediate ? 1 : 0), "pcap_set_immediate_mode");

    /// <summary>pcap_set_timeout: how long <see cref="TryNext"/> waits for a frame before returning false.</summary>
    public void SetTimeout(TimeSpan timeout) =>
        CheckOption(Interop.Pcap.SetTimeout(_pcap, (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue)), "pcap_set_timeout");

    /// <summary>pcap_activate. Returns libpcap's warning (e.g. promiscuous mode not supported) or null; throws <see cref="PcapException"/> on error.</summary>
    public string? Activate()
    {
        var status = Interop.Pcap.Activate(_pcap);
        if (status < 0)
            throw new PcapException(PcapLibrary.Describe(_pcap, status, $"pcap_activate({Device})"), status);
        IsActivated = true;
        _linkType = PcapLinkTypes.FromDlt(Interop.Pcap.Datalink(_pcap));
        return status > 0 ? PcapLibrary.Describe(_pcap, status, $"pcap_activate({Device})") : null;
    }

    /// <summary>pcap_setfilter: the kernel (or libpcap) keeps only frames <paramref name="program"/> accepts. Compile it for <see cref="LinkType"/>.</summary>
    public void SetFilter(BpfProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        EnsureActivated();
        int status;
        // pcap_setfilter copies the instructions, so pinning them for the call is enough.
        fixed (BpfInstruction* instructions = program.Instructions)
        {
            var native = new Interop.Pcap.BpfProgramNative { Length = (uint)program.Instructions.Length, Instructions = instructions };
            status = Interop.Pcap.SetFilter(_pcap, &native);
        }
        if (status < 0)
            throw new PcapException(PcapLibrary.Describe(_pcap, status, "pcap_setfilter"), status);
    }

    /// <summary>
    /// pcap_next_ex: the next frame, or false when the timeout passed or <see cref="BreakLoop"/> was called.
    /// The frame's bytes belong to libpcap and are valid only until the next call or disposal.
    /// </summary>
    public bool TryNext(out CapturedFrame frame)
    {
        EnsureActivated();
        Interop.Pcap.PacketHeader* header;
        byte* data;
        var status = Interop.Pcap.NextEx(_pcap, &header, &data);
        if (status == 1)
        {
            var timestamp = (long)header->Seconds * 1_000_000_000L + (long)header->Microseconds * 1_000L;
            var metadata = new FrameMetadata(timestamp, (int)header->CapturedLength, (int)header->Length, _linkType);
            frame = new CapturedFrame(metadata, new ReadOnlySpan<byte>(data, (int)header->CapturedLength));
            return true;
        }
        frame = default;
        if (status == 0 || status == Interop.Pcap.ErrorBreak)
            return false;
        throw new PcapException(PcapLibrary.Describe(_pcap, status, "pcap_next_ex"), status);
    }

    /// <summary>pcap_stats.</summary>
    public PcapStatistics GetStatistics()
    {
        EnsureActivated();
        Interop.Pcap.Stat stat;
        var status = Interop.Pcap.Stats(_pcap, &stat);
        if (status < 0)
            throw new PcapException(PcapLibrary.Describe(_pcap, status, "pcap_stats"), status);
        return new PcapStatistics(stat.Received, stat.Dropped, stat.InterfaceDropped);
    }

    /// <summary>pcap_breakloop: makes a blocked or the next <see cref="TryNext"/> return false. Safe from another thread.</summary>
    public void BreakLoop() => Interop.Pcap.BreakLoop(_pcap);

    /// <summary>pcap_close.</summary>
    public void Dispose() => _pcap.Dispose();

    private void CheckOption(int status, string call)
    {
        if (status != 0)
            throw new PcapException($"{call}({Device}): {Interop.Pcap.PtrToString(Interop.Pcap.StatusToStr(status))}", status);
    }

    private void EnsureActivated()
    {
        ObjectDisposedException.ThrowIf(_pcap.IsClosed, this);
        if (!IsActivated)
            throw new InvalidOperationException($"the capture on {Device} is not activated; call Activate() first");
    }
}
