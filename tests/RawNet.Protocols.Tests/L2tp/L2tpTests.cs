using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.L2tp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.L2tp;

public class L2tpTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Udp6 = Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    /// <summary>An Ethernet frame with IPv4 and UDP from port 1701 around <paramref name="l2tp"/>.</summary>
    private static byte[] Frame(byte[] l2tp, ushort port = L2tpPorts.L2tp) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(port, 1701, l2tp)));

    private static byte[] Avp(ushort type, byte[] value, ushort flags = 0x8000, ushort vendor = 0) =>
        Concat(U16((ushort)(flags | (6 + value.Length))), U16(vendor), U16(type), value);

    /// <summary>A control message with length and sequence numbers (T, L, S, version 2).</summary>
    private static byte[] Control(params byte[][] avps)
    {
        var body = Concat(avps);
        return Concat(U16(0xC802), U16((ushort)(12 + body.Length)), U16(5), U16(0), U16(1), U16(2), body);
    }

    [Fact]
    public void Deconstruct()
    {
        var bytes = Hex("4a02 0014 0005 0006 0001 0002 0002 aabb ff03");
        Assert.True(L2tpHeader.TryRead(bytes, out var header));
        Assert.Equal(2, header.Version);
        Assert.False(header.IsControl);
        Assert.True(header.HasLength);
        Assert.Equal(20, header.MessageLength);
        Assert.Equal(5, header.TunnelId);
        Assert.Equal(6, header.SessionId);
        Assert.Equal(16, header.Length);
        Assert.Equal(14, L2tpHeader.FixedLength(0x4A02));
        Assert.Equal(6, L2tpHeader.FixedLength(0x0002));
        Assert.False(L2tpHeader.TryRead(bytes[..15], out _));
        Assert.False(L2tpHeader.TryRead(bytes[..1], out _));
    }

    [Fact]
    public void DataMessageCarriesPppWithAndWithoutAddressAndControl()
    {
        var frame = Frame(Concat(Hex("0002 0005 0006 ff03 0021"), Udp4));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.L2tp, LayerKind.Ppp, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload],
            Decode.Kinds(packet));
        Assert.Equal("5", Decode.Field(packet, frame, "l2tp.tunnel"));
        Assert.Equal("6", Decode.Field(packet, frame, "l2tp.session"));
        Assert.Equal("0x0002", Decode.Field(packet, frame, "l2tp.flags"));
        Assert.Null(Decode.Field(packet, frame, "l2tp.length"));
        Assert.Equal("0xff", Decode.Field(packet, frame, "ppp.address"));

        frame = Frame(Concat(Hex("4a02 001a 0005 0006 0003 0004 0001 00"), Hex("57"), Udp6));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Contains(LayerKind.Ipv6, Decode.Kinds(packet));
        Assert.Equal("26", Decode.Field(packet, frame, "l2tp.length"));
        Assert.Equal("3", Decode.Field(packet, frame, "l2tp.Ns"));
        Assert.Equal("4", Decode.Field(packet, frame, "l2tp.Nr"));
        Assert.Equal("1", Decode.Field(packet, frame, "l2tp.offset"));
        Assert.Equal("1", Decode.Field(packet, frame, "l2tp.offset_padding"));
        Assert.Null(Decode.Field(packet, frame, "ppp.address"));
    }

    [Fact]
    public void ControlMessageShowsEveryAvpsCommonFields()
    {
        var frame = Frame(Control(Avp(0, Hex("0001")), Avp(7, Hex("6c6e73")), Avp(9, Hex("1234"), flags: 0xC000), Avp(100, Hex("ab"), flags: 0, vendor: 311)));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(LayerKind.L2tp, packet[packet.LayerCount - 1].Kind);
        Assert.Equal("1,1,1,0", Decode.Field(packet, frame, "l2tp.avp.mandatory"));
        Assert.Equal("0,0,1,0", Decode.Field(packet, frame, "l2tp.avp.hidden"));
        Assert.Equal("8,9,8,7", Decode.Field(packet, frame, "l2tp.avp.length"));
        // A hidden AVP shows its flags and length only.
        Assert.Equal("0,0,311", Decode.Field(packet, frame, "l2tp.avp.vendor_id"));
        Assert.Equal("0,7,100", Decode.Field(packet, frame, "l2tp.avp.type"));
        Assert.Equal("1", Decode.Field(packet, frame, "l2tp.avp.message_type"));
        Assert.Equal("lns", Decode.Field(packet, frame, "l2tp.avp.host_name"));
        // The hidden assigned tunnel ID shows no value.
        Assert.Null(Decode.Field(packet, frame, "l2tp.avp.assigned_tunnel_id"));
        Assert.Null(Decode.Field(packet, frame, "l2tp.zero_length_body_message"));

        frame = Frame(Control(Avp(0, Hex("000a")), Avp(2, Hex("0100")), Avp(9, Hex("0007")), Avp(14, Hex("0009")), Avp(22, Hex("3535"))));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("1", Decode.Field(packet, frame, "l2tp.avp.protocol_version"));
        Assert.Equal("0", Decode.Field(packet, frame, "l2tp.avp.protocol_revision"));
        Assert.Equal("7", Decode.Field(packet, frame, "l2tp.avp.assigned_tunnel_id"));
        Assert.Equal("9", Decode.Field(packet, frame, "l2tp.avp.assigned_session_id"));
        Assert.Equal("55", Decode.Field(packet, frame, "l2tp.avp.calling_number"));

        frame = Frame(Control());
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("1", Decode.Field(packet, frame, "l2tp.zero_length_body_message"));
        Assert.Null(Decode.Field(packet, frame, "l2tp.avp.length"));
    }

    [Fact]
    public void AvpWalkStopsWhereTsharksDoes()
    {
        // An AVP shorter than 6 bytes ends the walk with nothing shown; one past the message ends it in an exception.
        var frame = Frame(Control(Avp(0, Hex("0006")), Hex("8004 0000 0007")));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("8", Decode.Field(packet, frame, "l2tp.avp.length"));

        frame = Frame(Control(Avp(0, Hex("0006")), Hex("8020 0000 0007 6869")));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("8", Decode.Field(packet, frame, "l2tp.avp.length"));

        // A tie breaker whose 8 bytes the message does not hold: its common fields, then the exception.
        frame = Frame(Control(Avp(0, Hex("0006")), Avp(5, Hex("0102"))));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("0,5", Decode.Field(packet, frame, "l2tp.avp.type"));
        Assert.Equal("6", Decode.Field(packet, frame, "l2tp.avp.message_type"));
        // A message type the Info column cannot read: no field at all.
        frame = Frame(Control(Avp(0, [])));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Null(Decode.Field(packet, frame, "l2tp.avp.type"));
        Assert.Null(Decode.Field(packet, frame, "l2tp.flags"));
    }

    [Fact]
    public void OtherVersionsAndPortsStayData()
    {
        foreach (var l2tp in new[] { Hex("0003 0005 0006 ff03 0021"), Hex("0001 0005"), Hex("00") })
        {
            var frame = Frame(l2tp);
            var packet = Decode.Frame(frame, LinkType.Ethernet);
            Assert.DoesNotContain(LayerKind.L2tp, Decode.Kinds(packet));
            Assert.Equal(LayerKind.Payload, packet[packet.LayerCount - 1].Kind);
        }
        // Either port will do.
        Assert.Contains(LayerKind.L2tp, Decode.Kinds(Decode.Frame(Frame(Hex("0002 0005 0006"), port: 40000), LinkType.Ethernet)));
    }

    [Fact]
    public void ShortMessagesShowNoFieldBeforeTsharksColumnReads()
    {
        // The IDs are read before any field: a message without them shows none, not even the flags.
        var frame = Frame(Hex("4002 0006 0005"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.NotEqual(DecodeOutcome.Ok, packet.Outcome);
        Assert.Null(Decode.Field(packet, frame, "l2tp.flags"));
        // The length field cuts the message: a header longer than it is malformed, its first fields shown.
        frame = Frame(Hex("4002 0006 0005 0006 ff03"));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("6", Decode.Field(packet, frame, "l2tp.length"));
        Assert.Equal("5", Decode.Field(packet, frame, "l2tp.tunnel"));
        Assert.Null(Decode.Field(packet, frame, "l2tp.session"));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        foreach (var frame in new[] { Frame(Concat(Hex("4a02 0031 0005 0006 0001 0002 0000 ff03 0021"), Udp4)),
            Frame(Control(Avp(0, Hex("0001")), Avp(7, Hex("6c6e73")), Avp(9, Hex("1234"), flags: 0xC000))) })
        {
            for (int cut = 0; cut < frame.Length; cut++)
            {
                var packet = Decode.Frame(frame[..cut], LinkType.Ethernet, originalLength: frame.Length);
                if (cut >= 42 + 14)
                    Assert.Contains(LayerKind.L2tp, Decode.Kinds(packet));
                // Every cut through the headers (not the inner datagram's data) leaves the packet cut.
                if (cut > 42 + 1 && cut < frame.Length - 3)
                    Assert.True(packet.Outcome != DecodeOutcome.Ok, $"cut {cut} of {frame.Length}: {packet.Outcome}");
                Decode.AllFields(packet, frame.AsSpan(0, cut), text);
            }
        }
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(2661);
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        for (int i = 0; i < 3000; i++)
        {
            var body = new byte[random.Next(0, 300)];
            random.NextBytes(body);
            if (body.Length > 1)
                body[1] = (byte)(body[1] & 0xF0 | 2);
            var frame = Frame(body);
            var packet = Decode.Frame(frame, LinkType.Ethernet, originalLength: frame.Length + random.Next(0, 2) * 100);
            Decode.AllFields(packet, frame, text);
        }
    }
}
