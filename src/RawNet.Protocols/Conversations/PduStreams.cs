using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tcp;

namespace RawNet.Protocols.Conversations;

/// <summary>
/// Length-framed PDUs over TCP across segments, as tshark 4.0 reassembles them with its default preferences
/// (tcp.desegment_tcp_streams and the protocol's own desegment preference): per direction of each conversation on the
/// protocol's ports, the bytes of a PDU that needs later segments, from its header on. A segment that continues it in
/// order adds its bytes; the one that completes it shows the PDU (and any that follow whole), read from the bytes put
/// together (<see cref="LayerSource.Stream"/>), and the ones before are marked as parts of it (<see cref="TcpPduPart.Held"/>).
/// A segment that lies within the PDU but after a gap is a part too (tshark places it and waits for the gap); one the
/// capture cut is read alone and leaves the PDU waiting, as tshark cannot desegment it. Any other segment gives the PDU
/// up. It sits in the conversation tracker after the stateless decoder, which read each segment alone. A protocol says
/// how its PDUs are framed and shown (DNS over TCP: <see cref="Dns.DnsStreams"/>; TLS records: <see cref="Tls.TlsStreams"/>).
/// Bounded: at most <see cref="MaxConversations"/> conversations hold a PDU (the idlest is forgotten), and
/// <see cref="MaxBufferedBytes"/> in all; one PDU is at most 65,540 bytes by the framings.
/// </summary>
internal abstract class PduStreams
{
    /// <summary>Conversations remembered at once.</summary>
    public const int MaxConversations = 1 << 16;

    /// <summary>Bytes held for unfinished messages, all conversations together.</summary>
    public const long MaxBufferedBytes = 64L << 20;

    private struct Side
    {
        public byte[]? Buffer;
        public int Length;
        /// <summary>The sequence number of the held message's first byte (its length), and the one after the bytes held.</summary>
        public uint Start;
        public uint NextSeq;
        /// <summary>The segments the held message was put together from (tshark's "[N Reassembled TCP Segments ...]").</summary>
        public TcpSegmentTrail Trail;
        /// <summary>The held message started in the segment that completed the one before it.</summary>
        public bool AfterCompleted;
    }

    private struct Conversation
    {
        public uint Stream;
        public Side Lower;
        public Side Higher;
    }

    private readonly RecencyTable<int, Conversation> _table;
    private readonly HeldBytesPool _held = new(MaxBufferedBytes);
    private byte[] _presented = [];

    protected PduStreams()
    {
        _table = new RecencyTable<int, Conversation>(MaxConversations, evicting: index =>
        {
            ref var conversation = ref _table![index];
            Release(ref conversation.Lower);
            Release(ref conversation.Higher);
        });
    }

    /// <summary>Bytes held now: the conversations' table, the unfinished messages and the last one completed.</summary>
    public long AllocatedBytes => _table.AllocatedBytes + _held.Buffered + _presented.Length;

    /// <summary>
    /// Reads the payload of the TCP layer at <paramref name="tcpIndex"/> (of stream <paramref name="stream"/>, whose state
    /// the tracker keeps at <paramref name="conversation"/>, sent by the endpoint that sorts higher when
    /// <paramref name="fromHigher"/>) with what the stream holds, and corrects the packet's layers after TCP accordingly.
    /// </summary>
    public void Analyze(DecodedPacket packet, ReadOnlySpan<byte> frame, int tcpIndex, int conversation, uint stream, bool fromHigher,
        ref TransportAnalysis record)
    {
        ref readonly Layer tcp = ref packet[tcpIndex];
        if (tcp.Quoted || tcp.HeaderLength < TcpHeader.MinLength)
            return;
        var header = packet.HeaderOf(tcp, frame);
        ushort sourcePort = BinaryPrimitives.ReadUInt16BigEndian(header), destinationPort = BinaryPrimitives.ReadUInt16BigEndian(header[2..]);
        if (!Carries(sourcePort, destinationPort))
            return;
        Reassemble(packet, frame, tcpIndex, conversation, stream, fromHigher, ref record, header, tcp);
        Settled(packet, frame, tcpIndex, conversation, stream, sourcePort);
    }

    /// <summary>True when a segment between these ports carries the protocol (as the decoder dispatches it).</summary>
    protected abstract bool Carries(ushort sourcePort, ushort destinationPort);

    /// <summary>The bytes before a PDU's body that say its length.</summary>
    protected abstract int HeaderSize { get; }

    /// <summary>The whole length of the PDU whose header (at least <see cref="HeaderSize"/> bytes) starts <paramref name="pdu"/>.</summary>
    protected abstract int PduLength(ReadOnlySpan<byte> pdu);

    /// <summary>How many bytes at the start of <paramref name="bytes"/> are PDUs the protocol reads whole; the rest starts one it waits for.</summary>
    protected abstract int WholeLength(ReadOnlySpan<byte> bytes);

    /// <summary>Adds the layers of whole PDUs <paramref name="pdus"/>, which start at <paramref name="offset"/> of their buffer (one call of the protocol's dissector).</summary>
    protected abstract void AddPdus(DecodedPacket packet, int offset, ReadOnlySpan<byte> pdus, LayerSource source);

    /// <summary>The protocol's layer kind.</summary>
    protected abstract LayerKind Kind { get; }

    /// <summary>
    /// True when the PDU completed after a header cut across segments is read with all of the segment that completed it
    /// (tshark's TLS asks TCP for one more segment and reads it all in one call); false when only the first PDU is.
    /// </summary>
    protected virtual bool OneCallAfterCutHeader => false;

    /// <summary>True when the protocol shows in a segment whose first PDU it asks more segments for (<see cref="TcpPduPart.HeldStart"/>).</summary>
    protected virtual bool MarksHeldStart => false;

    /// <summary>Called once the layers after the TCP layer are as tshark shows them (a protocol's per-conversation state).</summary>
    protected virtual void Settled(DecodedPacket packet, ReadOnlySpan<byte> frame, int tcpIndex, int conversation, uint stream, ushort sourcePort)
    {
    }

    private void Reassemble(DecodedPacket packet, ReadOnlySpan<byte> frame, int tcpIndex, int conversation, uint stream, bool fromHigher,
        ref TransportAnalysis record, ReadOnlySpan<byte> header, in Layer tcp)
    {
        var buffer = packet.BufferOf(tcp, frame);
        int start = tcp.Offset + tcp.HeaderLength;
        int reported = tcp.Extent - tcp.HeaderLength;
        var captured = buffer[Math.Min(start, buffer.Length)..Math.Min(buffer.Length, tcp.Offset + tcp.Extent)];
        uint seq = BinaryPrimitives.ReadUInt32BigEndian(header[TcpHeader.Field.SequenceNumber..]);
        if (reported <= 0)
            return;
        // tshark hands a segment its analysis calls a (plain) retransmission to no dissector.
        if (TcpPayloadLayers.IsRetransmission(in record))
        {
            ReplaceWithData(packet, tcpIndex, start, captured.Length, reported);
            return;
        }
        bool whole = captured.Length == reported;
        int entry = _table.Find(conversation);
        if (entry >= 0)
        {
            ref var state = ref _table[entry];
            if (state.Stream != stream)
            {
                // The tracker's entry holds another stream now (the port pair was reused): start afresh.
                Release(ref state.Lower);
                Release(ref state.Higher);
                state = new Conversation { Stream = stream };
            }
            ref var side = ref fromHigher ? ref state.Higher : ref state.Lower;
            if (side.Buffer is not null && whole)
            {
                // tshark adds no bytes of a segment its analysis calls a keep-alive to the message: a part all the same.
                bool keepAlive = record.HasTcp && (record.Tcp.Flags & TcpAnalysisFlags.KeepAlive) != 0;
                if (seq == side.NextSeq && !keepAlive)
                {
                    Continue(packet, tcpIndex, start, ref side, captured, ref record);
                    return;
                }
                if (keepAlive && TcpSequence.Lt(seq, side.NextSeq) && !TcpSequence.Lt(seq, side.Start))
                {
                    // A keep-alive's byte is one the message already holds: tshark's reassembly complains of the overlap.
                    record.PduPart = TcpPduPart.Overlap;
                    ReplaceWithData(packet, tcpIndex, start, captured.Length, reported);
                    return;
                }
                if (Within(in side, seq, out uint end))
                {
                    // Inside the message, after bytes not seen: a part of it all the same. What runs past the message's
                    // end starts the next one (tshark starts another reassembly there); this one cannot complete in order.
                    int past = (int)(seq + (uint)captured.Length - end);
                    if (past <= 0)
                    {
                        record.PduPart = TcpPduPart.Held;
                        packet.Analysis.Reassembly.AddData(tcpIndex, 0, captured.Length);
                        ReplaceWithData(packet, tcpIndex, start, captured.Length, reported);
                        return;
                    }
                    int from = captured.Length - past;
                    ReadFrom(packet, tcpIndex, start, captured, from, ref side, seq, ref record);
                    return;
                }
            }
            if (!whole)
                return;
            Release(ref side);
        }
        // tshark hands a keep-alive no message holds to data (TcpPayloadHandoff): it starts no message.
        if (!whole || (record.HasTcp && (record.Tcp.Flags & TcpAnalysisFlags.KeepAlive) != 0))
            return;
        // The decoder read the segment alone; an unfinished message at its end waits for the next segments.
        int done = WholeLength(captured);
        if (done == captured.Length)
            return;
        if (entry < 0)
            entry = _table.FindOrAdd(conversation, out _);
        ref var conversationState = ref _table[entry];
        if (conversationState.Stream != stream)
        {
            Release(ref conversationState.Lower);
            Release(ref conversationState.Higher);
            conversationState = new Conversation { Stream = stream };
        }
        ref var held = ref fromHigher ? ref conversationState.Higher : ref conversationState.Lower;
        if (!Hold(ref held, captured[done..], seq + (uint)done, seq + (uint)captured.Length))
            return;
        // tshark shows the bytes held from where the message starts as "TCP segment data".
        held.Trail.Add((uint)packet.FrameNumber, captured.Length - done);
        packet.Analysis.Reassembly.AddData(tcpIndex, done, captured.Length - done);
        if (done == 0)
            record.PduPart = MarksHeldStart ? TcpPduPart.HeldStart : TcpPduPart.Held;
        else if (packet[packet.LayerCount - 1].Kind == LayerKind.Payload)
            packet.RemoveLast();
    }

    /// <summary>
    /// True when <paramref name="seq"/> lies within the message a side holds, which ends before <paramref name="end"/>
    /// (as far as its length says, or its first two bytes).
    /// </summary>
    private bool Within(in Side side, uint seq, out uint end)
    {
        int expected = side.Length >= HeaderSize ? PduLength(side.Buffer.AsSpan(0, side.Length)) : HeaderSize;
        end = side.Start + (uint)expected;
        return !TcpSequence.Lt(seq, side.Start) && TcpSequence.Lt(seq, end);
    }

    /// <summary>
    /// Reads a segment's payload from <paramref name="from"/> on, where a message starts: a DNS layer over each whole
    /// message there, and the unfinished one after them held (the side's message before is given up).
    /// </summary>
    private void ReadFrom(DecodedPacket packet, int tcpIndex, int start, ReadOnlySpan<byte> payload, int from, ref Side side, uint seq,
        ref TransportAnalysis record)
    {
        var source = packet[tcpIndex].Source;
        RemoveAfter(packet, tcpIndex);
        var rest = payload[from..];
        int done = WholeLength(rest);
        if (done == 0)
        {
            record.PduPart = TcpPduPart.Held;
            if (!packet.IsFull)
                packet.Add(LayerKind.Payload, start, payload.Length, payload.Length, source);
        }
        if (done < rest.Length)
            packet.Analysis.Reassembly.AddData(tcpIndex, from + done, rest.Length - done);
        if (done > 0 && !packet.IsFull)
            AddPdus(packet, start + from, rest[..done], source);
        if (done < rest.Length && Hold(ref side, rest[done..], seq + (uint)(from + done), seq + (uint)payload.Length))
            side.Trail.Add((uint)packet.FrameNumber, rest.Length - done);
        else if (done >= rest.Length)
            Release(ref side);
    }

    /// <summary>Adds the next segment's bytes to the message a side holds, and shows every message they complete.</summary>
    private void Continue(DecodedPacket packet, int tcpIndex, int start, ref Side side, ReadOnlySpan<byte> payload, ref TransportAnalysis record)
    {
        if (!Append(ref side, payload))
        {
            // Past the bounds: the message is given up, the segment stays as the decoder read it.
            Release(ref side);
            return;
        }
        side.NextSeq += (uint)payload.Length;
        side.Trail.Add((uint)packet.FrameNumber, payload.Length);
        var reassembly = packet.Analysis.Reassembly;
        var held = side.Buffer.AsSpan(0, side.Length);
        int done = WholeLength(held);
        if (done == 0)
        {
            record.PduPart = TcpPduPart.Held;
            reassembly.AddData(tcpIndex, 0, payload.Length);
            ReplaceWithData(packet, tcpIndex, start, payload.Length, payload.Length);
            return;
        }
        int heldBefore = side.Length - payload.Length;
        // When the length itself was cut, tshark asked for the one byte it lacked but put the whole segment after it
        // (and lists the segment with that one byte): its PDU is all the bytes held.
        bool lengthCut = heldBefore < HeaderSize;
        Present(packet, tcpIndex, start, held[..done], heldBefore, lengthCut ? held : default);
        // tcp_dissect_pdus knows the message's length: the segment's bytes up to its end complete it.
        // (listed whole when the message started in a segment that completed another: tshark went on in that segment)
        int taken = lengthCut ? (side.AfterCompleted || OneCallAfterCutHeader ? payload.Length : HeaderSize - heldBefore)
            : PduLength(held) - heldBefore;
        side.Trail.TrimLast(taken);
        reassembly.SetCompleted(tcpIndex, in side.Trail, lengthCut ? side.Length : -1);
        reassembly.AddData(tcpIndex, 0, lengthCut ? payload.Length : taken);
        if (done == side.Length)
        {
            Release(ref side);
            return;
        }
        held[done..].CopyTo(side.Buffer);
        side.Length -= done;
        side.Start += (uint)done;
        // The next message starts in this segment: it is held from there, a new reassembly.
        side.Trail.Release();
        side.Trail.Add((uint)packet.FrameNumber, side.Length);
        side.AfterCompleted = true;
        if (!lengthCut)
            reassembly.AddData(tcpIndex, payload.Length - side.Length, side.Length);
    }

    /// <summary>
    /// Shows the messages a segment completes: the first, put together from <paramref name="heldBefore"/> bytes held
    /// and the segment's, as a DNS layer over a copy of its bytes; those after it lie in the segment (at
    /// <paramref name="start"/> of the frame) and are layers over the frame's bytes, as the decoder shows messages.
    /// </summary>
    private void Present(DecodedPacket packet, int tcpIndex, int start, ReadOnlySpan<byte> messages, int heldBefore, ReadOnlySpan<byte> reassembled = default)
    {
        int first = reassembled.Length > 0 && OneCallAfterCutHeader ? messages.Length : PduLength(messages);
        // the stream bytes are the first message, or more for the reassembled data tshark shows (see the caller)
        var shown = reassembled.Length > first ? reassembled : messages[..first];
        if (_presented.Length < shown.Length)
            _presented = new byte[Math.Max(shown.Length, Math.Min(2 * MaxPduLength, _presented.Length * 2))];
        shown.CopyTo(_presented);
        packet.StreamBuffer = _presented;
        packet.StreamLength = shown.Length;
        var source = packet[tcpIndex].Source;
        RemoveAfter(packet, tcpIndex);
        AddPdus(packet, 0, messages[..first], LayerSource.Stream);
        if (first < messages.Length && !packet.IsFull)
            AddPdus(packet, start + first - heldBefore, messages[first..], source);
    }

    /// <summary>Leaves the segment's payload as data after TCP (what tshark shows of a part: no DNS).</summary>
    private void ReplaceWithData(DecodedPacket packet, int tcpIndex, int start, int captured, int reported)
    {
        TcpPayloadLayers.Replace(packet, tcpIndex, LayerKind.Payload, start, captured, reported);
        packet.ClearStop(Kind);
    }

    private void RemoveAfter(DecodedPacket packet, int index)
    {
        TcpPayloadLayers.RemoveAfter(packet, index);
        packet.ClearStop(Kind);
    }

    /// <summary>Starts holding a message's first bytes; false when the bounds do not allow it.</summary>
    private bool Hold(ref Side side, ReadOnlySpan<byte> bytes, uint startSeq, uint nextSeq)
    {
        Release(ref side);
        side.Start = startSeq;
        side.NextSeq = nextSeq;
        if (Append(ref side, bytes))
            return true;
        Release(ref side);
        return false;
    }

    /// <summary>Adds bytes to a held message; a segment may bring the messages after it too, so twice the longest message is allowed.</summary>
    private bool Append(ref Side side, ReadOnlySpan<byte> bytes) =>
        _held.TryAppend(ref side.Buffer, ref side.Length, bytes, 2 * MaxPduLength);

    /// <summary>The longest PDU either framing allows (a TLS record's header and 65,535 bytes).</summary>
    private const int MaxPduLength = 5 + ushort.MaxValue;

    private void Release(ref Side side)
    {
        _held.Release(ref side.Buffer, ref side.Length);
        side.Trail.Release();
        side = default;
    }
}
