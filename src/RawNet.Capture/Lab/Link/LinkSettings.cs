using System.Globalization;

namespace RawNet.Capture.Lab.Link;

/// <summary>
/// Everything the lab link is set to: one <see cref="LinkImpairment"/> per direction, the MTU of the lab's four veth
/// ends, and the seed of the random choices. Written as command-line options (<see cref="ToArguments"/>), which is also
/// how the forwarder reads them back from its settings file, so there is one syntax and one parser.
/// </summary>
/// <param name="AToB">Frames from rawnet-a to rawnet-b.</param>
/// <param name="BToA">Frames from rawnet-b to rawnet-a.</param>
/// <param name="Mtu">The MTU of every veth end in the lab.</param>
/// <param name="Seed">Seeds each direction's random choices; the same seed and the same traffic give the same choices.</param>
public sealed record LinkSettings(LinkImpairment AToB, LinkImpairment BToA, int Mtu, ulong Seed)
{
    /// <summary>The default MTU: Ethernet's.</summary>
    public const int DefaultMtu = 1500;

    /// <summary>IPv6's minimum link MTU (RFC 8200, section 5); the lab always has IPv6 addresses.</summary>
    public const int MinMtu = 1280;

    /// <summary>The largest MTU: a jumbo frame, so one frame always fits the forwarder's ring blocks.</summary>
    public const int MaxMtu = 9000;

    /// <summary>The option names, in the order <see cref="ToArguments"/> writes them.</summary>
    public static IReadOnlyList<string> OptionNames { get; } = ["delay", "jitter", "loss", "rate", "queue", "reorder", "duplicate", "corrupt", "mtu", "seed"];

    /// <summary>No impairment, the default MTU and <paramref name="seed"/>.</summary>
    public static LinkSettings Default(ulong seed) => new(LinkImpairment.None, LinkImpairment.None, DefaultMtu, seed);

    /// <summary>The impairment of direction <paramref name="direction"/>.</summary>
    public LinkImpairment For(LinkDirection direction) => direction == LinkDirection.AToB ? AToB : BToA;

    /// <summary>
    /// Applies <paramref name="options"/> (option name without dashes → value as typed) on top of this. A value may
    /// name both directions as "a-to-b/b-to-a" (<c>10ms/30ms</c>), except mtu and seed. Returns false with a one-line
    /// <paramref name="error"/> naming the option and what is allowed; nothing is half applied.
    /// </summary>
    public bool TryApply(IEnumerable<KeyValuePair<string, string>> options, out LinkSettings settings, out string error)
    {
        var aToB = AToB;
        var bToA = BToA;
        var mtu = Mtu;
        var seed = Seed;
        settings = this;
        foreach (var (name, text) in options)
        {
            var value = text.Trim();
            if (name is "mtu" or "seed")
            {
                if (value.Contains('/'))
                {
                    error = $"--{name} {text}: the {name} is one for both directions";
                    return false;
                }
                if (name == "mtu" && !TryParseMtu(value, out mtu, out error))
                    return false;
                if (name == "seed" && !ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seed))
                {
                    error = $"--seed {text}: a seed is a whole number from 0 to {ulong.MaxValue}";
                    return false;
                }
                continue;
            }
            var halves = value.Split('/');
            if (halves.Length > 2)
            {
                error = $"--{name} {text}: give one value, or two as a-to-b/b-to-a";
                return false;
            }
            if (!TrySet(name, halves[0], aToB, out aToB, out error) || !TrySet(name, halves[^1], bToA, out bToA, out error))
            {
                error = $"--{name} {text}: {error}";
                return false;
            }
        }
        settings = new LinkSettings(aToB, bToA, mtu, seed);
        error = "";
        return true;
    }

    private static bool TryParseMtu(string value, out int mtu, out string error)
    {
        error = "";
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out mtu))
            error = $"--mtu {value}: an MTU is a whole number of bytes";
        else if (mtu < MinMtu)
            error = $"--mtu {value}: below {MinMtu} IPv6 cannot work, and the lab has IPv6 (2001:db8::1-2); give {MinMtu} to {MaxMtu}";
        else if (mtu > MaxMtu)
            error = $"--mtu {value}: at most {MaxMtu} (a jumbo frame)";
        return error.Length == 0;
    }

    private static bool TrySet(string name, string value, LinkImpairment before, out LinkImpairment after, out string error)
    {
        after = before;
        error = "";
        switch (name)
        {
            case "delay" or "jitter":
                if (!TryParseDuration(value, out var nanoseconds, out error))
                    return false;
                after = name == "delay" ? before with { DelayNanoseconds = nanoseconds } : before with { JitterNanoseconds = nanoseconds };
                return true;
            case "loss" or "reorder" or "duplicate" or "corrupt":
                if (!TryParsePercent(value, out var percent, out error))
                    return false;
                after = name switch
                {
                    "loss" => before with { LossPercent = percent },
                    "reorder" => before with { ReorderPercent = percent },
                    "duplicate" => before with { DuplicatePercent = percent },
                    _ => before with { CorruptPercent = percent },
                };
                return true;
            case "rate":
                if (!TryParseRate(value, out var bits, out error))
                    return false;
                after = before with { RateBitsPerSecond = bits };
                return true;
            case "queue":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var frames) || frames < 1 || frames > LinkImpairment.MaxQueueFrames)
                {
                    error = $"a queue holds 1 to {LinkImpairment.MaxQueueFrames} frames";
                    return false;
                }
                after = before with { QueueFrames = frames };
                return true;
            default:
                error = $"unknown setting (the settings are {string.Join(", ", OptionNames)})";
                return false;
        }
    }

    /// <summary>Parses "20ms", "1.5ms", "500us", "2s", "0"; negative or longer than 10 s is refused.</summary>
    public static bool TryParseDuration(string value, out long nanoseconds, out string error)
    {
        nanoseconds = 0;
        error = "";
        var (number, unit) = SplitUnit(value);
        long scale = unit switch
        {
            "ns" => 1,
            "us" or "µs" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "" when number == "0" => 1,
            _ => 0,
        };
        if (scale == 0 || !double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            error = "a time is a number with a unit: ns, us, ms or s (20ms)";
            return false;
        }
        if (amount < 0)
        {
            error = "a time cannot be negative";
            return false;
        }
        if (amount * scale > LinkImpairment.MaxDelayNanoseconds)
        {
            error = $"at most {LinkImpairment.MaxDelayNanoseconds / 1_000_000_000} s";
            return false;
        }
        nanoseconds = (long)Math.Round(amount * scale);
        return true;
    }

    /// <summary>Parses "1.5%" or "1.5": a chance from 0 to 100 percent.</summary>
    public static bool TryParsePercent(string value, out double percent, out string error)
    {
        error = "";
        var number = value.EndsWith('%') ? value[..^1] : value;
        if (!double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out percent)
            || double.IsNaN(percent) || percent < 0 || percent > 100)
        {
            error = "a chance is between 0% and 100%";
            return false;
        }
        return true;
    }

    /// <summary>Parses "20mbit", "1.5gbit", "800kbit", "9600bit", or "unlimited" (0): bits per second, as tc writes them.</summary>
    public static bool TryParseRate(string value, out long bitsPerSecond, out string error)
    {
        bitsPerSecond = 0;
        error = "";
        if (value is "unlimited" or "none")
            return true;
        var (number, unit) = SplitUnit(value.ToLowerInvariant());
        long scale = unit switch
        {
            "bit" => 1,
            "kbit" => 1_000,
            "mbit" => 1_000_000,
            "gbit" => 1_000_000_000,
            _ => 0,
        };
        var isNumber = double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount);
        if (isNumber && amount <= 0)
        {
            error = "a rate must be above 0 (leave --rate out, or give --rate unlimited, for no limit)";
            return false;
        }
        if (scale == 0 || !isNumber)
        {
            error = "a rate is a number with a unit: bit, kbit, mbit or gbit per second (20mbit), or unlimited";
            return false;
        }
        if (amount * scale < 1)
        {
            error = "a rate must be above 0 (leave --rate out, or give --rate unlimited, for no limit)";
            return false;
        }
        if (amount * scale > 100e9)
        {
            error = "at most 100gbit";
            return false;
        }
        bitsPerSecond = (long)Math.Round(amount * scale);
        return true;
    }

    private static (string Number, string Unit) SplitUnit(string value)
    {
        int end = value.Length;
        while (end > 0 && char.IsLetter(value[end - 1]))
            end--;
        return (value[..end], value[end..]);
    }

    /// <summary>Every setting as options, each direction's value given as "a-to-b/b-to-a" where they differ.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string>();
        foreach (var name in OptionNames)
        {
            arguments.Add("--" + name);
            arguments.Add(name switch
            {
                "mtu" => Mtu.ToString(CultureInfo.InvariantCulture),
                "seed" => Seed.ToString(CultureInfo.InvariantCulture),
                _ => Both(name),
            });
        }
        return arguments;
    }

    private string Both(string name)
    {
        string aToB = Format(name, AToB), bToA = Format(name, BToA);
        return aToB == bToA ? aToB : aToB + "/" + bToA;
    }

    private static string Format(string name, LinkImpairment link) => name switch
    {
        "delay" => FormatDuration(link.DelayNanoseconds),
        "jitter" => FormatDuration(link.JitterNanoseconds),
        "loss" => FormatPercent(link.LossPercent),
        "rate" => FormatRate(link.RateBitsPerSecond),
        "queue" => link.QueueFrames.ToString(CultureInfo.InvariantCulture),
        "reorder" => FormatPercent(link.ReorderPercent),
        "duplicate" => FormatPercent(link.DuplicatePercent),
        "corrupt" => FormatPercent(link.CorruptPercent),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>"20ms", "1500us", "0ms": the largest unit that keeps the value whole.</summary>
    public static string FormatDuration(long nanoseconds) =>
        nanoseconds % 1_000_000 == 0 ? $"{nanoseconds / 1_000_000}ms"
        : nanoseconds % 1_000 == 0 ? $"{nanoseconds / 1_000}us"
        : $"{nanoseconds}ns";

    /// <summary>"1.5%".</summary>
    public static string FormatPercent(double percent) => percent.ToString("0.######", CultureInfo.InvariantCulture) + "%";

    /// <summary>"20mbit", "unlimited".</summary>
    public static string FormatRate(long bitsPerSecond) =>
        bitsPerSecond == 0 ? "unlimited"
        : bitsPerSecond % 1_000_000_000 == 0 ? $"{bitsPerSecond / 1_000_000_000}gbit"
        : bitsPerSecond % 1_000_000 == 0 ? $"{bitsPerSecond / 1_000_000}mbit"
        : bitsPerSecond % 1_000 == 0 ? $"{bitsPerSecond / 1_000}kbit"
        : $"{bitsPerSecond}bit";

    /// <summary>
    /// Reads options back as <see cref="ToArguments"/> wrote them (the forwarder's settings file); false with a one-line
    /// <paramref name="error"/> when a word is not "--name value".
    /// </summary>
    public static bool TryParseArguments(IReadOnlyList<string> words, LinkSettings start, out LinkSettings settings, out string error)
    {
        var options = new List<KeyValuePair<string, string>>();
        for (int i = 0; i < words.Count; i += 2)
        {
            if (!words[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= words.Count)
            {
                settings = start;
                error = $"expected --setting value, found \"{words[i]}\"";
                return false;
            }
            options.Add(new(words[i][2..], words[i + 1]));
        }
        return start.TryApply(options, out settings, out error);
    }
}

/// <summary>Which way frames cross the lab link.</summary>
public enum LinkDirection : byte
{
    /// <summary>From rawnet-a to rawnet-b.</summary>
    AToB,

    /// <summary>From rawnet-b to rawnet-a.</summary>
    BToA,
}
