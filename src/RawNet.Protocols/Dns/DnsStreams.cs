using System.Buffers.Binary;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Http;
using RawNet.Protocols.Tcp;

namespace RawNet.Protocols.Dns;

/// <summary>
/// DNS over TCP across segments, as tshark 4.0's tcp_dissect_pdus does it with its default preferences
/// (tcp.desegment_tcp_streams, dns.desegment_dns_messages): per direction of each conversation on a DNS port, the bytes
/// of a message that needs later segments, from its length on. A segment that continues it in order adds its bytes; the
/// one that completes it shows the message (and any that follow whole), read from the bytes put together
/// (<see cref="LayerSource.Stream"/>), and the ones before are marked as parts of it (<see cref="TcpPduPart.Held"/>).
/// A segment that lies within the message but after a gap is a part too (tshark places it and waits for the gap); one
/// the capture cut is read alone and leaves the message waiting, as tshark cannot desegment it. Any other segment gives
/// the message up. It sits in the conversation tracker after the stateless decoder, which read each segment alone.
/// Bounded: at most <see cref="MaxConversations"/> conversations hold a message (the idlest is forgotten), and
/// <see cref="MaxBufferedBytes"/> in all; one message is at most 65,537 bytes by its framing.
/// </summary>
internal sealed class DnsStreams
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

    public DnsStreams()
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
        // The decoder reads HTTP first on a port both have.
        if (!DnsPorts.CarriesStream(sourcePort, destinationPort) || HttpPorts.CarriesWireshark(sourcePort, destinationPort))
            return;
        var buffer = packet.BufferOf(tcp, frame);
        int start = tcp.Offset + tcp.HeaderLength;
        int reported = tcp.Extent - tcp.HeaderLength;
        var captured = buffer[Math.Min(start, buffer.Length)..Math.Min(buffer.Length, tcp.Offset + tcp.Extent)];
        uint seq = BinaryPrimitives.ReadUInt32BigEndian(header[TcpHeader.Field.SequenceNumber..]);
        if (reported <= 0)
            return;
        // tshark hands a segment its analysis calls a (plain) retransmission to no dissector.
        if (record.HasTcp && (record.Tcp.Flags & TcpAnalysisFlags.Retransmission) != 0)
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
        int done = DnsStreamFraming.WholeMessagesLength(captured);
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
            record.PduPart = TcpPduPart.Held;
        else if (packet[packet.LayerCount - 1].Kind == LayerKind.Payload)
            packet.RemoveLast();
    }

    /// <summary>
    /// True when <paramref name="seq"/> lies within the message a side holds, which ends before <paramref name="end"/>
    /// (as far as its length says, or its first two bytes).
    /// </summary>
    private static bool Within(in Side side, uint seq, out uint end)
    {
        int expected = side.Length >= DnsStreamFraming.LengthSize
            ? DnsStreamFraming.LengthSize + BinaryPrimitives.ReadUInt16BigEndian(side.Buffer!)
            : DnsStreamFraming.LengthSize;
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
        int done = DnsStreamFraming.WholeMessagesLength(rest);
        if (done == 0)
        {
            record.PduPart = TcpPduPart.Held;
            if (!packet.IsFull)
                packet.Add(LayerKind.Payload, start, payload.Length, payload.Length, source);
        }
        if (done < rest.Length)
            packet.Analysis.Reassembly.AddData(tcpIndex, from + done, rest.Length - done);
        for (int at = 0; at < done && !packet.IsFull;)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(rest[at..]);
            int message = at + DnsStreamFraming.LengthSize;
            AddMessage(packet, start + from + message, rest.Slice(message, length), source);
            at = message + length;
        }
        if (done < rest.Length && Hold(ref side, rest[done..], seq + (uint)(from + done), seq + (uint)payload.Length))
            side.Trail.Add((uint)packet.FrameNumber, rest.Length - done);
        else if (done >= rest.Length)
            Release(ref side);
    }

    /// <summary>A DNS layer over a whole message at <paramref name="offset"/> of its buffer, malformed when its records say so.</summary>
    private static void AddMessage(DecodedPacket packet, int offset, ReadOnlySpan<byte> message, LayerSource source)
    {
        ref Layer layer = ref packet.Add(LayerKind.Dns, offset, message.Length, message.Length, source);
        layer.Detail = DnsLayerDetails.Of(DnsVariant.Stream);
        if (new DnsRecordReader(message, message.Length).SkipAll() is DnsWalkStatus.Malformed or DnsWalkStatus.Truncated)
            layer.Status = LayerStatus.Malformed;
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
        int done = DnsStreamFraming.WholeMessagesLength(held);
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
        bool lengthCut = heldBefore < DnsStreamFraming.LengthSize;
        Present(packet, tcpIndex, start, held[..done], heldBefore, lengthCut ? held : default);
        // tcp_dissect_pdus knows the message's length: the segment's bytes up to its end complete it.
        // (listed whole when the message started in a segment that completed another: tshark went on in that segment)
        int taken = lengthCut ? (side.AfterCompleted ? payload.Length : DnsStreamFraming.LengthSize - heldBefore)
            : DnsStreamFraming.LengthSize + BinaryPrimitives.ReadUInt16BigEndian(held) - heldBefore;
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
        int first = DnsStreamFraming.LengthSize + BinaryPrimitives.ReadUInt16BigEndian(messages);
        // the stream bytes are the first message, or more for the reassembled data tshark shows (see the caller)
        var shown = reassembled.Length > first ? reassembled : messages[..first];
        if (_presented.Length < shown.Length)
            _presented = new byte[Math.Max(shown.Length, Math.Min(2 * (DnsStreamFraming.LengthSize + ushort.MaxValue), _presented.Length * 2))];
        shown.CopyTo(_presented);
        packet.StreamBuffer = _presented;
        packet.StreamLength = shown.Length;
        var source = packet[tcpIndex].Source;
        RemoveAfter(packet, tcpIndex);
        AddMessage(packet, DnsStreamFraming.LengthSize, messages[DnsStreamFraming.LengthSize..first], LayerSource.Stream);
        int at = first;
        while (at < messages.Length && !packet.IsFull)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(messages[at..]);
            int message = at + DnsStreamFraming.LengthSize;
            AddMessage(packet, start + message - heldBefore, messages.Slice(message, length), source);
            at = message + length;
        }
    }

    /// <summary>Leaves the segment's payload as data after TCP (what tshark shows of a part: no DNS).</summary>
    private static void ReplaceWithData(DecodedPacket packet, int tcpIndex, int start, int captured, int reported)
    {
        var source = packet[tcpIndex].Source;
        RemoveAfter(packet, tcpIndex);
        if (!packet.IsFull)
            packet.Add(LayerKind.Payload, start, captured, reported, source);
    }

    private static void RemoveAfter(DecodedPacket packet, int index)
    {
        while (packet.LayerCount > index + 1)
            packet.RemoveLast();
        packet.ClearStop(LayerKind.Dns);
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
        _held.TryAppend(ref side.Buffer, ref side.Length, bytes, 2 * (DnsStreamFraming.LengthSize + ushort.MaxValue));

    private void Release(ref Side side)
    {
        _held.Release(ref side.Buffer, ref side.Length);
        side.Trail.Release();
        side = default;
    }
}
