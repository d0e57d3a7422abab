namespace RawNet.Capture.Ring;

/// <summary>
/// The records a consumer found published at one look. Enumerating hands them out one by one;
/// <see cref="Release"/> then publishes the consumer's cursor once for all of them.
/// </summary>
/// <remarks>Leaving the loop early keeps the remaining records for the consumer's next read.</remarks>
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
    public Enumerator GetEnumerator() => new(_consumer, _end);

    /// <summary>Hands out a batch's records in order.</summary>
    public ref struct Enumerator
    {
        private readonly RingConsumer? _consumer;
        private readonly long _end;
        private RingRecord _current;

        internal Enumerator(RingConsumer? consumer, long end)
        {
            _consumer = consumer;
            _end = end;
            _current = default;
        }

        /// <summary>The record handed out by the last <see cref="MoveNext"/>.</summary>
        public readonly RingRecord Current => _current;

        /// <summary>Hands out the next record of the batch, if any.</summary>
        public bool MoveNext()
        {
            if (_consumer is null)
                return false;
            long next = _consumer.Cursor.Next;
            if (next >= _end)
                return false;
            _current = _consumer.Take(next);
            return true;
        }
    }
}
