namespace RawNet.Protocols;

/// <summary>Which way a frame went, where the capture source knows (pcapng epb_flags, AF_PACKET pkttype).</summary>
public enum PacketDirection : byte
{
    Unknown,
    Inbound,
    Outbound,
}

/// <summary>What a capture source knows about one frame besides its bytes.</summary>
/// <param name="TimestampNanoseconds">Capture time in nanoseconds since the Unix epoch.</param>
/// <param name="CapturedLength">Bytes captured (the length of the frame's data).</param>
/// <param name="OriginalLength">Bytes the frame had on the wire.</param>
/// <param name="LinkType">Link-layer header type of the frame.</param>
/// <param name="InterfaceId">Index of the capturing interface within its file or capture session.</param>
/// <param name="Direction">Inbound or outbound, where known.</param>
/// <param name="Interface">The file's interface as tshark shows it (frame.interface_id, _name, _description), where the file describes one.</param>
/// <param name="SectionNumber">The 1-based pcapng section the frame is in; 0 for other files.</param>
/// <param name="PacketFlags">The enhanced (or obsolete) packet block's epb_flags word, where it has one.</param>
public readonly record struct FrameMetadata(
    long TimestampNanoseconds,
    int CapturedLength,
    int OriginalLength,
    LinkType LinkType,
    int InterfaceId = 0,
    PacketDirection Direction = PacketDirection.Unknown,
    CaptureInterface? Interface = null,
    int SectionNumber = 0,
    uint? PacketFlags = null)
{
    // Every decoded packet copies its metadata: the flags kept as a word and a presence byte, not as a uint? (which the
    // runtime pads to 8 bytes), hold the struct at 40 bytes rather than 48; the interface kept as a number in
    // CaptureInterfaces, not a reference, spares each copy into a decoded packet a GC write barrier (7 ns a packet
    // of the decode benchmark, docs/performance.md).
    // A frame of a file with no interface descriptions (pcap) does not touch the table at all.
    private readonly int _interface = Interface is null ? 0 : CaptureInterfaces.HandleOf(Interface);

    /// <summary>The file's interface as tshark shows it (frame.interface_id, _name, _description), where the file describes one.</summary>
    public CaptureInterface? Interface
    {
        get => CaptureInterfaces.Of(_interface);
        init => _interface = value is null ? 0 : CaptureInterfaces.HandleOf(value);
    }

    private readonly uint _packetFlags = PacketFlags.GetValueOrDefault();
    private readonly bool _hasPacketFlags = PacketFlags.HasValue;

    /// <summary>The enhanced (or obsolete) packet block's epb_flags word, where it has one.</summary>
    public uint? PacketFlags
    {
        get => _hasPacketFlags ? _packetFlags : null;
        init
        {
            _packetFlags = value.GetValueOrDefault();
            _hasPacketFlags = value.HasValue;
        }
    }

    /// <summary>The bits of <see cref="PacketFlags"/> that give the FCS length in octets (epb_flags bits 5 to 8).</summary>
    public const uint FcsLengthFlags = 0x0000_01E0;

    /// <summary>
    /// The FCS length <see cref="PacketFlags"/> gives, in octets; 0 where they give none (no flags, or a length of 0).
    /// tshark's wiretap hands a non-zero one to Ethernet, which takes that many bytes off what the EtherType carries.
    /// </summary>
    public int FcsLengthFromFlags => (int)((_packetFlags & FcsLengthFlags) >> 5);
}

/// <summary>
/// An interface a capture file describes (a pcapng interface description block, or one wiretap makes for ERF ports), made
/// once per interface by the reader and shared by its frames.
/// </summary>
/// <param name="Id">The interface's number as tshark shows it (frame.interface_id): its index in its pcapng section.</param>
/// <param name="Name">if_name, else if_description, else "unknown": tshark's name for it.</param>
/// <param name="Description">if_description, where the file gives one.</param>
public sealed record CaptureInterface(int Id, string Name, string? Description)
{
    /// <summary>What tshark calls an interface the file names and describes in neither way.</summary>
    public const string UnknownName = "unknown";
}

/// <summary>
/// The interfaces frames name, each kept once by value and known by a number (<see cref="FrameMetadata"/> holds the
/// number). Grows with the distinct interfaces read in the process, at most <see cref="MaxInterfaces"/>: one more is not
/// named (its frames show no interface fields) rather than held.
/// </summary>
public static class CaptureInterfaces
{
    /// <summary>The most distinct interfaces held.</summary>
    public const int MaxInterfaces = 65_536;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<CaptureInterface, int> Handles = [];
    private static CaptureInterface[] _byHandle = new CaptureInterface[16];

    // Readers hand the same interface to frame after frame: the last one's number, per thread, spares the lookup.
    [ThreadStatic] private static CaptureInterface? _last;
    [ThreadStatic] private static int _lastHandle;

    /// <summary>The number of <paramref name="known"/> (0 for none, or when the table is full).</summary>
    public static int HandleOf(CaptureInterface? known)
    {
        if (known is null)
            return 0;
        if (ReferenceEquals(known, _last))
            return _lastHandle;
        int handle;
        lock (Gate)
        {
            if (!Handles.TryGetValue(known, out handle))
            {
                if (Handles.Count >= MaxInterfaces)
                    return 0;
                handle = Handles.Count + 1;
                var table = _byHandle;
                if (handle > table.Length)
                {
                    Array.Resize(ref table, Math.Min(table.Length * 2, MaxInterfaces));
                }
                table[handle - 1] = known;
                Handles.Add(known, handle);
                Volatile.Write(ref _byHandle, table);
            }
        }
        (_last, _lastHandle) = (known, handle);
        return handle;
    }

    /// <summary>The interface numbered <paramref name="handle"/> (null for 0).</summary>
    public static CaptureInterface? Of(int handle)
    {
        var table = Volatile.Read(ref _byHandle);
        return handle > 0 && handle <= table.Length ? table[handle - 1] : null;
    }
}
