using System.Buffers.Binary;

namespace RawNet.Protocols.Juniper;

/// <summary>
/// What tshark 4.0 reads after the Juniper header of a secure tunnel capture (LINKTYPE_JUNIPER_ST, 200;
/// dissect_juniper_st), in its order: the tunnel's Ethernet header (14 bytes), for EtherType 0x0800 the tunnel's IPv4
/// header length (its low nibble, in 4-byte words, 0 included) and protocol (at byte 9), for ESP (50) its SPI and
/// sequence number, 16 bytes it does not know, then the packet, IPv4 or IPv6 by its first byte (else data). Any other
/// EtherType or protocol ends the frame there. tshark's subtree takes 70 bytes before anything is read. A read past the
/// captured bytes sets <see cref="Needed"/>, with the fields read before it kept; -1 marks a field not read.
/// </summary>
public readonly record struct JuniperSecureTunnel
{
    /// <summary>The bytes tshark's subtree spans before the header is read.</summary>
    public const int MinLength = 70;

    /// <summary>Length of the tunnel's Ethernet header.</summary>
    public const int EthernetLength = 14;

    /// <summary>Length of ESP's SPI and sequence number.</summary>
    public const int EspLength = 8;

    /// <summary>The bytes after ESP's header tshark shows as "Tunnel Unknown Data".</summary>
    public const int UnknownLength = 16;

    private const ushort Ipv4EtherType = 0x0800;
    private const byte EspProtocol = 50;

    /// <summary>Where the bytes a read past the capture needed end, or 0.</summary>
    public int Needed { get; init; }

    /// <summary>Offset of the tunnel's Ethernet header (the Juniper header's end), when its 14 bytes were read.</summary>
    public int Ethernet { get; init; }

    /// <summary>The tunnel's EtherType, or -1.</summary>
    public int EtherType { get; init; }

    /// <summary>Offset of the tunnel's IPv4 header, when its length and protocol were read.</summary>
    public int Ip { get; init; }

    /// <summary>The IPv4 header's length nibble (words), or -1.</summary>
    public int IpLength { get; init; }

    /// <summary>The IPv4 protocol, or -1.</summary>
    public int IpProtocol { get; init; }

    /// <summary>Offset of ESP's SPI, or -1 when not read.</summary>
    public int Esp { get; init; }

    /// <summary>The payload type tshark hands on (2, 6, or 0 for data), or -1 when it hands nothing on.</summary>
    public int Type { get; init; }

    /// <summary>Where the payload starts.</summary>
    public int Payload { get; init; }

    /// <summary>tshark's reading of <paramref name="bytes"/> (the captured frame) after the Juniper header that ended at <paramref name="start"/>.</summary>
    public static JuniperSecureTunnel Read(ReadOnlySpan<byte> bytes, int start)
    {
        var t = new JuniperSecureTunnel { Ethernet = -1, EtherType = -1, Ip = -1, IpLength = -1, IpProtocol = -1, Esp = -1, Type = -1 };
        int o = start;
        if (bytes.Length < o + EthernetLength)
            return t with { Needed = o + EthernetLength };
        t = t with { Ethernet = o, EtherType = BinaryPrimitives.ReadUInt16BigEndian(bytes[(o + 12)..]) };
        o += EthernetLength;
        if (t.EtherType != Ipv4EtherType)
            return t;
        // The length nibble, then the protocol 9 bytes on.
        if (bytes.Length < o + 1)
            return t with { Needed = o + 1 };
        t = t with { Ip = o, IpLength = bytes[o] & 0x0F };
        if (bytes.Length < o + 10)
            return t with { Needed = o + 10 };
        t = t with { IpProtocol = bytes[o + 9] };
        o += t.IpLength * 4;
        if (t.IpProtocol != EspProtocol)
            return t;
        if (bytes.Length < o + EspLength)
            return t with { Needed = o + EspLength };
        t = t with { Esp = o };
        o += EspLength;
        if (bytes.Length < o + UnknownLength)
            return t with { Needed = o + UnknownLength };
        o += UnknownLength;
        if (bytes.Length < o + 1)
            return t with { Needed = o + 1 };
        return t with { Type = JuniperTail.IpGuess(bytes[o]), Payload = o };
    }
}
