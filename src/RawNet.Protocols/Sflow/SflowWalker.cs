using System.Buffers.Binary;

namespace RawNet.Protocols.Sflow;

/// <summary>What an <see cref="SflowItem"/> is.</summary>
public enum SflowItemKind : byte
{
    /// <summary>A sample: v5's enterprise/format word and length, v2/v4's sample type.</summary>
    Sample,
    /// <summary>A flow record (v5), or a v2/v4 flow sample's packet information.</summary>
    FlowRecord,
    /// <summary>A counters record (v5).</summary>
    CountersRecord,
}

/// <summary>One sample or record met by <see cref="SflowWalker"/>; offsets from the datagram's first byte.</summary>
public readonly record struct SflowItem(SflowItemKind Kind, int Offset, uint Word, int Sample)
{
    /// <summary>The enterprise of a v5 sample or record (the word's high 20 bits).</summary>
    public uint Enterprise => Word >> 12;

    /// <summary>The format of a v5 sample or record (the word's low 12 bits).</summary>
    public uint Format => Word & 0xFFF;

    /// <summary>Offset of a raw packet header's protocol word, or -1 when the record is none.</summary>
    public int HeaderAt { get; init; } = -1;

    /// <summary>Offset of the sampled header's bytes.</summary>
    public int HeaderBytes { get; init; }

    /// <summary>The sampled header's length padded to 4 bytes, as tshark hands it on.</summary>
    public int HeaderLength { get; init; }

    /// <summary>True when the sampled header's bytes were all captured (tshark adds their item before it hands them on).</summary>
    public bool HeaderCaptured { get; init; }
}

/// <summary>
/// Walks an sFlow datagram's samples and records as tshark 4.0 does, bounded: at most 255 samples and 255 records per
/// sample (tshark masks the counts), every step at least 4 bytes forward or the walk ends. A v5 sample is stepped over
/// by its length (which must lie within the captured bytes); a record by what tshark reads of it (its declared length
/// only for the formats tshark reads field by field), an enterprise record by its length, and a record of a format
/// tshark does not know not at all (tshark reads the next record from its body). The walk ends at the first read past
/// the captured bytes: <see cref="FailedAt"/>.
/// </summary>
public ref struct SflowWalker
{
    private readonly ReadOnlySpan<byte> _d;
    private readonly uint _version;
    private long _at;
    private int _samplesLeft;
    private int _sample;
    private int _recordsLeft;
    private long _sampleEnd;
    private bool _inSample;
    private bool _countersRecords;
    private bool _done;
    private SflowItem _pending;
    private bool _hasPending;

    /// <param name="datagram">The datagram's captured bytes (within what UDP declares).</param>
    public SflowWalker(ReadOnlySpan<byte> datagram)
    {
        _d = datagram;
        FailedAt = -1;
        _sample = -1;
        if (!SflowDatagram.TryReadStart(datagram, out _version, out uint type))
        {
            _done = true;
            return;
        }
        int count = SflowDatagram.HeaderLength(_version, type);
        if (count > datagram.Length)
        {
            Fail(count);
            return;
        }
        _samplesLeft = (int)(Read(count - 4) & SflowDatagram.MaxCount);
        _at = count;
    }

    /// <summary>Offset just past the read that ran out of the captured bytes, or -1 when the walk did not fail.</summary>
    public long FailedAt { get; private set; }

    /// <summary>The next sample or record, in datagram order; false at the end of the walk or where it failed.</summary>
    public bool MoveNext(out SflowItem item)
    {
        item = default;
        if (_hasPending)
        {
            _hasPending = false;
            item = _pending;
            return true;
        }
        while (!_done)
        {
            if (_recordsLeft > 0)
            {
                _recordsLeft--;
                return Record(out item);
            }
            if (_inSample)
            {
                _inSample = false;
                if (_version == 5)
                {
                    // tshark makes sure the sample's length lies within the captured bytes, then steps over it.
                    if (_sampleEnd > _d.Length)
                    {
                        Fail(_sampleEnd);
                        return false;
                    }
                    _at = _sampleEnd;
                }
            }
            if (_samplesLeft == 0)
                break;
            _samplesLeft--;
            _sample++;
            return Sample(out item);
        }
        return false;
    }

    private bool Sample(out SflowItem item)
    {
        item = default;
        long at = _at;
        if (!Need(at + 4))
            return Fail(at + 4);
        uint word = Read(at);
        item = new SflowItem(SflowItemKind.Sample, (int)at, word, _sample);
        if (_version != 5)
            return SampleV24(ref item, at, word);
        if (word >> 12 != 0)
        {
            // An enterprise's sample: tshark gives up on the rest of the datagram (a further sample reads past its end).
            _at = _d.Length;
            return true;
        }
        if (!Need(at + 8))
            return ReturnThenFail(item, at + 8);
        long body = at + 8;
        _sampleEnd = body + Read(at + 4);
        _inSample = true;
        int fixedPart = (word & 0xFFF) switch
        {
            SflowDatagram.FlowSample => 32,
            SflowDatagram.ExpandedFlowSample => 44,
            SflowDatagram.CountersSample => 12,
            SflowDatagram.ExpandedCountersSample => 16,
            _ => 0,
        };
        if (fixedPart == 0)
            return true;
        if (!Need(body + fixedPart))
            return ReturnThenFail(item, body + fixedPart);
        _recordsLeft = (int)(Read(body + fixedPart - 4) & SflowDatagram.MaxCount);
        _countersRecords = (word & 0xFFF) is SflowDatagram.CountersSample or SflowDatagram.ExpandedCountersSample;
        _at = body + fixedPart;
        return true;
    }

    private bool Record(out SflowItem item)
    {
        item = default;
        long at = _at;
        if (!Need(at + 8))
        {
            // the format word alone may be there: tshark adds what it read before it fails
            if (at + 4 <= _d.Length)
            {
                item = new SflowItem(_countersRecords ? SflowItemKind.CountersRecord : SflowItemKind.FlowRecord, (int)at, Read(at), _sample);
                return ReturnThenFail(item, at + 8);
            }
            return Fail(at + 8);
        }
        uint word = Read(at);
        uint declared = Read(at + 4);
        long body = at + 8;
        item = new SflowItem(_countersRecords ? SflowItemKind.CountersRecord : SflowItemKind.FlowRecord, (int)at, word, _sample);
        int declaredLength = (int)Math.Min(declared, int.MaxValue);
        long content;
        if (word >> 12 != 0)
            content = declared;
        else if (!_countersRecords && (word & 0xFFF) == SflowDatagram.RawPacketHeader)
            return RawHeader(ref item, body, body + 12, 16);
        else
        {
            var rest = body < _d.Length ? _d[(int)body..] : default;
            content = _countersRecords ? SflowDatagram.CountersRecordContent(word & 0xFFF, declaredLength)
                : SflowDatagram.FlowRecordContent(word & 0xFFF, rest, declaredLength);
            if (content < 0)
                content = 0; // a format tshark does not know: it reads the next record from this one's body
        }
        _at = body + content;
        if (!Need(_at))
            return ReturnThenFail(item, _at);
        return true;
    }

    /// <summary>A raw packet header: protocol, frame length, (v5) bytes stripped, header length, then the header's bytes.</summary>
    private bool RawHeader(ref SflowItem item, long fields, long lengthAt, int fixedPart)
    {
        if (!Need(fields + fixedPart))
            return ReturnThenFail(item, fields + fixedPart);
        long bytes = fields + fixedPart;
        long padded = SflowDatagram.Padded(Read(lengthAt));
        bool captured = bytes + padded <= _d.Length;
        item = item with { HeaderAt = (int)fields, HeaderBytes = (int)bytes, HeaderLength = (int)Math.Min(padded, int.MaxValue), HeaderCaptured = captured };
        _at = bytes + padded;
        if (!captured)
            return ReturnThenFail(item, _at);
        return true;
    }

    // sFlow v2 and v4: a flow sample's packet information and extended data, a counters sample's counters, all read by
    // their content (no lengths).
    private bool SampleV24(ref SflowItem item, long at, uint type)
    {
        long body = at + 4;
        _done = true; // whatever follows, the walk goes on only where this sample's end is known
        if (type == SflowDatagram.FlowSample)
        {
            long info = body + 28;
            if (!Need(info + 4))
                return ReturnThenFail(item, info + 4);
            var record = new SflowItem(SflowItemKind.FlowRecord, (int)info, Read(info), _sample);
            long next = info + 4;
            if (record.Word == SflowDatagram.RawPacketHeader)
            {
                if (!Need(next + 12))
                {
                    Queue(record);
                    return ReturnThenFail(item, next + 12);
                }
                long bytes = next + 12;
                long padded = SflowDatagram.Padded(Read(next + 8));
                bool captured = bytes + padded <= _d.Length;
                record = record with { HeaderAt = (int)next, HeaderBytes = (int)bytes, HeaderLength = (int)Math.Min(padded, int.MaxValue), HeaderCaptured = captured };
                next = bytes + padded;
                if (!captured)
                {
                    Queue(record);
                    FailedAt = Cut(next);
                    return true;
                }
            }
            Queue(record);
            if (!Need(next + 4))
            {
                FailedAt = Cut(next + 4);
                return true;
            }
            uint extended = Read(next);
            next += 4;
            for (uint i = 0; i < extended && i < SflowDatagram.MaxCount; i++)
            {
                if (!Need(next + 4))
                {
                    FailedAt = Cut(next + 4);
                    return true;
                }
                uint kind = Read(next);
                next += 4;
                long size = kind switch
                {
                    1 => 16,
                    2 => next + 4 <= _d.Length ? 4 + SflowDatagram.AddressLength(Read(next)) + 8 : 12,
                    4 or 5 => 0,
                    _ => -1,
                };
                if (size < 0)
                    return true; // extended gateway data and unknown types: RawNet does not walk them (docs)
                next += size;
            }
            if (!Need(next))
            {
                FailedAt = Cut(next);
                return true;
            }
            Continue(next);
            return true;
        }
        if (type == SflowDatagram.CountersSample)
        {
            if (!Need(body + 16))
                return ReturnThenFail(item, body + 16);
            uint counters = Read(body + 12);
            long size = counters switch
            {
                1 or 4 or 6 => 88,
                2 => 88 + 52,
                3 => 88 + 72,
                5 => 88 + 80,
                7 => 28,
                _ => 0,
            };
            long next = body + 16 + size;
            if (!Need(next))
                return ReturnThenFail(item, next);
            Continue(next);
            return true;
        }
        // A sample type tshark does not know: it reads the next sample from this one's body.
        Continue(body);
        return true;
    }

    private void Continue(long next)
    {
        _done = false;
        _at = next;
    }

    private void Queue(SflowItem item)
    {
        _pending = item;
        _hasPending = true;
    }

    private bool ReturnThenFail(SflowItem item, long need)
    {
        // The item's own words were read (its fields show); the walk ends after it.
        FailedAt = Cut(need);
        _done = true;
        _recordsLeft = 0;
        _inSample = false;
        return item.Offset >= 0;
    }

    private bool Need(long end) => end <= _d.Length;

    private bool Fail(long need)
    {
        FailedAt = Cut(need);
        _done = true;
        _recordsLeft = 0;
        _inSample = false;
        return false;
    }

    // The end of the first 4-byte word read past the captured bytes on the way to need (every read is word-aligned).
    private long Cut(long need) => Math.Min(need, (_d.Length & ~3L) + 4);

    private uint Read(long at) => BinaryPrimitives.ReadUInt32BigEndian(_d[(int)at..]);
}
