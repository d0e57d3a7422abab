using System.Globalization;

namespace RawNet.Output.Graphs;

/// <summary>
/// How an axis is labelled: one SI prefix for the whole axis, chosen from the largest value it shows ("sequence number
/// (kB)" with ticks 0 20 40, not 0 B, 20 kB, 40 kB), and ticks at 1, 2 or 5 times a power of ten. Both renderers use it,
/// so a terminal graph and a file of the same graph read alike.
/// </summary>
/// <param name="Divisor">What a value is divided by to be shown in <see cref="UnitText"/>.</param>
/// <param name="UnitText">The unit with its prefix ("ms", "kB", "Mbit/s"; empty for a count of packets).</param>
public readonly record struct AxisScale(double Divisor, string UnitText)
{
    /// <summary>The scale for an axis of <paramref name="unit"/> whose values reach <paramref name="largest"/> (in absolute value).</summary>
    public static AxisScale For(AxisUnit unit, double largest)
    {
        largest = Math.Abs(largest);
        return unit switch
        {
            AxisUnit.Seconds => largest >= 1 || largest == 0 ? new(1, "s") : largest >= 1e-3 ? new(1e-3, "ms") : new(1e-6, "µs"),
            AxisUnit.Bytes => Decimal(largest, "B", "kB", "MB", "GB"),
            AxisUnit.BitsPerSecond => Decimal(largest, "bit/s", "kbit/s", "Mbit/s", "Gbit/s"),
            AxisUnit.Bits => Decimal(largest, "bit", "kbit", "Mbit", "Gbit"),
            _ => new(1, ""),
        };
    }

    private static AxisScale Decimal(double largest, string one, string kilo, string mega, string giga) =>
        largest >= 1e9 ? new(1e9, giga) : largest >= 1e6 ? new(1e6, mega) : largest >= 1e3 ? new(1e3, kilo) : new(1, one);

    /// <summary>"time (ms)": an axis label with this scale's unit.</summary>
    public string Label(GraphAxis axis) => UnitText.Length == 0 ? axis.Label : $"{axis.Label} ({UnitText})";

    /// <summary>A tick step near (<paramref name="max"/> - <paramref name="min"/>) / <paramref name="ticks"/>: 1, 2 or 5 times a power of ten.</summary>
    public static double NiceStep(double min, double max, int ticks)
    {
        double range = max - min;
        if (!(range > 0) || ticks < 1)
            return 1;
        double rough = range / ticks;
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /// <summary>Decimals needed to tell ticks <paramref name="step"/> apart in this scale (0 to 6).</summary>
    public int Decimals(double step)
    {
        double shown = step / Divisor;
        if (!(shown > 0))
            return 0;
        return Math.Clamp((int)Math.Ceiling(-Math.Log10(shown) - 1e-9), 0, 6);
    }

    /// <summary>A value as a tick label in this scale, with <paramref name="decimals"/> decimals (invariant culture, no grouping).</summary>
    public string Format(double value, int decimals)
    {
        double shown = value / Divisor;
        if (Math.Abs(shown) < 0.5 * Math.Pow(10, -decimals))
            shown = 0;   // no "-0"
        return shown.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
