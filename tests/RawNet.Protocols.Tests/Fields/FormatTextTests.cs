using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Tests.Fields;

/// <summary>format_text's UTF-8 as tshark 4.0 writes it in the Info column (each expectation read from tshark on a UDLD device ID).</summary>
public class FormatTextTests
{
    [Theory]
    [InlineData("fa87", "\uFFFD")] // a 5-byte lead cut short: one replacement for both bytes
    [InlineData("fa8787878787", "\uFFFD\uFFFD")] // a whole 5-byte form is past U+10FFFF; the stray byte after it is another
    [InlineData("8080", "\uFFFD\uFFFD")]
    [InlineData("e180", "\uFFFD")]
    [InlineData("eda080", "\uFFFD")] // a surrogate
    [InlineData("f4908080", "\uFFFD")] // past U+10FFFF
    [InlineData("e08080", "\\u0000")] // overlong forms are decoded
    [InlineData("f080808080", "\\u0000\uFFFD")]
    [InlineData("c181", "A")]
    [InlineData("c285", "\\u0085")] // a code point glib does not print: a control, a format character, an unassigned one
    [InlineData("e2808b", "\\u200B")]
    [InlineData("cdb8", "\\u0378")]
    [InlineData("f3a08081", "\\U000E0001")]
    [InlineData("f09f9880", "\U0001F600")]
    [InlineData("c3a9e280a8ee8080", "\u00E9\u2028\uE000")]
    [InlineData("41095c01", "A\\t\\\\001")]
    public void Utf8IsReadAsTsharkReadsIt(string hex, string expected)
    {
        var destination = new char[64];
        Assert.True(FieldText.TryWriteFormatText(Convert.FromHexString(hex), destination, out int written));
        Assert.Equal(expected, new string(destination, 0, written));
    }
}
