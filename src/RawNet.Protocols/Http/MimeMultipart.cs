namespace RawNet.Protocols.Http;

/// <summary>
/// A multipart body as tshark 4.0's MIME multipart dissector delimits it (packet-multipart.c: get_multipart_info,
/// find_first_boundary, find_next_boundary, process_body_part; read for the rules, written anew): the boundary from the
/// Content-Type's parameters, the first boundary line, then part after part up to the next line that starts with
/// "--" and the boundary. Walks at most <see cref="MaxParts"/> parts; allocates nothing.
/// </summary>
public ref struct MimeMultipart
{
    /// <summary>The most parts a walk reads (a hostile body of empty parts stops there).</summary>
    public const int MaxParts = 64;

    private readonly ReadOnlySpan<byte> _body;
    private readonly ReadOnlySpan<byte> _boundary;
    private int _next;
    private int _parts;
    private bool _last;

    private MimeMultipart(ReadOnlySpan<byte> body, ReadOnlySpan<byte> boundary, int first, bool last)
    {
        _body = body;
        _boundary = boundary;
        _next = first;
        _last = last;
        _parts = 0;
        PartHeaders = default;
        PartContentType = default;
        PartContentTypeValue = default;
        PartBody = default;
    }

    /// <summary>The current part's header lines.</summary>
    public ReadOnlySpan<byte> PartHeaders { get; private set; }

    /// <summary>The current part's media type (up to ';' or white space), empty when it has no Content-Type.</summary>
    public ReadOnlySpan<byte> PartContentType { get; private set; }

    /// <summary>The current part's whole Content-Type value (with its parameters), empty when it has none.</summary>
    public ReadOnlySpan<byte> PartContentTypeValue { get; private set; }

    /// <summary>The current part's body.</summary>
    public ReadOnlySpan<byte> PartBody { get; private set; }

    /// <summary>
    /// Starts a walk of <paramref name="body"/>, sent with the Content-Type <paramref name="contentType"/> (the header's
    /// whole value); false when tshark finds no boundary parameter or no first boundary (it hands the body to data then).
    /// </summary>
    public static bool TryStart(ReadOnlySpan<byte> body, ReadOnlySpan<byte> contentType, out MimeMultipart walk)
    {
        walk = default;
        if (!TryBoundary(contentType, out var boundary) || boundary.Length == 0)
            return false;
        int first = FindFirstBoundary(body, boundary, out int lineLength, out bool last);
        if (first < 0 || (first > 0 && lineLength <= 0))
            return false;
        walk = new MimeMultipart(body, boundary, first + lineLength, last);
        return true;
    }

    /// <summary>Moves to the next part; false after the last (or at a part no boundary closes: tshark stops there).</summary>
    public bool MoveNext()
    {
        if (_last || _parts >= MaxParts)
            return false;
        int start = _next;
        int end = FindNextBoundary(start, out int lineLength, out _last);
        if (end <= 0)
        {
            _last = true;
            return false;
        }
        _parts++;
        _next = end + lineLength;
        ReadPart(start, end);
        return true;
    }

    private void ReadPart(int start, int end)
    {
        var part = _body[start..end];
        int at = 0;
        PartContentType = default;
        PartContentTypeValue = default;
        while (at < part.Length)
        {
            int length = HttpText.FindLineEnd(part, at, desegment: false, out int next);
            var line = part.Slice(at, length);
            if (line.Length == 0)
            {
                at = next;
                break;
            }
            int colon = line.IndexOf((byte)':');
            if (colon <= 0)
                break;
            var name = line[..colon].TrimEnd((byte)' ');
            if (HttpText.EqualsIgnoringCase(name, "content-type") || HttpText.EqualsIgnoringCase(name, "c"))
            {
                var value = line[(colon + 1)..];
                while (value.Length > 0 && HttpText.IsSpace(value[0]))
                    value = value[1..];
                PartContentTypeValue = value;
                PartContentType = value[..HttpMediaTypes.TypeLength(value)];
            }
            at = next;
        }
        PartHeaders = part[..Math.Min(at, part.Length)];
        PartBody = part[Math.Min(at, part.Length)..];
    }

    /// <summary>The "boundary" parameter of a Content-Type value (a quoted value without its quotes).</summary>
    public static bool TryBoundary(ReadOnlySpan<byte> contentType, out ReadOnlySpan<byte> boundary)
    {
        boundary = default;
        int semicolon = contentType.IndexOf((byte)';');
        if (semicolon < 0)
            return false;
        var rest = contentType[(semicolon + 1)..];
        while (rest.Length > 0)
        {
            while (rest.Length > 0 && (HttpText.IsSpace(rest[0]) || rest[0] == ';'))
                rest = rest[1..];
            int equals = rest.IndexOf((byte)'=');
            if (equals < 0)
                return false;
            var name = rest[..equals].TrimEnd((byte)' ');
            rest = rest[(equals + 1)..];
            while (rest.Length > 0 && rest[0] == ' ')
                rest = rest[1..];
            ReadOnlySpan<byte> value;
            if (rest.Length > 0 && rest[0] == '"')
            {
                int close = rest[1..].IndexOf((byte)'"');
                value = close < 0 ? rest[1..] : rest.Slice(1, close);
                rest = close < 0 ? default : rest[(close + 2)..];
            }
            else
            {
                int stop = rest.IndexOfAny((byte)';', (byte)' ', (byte)'\t');
                value = stop < 0 ? rest : rest[..stop];
                rest = stop < 0 ? default : rest[stop..];
            }
            if (HttpText.EqualsIgnoringCase(name, "boundary"))
            {
                boundary = value;
                return true;
            }
            int nextParameter = rest.IndexOf((byte)';');
            if (nextParameter < 0)
                return false;
            rest = rest[nextParameter..];
        }
        return false;
    }

    private bool DashedBoundaryAt(int at) => IsDashedBoundary(_body, _boundary, at);

    private static bool IsDashedBoundary(ReadOnlySpan<byte> body, ReadOnlySpan<byte> boundary, int at) =>
        at >= 0 && at + 2 + boundary.Length <= body.Length && body[at] == '-' && body[at + 1] == '-'
        && body.Slice(at + 2, boundary.Length).SequenceEqual(boundary);

    private static bool DashesAt(ReadOnlySpan<byte> body, int at) => at >= 0 && at + 2 <= body.Length && body[at] == '-' && body[at + 1] == '-';

    /// <summary>find_first_boundary: a line that starts with the dashed boundary (the first needs no line end before it).</summary>
    private static int FindFirstBoundary(ReadOnlySpan<byte> body, ReadOnlySpan<byte> boundary, out int lineLength, out bool last)
    {
        lineLength = 0;
        last = false;
        int offset = 0;
        // tshark goes on while the byte after a dashed boundary there would exist.
        while (offset + 2 + boundary.Length < body.Length)
        {
            if (IsDashedBoundary(body, boundary, offset))
            {
                last = DashesAt(body, offset + 2 + boundary.Length);
                HttpText.FindLineEnd(body, offset, desegment: false, out int next);
                lineLength = next - offset;
                return offset;
            }
            HttpText.FindLineEnd(body, offset, desegment: false, out int after);
            if (after <= offset)
                return -1;
            offset = after;
        }
        return -1;
    }

    /// <summary>find_next_boundary: the line end before the next dashed boundary (or a last one with no line end before it).</summary>
    private int FindNextBoundary(int start, out int lineLength, out bool last)
    {
        lineLength = 0;
        last = false;
        int offset = start;
        while (offset + 2 + _boundary.Length < _body.Length)
        {
            int length = HttpText.FindLineEnd(_body, offset, desegment: false, out int next);
            int boundaryStart = offset + length;
            if (DashedBoundaryAt(next))
            {
                last = DashesAt(_body, next + 2 + _boundary.Length);
                HttpText.FindLineEnd(_body, next, desegment: false, out int end);
                lineLength = end - boundaryStart;
                return boundaryStart;
            }
            int lastStart = boundaryStart - (2 + _boundary.Length + 2);
            if (lastStart >= 0 && DashesAt(_body, boundaryStart - 2) && DashedBoundaryAt(lastStart))
            {
                last = true;
                lineLength = next - lastStart;
                return lastStart;
            }
            if (next <= offset)
                return -1;
            offset = next;
        }
        return -1;
    }
}
