using RawNet.Files.Pcap;
using RawNet.Files.PcapNg;
using RawNet.Protocols;
using static RawNet.Files.Tests.CaptureReading;

namespace RawNet.Files.Tests;

/// <summary>
/// A disk that fills up while a capture is written: the writer reports the failure, the file ends on its last whole
/// record (readable without damage) and nothing is written after the failure, not even when the writer is disposed.
/// </summary>
public sealed class FullDiskTests
{
    public static TheoryData<string, int> Disks()
    {
        var data = new TheoryData<string, int>();
        // Full inside the file header, on a record boundary, inside a record's header and inside its data; after many
        // records and after more than one buffer's worth.
        foreach (var format in (string[])["pcap", "pcapng"])
        {
            foreach (int capacity in (int[])[10, 24 + 3 * 116, 24 + 3 * 116 + 7, 24 + 3 * 116 + 40, 100_000, 700_000])
                data.Add(format, capacity);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Disks))]
    public void A_full_disk_leaves_whole_records_and_stops_every_later_write(string format, int capacity)
    {
        var disk = new FullDiskStream(capacity);
        var frame = new byte[100];
        new Random(capacity).NextBytes(frame);
        var metadata = new FrameMetadata(1_700_000_000_000_000_000, frame.Length, frame.Length, LinkType.Ethernet);
        var writer = Open(format, disk);

        IOException? failure = null;
        int attempted = 0;
        // Bounded: 10,000 records of 116 to 132 bytes overflow every capacity above.
        for (; attempted < 10_000 && failure is null; attempted++)
        {
            try
            {
                writer.Write(metadata with { TimestampNanoseconds = metadata.TimestampNanoseconds + attempted }, frame);
                if (attempted % 1000 == 999)
                    writer.Flush();
            }
            catch (IOException e)
            {
                failure = e;
            }
        }

        Assert.NotNull(failure);
        Assert.Equal(28, failure.HResult);
        long kept = writer.PacketsWritten;
        Assert.InRange(kept, 0, attempted - 1);
        // Nothing more: a write, a flush and the dispose all leave the file as it is.
        var before = disk.ToArray();
        Assert.Throws<IOException>(() => writer.Write(metadata, frame));
        Assert.Throws<IOException>(writer.Flush);
        writer.Dispose();
        Assert.Equal(0, disk.WritesAfterFailure);
        Assert.Equal(before, disk.ToArray());

        if (before.Length == 0)
        {
            // Not even the file header fit: the file is empty rather than a header cut short.
            Assert.Equal(0, kept);
            return;
        }
        var (read, error) = ReadAll(before);
        Assert.Null(error);
        Assert.Equal(kept, read.Count);
        Assert.All(read, f => Assert.Equal(frame, f.Data));
    }

    private static IWriter Open(string format, Stream disk)
    {
        if (format == "pcap")
            return new Pcap(new PcapWriter(disk, LinkType.Ethernet, leaveOpen: true));
        var pcapNg = new PcapNgWriter(disk, leaveOpen: true);
        pcapNg.AddInterface(LinkType.Ethernet, name: "eth0");
        return new PcapNg(pcapNg);
    }

    private interface IWriter : IDisposable
    {
        void Write(FrameMetadata metadata, byte[] data);
        void Flush();
        long PacketsWritten { get; }
    }

    private sealed class Pcap(PcapWriter writer) : IWriter
    {
        public void Write(FrameMetadata metadata, byte[] data) => writer.Write(metadata, data);
        public void Flush() => writer.Flush();
        public long PacketsWritten => writer.PacketsWritten;
        public void Dispose() => writer.Dispose();
    }

    private sealed class PcapNg(PcapNgWriter writer) : IWriter
    {
        public void Write(FrameMetadata metadata, byte[] data) => writer.Write(metadata, data);
        public void Flush() => writer.Flush();
        public long PacketsWritten => writer.PacketsWritten;
        public void Dispose() => writer.Dispose();
    }
}
