namespace RawNet.Protocols.Http;

/// <summary>What tshark made of one run of HTTP bytes (a segment's payload, or bytes put together from several).</summary>
/// <param name="Shown">At least one message is shown in an HTTP tree.</param>
/// <param name="HeldAt">Where a message that needs more segments starts (tshark's desegment_offset), or -1.</param>
/// <param name="HeldLine">That message's first line is a start line: tshark wrote it into the Info column before asking for more.</param>
/// <param name="Fault">tshark threw on the way (a message cut by the capture or by its own lengths).</param>
/// <param name="Context">The stream's context after these messages.</param>
/// <param name="Wait">What the message that needs more waits for.</param>
/// <param name="WaitBytes">For <see cref="HttpWait.Bytes"/>: how many more bytes.</param>
/// <param name="FaultLine">tshark threw on a message whose first line it had written into the Info column, before it showed the message.</param>
/// <param name="Resume">For a message held from the first byte: where its walks stopped (see <see cref="HttpMessageReader.Resume"/>).</param>
public readonly record struct HttpSegmentReading(bool Shown, int HeldAt, bool HeldLine, HttpFault Fault, HttpStreamContext Context,
    HttpWait Wait = HttpWait.None, int WaitBytes = 0, bool FaultLine = false, HttpResume Resume = default);

/// <summary>Reads a run of HTTP bytes as a whole, message after message.</summary>
public static class HttpSegment
{
    /// <summary>
    /// Reads <paramref name="data"/> (the captured bytes of <paramref name="reported"/>) in <paramref name="context"/>;
    /// <paramref name="resume"/> is the <see cref="HttpSegmentReading.Resume"/> of the previous reading of
    /// these bytes, fewer of them, else default.
    /// </summary>
    public static HttpSegmentReading Read(ReadOnlySpan<byte> data, int reported, in HttpStreamContext context, HttpResume resume = default)
    {
        var reader = new HttpMessageReader(data, reported, context, resume: resume);
        bool shown = false;
        var fault = HttpFault.None;
        while (true)
        {
            var step = reader.Next(out var message);
            if (message.Fault != HttpFault.None)
                fault = message.Fault;
            if (step == HttpStep.Message)
            {
                shown |= message.Shown;
                continue;
            }
            bool held = step == HttpStep.NeedsMore;
            bool line = message.FirstKind != HttpMessageKind.Other;
            return new HttpSegmentReading(shown, held ? message.Start : -1, held && line, fault, reader.Context,
                message.Wait, message.WaitBytes, !held && line && message.Fault != HttpFault.None,
                held && message.Start == 0 ? reader.Resume : default);
        }
    }
}
