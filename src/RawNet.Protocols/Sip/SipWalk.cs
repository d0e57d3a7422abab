using RawNet.Protocols.Http;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Sip;

/// <summary>The items of a SIP layer in tshark's tree order (SDP's after SIP's).</summary>
public enum SipValue : byte
{
    RequestLine,
    Method,
    RequestUri,
    StatusLine,
    StatusCode,
    Resend,
    MessageHeader,
    /// <summary>
    /// The first header's value (From); the others follow in <see cref="SipHeader"/>'s order, one value each up to
    /// <see cref="SipNames.Last"/>'s (<see cref="SipWalk.ValueOf"/>).
    /// </summary>
    FirstHeader,
    CSeqSequence = FirstHeader + (SipNames.Last - SipHeader.From) + 1,
    CSeqMethod,
    /// <summary>A header line without a field of its own here (the tree shows the line).</summary>
    OtherHeader,
    MessageBody,
    SdpVersion,
    SdpOwner,
    SdpSessionName,
    SdpSessionAttribute,
    SdpConnection,
    SdpTime,
    SdpMedia,
    SdpMediaAttribute,
}

/// <summary>How a walk of a SIP message ended.</summary>
public enum SipWalkStatus : byte
{
    /// <summary>Every item read.</summary>
    Complete,
    /// <summary>The capture ended before the message did (tshark: "Packet size limited during capture").</summary>
    Truncated,
    /// <summary>
    /// tshark gave the message up without an error at a CSeq of digits alone, or digits and blanks: nothing more of it is
    /// shown (no resent mark, no " | ", no body).
    /// </summary>
    Abandoned,
    /// <summary>A header line without its line ending at the datagram's end (tshark throws past it).</summary>
    Malformed,
}

/// <summary>What the Info column and the chain need of a message, gathered by one walk.</summary>
public struct SipFacts
{
    /// <summary>The start line's kind.</summary>
    public SipLineKind Kind;
    /// <summary>The start line's length, the method's length (requests) and the status code (responses).</summary>
    public int LineLength, MethodLength, StatusCode;
    /// <summary>Where the CSeq method is, -1 when the message has no CSeq.</summary>
    public int CSeqMethodStart, CSeqMethodLength;
    /// <summary>To headers with a tag parameter (each marks an INVITE, SUBSCRIBE or REFER "in-dialog").</summary>
    public int ToTags;
    /// <summary>Contacts (not "*"), those with an expires parameter of 0, those without an expires parameter.</summary>
    public int Contacts, ContactsExpiresZero, ContactsWithoutExpires;
    /// <summary>Whether a Contact is "*", and whether an Expires header says 0.</summary>
    public bool ContactStar, ExpiresZero;
    /// <summary>The Content-Type value, -1 when none.</summary>
    public int ContentTypeStart, ContentTypeLength;
    /// <summary>The body's start and length (as captured).</summary>
    public int BodyStart, BodyLength;
    /// <summary>How the walk ended, and where.</summary>
    public SipWalkStatus Status;
    /// <summary>True once the empty line that ends the head was read (tshark says "Header not terminated" of a head without one).</summary>
    public bool HeadEnded;
    /// <summary>Where the walk ended short.</summary>
    public int Stop;

    /// <summary>The contacts that expire now: expires=0, or no parameter and an Expires header of 0.</summary>
    public readonly int ContactsExpiring => ContactsExpiresZero + (ExpiresZero ? ContactsWithoutExpires : 0);
}

/// <summary>
/// Walks a SIP message as tshark 4.0's SIP adds its items: the start line with its method and URI, or status code; the
/// header lines (compact forms expanded); the body, handed to SDP when its Content-Type (or a MIME part's) is
/// application/sdp. Bounded: at most <see cref="MaxLines"/> header lines and as many SDP lines; allocates nothing.
/// </summary>
public static class SipWalk
{
    /// <summary>The most header lines, and SDP lines in all of a body, a walk reads.</summary>
    public const int MaxLines = 512;

    /// <summary>
    /// Walks <paramref name="message"/> (its captured bytes; the datagram or segment declares <paramref name="reported"/>),
    /// handing each item to <paramref name="visitor"/>; returns what it learnt on the way.
    /// </summary>
    public static SipFacts Run<TVisitor>(ReadOnlySpan<byte> message, int reported, ref TVisitor visitor)
        where TVisitor : IItemVisitor<SipValue>, allows ref struct
    {
        var facts = new SipFacts { CSeqMethodStart = -1, ContentTypeStart = -1, BodyStart = message.Length };
        var start = SipStartLine.Read(message);
        facts.Kind = start.Kind;
        if (start.Kind == SipLineKind.None)
            return facts;
        facts.LineLength = start.Length;
        facts.MethodLength = start.MethodLength;
        facts.StatusCode = start.StatusCode;
        bool cut = message.Length < reported;
        bool go = true;
        if (start.Kind == SipLineKind.Request)
        {
            go = visitor.Item(SipValue.RequestLine, 0, start.Length, 0)
                && visitor.Item(SipValue.Method, 0, start.MethodLength, 0)
                && visitor.Item(SipValue.RequestUri, start.UriStart, start.UriLength, 0);
        }
        else
        {
            go = visitor.Item(SipValue.StatusLine, 0, start.Length, 0)
                && visitor.Item(SipValue.StatusCode, SipStartLine.Version.Length + 1, 3, (ulong)start.StatusCode);
        }
        bool terminated = start.Next > start.Length;
        // tshark looks for the head's end before it adds a header: a capture that ends first stops it there.
        if (cut && (!terminated || !HeadEndsWithin(message, start.Next)))
        {
            (facts.Status, facts.Stop) = (SipWalkStatus.Truncated, message.Length);
            return facts;
        }
        if (!terminated)
        {
            if (go)
                visitor.Item(SipValue.Resend, 0, 0, 0);
            return facts;
        }
        int at = start.Next;
        if (at < message.Length && go)
            go = visitor.Item(SipValue.MessageHeader, at, 0, 0);
        bool headEnded = false;
        long contentLength = -1;
        for (int lines = 0; at < message.Length && lines < MaxLines; lines++)
        {
            int length = HttpText.FindLineEnd(message, at, desegment: false, out int next);
            if (length == 0 && next > at)
            {
                at = next;
                headEnded = facts.HeadEnded = true;
                break;
            }
            bool ended = next > at + length;
            if (!ended && cut)
            {
                (facts.Status, facts.Stop) = (SipWalkStatus.Truncated, message.Length);
                return facts;
            }
            var line = message.Slice(at, length);
            int colon = line.IndexOf((byte)':');
            var header = SipHeader.Other;
            int valueStart = at + length, valueLength = 0;
            if (colon > 0)
            {
                header = SipNames.HeaderOf(line[..colon].TrimEnd((byte)' ').TrimEnd((byte)'\t'));
                int v = colon + 1;
                while (v < line.Length && line[v] is (byte)' ' or (byte)'\t')
                    v++;
                valueStart = at + v;
                valueLength = length - v;
            }
            var value = message.Slice(valueStart, valueLength);
            Note(ref facts, header, value, valueStart, ref contentLength);
            if (go)
                go = VisitHeader(ref visitor, header, at, length, value, valueStart);
            if (header == SipHeader.CSeq && !CSeqIsWhole(value))
            {
                facts.Status = SipWalkStatus.Abandoned;
                return facts;
            }
            if (!ended)
            {
                (facts.Status, facts.Stop) = (SipWalkStatus.Malformed, message.Length);
                return facts;
            }
            at = next;
        }
        // tshark adds the resent mark (under the start line) once the headers are read.
        if (go)
            go = visitor.Item(SipValue.Resend, 0, 0, 0);
        if (!headEnded)
            return facts;
        // The body: Content-Length's worth of what the datagram holds, or all of it without one. tshark keeps the length
        // as a signed 32-bit number: 2^32 - 1 is its "none", other lengths from 2^31 on leave no body.
        long declared = reported - at;
        long bodyLength = contentLength is < 0 or uint.MaxValue ? declared : contentLength > int.MaxValue ? 0 : Math.Min(contentLength, declared);
        facts.BodyStart = at;
        facts.BodyLength = (int)Math.Min(bodyLength, message.Length - at);
        if (bodyLength > facts.BodyLength && cut)
            (facts.Status, facts.Stop) = (SipWalkStatus.Truncated, message.Length);
        if (bodyLength <= 0)
            return facts;
        if (go)
            go = visitor.Item(SipValue.MessageBody, at, facts.BodyLength, 0);
        if (!go || facts.ContentTypeStart < 0)
            return facts;
        var contentType = message.Slice(facts.ContentTypeStart, facts.ContentTypeLength);
        var type = contentType[..HttpMediaTypes.TypeLength(contentType)];
        var body = message.Slice(at, facts.BodyLength);
        // One budget of SDP lines for the whole body, however many parts carry SDP: readers walk the message once per item.
        int budget = MaxLines;
        if (HttpText.EqualsIgnoringCase(type, "application/sdp"))
            VisitSdp(ref visitor, body, at, ref budget);
        else if (HttpText.StartsWithIgnoringCase(type, "multipart/") && MimeMultipart.TryStart(body, contentType, out var parts))
        {
            while (parts.MoveNext())
            {
                if (!HttpText.EqualsIgnoringCase(parts.PartContentType, "application/sdp"))
                    continue;
                int partStart = at + OffsetIn(body, parts.PartBody);
                if (!VisitSdp(ref visitor, parts.PartBody, partStart, ref budget))
                    break;
            }
        }
        return facts;
    }

    /// <summary>True when an empty line ends the head within the captured bytes.</summary>
    private static bool HeadEndsWithin(ReadOnlySpan<byte> message, int at)
    {
        for (int lines = 0; at < message.Length && lines < MaxLines; lines++)
        {
            int length = HttpText.FindLineEnd(message, at, desegment: false, out int next);
            if (next <= at + length)
                return false;
            if (length == 0)
                return true;
            at = next;
        }
        return false;
    }

    /// <summary>Walks a message for its facts alone.</summary>
    public static SipFacts FactsOf(ReadOnlySpan<byte> message, int reported)
    {
        var none = new DiscardItems<SipValue>();
        return Run(message, reported, ref none);
    }

    private static int OffsetIn(ReadOnlySpan<byte> outer, ReadOnlySpan<byte> inner) =>
        inner.IsEmpty ? outer.Length : (int)System.Runtime.CompilerServices.Unsafe.ByteOffset(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(outer), ref System.Runtime.InteropServices.MemoryMarshal.GetReference(inner));

    private static void Note(ref SipFacts facts, SipHeader header, ReadOnlySpan<byte> value, int valueStart, ref long contentLength)
    {
        switch (header)
        {
            case SipHeader.CSeq:
                CSeqParts(value, out _, out int method, out int methodLength);
                (facts.CSeqMethodStart, facts.CSeqMethodLength) = (valueStart + method, methodLength);
                break;
            case SipHeader.To:
                if (HasTag(value))
                    facts.ToTags++;
                break;
            case SipHeader.Contact:
                CountContacts(ref facts, value);
                break;
            case SipHeader.Expires:
                facts.ExpiresZero = value.Trim((byte)' ').SequenceEqual("0"u8);
                break;
            case SipHeader.ContentType:
                (facts.ContentTypeStart, facts.ContentTypeLength) = (valueStart, value.Length);
                break;
            case SipHeader.ContentLength:
                contentLength = SipNames.NumberOf(value);
                break;
        }
    }

    /// <summary>A ";tag=" parameter after the address (tshark's match is case sensitive).</summary>
    private static bool HasTag(ReadOnlySpan<byte> value)
    {
        int close = value.IndexOf((byte)'>');
        var parameters = close >= 0 ? value[close..] : value;
        return parameters.IndexOf(";tag="u8) >= 0;
    }

    /// <summary>Counts a Contact header's addresses (comma separated outside angle brackets and quotes), and those with expires=0.</summary>
    private static void CountContacts(ref SipFacts facts, ReadOnlySpan<byte> value)
    {
        if (value.TrimEnd((byte)' ').SequenceEqual("*"u8))
        {
            facts.ContactStar = true;
            return;
        }
        int start = 0;
        bool angle = false, quoted = false;
        for (int i = 0; i <= value.Length; i++)
        {
            if (i < value.Length)
            {
                byte b = value[i];
                if (b == '"')
                    quoted = !quoted;
                else if (!quoted && b == '<')
                    angle = true;
                else if (!quoted && b == '>')
                    angle = false;
                if (b != ',' || angle || quoted)
                    continue;
            }
            var contact = value[start..i].Trim((byte)' ');
            start = i + 1;
            if (contact.IsEmpty)
                continue;
            facts.Contacts++;
            int close = contact.IndexOf((byte)'>');
            var parameters = close >= 0 ? contact[close..] : contact;
            int expires = parameters.IndexOf(";expires="u8);
            if (expires < 0)
                facts.ContactsWithoutExpires++;
            else if (ParameterValue(parameters[(expires + 9)..]).Trim((byte)' ').SequenceEqual("0"u8))
                facts.ContactsExpiresZero++;
        }
    }

    /// <summary>False for a CSeq tshark gives the message up at: digits to the end, or digits and blanks without a method.</summary>
    private static bool CSeqIsWhole(ReadOnlySpan<byte> value)
    {
        CSeqParts(value, out int sequence, out _, out int methodLength);
        return sequence < value.Length && methodLength > 0;
    }

    /// <summary>A CSeq value's sequence number (its leading digits) and method (the rest after the blanks), as tshark splits it.</summary>
    private static void CSeqParts(ReadOnlySpan<byte> value, out int sequenceLength, out int methodStart, out int methodLength)
    {
        sequenceLength = value.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        if (sequenceLength < 0)
            sequenceLength = value.Length;
        methodStart = sequenceLength;
        while (methodStart < value.Length && value[methodStart] is (byte)' ' or (byte)'\t')
            methodStart++;
        methodLength = value.Length - methodStart;
    }

    /// <summary>The item of a header's value (<see cref="SipValue"/> lists them in <see cref="SipHeader"/>'s order).</summary>
    public static SipValue ValueOf(SipHeader header) => SipValue.FirstHeader + (header - SipHeader.From);

    /// <summary>A parameter's value: up to the next ';' or the end.</summary>
    private static ReadOnlySpan<byte> ParameterValue(ReadOnlySpan<byte> rest)
    {
        int end = rest.IndexOf((byte)';');
        return end < 0 ? rest : rest[..end];
    }

    private static bool VisitHeader<TVisitor>(ref TVisitor visitor, SipHeader header, int lineStart, int lineLength,
        ReadOnlySpan<byte> value, int valueStart)
        where TVisitor : IItemVisitor<SipValue>, allows ref struct
    {
        switch (header)
        {
            case SipHeader.Other:
                return visitor.Item(SipValue.OtherHeader, lineStart, lineLength, 0);
            case SipHeader.CSeq:
                CSeqParts(value, out int sequence, out int method, out int methodLength);
                return visitor.Item(ValueOf(SipHeader.CSeq), valueStart, value.Length, 0)
                    && (sequence == value.Length || visitor.Item(SipValue.CSeqSequence, valueStart, sequence, SipNames.NumberOf(value[..sequence])))
                    && (methodLength == 0 || visitor.Item(SipValue.CSeqMethod, valueStart + method, methodLength, 0));
            default:
                return visitor.Item(ValueOf(header), valueStart, value.Length, SipNames.IsNumeric(header) ? SipNames.NumberOf(value) : 0);
        }
    }

    /// <summary>SDP's lines "x=value" (RFC 4566), the attributes before the first media line the session's; false when the visitor stopped.</summary>
    private static bool VisitSdp<TVisitor>(ref TVisitor visitor, ReadOnlySpan<byte> body, int bodyStart, ref int budget)
        where TVisitor : IItemVisitor<SipValue>, allows ref struct
    {
        bool media = false;
        int at = 0;
        for (; at < body.Length && budget > 0; budget--)
        {
            int length = HttpText.FindLineEnd(body, at, desegment: false, out int next);
            if (next <= at)
                break;
            if (length >= 2 && body[at + 1] == '=')
            {
                SipValue? item = body[at] switch
                {
                    (byte)'v' => SipValue.SdpVersion,
                    (byte)'o' => SipValue.SdpOwner,
                    (byte)'s' => SipValue.SdpSessionName,
                    (byte)'c' => SipValue.SdpConnection,
                    (byte)'t' => SipValue.SdpTime,
                    (byte)'m' => SipValue.SdpMedia,
                    (byte)'a' => media ? SipValue.SdpMediaAttribute : SipValue.SdpSessionAttribute,
                    _ => null,
                };
                media |= body[at] == 'm';
                if (item is { } found && !visitor.Item(found, bodyStart + at + 2, length - 2, 0))
                    return false;
            }
            at = next;
        }
        return true;
    }
}
