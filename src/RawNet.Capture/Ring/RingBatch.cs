using System.Runtime.CompilerServices;

namespace RawNet.Capture.Ring;

/// <summary>
/// The records a consumer found published at one look. Enumerating hands them out one by one;
/// <see cref="Release"/> then publishes the consumer's cursor once for all of them.
/// </summary>
/// <remarks>
/// Leaving the loop early keeps the remaining records for the consumer's next read. While enumerating, read only
/// through the enumerator: the walk keeps its own position, so a <see cref="RingConsumer.TryRead"/> in the loop
/// would be overtaken by it.
/// </remarks>
public readonly ref struct RingBatch
{
    private readonly RingConsumer? _consumer;
    private readonly long _end;

    internal RingBatch(RingConsumer consumer, long end)
    {
        _consumer = consumer;
        _end = end;
    }

    /// <summary>Byte position where the batch ends (the producer's published position when it was taken).</summary>
    public long End => _end;

    /// <summary>Lets the producer reuse the space of the records handed out so far.</summary>
    public void Release() => _consumer?.Release();

    /// <summary>Returns an enumerator over the batch's records.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Enumerator GetEnumerator() => new(_consumer, _end);

    /// <summary>Hands out a batch's records in order.</summary>
    /// <remarks>
    /// The walk is a pointer into the arena and a stop pointer (the batch's end or the lap's end, whichever is first),
    /// held in the enumerator (registers, once inlined): each step is one load of the record's length and one add.
    /// It stores the consumer's position and count as it goes, so leaving the loop early keeps the rest.
    /// </remarks>
    public unsafe ref struct Enumerator
    {
        private readonly RingConsumer? _consumer;
        private readonly byte* _base;
        private readonly long _end;
        private long _lapStart;
        private byte* _next;
        private byte* _stop;
        private long _read;
        private byte* _record;
        private int _length;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal Enumerator(RingConsumer? consumer, long end)
        {
            _consumer = consumer;
            _end = end;
            if (consumer is not null)
            {
                _base = consumer.Base;
                _read = consumer.Cursor.Read;
                long next = consumer.Cursor.Next;
                _lapStart = next & ~(long)consumer.Mask;
                _next = _base + (next - _lapStart);
                _stop = _base + Math.Min(end - _lapStart, consumer.Mask + 1L);
            }
        }

        /// <summary>The record handed out by the last <see cref="MoveNext"/>.</summary>
        public readonly RingRecord Current
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => new(_record, _length, _lapStart + (_record - _base));
        }

        /// <summary>Hands out the next record of the batch, if any.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MoveNext()
        {
            byte* record = _next;
            // The default batch has null pointers and stops here.
            if (record >= _stop && !NextLap())
                return false;
            record = _next;
            int length = *(int*)record;
            if (length == RecordHeader.WrapMarker)
            {
                // A marker is published together with the record after it, so the next lap has one.
                NextLap();
                record = _base;
                length = *(int*)record;
            }
            _record = record;
            _length = length;
            _next = record + (uint)RecordHeader.RecordLength(length);
            _consumer!.Cursor.Next = _lapStart + (_next - _base);
            Volatile.Write(ref _consumer.Cursor.Read, ++_read);
            return true;
        }

        /// <summary>Moves the walk to the start of the next lap; false if the batch ends before it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool NextLap()
        {
            long capacity = _consumer is null ? 0 : _consumer.Mask + 1L;
            long lapStart = _lapStart + capacity;
            if (capacity == 0 || lapStart >= _end)
                return false;
            _lapStart = lapStart;
            _next = _base;
            _stop = _base + Math.Min(_end - lapStart, capacity);
            return true;
        }
    }
}
