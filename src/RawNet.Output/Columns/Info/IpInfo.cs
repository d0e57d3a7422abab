using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The columns of an IPv4 or IPv6 packet whose payload does not speak for itself, in tshark's words: a fragment of a
/// datagram not (yet) reassembled, a protocol nobody decodes, IPv6's "no next header", a header whose length or version
/// is impossible, or a header cut short (then, as in tshark, no text at all).
/// </summary>
internal static class IpInfo
{
    /// <summary>Writes an IPv4 header's Info text; true when the header was cut short.</summary>
    public static bool WriteIpv4(TextLine line, in InfoSource source, int index)
    {
        var header = source.Header(index);
        if (header.Length < 1)
            return true;
        int version = header[0] >> 4, headerLength = (header[0] & 0x0F) * 4;
        if (version != 4 && source.SniffsIpVersionAt(index))
        {
            // tshark's "ip" dissector, which these links call, names the version itself before IPv4's could; it returns, so
            // behind LLC in an 802.3 frame tshark goes on to read the trailer, which a capture cut ends in an exception.
            line.Append("Bogus IP version (");
            line.Append(version);
            line.Append(')');
            return index > 0 && source.Packet[index - 1].Kind == LayerKind.Llc && LlcInfo.TrailerCut(in source, index - 1);
        }
        if (version != 4)
        {
            line.Append("Bogus IPv4 version (");
            line.Append(version);
            line.Append(", must be 4)");
            return false;
        }
        if (headerLength < Ipv4Header.MinLength)
        {
            line.Append("Bogus IP header length (");
            line.Append(headerLength);
            line.Append(", must be at least 20)");
            return false;
        }
        if (header.Length < Ipv4Header.Field.TotalLength + 2)
            return true;
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(header[Ipv4Header.Field.TotalLength..]);
        if (totalLength != 0 && totalLength < headerLength)
        {
            line.Append("Bogus IP length (");
            line.Append(totalLength);
            line.Append(", less than header length ");
            line.Append(headerLength);
            line.Append(')');
            return false;
        }
        if (header.Length < headerLength || !Ipv4Header.TryRead(header, out var ip))
            return true;
        if (source.Packet.IsUnreassembledFragment && ip.IsFragment)
        {
            line.Append("Fragmented IP protocol (proto=");
            line.Append(IpProtocolNames.Of((byte)ip.Protocol));
            line.Append(' ');
            line.Append((long)ip.Protocol);
            line.Append(", off=");
            line.Append(ip.FragmentOffsetBytes);
            line.Append(", ID=");
            line.AppendHexDigits(ip.Identification, 4);
            line.Append(')');
            return false;
        }
        if (HasUndecodedPayload(in source, index))
        {
            line.Append(IpProtocolNames.Of((byte)ip.Protocol));
            line.Append(" (");
            line.Append((long)ip.Protocol);
            line.Append(')');
        }
        return false;
    }

    /// <summary>Writes the Info text of an IPv6 header or one of its extension headers; true when a header was cut short.</summary>
    public static bool WriteIpv6(TextLine line, in InfoSource source, int index)
    {
        var packet = source.Packet;
        var kind = packet[index].Kind;
        var header = source.Header(index);
        if (kind == LayerKind.Ipv6 && header.Length >= 1 && header[0] >> 4 != 6)
        {
            if (index > 1 && SerialLinkInfo.NamesRefusedProtocol(in source, index - 1))
                return SerialLinkInfo.Write(line, in source, index - 1);
            if (!RefusalNamed(in source, index))
            {
                // Called directly, the IPv6 dissector's own text stays when it refuses the packet.
                line.Append("Bogus IPv6 version (");
                line.Append(header[0] >> 4);
                line.Append(", must be 6)");
                return false;
            }
            // The IPv6 dissector refuses the packet: tshark shows the EtherType's name instead.
            line.Append("IPv6");
            return false;
        }
        if (!IsComplete(in source, index))
        {
            // Of a packet with no bytes at all tshark reads nothing and says nothing; with none captured it fails reading
            // the version, before it checks the length.
            if (kind == LayerKind.Ipv6 && packet[index].Extent < Ipv6Header.Length && packet[index].Extent > 0 && header.Length > 0)
            {
                // The packet itself ends inside the header (not the capture).
                line.Append("Invalid IPv6 header (");
                line.Append(packet[index].Extent);
                line.Append(" bytes, need exactly 40)");
                return true;
            }
            // A payload length of 0 with no jumbogram length in the Hop-by-Hop header: IPv6 says so, the header is empty.
            bool jumboMissing = kind == LayerKind.Ipv6HopByHop && packet[index].Extent == 0 && packet[index - 1].Kind == LayerKind.Ipv6;
            if (jumboMissing)
                line.Append("Invalid IPv6 payload length");
            AppendChain(line, in source, index, afterText: jumboMissing);
            return true;
        }
        if (kind == LayerKind.Ipv6Fragment && packet.IsUnreassembledFragment)
        {
            AppendFragment(line, header);
            return false;
        }
        byte next = kind == LayerKind.Ipv6 ? header[Ipv6Header.Field.NextHeader] : header[Ipv6ExtensionHeader.Field.NextHeader];
        if (next == (byte)IpProtocol.Ipv6NoNextHeader)
        {
            line.Append("IPv6 no next header");
            return false;
        }
        if (HasUndecodedPayload(in source, index))
        {
            line.Append("Unknown IP Protocol: ");
            line.Append(IpProtocolNames.Of(next));
            line.Append(" (");
            line.Append(next);
            line.Append(')');
            return false;
        }
        AppendChain(line, in source, index);
        // A payload declared but not captured at all is not handed on: tshark stops in the IP layer.
        return index + 1 < packet.LayerCount && packet[index + 1].HeaderLength == 0 && packet[index + 1].Extent > 0;
    }

    /// <summary>Appends what the IP headers before <paramref name="index"/> leave for a payload cut before it wrote anything.</summary>
    public static void AppendLeftFor(TextLine line, in InfoSource source, int index)
    {
        if (index > 1 && (source.Packet[index - 1].Kind == LayerKind.Ipv6 || IsExtension(source.Packet[index - 1].Kind)))
            AppendChain(line, in source, index - 1);
    }

    /// <summary>
    /// Appends what the IP headers up to <paramref name="index"/> leave in the Info column for a payload cut before it
    /// writes its own: IPv4 and the fixed IPv6 header clear it; each IPv6 extension header adds its name (", "
    /// between), and a whole fragment header replaces them with its own text. <paramref name="afterText"/>: the IPv6
    /// header wrote a text of its own first, which the first name follows after the separator.
    /// </summary>
    public static void AppendChain(TextLine line, in InfoSource source, int index, bool afterText = false)
    {
        int start = index;
        while (start > 0 && IsExtension(source.Packet[start].Kind))
            start--;
        int mark = line.Length;
        for (int i = start + 1; i <= index; i++)
        {
            var kind = source.Packet[i].Kind;
            if (kind == LayerKind.Ipv6Fragment)
            {
                if (!IsComplete(in source, i))
                    return;
                line.Truncate(mark);
                AppendFragment(line, source.Header(i));
                continue;
            }
            if (line.Length > mark || (afterText && i == start + 1))
                line.Append(" , ");
            line.Append(kind switch
            {
                LayerKind.Ipv6HopByHop => "IPv6 hop-by-hop options",
                LayerKind.Ipv6Routing => "IPv6 routing",
                LayerKind.Ipv6DestinationOptions => "IPv6 destination options",
                _ => "IPv6 authentication header",
            });
        }
    }

    /// <summary>tshark's short name of an IPv6 extension header's protocol (what its exceptions name), or null for another layer.</summary>
    public static string? ExtensionProtocolName(LayerKind kind) => kind switch
    {
        LayerKind.Ipv6HopByHop => "IPv6 Hop-by-Hop",
        LayerKind.Ipv6Routing => "IPv6 Routing",
        LayerKind.Ipv6Fragment => "IPv6 Fragment",
        LayerKind.Ipv6DestinationOptions => "IPv6 Destination",
        _ => null,
    };

    /// <summary>The protocol column of an IP layer (an IPv6 header the dissector refused shows its EtherType in hex).</summary>
    public static string Protocol(in InfoSource source, int index)
    {
        var kind = source.Packet[index].Kind;
        var header = source.Header(index);
        if (kind == LayerKind.Ipv4)
            return header.Length >= 1 && header[0] >> 4 != 4 && source.SniffsIpVersionAt(index) ? "IP" : "IPv4";
        if (kind != LayerKind.Ipv6 || header.Length < 1 || header[0] >> 4 == 6)
            return "IPv6";
        // A refused IPv6 packet: ARCNET writes its protocol ID, an EtherType's table its own name; other links leave IPv6's.
        var before = index > 1 ? source.Packet[index - 1].Kind : LayerKind.Frame;
        int arcnetId = before == LayerKind.Arcnet ? RawNet.Protocols.Arcnet.ArcnetHeader.ProtocolIdAt(source.Packet[index - 1].Detail) : 0;
        if (before == LayerKind.Arcnet && source.Header(index - 1).Length > arcnetId)
            return HexNames.Of(source.Header(index - 1)[arcnetId]);
        if (index > 1 && SerialLinkInfo.NamesRefusedProtocol(in source, index - 1))
            return SerialLinkInfo.Protocol(in source, index - 1);
        return RefusalNamed(in source, index) ? HexNames.Of((ushort)EtherType.Ipv6) : "IPv6";
    }

    /// <summary>True when the layer at <paramref name="index"/> is an IPv6 header of another version, which tshark's IPv6 dissector refuses.</summary>
    public static bool RefusedIpv6At(in InfoSource source, int index)
    {
        if (index >= source.Packet.LayerCount || source.Packet[index].Kind != LayerKind.Ipv6)
            return false;
        var header = source.Header(index);
        return header.Length >= 1 && header[0] >> 4 != 6;
    }

    /// <summary>True when an IPv6 header the dissector refuses was reached through tshark's "ethertype" dissector, which then names the EtherType.</summary>
    private static bool RefusalNamed(in InfoSource source, int index) =>
        index == 0 || InfoSource.NamesRefusedEtherType(source.Packet[index - 1].Kind);

    /// <summary>True when bytes follow the IP headers and RawNet decoded none of them.</summary>
    private static bool HasUndecodedPayload(in InfoSource source, int index)
    {
        var packet = source.Packet;
        return index + 1 < packet.LayerCount && packet[index + 1].Kind == LayerKind.Payload && packet[index + 1].Extent > 0;
    }

    /// <summary>True for the IPv6 extension headers RawNet decodes.</summary>
    public static bool IsExtension(LayerKind kind) => kind is LayerKind.Ipv6HopByHop or LayerKind.Ipv6Routing or LayerKind.Ipv6Fragment
        or LayerKind.Ipv6DestinationOptions or LayerKind.Ipv6AuthenticationHeader;

    /// <summary>True when the whole IPv6 header or extension header at <paramref name="index"/> was captured.</summary>
    private static bool IsComplete(in InfoSource source, int index)
    {
        var kind = source.Packet[index].Kind;
        var header = source.Header(index);
        if (kind == LayerKind.Ipv6)
            return header.Length >= Ipv6Header.Length;
        return header.Length >= 2 && header.Length >= Ipv6ExtensionHeader.LengthOf(ExtensionProtocol(kind), header);
    }

    private static void AppendFragment(TextLine line, ReadOnlySpan<byte> header)
    {
        ushort word = BinaryPrimitives.ReadUInt16BigEndian(header[Ipv6ExtensionHeader.Field.FragmentOffsetAndFlags..]);
        line.Append("IPv6 fragment (off=");
        line.Append(word & 0xFFF8);
        line.Append((word & 1) != 0 ? " more=y ident=" : " more=n ident=");
        line.AppendHex(BinaryPrimitives.ReadUInt32BigEndian(header[Ipv6ExtensionHeader.Field.FragmentIdentification..]), 8);
        line.Append(" nxt=");
        line.Append(header[Ipv6ExtensionHeader.Field.NextHeader]);
        line.Append(')');
    }

    private static IpProtocol ExtensionProtocol(LayerKind kind) => kind switch
    {
        LayerKind.Ipv6HopByHop => IpProtocol.Ipv6HopByHop,
        LayerKind.Ipv6Routing => IpProtocol.Ipv6Routing,
        LayerKind.Ipv6Fragment => IpProtocol.Ipv6Fragment,
        LayerKind.Ipv6AuthenticationHeader => IpProtocol.AuthenticationHeader,
        _ => IpProtocol.Ipv6DestinationOptions,
    };
}
