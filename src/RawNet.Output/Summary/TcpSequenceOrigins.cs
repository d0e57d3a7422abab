using RawNet.Protocols.Conversations;

namespace RawNet.Output.Summary;

/// <summary>
/// What tcpdump subtracts from a segment's sequence and acknowledgement numbers to print them relative to the start of
/// its connection (print-tcp.c's <c>tcp_seq_hash</c>), for a stream of packets read in order.
/// </summary>
/// <remarks>
/// <para>tcpdump's rules, which this table follows: only a segment with ACK set takes part (a bare SYN, or an RST without
/// ACK, prints absolute numbers and is not recorded). A connection is its two endpoints (address and port), whichever
/// way a segment goes; each endpoint has its own origin (tcpdump orders the endpoints by port where
/// <see cref="ConversationKey"/> orders them by address, which names the same two sides). A segment whose connection is
/// not known yet, or that carries SYN (a SYN-ACK, or a new SYN on a reused 4-tuple), records the connection and is
/// itself printed absolute: its own sequence number becomes its side's origin and its acknowledgement number minus one
/// the other side's (the "ack - 1" that makes the next segment of the other side start at 1). Every later segment of the
/// connection, either way, prints both numbers minus the origins of their sides; SACK blocks are made relative to the
/// other side's origin. RST changes nothing.</para>
/// <para>Memory is bounded, unlike tcpdump's table (which never forgets): at most <see cref="Capacity"/> connections are
/// kept, and recording one more evicts the connection least recently seen. An evicted connection whose segments come
/// again is recorded afresh by its next segment with ACK set, which then prints absolute numbers and becomes the origin,
/// so output differs from tcpdump's only for a capture with more than <see cref="Capacity"/> connections in which an
/// idle one resumes after that many others were seen. The connections live in a <see cref="ConversationTable{TState}"/>
/// (open addressing, origins kept in place): once a connection is known, a lookup allocates nothing.</para>
/// </remarks>
public sealed class TcpSequenceOrigins
{
    /// <summary>The default bound on tracked connections: 262,144.</summary>
    public const int DefaultCapacity = 1 << 18;

    private readonly ConversationTable<Origins> _connections;

    /// <summary>Creates an empty table that keeps at most <paramref name="capacity"/> connections.</summary>
    public TcpSequenceOrigins(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _connections = new ConversationTable<Origins>(capacity, initial: 256);
    }

    /// <summary>The most connections kept at once.</summary>
    public int Capacity => _connections.Capacity;

    /// <summary>Connections known now.</summary>
    public int Count => _connections.Count;

    /// <summary>
    /// Turns the numbers of one segment with ACK set into the ones tcpdump prints, recording its connection when it is new
    /// or <paramref name="syn"/> is set. <paramref name="source"/> and <paramref name="destination"/> are both 4 or both 16
    /// address bytes. Returns the origin SACK blocks of this segment are printed relative to.
    /// </summary>
    public uint MakeRelative(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, ushort sourcePort, ushort destinationPort,
        bool syn, ref uint sequence, ref uint acknowledgment)
    {
        var key = ConversationKey.Of(source, sourcePort, destination, destinationPort, out bool fromA);
        ref Origins origins = ref _connections[_connections.FindOrAdd(key, out bool added)];
        if (!added && !syn)
        {
            uint own = fromA ? origins.SideA : origins.SideB;
            uint other = fromA ? origins.SideB : origins.SideA;
            sequence -= own;
            acknowledgment -= other;
            return other;
        }
        uint otherOrigin = acknowledgment - 1;
        origins.SideA = fromA ? sequence : otherOrigin;
        origins.SideB = fromA ? otherOrigin : sequence;
        return otherOrigin;
    }

    /// <summary>What one connection's numbers are printed relative to: the origin of each endpoint's side.</summary>
    private struct Origins
    {
        public uint SideA, SideB;
    }
}
