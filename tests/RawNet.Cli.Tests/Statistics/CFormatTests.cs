using RawNet.Output.Statistics;

namespace RawNet.Cli.Tests.Statistics;

/// <summary>
/// The number formats of tshark's tables: C's %.Nf as glibc prints it (the double's exact binary value, ties to even),
/// Wireshark's format_size, and io,stat's digit counts. The expected texts are what printf and tshark print.
/// </summary>
public sealed class CFormatTests
{
    [Theory]
    [InlineData(0.0, 9, 14, "   0.000000000")]
    [InlineData(0.25, 1, 0, "0.2")]          // an exact tie goes to the even digit
    [InlineData(0.75, 1, 0, "0.8")]
    [InlineData(2.5, 0, 0, "2")]
    [InlineData(0.35, 1, 0, "0.3")]          // 0.35 is 0.34999999999999997... in binary
    [InlineData(0.00005, 4, 12, "      0.0001")] // 5.0000000000000002e-05: just above the half
    [InlineData(1.0005, 3, 0, "1.000")]      // 1.000499999999999989...
    [InlineData(123456.123456789, 9, 14, "123456.123456789")] // wider than its width: not cut
    [InlineData(-0.5, 0, 0, "-0")]
    public void Fixed_prints_what_printf_prints(double value, int decimals, int width, string expected) =>
        Assert.Equal(expected, CFormat.Fixed(value, decimals, width));

    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(9999, "9999 bytes")]
    [InlineData(10000, "10 kB")]
    [InlineData(169999, "169 kB")]
    [InlineData(9_999_999, "9999 kB")]
    [InlineData(10_000_000, "10 MB")]
    [InlineData(12_345_678_901, "12 GB")]
    [InlineData(10_000_000_000_000, "10 TB")]
    public void Size_is_wiresharks_format_size(long bytes, string expected) => Assert.Equal(expected, CFormat.Size(bytes));

    [Theory]
    [InlineData(0UL, 5, 1)]
    [InlineData(9UL, 5, 1)]
    [InlineData(10UL, 5, 2)]
    [InlineData(99999UL, 5, 5)]
    [InlineData(123456789UL, 5, 5)]
    public void Magnitude_counts_digits_up_to_its_limit(ulong value, int limit, int expected) =>
        Assert.Equal(expected, CFormat.Magnitude(value, limit));
}
