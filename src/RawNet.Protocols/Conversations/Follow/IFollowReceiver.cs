namespace RawNet.Protocols.Conversations.Follow;

/// <summary>
/// What a <see cref="StreamFollower"/> finds, in the order tshark's follow lists it: the stream's ends, each chunk of
/// data, each gap the other side acknowledged, and what could not be shown. Spans are valid only during the call.
/// </summary>
public interface IFollowReceiver
{
    /// <summary>The ends were named, or renamed (only while <see cref="FollowEndpoints.Final"/> is false).</summary>
    void Endpoints(in FollowEndpoints endpoints);

    /// <summary>The next chunk of <paramref name="node"/>'s data, as tshark shows it: in sequence order, each byte once.</summary>
    void Data(FollowNode node, ReadOnlySpan<byte> bytes, long frame);

    /// <summary>
    /// <paramref name="bytes"/> of <paramref name="node"/>'s data are not in the capture but the other end acknowledged
    /// them (seen in <paramref name="frame"/>); tshark shows this as a chunk "[N bytes missing in capture file]".
    /// </summary>
    void Missing(FollowNode node, int bytes, long frame);

    /// <summary>Data neither tshark's follow nor RawNet shows, and why (tshark says nothing about it).</summary>
    void Unshown(in UnshownData unshown);
}

/// <summary>Why data of a followed stream is not shown.</summary>
public enum UnshownReason : byte
{
    /// <summary>The capture kept only the start of the packet (snaplen): the rest of its payload is skipped.</summary>
    NotCaptured,
    /// <summary>
    /// The segment's sequence numbers lie before where the direction started, or 2 GiB or more ahead of it (which
    /// 32-bit sequence arithmetic reads as behind): it cannot be placed in the stream.
    /// </summary>
    OutsideStream,
    /// <summary>At the end: data after a gap that was neither captured nor acknowledged, so it never became showable.</summary>
    NeverShown,
    /// <summary>Out-of-order data dropped because the follower already held its bound of data waiting for a gap to fill.</summary>
    BufferFull,
}

/// <summary>Data of a followed stream that is not shown.</summary>
/// <param name="Reason">Why.</param>
/// <param name="Node">Whose data.</param>
/// <param name="Bytes">How many bytes of data.</param>
/// <param name="Frame">The frame that carried them (for <see cref="UnshownReason.NeverShown"/>, the first such frame).</param>
/// <param name="GapBytes">For <see cref="UnshownReason.NeverShown"/>: the bytes missing before them.</param>
/// <param name="NodeKnown">False for a datagram seen before the stream's ends were named (<paramref name="Node"/> is then meaningless).</param>
public readonly record struct UnshownData(UnshownReason Reason, FollowNode Node, long Bytes, long Frame, long GapBytes = 0, bool NodeKnown = true);
