using System.Buffers.Binary;
using RawNet.Files.PcapNg;
using RawNet.Protocols;
using RawNet.Testing;

namespace RawNet.Files.Tests.PcapNg;

/// <summary>
/// pcapng custom blocks and the section header's custom option: written by <see cref="PcapNgWriter"/>, skipped by
/// the packet reader and by tshark, found by <see cref="PcapNgCustomData"/>, and damage refused in one line.
/// </summary>
public sealed class CustomBlockTests
{
    private const uint Pen = 32473;

    private static string WriteFile(Action<PcapNgWriter> afterPackets, bool marked = true)
    {
        (uint, string)? option = marked ? (Pen, "marker") : null;
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-custom-{Guid.NewGuid():N}.pcapng");
        using (var writer = new PcapNgWriter(File.Create(path), customOption: option))
        {
            writer.AddInterface(LinkType.Ethernet, 65535, TimestampPrecision.Nanoseconds, "rn-a");
            var frame = new byte[60];
            frame[12] = 0x88;
            frame[13] = 0xb5;   // a local experimental EtherType: no dissector complains
            for (int i = 0; i < 3; i++)
                writer.Write(new FrameMetadata(1_700_000_000_000_000_000L + i, 60, 60, LinkType.Ethernet), frame);
            afterPackets(writer);
        }
        return path;
    }

    [Fact]
    public void Blocks_and_the_marker_are_found_and_the_packets_read_as_before()
    {
        var path = WriteFile(w =>
        {
            w.WriteCustomBlock(Pen, "first"u8);
            w.WriteCustomBlock(1234, "another enterprise's"u8);
            w.WriteCustomBlock(Pen, new byte[70_000]);
        });
        try
        {
            Assert.Equal(["marker"], PcapNgCustomData.SectionOptions(path, Pen));
            Assert.Empty(PcapNgCustomData.SectionOptions(path, 1234));
            var blocks = PcapNgCustomData.Blocks(path, Pen, 1 << 20, out var damage);
            Assert.Null(damage);
            Assert.Equal(2, blocks.Count);
            // Padding to 4 bytes is part of the data handed back; the format inside says its own length.
            Assert.Equal("first"u8.ToArray(), blocks[0][..5]);
            Assert.Equal(8, blocks[0].Length);
            Assert.Equal(70_000, blocks[1].Length);
            using var reader = CaptureFileReader.Open(path);
            int packets = 0;
            while (reader.TryReadNext(out _))
                packets++;
            Assert.Equal(3, packets);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Tshark_opens_the_file_and_keeps_every_packet_and_block_in_order()
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var path = WriteFile(w => w.WriteCustomBlock(Pen, "samples"u8));
        try
        {
            var result = ExternalTool.Run(tshark, ["-r", path, "-T", "fields", "-e", "frame.number", "-e", "frame.len"]);
            Assert.True(result.ExitCode == 0, result.StdErr);
            // tshark 4.0 lists a custom block as a record of its own after the packets; the packets keep their numbers.
            Assert.StartsWith("1\t60\n2\t60\n3\t60\n", result.StdOut);
            var info = ExternalTool.Run(tshark, ["-r", path]);
            Assert.Contains("Custom Block: PEN = Example Enterprise Number for Documentation Use (32473)", info.StdOut);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_damaged_or_cut_block_ends_the_walk_with_one_line_and_a_limit_bounds_memory()
    {
        var path = WriteFile(w =>
        {
            w.WriteCustomBlock(Pen, new byte[400]);
            w.WriteCustomBlock(Pen, new byte[400]);
        });
        try
        {
            var bytes = File.ReadAllBytes(path);
            // Each block: type, length, enterprise number, 400 bytes of data, the length again.
            int last = bytes.Length - (12 + 400 + 4);
            // The last block's total length made larger than the file.
            var lying = (byte[])bytes.Clone();
            BinaryPrimitives.WriteUInt32LittleEndian(lying.AsSpan(last + 4), 1 << 20);
            File.WriteAllBytes(path, lying);
            var blocks = PcapNgCustomData.Blocks(path, Pen, 1 << 20, out var damage);
            Assert.Single(blocks);
            Assert.Equal($"{path}: block at offset {last} has a total length of 1048576, which the file cannot hold", damage);

            File.WriteAllBytes(path, bytes[..^10]);
            Assert.Single(PcapNgCustomData.Blocks(path, Pen, 1 << 20, out damage));
            Assert.StartsWith($"{path}: block at offset {last} has a total length of 416", damage);

            File.WriteAllBytes(path, bytes);
            Assert.Single(PcapNgCustomData.Blocks(path, Pen, 500, out damage));
            Assert.Equal($"{path}: more custom data than 0 MiB; the rest is not read", damage);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_pcap_file_and_a_file_without_the_marker_have_no_custom_data()
    {
        var pcap = Path.Combine(Path.GetTempPath(), $"rawnet-custom-{Guid.NewGuid():N}.pcap");
        var plain = WriteFile(_ => { }, marked: false);
        try
        {
            using (var writer = new RawNet.Files.Pcap.PcapWriter(File.Create(pcap), LinkType.Ethernet))
                writer.Write(new FrameMetadata(1, 60, 60, LinkType.Ethernet), new byte[60]);
            Assert.Empty(PcapNgCustomData.Blocks(pcap, Pen, 1 << 20, out var damage));
            Assert.Null(damage);
            Assert.Empty(PcapNgCustomData.SectionOptions(pcap, Pen));
            Assert.Empty(PcapNgCustomData.SectionOptions(plain, Pen));
            Assert.False(TcpInfoFile.IsMarked(plain));
        }
        finally
        {
            File.Delete(pcap);
            File.Delete(plain);
        }
    }
}
