using System.Text;
using RawNet.Capture.Lab.Traffic;

namespace RawNet.Capture.Tests.Lab;

/// <summary>The bytes of a lab transfer: the line-at-a-time pattern against the plain definition, byte by byte.</summary>
public sealed class TransferPatternTests
{
    /// <summary>The definition, written the slow and obvious way: line n is its text, dots to 63 bytes, and a newline.</summary>
    private static byte Expected(string word, long offset)
    {
        var text = $"rawnet lab {word} line {offset / 64 + 1:D7} ";
        var line = (text.Length > 63 ? text[..63] : text).PadRight(63, '.') + "\n";
        return (byte)line[(int)(offset % 64)];
    }

    [Theory]
    [InlineData(TrafficKind.Upload, 0L, 64)]
    [InlineData(TrafficKind.Upload, 0L, 65536)]
    [InlineData(TrafficKind.Download, 17L, 1)]
    [InlineData(TrafficKind.Download, 63L, 2)]
    [InlineData(TrafficKind.Upload, 1000L, 5000)]
    // Past line 9,999,999 the number takes eight digits and more; the line still ends at 64 bytes.
    [InlineData(TrafficKind.Upload, 64L * 9_999_990, 2000)]
    [InlineData(TrafficKind.Download, 64L * 123_456_789_012 + 5, 300)]
    public void Fill_writes_the_pattern_at_any_offset(TrafficKind kind, long offset, int length)
    {
        var pattern = new TransferPattern(kind);
        var bytes = new byte[length];
        pattern.Fill(bytes, offset);
        var word = TrafficOptions.WordOf(kind);
        for (var i = 0; i < length; i++)
            Assert.True(Expected(word, offset + i) == bytes[i], $"byte {offset + i}: {(char)bytes[i]} where {(char)Expected(word, offset + i)} belongs");
        Assert.True(pattern.Matches(bytes, offset));
    }

    [Fact]
    public void Matches_finds_any_single_changed_byte_and_a_shifted_stream()
    {
        var pattern = new TransferPattern(TrafficKind.Upload);
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var offset = (long)random.Next(0, 1 << 30);
            var bytes = new byte[random.Next(1, 3000)];
            pattern.Fill(bytes, offset);
            Assert.True(pattern.Matches(bytes, offset));
            var at = random.Next(bytes.Length);
            bytes[at] ^= (byte)(1 << random.Next(8));
            Assert.False(pattern.Matches(bytes, offset), $"byte {at} of {bytes.Length} changed at offset {offset}");
        }
        var line = Encoding.ASCII.GetBytes("rawnet lab upload line 0000002 " + new string('.', 32) + "\n");
        Assert.True(pattern.Matches(line, 64));
        Assert.False(pattern.Matches(line, 0));
    }

    [Fact]
    public void Neither_fill_nor_check_allocates()
    {
        var pattern = new TransferPattern(TrafficKind.Upload);
        var bytes = new byte[65536];
        pattern.Fill(bytes, 12345);
        pattern.Matches(bytes, 12345);
        var before = GC.GetAllocatedBytesForCurrentThread();
        pattern.Fill(bytes, 12345);
        Assert.True(pattern.Matches(bytes, 12345));
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
