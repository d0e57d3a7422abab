using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Tests.Fields;

/// <summary>DigitText writes what the general formatting writes ("D", "Dn", "x", "xn"), for every width and edge.</summary>
public sealed class DigitTextTests
{
    private static IEnumerable<ulong> Values()
    {
        var random = new Random(9);
        for (ulong v = 0; v < 1100; v++)
            yield return v;
        for (int bits = 0; bits < 64; bits++)
        {
            ulong power = 1UL << bits;
            yield return power - 1;
            yield return power;
            yield return power + 1;
        }
        ulong ten = 1;
        for (int digits = 1; digits < 20; digits++, ten *= 10)
        {
            yield return ten - 1;
            yield return ten;
        }
        yield return ulong.MaxValue;
        for (int i = 0; i < 10_000; i++)
            yield return (ulong)random.NextInt64() >> random.Next(64);
    }

    [Fact]
    public void DecimalAndHexAreWhatToStringWrites()
    {
        Span<char> text = stackalloc char[32];
        foreach (ulong value in Values())
        {
            Assert.Equal(value.ToString(), new string(text[..DigitText.WriteDecimal(value, text)]));
            Assert.Equal(value.ToString("x"), new string(text[..DigitText.WriteHex(value, 0, text)]));
            if (value <= byte.MaxValue)
                Assert.Equal(value.ToString(), new string(text[..DigitText.WriteDecimal((byte)value, text)]));
            foreach (int width in (int[])[1, 2, 4, 6, 9])
            {
                Assert.Equal(value.ToString("D" + width), new string(text[..DigitText.WriteDecimal(value, width, text)]));
                Assert.Equal(value.ToString("x" + width), new string(text[..DigitText.WriteHex(value, width, text)]));
            }
            long signed = unchecked((long)value);
            Assert.Equal(signed.ToString("D2"), new string(text[..DigitText.WriteSignedDecimal(signed, 2, text)]));
        }
    }
}
