using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RawNet.Capture.Ring;
using RawNet.Protocols;

namespace RawNet.Capture.Tests.Ring;

public sealed class RingLayoutTests
{
    private const int Separation = 128;

    [Fact]
    public void Producer_fields_share_one_line_padded_by_128_bytes_on_each_side()
    {
        var offsets = FieldOffsets<ProducerCursor>();
        Assert.Equal(128, offsets[nameof(ProducerCursor.Published)]);
        foreach (var (name, offset) in offsets)
            Assert.True(offset >= Separation && offset + 8 <= 2 * Separation, $"{name} at {offset} is outside the padded line");
        Assert.Equal(3 * Separation, Unsafe.SizeOf<ProducerCursor>());
        Assert.Equal(3 * Separation, Marshal.SizeOf<ProducerCursor>());
    }

    [Fact]
    public void Consumer_position_has_a_line_of_its_own()
    {
        var offsets = FieldOffsets<ConsumerCursor>();
        int position = offsets[nameof(ConsumerCursor.Position)];
        Assert.Equal(128, position);
        foreach (var (name, offset) in offsets.Where(f => f.Key != nameof(ConsumerCursor.Position)))
            Assert.True(offset - position >= Separation, $"{name} at {offset} is within {Separation} bytes of Position");
        int size = Unsafe.SizeOf<ConsumerCursor>();
        Assert.True(size - offsets.Values.Max() - 8 >= Separation - 8, $"only {size - offsets.Values.Max() - 8} bytes of trailing padding");
        Assert.Equal(4 * Separation, size);
    }

    [Fact]
    public void Measured_addresses_in_live_objects_keep_the_separation()
    {
        var ring = new PacketRing(4096, RingPolicy.Lossy);
        var consumer = ring.AddConsumer("c");

        ref byte producerStart = ref Unsafe.As<ProducerCursor, byte>(ref ring.Producer);
        ref byte published = ref Unsafe.As<long, byte>(ref ring.Producer.Published);
        Assert.Equal(128, (int)Unsafe.ByteOffset(ref producerStart, ref published));

        ref byte consumerStart = ref Unsafe.As<ConsumerCursor, byte>(ref consumer.Cursor);
        ref byte position = ref Unsafe.As<long, byte>(ref consumer.Cursor.Position);
        ref byte next = ref Unsafe.As<long, byte>(ref consumer.Cursor.Next);
        Assert.Equal(128, (int)Unsafe.ByteOffset(ref consumerStart, ref position));
        Assert.True(Unsafe.ByteOffset(ref position, ref next) >= Separation);
    }

    [Fact]
    public unsafe void Arena_is_cache_line_aligned()
    {
        var ring = new PacketRing(4096, RingPolicy.Lossy);
        Assert.Equal(0, (long)ring.Base % 64);
    }

    [Fact]
    public void Record_header_is_24_bytes_with_the_length_first()
    {
        Assert.Equal(24, Unsafe.SizeOf<RecordHeader>());
        Assert.Equal(0, (int)Marshal.OffsetOf<RecordHeader>(nameof(RecordHeader.CapturedLength)));
        Assert.Equal(RecordHeader.Field.TimestampNanoseconds, (int)Marshal.OffsetOf<RecordHeader>(nameof(RecordHeader.TimestampNanoseconds)));
        Assert.Equal(24, RecordHeader.RecordLength(0));
        Assert.Equal(32, RecordHeader.RecordLength(1));
        Assert.Equal(32, RecordHeader.RecordLength(8));
        Assert.Equal(40, RecordHeader.RecordLength(9));
    }

    [Fact]
    public unsafe void Header_written_as_three_words_reads_back_field_by_field_over_garbage()
    {
        byte* record = stackalloc byte[RecordHeader.Length];
        new Span<byte>(record, RecordHeader.Length).Fill(0xA5);
        var metadata = new FrameMetadata(-0x0123_4567_89AB_CDEF, 7, 0x7ABC_DEF0, LinkType.LinuxSll2, -2, PacketDirection.Outbound);

        RecordHeader.Write(record, metadata, 1_000_000);

        ref var header = ref Unsafe.AsRef<RecordHeader>(record);
        Assert.Equal(1_000_000, header.CapturedLength);
        Assert.Equal(metadata.OriginalLength, header.OriginalLength);
        Assert.Equal(metadata.TimestampNanoseconds, header.TimestampNanoseconds);
        Assert.Equal(metadata.InterfaceId, header.InterfaceId);
        Assert.Equal((ushort)LinkType.LinuxSll2, header.LinkType);
        Assert.Equal((byte)PacketDirection.Outbound, header.Direction);
        Assert.Equal(0, record[RecordHeader.Field.Direction + 1]); // reserved: no garbage left behind
    }

    private static Dictionary<string, int> FieldOffsets<T>() =>
        typeof(T).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .ToDictionary(f => f.Name, f => (int)Marshal.OffsetOf<T>(f.Name));
}
