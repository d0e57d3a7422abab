using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Icmp;
using RawNet.Protocols.Icmpv6;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tunnels;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// ICMP's Info text as tshark writes it: the type's name padded to 20 characters, the code's name in parentheses, and
/// for echo, timestamp, information and address-mask messages <c>id=0xI, seq=S/S', ttl=T</c> (the sequence number read
/// both ways round), then "(request in N)" for a reply the tracker paired with its request.
/// </summary>
internal static class IcmpInfo
{
    /// <summary>tshark reads the first six bytes (up to RFC 4884's length) before it writes anything.</summary>
    private const int BytesBeforeText = 6;

    /// <summary>Writes the Info text; true when the message was cut short.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var message = source.Header(index);
        if (message.Length < BytesBeforeText)
            return true;
        byte type = message[IcmpHeader.Field.Type], code = message[IcmpHeader.Field.Code];
        line.AppendPadded(IcmpMessageNames.TypeName(type, code), 20);
        if (IcmpMessageNames.HasCodes(type, code, out string? codeName))
            AppendCode(line, codeName, code, UnknownCode.Colon);
        if (IcmpHeader.IsErrorWithQuote(type))
            return IsCutByCapture(in source, index);
        if (!IcmpMessageNames.HasIdentifier(type))
            return false;
        if (message.Length < IcmpHeader.HeaderLength)
            return true;
        ushort sequence = BinaryPrimitives.ReadUInt16BigEndian(message[IcmpHeader.Field.SequenceNumber..]);
        line.Append(" id=");
        line.AppendHex(BinaryPrimitives.ReadUInt16BigEndian(message[IcmpHeader.Field.Identifier..]), 4);
        line.Append(", seq=");
        line.Append(sequence);
        line.Append('/');
        line.Append(BinaryPrimitives.ReverseEndianness(sequence));
        int ip = source.EnclosingIp(index);
        var ipHeader = ip > 0 ? source.Header(ip) : default;
        if (ip > 0 && source.Packet[ip].Kind == LayerKind.Ipv4 && ipHeader.Length > Ipv4Header.Field.TimeToLive)
        {
            line.Append(", ttl=");
            line.Append(ipHeader[Ipv4Header.Field.TimeToLive]);
        }
        AppendRequestIn(line, in source);
        return false;
    }

    /// <summary>How an unknown code is worded.</summary>
    internal enum UnknownCode : byte
    {
        /// <summary>"Unknown code: N" (ICMP).</summary>
        Colon,
        /// <summary>"Unknown (N)" (most of ICMPv6).</summary>
        Parenthesised,
        /// <summary>"Unknown" (ICMPv6 destination unreachable).</summary>
        Bare,
    }

    /// <summary>Appends " (CODE)", or the unknown code's wording.</summary>
    internal static void AppendCode(TextLine line, string? name, byte code, UnknownCode unknown)
    {
        line.Append(" (");
        if (name is not null)
            line.Append(name);
        else if (unknown == UnknownCode.Colon)
        {
            line.Append("Unknown code: ");
            line.Append(code);
        }
        else if (unknown == UnknownCode.Parenthesised)
        {
            line.Append("Unknown (");
            line.Append(code);
            line.Append(')');
        }
        else
            line.Append("Unknown");
        line.Append(')');
    }

    /// <summary>True when the capture ended inside the message (an error's quote is read as headers, so that stops tshark).</summary>
    internal static bool IsCutByCapture(in InfoSource source, int index) =>
        source.Bytes(index).Length < source.Packet[index].Extent;

    /// <summary>Appends " (request in N)" when the tracker paired this echo reply with its request.</summary>
    internal static void AppendRequestIn(TextLine line, in InfoSource source)
    {
        uint request = source.Packet.Analysis.EchoRequestFrame;
        if (request == 0)
            return;
        line.Append(" (request in ");
        line.Append(request);
        line.Append(')');
    }
}

/// <summary>
/// ICMPv6's Info text as tshark writes it: the type's name, the code's name, echo's <c>id=0xI, seq=S, hop limit=H</c>
/// and "(request in N)", neighbour discovery's target ("for A", "A (rtr, sol, ovr)") and link-layer address options
/// ("from M", "is at M"), and Teredo's direct connectivity test by name.
/// </summary>
internal static class Icmpv6Info
{
    private const byte SourceLinkLayerAddress = 1;
    private const byte TargetLinkLayerAddress = 2;
    private const int TargetAddressOffset = 8;
    private const int TeredoNonceEnd = 12;

    /// <summary>Writes the Info text; true when the message was cut short.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var message = source.Bytes(index);
        if (message.Length < 1)
            return true;
        byte type = message[IcmpHeader.Field.Type];
        bool connectivityTest = TeredoHeader.IsConnectivityTest(source.Packet, index, source.Frame);
        if (connectivityTest)
            line.Append("Direct IPv6 Connectivity Test");
        else if (Icmpv6MessageNames.TypeName(type) is { } name)
            line.Append(name);
        else
        {
            line.Append("Unknown (");
            line.Append(type);
            line.Append(')');
        }
        if (message.Length < 2)
            return true;
        byte code = message[IcmpHeader.Field.Code];
        if (!connectivityTest && Icmpv6MessageNames.HasCodes(type, code, out string? codeName))
        {
            IcmpInfo.AppendCode(line, codeName, code,
                Icmpv6MessageNames.UnknownCodeIsBare(type) ? IcmpInfo.UnknownCode.Bare : IcmpInfo.UnknownCode.Parenthesised);
        }
        if (Icmpv6Message.IsErrorWithQuote(type))
            return IcmpInfo.IsCutByCapture(in source, index);
        if (Icmpv6Message.IsEcho(type))
        {
            if (message.Length < IcmpHeader.HeaderLength)
                return true;
            line.Append(" id=");
            line.AppendHex(BinaryPrimitives.ReadUInt16BigEndian(message[IcmpHeader.Field.Identifier..]), 4);
            line.Append(", seq=");
            line.Append(BinaryPrimitives.ReadUInt16BigEndian(message[IcmpHeader.Field.SequenceNumber..]));
            int ip = source.EnclosingIp(index);
            var ipHeader = ip > 0 ? source.Header(ip) : default;
            if (ip > 0 && source.Packet[ip].Kind == LayerKind.Ipv6 && ipHeader.Length > Ipv6Header.Field.HopLimit)
            {
                line.Append(", hop limit=");
                line.Append(ipHeader[Ipv6Header.Field.HopLimit]);
            }
            if (connectivityTest)
                return message.Length < TeredoNonceEnd;
            IcmpInfo.AppendRequestIn(line, in source);
            return false;
        }
        return AppendNeighborDiscovery(line, message, type) || IcmpInfo.IsCutByCapture(in source, index);
    }

    /// <summary>The protocol column: ICMPv6, or Teredo for its direct connectivity test.</summary>
    public static string Protocol(in InfoSource source, int index) =>
        TeredoHeader.IsConnectivityTest(source.Packet, index, source.Frame) ? "Teredo" : "ICMPv6";

    /// <summary>Neighbour discovery's target address and link-layer address options; true when cut short.</summary>
    private static bool AppendNeighborDiscovery(TextLine line, ReadOnlySpan<byte> message, byte type)
    {
        int options;
        switch ((Icmpv6Type)type)
        {
            case Icmpv6Type.RouterSolicitation:
                options = 8;
                break;
            case Icmpv6Type.RouterAdvertisement:
                options = 16;
                break;
            case Icmpv6Type.NeighborSolicitation:
            case Icmpv6Type.NeighborAdvertisement:
                options = TargetAddressOffset + 16;
                if (message.Length < options)
                    return true;
                if (type == (byte)Icmpv6Type.NeighborSolicitation)
                    line.Append(" for ");
                else
                    line.Append(' ');
                line.AppendIpv6(message.Slice(TargetAddressOffset, 16));
                if (type == (byte)Icmpv6Type.NeighborAdvertisement)
                    AppendAdvertisementFlags(line, message[4]);
                break;
            case Icmpv6Type.Redirect:
                options = Icmpv6Message.RedirectOptionsOffset;
                break;
            default:
                return false;
        }
        for (int at = options; at < message.Length;)
        {
            if (at + 2 > message.Length)
                return true;
            int length = message[at + 1] * 8;
            if (length == 0)
                return false;
            if (at + length > message.Length)
                return true;
            if (length == 8 && message[at] is SourceLinkLayerAddress or TargetLinkLayerAddress)
            {
                line.Append(message[at] == SourceLinkLayerAddress ? " from " : " is at ");
                line.AppendMac(message.Slice(at + 2, 6));
            }
            at += length;
        }
        return false;
    }

    private static void AppendAdvertisementFlags(TextLine line, byte flags)
    {
        line.Append(" (");
        int start = line.Length;
        if ((flags & 0x80) != 0)
            line.Append("rtr");
        if ((flags & 0x40) != 0)
            line.Append(line.Length > start ? ", sol" : "sol");
        if ((flags & 0x20) != 0)
            line.Append(line.Length > start ? ", ovr" : "ovr");
        if (line.Length == start)
            line.Append("none");
        line.Append(')');
    }
}
