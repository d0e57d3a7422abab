namespace RawNet.Protocols.Tzsp;

/// <summary>How a walk over TZSP's tags ended.</summary>
public enum TzspWalkEnd : byte
{
    /// <summary>Not ended yet.</summary>
    None,
    /// <summary>At the End tag: the frame follows it (<see cref="TzspTagWalker.Position"/>).</summary>
    End,
    /// <summary>A read past the captured bytes, within what the datagram declares (tshark: "Packet size limited during capture").</summary>
    Truncated,
    /// <summary>A read past the datagram, or a value of a length tshark refuses to read (tshark: "Malformed Packet").</summary>
    Malformed,
    /// <summary>More tags than RawNet walks (<see cref="TzspTagWalker.MaxTags"/>).</summary>
    TooManyTags,
}

/// <summary>One tag as tshark adds it: its tag byte and, but for Pad and End, its length and (when it could be read) its value.</summary>
/// <param name="Offset">The tag byte's offset from the TZSP header's first byte.</param>
/// <param name="Tag">The tag byte.</param>
/// <param name="Length">The length byte; -1 for Pad and End, which have none.</param>
/// <param name="ValueLength">The bytes tshark's value item covers from <c>Offset + 2</c>; -1 when it added none.</param>
public readonly record struct TzspTag(int Offset, byte Tag, int Length, int ValueLength)
{
    /// <summary>Where the value's item starts.</summary>
    public int ValueOffset => Offset + 2;

    /// <summary>True when tshark added the value's item.</summary>
    public bool HasValue => ValueLength >= 0;
}

/// <summary>
/// Walks TZSP's tags as tshark 4.0's add_option_info does, from the fixed part on: each tag's subtree is added over its
/// whole length first (a tag whose length runs past the captured bytes adds nothing and ends the walk), then its tag and
/// length, then the value's item, which reads as many bytes as the tag's type says whatever the length byte says (an
/// 8-bit value with a length of 0 reads the next tag's byte); a channel of length 0 or a time stamp shorter than 4 bytes
/// is refused. tshark's loop has no bound but the packet's end: this one also stops after <see cref="MaxTags"/> tags.
/// Allocates nothing.
/// </summary>
public ref struct TzspTagWalker
{
    /// <summary>The most tags walked (a datagram of Pad bytes would otherwise make every field read quadratic).</summary>
    public const int MaxTags = 1024;

    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _reported;
    private int _count;
    private TzspWalkEnd _pending;

    /// <param name="header">The captured bytes from the TZSP header's first byte.</param>
    /// <param name="reported">How many bytes the datagram declares from there.</param>
    public TzspTagWalker(ReadOnlySpan<byte> header, int reported)
    {
        _bytes = header;
        _reported = Math.Max(reported, header.Length);
        Position = TzspHeader.Field.Tags;
    }

    /// <summary>Where the walk stands: after <see cref="TzspWalkEnd.End"/>, the frame's first byte; after a failure, the byte whose read failed.</summary>
    public int Position { get; private set; }

    /// <summary>How the walk ended (<see cref="TzspWalkEnd.None"/> while it goes on).</summary>
    public TzspWalkEnd Ended { get; private set; }

    /// <summary>The next tag tshark adds items for; false once the walk ended (see <see cref="Ended"/>).</summary>
    public bool MoveNext(out TzspTag tag)
    {
        tag = default;
        if (Ended != TzspWalkEnd.None)
            return false;
        if (_pending != TzspWalkEnd.None)
        {
            Ended = _pending;
            return false;
        }
        if (_count++ == MaxTags)
            return Fail(TzspWalkEnd.TooManyTags, Position);
        int at = Position;
        if (at >= _bytes.Length)
            return Fail(at, at + 1);
        byte type = _bytes[at];
        if (type is TzspHeader.Tag.Pad or TzspHeader.Tag.End)
        {
            tag = new TzspTag(at, type, -1, -1);
            Position = at + 1;
            if (type == TzspHeader.Tag.End)
                _pending = TzspWalkEnd.End;
            return true;
        }
        if (at + 1 >= _bytes.Length)
            return Fail(at, at + 2);
        int length = _bytes[at + 1];
        int end = at + 2 + length;
        // tshark adds the tag's subtree over all of it before anything else: the bytes must have been captured.
        if (end > _bytes.Length)
            return Fail(at, end);
        Position = end;
        var (read, covers) = ValueSize(type, length);
        if (read < 0)
        {
            tag = new TzspTag(at, type, length, -1);
            _pending = TzspWalkEnd.Malformed;
            Position = at + 2;
            return true;
        }
        if (at + 2 + read > _bytes.Length)
        {
            tag = new TzspTag(at, type, length, -1);
            _pending = at + 2 + read > _reported ? TzspWalkEnd.Malformed : TzspWalkEnd.Truncated;
            Position = at + 2;
            return true;
        }
        tag = new TzspTag(at, type, length, covers);
        return true;
    }

    /// <summary>
    /// The bytes tshark reads for a tag's value and the bytes its item covers; a read of -1 for a length tshark refuses
    /// (its "Trying to fetch ... with length" error).
    /// </summary>
    public static (int Read, int Covers) ValueSize(byte tag, int length) => tag switch
    {
        TzspHeader.Tag.Signal or TzspHeader.Tag.Noise or TzspHeader.Tag.Rate or TzspHeader.Tag.MessageType or TzspHeader.Tag.Pcf
            or TzspHeader.Tag.Undecrypted or TzspHeader.Tag.FcsError => (1, 1),
        TzspHeader.Tag.Time or TzspHeader.Tag.PacketId or TzspHeader.Tag.CaptureId => (4, 4),
        TzspHeader.Tag.OriginalLength => (2, 2),
        TzspHeader.Tag.Sensor => (6, 6),
        // An FT_UINT16 of the tag's length: 1 to 4 bytes read as they are, more read as 32 bits (a warning), none refused.
        TzspHeader.Tag.Channel => length == 0 ? (-1, 0) : (Math.Min(length, 4), length),
        // Seconds and nanoseconds, or seconds alone; any other length of 4 or more shows the epoch, less is refused.
        TzspHeader.Tag.TimeStamp => length is 8 or 4 ? (length, length) : length < 4 ? (-1, 0) : (0, length),
        _ => (length, length),
    };

    /// <summary>Ends the walk at <paramref name="at"/> on a read that needed the bytes up to <paramref name="needed"/>.</summary>
    private bool Fail(int at, int needed) => Fail(needed > _reported ? TzspWalkEnd.Malformed : TzspWalkEnd.Truncated, at);

    private bool Fail(TzspWalkEnd how, int at)
    {
        Ended = how;
        Position = at;
        return false;
    }
}
