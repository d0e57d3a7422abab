namespace RawNet.Protocols.Http;

/// <summary>What the chunk dissector found in a chunked body.</summary>
/// <param name="Consumed">Bytes of the body the chunks took (0 when none was read: tshark then takes the body as it is).</param>
/// <param name="DataLength">Bytes of chunk data, the file data once joined.</param>
/// <param name="Fault">Set when a chunk ran past the bytes there are (tshark threw).</param>
public readonly record struct HttpChunkWalk(int Consumed, int DataLength, HttpFault Fault);

/// <summary>
/// Chunked bodies (RFC 9112 7.1) as tshark 4.0 reads them: the reassembly's walk (sscanf of the size, asks for more
/// until the last chunk's line) and the dissector's (strtol of the size, cut to what is left, trailers, the final CR
/// LF). The two differ on bad input, as tshark's do.
/// </summary>
public static class HttpChunks
{
    /// <summary>
    /// True when the chunks from <paramref name="start"/> on are not all here (req_resp_hdrs_do_reassembly's chunk loop);
    /// <paramref name="fault"/> when tshark throws instead: after the last chunk it looks for the final line end as far
    /// as the bytes counted from the size line reach, past the data, so a CR that is the last byte captured makes it read
    /// the byte after.
    /// </summary>
    /// <remarks>
    /// <paramref name="resume"/>: where an earlier walk over the same bytes, fewer of them, stopped to ask for more (0:
    /// none). Every step before it depends only on bytes that were there then and came out the same, so the walk
    /// starts there; on asking for more it is set to where this walk stopped. Without it a chunked body held across
    /// many segments was walked from its start on each one.
    /// </remarks>
    public static bool NeedsMore(ReadOnlySpan<byte> data, int start, int reported, out HttpFault fault, ref int resume)
    {
        fault = HttpFault.None;
        int next = resume > start && resume <= data.Length ? resume : start;
        while (true)
        {
            int reportedRemaining = reported - next;
            resume = next;
            if (reportedRemaining < 1)
                return true;
            int capturedRemaining = data.Length - next;
            int length = HttpText.FindLineEnd(data, next, desegment: true, out int chunkOffset);
            if (length == -1)
                return capturedRemaining >= reportedRemaining;
            var size = HttpText.CString(data.Slice(next, length));
            int semicolon = size.IndexOf((byte)';');
            if (semicolon >= 0)
                size = size[..semicolon];
            if (!HttpHeaderValues.TryScanHex(size, out uint chunk) || chunk > 1U << 31)
                return false;
            if (chunk == 0)
            {
                length = HttpText.FindLineEnd(data, chunkOffset, capturedRemaining, desegment: true, out _, out bool overrun);
                if (overrun)
                {
                    fault = data.Length >= reported ? HttpFault.Malformed : HttpFault.Truncated;
                    return false;
                }
                return length == -1 && capturedRemaining >= reportedRemaining;
            }
            if (reportedRemaining <= (long)chunk)
                return true;
            next = chunkOffset + (int)chunk + 2;
        }
    }

    /// <summary>The dissector's walk (chunked_encoding_dissector) over the body at <paramref name="start"/>.</summary>
    public static HttpChunkWalk Walk(ReadOnlySpan<byte> data, int start, int reported)
    {
        var chunks = new HttpChunkReader(data, start, reported);
        while (chunks.MoveNext())
        {
        }
        return chunks.Result;
    }
}

/// <summary>
/// chunked_encoding_dissector's walk, one chunk at a time: <see cref="Piece"/> is the current chunk's data, and
/// <see cref="Result"/> what the whole walk found once <see cref="MoveNext"/> returns false.
/// </summary>
public ref struct HttpChunkReader
{
    private readonly ReadOnlySpan<byte> _body;
    private readonly long _reported;
    private readonly long _original;
    private long _remaining;
    private int _at;
    private int _joined;
    private bool _done;

    /// <summary>Reads the chunked body at <paramref name="start"/> of <paramref name="data"/> (captured bytes of a payload declaring <paramref name="reported"/>).</summary>
    public HttpChunkReader(ReadOnlySpan<byte> data, int start, int reported)
    {
        _body = data[Math.Min(Math.Max(start, 0), data.Length)..];
        _reported = reported - (long)start;
        _original = _remaining = _reported;
        Result = default;
        Piece = default;
        PieceOffset = 0;
    }

    /// <summary>The current chunk's data.</summary>
    public ReadOnlySpan<byte> Piece { get; private set; }

    /// <summary>Where the current chunk's data starts, from the body's start.</summary>
    public int PieceOffset { get; private set; }

    /// <summary>What the walk found (valid once <see cref="MoveNext"/> has returned false).</summary>
    public HttpChunkWalk Result { get; private set; }

    /// <summary>Moves to the next chunk with data; false at the end (the last chunk, a line that is no chunk, or a fault).</summary>
    public bool MoveNext()
    {
        while (!_done)
        {
            if (_remaining <= 0)
                return Finish(HttpFault.None);
            int length = HttpText.FindLineEnd(_body, _at, desegment: true, out int chunkOffset);
            if (length <= 0)
                return Finish(HttpFault.None);
            var size = HttpText.CString(_body.Slice(_at, length));
            int semicolon = size.IndexOf((byte)';');
            if (semicolon >= 0)
                size = size[..semicolon];
            long chunk = HttpHeaderValues.ParseHex(size);
            if (chunk > _remaining)
                chunk = _remaining;
            // The chunk's data (and, after a non-empty one, its CR LF) must be there: tshark reads them.
            long needed = chunkOffset + chunk + (chunk > 0 ? 2 : 0);
            if (needed > _body.Length)
                return Finish(needed > _reported ? HttpFault.Malformed : HttpFault.Truncated);
            Piece = _body.Slice(chunkOffset, (int)chunk);
            PieceOffset = chunkOffset;
            _joined += (int)chunk;
            _at = (int)needed;
            _remaining = _reported - _at;
            if (chunk == 0)
                return Finish(Trailers());
            return true;
        }
        return false;
    }

    /// <summary>
    /// Trailer lines after the last chunk, then the final empty line: tshark looks for them as far as the body declares,
    /// so a CR that is the last byte captured makes it read past the capture (it throws).
    /// </summary>
    private HttpFault Trailers()
    {
        int trailerOffset = _at, trailerLength, fieldLength;
        bool overrun;
        do
        {
            trailerLength = trailerOffset - _at;
            fieldLength = HttpText.FindLineEnd(_body, trailerOffset, (int)Math.Min(int.MaxValue, _remaining - trailerLength), desegment: true,
                out int after, out overrun);
            if (overrun)
                return _body.Length >= _reported ? HttpFault.Malformed : HttpFault.Truncated;
            if (fieldLength >= 0)
                trailerOffset = after;
        }
        while (fieldLength > 0);
        if (trailerLength > 0)
        {
            _at += trailerLength;
            _remaining -= trailerLength;
        }
        if (fieldLength == 0)
            _remaining -= trailerOffset - _at;
        return HttpFault.None;
    }

    private bool Finish(HttpFault fault)
    {
        _done = true;
        Piece = default;
        Result = new HttpChunkWalk((int)(_original - Math.Max(_remaining, 0)), _joined, fault);
        return false;
    }
}

