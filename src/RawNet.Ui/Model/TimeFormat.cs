namespace RawNet.Ui.Model;

/// <summary>
/// How the packet list's Time column is written: Wireshark's time display formats (View → Time Display Format), in UTC
/// as every RawNet output; the <c>t</c> key cycles through them in this order.
/// </summary>
public enum TimeFormat : byte
{
    /// <summary>Seconds since the first packet of the capture (Wireshark's default).</summary>
    SinceBeginning,
    /// <summary>Seconds since the previous packet captured (frame.time_delta).</summary>
    SincePreviousCaptured,
    /// <summary>Seconds since the previous packet shown under the display filter (frame.time_delta_displayed).</summary>
    SincePreviousDisplayed,
    /// <summary>Time of day, UTC.</summary>
    TimeOfDay,
    /// <summary>Date and time of day, UTC.</summary>
    DateAndTimeOfDay,
    /// <summary>Seconds since 1970-01-01.</summary>
    SinceEpoch,
}

/// <summary>Writing a frame's time in a <see cref="TimeFormat"/>.</summary>
public static class TimeFormats
{
    /// <summary>The format after <paramref name="format"/>, wrapping round.</summary>
    public static TimeFormat Next(TimeFormat format) => (TimeFormat)(((int)format + 1) % (1 + (int)TimeFormat.SinceEpoch));

    /// <summary>What the column header and the status line call it (Wireshark's menu names).</summary>
    public static string Name(TimeFormat format) => format switch
    {
        TimeFormat.SincePreviousCaptured => "Seconds Since Previous Captured Packet",
        TimeFormat.SincePreviousDisplayed => "Seconds Since Previous Displayed Packet",
        TimeFormat.TimeOfDay => "UTC Time of Day",
        TimeFormat.DateAndTimeOfDay => "UTC Date and Time of Day",
        TimeFormat.SinceEpoch => "Seconds Since 1970-01-01",
        _ => "Seconds Since Beginning of Capture",
    };

    /// <summary>The column's width in characters.</summary>
    public static int Width(TimeFormat format) => format switch
    {
        TimeFormat.TimeOfDay => 15,
        TimeFormat.DateAndTimeOfDay => 26,
        TimeFormat.SinceEpoch => 17,
        _ => 11,
    };

    /// <summary>
    /// A frame's time at <paramref name="nanoseconds"/> (capture clock) as <paramref name="format"/>
    /// writes it, microseconds as Wireshark shows a microsecond capture: <paramref name="first"/>, <paramref name="previous"/>
    /// and <paramref name="previousDisplayed"/> are the capture's first frame's, the previous frame's and the previous shown
    /// frame's times (each the frame's own when there is none).
    /// </summary>
    public static string Format(TimeFormat format, long nanoseconds, long first, long previous, long previousDisplayed) => format switch
    {
        TimeFormat.SincePreviousCaptured => Seconds(nanoseconds - previous),
        TimeFormat.SincePreviousDisplayed => Seconds(nanoseconds - previousDisplayed),
        TimeFormat.TimeOfDay => Utc(nanoseconds).ToString("HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
        TimeFormat.DateAndTimeOfDay => Utc(nanoseconds).ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
        TimeFormat.SinceEpoch => Seconds(nanoseconds),
        _ => Seconds(nanoseconds - first),
    };

    /// <summary>Nanoseconds as seconds with six decimals, the sign kept ("-0.001000").</summary>
    private static string Seconds(long nanoseconds)
    {
        long microseconds = nanoseconds / 1000;
        string sign = microseconds < 0 ? "-" : "";
        microseconds = Math.Abs(microseconds);
        return $"{sign}{microseconds / 1_000_000}.{microseconds % 1_000_000:D6}";
    }

    private static DateTime Utc(long nanoseconds) => DateTime.UnixEpoch.AddTicks(Math.Clamp(nanoseconds / 100, -DateTime.UnixEpoch.Ticks, DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks));
}
