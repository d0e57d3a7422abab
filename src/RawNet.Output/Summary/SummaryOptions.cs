namespace RawNet.Output.Summary;

/// <summary>How <see cref="SummaryPrinter"/> words its lines: the tcpdump options it follows.</summary>
/// <param name="Verbose">tcpdump's <c>-v</c>: IP header details, checksum verdicts and the detail tcpdump adds at -v.</param>
/// <param name="AbsoluteSequenceNumbers">tcpdump's <c>-S</c>: TCP sequence and acknowledgement numbers as they are on the wire.</param>
/// <param name="TrackedConnections">The most TCP connections whose origins are remembered for relative numbers.</param>
/// <param name="InterfaceName">
/// The name of the local interface with an index (as if_indextoname(3)), which tcpdump prints for a Linux cooked v2
/// frame; null, or a null answer, prints "?" as tcpdump does for an unknown index.
/// </param>
public readonly record struct SummaryOptions(
    bool Verbose = false,
    bool AbsoluteSequenceNumbers = false,
    int TrackedConnections = TcpSequenceOrigins.DefaultCapacity,
    Func<int, string?>? InterfaceName = null)
{
    /// <summary>tcpdump -n -r: relative sequence numbers, no verbose detail.</summary>
    public static SummaryOptions Default => new();
}
