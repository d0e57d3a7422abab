using RawNet.Output.Summary;
using RawNet.Protocols;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Tcp;

namespace RawNet.Output.Statistics;

/// <summary>Writes <see cref="CaptureStatistics"/> as the text report of <c>rawnet stats</c>.</summary>
public static class StatisticsPrinter
{
    /// <summary>How many conversations of each transport are listed.</summary>
    public const int TopConversations = 10;

    /// <summary>Column where the frame and byte counts of the hierarchy start (tshark's layout).</summary>
    private const int HierarchyColumn = 41;

    /// <summary>Writes the report for <paramref name="fileName"/>.</summary>
    public static void Print(CaptureStatistics stats, string fileName, TextWriter output)
    {
        var line = new TextLine();
        output.WriteLine("File: " + fileName);
        output.WriteLine($"Packets: {stats.Packets}");
        output.WriteLine($"Bytes: {stats.Bytes} on the wire, {stats.CapturedBytes} captured");
        if (stats.Packets > 0)
        {
            line.Append("Time (UTC): ");
            AppendTimestamp(line, stats.FirstTimestamp);
            line.Append(" to ");
            AppendTimestamp(line, stats.LastTimestamp);
            line.WriteLineTo(output);
        }
        output.WriteLine("Link types: " + (stats.LinkTypes.Count == 0 ? "none"
            : string.Join(", ", stats.LinkTypes.Select(l => $"{LinkTypeNames.Name(l.Key)} ({(int)l.Key}): {l.Value} packets"))));
        output.WriteLine();

        output.WriteLine("Protocol hierarchy (frames and bytes containing each protocol, as tshark -z io,phs):");
        foreach (var node in stats.Hierarchy.Children)
            PrintNode(node, line, output);
        output.WriteLine();

        PrintConversations("TCP", stats.TcpConversations, line, output);
        PrintConversations("UDP", stats.UdpConversations, line, output);

        if (stats.Analysed)
            PrintAnalysis(stats, output);

        output.WriteLine("Checksum errors: " + Counts(stats.ChecksumErrors));
        if (stats.ChecksumsOffloaded.Count > 0)
            output.WriteLine("Checksums left to the NIC (offload, not errors): " + Counts(stats.ChecksumsOffloaded));
        output.WriteLine($"Decoding: {stats.Truncated} truncated, {stats.Malformed} malformed, {stats.Unsupported} not fully decoded");
    }

    /// <summary>
    /// Streams, and how many segments the TCP analysis flagged with each finding, under the display-filter name that
    /// selects them (tcp.analysis.NAME), warnings first as Wireshark's expert information orders them.
    /// </summary>
    private static void PrintAnalysis(CaptureStatistics stats, TextWriter output)
    {
        output.WriteLine($"Streams: tcp {stats.TcpStreams}, udp {stats.UdpStreams}");
        var findings = new List<string>();
        foreach (var severity in new[] { ExpertSeverity.Warning, ExpertSeverity.Note, ExpertSeverity.Chat })
        {
            foreach (var flag in Enum.GetValues<TcpAnalysisFlags>())
            {
                if (flag == TcpAnalysisFlags.None || flag.Severity() != severity)
                    continue;
                // As the display filter counts: tcp.analysis.retransmission is on fast and spurious ones too.
                long count = stats.TcpAnalysisCount(flag) + (flag == TcpAnalysisFlags.Retransmission
                    ? stats.TcpAnalysisCount(TcpAnalysisFlags.FastRetransmission) + stats.TcpAnalysisCount(TcpAnalysisFlags.SpuriousRetransmission)
                    : 0);
                if (count > 0)
                    findings.Add($"{TcpFields.AnalysisFlagField(flag).Name["tcp.analysis.".Length..]} {count}");
            }
        }
        output.WriteLine("TCP analysis (segments flagged, tcp.analysis.*): " + (findings.Count == 0 ? "none" : string.Join(", ", findings)));
        output.WriteLine();
    }

    private static string Counts(IReadOnlyDictionary<string, long> perProtocol) => perProtocol.Count == 0 ? "none"
        : string.Join(", ", perProtocol.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value}"));

    private static void PrintNode(ProtocolNode node, TextLine line, TextWriter output)
    {
        int start = line.Length;
        line.Pad(node.Depth * 2);
        line.Append(node.Name);
        line.PadTo(start, HierarchyColumn);
        line.Append("frames:");
        line.Append(node.Frames);
        line.Append(" bytes:");
        line.Append(node.Bytes);
        line.WriteLineTo(output);
        foreach (var child in node.Children)
            PrintNode(child, line, output);
    }

    private static void PrintConversations(string name, IReadOnlyDictionary<ConversationKey, ConversationTotals> conversations, TextLine line, TextWriter output)
    {
        if (conversations.Count == 0)
        {
            output.WriteLine($"{name} conversations: none");
            output.WriteLine();
            return;
        }
        output.WriteLine(conversations.Count > TopConversations
            ? $"Top {TopConversations} of {conversations.Count} {name} conversations (by bytes, both directions):"
            : $"{name} conversations (by bytes, both directions):");
        var top = CaptureStatistics.Top(conversations, TopConversations);
        int width = 0;
        foreach (var (key, _) in top)
        {
            AppendEndpoints(line, key);
            width = Math.Max(width, line.Length);
            line.Clear();
        }
        foreach (var (key, totals) in top)
        {
            AppendEndpoints(line, key);
            line.PadTo(0, width + 2);
            line.Append("packets:");
            line.Append(totals.Packets);
            line.Append(" bytes:");
            line.Append(totals.Bytes);
            line.WriteLineTo(output);
        }
        output.WriteLine();
    }

    private static void AppendEndpoints(TextLine line, ConversationKey key)
    {
        line.Append("  ");
        AppendEndpoint(line, key.Family, key.AddressA, key.PortA);
        line.Append(" <-> ");
        AppendEndpoint(line, key.Family, key.AddressB, key.PortB);
    }

    /// <summary>Writes one endpoint as "198.18.0.1:80" or "[2001:db8::1]:80".</summary>
    private static void AppendEndpoint(TextLine line, byte family, UInt128 address, ushort port)
    {
        Span<byte> bytes = stackalloc byte[16];
        var written = ConversationKey.Write(family, address, bytes);
        if (family == ConversationKey.Ipv6)
        {
            line.Append('[');
            line.AppendIpv6(written);
            line.Append(']');
        }
        else
            line.AppendIpv4(written);
        line.Append(':');
        line.Append(port);
    }

    private static void AppendTimestamp(TextLine line, long nanoseconds)
    {
        var date = DateTime.UnixEpoch.AddTicks(Math.DivRem(nanoseconds, 1_000_000_000, out _) * TimeSpan.TicksPerSecond);
        line.Append(date.ToString("yyyy-MM-dd ", System.Globalization.CultureInfo.InvariantCulture));
        SummaryPrinter.AppendTimeOfDay(line, nanoseconds);
    }
}
