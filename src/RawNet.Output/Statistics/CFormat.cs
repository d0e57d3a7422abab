using System.Globalization;
using System.Numerics;

namespace RawNet.Output.Statistics;

/// <summary>
/// The few C <c>printf</c> and Wireshark number formats tshark's statistics tables use, reproduced exactly: fixed-point
/// doubles rounded as glibc rounds them (the exact binary value, ties to even), and Wireshark's <c>format_size</c>.
/// </summary>
public static class CFormat
{
    /// <summary>
    /// <paramref name="value"/> with <paramref name="decimals"/> digits after the point, right-aligned in
    /// <paramref name="width"/> characters: C's <c>%WIDTH.DECIMALSf</c>.
    /// </summary>
    public static string Fixed(double value, int decimals, int width = 0)
    {
        string text = FixedDigits(value, decimals);
        return text.Length >= width ? text : text.PadLeft(width);
    }

    private static string FixedDigits(double value, int decimals)
    {
        if (double.IsNaN(value))
            return "nan";
        if (double.IsInfinity(value))
            return value > 0 ? "inf" : "-inf";
        bool negative = double.IsNegative(value);
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & ((1L << 52) - 1);
        if (exponent == 0)
            exponent = 1;
        else
            mantissa |= 1L << 52;
        exponent -= 1075;
        // value * 10^decimals as an exact fraction, then rounded half to even: what glibc prints.
        BigInteger scaled = mantissa * BigInteger.Pow(10, decimals);
        BigInteger whole;
        if (exponent >= 0)
            whole = scaled << exponent;
        else
        {
            BigInteger divisor = BigInteger.One << -exponent;
            whole = BigInteger.DivRem(scaled, divisor, out var remainder);
            int compare = (remainder * 2).CompareTo(divisor);
            if (compare > 0 || (compare == 0 && !whole.IsEven))
                whole += 1;
        }
        string digits = whole.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        string text = decimals == 0 ? digits : digits[..^decimals] + "." + digits[^decimals..];
        return negative ? "-" + text : text;
    }

    /// <summary>
    /// Wireshark's <c>format_size(size, FORMAT_SIZE_UNIT_BYTES, 0)</c> in the C locale: "6591 bytes", then whole kB, MB,
    /// GB, TB (powers of 1000, truncated) once the number reaches 10 of them: "169 kB".
    /// </summary>
    public static string Size(long size)
    {
        const long Power = 1000;
        string[] prefixes = ["T", "G", "M", "k"];
        for (int i = 0; i < prefixes.Length; i++)
        {
            long scaled = size;
            for (int p = 0; p < 4 - i; p++)
                scaled /= Power;
            if (scaled >= 10)
                return scaled.ToString(CultureInfo.InvariantCulture) + " " + prefixes[i] + "B";
        }
        return size.ToString(CultureInfo.InvariantCulture) + " bytes";
    }

    /// <summary>Decimal digits of <paramref name="value"/> (at least 1, at most <paramref name="maxWidth"/>): tshark's magnitude().</summary>
    public static int Magnitude(ulong value, int maxWidth)
    {
        int digits = 0;
        for (int i = 0; i < maxWidth; i++)
        {
            digits++;
            if ((value /= 10) == 0)
                break;
        }
        return digits;
    }
}
