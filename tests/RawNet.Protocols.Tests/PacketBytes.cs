using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using RawNet.Protocols.Checksums;

namespace RawNet.Protocols.Tests;

/// <summary>
/// Test-only packet assembly until the builders of issue 4 exist: headers written by hand, lengths filled in, and every
/// checksum computed by <see cref="InternetChecksum"/> (never a second implementation of the sum).
/// </summary>
internal static class PacketBytes
{
    public const string Mac1 = "00:11:22:33:44:55";
    public const string Mac2 = "66:77:88:99:aa:bb";
    public const string V4Src = "192.0.2.1";
    public const string V4Dst = "198.51.100.2";
    public const string V6Src = "2001:db8::1";
    public const string V6Dst = "2001:db8::2";

    /// <summary>Bytes from hex text; whitespace is ignored.</summary>
    public static byte[] Hex(string hex) =>
        Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c))));

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static byte[] Mac(string text) => text.Split(':').Select(h => byte.Parse(h, NumberStyles.HexNumber)).ToArray();

    public static byte[] Ip(string text) => IPAddress.Parse(text).GetAddressBytes();

    public static byte[] U16(int value)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)value);
        return b;
    }

    public static byte[] U32(uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        return b;
    }

    public static byte[] EthernetFrame(EtherType type, byte[] payload, string destination = Mac1, string source = Mac2) =>
        Concat(Mac(destination), Mac(source), U16((ushort)type), payload);

    /// <summary>A VLAN tag's 4 bytes after its TPID: TCI then the inner EtherType.</summary>
    public static byte[] VlanTagged(int priority, bool dei, int id, EtherType inner, byte[] payload) =>
        Concat(U16((priority << 13) | (dei ? 0x1000 : 0) | id), U16((ushort)inner), payload);

    /// <summary>An IPv4 header (options padded by the caller to a multiple of 4), total length and header checksum filled.</summary>
    public static byte[] Ipv4Packet(IpProtocol protocol, byte[] payload, string source = V4Src, string destination = V4Dst,
        byte[]? options = null, ushort flagsAndOffset = 0x4000, ushort identification = 0x1234, byte ttl = 64, byte tos = 0,
        bool transportChecksum = true)
    {
        options ??= [];
        if (options.Length % 4 != 0)
            throw new ArgumentException("IPv4 options must be padded to 4 bytes", nameof(options));
        int ihl = 20 + options.Length;
        var header = Concat(
            [(byte)(0x40 | (ihl / 4)), tos], U16(ihl + payload.Length), U16(identification), U16(flagsAndOffset),
            [ttl, (byte)protocol, 0, 0], Ip(source), Ip(destination), options);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), InternetChecksum.Compute(header));
        payload = (byte[])payload.Clone();
        if (transportChecksum && (flagsAndOffset & 0x3FFF) == 0)
            FillTransportChecksum(protocol, payload, InternetChecksum.PseudoHeaderIpv4(Ip(source), Ip(destination), protocol, payload.Length));
        return Concat(header, payload);
    }

    /// <summary>An IPv6 extension header: the caller gives its kind and the bytes after next-header/length (padded as the kind requires).</summary>
    public readonly record struct Extension(IpProtocol Kind, byte[] Body);

    /// <summary>An IPv6 header and extension chain; next-header and length fields filled, the upper layer's checksum filled.</summary>
    public static byte[] Ipv6Packet(IpProtocol upper, byte[] segment, Extension[]? extensions = null, string source = V6Src,
        string destination = V6Dst, uint flowLabel = 0, byte trafficClass = 0, byte hopLimit = 64, bool transportChecksum = true)
    {
        extensions ??= [];
        var chain = new List<byte>();
        for (int i = 0; i < extensions.Length; i++)
        {
            var next = i + 1 < extensions.Length ? extensions[i + 1].Kind : upper;
            int total = extensions[i].Body.Length + 2;
            byte length = extensions[i].Kind switch
            {
                IpProtocol.Ipv6Fragment => 0,
                IpProtocol.AuthenticationHeader => (byte)(total / 4 - 2),
                _ => (byte)(total / 8 - 1),
            };
            chain.Add((byte)next);
            chain.Add(length);
            chain.AddRange(extensions[i].Body);
        }
        var first = extensions.Length > 0 ? extensions[0].Kind : upper;
        segment = (byte[])segment.Clone();
        // Only an atomic fragment (offset 0, no more fragments) carries the whole segment.
        bool fragmented = extensions.Any(e => e.Kind == IpProtocol.Ipv6Fragment && (e.Body[0] != 0 || (e.Body[1] & 0xF9) != 0));
        if (transportChecksum && !fragmented)
            FillTransportChecksum(upper, segment, InternetChecksum.PseudoHeaderIpv6(Ip(source), Ip(destination), upper, segment.Length));
        return Concat(
            U32((6u << 28) | ((uint)trafficClass << 20) | flowLabel), U16(chain.Count + segment.Length), [(byte)first, hopLimit],
            Ip(source), Ip(destination), chain.ToArray(), segment);
    }

    /// <summary>A TCP header with options (padded by the caller to 4 bytes); the checksum is filled by the IP builder.</summary>
    public static byte[] TcpSegment(ushort sourcePort, ushort destinationPort, uint sequence, uint acknowledgment, ushort flags,
        byte[]? options = null, byte[]? payload = null, ushort window = 65535, ushort urgent = 0)
    {
        options ??= [];
        payload ??= [];
        if (options.Length % 4 != 0)
            throw new ArgumentException("TCP options must be padded to 4 bytes", nameof(options));
        int offset = (20 + options.Length) / 4;
        return Concat(U16(sourcePort), U16(destinationPort), U32(sequence), U32(acknowledgment),
            U16((offset << 12) | flags), U16(window), [0, 0], U16(urgent), options, payload);
    }

    public static byte[] UdpDatagram(ushort sourcePort, ushort destinationPort, byte[] payload) =>
        Concat(U16(sourcePort), U16(destinationPort), U16(8 + payload.Length), [0, 0], payload);

    /// <summary>An ICMPv4 message, checksum filled over the whole message.</summary>
    public static byte[] IcmpPacket(byte type, byte code, uint restOfHeader, byte[] data)
    {
        var message = Concat([type, code, 0, 0], U32(restOfHeader), data);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), InternetChecksum.Compute(message));
        return message;
    }

    /// <summary>An ICMPv6 message; its checksum needs the pseudo-header, so the IPv6 builder fills it.</summary>
    public static byte[] Icmpv6Packet(byte type, byte code, uint restOfHeader, byte[] data) => Concat([type, code, 0, 0], U32(restOfHeader), data);

    /// <summary>Writes the checksum of a whole TCP/UDP/ICMPv6 segment given its pseudo-header sum.</summary>
    public static void FillTransportChecksum(IpProtocol protocol, byte[] segment, ulong pseudoHeaderSum)
    {
        int at = protocol switch
        {
            IpProtocol.Tcp => 16,
            IpProtocol.Udp => 6,
            IpProtocol.Icmpv6 => 2,
            _ => -1,
        };
        if (at < 0 || segment.Length < at + 2)
            return;
        segment[at] = 0;
        segment[at + 1] = 0;
        ushort sum = InternetChecksum.Finish(InternetChecksum.Add(pseudoHeaderSum, segment));
        if (protocol == IpProtocol.Udp)
            sum = InternetChecksum.ForUdp(sum);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(at), sum);
    }
}
