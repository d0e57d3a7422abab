using RawNet.Protocols.Conversations.Follow;

namespace RawNet.Output.Follow;

/// <summary>
/// Says, one line each on standard error, what a follow could not show where tshark's output says nothing: bytes the
/// capture did not keep, segments outside the stream's sequence numbers, data left behind a gap, data dropped at the
/// buffer's bound. After <see cref="MaxLines"/> lines the rest are only counted, and <see cref="Finish"/> sums them up.
/// </summary>
public sealed class FollowNotices(TextWriter writer)
{
    /// <summary>Lines written before the rest are only counted.</summary>
    public const int MaxLines = 20;

    private long _lines;
    private long _bytesUncounted;

    /// <summary>Notices reported so far (written or not).</summary>
    public long Count => _lines;

    /// <summary>Reports one piece of data not shown.</summary>
    public void Report(in UnshownData unshown)
    {
        string node = unshown.Node == FollowNode.Client ? "Node 0" : "Node 1";
        string line = unshown.Reason switch
        {
            UnshownReason.NotCaptured =>
                unshown.NodeKnown
                ? $"frame {unshown.Frame}: {Bytes(unshown.Bytes)} of {node}'s data not captured (the capture kept only the start of the packet)"
                : $"frame {unshown.Frame}: a datagram's {Bytes(unshown.Bytes)} not captured (the capture kept only its headers)",
            UnshownReason.OutsideStream =>
                $"frame {unshown.Frame}: {Bytes(unshown.Bytes)} of {node}'s data outside its sequence numbers (before its start, or 2 GiB or more ahead), not shown",
            UnshownReason.NeverShown =>
                $"{node}: {Bytes(unshown.Bytes)} from frame {unshown.Frame} on never shown: the {Bytes(unshown.GapBytes)} before them are not in the capture and nothing acknowledged past them",
            _ =>
                $"frame {unshown.Frame}: {Bytes(unshown.Bytes)} of {node}'s out-of-order data dropped: the data waiting for a gap to fill reached its bound (the output differs from tshark's from here)",
        };
        if (_lines++ < MaxLines)
            writer.WriteLine("rawnet: follow: " + line);
        else
            _bytesUncounted += unshown.Bytes;
    }

    private static string Bytes(long count) => count == 1 ? "1 byte" : $"{count} bytes";

    /// <summary>The header had to be printed while tshark could still rename the ends (see <see cref="FollowPrinter"/>).</summary>
    public void HeaderBeforeEndpointsFinal() => writer.WriteLine(
        $"rawnet: follow: the stream's first sender uses port 0 and more than {FollowPrinter.MaxHeldBytes >> 20} MiB of output came before a packet from another port: Node 0 and Node 1 are named as they stood then (tshark names the later sender)");

    /// <summary>Sums up the notices not written.</summary>
    public void Finish()
    {
        if (_lines > MaxLines)
            writer.WriteLine($"rawnet: follow: {_lines - MaxLines} more like these ({_bytesUncounted} bytes not shown)");
        writer.Flush();
    }
}
