using System.Buffers.Binary;

namespace RawNet.Protocols.Tls;

/// <summary>What one step of a <see cref="TlsRecordWalk"/> found.</summary>
public enum TlsItem : byte
{
    /// <summary>A record header (tls.record.*).</summary>
    Record,
    /// <summary>A plaintext handshake message (tls.handshake.type, tls.handshake.length); "[X Fragment]" when the record ends first.</summary>
    Handshake,
    /// <summary>A handshake record tshark takes as encrypted.</summary>
    EncryptedHandshake,
    ChangeCipherSpec,
    /// <summary>A two-byte alert (tls.alert_message.level, .desc).</summary>
    Alert,
    /// <summary>An alert record of any other length.</summary>
    EncryptedAlert,
    /// <summary>An application data record (tls.app_data).</summary>
    ApplicationData,
    /// <summary>
    /// Bytes that do not look like a record before the session's version is known (or in TLS 1.3): the rest of the
    /// segment; in an SSLv3 session, a record of a content type tshark does not know, skipped.
    /// </summary>
    Continuation,
    /// <summary>A record of a content type tshark does not know in a TLS 1.0 to 1.2 session: the rest of the segment.</summary>
    IgnoredUnknown,
}

/// <summary>How a <see cref="TlsRecordWalk"/> ended.</summary>
public enum TlsWalkEnd : byte
{
    /// <summary>Every record was read.</summary>
    Done,
    /// <summary>A read ran past the captured bytes (the capture cut the segment).</summary>
    Truncated,
    /// <summary>A read ran past the bytes the segment declares (an empty record at its end: tshark reads the byte after it).</summary>
    Malformed,
}

/// <summary>
/// Walks TLS records as tshark 4.0's dissect_ssl3_record reads them (no decryption): per record its header, then what its
/// content says (the handshake messages of a plaintext handshake record, an alert, ...), keeping the session's version
/// as it goes (set from the first record that is not a Client Hello, then from a Server Hello's version or its
/// supported_versions extension), which decides whether application data shows tls.record.opaque_type (TLS 1.3) and
/// whether an unknown content type ends the segment. Bounded by the bytes given; never throws.
/// </summary>
public ref struct TlsRecordWalk
{
    private const byte ClientHello = 1;
    private const byte ServerHello = 2;
    private const ushort SupportedVersions = 43;

    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _reported;
    private readonly bool _afterChangeCipherSpec;
    private readonly bool _messagesOnly;
    private int _at;
    private int _recordEnd;
    private int _messageAt;
    private byte _phase;
    private bool _stop;

    /// <summary>
    /// A walk over <paramref name="bytes"/> (captured) of <paramref name="reported"/> bytes, with the session's version
    /// <paramref name="session"/> (0: not known yet) and whether the sender sent Change Cipher Spec in an earlier frame;
    /// <paramref name="messagesOnly"/>: the bytes are handshake messages without a record around them (QUIC's CRYPTO data).
    /// </summary>
    public TlsRecordWalk(ReadOnlySpan<byte> bytes, int reported, ushort session, bool afterChangeCipherSpec, bool messagesOnly = false)
    {
        _bytes = bytes;
        _reported = Math.Max(reported, bytes.Length);
        Session = session;
        _afterChangeCipherSpec = afterChangeCipherSpec;
        _messagesOnly = messagesOnly;
        if (messagesOnly)
        {
            // as if one handshake record held the captured bytes (a message past them is a fragment)
            _recordEnd = bytes.Length;
            _phase = 2;
        }
    }

    /// <summary>The session's version as far as the walk got (0: not known).</summary>
    public ushort Session { get; private set; }

    /// <summary>The version the last record read while the session's was not known set the Protocol column to (0: none).</summary>
    public ushort ColumnVersion { get; private set; }

    /// <summary>How the walk ended (once <see cref="MoveNext"/> returned false).</summary>
    public TlsWalkEnd End { get; private set; }

    /// <summary>What the current step found.</summary>
    public TlsItem Item { get; private set; }

    /// <summary>Where the current item's bytes start (a record's header, a message's type byte, an alert's level, a record's fragment).</summary>
    public int Offset { get; private set; }

    /// <summary>The current record's fragment length, or a handshake message's declared length.</summary>
    public int Length { get; private set; }

    /// <summary>The current record's content type, or a handshake message's type, or an alert's level.</summary>
    public byte Type { get; private set; }

    /// <summary>The current record's version, or an alert's description.</summary>
    public ushort Value { get; private set; }

    /// <summary>True for a record whose content type tshark shows as tls.record.opaque_type (application data in TLS 1.3).</summary>
    public bool Opaque { get; private set; }

    /// <summary>True for a handshake message the record does not hold whole.</summary>
    public bool Fragment { get; private set; }

    /// <summary>Steps to the next item; false at the end (see <see cref="End"/>).</summary>
    public bool MoveNext()
    {
        if (_phase == 1)
        {
            _phase = 0;
            if (!_stop && Content())
                return true;
        }
        if (_phase == 2)
        {
            if (NextMessage())
                return true;
            _phase = 0;
        }
        if (_stop)
            return false;
        _at = _recordEnd > _at ? _recordEnd : _at;
        return NextRecord();
    }

    private bool NextRecord()
    {
        Fragment = false;
        Opaque = false;
        int remaining = _reported - _at;
        if (remaining <= 0)
            return false;
        // tshark reads a record as TLS straight away in an SSLv3 to TLS 1.2 session; in any other (not known yet, or
        // TLS 1.3) only what looks like an SSLv3/TLS record header, the rest of the segment being "Continuation Data".
        bool known = Session is 0x0300 or 0x0301 or 0x0302 or 0x0303 or 0x0101;
        if (!known && remaining >= TlsRecordHeader.Length)
        {
            // tshark's guesses read the first byte, the third when the first looks like SSLv2's (RawNet reads no SSLv2:
            // its records are continuation data here), and the version only after a known content type.
            if (_at >= _bytes.Length || (_bytes[_at] >= 0x80 && _bytes.Length - _at < 3))
                return Stop(TlsWalkEnd.Truncated);
            if (!TlsRecordHeader.IsKnownType(_bytes[_at]))
                return RestOfSegment(TlsItem.Continuation, remaining);
            if (_bytes.Length - _at < 3)
                return Stop(TlsWalkEnd.Truncated);
            if (BinaryPrimitives.ReadUInt16BigEndian(_bytes[(_at + 1)..]) is < 0x0300 or > 0x0303)
                return RestOfSegment(TlsItem.Continuation, remaining);
        }
        if (known && Session != 0x0300)
        {
            if (_at >= _bytes.Length)
                return Stop(TlsWalkEnd.Truncated);
            if (!TlsRecordHeader.IsKnownType(_bytes[_at]))
                return RestOfSegment(TlsItem.IgnoredUnknown, remaining);
        }
        if (remaining < TlsRecordHeader.Length)
            return false;
        if (!TlsRecordHeader.TryRead(_bytes[Math.Min(_at, _bytes.Length)..], out var header))
            return Stop(TlsWalkEnd.Truncated);
        int length = header.FragmentLength;
        Offset = _at;
        Length = length;
        Type = header.ContentType;
        Value = header.Version;
        _recordEnd = _at + TlsRecordHeader.Length + length;
        if (!TlsRecordHeader.IsKnownType(header.ContentType))
        {
            Item = TlsItem.Continuation;
            return true;
        }
        if (remaining < TlsRecordHeader.Length + length)
            return false;
        Item = TlsItem.Record;
        Opaque = Session == 0x0304 && header.ContentType == (byte)TlsContentType.ApplicationData;
        int body = _at + TlsRecordHeader.Length;
        // tshark reads the byte after the header (a handshake's type) before anything else of the record.
        if (body >= _reported)
        {
            _stop = true;
            End = TlsWalkEnd.Malformed;
            return true;
        }
        if (body >= _bytes.Length)
        {
            _stop = true;
            End = TlsWalkEnd.Truncated;
            return true;
        }
        if (Session == 0)
        {
            ColumnVersion = header.Version;
            if (TlsNames.IsSessionVersion(header.Version) && !(header.ContentType == (byte)TlsContentType.Handshake && _bytes[body] == ClientHello))
                Session = header.Version;
        }
        // A record the capture cut: tshark's first read of all of it (for decryption) fails.
        if (_recordEnd > _bytes.Length)
        {
            _stop = true;
            End = TlsWalkEnd.Truncated;
            return true;
        }
        _phase = 1;
        return true;
    }

    private bool Content()
    {
        int body = Offset + TlsRecordHeader.Length;
        int length = Length;
        var fragment = _bytes.Slice(body, length);
        switch ((TlsContentType)Type)
        {
            case TlsContentType.ChangeCipherSpec:
                return Yield(TlsItem.ChangeCipherSpec, body, length);
            case TlsContentType.Alert:
                if (length != 2)
                    return Yield(TlsItem.EncryptedAlert, body, length);
                Yield(TlsItem.Alert, body, length);
                Type = fragment[0];
                Value = fragment[1];
                return true;
            case TlsContentType.ApplicationData:
                return Yield(TlsItem.ApplicationData, body, length);
            case TlsContentType.Handshake:
                if (Encrypted(fragment))
                    return Yield(TlsItem.EncryptedHandshake, body, length);
                _messageAt = body;
                _phase = 2;
                return NextMessage();
            default:
                return false;
        }
    }

    /// <summary>tshark's guess (is_encrypted_handshake_message) that a handshake record is encrypted.</summary>
    private readonly bool Encrypted(ReadOnlySpan<byte> fragment)
    {
        if (fragment.Length < 16)
            return false;
        // GCM's explicit nonce of a first record (five zero bytes), or the sender switched ciphers in an earlier frame.
        if (fragment[..5].IndexOfAnyExcept((byte)0) < 0 || _afterChangeCipherSpec)
            return true;
        return TlsNames.HandshakeType(fragment[0]) is null || ReadUInt24(fragment[1..]) >= 0x10000;
    }

    private bool NextMessage()
    {
        Fragment = false;
        if (_messageAt + 4 > _recordEnd)
            return false;
        int at = _messageAt;
        byte type = _bytes[at];
        int length = ReadUInt24(_bytes[(at + 1)..]);
        // QUIC's CRYPTO data: a message not held whole waits for more (tshark shows nothing of it)
        if (_messagesOnly && at + 4 + length > _recordEnd)
            return false;
        Yield(TlsItem.Handshake, at, length);
        Type = type;
        if (at + 4 + length > _recordEnd)
        {
            Fragment = true;
            _messageAt = _recordEnd;
            return true;
        }
        _messageAt = at + 4 + length;
        if (type is ClientHello or ServerHello && TlsHelloWalk.IsMalformed(_bytes.Slice(at + 4, length), type == ClientHello))
        {
            // tshark's read of the hello fails: nothing after it in the segment is read.
            _stop = true;
            _phase = 0;
            End = TlsWalkEnd.Malformed;
            return true;
        }
        if (type == ServerHello)
            ReadServerHello(_bytes.Slice(at + 4, length));
        return true;
    }

    /// <summary>The session's version a Server Hello sets: its supported_versions extension's, or its own.</summary>
    private void ReadServerHello(ReadOnlySpan<byte> hello)
    {
        if (hello.Length < 2)
            return;
        ushort version = BinaryPrimitives.ReadUInt16BigEndian(hello);
        int at = 2 + 32;
        if (at < hello.Length)
        {
            at += 1 + hello[at] + 2 + 1;
            if (at + 2 <= hello.Length)
            {
                int end = Math.Min(hello.Length, at + 2 + BinaryPrimitives.ReadUInt16BigEndian(hello[at..]));
                for (at += 2; at + 4 <= end;)
                {
                    ushort type = BinaryPrimitives.ReadUInt16BigEndian(hello[at..]);
                    int length = BinaryPrimitives.ReadUInt16BigEndian(hello[(at + 2)..]);
                    if (type == SupportedVersions && length == 2 && at + 6 <= end)
                        version = BinaryPrimitives.ReadUInt16BigEndian(hello[(at + 4)..]);
                    at += 4 + length;
                }
            }
        }
        if (TlsNames.IsSessionVersion(version))
            Session = version;
    }

    private bool Yield(TlsItem item, int offset, int length)
    {
        Item = item;
        Offset = offset;
        Length = length;
        return true;
    }

    /// <summary>An item that takes the rest of the segment, after which tshark reads nothing more.</summary>
    private bool RestOfSegment(TlsItem item, int remaining)
    {
        Yield(item, _at, remaining);
        _recordEnd = _reported;
        _stop = true;
        return true;
    }

    private bool Stop(TlsWalkEnd end)
    {
        _stop = true;
        End = end;
        return false;
    }

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => bytes[0] << 16 | bytes[1] << 8 | bytes[2];

    /// <summary>True when tshark's TLS takes a payload for plain text and declines it: more than four bytes captured, the first four printable ASCII.</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> bytes) => bytes.Length > 4 && bytes[..4].IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0;

    /// <summary>
    /// How many bytes at the start of <paramref name="bytes"/> are whole records (what tshark reads before it asks TCP for
    /// more: a record header or record the bytes do not hold whole). A content type it does not know ends the run there
    /// (tshark reads no further in the segment), as does a whole segment's worth of bytes.
    /// </summary>
    public static int WholeRecordsLength(ReadOnlySpan<byte> bytes)
    {
        int at = 0;
        while (at < bytes.Length)
        {
            // An unknown content type is skipped, not waited for.
            if (!TlsRecordHeader.IsKnownType(bytes[at]))
                return bytes.Length;
            if (!TlsRecordHeader.TryRead(bytes[at..], out var header) || header.RecordLength > bytes.Length - at)
                break;
            at += header.RecordLength;
        }
        return at;
    }
}
