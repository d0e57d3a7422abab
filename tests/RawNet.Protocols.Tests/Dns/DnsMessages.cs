using System.Text;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Dns;

/// <summary>DNS messages built byte by byte for the tests (RFC 1035 wire format), and frames carrying them.</summary>
internal static class DnsMessages
{
    public static byte[] Header(int id, int flags, int questions, int answers, int authority, int additional) =>
        Concat(U16(id), U16(flags), U16(questions), U16(answers), U16(authority), U16(additional));

    /// <summary>An uncompressed name: length-prefixed labels and the zero label.</summary>
    public static byte[] Name(string name)
    {
        var bytes = new List<byte>();
        foreach (var label in name.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }
        bytes.Add(0);
        return bytes.ToArray();
    }

    /// <summary>A compression pointer to <paramref name="offset"/>.</summary>
    public static byte[] Pointer(int offset) => [(byte)(0xC0 | offset >> 8), (byte)offset];

    public static byte[] Question(byte[] name, int type, int @class = 1) => Concat(name, U16(type), U16(@class));

    public static byte[] Record(byte[] name, int type, uint ttl, byte[] data, int @class = 1) =>
        Concat(name, U16(type), U16(@class), U32(ttl), U16(data.Length), data);

    /// <summary>A query for www.example.com A, id 0x1234, RD set (33 bytes).</summary>
    public static byte[] Query() => Concat(Header(0x1234, 0x0100, 1, 0, 0, 0), Question(Name("www.example.com"), 1));

    /// <summary>
    /// A response to <see cref="Query"/> with one record of every type RawNet shows the data of, names compressed
    /// against the question (offset 12) where a server would: CNAME, A, AAAA, MX, NS, TXT, SOA, SRV, then an OPT record.
    /// </summary>
    public static byte[] Response()
    {
        var owner = Pointer(12);
        return Concat(
            Header(0x1234, 0x8580, 1, 8, 0, 1),
            Question(Name("www.example.com"), 1),
            Record(owner, 5, 300, Concat([3], "cdn"u8.ToArray(), Pointer(16))),
            Record(owner, 1, 300, [198, 18, 0, 2]),
            Record(owner, 28, 60, Ip("2001:db8::80")),
            Record(Pointer(16), 15, 300, Concat(U16(10), [3], "mx1"u8.ToArray(), Pointer(16))),
            Record(Pointer(16), 2, 86400, Concat([3], "ns1"u8.ToArray(), Pointer(16))),
            Record(Pointer(16), 16, 300, Concat([11], "v=spf1 -all"u8.ToArray(), [2], "hi"u8.ToArray())),
            Record(Pointer(16), 6, 900, Concat([3], "ns1"u8.ToArray(), Pointer(16), [10], "hostmaster"u8.ToArray(), Pointer(16),
                U32(2023111401), U32(7200), U32(3600), U32(1209600), U32(300))),
            Record(Concat([4], "_sip"u8.ToArray(), [4], "_udp"u8.ToArray(), Pointer(16)), 33, 300,
                Concat(U16(10), U16(60), U16(5060), [3], "sip"u8.ToArray(), Pointer(16))),
            Concat([0], U16(41), U16(1232), U32(0x00008000), U16(0)));
    }

    /// <summary>An mDNS response: cache-flush bit in the class.</summary>
    public static byte[] MulticastResponse() =>
        Concat(Header(0, 0x8400, 0, 1, 0, 0), Record(Name("printer.local"), 1, 120, [198, 18, 0, 9], 0x8001));

    public static byte[] Frame(byte[] message, ushort sourcePort = 40000, ushort destinationPort = 53) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(sourcePort, destinationPort, message)));

    /// <summary>Offset of the DNS message in <see cref="Frame"/>.</summary>
    public const int MessageOffset = 14 + 20 + 8;
}
