using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RawNet.Protocols.Checksums;

/// <summary>
/// The one's-complement Internet checksum (RFC 1071) and the IPv4/IPv6 pseudo-headers that TCP, UDP and ICMPv6 cover.
/// The one place in RawNet that sums 16-bit words.
/// </summary>
public static class InternetChecksum
{
    /// <summary>Adds <paramref name="data"/> to a running 32-bit-folded sum, as big-endian 16-bit words (an odd last byte is padded with zero).</summary>
    public static ulong Add(ulong sum, ReadOnlySpan<byte> data)
    {
        ref byte start = ref MemoryMarshal.GetReference(data);
        int i = 0;
        int n = data.Length;
        if (BitConverter.IsLittleEndian && n >= VectorMinimum && Vector128.IsHardwareAccelerated)
        {
            // The bulk as little-endian 16-bit words in vector lanes, with no byte swaps: the same bytes read
            // big-endian sum to that sum folded to 16 bits with its two bytes swapped (a swap multiplies by 256 modulo
            // 0xFFFF), and the fold is 0 only when every byte is, as the big-endian sum would be.
            sum += BinaryPrimitives.ReverseEndianness(Fold(SumNative(ref start, n, out int done)));
            // Through a second local: an 'out' local lives in memory, and the loops below would reload it every step.
            i = done;
        }
        // Sum 32-bit big-endian words into a 64-bit accumulator: the one's-complement sum is byte-order independent
        // as long as we fold consistently, and 4 bytes at a time is twice as fast as 2.
        for (; i + 16 <= n; i += 16)
        {
            sum += BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, i)));
            sum += BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, i + 4)));
            sum += BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, i + 8)));
            sum += BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, i + 12)));
        }
        for (; i + 4 <= n; i += 4)
            sum += BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, i)));
        for (; i + 2 <= n; i += 2)
            sum += (uint)(Unsafe.Add(ref start, i) << 8 | Unsafe.Add(ref start, i + 1));
        if (i < n)
            sum += (uint)(Unsafe.Add(ref start, i) << 8);
        return sum;
    }

    /// <summary>Below this many bytes the scalar loop is cheaper than setting up and folding the vector sum.</summary>
    private const int VectorMinimum = 64;

    /// <summary>Bytes summed in 32-bit lanes before they are widened into the total (see <see cref="SumNative"/>).</summary>
    private const int ChunkBytes = 256 * 1024;

    /// <summary>
    /// Sums the 16-bit little-endian words of the first whole 16-byte blocks of <paramref name="n"/> bytes;
    /// <paramref name="done"/> is how many bytes that covered. Each 32-bit lane adds the low and the high word of its
    /// 32 bits, at most 0x1FFFE a step, so it cannot overflow within a chunk (at most 16,384 steps); the lanes are
    /// widened into the 64-bit total after each chunk.
    /// </summary>
    private static ulong SumNative(ref byte start, int n, out int done)
    {
        ulong total = 0;
        int i = 0;
        while (n - i >= 16)
        {
            int end = i + Math.Min((n - i) & ~15, ChunkBytes);
            if (Vector256.IsHardwareAccelerated)
            {
                var lanes = Vector256<uint>.Zero;
                for (; i + 32 <= end; i += 32)
                {
                    var words = Vector256.LoadUnsafe(ref start, (nuint)i).AsUInt32();
                    lanes += (words & Vector256.Create(0xFFFFu)) + (words >> 16);
                }
                var (lower, upper) = Vector256.Widen(lanes);
                total += Vector256.Sum(lower + upper);
            }
            var narrow = Vector128<uint>.Zero;
            for (; i < end; i += 16)
            {
                var words = Vector128.LoadUnsafe(ref start, (nuint)i).AsUInt32();
                narrow += (words & Vector128.Create(0xFFFFu)) + (words >> 16);
            }
            var (low, high) = Vector128.Widen(narrow);
            total += Vector128.Sum(low + high);
        }
        done = i;
        return total;
    }

    /// <summary>Adds one 16-bit value to a running sum.</summary>
    public static ulong Add(ulong sum, ushort value) => sum + value;

    /// <summary>Folds a running sum to 16 bits and complements it: the value to store in a checksum field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort Finish(ulong sum)
    {
        sum = (sum & 0xFFFFFFFF) + (sum >> 32);
        sum = (sum & 0xFFFFFFFF) + (sum >> 32);
        sum = (sum & 0xFFFF) + (sum >> 16);
        sum = (sum & 0xFFFF) + (sum >> 16);
        sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    /// <summary>The checksum of <paramref name="data"/> alone (IPv4 header, ICMPv4).</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Finish(Add(0, data));

    /// <summary>The running sum of the IPv4 pseudo-header for TCP/UDP (RFC 793, RFC 768).</summary>
    public static ulong PseudoHeaderIpv4(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, IpProtocol protocol, int upperLayerLength)
    {
        ulong sum = (ulong)BinaryPrimitives.ReadUInt32BigEndian(source[..4]) + BinaryPrimitives.ReadUInt32BigEndian(destination[..4]);
        sum += (byte)protocol;
        sum += (uint)(upperLayerLength & 0xFFFF);
        return sum;
    }

    /// <summary>The running sum of the IPv6 pseudo-header (RFC 8200 section 8.1).</summary>
    public static ulong PseudoHeaderIpv6(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, IpProtocol nextHeader, int upperLayerLength)
    {
        ulong sum = SumOfAddress(source[..16]) + SumOfAddress(destination[..16]);
        sum += (uint)upperLayerLength;
        sum += (byte)nextHeader;
        return sum;
    }

    /// <summary>The sum of a 16-byte address as four big-endian 32-bit words.</summary>
    private static ulong SumOfAddress(ReadOnlySpan<byte> address) =>
        (ulong)BinaryPrimitives.ReadUInt32BigEndian(address) + BinaryPrimitives.ReadUInt32BigEndian(address[4..])
        + BinaryPrimitives.ReadUInt32BigEndian(address[8..]) + BinaryPrimitives.ReadUInt32BigEndian(address[12..]);

    /// <summary>
    /// The value to store in a UDP checksum field: a computed 0 is sent as 0xFFFF, because 0 means "no checksum" (RFC 768).
    /// </summary>
    public static ushort ForUdp(ushort computed) => computed == 0 ? (ushort)0xFFFF : computed;

    /// <summary>
    /// The value a checksum field should hold, given the running sum over the covered bytes with <paramref name="stored"/>
    /// (the wrong value) in the field: take the stored value back out and finish.
    /// </summary>
    public static ushort Expected(ulong sumWithStoredField, ushort stored) => Finish(sumWithStoredField + (ushort)~stored);

    /// <summary>
    /// The folded, uncomplemented sum: what Linux stores in a TCP or UDP checksum field it leaves for the network card
    /// (CHECKSUM_PARTIAL), given the pseudo-header's running sum; the card then adds header and payload to it.
    /// </summary>
    public static ushort Fold(ulong sum) => (ushort)~Finish(sum);

    /// <summary>True when data that includes its own checksum field sums to the all-ones value, i.e. verifies.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Verifies(ulong sumIncludingChecksumField) => Finish(sumIncludingChecksumField) == 0;
}
