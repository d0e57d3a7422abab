using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.Checksums;

namespace RawNet.Capture.Layers;

/// <summary>One 16-bit word of a checksum walk-through and the one's-complement sum after adding it.</summary>
/// <param name="Part">"pseudo-header", "tcp header", "udp header" or "payload".</param>
/// <param name="Meaning">What the word holds ("source address", "checksum (counted as 0)", ...).</param>
/// <param name="Value">The word.</param>
/// <param name="Sum">The 16-bit one's-complement sum after adding it (a carry out of bit 15 added back in at once).</param>
/// <param name="Carried">True when adding this word carried out of bit 15 and the carry was added back (end-around carry).</param>
public sealed record ChecksumWord(string Part, string Meaning, ushort Value, ushort Sum, bool Carried);

/// <summary>
/// A TCP or UDP checksum worked out by hand from a captured frame (RFC 1071): the pseudo-header (RFC 768/793 for IPv4,
/// RFC 8200 section 8.1 for IPv6), the header with its checksum field counted as 0, and the payload (an odd last byte
/// padded with a zero byte), as 16-bit words summed in one's complement; the complement of the sum is the checksum.
/// </summary>
/// <param name="Protocol">"tcp" or "udp".</param>
/// <param name="Ipv6">True for the IPv6 pseudo-header.</param>
/// <param name="Words">Every word in order, with the running sum.</param>
/// <param name="Sum">The final one's-complement sum.</param>
/// <param name="Computed">The checksum: the complement of the sum (for UDP a 0 is sent as 0xFFFF).</param>
/// <param name="InPacket">What the captured packet's checksum field holds.</param>
/// <param name="LibraryValue">What RawNet's <see cref="InternetChecksum"/> computes for the same bytes (the cross-check).</param>
/// <param name="LeftForOffload">True when the packet holds only the pseudo-header's folded sum (the kernel left the rest to a network card).</param>
public sealed record ChecksumWalk(string Protocol, bool Ipv6, IReadOnlyList<ChecksumWord> Words, ushort Sum, ushort Computed, ushort InPacket,
    ushort LibraryValue, bool LeftForOffload)
{
    /// <summary>True when the packet's checksum is the one worked out here.</summary>
    public bool Matches => Computed == InPacket;

    /// <summary>The walk for the TCP or UDP header of <paramref name="frame"/>; null when it has none whole (or is a fragment).</summary>
    public static ChecksumWalk? Of(byte[] frame)
    {
        if (WireFacts.Read(frame) is not { } facts || facts.Fragmented || facts.TransportOffset < 0
            || facts.Protocol is not (IpProtocol.Tcp or IpProtocol.Udp) || facts.TransportOffset + facts.IpPayloadLength > frame.Length)
            return null;
        bool tcp = facts.Protocol == IpProtocol.Tcp;
        bool v6 = facts.Source.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        var segment = frame.AsSpan(facts.TransportOffset, facts.IpPayloadLength);
        int headerLength = tcp ? (segment[12] >> 4) * 4 : 8;
        int checksumAt = tcp ? 16 : 6;
        if (headerLength > segment.Length)
            return null;
        var words = new List<ChecksumWord>();
        ushort sum = 0;
        void Add(string part, string meaning, ushort value)
        {
            uint next = (uint)sum + value;
            bool carried = next > 0xFFFF;
            sum = (ushort)(carried ? (next & 0xFFFF) + 1 : next);
            words.Add(new ChecksumWord(part, meaning, value, sum, carried));
        }

        var source = facts.Source.GetAddressBytes();
        var destination = facts.Destination.GetAddressBytes();
        const string Pseudo = "pseudo-header";
        for (int i = 0; i < source.Length; i += 2)
            Add(Pseudo, $"source address, bytes {i}-{i + 1}", BinaryPrimitives.ReadUInt16BigEndian(source.AsSpan(i)));
        for (int i = 0; i < destination.Length; i += 2)
            Add(Pseudo, $"destination address, bytes {i}-{i + 1}", BinaryPrimitives.ReadUInt16BigEndian(destination.AsSpan(i)));
        if (v6)
        {
            Add(Pseudo, "upper-layer length, high 16 bits", (ushort)(segment.Length >> 16));
            Add(Pseudo, "upper-layer length, low 16 bits", (ushort)segment.Length);
            Add(Pseudo, "zero", 0);
            Add(Pseudo, "zero, next header " + (int)facts.Protocol, (ushort)facts.Protocol);
        }
        else
        {
            Add(Pseudo, "zero, protocol " + (int)facts.Protocol, (ushort)facts.Protocol);
            Add(Pseudo, (tcp ? "TCP" : "UDP") + " length", (ushort)segment.Length);
        }
        string headerPart = tcp ? "tcp header" : "udp header";
        for (int i = 0; i < headerLength; i += 2)
        {
            bool field = i == checksumAt;
            Add(headerPart, field ? "checksum (counted as 0)" : HeaderWordName(tcp, i), field ? (ushort)0 : BinaryPrimitives.ReadUInt16BigEndian(segment[i..]));
        }
        for (int i = headerLength; i < segment.Length; i += 2)
        {
            bool odd = i + 1 == segment.Length;
            Add("payload", odd ? $"byte {i - headerLength} and a zero byte (padding)" : $"bytes {i - headerLength}-{i - headerLength + 1}",
                odd ? (ushort)(segment[i] << 8) : BinaryPrimitives.ReadUInt16BigEndian(segment[i..]));
        }

        ushort computed = (ushort)~sum;
        ushort inPacket = BinaryPrimitives.ReadUInt16BigEndian(segment[checksumAt..]);
        // The cross-check goes through the library's own sum over the same bytes, with the field taken back out.
        ulong pseudo = v6
            ? InternetChecksum.PseudoHeaderIpv6(source, destination, facts.Protocol, segment.Length)
            : InternetChecksum.PseudoHeaderIpv4(source, destination, facts.Protocol, segment.Length);
        ushort library = InternetChecksum.Expected(InternetChecksum.Add(pseudo, segment), inPacket);
        if (!tcp)
        {
            computed = InternetChecksum.ForUdp(computed);
            library = InternetChecksum.ForUdp(library);
        }
        bool offload = inPacket != computed && inPacket == InternetChecksum.Fold(pseudo);
        return new ChecksumWalk(tcp ? "tcp" : "udp", v6, words, sum, computed, inPacket, library, offload);
    }

    private static string HeaderWordName(bool tcp, int offset) => tcp
        ? offset switch
        {
            0 => "source port",
            2 => "destination port",
            4 => "sequence number, high",
            6 => "sequence number, low",
            8 => "acknowledgment number, high",
            10 => "acknowledgment number, low",
            12 => "data offset, flags",
            14 => "window",
            18 => "urgent pointer",
            _ => $"options, bytes {offset - 20}-{offset - 19}",
        }
        : offset switch
        {
            0 => "source port",
            2 => "destination port",
            _ => "length",
        };
}
