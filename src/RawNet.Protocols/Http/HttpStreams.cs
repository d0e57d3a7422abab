using System.Buffers.Binary;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tcp;

namespace RawNet.Protocols.Http;

/// <summary>Bounds on what HTTP reassembly holds, and so on its memory.</summary>
/// <param name="MaxConversations">HTTP conversations remembered at once; past it the one idle longest is forgotten, with any message it held.</param>
/// <param name="MaxMessageBytes">The longest message (head and body) put together from segments; a longer one is given up.</param>
/// <param name="MaxBufferedBytes">Bytes held for unfinished messages, all conversations together; a message that would pass it is given up.</param>
public readonly record struct HttpReassemblyLimits(
    int MaxConversations = HttpReassemblyLimits.DefaultMaxConversations,
    int MaxMessageBytes = HttpReassemblyLimits.DefaultMaxMessageBytes,
    long MaxBufferedBytes = HttpReassemblyLimits.DefaultMaxBufferedBytes)
{
    /// <summary>65,536 conversations.</summary>
    public const int DefaultMaxConversations = 1 << 16;

    /// <summary>4 MiB per message.</summary>
    public const int DefaultMaxMessageBytes = 4 << 20;

    /// <summary>64 MiB in all.</summary>
    public const long DefaultMaxBufferedBytes = 64L << 20;

    /// <summary>The defaults.</summary>
    public static HttpReassemblyLimits Default => new(DefaultMaxConversations, DefaultMaxMessageBytes, DefaultMaxBufferedBytes);
}

/// <summary>
/// HTTP across TCP segments, as tshark 4.0 does it with its default preferences (tcp.desegment_tcp_streams,
/// http.desegment_headers and http.desegment_body on): for each TCP conversation on an HTTP port, whether it has carried
/// a request or response (so that other data is "Continuation") and its latest request's method (a HEAD response has no
/// body), and per direction the bytes of a message that needs later segments. Each segment in order is added to them and
/// the message read again; the segment that completes it shows the message, read from the bytes put together
/// (<see cref="LayerSource.Stream"/>), and the ones before are marked as parts of it (<see cref="TcpPduPart"/>). It sits in
/// the conversation tracker, after the stateless decoder, and corrects what the decoder made of a segment alone when
/// the stream says otherwise. Only segments that arrive in order are put together: a gap, or a segment the capture cut,
/// gives the message up (tshark waits for the missing bytes). Bounded by <see cref="HttpReassemblyLimits"/>.
/// </summary>
internal sealed class HttpStreams
{
    private struct Side
    {
        public byte[]? Buffer;
        public int Length;
        public uint NextSeq;
        /// <summary>What the held message waits for, and for <see cref="HttpWait.Bytes"/> the sequence number it ends at.</summary>
        public HttpWait Wait;
        public uint Until;
        /// <summary>The sequence numbers of the last message put together: [DoneStart, DoneEnd).</summary>
        public uint DoneStart;
        public uint DoneEnd;
        public bool HasDone;
        /// <summary>
        /// The held bytes have neither CR nor LF, and reading them held them whole, without a first line: another
        /// segment without either changes nothing but their length, so it is held without reading them all again
        /// (which made a long line, or a body the capture joined mid-stream, cost the square of its segments).
        /// </summary>
        public bool AwaitsFirstLine;
        /// <summary>Where the held message's walks stopped last time (<see cref="HttpSegmentReading.Resume"/>).</summary>
        public HttpResume Resume;
        /// <summary>The segments the held message was put together from (tshark's "[N Reassembled TCP Segments ...]").</summary>
        public TcpSegmentTrail Trail;
    }

    private struct Conversation
    {
        public uint Stream;
        public bool SeenHttp;
        public HttpRequestMethod LastRequest;
        public Side Lower;
        public Side Higher;
    }

    private readonly HttpReassemblyLimits _limits;
    private readonly RecencyTable<int, Conversation> _table;
    private readonly HeldBytesPool _held;
    private byte[] _presented = [];

    public HttpStreams(HttpReassemblyLimits limits)
    {
        _limits = limits;
        _held = new HeldBytesPool(limits.MaxBufferedBytes);
        _table = new RecencyTable<int, Conversation>(limits.MaxConversations, evicting: index =>
        {
            ref var conversation = ref _table![index];
            Release(ref conversation.Lower);
            Release(ref conversation.Higher);
        });
    }

    /// <summary>Bytes held now: the conversations' table, the unfinished messages and the last completed one.</summary>
    public long AllocatedBytes => _table.AllocatedBytes + _held.Buffered + _presented.Length;

    /// <summary>
    /// Reads the payload of the TCP layer at <paramref name="tcpIndex"/> (of stream <paramref name="stream"/>, whose state
    /// the tracker keeps at <paramref name="conversation"/>, sent by the endpoint that sorts higher when
    /// <paramref name="fromHigher"/>) with what the stream knows, and corrects the packet's layer after TCP accordingly.
    /// </summary>
    public void Analyze(DecodedPacket packet, ReadOnlySpan<byte> frame, int tcpIndex, int conversation, uint stream, bool fromHigher,
        ref TransportAnalysis record)
    {
        ref readonly Layer tcp = ref packet[tcpIndex];
        if (tcp.Quoted)
            return;
        var header = packet.HeaderOf(tcp, frame);
        if (header.Length < TcpHeader.MinLength)
            return;
        int headerLength = (header[TcpHeader.Field.DataOffsetAndFlags] >> 4) * 4;
        if (headerLength < TcpHeader.MinLength || header.Length < headerLength || tcp.Extent < headerLength
            || !HttpPorts.CarriesWireshark(BinaryPrimitives.ReadUInt16BigEndian(header), BinaryPrimitives.ReadUInt16BigEndian(header[2..])))
            return;
        var buffer = packet.BufferOf(tcp, frame);
        int start = tcp.Offset + headerLength;
        int reported = tcp.Extent - headerLength;
        var captured = buffer[Math.Min(start, buffer.Length)..Math.Min(buffer.Length, tcp.Offset + tcp.Extent)];
        bool fin = (header[TcpHeader.Field.DataOffsetAndFlags + 1] & 1) != 0;
        uint seq = BinaryPrimitives.ReadUInt32BigEndian(header[TcpHeader.Field.SequenceNumber..]);
        if (TcpPayloadLayers.IsRetransmission(in record))
        {
            if (tcpIndex + 1 < packet.LayerCount)
            {
                Replace(packet, tcpIndex, start, captured.Length, reported, default, shown: false, HttpFault.None);
                packet.ClearStop(LayerKind.Http);
            }
            return;
        }
        int entry = reported > 0 ? _table.FindOrAdd(conversation, out _) : _table.Find(conversation);
        if (entry < 0)
            return;
        ref var state = ref _table[entry];
        if (state.Stream != stream)
        {
            // The tracker's entry holds another stream now (the port pair was reused): start afresh.
            Release(ref state.Lower);
            Release(ref state.Higher);
            state = new Conversation { Stream = stream };
        }
        ref var side = ref fromHigher ? ref state.Higher : ref state.Lower;

        // A FIN without data reads a held message again only when it waits for the end of the stream: tshark's TCP
        // calls no dissector for an empty segment but flushes what waits for the FIN.
        if (side.Buffer is not null && seq == side.NextSeq && captured.Length == reported && (reported > 0 || side.Wait == HttpWait.UntilFin)
            && Continue(packet, tcpIndex, ref state, ref side, captured, fin, ref record))
            return;
        if (reported == 0)
            return;
        if (side.Buffer is not null && TcpSequence.Le(seq + (uint)reported, side.NextSeq) && !TcpSequence.Lt(seq, side.NextSeq - (uint)side.Length))
        {
            // A resend of bytes the message already holds.
            record.PduPart = TcpPduPart.Held;
            packet.Analysis.Reassembly.AddData(tcpIndex, 0, captured.Length);
            Replace(packet, tcpIndex, start, captured.Length, reported, default, shown: false, HttpFault.None);
            return;
        }
        if (side.HasDone && !TcpSequence.Lt(seq, side.DoneStart) && TcpSequence.Lt(seq, side.DoneEnd))
        {
            // Bytes of a message already put together: tshark's reassembly throws.
            record.PduPart = TcpPduPart.Overlap;
            Replace(packet, tcpIndex, start, captured.Length, reported, default, shown: false, HttpFault.None);
            return;
        }
        // tshark hands a keep-alive no message holds to data (TcpPayloadHandoff), and keeps the message held.
        if (record.HasTcp && (record.Tcp.Flags & TcpAnalysisFlags.KeepAlive) != 0)
            return;
        // Anything else ends a message held (a gap, a segment the capture cut): RawNet gives it up, and reads the segment alone.
        Release(ref side);

        var context = new HttpStreamContext(captured.Length >= reported, fin, state.SeenHttp, state.LastRequest);
        var reading = HttpSegment.Read(captured, reported, context);
        // The decoder read the segment as if nothing came before it: read it again where the stream changes that.
        if (context.SeenHttp || context.LastRequest != HttpRequestMethod.None)
            Replace(packet, tcpIndex, start, captured.Length, reported, context, reading.Shown, reading.Fault);
        state.SeenHttp = reading.Context.SeenHttp;
        state.LastRequest = reading.Context.LastRequest;
        if (reading.FaultLine && !reading.Shown)
            record.PduPart = TcpPduPart.FaultAfterLine;
        if (reading.HeldAt < 0 || !Hold(ref side, captured[reading.HeldAt..], seq + (uint)reported))
            return;
        // tshark shows the bytes held from where the message starts as "TCP segment data".
        side.Trail.Add((uint)packet.FrameNumber, captured.Length - reading.HeldAt);
        packet.Analysis.Reassembly.AddData(tcpIndex, reading.HeldAt, captured.Length - reading.HeldAt);
        Wait(ref side, in reading);
        if (reading.HeldAt == 0 && !reading.Shown)
            record.PduPart = reading.HeldLine ? TcpPduPart.HeldAfterLine : TcpPduPart.Held;
    }

    /// <summary>
    /// Adds the next segment's bytes to the message a side holds and reads it again: false when the message is given up
    /// (the segment is then read alone).
    /// </summary>
    private bool Continue(DecodedPacket packet, int tcpIndex, ref Conversation conversation, ref Side side, ReadOnlySpan<byte> payload,
        bool fin, ref TransportAnalysis record)
    {
        // A message waiting for a known number of bytes takes only those of the segment that completes it (tshark's
        // nxtpdu); one waiting for more segments takes them whole.
        int taken = side.Wait == HttpWait.Bytes && TcpSequence.Lt(side.Until, side.NextSeq + (uint)payload.Length)
            ? Math.Max(0, (int)(side.Until - side.NextSeq)) : payload.Length;
        if (!Append(ref side, payload))
        {
            Release(ref side);
            return false;
        }
        side.NextSeq += (uint)payload.Length;
        side.Trail.Add((uint)packet.FrameNumber, payload.Length);
        var reassembly = packet.Analysis.Reassembly;
        ref readonly Layer tcp = ref packet[tcpIndex];
        int start = tcp.Offset + tcp.HeaderLength;
        if (side.AwaitsFirstLine && !fin && payload.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            // What reading the held bytes again would conclude (HttpMessageReader: no line end, so more is needed).
            side.Until = side.NextSeq;
            record.PduPart = TcpPduPart.Held;
            reassembly.AddData(tcpIndex, 0, payload.Length);
            Replace(packet, tcpIndex, start, payload.Length, payload.Length, default, shown: false, HttpFault.None);
            return true;
        }
        // A message waiting for a known number of bytes, or for the end of the stream, is not read again before: the
        // segment is only a part of it.
        if ((side.Wait == HttpWait.Bytes && TcpSequence.Lt(side.NextSeq, side.Until)) || (side.Wait == HttpWait.UntilFin && !fin))
        {
            record.PduPart = TcpPduPart.Held;
            reassembly.AddData(tcpIndex, 0, payload.Length);
            Replace(packet, tcpIndex, start, payload.Length, payload.Length, default, shown: false, HttpFault.None);
            return true;
        }
        side.AwaitsFirstLine = false;
        var context = new HttpStreamContext(Desegment: true, EndOfStream: fin, conversation.SeenHttp, conversation.LastRequest);
        var held = side.Buffer.AsSpan(0, side.Length);
        var reading = HttpSegment.Read(held, held.Length, context, side.Resume);
        side.Resume = default;
        if (reading.HeldAt == 0 && !reading.Shown)
        {
            Wait(ref side, in reading);
            side.Resume = reading.Resume;
            side.AwaitsFirstLine = !reading.HeldLine && reading.Wait == HttpWait.OneMore && reading.WaitBytes == 0
                && held.IndexOfAny((byte)'\r', (byte)'\n') < 0;
            Replace(packet, tcpIndex, start, payload.Length, payload.Length, default, shown: false, HttpFault.None);
            record.PduPart = TcpPduPart.Held;
            reassembly.AddData(tcpIndex, 0, payload.Length);
            if (reading.HeldLine)
            {
                // Read again, the message wrote its first line into the Info column before it asked for more.
                record.PduPart = TcpPduPart.HeldAfterLine;
                ShowFirstLine(packet, held);
            }
            return true;
        }
        if (!reading.Shown)
        {
            // tshark threw while it read the bytes put together: nothing of them shows, and nothing is held.
            Replace(packet, tcpIndex, start, payload.Length, payload.Length, default, shown: false, reading.Fault);
            // It had put them together all the same: the segments' tree stands.
            side.Trail.TrimLast(taken);
            reassembly.SetCompleted(tcpIndex, in side.Trail);
            reassembly.AddData(tcpIndex, 0, taken);
            if (!reading.FaultLine)
                Show(packet, held[..Math.Min(held.Length, reassembly.ReassembledLength)]);
            if (reading.FaultLine)
            {
                record.PduPart = TcpPduPart.FaultAfterLine;
                ShowFirstLine(packet, held);
            }
            Release(ref side);
            return true;
        }
        // A message that waited for a known number of bytes ends tshark's PDU there: TCP calls HTTP again for the rest.
        int pduEnd = side.Length - payload.Length + taken;
        Present(packet, tcpIndex, held, context, reading.Fault, taken < payload.Length && pduEnd <= ushort.MaxValue ? pduEnd : 0);
        conversation.SeenHttp = reading.Context.SeenHttp;
        conversation.LastRequest = reading.Context.LastRequest;
        int done = reading.HeldAt > 0 ? reading.HeldAt : side.Length;
        side.DoneEnd = side.NextSeq - (uint)(side.Length - done);
        side.DoneStart = side.DoneEnd - (uint)done;
        side.HasDone = true;
        // The PDU is what the segments brought (the last one whole when the message waited for more segments), but the
        // last segment is listed with its bytes up to the message's end.
        int reassembled = (int)Math.Min(int.MaxValue, side.Trail.Bytes - payload.Length + taken);
        side.Trail.TrimLast(Math.Min(taken, done - (side.Length - payload.Length)));
        reassembly.SetCompleted(tcpIndex, in side.Trail, reassembled);
        reassembly.AddData(tcpIndex, 0, taken);
        if (reading.HeldAt > 0)
        {
            held[reading.HeldAt..].CopyTo(side.Buffer);
            side.Length -= reading.HeldAt;
            Wait(ref side, in reading);
            // The next message starts in this segment: it is held from there, a new reassembly. tshark shows its bytes
            // apart only when the message put together took part of the segment (what it took whole, it shows whole).
            int rest = Math.Min(side.Length, payload.Length);
            side.Trail.Release();
            side.Trail.Add((uint)packet.FrameNumber, rest);
            if (taken < payload.Length)
                reassembly.AddData(tcpIndex, payload.Length - rest, rest);
        }
        else
            Release(ref side);
        return true;
    }

    /// <summary>Remembers what the held message waits for.</summary>
    private static void Wait(ref Side side, in HttpSegmentReading reading)
    {
        side.Wait = reading.Wait;
        side.Until = side.NextSeq + (uint)reading.WaitBytes;
    }

    /// <summary>Lends the packet the first line of a message held, for the Info column.</summary>
    private void ShowFirstLine(DecodedPacket packet, ReadOnlySpan<byte> held) =>
        Show(packet, held[..Math.Max(0, HttpText.FindLineEnd(held, 0, desegment: false, out _))]);

    /// <summary>Lends the packet a copy of <paramref name="bytes"/> as its stream bytes (no layer reads them; the Info column does).</summary>
    private void Show(DecodedPacket packet, ReadOnlySpan<byte> bytes)
    {
        if (_presented.Length < bytes.Length)
            _presented = new byte[Math.Max(bytes.Length, Math.Min(_limits.MaxMessageBytes, _presented.Length * 2))];
        bytes.CopyTo(_presented);
        packet.StreamBuffer = _presented;
        packet.StreamLength = bytes.Length;
    }

    /// <summary>Shows a message put together from several segments: an HTTP layer over a copy of its bytes, after TCP.</summary>
    /// <remarks><paramref name="split"/>: where TCP's second call of HTTP starts in <paramref name="bytes"/> (0: none), kept in the layer's <see cref="Layer.Note"/>.</remarks>
    private void Present(DecodedPacket packet, int tcpIndex, ReadOnlySpan<byte> bytes, in HttpStreamContext context, HttpFault fault, int split)
    {
        Show(packet, bytes);
        TcpPayloadLayers.RemoveAfter(packet, tcpIndex);
        if (packet.IsFull)
            return;
        ref Layer layer = ref packet.Add(LayerKind.Http, 0, bytes.Length, bytes.Length, LayerSource.Stream);
        layer.Detail = HttpLayerDetails.Of(context);
        layer.Note = (ushort)split;
        Mark(ref layer, fault);
    }

    /// <summary>Puts an HTTP layer read in <paramref name="context"/> after TCP when it shows a message, else a data layer.</summary>
    private static void Replace(DecodedPacket packet, int tcpIndex, int start, int captured, int reported, in HttpStreamContext context, bool shown, HttpFault fault)
    {
        int index = TcpPayloadLayers.Replace(packet, tcpIndex, shown ? LayerKind.Http : LayerKind.Payload, start, captured, reported);
        if (index < 0)
            return;
        ref Layer layer = ref packet.LayerRef(index);
        if (shown)
            layer.Detail = HttpLayerDetails.Of(context);
        Mark(ref layer, fault);
    }

    private static void Mark(ref Layer layer, HttpFault fault)
    {
        if (fault != HttpFault.None)
            layer.Status = fault == HttpFault.Truncated ? LayerStatus.Truncated : LayerStatus.Malformed;
    }

    /// <summary>Starts holding a message's first bytes; false when the bounds do not allow it.</summary>
    private bool Hold(ref Side side, ReadOnlySpan<byte> bytes, uint nextSeq)
    {
        Release(ref side);
        side.NextSeq = nextSeq;
        if (Append(ref side, bytes))
            return true;
        Release(ref side);
        return false;
    }

    private bool Append(ref Side side, ReadOnlySpan<byte> bytes) =>
        _held.TryAppend(ref side.Buffer, ref side.Length, bytes, _limits.MaxMessageBytes);

    private void Release(ref Side side)
    {
        _held.Release(ref side.Buffer, ref side.Length);
        side.NextSeq = 0;
        side.AwaitsFirstLine = false;
        side.Resume = default;
        side.Trail.Release();
    }
}
