using System.Globalization;
using RawNet.Files;
using RawNet.Output.Graphs;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Graphs;

/// <summary>Reads a capture through the decoder and the conversation tracker into a stream's segments, as rawnet graph does.</summary>
internal static class StreamCapture
{
    public static TcpStreamSegments Segments(string path, uint stream, int maxSegments = TcpStreamSegments.DefaultMaxSegments)
    {
        var segments = new TcpStreamSegments(stream, maxSegments);
        using var reader = CaptureFileReader.Open(path);
        var decoder = new PacketDecoder(new DecoderOptions(Defragment: true, VerifyChecksums: true));
        var packet = new DecodedPacket();
        var tracker = new ConversationTracker();
        long number = 0;
        while (reader.TryReadNext(out var frame))
        {
            decoder.Decode(frame.Data, frame.Metadata, ++number, packet);
            tracker.Analyze(packet, frame.Data);
            segments.Add(packet, frame.Data);
        }
        return segments;
    }

    /// <summary>Every capture in captures/ and captures/tcp-analysis/ with at least one TCP stream, relative to captures/.</summary>
    public static TheoryData<string> WithTcp()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "", "tcp-analysis" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Captures, folder), "*.pcap").Order(StringComparer.Ordinal))
            {
                if (Segments(file, 0).Count > 0)
                    data.Add(Path.GetRelativePath(TestPaths.Captures, file));
            }
        }
        return data;
    }
}

/// <summary>One TCP segment as tshark prints it (the first TCP layer of the frame; a quoted one in an ICMP error is not it).</summary>
internal sealed record TsharkSegment(uint Frame, double Time, uint Stream, string Source, uint Seq, uint Ack, uint Length, uint Window,
    double? AckRtt, uint? BytesInFlight, bool Ack_, bool SynOrRst, uint[] SackLeft, uint[] SackRight)
{
    public static readonly string[] Fields =
    [
        "frame.number", "frame.time_relative", "tcp.stream", "ip.src", "ipv6.src", "tcp.srcport", "tcp.seq", "tcp.ack", "tcp.len",
        "tcp.window_size", "tcp.analysis.ack_rtt", "tcp.analysis.bytes_in_flight", "tcp.flags.ack", "tcp.flags.syn", "tcp.flags.reset",
        "tcp.options.sack_le", "tcp.options.sack_re",
    ];

    /// <summary>TCP segments, not TCP headers quoted in ICMP errors.</summary>
    private const string Filter = "tcp && !icmp && !icmpv6";

    /// <summary>
    /// tshark's view of every TCP segment of <paramref name="path"/>, from one run. Each field is read at its first
    /// occurrence (the frame's own TCP header, as <c>-E occurrence=f</c> would give; none of these values holds a comma,
    /// tshark's separator between occurrences), but <c>tcp.options.sack_*</c> at every occurrence: one a SACK block.
    /// </summary>
    public static List<TsharkSegment> Read(string path)
    {
        string tshark = ExternalTool.Require("tshark", "tshark");
        var arguments = new List<string> { "-n", "-r", path, "-Y", Filter, "-T", "fields" };
        foreach (var field in Fields)
            arguments.AddRange(["-e", field]);
        var result = ExternalTool.Run(tshark, arguments);
        Assert.True(result.ExitCode == 0, result.StdErr);
        var rows = new List<TsharkSegment>();
        foreach (var line in result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var all = line.Split('\t');
            var f = all.Select(value => value.Split(',')[0]).ToArray();
            // A header cut short (snaplen) has no length or window: rawnet graph leaves it out too.
            if (f[6].Length == 0 || f[8].Length == 0 || f[9].Length == 0)
                continue;
            rows.Add(new TsharkSegment(uint.Parse(f[0]), double.Parse(f[1], CultureInfo.InvariantCulture), uint.Parse(f[2]),
                (f[3].Length > 0 ? f[3] : f[4]) + ":" + f[5], uint.Parse(f[6]), f[7].Length > 0 ? uint.Parse(f[7]) : 0, uint.Parse(f[8]),
                uint.Parse(f[9]), f[10].Length > 0 ? double.Parse(f[10], CultureInfo.InvariantCulture) : null,
                f[11].Length > 0 ? uint.Parse(f[11]) : null, f[12] is "1" or "True", f[13] is "1" or "True" || f[14] is "1" or "True",
                Blocks(all[15]), Blocks(all[16])));
        }
        return rows;
    }

    private static uint[] Blocks(string occurrences) => occurrences.Length == 0 ? [] : [.. occurrences.Split(',').Select(uint.Parse)];
}
