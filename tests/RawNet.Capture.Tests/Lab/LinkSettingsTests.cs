using RawNet.Capture.Lab.Link;

namespace RawNet.Capture.Tests.Lab;

/// <summary>The lab link's settings: what each option accepts, per-direction values, the one-line refusals, and the round trip through the settings file's words.</summary>
public sealed class LinkSettingsTests
{
    private static LinkSettings Apply(params (string Name, string Value)[] options)
    {
        Assert.True(LinkSettings.Default(1).TryApply(options.Select(o => new KeyValuePair<string, string>(o.Name, o.Value)), out var settings, out var error), error);
        return settings;
    }

    private static string Refusal(params (string Name, string Value)[] options)
    {
        Assert.False(LinkSettings.Default(1).TryApply(options.Select(o => new KeyValuePair<string, string>(o.Name, o.Value)), out var settings, out var error));
        Assert.Equal(LinkSettings.Default(1), settings);
        Assert.DoesNotContain('\n', error);
        return error;
    }

    [Fact]
    public void Each_setting_is_read_in_its_unit_and_applies_to_both_directions()
    {
        var settings = Apply(("delay", "20ms"), ("jitter", "500us"), ("loss", "1.5%"), ("rate", "20mbit"), ("queue", "20"),
            ("reorder", "1%"), ("duplicate", "0.5"), ("corrupt", "0.1%"), ("mtu", "1280"), ("seed", "42"));
        var expected = new LinkImpairment(20_000_000, 500_000, 1.5, 20_000_000, 20, 1, 0.5, 0.1);
        Assert.Equal(expected, settings.AToB);
        Assert.Equal(expected, settings.BToA);
        Assert.Equal(1280, settings.Mtu);
        Assert.Equal(42UL, settings.Seed);
    }

    [Theory]
    [InlineData("1.5ms", 1_500_000L)]
    [InlineData("2s", 2_000_000_000L)]
    [InlineData("750ns", 750L)]
    [InlineData("0", 0L)]
    [InlineData("10µs", 10_000L)]
    public void Durations_take_ns_us_ms_and_s(string text, long nanoseconds)
    {
        Assert.True(LinkSettings.TryParseDuration(text, out var value, out var error), error);
        Assert.Equal(nanoseconds, value);
    }

    [Theory]
    [InlineData("9600bit", 9600L)]
    [InlineData("800kbit", 800_000L)]
    [InlineData("1.5gbit", 1_500_000_000L)]
    [InlineData("unlimited", 0L)]
    public void Rates_take_tc_units(string text, long bits)
    {
        Assert.True(LinkSettings.TryParseRate(text, out var value, out var error), error);
        Assert.Equal(bits, value);
    }

    [Fact]
    public void A_slash_gives_each_direction_its_own_value()
    {
        var settings = Apply(("delay", "10ms/30ms"), ("loss", "0%/2%"));
        Assert.Equal(10_000_000, settings.AToB.DelayNanoseconds);
        Assert.Equal(30_000_000, settings.BToA.DelayNanoseconds);
        Assert.Equal(0, settings.AToB.LossPercent);
        Assert.Equal(2, settings.BToA.LossPercent);
        Assert.Equal(settings.For(LinkDirection.BToA), settings.BToA);
    }

    [Theory]
    [InlineData("loss", "150%", "--loss 150%: a chance is between 0% and 100%")]
    [InlineData("loss", "-1%", "--loss -1%: a chance is between 0% and 100%")]
    [InlineData("rate", "0", "--rate 0: a rate must be above 0 (leave --rate out, or give --rate unlimited, for no limit)")]
    [InlineData("rate", "20mbps", "--rate 20mbps: a rate is a number with a unit: bit, kbit, mbit or gbit per second (20mbit), or unlimited")]
    [InlineData("rate", "0mbit", "--rate 0mbit: a rate must be above 0 (leave --rate out, or give --rate unlimited, for no limit)")]
    [InlineData("delay", "-5ms", "--delay -5ms: a time cannot be negative")]
    [InlineData("delay", "20", "--delay 20: a time is a number with a unit: ns, us, ms or s (20ms)")]
    [InlineData("delay", "11s", "--delay 11s: at most 10 s")]
    [InlineData("jitter", "1ms/2ms/3ms", "--jitter 1ms/2ms/3ms: give one value, or two as a-to-b/b-to-a")]
    [InlineData("queue", "0", "--queue 0: a queue holds 1 to 100000 frames")]
    [InlineData("mtu", "1200", "--mtu 1200: below 1280 IPv6 cannot work, and the lab has IPv6 (2001:db8::1-2); give 1280 to 9000")]
    [InlineData("mtu", "9001", "--mtu 9001: at most 9000 (a jumbo frame)")]
    [InlineData("mtu", "1500/9000", "--mtu 1500/9000: the mtu is one for both directions")]
    [InlineData("seed", "x", "--seed x: a seed is a whole number from 0 to 18446744073709551615")]
    public void Bad_settings_get_one_line_and_change_nothing(string name, string value, string message) =>
        Assert.Equal(message, Refusal(("delay", "5ms"), (name, value)));

    [Fact]
    public void Settings_written_as_options_read_back_the_same()
    {
        var settings = Apply(("delay", "10ms/30ms"), ("jitter", "1500us"), ("loss", "0.25%"), ("rate", "1500kbit/unlimited"), ("queue", "7"),
            ("reorder", "3%"), ("duplicate", "1%/0%"), ("corrupt", "0.01%"), ("mtu", "9000"), ("seed", "18446744073709551615"));
        var words = settings.ToArguments();
        Assert.Equal("--delay 10ms/30ms --jitter 1500us --loss 0.25% --rate 1500kbit/unlimited --queue 7 --reorder 3% --duplicate 1%/0% "
            + "--corrupt 0.01% --mtu 9000 --seed 18446744073709551615", string.Join(' ', words));
        Assert.True(LinkSettings.TryParseArguments(words, LinkSettings.Default(0), out var back, out var error), error);
        Assert.Equal(settings, back);
    }

    [Fact]
    public void Applying_some_settings_keeps_the_others()
    {
        var before = Apply(("delay", "20ms"), ("loss", "1%"));
        Assert.True(before.TryApply([new("loss", "2%")], out var after, out _));
        Assert.Equal(20_000_000, after.AToB.DelayNanoseconds);
        Assert.Equal(2, after.BToA.LossPercent);
    }

    [Fact]
    public void The_dice_repeat_for_a_seed_and_differ_between_directions_and_seeds()
    {
        static ulong[] Draw(ulong seed, LinkDirection direction)
        {
            var random = new LinkRandom(seed, direction);
            return [.. Enumerable.Range(0, 8).Select(_ => random.Next())];
        }
        Assert.Equal(Draw(7, LinkDirection.AToB), Draw(7, LinkDirection.AToB));
        Assert.NotEqual(Draw(7, LinkDirection.AToB), Draw(7, LinkDirection.BToA));
        Assert.NotEqual(Draw(7, LinkDirection.AToB), Draw(8, LinkDirection.AToB));
        var percent = new LinkRandom(7, LinkDirection.AToB);
        var draws = Enumerable.Range(0, 100_000).Select(_ => percent.NextPercent()).ToArray();
        Assert.All(draws, d => Assert.InRange(d, 0, 99.9999999));
        // A fair die: each tenth of the range holds about a tenth of the draws (binomial sd ~95; 6 sd).
        foreach (var tenth in draws.GroupBy(d => (int)(d / 10)))
            Assert.InRange(tenth.Count(), 10_000 - 570, 10_000 + 570);
    }
}
