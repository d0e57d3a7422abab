using RawNet.Capture.Layers;
using RawNet.Files;
using RawNet.Testing;

namespace RawNet.Capture.Tests.Layers;

/// <summary>The pure parts of the transport experiments on bundled frames: the checksum walk, the header diagrams, the wire view.</summary>
public sealed class TransportPartsTests
{
    private static List<byte[]> Frames(string name)
    {
        var frames = new List<byte[]>();
        using var reader = CaptureFileReader.Open(Path.Combine(TestPaths.Captures, name));
        while (reader.TryReadNext(out var frame))
            frames.Add(frame.Data.ToArray());
        return frames;
    }

    [Theory]
    [InlineData("tcp-handshake-ipv4.pcap", 3, "tcp", 6)]
    [InlineData("tcp-handshake-ipv6.pcap", 3, "tcp", 20)]
    [InlineData("udp-exchange.pcap", 2, "udp", 6)]
    public void The_walk_of_a_good_checksum_ends_at_the_packets_value_and_a_flipped_payload_bit_does_not(string capture, int index, string protocol, int pseudoWords)
    {
        var frame = Frames(capture)[index];
        var walk = ChecksumWalk.Of(frame)!;
        Assert.Equal(protocol, walk.Protocol);
        Assert.True(walk.Matches, $"computed 0x{walk.Computed:x4}, in the packet 0x{walk.InPacket:x4}");
        Assert.Equal(walk.Computed, walk.LibraryValue);
        Assert.Equal(pseudoWords, walk.Words.Count(w => w.Part == "pseudo-header"));
        Assert.Equal(walk.Sum, walk.Words[^1].Sum);
        // Every running sum is the one before plus the word, the carry out of bit 15 added back.
        ushort sum = 0;
        foreach (var word in walk.Words)
        {
            uint next = (uint)sum + word.Value;
            sum = (ushort)(next > 0xFFFF ? (next & 0xFFFF) + 1 : next);
            Assert.Equal(sum, word.Sum);
            Assert.Equal(next > 0xFFFF, word.Carried);
        }

        frame[^1] ^= 0x01;
        var damaged = ChecksumWalk.Of(frame)!;
        Assert.False(damaged.Matches);
        Assert.Equal(damaged.Computed, damaged.LibraryValue);
    }

    [Fact]
    public void A_fragment_after_the_first_and_a_frame_without_ip_have_no_walk()
    {
        Assert.Null(ChecksumWalk.Of(new byte[60]));
        var fragments = Frames("ip-fragments.pcap");
        Assert.Contains(fragments, f => ChecksumWalk.Of(f) is null);
    }

    [Fact]
    public void The_fcs_is_ieee_crc32_and_a_short_frame_is_padded_to_60_and_takes_84_byte_times()
    {
        // The CRC-32 check value of "123456789".
        Assert.Equal(0xCBF43926u, RawNet.Protocols.Checksums.Crc32.Compute("123456789"u8));
        var view = WireView.Of(new byte[44], [("eth", 14), ("ip", 20), ("udp", 8), ("data", 2)]);
        Assert.Equal(16, view.Padding);
        Assert.Equal(64, view.EthernetFrame);
        Assert.Equal(84, view.OnTheWire);
        Assert.Equal(RawNet.Protocols.Checksums.Crc32.Compute(new byte[60]), view.Fcs);
        Assert.Equal(84, view.Sequence.Sum(s => s.Bytes));
        var full = WireView.Of(new byte[1514], [("eth", 14), ("data", 1500)]);
        Assert.Equal(0, full.Padding);
        Assert.Equal(1538, full.OnTheWire);
        Assert.DoesNotContain(full.Sequence, s => s.Name == "padding");
    }

    [Fact]
    public void Diagrams_are_32_bits_to_a_row_and_hold_the_headers_values()
    {
        var syn = Frames("tcp-handshake-ipv4.pcap")[0];
        var ip = HeaderDiagram.Draw("ip", syn.AsSpan(14, 20))!;
        var tcp = HeaderDiagram.Draw("tcp", syn.AsSpan(34))!;
        foreach (var line in ip.Concat(tcp).Skip(2).Where(l => !l.StartsWith(' ')))
            Assert.Equal(65, line.Length);
        Assert.Contains("|                   Source Address=198.18.0.1                   |", ip);
        Assert.Contains(tcp, l => l.Contains("Flags=......S.", StringComparison.Ordinal));
        // The SYN's 20 bytes of options take five rows of one box.
        Assert.Contains(tcp, l => l.Contains("Options = 020405b4", StringComparison.Ordinal));
        Assert.Equal(2 + 1 + 2 * 5 + 2 * 5, tcp.Count);
        Assert.Null(HeaderDiagram.Draw("eth", syn));
        Assert.Null(HeaderDiagram.Draw("tcp", syn.AsSpan(34, 10)));
        var v6 = HeaderDiagram.Draw("ipv6", Frames("tcp-handshake-ipv6.pcap")[0].AsSpan(14, 40))!;
        Assert.Equal(2 + 1 + 2 * 2 + 2 * 4 * 2, v6.Count);
    }
}
