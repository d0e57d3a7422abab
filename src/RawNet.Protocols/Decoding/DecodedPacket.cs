using System.Runtime.CompilerServices;

namespace RawNet.Protocols.Decoding;

/// <summary>
/// A caller-owned, reusable decode result: the layers of one frame as offsets into its bytes. Decoding into the same
/// instance again overwrites it, so steady-state decoding allocates nothing. The frame's bytes are not kept: pass them
/// alongside (<see cref="BufferOf"/>).
/// </summary>
public sealed class DecodedPacket
{
    /// <summary>The most layers one packet can have; deeper nesting stops decoding with <see cref="DecodeOutcome.Unsupported"/>.</summary>
    public const int MaxLayers = 32;

    private readonly Layer[] _layers = new Layer[MaxLayers];

    /// <summary>What a <see cref="Conversations.ConversationTracker"/> found for this packet; cleared by every decode.</summary>
    public Conversations.PacketAnalysis Analysis { get; } = new();

    /// <summary>The frame's metadata (time, lengths, link type).</summary>
    public FrameMetadata Metadata { get; internal set; }

    /// <summary>
    /// The frame as tshark's wiretap hands it to the dissectors, what frame.len, frame.cap_len and the frame's times
    /// read: <see cref="Metadata"/>, except where wiretap takes a pseudo-header out of the record: an ERF record's header
    /// (its lengths and time, see <see cref="Erf.ErfHeader.WiretapFrame"/>), SunATM's 4 bytes, PPP's direction byte. The
    /// record itself, what writers save, keeps <see cref="Metadata"/>.
    /// </summary>
    public FrameMetadata WiretapFrame
    {
        get => _wiretapDiffers ? _wiretapFrame : Metadata;
        internal set
        {
            _wiretapFrame = value;
            _wiretapDiffers = true;
        }
    }

    // WiretapFrame when it is not Metadata (set by the decoders that take a pseudo-header out): the common packet copies
    // the metadata, which holds a reference, once and not twice.
    private FrameMetadata _wiretapFrame;
    private bool _wiretapDiffers;

    /// <summary>Bytes of the record before the frame's first byte as tshark counts positions (the pseudo-header wiretap takes out; 0 elsewhere).</summary>
    public int FrameStart { get; internal set; }

    /// <summary>1-based frame number in its file or capture.</summary>
    public long FrameNumber { get; internal set; }

    /// <summary>How decoding ended.</summary>
    public DecodeOutcome Outcome { get; internal set; }

    /// <summary>The layer decoding stopped in (or the last layer, when <see cref="Outcome"/> is <see cref="DecodeOutcome.Ok"/>).</summary>
    public LayerKind StoppedAt { get; internal set; }

    /// <summary>Byte offset in the frame where decoding stopped.</summary>
    public int StopOffset { get; internal set; }

    /// <summary>Why decoding stopped early (a constant string), or null.</summary>
    public string? StopReason { get; internal set; }

    /// <summary>
    /// True when tshark, reading the Ethernet or Linux cooked trailer after every layer inside the frame, ran past the
    /// captured bytes (a cut padding, monitoring trailer or guessed FCS, or an 802.3 frame the capture ends inside).
    /// </summary>
    public bool TrailerCut { get; internal set; }

    /// <summary>Number of decoded layers, the frame layer included.</summary>
    public int LayerCount { get; private set; }

    /// <summary>True when this frame is an IP fragment whose datagram is not complete yet (or reassembly is off and it is not the first).</summary>
    public bool IsUnreassembledFragment { get; internal set; }

    /// <summary>True when this frame completed an IP datagram and the layers after the IP header come from <see cref="Reassembled"/>.</summary>
    public bool HasReassembledPayload => ReassembledLength > 0;

    /// <summary>Number of fragments the reassembled datagram was made of.</summary>
    public int ReassembledFragmentCount { get; internal set; }

    internal byte[]? ReassembledBuffer;

    // The IP datagrams this frame completed (an outer one and one inside it at most) and the layer whose fields show each.
    private Reassembly.FragmentedDatagram? _datagram0, _datagram1;
    private int _datagramLayer0 = -1, _datagramLayer1 = -1;

    /// <summary>The IP datagram whose reassembly fields (<c>ip.fragment</c>, <c>ipv6.fragment</c>...) layer <paramref name="layerIndex"/> shows, or null.</summary>
    public Reassembly.FragmentedDatagram? IpDatagramAt(int layerIndex) =>
        layerIndex < 0 ? null : layerIndex == _datagramLayer0 ? _datagram0 : layerIndex == _datagramLayer1 ? _datagram1 : null;

    internal void AddIpDatagram(int layerIndex, Reassembly.FragmentedDatagram datagram)
    {
        if (_datagramLayer0 < 0)
            (_datagramLayer0, _datagram0) = (layerIndex, datagram);
        else
            (_datagramLayer1, _datagram1) = (layerIndex, datagram);
    }
    internal int ReassembledLength;

    /// <summary>The reassembled datagram's payload (valid until the next decode with the same decoder).</summary>
    public ReadOnlySpan<byte> Reassembled => ReassembledBuffer is null ? default : ReassembledBuffer.AsSpan(0, ReassembledLength);

    internal byte[]? StreamBuffer;
    internal int StreamLength;

    /// <summary>
    /// Bytes of a TCP stream this packet completed a message of, put together by the conversation tracker from earlier
    /// segments and this one (valid until the tracker analyses the next packet); empty when none.
    /// </summary>
    public ReadOnlySpan<byte> Stream => StreamBuffer is null ? default : StreamBuffer.AsSpan(0, StreamLength);

    internal byte[]? DecompressedBuffer;
    internal int DecompressedLength;

    /// <summary>The IPv6 datagram rebuilt from a 6LoWPAN IPHC header, headers and payload (valid until the next decode with the same decoder); empty when none.</summary>
    public ReadOnlySpan<byte> Decompressed => DecompressedBuffer is null ? default : DecompressedBuffer.AsSpan(0, DecompressedLength);

    /// <summary>The fragments of the 6LoWPAN datagram this frame completed (its IPv6 datagram is then in <see cref="Decompressed"/>); null when none.</summary>
    public Reassembly.FragmentedDatagram? LowpanDatagram { get; internal set; }

    /// <summary>The decoded layers, outermost first; index 0 is the frame.</summary>
    public ReadOnlySpan<Layer> Layers => _layers.AsSpan(0, LayerCount);

    /// <summary>The layer at <paramref name="index"/>.</summary>
    public ref readonly Layer this[int index] => ref _layers[index];

    /// <summary>Index of the first layer of <paramref name="kind"/> at or after <paramref name="start"/>, or -1.</summary>
    public int IndexOf(LayerKind kind, int start = 0)
    {
        for (int i = start; i < LayerCount; i++)
        {
            if (_layers[i].Kind == kind)
                return i;
        }
        return -1;
    }

    /// <summary>True when a layer of <paramref name="kind"/> was decoded.</summary>
    public bool Has(LayerKind kind) => IndexOf(kind) >= 0;

    /// <summary>The bytes a layer's offsets refer to: the frame, or the reassembled payload.</summary>
    public ReadOnlySpan<byte> BufferOf(in Layer layer, ReadOnlySpan<byte> frame) => layer.Source switch
    {
        LayerSource.Reassembled => Reassembled,
        LayerSource.Stream => Stream,
        LayerSource.Decompressed or LayerSource.SwappedFrameControl => Decompressed,
        LayerSource.QuicPlaintext => QuicPlaintext,
        // an ERF record's bytes after its wire length (padding, or what wlen leaves out) are none of tshark's frame
        _ => FrameStart == 0 ? frame : frame[..Math.Min(frame.Length, FrameStart + WiretapFrame.CapturedLength)],
    };

    /// <summary>A layer's position as tshark shows it: counted from the frame's first byte (<see cref="FrameStart"/>); a pseudo-header's at 0.</summary>
    public int PositionOf(in Layer layer) => layer.Source == LayerSource.Frame ? Math.Max(0, layer.Offset - FrameStart) : layer.Offset;

    /// <summary>The frame's bytes as tshark's wiretap hands them over (<paramref name="record"/> after <see cref="FrameStart"/>, at most <see cref="WiretapFrame"/>'s captured length).</summary>
    public ReadOnlySpan<byte> WiretapBytes(ReadOnlySpan<byte> record) =>
        FrameStart == 0 ? record : record.Slice(Math.Min(FrameStart, record.Length), Math.Min(WiretapFrame.CapturedLength, Math.Max(0, record.Length - FrameStart)));

    /// <summary>The header bytes of a layer that are present.</summary>
    public ReadOnlySpan<byte> HeaderOf(in Layer layer, ReadOnlySpan<byte> frame) =>
        BufferOf(layer, frame).Slice(layer.Offset, layer.HeaderLength);

    private Protocols.Quic.QuicConnectionState _quic = Protocols.Quic.QuicConnectionState.None;

    /// <summary>What tshark's QUIC state across packets gave the packet's QUIC layer (<see cref="Protocols.Quic.QuicConversations"/>).</summary>
    public ref readonly Protocols.Quic.QuicConnectionState QuicState => ref _quic;

    internal ref Protocols.Quic.QuicConnectionState QuicRef => ref _quic;

    /// <summary>The datagram-sized buffer QUIC Initials are decrypted into (made on first use, kept).</summary>
    internal byte[]? QuicPlaintextBuffer;

    /// <summary>The decrypted Initials of the packet's QUIC layer, each at its payload's offset in the datagram (<see cref="QuicState"/>).</summary>
    public ReadOnlySpan<byte> QuicPlaintext => QuicPlaintextBuffer;

    /// <summary>True when any layer is cut short (snaplen) or the outcome is truncated.</summary>
    public bool IsTruncated => Outcome == DecodeOutcome.Truncated;

    internal void Reset(in FrameMetadata metadata, long frameNumber)
    {
        Metadata = metadata;
        _wiretapDiffers = false;
        FrameStart = 0;
        FrameNumber = frameNumber;
        Outcome = DecodeOutcome.Ok;
        StoppedAt = LayerKind.Frame;
        StopOffset = 0;
        StopReason = null;
        TrailerCut = false;
        LayerCount = 0;
        IsUnreassembledFragment = false;
        ReassembledLength = 0;
        ReassembledFragmentCount = 0;
        _datagramLayer0 = _datagramLayer1 = -1;
        _datagram0 = _datagram1 = null;
        StreamBuffer = null;
        StreamLength = 0;
        DecompressedLength = 0;
        LowpanDatagram = null;
        _quic.LayerIndex = -1;
        Analysis.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ref Layer Add(LayerKind kind, int offset, int headerLength, int extent, LayerSource source = LayerSource.Frame)
    {
        ref Layer layer = ref _layers[LayerCount++];
        // One assignment of the whole struct (status Complete, no checksum, no detail or note: the zero values): a few
        // wide stores where eleven field stores were.
        layer = new Layer { Kind = kind, Source = source, Offset = offset, HeaderLength = headerLength, Extent = extent };
        return ref layer;
    }

    internal bool IsFull => LayerCount >= MaxLayers;

    internal void RemoveLast() => LayerCount--;

    /// <summary>Forgets why decoding stopped when it stopped in a layer of <paramref name="kind"/> (a layer the tracker took back).</summary>
    internal void ClearStop(LayerKind kind)
    {
        if (Outcome == DecodeOutcome.Ok || StoppedAt != kind)
            return;
        Outcome = DecodeOutcome.Ok;
        StoppedAt = LayerKind.Frame;
        StopOffset = 0;
        StopReason = null;
    }

    internal ref Layer LayerRef(int index) => ref _layers[index];
}
