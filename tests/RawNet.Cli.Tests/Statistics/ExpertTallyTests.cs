using System.Buffers.Binary;
using System.Text;
using RawNet.Files;
using RawNet.Files.Pcap;
using RawNet.Output.Statistics;
using RawNet.Protocols;

namespace RawNet.Cli.Tests.Statistics;

/// <summary>
/// <c>stats --expert</c>'s table of items that quote the packet (HTTP's chat on each request line): one entry per
/// distinct text, and at most <see cref="ExpertTally.MaxQuotedTexts"/> of them however many distinct lines a capture has.
/// </summary>
public sealed class ExpertTallyTests
{
    [Fact]
    public void Distinct_request_lines_past_the_cap_are_not_listed()
    {
        int requests = ExpertTally.MaxQuotedTexts + 500;
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-expert-tally-{Guid.NewGuid():N}.pcap");
        try
        {
            using (var writer = PcapWriter.Create(path, LinkType.Ethernet))
            {
                uint seq = 1000;
                for (int i = 0; i < requests; i++)
                {
                    // every line distinct, and the first one twice: counted under one entry
                    var payload = Encoding.ASCII.GetBytes($"GET /{(i == 1 ? 0 : i)} HTTP/1.1\r\nHost: h\r\n\r\n");
                    var frame = Segment(payload, seq);
                    seq += (uint)payload.Length;
                    writer.Write(new FrameMetadata(1_700_000_000_000_000_000 + i * 1_000_000L, frame.Length, frame.Length, LinkType.Ethernet), frame);
                }
            }
            var (code, stdout, stderr) = InProcessRawNet.Run("stats", path, "--expert");
            Assert.True(code == 0, stderr);
            var chats = stdout.Split('\n').Where(l => l.Contains("  GET /", StringComparison.Ordinal)).ToList();
            Assert.Equal(ExpertTally.MaxQuotedTexts, chats.Count);
            Assert.Contains(chats, l => l.TrimStart().StartsWith("2 ", StringComparison.Ordinal) && l.EndsWith(@"GET /0 HTTP/1.1\r\n", StringComparison.Ordinal));
            Assert.DoesNotContain(chats, l => l.EndsWith($"GET /{ExpertTally.MaxQuotedTexts + 1} HTTP/1.1\\r\\n", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Counting_texts_met_before_allocates_nothing()
    {
        var frames = new List<(byte[] Data, FrameMetadata Metadata)>();
        foreach (var file in new[] { "http/http-cases.pcap", "sip/sip-cases.pcap" })
        {
            using var reader = CaptureFileReader.Open(Path.Combine(RawNet.Testing.TestPaths.Captures, file));
            while (reader.TryReadNext(out var frame))
                frames.Add((frame.Data.ToArray(), frame.Metadata));
        }
        var decoder = new RawNet.Protocols.Decoding.PacketDecoder(new RawNet.Protocols.Decoding.DecoderOptions(Defragment: false));
        var packet = new RawNet.Protocols.Decoding.DecodedPacket();
        var tracker = new RawNet.Protocols.Conversations.ConversationTracker();
        var tally = new ExpertTally();
        void Pass()
        {
            for (int i = 0; i < frames.Count; i++)
            {
                decoder.Decode(frames[i].Data, frames[i].Metadata, i + 1, packet);
                tracker.Analyze(packet, frames[i].Data);
                tally.Add(packet, frames[i].Data);
            }
        }
        Assert.Equal(0, AllocationTests.SteadyStateAllocation(Pass, 5));
        Assert.Contains(tally.Entries(ExpertSeverity.Chat), e => e.Summary == @"HTTP/1.1 200 OK\r\n");
        Assert.Contains(tally.Entries(ExpertSeverity.Note), e => e.Summary == "Unrecognised SIP header (x-nt-corr-id)");
    }

    /// <summary>An Ethernet, IPv4 and TCP frame from 10.0.0.1:40000 to 10.0.0.2:80 carrying <paramref name="payload"/>.</summary>
    private static byte[] Segment(byte[] payload, uint seq)
    {
        var frame = new byte[14 + 20 + 20 + payload.Length];
        frame[0] = 2;
        frame[6] = 2;
        frame[11] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        var ip = frame.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(40 + payload.Length));
        ip[8] = 64;
        ip[9] = 6;
        ip[12] = 10; ip[15] = 1;
        ip[16] = 10; ip[19] = 2;
        uint sum = 0;
        for (int i = 0; i < 20; i += 2)
            sum += BinaryPrimitives.ReadUInt16BigEndian(ip[i..]);
        while (sum > 0xFFFF)
            sum = (sum & 0xFFFF) + (sum >> 16);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], (ushort)~sum);
        var tcp = frame.AsSpan(34);
        BinaryPrimitives.WriteUInt16BigEndian(tcp, 40000);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], 80);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], seq);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], 1);
        tcp[12] = 0x50;
        tcp[13] = 0x18;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], 65535);
        payload.CopyTo(tcp[20..]);
        return frame;
    }
}
