namespace RawNet.Output.Summary;

/// <summary>How <see cref="SummaryPrinter"/> words its lines: the tcpdump options it follows.</summary>
/// <param name="Verbose">tcpdump's <c>-v</c>: IP header details, checksum verdicts and the detail tcpdump adds at -v.</param>
/// <param name="AbsoluteSequenceNumbers">tcpdump's <c>-S</c>: TCP sequence and acknowledgement numbers as they are on the wire.</param>
/// <param name="TrackedConnections">The most TCP connections whose origins are remembered for relative numbers.</param>
/// <param name="Timestamp">How each line's time is written: tcpdump's <c>-t</c> to <c>-ttttt</c>.</param>
/// <param name="InterfaceName">
/// The name of the local interface with an index (as if_indextoname(3)), which tcpdump prints for a Linux cooked v2
/// frame; null, or a null answer, prints "?" as tcpdump does for an unknown index.
/// </param>
public readonly record struct SummaryOptions(
    bool Verbose = false,
    bool AbsoluteSequenceNumbers = false,
    int TrackedConnections = TcpSequenceOrigins.DefaultCapacity,
    Func<int, string?>? InterfaceName = null,
    SummaryTimestamp Timestamp = SummaryTimestamp.TimeOfDay)
{
    /// <summary>tcpdump -n -r: relative sequence numbers, no verbose detail.</summary>
    public static SummaryOptions Default => new();
}

/// <summary>How a summary line opens: tcpdump's time stamp formats (always UTC; tcpdump uses local time, so compare with <c>TZ=UTC</c>).</summary>
public enum SummaryTimestamp : byte
{
    /// <summary>The time of day, <c>HH:MM:SS.ffffff</c> (tcpdump's default).</summary>
    TimeOfDay,
    /// <summary>No time at all (<c>-t</c>).</summary>
    None,
    /// <summary>Seconds since 1970 with microseconds, <c>1700000000.000000</c> (<c>-tt</c>).</summary>
    Epoch,
    /// <summary>Time since the previous line's packet, <c> HH:MM:SS.ffffff</c>, a minus sign instead of the space when time went back (<c>-ttt</c>).</summary>
    SincePrevious,
    /// <summary>Date and time of day, <c>YYYY-MM-DD HH:MM:SS.ffffff</c> (<c>-tttt</c>).</summary>
    DateAndTime,
    /// <summary>Time since the first line's packet, as <see cref="SincePrevious"/> (<c>-ttttt</c>).</summary>
    SinceFirst,
}
