using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Conversations;

namespace RawNet.Protocols.Icmp;

/// <summary>
/// Pairs ICMP and ICMPv6 echo replies with their requests as tshark 4.0 does in one pass, for its "(request in N)":
/// a request is remembered under its two addresses (either order), its identifier and sequence number and the checksum
/// its reply would carry (so only a reply with the same payload matches); a later request with the same key replaces it;
/// the first reply that finds it is paired with it, later copies with nothing. A request never learns its reply in one
/// pass. Bounded: at most <see cref="MaxRequests"/> requests are remembered, the one idle longest is forgotten first.
/// </summary>
internal sealed class EchoMatcher
{
    /// <summary>Requests remembered at once (about 10 MiB at most).</summary>
    public const int MaxRequests = 1 << 17;

    private readonly RecencyTable<EchoKey, EchoRequest> _requests = new(MaxRequests);

    /// <summary>Bytes the table holds now.</summary>
    public long AllocatedBytes => _requests.AllocatedBytes;

    /// <summary>
    /// Looks at one echo message (<paramref name="message"/>: its first 8 bytes at least) sent from
    /// <paramref name="source"/> to <paramref name="destination"/> in frame <paramref name="frame"/>: remembers a request,
    /// and returns the frame of the request a reply answers, or 0.
    /// </summary>
    public uint Observe(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, ReadOnlySpan<byte> message, bool icmpv6, uint frame) =>
        Observe(source, destination, message, icmpv6, frame, 0, out _);

    /// <summary>
    /// <see cref="Observe(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, bool, uint)"/> for a message seen at
    /// <paramref name="timestamp"/> (nanoseconds): a reply's <paramref name="elapsed"/> is the time since its request
    /// (tshark's response time), else 0.
    /// </summary>
    public uint Observe(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, ReadOnlySpan<byte> message, bool icmpv6, uint frame,
        long timestamp, out long elapsed)
    {
        elapsed = 0;
        byte type = message[IcmpHeader.Field.Type];
        ushort checksum = BinaryPrimitives.ReadUInt16BigEndian(message[IcmpHeader.Field.Checksum..]);
        uint identifierAndSequence = BinaryPrimitives.ReadUInt32BigEndian(message[IcmpHeader.Field.Identifier..]);
        bool request = icmpv6 ? type == (byte)Icmpv6.Icmpv6Type.EchoRequest : type == (byte)IcmpType.EchoRequest;
        var pair = ConversationKey.Of(source, 0, destination, 0, out _);
        if (request)
        {
            // The reply differs from its request only in the type byte: its checksum is the request's, moved by the
            // difference of the two type values (ICMP 8 -> 0, ICMPv6 128 -> 129), and that is what a reply is looked up by.
            var key = new EchoKey(pair, icmpv6 ? checksum : ExpectedReplyChecksum(checksum), identifierAndSequence);
            int entry = _requests.FindOrAdd(key, out _);
            _requests[entry] = new EchoRequest { Frame = frame, Timestamp = timestamp };
            return 0;
        }
        uint replyKey = icmpv6 ? RequestChecksumOfReply(checksum) : checksum == 0xFFFF ? 0u : checksum;
        int found = _requests.Find(new EchoKey(pair, replyKey, identifierAndSequence));
        if (found < 0)
            return 0;
        ref var pending = ref _requests[found];
        if (pending.Answered)
            return 0;
        pending.Answered = true;
        elapsed = timestamp - pending.Timestamp;
        return pending.Frame;
    }

    /// <summary>The checksum an ICMPv4 echo reply to a request with <paramref name="checksum"/> carries (type 8 becomes 0).</summary>
    private static uint ExpectedReplyChecksum(ushort checksum) => InternetChecksum.Finish(InternetChecksum.Add((ushort)~checksum, unchecked((ushort)~0x0800)));

    /// <summary>The checksum of the ICMPv6 echo request a reply with <paramref name="checksum"/> answers (type 128 becomes 129).</summary>
    private static uint RequestChecksumOfReply(ushort checksum)
    {
        uint key = InternetChecksum.Finish(InternetChecksum.Add((ushort)~checksum, unchecked((ushort)~0x0100)));
        return key == 0 ? 0xFFFF : key;
    }

    /// <summary>A remembered request: its frame and time, and whether a reply was paired with it already.</summary>
    private struct EchoRequest
    {
        public uint Frame;
        public long Timestamp;
        public bool Answered;
    }

    /// <summary>What a request is remembered by: the address pair, the checksum its reply carries, identifier and sequence number.</summary>
    private readonly struct EchoKey(ConversationKey addresses, uint checksum, uint identifierAndSequence) : IEquatable<EchoKey>
    {
        private readonly ConversationKey _addresses = addresses;
        private readonly uint _checksum = checksum;
        private readonly uint _identifierAndSequence = identifierAndSequence;

        public bool Equals(EchoKey other) => _checksum == other._checksum && _identifierAndSequence == other._identifierAndSequence && _addresses.Equals(other._addresses);

        public override bool Equals(object? obj) => obj is EchoKey other && Equals(other);

        public override int GetHashCode() => _addresses.GetHashCode() ^ (int)((_identifierAndSequence * 0x9E3779B1u) ^ (_checksum * 0x85EBCA77u));
    }
}
