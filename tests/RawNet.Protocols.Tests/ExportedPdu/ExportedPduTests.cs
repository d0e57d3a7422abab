using System.Text;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.ExportedPdu;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.ExportedPdu;

public class ExportedPduTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>One tag: number, length, value.</summary>
    public static byte[] Tag(ushort tag, byte[] value) => Concat(U16(tag), U16((ushort)value.Length), value);

    /// <summary>An exported PDU record: a dissector name tag, the other tags, the end tag, the PDU.</summary>
    public static byte[] Record(string? name, byte[] pdu, params byte[][] tags) =>
        Concat(name is null ? [] : Tag(ExportedPduTags.DissectorName, Encoding.ASCII.GetBytes(name)), Concat(tags),
            Tag(ExportedPduTags.EndOfOptions, []), pdu);

    [Fact]
    public void WalkReadsTagsToTheEnd()
    {
        var record = Record("ip", Udp4, Tag(ExportedPduTags.Ipv4Source, [10, 0, 0, 1]), Tag(99, [1, 2, 3]));
        var walk = new ExportedPduWalk(record);
        var tags = new List<(ushort, int, bool)>();
        while (walk.MoveNext())
            tags.Add((walk.Tag, walk.Length, walk.Complete));
        Assert.Equal([(12, 2, true), (20, 4, true), (99, 3, true), (0, 0, true)], tags);
        Assert.Equal(0, walk.Needed);
        Assert.Equal(record.Length - Udp4.Length, walk.PduOffset);
        Assert.False(ExportedPduTags.MapsPortType(7));
        Assert.True(ExportedPduTags.MapsPortType(3));
        Assert.Equal(4, ExportedPduTags.ItemReach(ExportedPduTags.Ipv4Source, 3));
    }

    [Fact]
    public void ParseFieldsAndPdu()
    {
        var record = Record("ip", Udp4, Tag(ExportedPduTags.Ipv4Source, [10, 0, 0, 1]), Tag(ExportedPduTags.PortType, U32(3)),
            Tag(ExportedPduTags.P2pDirection, U32(0xFFFFFFFF)), Tag(ExportedPduTags.ColumnProtocol, "P\0x"u8.ToArray()));
        var packet = Decode.Frame(record, LinkType.WiresharkUpperPdu);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.ExportedPdu, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("12,20,24,35,33,0", Decode.Field(packet, record, "exported_pdu.tag"));
        Assert.Equal("2,4,4,4,3,0", Decode.Field(packet, record, "exported_pdu.tag_len"));
        Assert.Equal("ip", Decode.Field(packet, record, "exported_pdu.prot_name"));
        Assert.Equal("10.0.0.1", Decode.Field(packet, record, "exported_pdu.ipv4_src"));
        Assert.StartsWith("10.0.0.1,", Decode.Field(packet, record, "ip.src"));
        Assert.Equal("3", Decode.Field(packet, record, "exported_pdu.port_type"));
        Assert.Equal("-1", Decode.Field(packet, record, "exported_pdu.p2p_dir"));
        Assert.Equal("P", Decode.Field(packet, record, "exported_pdu.col_proto_str"));
        Assert.Equal(Convert.ToHexStringLower(Udp4), Decode.Field(packet, record, "exported_pdu.exported_pdu"));
    }

    [Fact]
    public void TheNamedDissectorReadsThePdu()
    {
        Assert.Equal(LayerKind.Ipv6, Decode.Frame(Record("ipv6", Tcp6), LinkType.WiresharkUpperPdu)[2].Kind);
        Assert.Equal(LayerKind.Ipv6, Decode.Frame(Record("ip", Tcp6), LinkType.WiresharkUpperPdu)[2].Kind);
        Assert.Equal(LayerKind.Ethernet, Decode.Frame(Record("eth_withoutfcs", EthernetFrame(EtherType.Ipv4, Udp4)), LinkType.WiresharkUpperPdu)[2].Kind);
        // a name tshark has no dissector for, and none at all: the PDU stays undecoded
        Assert.Equal([LayerKind.Frame, LayerKind.ExportedPdu], Decode.Kinds(Decode.Frame(Record("eth", EthernetFrame(EtherType.Ipv4, Udp4)), LinkType.WiresharkUpperPdu)));
        Assert.Equal([LayerKind.Frame, LayerKind.ExportedPdu], Decode.Kinds(Decode.Frame(Record(null, Udp4), LinkType.WiresharkUpperPdu)));
        // the last name counts; a heuristic name after it leaves none
        Assert.Equal(LayerKind.Ipv4, Decode.Frame(Record("nosuch", Udp4, Tag(ExportedPduTags.DissectorName, "ip"u8.ToArray())), LinkType.WiresharkUpperPdu)[2].Kind);
        Assert.Equal(2, Decode.Frame(Record("ip", Udp4, Tag(ExportedPduTags.HeuristicDissectorName, "x"u8.ToArray())), LinkType.WiresharkUpperPdu).LayerCount);
    }

    [Fact]
    public void ShortDamagedAndRefusedRecords()
    {
        var packet = Decode.Frame(Tag(ExportedPduTags.DissectorName, "ip"u8.ToArray()), LinkType.WiresharkUpperPdu);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        byte[] longName = Concat(U16(12), U16(40), "ip"u8.ToArray());
        packet = Decode.Frame(longName, LinkType.WiresharkUpperPdu);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("12", Decode.Field(packet, longName, "exported_pdu.tag"));
        Assert.Null(Decode.Field(packet, longName, "exported_pdu.prot_name"));
        Assert.Equal(DecodeOutcome.Truncated, Decode.Frame(longName, LinkType.WiresharkUpperPdu, originalLength: 44).Outcome);
        // a port type tshark 4.0 no longer maps fails its assertion: nothing after the tag
        var refused = Record("ip", Udp4, Tag(ExportedPduTags.PortType, U32(7)));
        packet = Decode.Frame(refused, LinkType.WiresharkUpperPdu);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("7", Decode.Field(packet, refused, "exported_pdu.port_type"));
        Assert.Null(Decode.Field(packet, refused, "exported_pdu.exported_pdu"));
        var whole = Record("ip", Udp4, Tag(ExportedPduTags.Ipv4Source, [10, 0, 0, 1]));
        for (int cut = 0; cut < whole.Length; cut++)
            Decode.Frame(whole[..cut], LinkType.WiresharkUpperPdu, originalLength: whole.Length);
    }

    [Fact]
    public void HostileRecordsEndInBoundedTime()
    {
        var random = new Random(252);
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 2000; i++)
        {
            var frame = new byte[random.Next(0, 300)];
            random.NextBytes(frame);
            // small lengths, so walks take many steps
            for (int at = 2; at + 1 < frame.Length; at += 4 + random.Next(0, 8))
                frame[at] = 0;
            var packet = Decode.Frame(frame, LinkType.WiresharkUpperPdu, originalLength: frame.Length + random.Next(0, 3));
            Decode.AllFields(packet, frame, text);
        }
    }
}
