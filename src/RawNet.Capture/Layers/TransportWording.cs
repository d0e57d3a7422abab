namespace RawNet.Capture.Layers;

/// <summary>
/// The lines a <see cref="TransportReport"/> is shown with, the same in <c>rawnet layers --experiment</c> and the UI's
/// craft screen: what was done, the packets (their summary lines come from the caller, marked &gt; from the sender and
/// &lt; from the listener), each send() and recv() call, the checksum walk-through, the header diagrams, the wire view
/// and the findings.
/// </summary>
public static class TransportWording
{
    /// <summary>The heading of the findings, the last part of every report.</summary>
    public const string FindingsHeading = "what it shows:";

    /// <summary>Every line of <paramref name="report"/>; <paramref name="summaries"/> holds each packet's summary line, in order.</summary>
    public static IEnumerable<string> Lines(TransportReport report, IReadOnlyList<string> summaries)
    {
        string where = report.Namespace is null ? $"{report.Interface} (loopback)" : $"{report.Interface} in {report.Namespace} (sent from {report.SenderNamespace})";
        yield return $"rawnet layers --experiment {TransportOptions.Name(report.Experiment)}: {(report.Ipv6 ? "IPv6" : "IPv4")}, captured on {where}";
        yield return "what was done:";
        foreach (var step in report.Steps)
            yield return "  " + step;
        yield return $"{report.Packets.Count} packet{(report.Packets.Count == 1 ? "" : "s")} captured (> from the sender, < from the listener):";
        for (int i = 0; i < report.Packets.Count; i++)
            yield return "  " + LayersWording.PacketPrefix(i + 1, report.Packets[i].Origin) + (i < summaries.Count ? summaries[i] : "");
        if (report.Sends.Count + report.Receives.Count > 0)
        {
            yield return "socket calls:";
            foreach (var call in report.Sends)
                yield return "  " + CallText("send()", call);
            foreach (var call in report.Receives)
                yield return "  " + CallText("recv()", call);
        }
        if (report.Checksum is { } walk)
        {
            foreach (var line in WalkLines(walk))
                yield return line;
        }
        foreach (var diagram in report.Diagrams ?? [])
        {
            yield return $"{diagram.Layer} header, bytes {diagram.Offset}-{diagram.Offset + diagram.Length - 1} of the frame:";
            foreach (var line in diagram.Lines)
                yield return "  " + line;
        }
        if (report.Wire is { } wire)
        {
            foreach (var line in WireLines(wire))
                yield return line;
        }
        yield return FindingsHeading;
        foreach (var finding in report.Findings)
            yield return "  " + finding;
    }

    private static string CallText(string call, SocketCall c) =>
        $"{call} {c.Socket}{(c.Peer is null ? "" : (call == "send()" ? " -> " : " <- ") + c.Peer)}: {c.Bytes} bytes{(c.Text is null ? "" : $" \"{c.Text}\"")}";

    /// <summary>The walk-through's lines: a heading, one row per 16-bit word with the running sum, and the result.</summary>
    public static IEnumerable<string> WalkLines(ChecksumWalk walk)
    {
        yield return $"{walk.Protocol.ToUpperInvariant()} checksum over {(walk.Ipv6 ? "IPv6" : "IPv4")}, by hand (RFC 1071): add the 16-bit words in one's complement "
            + "(a carry out of bit 15 is added back in: +c), then complement the sum";
        yield return "  part           word   sum      what";
        foreach (var word in walk.Words)
            yield return $"  {word.Part,-13}  {word.Value:x4}   {word.Sum:x4}{(word.Carried ? " +c" : "   ")}  {word.Meaning}";
        yield return $"  sum 0x{walk.Sum:x4}; checksum = ~sum = 0x{(ushort)~walk.Sum:x4}"
            + (walk.Protocol == "udp" && walk.Computed != (ushort)~walk.Sum ? " (0 is sent as 0xffff in UDP)" : "")
            + $"; the packet holds 0x{walk.InPacket:x4}" + (walk.Matches ? ": they match" : walk.LeftForOffload ? ": left for offload" : ": they differ");
    }

    /// <summary>The wire view's lines: every part in order with its bytes, what a capture shows of it, and the totals.</summary>
    public static IEnumerable<string> WireLines(WireView wire)
    {
        yield return "on the wire (IEEE 802.3), in order:";
        yield return "  part       bytes  in a capture";
        foreach (var share in wire.Sequence)
            yield return $"  {share.Name,-9}  {share.Bytes,5}  {(share.Captured ? "yes" : "no")}";
        yield return $"  captured {wire.Captured}, Ethernet frame {wire.EthernetFrame} ({(wire.Padding > 0 ? $"padded to {WireView.MinimumFrame}, " : "")}with the FCS), on the wire {wire.OnTheWire} byte times";
    }
}
