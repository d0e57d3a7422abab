using RawNet.Output;

namespace RawNet.Cli.Tests;

/// <summary>TextLine's span append (short literals take a path of overlapping moves) writes exactly what it is given.</summary>
public sealed class TextLineTests
{
    [Fact]
    public void Appends_of_every_short_length_and_past_the_buffer_keep_every_character_in_order()
    {
        var line = new TextLine();
        var expected = new System.Text.StringBuilder();
        var source = "abcdefghijklmnopqrstuvwxyz0123456789".ToCharArray();
        for (int round = 0; round < 200; round++)
        {
            for (int length = 0; length <= 12; length++)
            {
                var text = source.AsSpan(round % 20, length);
                line.Append(text);
                expected.Append(text);
            }
        }
        Assert.True(expected.Length > 1024, "the line must outgrow its first buffer");
        Assert.Equal(expected.ToString(), new string(line.Text));
    }

    [Fact]
    public void A_short_append_writes_nothing_past_its_own_characters()
    {
        for (int length = 1; length <= 8; length++)
        {
            var line = new TextLine();
            line.Append("########");
            line.Truncate(0);
            line.Append("abcdefgh".AsSpan(0, length));
            line.Append('|');
            Assert.Equal("abcdefgh"[..length] + "|", new string(line.Text));
        }
    }
}
