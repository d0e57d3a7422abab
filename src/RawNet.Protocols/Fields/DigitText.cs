using System.Numerics;
using System.Runtime.CompilerServices;

namespace RawNet.Protocols.Fields;

/// <summary>
/// Integers as ASCII digits (decimal, lowercase hex) written straight into a character span: what every printer's hot
/// path formats, without the general <c>TryFormat</c>'s format string and culture lookups. The caller makes room: a span
/// too short throws, as any span index does.
/// </summary>
public static class DigitText
{
    /// <summary>Characters enough for any 64-bit value in decimal with a sign.</summary>
    public const int MaxDecimalLength = 20;

    // "00" to "99", so two digits are written per division.
    private static ReadOnlySpan<byte> DigitPairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    // An array, not a ReadOnlySpan<ulong> property: that collection expression built a new array at every call
    // (ZeroAllocationTests caught it); only byte spans are guaranteed to be static data.
    private static readonly ulong[] PowersOfTen =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ];

    /// <summary>Decimal digits <paramref name="value"/> needs (1 for 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DecimalDigits(ulong value)
    {
        // log10 from the bit length (1233/4096 is just above log10(2)), then one comparison to correct it.
        int estimate = (64 - BitOperations.LeadingZeroCount(value | 1)) * 1233 >> 12;
        int digits = estimate + (value >= PowersOfTen[estimate] ? 1 : 0);
        return digits == 0 ? 1 : digits;
    }

    /// <summary>Writes <paramref name="value"/> in decimal; returns the characters written.</summary>
    public static int WriteDecimal(ulong value, Span<char> destination)
    {
        // Most numbers printed are small (address bytes, ports, lengths, flags): no digit count, no loop.
        if (value < 10)
        {
            destination[0] = (char)('0' + value);
            return 1;
        }
        if (value < 100)
        {
            WritePair((int)value, destination);
            return 2;
        }
        return WriteDecimal(value, 0, destination);
    }

    /// <summary>Writes a byte in decimal (an IPv4 address's parts); returns the characters written.</summary>
    public static int WriteDecimal(byte value, Span<char> destination)
    {
        if (value < 10)
        {
            destination[0] = (char)('0' + value);
            return 1;
        }
        if (value < 100)
        {
            WritePair(value, destination);
            return 2;
        }
        destination[0] = (char)('0' + value / 100);
        WritePair(value % 100, destination[1..]);
        return 3;
    }

    /// <summary>Writes <paramref name="value"/> in decimal, zero-padded to at least <paramref name="minDigits"/>; returns the characters written.</summary>
    public static int WriteDecimal(ulong value, int minDigits, Span<char> destination)
    {
        int digits = Math.Max(DecimalDigits(value), minDigits);
        var room = destination[..digits];
        int at = digits;
        // Above 32 bits only timestamps and counters: sequence numbers, ports and lengths divide in 32 bits, cheaper.
        while (value > uint.MaxValue)
        {
            ulong quotient = value / 100;
            at -= 2;
            WritePair((int)(value - quotient * 100), room[at..]);
            value = quotient;
        }
        uint small = (uint)value;
        while (small >= 100)
        {
            uint quotient = small / 100;
            at -= 2;
            WritePair((int)(small - quotient * 100), room[at..]);
            small = quotient;
        }
        value = small;
        if (value >= 10)
        {
            at -= 2;
            WritePair((int)value, room[at..]);
        }
        else
            room[--at] = (char)('0' + value); // what is left is 1 to 9, or the 0 that was the whole value
        while (at > 0)
            room[--at] = '0'; // a loop, not Span.Fill: that uses Vector<T>, which the precompiled image leaves to the JIT
        return digits;
    }

    /// <summary>Writes <paramref name="value"/> in decimal with a leading '-' when negative; returns the characters written.</summary>
    public static int WriteSignedDecimal(long value, int minDigits, Span<char> destination)
    {
        if (value >= 0)
            return WriteDecimal((ulong)value, minDigits, destination);
        destination[0] = '-';
        return 1 + WriteDecimal(unchecked((ulong)-value), minDigits, destination[1..]);
    }

    /// <summary>Writes <paramref name="value"/> in lowercase hex without a prefix, zero-padded to at least <paramref name="minDigits"/>; returns the characters written.</summary>
    public static int WriteHex(ulong value, int minDigits, Span<char> destination)
    {
        int digits = Math.Max(Math.Max(1, (67 - BitOperations.LeadingZeroCount(value)) >> 2), minDigits);
        var room = destination[..digits];
        for (int at = room.Length - 1; (uint)at < (uint)room.Length; at--)
        {
            room[at] = (char)HexDigits[(int)(value & 0xF)];
            value >>= 4;
        }
        return digits;
    }

    /// <summary>The lowercase hex digit of a value from 0 to 15.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char HexDigit(int nibble) => (char)HexDigits[nibble & 0xF];

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WritePair(int value, Span<char> destination)
    {
        var pair = DigitPairs.Slice(value * 2, 2);
        destination[1] = (char)pair[1];
        destination[0] = (char)pair[0];
    }
}
