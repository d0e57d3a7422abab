namespace RawNet.Protocols.Quic;

/// <summary>What TLS is handed for one CRYPTO frame (<see cref="QuicCryptoStream.Accept"/>).</summary>
public enum QuicCryptoHandOff : byte
{
    /// <summary>Nothing: a retransmission, bytes held out of order, or a stream given up (no TLS layer).</summary>
    None,
    /// <summary>The frame's data from <c>skip</c> on (a first or whole message, or messages): TLS over those bytes.</summary>
    Chunk,
    /// <summary>A piece inside a handshake message TLS holds: TLS is called (frame.protocols lists it) and shows nothing.</summary>
    Piece,
    /// <summary>The bytes TLS (or QUIC, out of order) reassembled, copied out: TLS over them.</summary>
    Reassembled,
}

/// <summary>
/// One side's Initial CRYPTO stream of a QUIC connection, as tshark 4.0 follows it (packet-quic.c desegment_quic_crypto
/// and TLS's handshake message reassembly): the offset up to which the stream arrived in order; a frame wholly before it
/// is a retransmission (not handed on), one that overlaps it is handed on from there; a frame past it starts (or joins)
/// the one out-of-order run, held until every byte from its start to its furthest end arrived, then handed on whole. What
/// is handed on is parsed into handshake messages: a message longer than the bytes is held until the rest arrived, the
/// frames between show TLS with nothing in it, the one that completes it shows the message whole. Bounded: the bytes held
/// (a message in progress and the out-of-order run) live in one pooled buffer of <see cref="QuicCryptoBuffers.BufferSize"/>
/// bytes, the run in at most <see cref="MaxRanges"/> ranges; a stream that would need more is given up (nothing more is
/// handed on) — tshark would go on. Offsets are 62-bit varints: sums cannot overflow a ulong.
/// </summary>
public struct QuicCryptoStream
{
    /// <summary>Most separate ranges of an out-of-order run held.</summary>
    public const int MaxRanges = 8;

    /// <summary>The stream arrived in order up to here (tshark's max_contiguous_offset).</summary>
    public ulong Contiguous;

    // a handshake message in progress: [MessageStart, MessageEnd) (MessageEnd 0: none)
    private ulong _messageStart, _messageEnd;
    // the out-of-order run (tshark's MSP): [_runStart, _runEnd), with its ranges arrived
    private ulong _runStart, _runEnd;
    private byte _rangeCount;
    private RangeList _ranges;
    // the buffer's slot in the pool (0: none) and the stream offset of its first byte
    private int _slot;
    private ulong _base;
    private bool _givenUp;

    [System.Runtime.CompilerServices.InlineArray(MaxRanges * 2)]
    private struct RangeList
    {
        private ulong _first;
    }

    /// <summary>True when the stream holds a buffer (a message in progress or an out-of-order run).</summary>
    public readonly bool Holds => _slot != 0;

    /// <summary>
    /// Takes a CRYPTO frame at stream offset <paramref name="offset"/> with data <paramref name="data"/> (all of it
    /// captured). <paramref name="skip"/>: for <see cref="QuicCryptoHandOff.Chunk"/>, the bytes of data already had (an
    /// overlap). For <see cref="QuicCryptoHandOff.Reassembled"/> the bytes are copied to <paramref name="output"/>
    /// (<paramref name="length"/> of them; when they do not fit, TLS is handed nothing: a <see cref="QuicCryptoHandOff.Piece"/>).
    /// <paramref name="note"/>: tshark's expert note (1: retransmission, 2: overlap, 0: none).
    /// </summary>
    public QuicCryptoHandOff Accept(QuicCryptoBuffers pool, ulong offset, ReadOnlySpan<byte> data, Span<byte> output, out int skip, out int length, out byte note)
    {
        skip = 0;
        length = 0;
        note = 0;
        ulong seq = offset, next = offset + (ulong)data.Length;
        if (next <= Contiguous)
        {
            note = 1;
            return QuicCryptoHandOff.None;
        }
        if (seq < Contiguous)
        {
            note = 2;
            skip = (int)(Contiguous - seq);
            data = data[skip..];
            seq = Contiguous;
        }
        if (_givenUp)
            return QuicCryptoHandOff.None;
        bool gap = seq > Contiguous;
        bool run = _runEnd != 0 && _runStart <= seq;
        if (!gap)
            Contiguous = run ? Covered(next) : next;
        if (run)
        {
            _runEnd = Math.Max(_runEnd, next);
            if (!Store(pool, seq, data) || !AddRange(seq, next))
                return GiveUp(pool);
            if (!Complete())
                return QuicCryptoHandOff.None;
            ulong start = _runStart, end = _runEnd;
            _runEnd = 0;
            _rangeCount = 0;
            return Messages(pool, start, end, default, fromBuffer: true, output, out length);
        }
        if (gap)
        {
            (_runStart, _runEnd) = (Contiguous, next);
            _rangeCount = 0;
            if (!Store(pool, seq, data) || !AddRange(seq, next))
                return GiveUp(pool);
            return QuicCryptoHandOff.None;
        }
        return Messages(pool, seq, next, data, fromBuffer: false, output, out length);
    }

    /// <summary>Forgets everything (a new connection, or the conversation forgotten), the buffer back in the pool.</summary>
    public void Reset(QuicCryptoBuffers pool)
    {
        pool.Return(_slot);
        this = default;
    }

    /// <summary>TLS's handshake reassembly over the in-order bytes [start, end) (in data, or in the buffer).</summary>
    private QuicCryptoHandOff Messages(QuicCryptoBuffers pool, ulong start, ulong end, ReadOnlySpan<byte> data, bool fromBuffer, Span<byte> output, out int length)
    {
        length = 0;
        bool continues = _messageEnd != 0;
        if (continues && end < _messageEnd)
            return Store(pool, start, data, fromBuffer) ? QuicCryptoHandOff.Piece : GiveUp(pool);
        if (continues || fromBuffer)
        {
            if (!Store(pool, start, data, fromBuffer))
                return GiveUp(pool);
            ulong from = continues ? _messageStart : start;
            var bytes = pool.Of(_slot).AsSpan((int)(from - _base), (int)(end - from));
            bool fits = bytes.Length <= output.Length;
            if (fits)
            {
                bytes.CopyTo(output);
                length = bytes.Length;
            }
            Scan(pool, bytes, from);
            return fits ? QuicCryptoHandOff.Reassembled : QuicCryptoHandOff.Piece;
        }
        if (Scan(pool, data, start) && !Store(pool, _messageStart, data[(int)(_messageStart - start)..]))
            return GiveUp(pool);
        return QuicCryptoHandOff.Chunk;
    }

    /// <summary>
    /// Finds whether the messages of <paramref name="bytes"/> (at stream offset <paramref name="at"/>) end in one not
    /// whole: true then (the message in progress noted), else the buffer is let go when nothing else is held.
    /// </summary>
    private bool Scan(QuicCryptoBuffers pool, ReadOnlySpan<byte> bytes, ulong at)
    {
        int p = 0;
        while (p + 4 <= bytes.Length)
            p += 4 + (bytes[p + 1] << 16 | bytes[p + 2] << 8 | bytes[p + 3]);
        if (p == bytes.Length)
        {
            _messageEnd = 0;
            if (_runEnd == 0)
                Release(pool);
            return false;
        }
        // the last message's header: where it starts (a header cut short waits for its 4 bytes)
        int last = 0;
        for (int q = 0; q + 4 <= bytes.Length;)
        {
            int length = 4 + (bytes[q + 1] << 16 | bytes[q + 2] << 8 | bytes[q + 3]);
            if (q + length > bytes.Length)
                break;
            last = q += length;
        }
        _messageStart = at + (ulong)last;
        _messageEnd = at + (ulong)(p > bytes.Length ? p : last + 4);
        return true;
    }

    /// <summary>Copies <paramref name="data"/> (stream offset <paramref name="at"/>) into the buffer; false past its bound.</summary>
    private bool Store(QuicCryptoBuffers pool, ulong at, ReadOnlySpan<byte> data, bool already = false)
    {
        if (_slot == 0)
        {
            _slot = pool.Rent();
            _base = _messageEnd != 0 ? _messageStart : _runEnd != 0 ? _runStart : at;
            if (_slot == 0)
                return false;
        }
        if (at < _base || at - _base + (ulong)data.Length > QuicCryptoBuffers.BufferSize)
            return false;
        if (!already)
            data.CopyTo(pool.Of(_slot).AsSpan((int)(at - _base)));
        return true;
    }

    private bool AddRange(ulong start, ulong end)
    {
        // merge with the ranges it touches
        for (int i = 0; i < _rangeCount; i++)
        {
            ulong s = _ranges[2 * i], e = _ranges[2 * i + 1];
            if (start <= e && s <= end)
            {
                (start, end) = (Math.Min(s, start), Math.Max(e, end));
                _rangeCount--;
                _ranges[2 * i] = _ranges[2 * _rangeCount];
                _ranges[2 * i + 1] = _ranges[2 * _rangeCount + 1];
                i = -1;
            }
        }
        if (_rangeCount == MaxRanges)
            return false;
        _ranges[2 * _rangeCount] = start;
        _ranges[2 * _rangeCount + 1] = end;
        _rangeCount++;
        return true;
    }

    /// <summary>The run's bytes all arrived (one range over it).</summary>
    private readonly bool Complete() => _rangeCount == 1 && _ranges[0] <= _runStart && _ranges[1] >= _runEnd;

    /// <summary>How far the stream is in order once [Contiguous, next) arrived, with the run's ranges after it.</summary>
    private readonly ulong Covered(ulong next)
    {
        for (bool grew = true; grew;)
        {
            grew = false;
            for (int i = 0; i < _rangeCount; i++)
                if (_ranges[2 * i] <= next && next < _ranges[2 * i + 1])
                {
                    next = _ranges[2 * i + 1];
                    grew = true;
                }
        }
        return next;
    }

    private QuicCryptoHandOff GiveUp(QuicCryptoBuffers pool)
    {
        ulong contiguous = Contiguous;
        Reset(pool);
        Contiguous = contiguous;
        _givenUp = true;
        return QuicCryptoHandOff.None;
    }

    private void Release(QuicCryptoBuffers pool)
    {
        pool.Return(_slot);
        _slot = 0;
        _base = 0;
    }
}

/// <summary>
/// The buffers QUIC CRYPTO streams hold bytes in: at most <see cref="MaxBuffers"/> of <see cref="BufferSize"/> bytes
/// (4 MiB in all), each made on first use and reused after (no allocation in steady state). A stream holds at most one
/// (a connection two: one a side); when all are lent, a stream that needs one gives up.
/// </summary>
public sealed class QuicCryptoBuffers
{
    /// <summary>The most bytes one stream holds (a message in progress and the out-of-order run after it).</summary>
    public const int BufferSize = 16 * 1024;

    /// <summary>The most buffers lent at once.</summary>
    public const int MaxBuffers = 256;

    private readonly byte[]?[] _buffers = new byte[]?[MaxBuffers];
    private readonly int[] _free = new int[MaxBuffers];
    private int _freeCount, _made;

    /// <summary>Buffers lent now.</summary>
    public int Lent { get; private set; }

    /// <summary>A buffer's slot (1-based), 0 when all are lent.</summary>
    public int Rent()
    {
        int slot;
        if (_freeCount > 0)
            slot = _free[--_freeCount];
        else if (_made < MaxBuffers)
            slot = ++_made;
        else
            return 0;
        _buffers[slot - 1] ??= new byte[BufferSize];
        Lent++;
        return slot;
    }

    /// <summary>The buffer of <paramref name="slot"/>.</summary>
    public byte[] Of(int slot) => _buffers[slot - 1]!;

    /// <summary>Gives <paramref name="slot"/> back (0: nothing).</summary>
    public void Return(int slot)
    {
        if (slot == 0)
            return;
        _free[_freeCount++] = slot;
        Lent--;
    }
}
