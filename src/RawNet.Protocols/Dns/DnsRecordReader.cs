using System.Buffers.Binary;

namespace RawNet.Protocols.Dns;

/// <summary>Which section of a DNS message a record is in.</summary>
public enum DnsSection : byte
{
    Question,
    Answer,
    Authority,
    Additional,
}

/// <summary>How walking a DNS message's records ended.</summary>
public enum DnsWalkStatus : byte
{
    /// <summary>Every record the header counts was read.</summary>
    Complete,
    /// <summary>The capture ended inside a record (or the header): the message is longer than what was captured.</summary>
    Truncated,
    /// <summary>The message itself ends inside a record or the header, or a name cannot be read.</summary>
    Malformed,
    /// <summary>More records than <see cref="DnsRecordReader.MaxRecords"/>: the rest are not shown.</summary>
    TooManyRecords,
}

/// <summary>One question or resource record, as offsets into its message.</summary>
/// <param name="Section">The section it is in.</param>
/// <param name="Offset">Offset of its owner name in the message.</param>
/// <param name="Name">What reading the owner name found.</param>
/// <param name="Type">TYPE (QTYPE for a question).</param>
/// <param name="Class">CLASS (QCLASS; an OPT record's UDP payload size).</param>
/// <param name="Ttl">TTL (0 for a question; an OPT record's extended RCODE, version and flags).</param>
/// <param name="DataOffset">Offset of RDATA in the message (the end, for a question).</param>
/// <param name="DataLength">RDLENGTH (0 for a question).</param>
public readonly record struct DnsRecord(DnsSection Section, int Offset, DnsNameInfo Name, ushort Type, ushort Class, uint Ttl,
    int DataOffset, int DataLength)
{
    /// <summary>Offset of the TYPE field in the message.</summary>
    public int TypeOffset => Offset + Name.WireLength;

    /// <summary>Offset just past the record.</summary>
    public int End => DataOffset + DataLength;

    /// <summary>True for a question.</summary>
    public bool IsQuestion => Section == DnsSection.Question;
}

/// <summary>
/// Walks a DNS message's questions and resource records in order (RFC 1035 4.1.2, 4.1.3). A record is returned only when
/// it lies whole within the captured bytes and its owner name can be read, as Wireshark adds a record's fields only
/// then; the walk stops at the first that does not, and <see cref="Status"/> says why. A record whose data holds a name
/// that cannot be read is returned, and the walk stops after it (Wireshark's exception comes after the record's fields). Bounded: at most
/// <see cref="MaxRecords"/> records. Never throws and never allocates.
/// </summary>
public ref struct DnsRecordReader
{
    /// <summary>Most records walked in one message (hostile counts cannot make field reading quadratic beyond this).</summary>
    public const int MaxRecords = 512;

    private const int QuestionFixed = 4;   // TYPE, CLASS
    private const int RecordFixed = 10;    // TYPE, CLASS, TTL, RDLENGTH

    private readonly ReadOnlySpan<byte> _message;
    private readonly int _reported;
    private int _offset;
    private int _index;
    private DnsWalkStatus _stopAfter; // set when the record just returned has data that cannot be read
    private readonly int _questions, _answers, _authority, _additional;

    /// <summary>
    /// Starts a walk over <paramref name="message"/> (its captured bytes, header first); <paramref name="reportedLength"/>
    /// is the length the packet declares for it.
    /// </summary>
    public DnsRecordReader(ReadOnlySpan<byte> message, int reportedLength)
    {
        _message = message;
        _reported = Math.Max(reportedLength, message.Length);
        _offset = DnsHeader.Length;
        _index = 0;
        _stopAfter = DnsWalkStatus.Complete;
        if (DnsHeader.TryRead(message, out var header))
        {
            _questions = header.QuestionCount;
            _answers = header.AnswerCount;
            _authority = header.AuthorityCount;
            _additional = header.AdditionalCount;
            Status = DnsWalkStatus.Complete;
        }
        else
        {
            _questions = _answers = _authority = _additional = 0;
            Status = DnsHeader.Length <= _reported && message.Length < _reported ? DnsWalkStatus.Truncated : DnsWalkStatus.Malformed;
            StopOffset = message.Length;
        }
    }

    /// <summary>Goes on with a walk at a record an earlier walk over the same message returned (<paramref name="offset"/>, the <paramref name="index"/>-th).</summary>
    internal DnsRecordReader(ReadOnlySpan<byte> message, int reportedLength, int offset, int index) : this(message, reportedLength)
    {
        _offset = offset;
        _index = index;
    }

    /// <summary>How many records were returned so far.</summary>
    public readonly int Index => _index;

    /// <summary>How the walk ended (meaningful once <see cref="TryNext"/> returned false).</summary>
    public DnsWalkStatus Status { get; private set; }

    /// <summary>Offset in the message where the walk stopped early (the start of the record that could not be read).</summary>
    public int StopOffset { get; private set; }

    /// <summary>Offset just past the last record returned.</summary>
    public readonly int Offset => _offset;

    /// <summary>
    /// Where the read that failed would have ended, as Wireshark reads a record (field by field, names a byte at a time,
    /// other data whole): whether it passes the end of a TCP segment decides tshark's wording for the failure.
    /// </summary>
    public int NeededEnd { get; private set; }

    /// <summary>True when the walk stopped because the data of the record returned last holds a name that cannot be read.</summary>
    public readonly bool StoppedInLastRecordData => _stopAfter != DnsWalkStatus.Complete;

    /// <summary>Reads the next record; false at the end of the counted records or at the first that cannot be read.</summary>
    public bool TryNext(out DnsRecord record)
    {
        record = default;
        if (Status != DnsWalkStatus.Complete)
            return false;
        if (_stopAfter != DnsWalkStatus.Complete)
            return Fail(_stopAfter);
        int total = _questions + _answers + _authority + _additional;
        if (_index >= total)
            return false;
        if (_index >= MaxRecords)
            return Fail(DnsWalkStatus.TooManyRecords);
        var section = _index < _questions ? DnsSection.Question
            : _index < _questions + _answers ? DnsSection.Answer
            : _index < _questions + _answers + _authority ? DnsSection.Authority
            : DnsSection.Additional;
        var name = DnsName.Read(_message, _reported, _offset);
        if (!name.IsReadable)
        {
            // A name is read a byte at a time.
            NeededEnd = _message.Length + 1;
            return Fail(name.Status == DnsNameStatus.Truncated ? DnsWalkStatus.Truncated : DnsWalkStatus.Malformed);
        }
        int at = _offset + name.WireLength;
        bool question = section == DnsSection.Question;
        int fixedLength = question ? QuestionFixed : RecordFixed;
        if (at + fixedLength > _message.Length)
        {
            // TYPE, CLASS, TTL and RDLENGTH are read one after the other: the first that passes the end fails.
            int missing = _message.Length - at;
            NeededEnd = at + (missing < 2 ? 2 : missing < 4 ? 4 : missing < 8 ? 8 : 10);
            return Fail(Short(at + fixedLength));
        }
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(_message[at..]);
        ushort @class = BinaryPrimitives.ReadUInt16BigEndian(_message[(at + 2)..]);
        uint ttl = 0;
        int dataLength = 0;
        if (!question)
        {
            ttl = BinaryPrimitives.ReadUInt32BigEndian(_message[(at + 4)..]);
            dataLength = BinaryPrimitives.ReadUInt16BigEndian(_message[(at + 8)..]);
        }
        int dataOffset = at + fixedLength;
        if (dataOffset + dataLength > _message.Length)
        {
            NeededEnd = (DnsRecordType)type switch
            {
                DnsRecordType.A => dataOffset + Math.Min(4, dataLength),
                DnsRecordType.AAAA => dataOffset + Math.Min(16, dataLength),
                // Names and character-strings are read a byte or a string at a time: about where the capture ends.
                DnsRecordType.NS or DnsRecordType.CNAME or DnsRecordType.PTR or DnsRecordType.SOA or DnsRecordType.MX
                    or DnsRecordType.SRV or DnsRecordType.TXT or DnsRecordType.HINFO => _message.Length + 1,
                // Other data is added whole.
                _ => dataOffset + dataLength,
            };
            return Fail(Short(dataOffset + dataLength));
        }
        record = new DnsRecord(section, _offset, name, type, @class, ttl, dataOffset, dataLength);
        _offset = dataOffset + dataLength;
        _index++;
        // Wireshark shows a record whose data it cannot read (a name in it that cannot be read) and stops there.
        if (!question && !DataReadable(record, out var dataStatus))
            _stopAfter = dataStatus;
        return true;
    }

    /// <summary>Whether the names in a record's data can be read, for the types whose data RawNet shows.</summary>
    private readonly bool DataReadable(in DnsRecord record, out DnsWalkStatus status)
    {
        status = DnsWalkStatus.Complete;
        int at = record.DataOffset;
        switch ((DnsRecordType)record.Type)
        {
            case DnsRecordType.NS or DnsRecordType.CNAME or DnsRecordType.PTR:
                return NameReadable(at, ref status);
            case DnsRecordType.MX:
                return record.DataLength < 2 || NameReadable(at + 2, ref status);
            case DnsRecordType.SRV:
                return record.DataLength < 6 || NameReadable(at + 6, ref status);
            case DnsRecordType.SOA:
            {
                var mname = DnsName.Read(_message, _reported, at);
                return NameReadable(at, ref status) && NameReadable(at + mname.WireLength, ref status);
            }
            default:
                return true;
        }
    }

    private readonly bool NameReadable(int at, ref DnsWalkStatus status)
    {
        var name = DnsName.Read(_message, _reported, at);
        if (name.IsReadable)
            return true;
        status = name.Status == DnsNameStatus.Truncated ? DnsWalkStatus.Truncated : DnsWalkStatus.Malformed;
        return false;
    }

    /// <summary>Reads every record left; returns how the walk ended.</summary>
    public DnsWalkStatus SkipAll()
    {
        while (TryNext(out _))
        {
        }
        return Status;
    }

    private readonly DnsWalkStatus Short(int needed) => needed <= _reported ? DnsWalkStatus.Truncated : DnsWalkStatus.Malformed;

    private bool Fail(DnsWalkStatus status)
    {
        Status = status;
        StopOffset = _offset;
        return false;
    }
}
