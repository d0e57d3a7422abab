using System.Runtime.InteropServices;
using RawNet.Capture.Ring;
using RawNet.Protocols;

namespace RawNet.Capture.Tests.Ring;

/// <summary>Records whose length, bytes and metadata all derive from a sequence number, so a reader can check each one alone.</summary>
internal static class RingPattern
{
    /// <summary>The longest data <see cref="Length"/> returns.</summary>
    public const int MaxLength = 64;

    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>Data length of record <paramref name="sequence"/>: 0..64, scattered.</summary>
    public static int Length(long sequence) => (int)(((ulong)sequence * Golden >> 40) % (MaxLength + 1));

    /// <summary>Metadata of record <paramref name="sequence"/>; the timestamp is the sequence itself.</summary>
    public static FrameMetadata Metadata(long sequence, int length) => new(
        sequence, length, length + (int)(sequence & 0xFFF), (sequence & 1) == 0 ? LinkType.Ethernet : LinkType.LinuxSll2,
        (int)(sequence % 5), (PacketDirection)(sequence % 3));

    /// <summary>Fills <paramref name="data"/> with record <paramref name="sequence"/>'s bytes.</summary>
    public static void Fill(long sequence, Span<byte> data)
    {
        // CoreLib's Fill and CopyTo do the byte work, so the check stays fast in unoptimized Debug builds too.
        Span<ulong> words = stackalloc ulong[MaxLength / 8];
        words.Fill(Word(sequence));
        MemoryMarshal.AsBytes(words)[..data.Length].CopyTo(data);
    }

    /// <summary>Null when <paramref name="record"/> is exactly record <paramref name="sequence"/>, else what differs.</summary>
    public static string? Check(long sequence, in RingRecord record)
    {
        if (record.TimestampNanoseconds != sequence)
            return $"expected record {sequence}, got {record.TimestampNanoseconds}";
        int length = Length(sequence);
        var expected = Metadata(sequence, length);
        if (record.CapturedLength != length || record.OriginalLength != expected.OriginalLength || record.LinkType != expected.LinkType
            || record.InterfaceId != expected.InterfaceId || record.Direction != expected.Direction)
            return $"record {sequence}: metadata {record.Metadata} differs from {expected}";
        Span<ulong> words = stackalloc ulong[MaxLength / 8];
        words.Fill(Word(sequence));
        if (!record.Data.SequenceEqual(MemoryMarshal.AsBytes(words)[..length]))
            return $"record {sequence}: data {Convert.ToHexString(record.Data)} differs";
        return null;
    }

    /// <summary>Writes record <paramref name="sequence"/> without blocking; false when the ring refused it.</summary>
    public static bool TryWrite(PacketRing ring, long sequence)
    {
        int length = Length(sequence);
        Span<byte> data = stackalloc byte[MaxLength];
        Fill(sequence, data[..length]);
        return ring.TryWrite(Metadata(sequence, length), data[..length]);
    }

    private static ulong Word(long sequence) => (ulong)sequence * Golden ^ 0xA5A5A5A5A5A5A5A5UL;
}
