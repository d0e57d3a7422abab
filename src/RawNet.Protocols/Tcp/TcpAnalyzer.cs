using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using RawNet.Protocols.Conversations;
using static RawNet.Protocols.Tcp.TcpSequence;

namespace RawNet.Protocols.Tcp;

/// <summary>
/// One direction of a TCP conversation while a capture is walked: what Wireshark keeps per flow for relative numbers,
/// window scaling and the SEQ/ACK analysis. Sequence values are raw; 0 in <see cref="NextSeq"/> and
/// <see cref="MaxSeqToBeAcked"/> means "not seen yet", as in Wireshark.
/// </summary>
internal struct TcpFlow
{
    public uint BaseSeq;
    public uint NextSeq;
    public uint NextSeqFrame;
    public uint MaxSeqToBeAcked;
    public uint LastAck;
    public uint LastNonDupAck;
    /// <summary>Duplicate ACKs counted; <see cref="uint.MaxValue"/> marks "an unseen segment was just ACKed" (its next dup ACK is #1).</summary>
    public uint DupAckNum;
    public uint PushBytesSent;
    /// <summary>
    /// The newest of this flow's unacknowledged segments in the analyzer's pool, or -1. They form a ring oldest to newest
    /// (<see cref="SegmentCount"/> of them), the newest leading back to the oldest: both ends at hand, no walk to either.
    /// </summary>
    public int Segments;
    /// <summary>This flow's latest SACK blocks in the analyzer's pool, or -1.</summary>
    public int Sack;
    public long NextSeqTime;
    public long LastAckTime;
    /// <summary>The last raw (unscaled) window; only meaningful once <see cref="TcpFlowFlags.WindowSeen"/> is set.</summary>
    public ushort Window;
    public TcpAnalysisFlags LastSegmentFlags;
    public ushort SegmentCount;
    /// <summary>-1 unknown, -2 no scaling, else the shift (0 to 14).</summary>
    public sbyte WinScale;
    public TcpFlowFlags Flags;

    public readonly bool Has(TcpFlowFlags flag) => (Flags & flag) != 0;
}

/// <summary>Yes/no facts of a <see cref="TcpFlow"/>.</summary>
[Flags]
internal enum TcpFlowFlags : byte
{
    None = 0,
    /// <summary>The base sequence number is known.</summary>
    BaseSet = 1,
    /// <summary>This flow sent a SYN and no non-SYN ACK since (the peer's window then is not scaled yet).</summary>
    FirstAck = 2,
    /// <summary>Bytes in flight may be computed (cleared by a gap, set again by an ACK from the other side).</summary>
    ValidBytesInFlight = 4,
    /// <summary>The previous data segment had PSH.</summary>
    PushSetLast = 8,
    /// <summary>A segment of this flow has been analysed, so <see cref="TcpFlow.Window"/> holds its window.</summary>
    WindowSeen = 16,
    /// <summary>This flow sent a FIN before the other one did: it started closing the connection.</summary>
    ClosingInitiator = 32,
    /// <summary>
    /// The flow's unacknowledged segments, oldest to newest, start and end at sequence numbers (relative to the base)
    /// that never go down: the oldest has the lowest start, the newest the highest end (what almost every sender does).
    /// </summary>
    SegmentsInOrder = 64,
}

/// <summary>A TCP conversation's state while a capture is walked: its stream number, times and both directions.</summary>
/// <remarks>160 bytes (two 64-byte flows and 32 of its own): a tracker holding a million conversations holds this a million times.</remarks>
internal struct TcpConversation
{
    public uint Stream;
    // The SYN's time until the handshake's round trip is known, then the round trip: one is never needed with the other.
    private bool _initialRttKnown;
    /// <summary>What the conversation has shown so far (tcp.completeness); bytes that fit beside the flag above.</summary>
    public TcpCompleteness Completeness;
    /// <summary>No segment seen yet: only the first may count a pure SYN (tshark's "conversation is new").</summary>
    public bool Fresh;
    private long _synTimeOrInitialRtt;
    public long FirstTime;
    public long PreviousTime;
    /// <summary>The flow Wireshark calls flow1: sent by the endpoint that sorts higher (address, then port).</summary>
    public TcpFlow High;
    /// <summary>flow2: sent by the endpoint that sorts lower (and both ways when the endpoints are equal).</summary>
    public TcpFlow Low;

    /// <summary>A conversation started by a frame at <paramref name="now"/>.</summary>
    public static TcpConversation Start(uint stream, long now) => new()
    {
        Stream = stream,
        Fresh = true,
        FirstTime = now,
        PreviousTime = now,
        High = NewFlow(),
        Low = NewFlow(),
    };

    /// <summary>The handshake's round trip, SYN to the first non-SYN ACK (0: not known yet).</summary>
    public readonly long InitialRtt => _initialRttKnown ? _synTimeOrInitialRtt : 0;

    /// <summary>A pure SYN at <paramref name="now"/>: the round trip, while unknown, is measured from the latest one.</summary>
    public void SynSeen(long now)
    {
        if (!_initialRttKnown)
            _synTimeOrInitialRtt = now;
    }

    /// <summary>
    /// A segment that ACKs without SYN at <paramref name="now"/>: the round trip becomes known if a SYN was seen. A SYN at
    /// time 0 counts as none and a round trip of 0 as not known yet (the next ACK measures again): 0 means unset, as in
    /// Wireshark.
    /// </summary>
    public void AckSeen(long now)
    {
        if (_initialRttKnown || _synTimeOrInitialRtt == 0)
            return;
        long roundTrip = now - _synTimeOrInitialRtt;
        if (roundTrip == 0)
            return;
        _synTimeOrInitialRtt = roundTrip;
        _initialRttKnown = true;
    }

    private static TcpFlow NewFlow() => new() { Segments = -1, Sack = -1, WinScale = -1, Flags = TcpFlowFlags.ValidBytesInFlight };
}

/// <summary>
/// The TCP SEQ/ACK analysis as tshark 4.0 computes it in one pass with its default preferences: relative sequence
/// numbers, window scaling, the handshake's RTT, and per segment the analysis flags (retransmission, duplicate ACK,
/// zero window, ...), the RTT of the segment it acknowledges, bytes in flight and the RTO. The rules follow Wireshark's
/// packet-tcp.c (read for its rules, written anew) and were settled against tshark 4.0.17 where versions differ
/// (docs/tcp-analysis.md). Unacknowledged segments and SACK blocks live in pools owned here, bounded per flow and in all.
/// </summary>
internal sealed class TcpAnalyzer
{
    /// <summary>Wireshark stops remembering a flow's unacknowledged segments past this many.</summary>
    public const int MaxSegmentsPerFlow = 10000;

    /// <summary>The most SACK blocks of one option that count against bytes in flight (Wireshark keeps three).</summary>
    public const int SackBlocks = 3;

    /// <summary>The first four bytes of the options most data segments carry: NOP, NOP, timestamps (kind 8, 10 bytes long).</summary>
    private const uint NopNopTimestamps = 0x0101080A;
    private const int NopNopTimestampsLength = 12;

    private const long FastRetransmissionWindow = 20_000_000;   // 20 ms
    private const long DefaultOutOfOrderThreshold = 3_000_000;  // 3 ms, until the handshake's RTT is known

    private UnackedSegment[] _segments = new UnackedSegment[1024];
    private int _freeSegment = -1;
    private int _usedSegments;
    private readonly int _maxSegments;
    private SackRanges[] _sacks = new SackRanges[16];

    /// <summary>Unacknowledged segments a flow holds before the bounds of its bytes in flight are kept rather than walked for each segment.</summary>
    private const int KeepFlightBoundsFrom = 16;

    /// <summary>The bounds <see cref="FlightBounds"/> keeps, by the index of the flow's newest segment (unique while it holds any).</summary>
    private readonly Dictionary<int, (uint First, uint Last)> _flightBounds = [];
    private int _freeSack = -1;
    private int _usedSacks;

    /// <summary>Creates an analyzer that remembers at most <paramref name="maxSegments"/> unacknowledged segments in all.</summary>
    public TcpAnalyzer(int maxSegments) => _maxSegments = Math.Max(MaxSegmentsPerFlow, maxSegments);

    /// <summary>Bytes the pools hold.</summary>
    public long AllocatedBytes => (long)_segments.Length * Unsafe.SizeOf<UnackedSegment>() + (long)_sacks.Length * Unsafe.SizeOf<SackRanges>();

    /// <summary>Segments remembered now, all flows together.</summary>
    public int SegmentsHeld { get; private set; }

    /// <summary>The packet's TCP layer as the analysis sees it.</summary>
    public readonly ref struct Segment(ReadOnlySpan<byte> header, int reportedLength, bool quoted, uint frame, long now)
    {
        /// <summary>The header bytes captured (at least 16).</summary>
        public readonly ReadOnlySpan<byte> Header = header;
        /// <summary>Bytes the segment spans as the IP layer declares them (header and payload).</summary>
        public readonly int ReportedLength = reportedLength;
        /// <summary>Inside an ICMP error: counted in the conversation, never analysed.</summary>
        public readonly bool Quoted = quoted;
        public readonly uint Frame = frame;
        public readonly long Now = now;
    }

    /// <summary>
    /// Moves tcp.completeness on as tshark 4.0 does after showing it: a new conversation counts only a pure SYN (and its
    /// data, TCP Fast Open); later ones add SYN-ACK, a pure ACK, data on an ACK, FIN with ACK and RST. A header length
    /// below 20 stops tshark before it. <paramref name="seglen"/> is 0 where tshark does not know the length (a quote).
    /// </summary>
    private static void AdvanceCompleteness(ref TcpConversation conversation, TcpFlags flags, int headerLength, uint seglen)
    {
        bool fresh = conversation.Fresh;
        conversation.Fresh = false;
        if (headerLength < TcpHeader.MinLength)
            return;
        var synAck = flags & (TcpFlags.Syn | TcpFlags.Ack);
        if (fresh)
        {
            if (synAck == TcpFlags.Syn)
                conversation.Completeness |= TcpCompleteness.SynSent | (seglen > 0 ? TcpCompleteness.Data : 0);
            return;
        }
        if (synAck == (TcpFlags.Syn | TcpFlags.Ack))
            conversation.Completeness |= TcpCompleteness.SynAck;
        if (synAck == TcpFlags.Ack)
            conversation.Completeness |= seglen > 0 ? TcpCompleteness.Data : TcpCompleteness.Ack;
        if ((flags & (TcpFlags.Fin | TcpFlags.Ack)) == (TcpFlags.Fin | TcpFlags.Ack))
            conversation.Completeness |= TcpCompleteness.Fin;
        if ((flags & TcpFlags.Rst) != 0)
            conversation.Completeness |= TcpCompleteness.Reset;
    }

    /// <summary>
    /// Analyses one TCP segment of <paramref name="conversation"/> (sent by its higher endpoint when
    /// <paramref name="fromHigh"/>) and fills <paramref name="record"/>: stream, times, relative numbers, window, analysis.
    /// A SYN that starts a new conversation on the same ports resets <paramref name="conversation"/> and takes the next
    /// number from <paramref name="streams"/>.
    /// </summary>
    public void Analyze(ref TcpConversation conversation, bool fromHigh, in Segment segment, ref TransportAnalysis record, ref uint streams)
    {
        var header = segment.Header;
        uint seq = BinaryPrimitives.ReadUInt32BigEndian(header[TcpHeader.Field.SequenceNumber..]);
        uint ack = BinaryPrimitives.ReadUInt32BigEndian(header[TcpHeader.Field.AcknowledgmentNumber..]);
        var flags = (TcpFlags)(BinaryPrimitives.ReadUInt16BigEndian(header[TcpHeader.Field.DataOffsetAndFlags..]) & 0x0FFF);
        ushort window = BinaryPrimitives.ReadUInt16BigEndian(header[TcpHeader.Field.Window..]);
        int headerLength = (header[TcpHeader.Field.DataOffsetAndFlags] >> 4) * 4;
        bool syn = (flags & TcpFlags.Syn) != 0, hasAck = (flags & TcpFlags.Ack) != 0, fin = (flags & TcpFlags.Fin) != 0;
        long now = segment.Now;
        ref var a = ref record.Tcp;
        a = default;

        // A SYN with another initial sequence number on known ports starts a new conversation (tshark 4.0: whatever
        // became of the old one); the same number is the SYN sent again, and the flow rewinds to resend from there.
        if (syn && !hasAck && Flow(ref conversation, fromHigh).Has(TcpFlowFlags.BaseSet))
        {
            if (seq != Flow(ref conversation, fromHigh).BaseSeq)
            {
                Release(ref conversation);
                conversation = TcpConversation.Start(streams++, now);
                // tshark starts the new conversation as one that saw its SYN, not as a new one
                conversation.Completeness = TcpCompleteness.SynSent;
                conversation.Fresh = false;
                Mark(ref a, TcpAnalysisFlags.ReusedPorts);
            }
            else
            {
                // tshark keeps an (empty) analysis record for it: only visible when an ICMP error quotes the SYN.
                ref var flow = ref Flow(ref conversation, fromHigh);
                flow.NextSeq = flow.MaxSeqToBeAcked;
                Create(ref a);
            }
        }
        else if (syn && hasAck && Flow(ref conversation, fromHigh).Has(TcpFlowFlags.BaseSet) && seq != Flow(ref conversation, fromHigh).BaseSeq)
        {
            ref var reused = ref Flow(ref conversation, fromHigh);
            ForgetFlightBounds(ref reused); // they are relative to the base
            reused.BaseSeq = seq;
            Mark(ref a, TcpAnalysisFlags.ReusedPorts);
        }
        ref TcpFlow fwd = ref Flow(ref conversation, fromHigh);
        ref TcpFlow rev = ref Flow(ref conversation, !fromHigh);
        // Every header this far forgets the flow's SACK blocks; its own options (read below) may set new ones.
        if (fwd.Sack >= 0)
            _sacks[fwd.Sack].Count = 0;

        record.Stream = conversation.Stream;
        record.HasStream = true;
        a.Completeness = (byte)conversation.Completeness;
        record.TimeDelta = now - conversation.PreviousTime;
        record.TimeRelative = now - conversation.FirstTime;
        conversation.PreviousTime = now;

        bool analysed = false;
        uint seglen = 0;
        if (!segment.Quoted && segment.ReportedLength >= headerLength)
        {
            analysed = true;
            seglen = (uint)(segment.ReportedLength - headerLength);
            if (!fwd.Has(TcpFlowFlags.BaseSet))
            {
                ForgetFlightBounds(ref fwd);
                fwd.BaseSeq = syn ? seq : seq - 1;
                fwd.Flags |= TcpFlowFlags.BaseSet;
            }
            if (!rev.Has(TcpFlowFlags.BaseSet) && hasAck)
            {
                ForgetFlightBounds(ref rev);
                rev.BaseSeq = ack - 1;
                rev.Flags |= TcpFlowFlags.BaseSet;
            }
            AnalyzeSequence(ref conversation, ref fwd, ref rev, seq, ack, seglen, flags, window, segment.Frame, now, ref a);
        }

        AdvanceCompleteness(ref conversation, flags, headerLength, seglen);

        // What the segment shows: relative numbers and the scaled window only where the analysis ran.
        bool wholeHeader = headerLength >= TcpHeader.MinLength;
        a.Seq = analysed ? seq - fwd.BaseSeq : seq;
        a.Ack = analysed && hasAck ? ack - rev.BaseSeq : ack;
        a.HasAck = wholeHeader;
        a.NextSeq = a.Seq + seglen + (syn || fin ? 1u : 0u);
        a.HasNextSeq = analysed && wholeHeader;
        a.WindowSize = analysed && !syn && fwd.WinScale >= 0 ? (uint)window << fwd.WinScale : window;
        a.HasWindowSize = wholeHeader;
        a.ScaleFactor = fwd.WinScale < 0 ? fwd.WinScale : 1 << fwd.WinScale;
        a.HasScaleFactor = wholeHeader && !syn;
        record.HasTimes = wholeHeader;
        record.HasTcp = true;

        // The handshake's round trip: from the latest pure SYN to the first segment that ACKs without SYN.
        if (syn)
        {
            if (!hasAck)
                conversation.SynSeen(now);
            fwd.Flags |= TcpFlowFlags.FirstAck;
        }
        if (hasAck && !syn)
        {
            conversation.AckSeen(now);
            fwd.Flags &= ~TcpFlowFlags.FirstAck;
        }

        // Options come after the analysis: a window scale sets this flow's shift, SACK blocks are kept for bytes in flight.
        // SACK edges are shown relative to the receiver's base: kept only where there are options to show (0 otherwise,
        // which also reads as "raw": a base of 0 changes nothing), so a stored record carries it only then.
        bool hasOptions = headerLength > TcpHeader.MinLength && header.Length > TcpHeader.MinLength;
        a.SackBase = hasOptions ? rev.BaseSeq : 0;
        if (wholeHeader && hasOptions)
            ReadOptions(ref fwd, ref rev, header[TcpHeader.MinLength..Math.Min(headerLength, header.Length)]);

        // Which of the analysis's values Wireshark shows for this segment.
        if (wholeHeader && (a.Items & TcpAnalysisItems.Analysis) != 0)
        {
            var items = a.Items;
            if (a.AcksFrame != 0)
                items |= TcpAnalysisItems.AcksFrame | (a.AckRtt != 0 ? TcpAnalysisItems.AckRtt : 0);
            if (conversation.InitialRtt != 0)
            {
                items |= TcpAnalysisItems.InitialRtt;
                a.InitialRtt = conversation.InitialRtt;
            }
            if (a.BytesInFlight != 0)
                items |= TcpAnalysisItems.BytesInFlight | TcpAnalysisItems.PushBytesSent;
            if (a.DuplicateAckNumber != 0)
                items |= TcpAnalysisItems.DuplicateAck;
            if ((a.Flags & TcpAnalysisFlags.Retransmission) != 0 && a.Rto != 0)
                items |= TcpAnalysisItems.Rto;
            a.Items = items;
        }
        else
            a.Items = TcpAnalysisItems.None;

        // Who closes: the first FIN of a conversation is the active close, a FIN after the other side's is passive (tshark
        // decides it for every FIN it sees, quoted ones too, though it reports only those that are not quoted).
        if (fin && wholeHeader)
        {
            if (!rev.Has(TcpFlowFlags.ClosingInitiator))
            {
                fwd.Flags |= TcpFlowFlags.ClosingInitiator;
                a.Items |= TcpAnalysisItems.ClosingActive;
            }
            else
                a.Items |= TcpAnalysisItems.ClosingPassive;
        }

        // The handshake settles window scaling: a SYN or SYN-ACK without the option means no scaling either way.
        if (syn)
        {
            if (fwd.WinScale == -1)
            {
                fwd.WinScale = -2;
                rev.WinScale = -2;
            }
            else if (hasAck && rev.WinScale == -2)
                fwd.WinScale = -2;
        }
    }

    /// <summary>Gives back a conversation's segments and SACK blocks (it ends, is replaced, or is evicted).</summary>
    public void Release(ref TcpConversation conversation)
    {
        ReleaseFlow(ref conversation.High);
        ReleaseFlow(ref conversation.Low);
    }

    private static ref TcpFlow Flow(ref TcpConversation conversation, bool high) => ref high ? ref conversation.High : ref conversation.Low;

    /// <summary>Marks a flag, creating the analysis record (Wireshark's "ta") if needed.</summary>
    private static void Mark(ref TcpSegmentAnalysis a, TcpAnalysisFlags flag)
    {
        a.Items |= TcpAnalysisItems.Analysis;
        a.Flags |= flag;
    }

    private static void Create(ref TcpSegmentAnalysis a) => a.Items |= TcpAnalysisItems.Analysis;

    private static bool Has(in TcpSegmentAnalysis a, TcpAnalysisFlags flag) => (a.Flags & flag) != 0;

    /// <summary>tshark's tcp_analyze_sequence_number, step by step (docs/tcp-analysis.md, steps A to S).</summary>
    private void AnalyzeSequence(ref TcpConversation conversation, ref TcpFlow fwd, ref TcpFlow rev, uint seq, uint ack, uint seglen,
        TcpFlags flags, ushort window, uint frame, long now, ref TcpSegmentAnalysis a)
    {
        const TcpFlags SynFinRst = TcpFlags.Syn | TcpFlags.Fin | TcpFlags.Rst;
        bool plain = (flags & SynFinRst) == 0;
        bool synOrFin = (flags & (TcpFlags.Syn | TcpFlags.Fin)) != 0;
        if ((flags & TcpFlags.Ack) != 0)
            rev.Flags |= TcpFlowFlags.ValidBytesInFlight;

        // The window Wireshark compares with: a flow that has sent nothing yet has none (it never equals).
        bool sameWindow = fwd.Has(TcpFlowFlags.WindowSeen) && fwd.Window == window;
        bool revWindowZero = rev.Has(TcpFlowFlags.WindowSeen) && rev.Window == 0;

        // A: zero window probe: one byte at the next sequence number into a closed window.
        if (seglen == 1 && seq == fwd.NextSeq && revWindowZero)
        {
            Mark(ref a, TcpAnalysisFlags.ZeroWindowProbe);
            goto FinishedForward;
        }
        // B: zero window.
        if (window == 0 && plain)
            Mark(ref a, TcpAnalysisFlags.ZeroWindow);
        // C: a gap before this segment.
        if (fwd.NextSeq != 0 && Gt(seq, fwd.NextSeq) && (flags & TcpFlags.Rst) == 0)
        {
            Mark(ref a, TcpAnalysisFlags.LostSegment);
            fwd.Flags &= ~TcpFlowFlags.ValidBytesInFlight;
        }
        // D: keep-alive: 0 or 1 byte one before the next sequence number.
        if (seglen <= 1 && seq == fwd.NextSeq - 1 && plain)
            Mark(ref a, TcpAnalysisFlags.KeepAlive);
        // E: window update: nothing new but the window.
        if (seglen == 0 && window != 0 && !sameWindow && seq == fwd.NextSeq && ack == fwd.LastAck && plain)
            Mark(ref a, TcpAnalysisFlags.WindowUpdate);
        // F: window full: the data reaches the edge of the receiver's window.
        if (seglen > 0 && rev.WinScale != -1 && plain)
        {
            int shift = rev.Has(TcpFlowFlags.FirstAck) || rev.WinScale == -2 ? 0 : rev.WinScale;
            uint edge = rev.LastAck + (rev.Has(TcpFlowFlags.WindowSeen) ? (uint)rev.Window << shift : uint.MaxValue << shift);
            if (seq + seglen == edge)
                Mark(ref a, TcpAnalysisFlags.WindowFull);
        }
        // G: the ACK of a keep-alive.
        if (seglen == 0 && window != 0 && sameWindow && seq == fwd.NextSeq && ack == fwd.LastAck
            && (rev.LastSegmentFlags & TcpAnalysisFlags.KeepAlive) != 0 && plain)
        {
            Mark(ref a, TcpAnalysisFlags.KeepAliveAck);
            goto FinishedForward;
        }
        // H: the ACK of a zero window probe.
        if (seglen == 0 && window == 0 && sameWindow && seq == fwd.NextSeq && ack == fwd.LastAck
            && (rev.LastSegmentFlags & TcpAnalysisFlags.ZeroWindowProbe) != 0 && plain)
        {
            Mark(ref a, TcpAnalysisFlags.ZeroWindowProbeAck);
            goto FinishedForward;
        }
        // I: duplicate ACK.
        if (seglen == 0 && window != 0 && sameWindow && seq == fwd.NextSeq && ack == fwd.LastAck && plain)
        {
            fwd.DupAckNum = fwd.DupAckNum == uint.MaxValue ? 1 : fwd.DupAckNum + 1;
            Mark(ref a, TcpAnalysisFlags.DuplicateAck);
            a.DuplicateAckNumber = fwd.DupAckNum;
            a.DuplicateAckFrame = fwd.LastNonDupAck;
        }

    FinishedForward:
        // J: a new acknowledgement number restarts the duplicate count.
        if (ack != fwd.LastAck)
        {
            fwd.LastNonDupAck = frame;
            fwd.DupAckNum = 0;
        }

        // K: an ACK for data this capture never saw.
        if (rev.MaxSeqToBeAcked != 0 && Gt(ack, rev.MaxSeqToBeAcked) && (flags & TcpFlags.Ack) != 0)
        {
            Create(ref a);
            if (Lt(rev.MaxSeqToBeAcked, rev.NextSeq))
            {
                rev.MaxSeqToBeAcked = rev.NextSeq;
                a.Flags |= TcpAnalysisFlags.AckLostSegment;
            }
            else
            {
                if (rev.DupAckNum == 0)
                    a.Flags |= TcpAnalysisFlags.AckLostSegment;
                rev.DupAckNum = uint.MaxValue;
            }
        }

        // L: a segment that does not advance the sequence: spurious, fast retransmission, out of order, or retransmission.
        if (seglen > 0 || synOrFin)
            ClassifyOldSegment(ref conversation, ref fwd, ref rev, seq, seglen, synOrFin, now, ref a);

        // M: remember the segment until it is acknowledged.
        uint nextSeq = seq + seglen + (synOrFin ? 1u : 0u);
        if ((seglen > 0 || synOrFin) && fwd.SegmentCount < MaxSegmentsPerFlow)
            Push(ref fwd, frame, seq, nextSeq, now);

        // N: the highest next sequence number (a probe does not move it).
        bool probe = Has(a, TcpAnalysisFlags.ZeroWindowProbe);
        if ((fwd.NextSeq == 0 || Gt(nextSeq, fwd.NextSeq)) && !probe)
        {
            fwd.NextSeq = nextSeq;
            fwd.NextSeqFrame = frame;
            fwd.NextSeqTime = now;
        }
        // O: the highest contiguous sequence number to be acknowledged.
        if ((seq == fwd.MaxSeqToBeAcked || fwd.MaxSeqToBeAcked == 0) && !probe)
            fwd.MaxSeqToBeAcked = fwd.NextSeq;

        // P, Q: what the next segments are compared with.
        fwd.Window = window;
        fwd.Flags |= TcpFlowFlags.WindowSeen;
        fwd.LastAck = ack;
        fwd.LastAckTime = now;
        fwd.LastSegmentFlags = (a.Items & TcpAnalysisItems.Analysis) != 0 ? a.Flags : 0;

        // R: the other direction's segments this acknowledges; the oldest one ending exactly here gives the RTT.
        // Oldest first, so the first such segment is the one; each one ending here is forgotten.
        int previous = rev.Segments; // the newest: it leads to the oldest
        int s = previous >= 0 ? _segments[previous].Next : -1;
        bool acksFrame = false;
        for (int left = previous >= 0 ? rev.SegmentCount : 0; left > 0; left--)
        {
            ref var u = ref _segments[s];
            int next = u.Next;
            if (ack == u.NextSeq)
            {
                if (!acksFrame)
                {
                    Create(ref a);
                    a.AcksFrame = u.Frame;
                    a.AckRtt = now - u.Time;
                    acksFrame = true;
                }
            }
            else if (Gt(ack, u.Seq) && Le(ack, u.NextSeq))
            {
                ForgetFlightBounds(ref rev);
                u.Seq = ack;
                previous = s;
                s = next;
                continue;
            }
            else if (Gt(u.NextSeq, ack))
            {
                previous = s;
                s = next;
                continue;
            }
            Unlink(ref rev, previous, s);
            s = next;
        }

        // S: bytes in flight, and bytes sent since the last PSH.
        if (seglen != 0 && fwd.Segments >= 0 && fwd.Has(TcpFlowFlags.ValidBytesInFlight))
        {
            var (first, last) = FlightBounds(ref fwd);
            uint inFlight = last - first;
            if (rev.Sack >= 0)
            {
                ref readonly var sack = ref _sacks[rev.Sack];
                for (int i = 0; i < sack.Count; i++)
                    inFlight -= sack.Right(i) - sack.Left(i);
            }
            if (inFlight > 0 && inFlight < 2_000_000_000)
            {
                Create(ref a);
                a.BytesInFlight = inFlight - (synOrFin ? 1u : 0u);
            }
            bool push = (flags & TcpFlags.Psh) != 0;
            if (push && !fwd.Has(TcpFlowFlags.PushSetLast))
                fwd.PushBytesSent += seglen;
            else if (push || fwd.Has(TcpFlowFlags.PushSetLast))
                fwd.PushBytesSent = seglen;
            else
                fwd.PushBytesSent += seglen;
            fwd.Flags = push ? fwd.Flags | TcpFlowFlags.PushSetLast : fwd.Flags & ~TcpFlowFlags.PushSetLast;
            Create(ref a);
            a.PushBytesSent = fwd.PushBytesSent;
        }
    }

    /// <summary>Step L: what a segment that carries data (or SYN or FIN) is when it does not advance the sequence.</summary>
    private void ClassifyOldSegment(ref TcpConversation conversation, ref TcpFlow fwd, ref TcpFlow rev, uint seq, uint seglen,
        bool synOrFin, long now, ref TcpSegmentAnalysis a)
    {
        bool notAdvanced = fwd.NextSeq != 0 && Lt(seq, fwd.NextSeq);
        if (Has(a, TcpAnalysisFlags.KeepAlive) && (a.Items & TcpAnalysisItems.Analysis) != 0)
            return;
        // Data starting one before the next sequence number adds new data (after a possible zero window probe).
        if (seglen > 1 && fwd.NextSeq - 1 == seq)
            notAdvanced = false;
        if (seglen > 0 && rev.LastAck != 0 && Le(seq + seglen, rev.LastAck))
        {
            Mark(ref a, TcpAnalysisFlags.SpuriousRetransmission);
            return;
        }
        if (!notAdvanced)
            return;
        // Within 20 ms of the other side's second (or later) duplicate ACK for exactly this sequence number: fast.
        // The times are compared unsigned, as Wireshark does: a segment older than the reference is never "within".
        if (Within(now, rev.LastAckTime, FastRetransmissionWindow) && rev.DupAckNum >= 2 && rev.LastAck == seq)
        {
            Mark(ref a, TcpAnalysisFlags.FastRetransmission);
            return;
        }
        long threshold = conversation.InitialRtt == 0 ? DefaultOutOfOrderThreshold : conversation.InitialRtt;
        if (Within(now, fwd.NextSeqTime, threshold) && fwd.NextSeq != seq + seglen + (synOrFin ? 1u : 0u))
        {
            Mark(ref a, TcpAnalysisFlags.OutOfOrder);
            return;
        }
        Mark(ref a, TcpAnalysisFlags.Retransmission);
        // The RTO: from when the sequence last advanced, or better from the oldest segment still unacknowledged.
        a.Rto = now - fwd.NextSeqTime;
        a.RtoFrame = fwd.NextSeqFrame;
        int oldest = fwd.Segments >= 0 ? _segments[fwd.Segments].Next : -1;
        if (oldest >= 0)
        {
            a.Rto = now - _segments[oldest].Time;
            a.RtoFrame = _segments[oldest].Frame;
        }
    }

    /// <summary>
    /// Whether <paramref name="now"/> is less than <paramref name="limit"/> after <paramref name="reference"/>, with the
    /// difference taken as Wireshark takes it: seconds and nanoseconds apart, as an unsigned 64-bit number.
    /// </summary>
    private static bool Within(long now, long reference, long limit)
    {
        long nowSeconds = Math.DivRem(now, 1_000_000_000, out long nowNanos);
        long refSeconds = Math.DivRem(reference, 1_000_000_000, out long refNanos);
        if (nowNanos < 0) { nowSeconds--; nowNanos += 1_000_000_000; }
        if (refNanos < 0) { refSeconds--; refNanos += 1_000_000_000; }
        ulong t = unchecked((ulong)(nowSeconds - refSeconds) * 1_000_000_000UL + (ulong)(nowNanos - refNanos));
        return t < (ulong)limit;
    }

    /// <summary>Keeps the window scale and SACK blocks of a segment's options.</summary>
    private void ReadOptions(ref TcpFlow fwd, ref TcpFlow rev, ReadOnlySpan<byte> options)
    {
        // Most data segments carry two NOPs and the timestamps and nothing else (Linux's layout): nothing to keep.
        if (options.Length == NopNopTimestampsLength && BinaryPrimitives.ReadUInt32BigEndian(options) == NopNopTimestamps)
            return;
        var reader = new TcpOptionReader(options);
        while (reader.TryNext(out var option))
        {
            if (!option.Complete)
                break;
            var bytes = options.Slice(option.Offset, option.Length);
            switch (option.Kind)
            {
                case TcpOptionKind.WindowScale when option.Length == 3:
                    fwd.WinScale = (sbyte)Math.Min(bytes[2], (byte)14);
                    break;
                case TcpOptionKind.Sack when option.Length >= 2:
                {
                    if (fwd.Sack < 0)
                        fwd.Sack = AllocateSack();
                    ref var sack = ref _sacks[fwd.Sack];
                    for (int at = 2; at + 8 <= bytes.Length && sack.Count < SackBlocks; at += 8)
                    {
                        sack.Set(sack.Count, BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]) - rev.BaseSeq,
                            BinaryPrimitives.ReadUInt32BigEndian(bytes[(at + 4)..]) - rev.BaseSeq);
                        sack.Count++;
                    }
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The lowest sequence number and the highest next sequence number among <paramref name="flow"/>'s unacknowledged
    /// segments, relative to its base: the ends of the bytes in flight. Segments sent in order give them at once (the
    /// oldest's start, the newest's end). Otherwise the list is walked, and walking a long list for every data segment
    /// made a flow that is never acknowledged (a one-sided capture) cost time in the square of its length, so the bounds
    /// of a long list are kept (<see cref="_flightBounds"/>), widened as segments are added and forgotten when one is
    /// acknowledged or the base moves.
    /// </summary>
    private (uint First, uint Last) FlightBounds(ref TcpFlow flow)
    {
        ref readonly var newest = ref _segments[flow.Segments];
        if (flow.Has(TcpFlowFlags.SegmentsInOrder))
            return (_segments[newest.Next].Seq - flow.BaseSeq, newest.NextSeq - flow.BaseSeq);
        if (_flightBounds.Count > 0 && _flightBounds.TryGetValue(flow.Segments, out var known))
            return known;
        uint first = uint.MaxValue, last = 0;
        int at = flow.Segments;
        for (int left = flow.SegmentCount; left > 0; left--, at = _segments[at].Next)
        {
            ref readonly var u = ref _segments[at];
            first = Math.Min(first, u.Seq - flow.BaseSeq);
            last = Math.Max(last, u.NextSeq - flow.BaseSeq);
        }
        if (flow.SegmentCount >= KeepFlightBoundsFrom)
            _flightBounds[flow.Segments] = (first, last);
        return (first, last);
    }

    /// <summary>
    /// Forgets all that is known of the bounds of <paramref name="flow"/>'s segments: the base moves, or a segment's start
    /// does (only forgetting a segment keeps the others in order).
    /// </summary>
    private void ForgetFlightBounds(ref TcpFlow flow)
    {
        flow.Flags &= ~TcpFlowFlags.SegmentsInOrder;
        ForgetKeptBounds(ref flow);
    }

    /// <summary>Forgets the kept bounds of <paramref name="flow"/>'s segments.</summary>
    private void ForgetKeptBounds(ref TcpFlow flow)
    {
        if (_flightBounds.Count > 0 && flow.Segments >= 0)
            _flightBounds.Remove(flow.Segments);
    }

    private void Push(ref TcpFlow flow, uint frame, uint seq, uint nextSeq, long now)
    {
        if (SegmentsHeld >= _maxSegments)
            return; // past the bound in all: the segment goes unremembered, as past Wireshark's bound per flow
        int index;
        if (_freeSegment >= 0)
        {
            index = _freeSegment;
            _freeSegment = _segments[index].Next;
        }
        else
        {
            if (_usedSegments == _segments.Length)
                Array.Resize(ref _segments, (int)Math.Min((long)_segments.Length * 2, _maxSegments));
            index = _usedSegments++;
        }
        // The new newest leads to the oldest (itself when alone), and the old newest to it.
        int newest = flow.Segments;
        if (newest < 0)
            flow.Flags |= TcpFlowFlags.SegmentsInOrder;
        else if (seq - flow.BaseSeq < _segments[newest].Seq - flow.BaseSeq || nextSeq - flow.BaseSeq < _segments[newest].NextSeq - flow.BaseSeq)
            flow.Flags &= ~TcpFlowFlags.SegmentsInOrder; // compared as FlightBounds takes its minimum and maximum: unsigned
        // Kept bounds follow the flow's newest segment, widened by this one.
        if (newest >= 0 && _flightBounds.Count > 0 && _flightBounds.Remove(newest, out var bounds))
            _flightBounds[index] = (Math.Min(bounds.First, seq - flow.BaseSeq), Math.Max(bounds.Last, nextSeq - flow.BaseSeq));
        _segments[index] = new UnackedSegment { Frame = frame, Seq = seq, NextSeq = nextSeq, Time = now, Next = newest >= 0 ? _segments[newest].Next : index };
        if (newest >= 0)
            _segments[newest].Next = index;
        flow.Segments = index;
        flow.SegmentCount++;
        SegmentsHeld++;
    }

    /// <summary>Forgets segment <paramref name="index"/> of <paramref name="flow"/>; <paramref name="previous"/> is the one before it in the ring.</summary>
    private void Unlink(ref TcpFlow flow, int previous, int index)
    {
        ForgetKeptBounds(ref flow);
        if (previous == index)
            flow.Segments = -1; // it was the only one
        else
        {
            _segments[previous].Next = _segments[index].Next;
            if (flow.Segments == index)
                flow.Segments = previous;
        }
        _segments[index].Next = _freeSegment;
        _freeSegment = index;
        flow.SegmentCount--;
        SegmentsHeld--;
    }

    private int AllocateSack()
    {
        if (_freeSack >= 0)
        {
            int reused = _freeSack;
            _freeSack = _sacks[reused].NextFree;
            return reused;
        }
        if (_usedSacks == _sacks.Length)
            Array.Resize(ref _sacks, _sacks.Length * 2);
        return _usedSacks++;
    }

    private void ReleaseFlow(ref TcpFlow flow)
    {
        if (flow.Segments >= 0)
        {
            // The ring goes to the free list whole: the newest, which led back to the oldest, now leads to the free
            // ones, and the oldest heads the list (one segment touched, where unlinking each walked them all).
            ForgetKeptBounds(ref flow);
            ref var newest = ref _segments[flow.Segments];
            int oldest = newest.Next;
            newest.Next = _freeSegment;
            _freeSegment = oldest;
            SegmentsHeld -= flow.SegmentCount;
            flow.SegmentCount = 0;
            flow.Segments = -1;
        }
        if (flow.Sack >= 0)
        {
            _sacks[flow.Sack] = new SackRanges { NextFree = _freeSack };
            _freeSack = flow.Sack;
            flow.Sack = -1;
        }
    }

    /// <summary>A segment sent and not yet acknowledged (raw sequence numbers).</summary>
    private struct UnackedSegment
    {
        public uint Frame;
        public uint Seq;
        public uint NextSeq;
        /// <summary>The next newer segment of the same flow, the oldest after the newest (in the free list: the next free slot, or -1).</summary>
        public int Next;
        public long Time;
    }

    /// <summary>A flow's latest SACK blocks, relative to the other flow's base sequence number.</summary>
    private struct SackRanges
    {
        public int Count;
        public int NextFree;
        private uint _l0, _r0, _l1, _r1, _l2, _r2;

        public readonly uint Left(int i) => i switch { 0 => _l0, 1 => _l1, _ => _l2 };
        public readonly uint Right(int i) => i switch { 0 => _r0, 1 => _r1, _ => _r2 };

        public void Set(int i, uint left, uint right)
        {
            switch (i)
            {
                case 0: _l0 = left; _r0 = right; break;
                case 1: _l1 = left; _r1 = right; break;
                default: _l2 = left; _r2 = right; break;
            }
        }
    }
}
