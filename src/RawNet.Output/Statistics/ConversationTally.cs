using RawNet.Output.Filters;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Statistics;

/// <summary>
/// One conversation of a <see cref="ConversationTally"/>: endpoint A is the source of the first packet seen, B its
/// destination; frames and bytes (on the wire) each way; the first and last packet's time since the capture's first
/// frame (ns).
/// </summary>
public struct ConversationRow : ITallyRow
{
    /// <summary><see cref="ConversationKey.Ipv4"/>, <see cref="ConversationKey.Ipv6"/> or <see cref="ConversationKey.Ethernet"/>.</summary>
    public byte Family;
    public UInt128 AddressA;
    public ushort PortA;
    public UInt128 AddressB;
    public ushort PortB;
    /// <summary>tcp.stream or udp.stream (<see cref="uint.MaxValue"/> for Ethernet and IP conversations).</summary>
    public uint Stream;
    public long FramesAToB;
    public long BytesAToB;
    public long FramesBToA;
    public long BytesBToA;
    /// <summary>Time of the earliest and latest packet, ns since the capture's first frame.</summary>
    public long Start;
    public long Stop;

    /// <summary>Frames both ways.</summary>
    public readonly long Frames => FramesAToB + FramesBToA;

    /// <summary>Bytes both ways.</summary>
    public readonly long Bytes => BytesAToB + BytesBToA;
}

/// <summary>
/// The conversations of one <see cref="TallyKind"/> in a capture, as tshark 4.0's <c>-z conv,TYPE[,FILTER]</c> counts them:
/// every header its tap sees (<see cref="TapPoints"/>), keyed by both endpoints (either direction) and, for TCP and UDP,
/// the stream, so a new connection on reused ports is a row of its own. Rows are kept in order of first appearance;
/// <c>InTsharkOrder</c> gives the printed order. Bounded: at most <see cref="MaxRows"/> conversations, those past
/// the bound are counted in <c>Unlisted</c> and not listed. A known conversation's packet allocates nothing.
/// </summary>
public sealed class ConversationTally : Tally<(ConversationKey Key, uint Stream), ConversationRow>
{
    /// <summary>The most conversations listed (as many as the conversation tracker follows at once).</summary>
    public const int MaxRows = ConversationLimits.DefaultMaxConversations;

    /// <summary>A tally of <paramref name="kind"/> conversations of the packets <paramref name="filter"/> passes (all when null).</summary>
    public ConversationTally(TallyKind kind, DisplayFilter? filter = null, int maxRows = MaxRows)
        : base(kind, filter, maxRows)
    {
    }

    private protected override void Record(in TapEvent sighting, long now, int length)
    {
        var key = ConversationKey.Of(sighting.Family, sighting.Source, sighting.SourcePort, sighting.Destination, sighting.DestinationPort, out _);
        var fresh = new ConversationRow
        {
            Family = sighting.Family,
            AddressA = sighting.Source,
            PortA = sighting.SourcePort,
            AddressB = sighting.Destination,
            PortB = sighting.DestinationPort,
            Stream = sighting.Stream,
            Start = now,
            Stop = now,
        };
        if (!Table.TryFind((key, sighting.Stream), fresh, out int slot, out _))
            return;
        ref var row = ref Table[slot];
        if (sighting.Source == row.AddressA && sighting.SourcePort == row.PortA && sighting.Destination == row.AddressB
            && sighting.DestinationPort == row.PortB)
        {
            row.FramesAToB++;
            row.BytesAToB += length;
        }
        else
        {
            row.FramesBToA++;
            row.BytesBToA += length;
        }
        // As tshark: the latest time moves the end; only an earlier one (time going back) moves the start.
        if (now > row.Stop)
            row.Stop = now;
        else if (now < row.Start)
            row.Start = now;
    }
}
