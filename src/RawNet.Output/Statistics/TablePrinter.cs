using System.Globalization;
using System.Text;
using RawNet.Protocols;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Expert;

namespace RawNet.Output.Statistics;

/// <summary>
/// Prints conversation, endpoint, interval and expert tables byte for byte as tshark 4.0 prints <c>-q -z conv,TYPE</c>,
/// <c>-z endpoints,TYPE</c>, <c>-z io,stat,...</c> and <c>-z expert</c> (C locale, no name resolution), layout and number
/// formats included.
/// </summary>
public static class TablePrinter
{
    private const string Rule = "================================================================================";

    /// <summary>Writes a conversation table.</summary>
    public static void Write(ConversationTally tally, TextWriter output)
    {
        bool ports = TallyKinds.HasPorts(tally.Kind);
        string indent = ports ? "            " : "";
        output.Write(Rule + "\n");
        output.Write(TallyKinds.Title(tally.Kind) + " Conversations\n");
        output.Write("Filter:" + (tally.Filter?.Text ?? "<No Filter>") + "\n");
        output.Write(indent + "                                               |       <-      | |       ->      | |     Total     |    Relative    |   Duration   |\n");
        output.Write(indent + "                                               | Frames  Bytes | | Frames  Bytes | | Frames  Bytes |      Start     |              |\n");
        var line = new StringBuilder(200);
        foreach (var row in tally.InTsharkOrder())
        {
            line.Clear();
            int width = ports ? 26 : 20;
            line.Append(Endpoint(row.Family, row.AddressA, row.PortA, ports).PadRight(width));
            line.Append(" <-> ");
            line.Append(Endpoint(row.Family, row.AddressB, row.PortB, ports).PadRight(width));
            AppendTraffic(line, row.FramesBToA, row.BytesBToA);
            AppendTraffic(line, row.FramesAToB, row.BytesAToB);
            AppendTraffic(line, row.Frames, row.Bytes);
            line.Append("  ");
            // tshark subtracts the times as doubles, so its rounding is reproduced from the same doubles.
            double start = Seconds(row.Start), stop = Seconds(row.Stop);
            line.Append(CFormat.Fixed(start, 9, 14));
            line.Append("   ");
            line.Append(CFormat.Fixed(stop - start, 4, 12));
            line.Append('\n');
            output.Write(line);
        }
        output.Write(Rule + "\n");
    }

    private static void AppendTraffic(StringBuilder line, long frames, long bytes)
    {
        line.Append("  ");
        line.Append(frames.ToString(CultureInfo.InvariantCulture).PadLeft(6));
        line.Append(' ');
        line.Append(CFormat.Size(bytes).PadRight(9));
    }

    /// <summary>tshark's nstime_to_sec: seconds plus nanoseconds over 1e9, as a double.</summary>
    private static double Seconds(long nanoseconds)
    {
        long seconds = nanoseconds / 1_000_000_000, rest = nanoseconds % 1_000_000_000;
        return seconds + rest / 1_000_000_000.0;
    }

    /// <summary>Writes an endpoint table.</summary>
    public static void Write(EndpointTally tally, TextWriter output)
    {
        bool ports = TallyKinds.HasPorts(tally.Kind);
        output.Write(Rule + "\n");
        output.Write(TallyKinds.Title(tally.Kind) + " Endpoints\n");
        output.Write("Filter:" + (tally.Filter?.Text ?? "<No Filter>") + "\n");
        output.Write("                       |  " + (ports ? "Port  ||  " : "") + "Packets  | |  Bytes  | | Tx Packets | | Tx Bytes | | Rx Packets | | Rx Bytes |\n");
        var line = new StringBuilder(160);
        foreach (var row in tally.InTsharkOrder())
        {
            line.Clear();
            line.Append(Address(row.Family, row.Address).PadRight(20));
            if (ports)
            {
                line.Append("      ");
                line.Append(row.Port.ToString(CultureInfo.InvariantCulture).PadLeft(5));
                line.Append("     ");
            }
            else
                line.Append("      ");
            line.Append(Number(row.Frames, 6)).Append("     ").Append(Number(row.Bytes, 9)).Append("     ");
            line.Append(Number(row.TxFrames, 6)).Append("       ").Append(Number(row.TxBytes, 9)).Append("      ");
            line.Append(Number(row.RxFrames, 6)).Append("       ").Append(Number(row.RxBytes, 9)).Append("   \n");
            output.Write(line);
        }
        output.Write(Rule + "\n");
    }

    private static string Number(long value, int width) => value.ToString(CultureInfo.InvariantCulture).PadLeft(width);

    private static string Endpoint(byte family, UInt128 address, ushort port, bool ports) =>
        ports ? Address(family, address) + ":" + port.ToString(CultureInfo.InvariantCulture) : Address(family, address);

    /// <summary>An address as tshark writes it without name resolution.</summary>
    public static string Address(byte family, UInt128 address)
    {
        Span<byte> bytes = stackalloc byte[16];
        var written = ConversationKey.Write(family, address, bytes);
        var line = new TextLine();
        if (family == ConversationKey.Ipv4)
            line.AppendIpv4(written);
        else if (family == ConversationKey.Ipv6)
            line.AppendIpv6(written);
        else
            line.AppendMac(written);
        return line.Text.ToString();
    }

    /// <summary>Writes an expert table: errors, warnings, notes, chats, each with its total, nothing at all when empty.</summary>
    public static void Write(ExpertTally tally, TextWriter output)
    {
        foreach (var (severity, label) in (ReadOnlySpan<(ExpertSeverity, string)>)[(ExpertSeverity.Error, "Errors"), (ExpertSeverity.Warning, "Warns"),
                     (ExpertSeverity.Note, "Notes"), (ExpertSeverity.Chat, "Chats")])
        {
            var entries = tally.Entries(severity);
            if (entries.Count == 0)
                continue;
            long total = entries.Sum(e => e.Frequency);
            output.Write($"\n{label} ({total})\n=============\n   Frequency      Group           Protocol  Summary\n");
            foreach (var entry in entries)
            {
                output.Write(entry.Frequency.ToString(CultureInfo.InvariantCulture).PadLeft(12));
                output.Write(' ');
                output.Write(ExpertItems.GroupName(entry.Group).PadLeft(10));
                output.Write(' ');
                output.Write(entry.Protocol.PadLeft(18));
                output.Write("  ");
                output.Write(entry.Summary);
                output.Write('\n');
            }
        }
    }

    /// <summary>The layout tshark 4.0 computes before printing an interval table.</summary>
    private readonly record struct IntervalLayout(ulong Duration, ulong Unrounded, ulong Interval, int Precision, int DurationDigits, int Border, ulong Unit);

    private static IntervalLayout Measure(IntervalTally tally)
    {
        const ulong Micro = 1_000_000;
        long elapsed = tally.Elapsed;
        ulong duration = (ulong)(elapsed / 1_000_000_000) * Micro + (ulong)((elapsed % 1_000_000_000 + 500) / 1000);
        ulong unrounded = duration;
        bool whole = tally.Interval > duration;
        ulong interval = whole ? duration : tally.Interval;
        int durationDigits = CFormat.Magnitude(duration / Micro, 5);
        int intervalDigits = CFormat.Magnitude(interval / Micro, 5);
        int precision;
        int border;
        if (interval == duration)
        {
            // The whole capture in one row: as many decimals as a short duration needs.
            precision = durationDigits >= 2 ? 1 : durationDigits == 1 ? 3 : 6;
            border = 30 + durationDigits + (precision == 0 ? 0 : precision + 1);
        }
        else
        {
            precision = tally.Precision;
            border = 25 + Math.Max(intervalDigits, durationDigits) + (precision == 0 ? 0 : precision + 1);
        }
        ulong unit = Micro;
        for (int i = 0; i < precision; i++)
            unit /= 10;
        // The duration is rounded to the shown decimals only when it is past the half.
        if (duration % unit > 5 * (unit / 10))
        {
            duration += 5 * (unit / 10);
            duration = duration / unit * unit;
            durationDigits = CFormat.Magnitude(duration / Micro, 5);
        }
        if (whole)
            interval = duration;
        return new IntervalLayout(duration, unrounded, interval, precision, durationDigits, border, unit);
    }

    /// <summary>How many interval rows <paramref name="tally"/> prints (check it against <see cref="IntervalTally.MaxIntervals"/> first).</summary>
    public static ulong IntervalRows(IntervalTally tally)
    {
        var layout = Measure(tally);
        return layout.Interval == 0 ? 0 : (layout.Duration + layout.Interval - 1) / layout.Interval;
    }

    /// <summary>Writes an interval table, as tshark 4.0 lays it out (widths follow the largest numbers and the filters).</summary>
    public static void Write(IntervalTally tally, TextWriter output)
    {
        const ulong Micro = 1_000_000;
        var (duration, unrounded, interval, precision, durationDigits, border, unit) = Measure(tally);

        int intervalColumn = precision == 0 ? 2 * durationDigits + 8 : 2 * durationDigits + 2 * precision + 10;
        intervalColumn = Math.Max(intervalColumn, 12);
        var columns = tally.Columns;
        var frameWidths = new int[columns.Count];
        var byteWidths = new int[columns.Count];
        int rowWidth = intervalColumn;
        int widestFilter = 0;
        for (int j = 0; j < columns.Count; j++)
        {
            frameWidths[j] = Math.Max(6, CFormat.Magnitude(columns[j].MaxFrames, 15));
            byteWidths[j] = Math.Max(5, CFormat.Magnitude(columns[j].MaxBytes, 15));
            rowWidth += frameWidths[j] + 3 + byteWidths[j] + 3;
            widestFilter = Math.Max(widestFilter, columns[j].Text is { } filterText ? filterText.Length + 11 : 26);
        }
        border = Math.Max(border, rowWidth);
        if (widestFilter > border && border < 102)
            border = Math.Min(widestFilter, 102);
        if (border - rowWidth == 1)
            border++;
        string filler = rowWidth < border ? "|".PadLeft(border - rowWidth) : "";

        var text = new StringBuilder();
        text.Append('\n').Append('=', border).Append('\n');
        text.Append('|').Append(" IO Statistics".PadRight(border - 2)).Append("|\n");
        text.Append('|').Append(' ', border - 2).Append("|\n");
        // Whole seconds show the duration unrounded, its microseconds space-padded (tshark 4.0's "%6u"); the lines are
        // padded for numbers as wide as the duration's digit count (at most 5), so longer numbers push the border out.
        string durationText = precision == 0
            ? $"{(unrounded / Micro).ToString(CultureInfo.InvariantCulture).PadLeft(durationDigits)}.{(unrounded % Micro).ToString(CultureInfo.InvariantCulture).PadLeft(6)}"
            : Time(duration, durationDigits, precision, unit);
        AppendBoxed(text, "| Duration: " + durationText + " secs", precision == 0 ? 24 + durationDigits : 18 + durationDigits + precision, border);
        string intervalText = precision == 0 ? (interval / Micro).ToString(CultureInfo.InvariantCulture).PadLeft(durationDigits) : Time(interval, durationDigits, precision, unit);
        AppendBoxed(text, "| Interval: " + intervalText + " secs", precision == 0 ? 17 + durationDigits : 18 + durationDigits + precision, border);
        text.Append('|').Append(' ', border - 2).Append("|\n");
        for (int j = 0; j < columns.Count; j++)
            AppendFilter(text, j, columns[j].Text, border);
        text.Append("|-").Append('-', border - 3).Append("|\n");

        text.Append('|').Append("|".PadLeft(intervalColumn - 1));
        for (int j = 0; j < columns.Count; j++)
            text.Append((j + 1).ToString(CultureInfo.InvariantCulture).PadRight(2)).Append(' ', frameWidths[j] + byteWidths[j] + 3).Append('|');
        text.Append(filler).Append('\n');
        text.Append("| Interval").Append("|".PadLeft(intervalColumn - 10));
        for (int j = 0; j < columns.Count; j++)
        {
            AppendCentered(text, "Frames", frameWidths[j]);
            AppendCentered(text, "Bytes", byteWidths[j]);
        }
        text.Append(filler).Append('\n');
        text.Append("|-").Append('-', rowWidth - 3).Append('|').Append(filler).Append('\n');
        output.Write(text);

        long row = 0;
        for (ulong t = 0; interval > 0 && t < duration; t += interval, row++)
        {
            text.Clear();
            ulong end = t + interval;
            bool last = end >= duration;
            if (last)
                end = duration;
            if (precision == 0)
            {
                string pad = durationDigits == 1 ? " " : "";
                text.Append("| ").Append(pad).Append((t / Micro).ToString(CultureInfo.InvariantCulture).PadLeft(durationDigits)).Append(" <> ");
                if (last)
                    text.Append("Dur".PadRight(durationDigits >= 3 ? durationDigits + 1 : 3)).Append('|');
                else
                    text.Append((end / Micro).ToString(CultureInfo.InvariantCulture).PadLeft(durationDigits)).Append(' ').Append(pad).Append('|');
            }
            else
                text.Append("| ").Append(Time(t, durationDigits, precision, unit)).Append(" <> ").Append(Time(end, durationDigits, precision, unit)).Append(" |");
            for (int j = 0; j < columns.Count; j++)
            {
                var (frames, bytes) = columns[j].At(row);
                text.Append(' ').Append(frames.ToString(CultureInfo.InvariantCulture).PadLeft(frameWidths[j])).Append(" |");
                text.Append(' ').Append(bytes.ToString(CultureInfo.InvariantCulture).PadLeft(byteWidths[j])).Append(" |");
            }
            text.Append(filler).Append('\n');
            output.Write(text);
        }
        output.Write(new string('=', border) + "\n");
    }

    /// <summary>A time in microseconds as tshark's "%Nu.%0Pu": seconds right-aligned in <paramref name="digits"/>, then the shown decimals.</summary>
    private static string Time(ulong micro, int digits, int precision, ulong unit) =>
        (micro / 1_000_000).ToString(CultureInfo.InvariantCulture).PadLeft(digits) + "."
        + (micro % 1_000_000 / unit).ToString(CultureInfo.InvariantCulture).PadLeft(precision, '0');

    /// <summary>A header line: <paramref name="content"/>, then spaces for a line of <paramref name="nominal"/> characters, then the border.</summary>
    private static void AppendBoxed(StringBuilder text, string content, int nominal, int border)
    {
        text.Append(content);
        text.Append(' ', Math.Max(0, border - 1 - nominal));
        text.Append("|\n");
    }

    /// <summary>"| Col 1: FILTER |", wrapped at the last space that fits (tshark 4.0's layout).</summary>
    private static void AppendFilter(StringBuilder text, int column, string? filter, int border)
    {
        text.Append(column == 0 ? "| Col" : "|    ").Append((column + 1).ToString(CultureInfo.InvariantCulture).PadLeft(2)).Append(": ");
        if (filter is null)
        {
            text.Append("Frames and bytes").Append(' ', Math.Max(0, border - 26)).Append("|\n");
            return;
        }
        int maxWidth = border - 11;
        while (filter.Length > maxWidth && maxWidth > 0)
        {
            int space = filter.LastIndexOf(' ', maxWidth - 1, maxWidth);
            int length = space >= 0 ? space : maxWidth;
            text.Append(filter, 0, length).Append(' ', Math.Max(0, border - length - 10)).Append("|\n");
            text.Append("|        ");
            filter = filter[(space >= 0 ? length + 1 : length)..];
        }
        text.Append(filter).Append(' ', Math.Max(0, border - filter.Length - 10)).Append("|\n");
    }

    /// <summary>tshark's printcenter: a column label centred over a value <paramref name="width"/> wide, with its "|".</summary>
    private static void AppendCentered(StringBuilder text, string label, int width)
    {
        const int Spaces = 6, Padding = 1;
        int spare = width - label.Length;
        int length = Spaces - (spare / 2 + Padding);
        if (length > 0 && length < 6)
        {
            int right = Spaces - length;
            int left = spare % 2 == 0 ? right : right + 1;
            text.Append(' ', left).Append(label).Append(' ', right).Append('|');
        }
        else if (length > 0 && length <= 15)
            text.Append(label).Append('|');
    }
}
