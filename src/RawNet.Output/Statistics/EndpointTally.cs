using RawNet.Output.Filters;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Statistics;

/// <summary>One endpoint of an <see cref="EndpointTally"/>: what it sent (Tx) and received (Rx), frames and bytes on the wire.</summary>
public struct EndpointRow : ITallyRow
{
    /// <summary><see cref="ConversationKey.Ipv4"/>, <see cref="ConversationKey.Ipv6"/> or <see cref="ConversationKey.Ethernet"/>.</summary>
    public byte Family;
    public UInt128 Address;
    /// <summary>The port (TCP and UDP; 0 otherwise).</summary>
    public ushort Port;
    public long TxFrames;
    public long TxBytes;
    public long RxFrames;
    public long RxBytes;

    /// <summary>Frames sent and received.</summary>
    public readonly long Frames => TxFrames + RxFrames;

    /// <summary>Bytes sent and received.</summary>
    public readonly long Bytes => TxBytes + RxBytes;
}

/// <summary>
/// The endpoints of one <see cref="TallyKind"/> in a capture, as tshark 4.0's <c>-z endpoints,TYPE[,FILTER]</c> counts
/// them: for every header its tap sees, the source sends and the destination receives (an address, and for TCP and UDP
/// the port). Rows are kept in order of first appearance; <c>InTsharkOrder</c> gives the printed order. Bounded:
/// at most <see cref="MaxRows"/> endpoints, those past the bound are counted in <c>Unlisted</c>.
/// </summary>
public sealed class EndpointTally : Tally<(byte Family, UInt128 Address, ushort Port), EndpointRow>
{
    /// <summary>The most endpoints listed.</summary>
    public const int MaxRows = ConversationLimits.DefaultMaxConversations;

    /// <summary>A tally of <paramref name="kind"/> endpoints of the packets <paramref name="filter"/> passes (all when null).</summary>
    public EndpointTally(TallyKind kind, DisplayFilter? filter = null, int maxRows = MaxRows)
        : base(kind, filter, maxRows)
    {
    }

    private protected override void Record(in TapEvent sighting, long now, int length)
    {
        Record(sighting.Family, sighting.Source, sighting.SourcePort, sent: true, length);
        Record(sighting.Family, sighting.Destination, sighting.DestinationPort, sent: false, length);
    }

    private void Record(byte family, UInt128 address, ushort port, bool sent, int length)
    {
        if (!Table.TryFind((family, address, port), new EndpointRow { Family = family, Address = address, Port = port }, out int slot, out _))
            return;
        ref var row = ref Table[slot];
        if (sent)
        {
            row.TxFrames++;
            row.TxBytes += length;
        }
        else
        {
            row.RxFrames++;
            row.RxBytes += length;
        }
    }
}
