using RawNet.Protocols.Decoding;
using RawNet.Protocols.Http;

namespace RawNet.Protocols.Sip;

/// <summary>
/// A SIP message's body as tshark 4.0's SIP hands it on: by its Content-Type through the media_type table (SDP, line
/// text, JSON, XML, MIME multipart with its parts, data for application/octet-stream), a type no dissector registered
/// to none (SIP does not fall back to the generic media dissector). Through <see cref="HttpBodyChain.VisitTypedBody"/>.
/// </summary>
public static class SipBody
{
    /// <summary>Appends the names of the body's dissectors after the SIP layer <paramref name="layer"/> (its captured bytes <paramref name="bytes"/>); false when they do not fit.</summary>
    public static bool TryWriteChain(in Layer layer, ReadOnlySpan<byte> bytes, Span<char> destination, ref int written)
    {
        var facts = SipWalk.FactsOf(bytes, layer.Extent);
        return !HasBody(in facts) || HttpBodyChain.TryWriteTypedBody(ContentType(facts, bytes), Body(facts, bytes), destination, ref written);
    }

    /// <summary>Walks the body's dissectors (for the columns); true when the message has none or the visitor went through.</summary>
    public static bool Visit<TVisitor>(in SipFacts facts, ReadOnlySpan<byte> bytes, ref TVisitor visitor)
        where TVisitor : IHttpBodyVisitor, allows ref struct =>
        !HasBody(in facts) || HttpBodyChain.VisitTypedBody(ContentType(facts, bytes), Body(facts, bytes), ref visitor);

    /// <summary>True when the message has a body and a Content-Type to hand it on by.</summary>
    private static bool HasBody(in SipFacts facts) => facts.BodyLength > 0 && facts.ContentTypeStart >= 0;

    private static ReadOnlySpan<byte> ContentType(SipFacts facts, ReadOnlySpan<byte> bytes) => bytes.Slice(facts.ContentTypeStart, facts.ContentTypeLength);

    private static ReadOnlySpan<byte> Body(SipFacts facts, ReadOnlySpan<byte> bytes) => bytes.Slice(facts.BodyStart, facts.BodyLength);
}
