using RawNet.Protocols.Tcp;

namespace RawNet.Protocols.Conversations;

/// <summary>How a TCP segment's payload belongs to a message an application protocol reassembles (tshark's desegmentation).</summary>
public enum TcpPduPart : byte
{
    /// <summary>None: the payload is read on its own, or completes a message.</summary>
    None,
    /// <summary>A part of a message later segments complete: "[TCP segment of a reassembled PDU]" ends the Info text.</summary>
    Held,
    /// <summary>The start of such a message, whose first line the application wrote into the Info text before it asked for more.</summary>
    HeldAfterLine,
    /// <summary>A message whose first line the application wrote into the Info text before it threw (reading its chunks past the bytes).</summary>
    FaultAfterLine,
    /// <summary>
    /// Bytes of a message already put together, sent again (not flagged a plain retransmission): tshark's reassembly
    /// complains "New fragment overlaps old data (retransmission?)".
    /// </summary>
    Overlap,
    /// <summary>
    /// The start of a message whose protocol read its header and asked for more (TLS): the protocol is there with
    /// nothing of its own, and the Info text is only "[TCP segment of a reassembled PDU]".
    /// </summary>
    HeldStart,
}

/// <summary>One TCP or UDP layer's place in its conversation: the stream it belongs to, its times, and for TCP the analysis.</summary>
public struct TransportAnalysis
{
    /// <summary>The index of the TCP or UDP layer this record is for.</summary>
    public int LayerIndex;
    /// <summary>tcp.stream or udp.stream (shown when <see cref="HasStream"/>).</summary>
    public uint Stream;
    public bool HasStream;
    /// <summary>Nanoseconds since the conversation's first frame, and since its previous one (shown when <see cref="HasTimes"/>).</summary>
    public long TimeRelative;
    public long TimeDelta;
    public bool HasTimes;
    /// <summary>TCP only: relative numbers, window and analysis (shown when <see cref="HasTcp"/>).</summary>
    public TcpSegmentAnalysis Tcp;
    public bool HasTcp;
    /// <summary>TCP only: whether the payload is part of a message later segments complete.</summary>
    public TcpPduPart PduPart;
}

/// <summary>
/// What the <see cref="ConversationTracker"/> found for one packet: its times relative to the capture, and for each TCP or
/// UDP layer its conversation and analysis. Owned by a <see cref="Decoding.DecodedPacket"/> and overwritten with it; empty
/// until a tracker has seen the packet (then the fields it holds are absent).
/// </summary>
public sealed class PacketAnalysis
{
    /// <summary>The most transport layers one packet's analysis holds (tunnels nest; deeper ones go unanalysed).</summary>
    public const int MaxTransports = 8;

    private readonly TransportAnalysis[] _transports = new TransportAnalysis[MaxTransports];

    // Set by every writer, so that clearing a record nothing wrote into (every packet decoded without a tracker) is one test.
    private bool _written;

    /// <summary>True once a tracker has filled in the frame times.</summary>
    public bool HasFrameTimes { get; private set; }

    /// <summary>Nanoseconds since the first frame (frame.time_relative).</summary>
    public long TimeRelative { get; private set; }

    /// <summary>Nanoseconds since the previous frame (frame.time_delta).</summary>
    public long TimeDelta { get; private set; }

    /// <summary>Nanoseconds since the previous displayed frame (frame.time_delta_displayed).</summary>
    public long TimeDeltaDisplayed { get; private set; }

    /// <summary>
    /// The frame of the ICMP or ICMPv6 echo request this packet's echo reply answers (tshark's "request in"), or 0 when
    /// it answers none the tracker remembers, or is no echo reply.
    /// </summary>
    public uint EchoRequestFrame { get => _echoRequestFrame; set { _echoRequestFrame = value; _written = true; } }
    private uint _echoRequestFrame;

    /// <summary>Nanoseconds from the request <see cref="EchoRequestFrame"/> names to this reply (tshark's icmp.resptime).</summary>
    public long EchoResponseTime { get => _echoResponseTime; set { _echoResponseTime = value; _written = true; } }
    private long _echoResponseTime;

    /// <summary>
    /// The IPv4 address (big-endian, as a number) this packet's ARP claims for another MAC than an earlier packet did
    /// (tshark's "duplicate use of A detected!"), or 0.
    /// </summary>
    public uint ArpDuplicateAddress { get => _arpDuplicateAddress; set { _arpDuplicateAddress = value; _written = true; } }
    private uint _arpDuplicateAddress;

    private readonly Expert.ExpertFinding[] _expert = new RawNet.Protocols.Expert.ExpertFinding[RawNet.Protocols.Expert.ExpertFinder.MaxFindingsPerPacket];

    /// <summary>True once an <see cref="Expert.ExpertFinder"/> looked for this packet's expert items (<see cref="ConversationTracker.Expert"/>).</summary>
    public bool HasExpert { get; private set; }

    /// <summary>The packet's expert items in tshark's order (empty until <see cref="HasExpert"/>).</summary>
    public ReadOnlySpan<Expert.ExpertFinding> Expert => _expert.AsSpan(0, ExpertCount);

    /// <summary>Number of <see cref="Expert"/> items.</summary>
    public int ExpertCount { get; private set; }

    /// <summary>
    /// The protocol (tshark's short name) whose dissection ended in tshark's malformed exception ("[Malformed Packet: TCP]",
    /// its expert item the last of <see cref="Expert"/>), or null when none did.
    /// </summary>
    public string? MalformedIn { get; private set; }

    /// <summary>
    /// The protocol (tshark's short name) whose dissection stopped at the end of the bytes captured, what tshark shows as
    /// "[Packet size limited during capture: TCP truncated]" (<c>_ws.short</c>), or null when none did (a malformed packet's
    /// dissection may still run into it after: an 802.3 frame's trailer).
    /// </summary>
    public string? ShortIn { get; private set; }

    /// <summary>Room for a finder to write the expert items into; <see cref="SetExpert"/> then says how many it wrote.</summary>
    public Span<Expert.ExpertFinding> ExpertBuffer => _expert;

    /// <summary>Records that the first <paramref name="count"/> items of <see cref="ExpertBuffer"/> are the packet's, and the protocol of its malformed exception or of its capture's cut.</summary>
    public void SetExpert(int count, string? malformedIn, string? shortIn = null)
    {
        _written = true;
        ExpertCount = Math.Clamp(count, 0, _expert.Length);
        MalformedIn = malformedIn;
        ShortIn = shortIn;
        HasExpert = true;
    }

    /// <summary>What tshark's TCP reassembly shows of this packet (tcp.segment_data, tcp.segments and the items under it).</summary>
    public TcpReassemblyRecord Reassembly
    {
        get
        {
            _written = true;
            return _reassembly;
        }
    }

    private readonly TcpReassemblyRecord _reassembly = new();

    /// <summary>Number of transport records.</summary>
    public int TransportCount { get; private set; }

    /// <summary>The transport records, in layer order.</summary>
    public ReadOnlySpan<TransportAnalysis> Transports => _transports.AsSpan(0, TransportCount);

    /// <summary>The record of the layer at <paramref name="layerIndex"/>, or -1.</summary>
    public int IndexOf(int layerIndex)
    {
        for (int i = 0; i < TransportCount; i++)
        {
            if (_transports[i].LayerIndex == layerIndex)
                return i;
        }
        return -1;
    }

    /// <summary>Record <paramref name="index"/> (see <see cref="IndexOf"/>).</summary>
    public ref readonly TransportAnalysis this[int index] => ref _transports[index];

    /// <summary>Sets the frame times.</summary>
    public void SetFrameTimes(long relative, long delta, long deltaDisplayed)
    {
        TimeRelative = relative;
        TimeDelta = delta;
        TimeDeltaDisplayed = deltaDisplayed;
        HasFrameTimes = true;
        _written = true;
    }

    /// <summary>Adds a cleared record for the layer at <paramref name="layerIndex"/>; false when the packet has as many as it can hold.</summary>
    public bool TryAdd(int layerIndex, out int index)
    {
        index = TransportCount;
        if (index == MaxTransports)
            return false;
        _transports[index] = new TransportAnalysis { LayerIndex = layerIndex };
        TransportCount++;
        _written = true;
        return true;
    }

    /// <summary>Forgets the records of layers after <paramref name="layerIndex"/> (layers the tracker took back).</summary>
    internal void DropTransportsAfter(int layerIndex)
    {
        while (TransportCount > 0 && _transports[TransportCount - 1].LayerIndex > layerIndex)
            TransportCount--;
    }

    /// <summary>The writable record <paramref name="index"/>, for the tracker (and the UI's stored analysis) to fill.</summary>
    public ref TransportAnalysis Edit(int index) => ref _transports[index];

    /// <summary>Forgets everything (a new packet).</summary>
    public void Clear()
    {
        if (!_written)
            return;
        _written = false;
        HasFrameTimes = false;
        TransportCount = 0;
        _echoRequestFrame = 0;
        _echoResponseTime = 0;
        _arpDuplicateAddress = 0;
        HasExpert = false;
        ExpertCount = 0;
        MalformedIn = null;
        ShortIn = null;
        _reassembly.Clear();
    }
}
